//! Fetching over HTTP, against a server each test starts on 127.0.0.1 that
//! serves recorded payloads in each source's real shape. No test reaches
//! the internet.

mod apis;
mod apple;
mod behaviour;
mod cli;
#[path = "../common/mod.rs"]
mod common;
mod server;

use replywise::error::{Error, RecordError};
use replywise::fetch::{self, Credentials, FetchEvent, FetchOptions, HttpConfig, Source};
use replywise::input::Event;
use replywise::review::Review;
use server::Server;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What one fetch delivered, and how it ended.
pub struct Run {
    pub reviews: Vec<Review>,
    pub failed: Vec<RecordError>,
    pub notes: Vec<String>,
    pub result: Result<(), Error>,
    /// Every wait the client asked for (backoff, Retry-After, politeness).
    pub pauses: Vec<Duration>,
}

impl Run {
    pub fn ids(&self) -> Vec<&str> {
        self.reviews.iter().map(|r| r.id.as_str()).collect()
    }

    pub fn error(&self) -> String {
        match &self.result {
            Err(e) => e.to_string(),
            Ok(()) => panic!("expected the fetch to fail"),
        }
    }
}

/// Options for tests: the server as base URL, short timeouts, no real
/// waiting (pauses are recorded instead).
pub fn options(server: &Server, pauses: &Arc<Mutex<Vec<Duration>>>) -> FetchOptions {
    let mut options = FetchOptions {
        http: HttpConfig {
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_secs(5),
            attempts: 3,
            backoff: Duration::from_millis(200),
            backoff_cap: Duration::from_secs(2),
            longest_wait: Duration::from_secs(60),
            page_delay: Duration::ZERO,
            max_body: 1024 * 1024,
            env_proxy: false,
        },
        ..FetchOptions::default()
    };
    options.base_urls.add(&server.base).unwrap();
    let record = pauses.clone();
    options.pause = Arc::new(move |d| record.lock().unwrap().push(d));
    options
}

pub fn fetch_with(
    spec: &str,
    server: &Server,
    credentials: &Credentials,
    adjust: impl FnOnce(&mut FetchOptions),
) -> Run {
    let pauses = Arc::new(Mutex::new(Vec::new()));
    let mut options = options(server, &pauses);
    adjust(&mut options);
    let source = Source::parse(spec)
        .expect("a source")
        .expect("a valid spec");
    let (mut reviews, mut failed, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    let result = fetch::fetch(&source, &options, credentials, &mut |event| {
        match event {
            FetchEvent::Input(Event::Review(r)) => reviews.push(*r),
            FetchEvent::Input(Event::Failed(e)) => failed.push(e),
            FetchEvent::Input(Event::Warning(w)) => panic!("unexpected warning {w}"),
            FetchEvent::Note(n) => notes.push(n),
            FetchEvent::PartFailed(e) => notes.push(format!("failed: {e}")),
        }
        Ok(())
    });
    let pauses = pauses.lock().unwrap().clone();
    Run {
        reviews,
        failed,
        notes,
        result,
        pauses,
    }
}

pub fn fetch(spec: &str, server: &Server) -> Run {
    fetch_with(spec, server, &Credentials::default(), |_| {})
}
