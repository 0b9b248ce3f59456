//! A tiny HTTP server on 127.0.0.1 that serves recorded payloads, so every
//! fetch test runs offline. It records each request it saw.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One answer the server gives.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering (for timeout tests).
    pub delay: Duration,
    /// Send the body chunked, without a Content-Length.
    pub chunked: bool,
}

impl Reply {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
            delay: Duration::ZERO,
            chunked: false,
        }
    }

    pub fn json(body: impl Into<Vec<u8>>) -> Reply {
        Reply::new(200, body).header("Content-Type", "application/json; charset=utf-8")
    }

    /// A recorded payload from `tests/fixtures/http/`.
    pub fn fixture(name: &str) -> Reply {
        Reply::json(fixture(name))
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    pub fn chunked(mut self) -> Reply {
        self.chunked = true;
        self
    }
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/http/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Path and query.
    pub url: String,
    pub headers: Vec<(String, String)>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Routes get the request's path and query, and how many times that exact
/// URL was asked for before (0 the first time).
type Routes = dyn Fn(&str, usize) -> Reply + Send + Sync;

pub struct Server {
    pub base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(routes: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let base = format!("http://127.0.0.1:{port}");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let routes: Arc<Routes> = Arc::new(routes);
        let thread = {
            let (seen, stop, base) = (seen.clone(), stop.clone(), base.clone());
            std::thread::spawn(move || {
                let mut counts: HashMap<String, usize> = HashMap::new();
                while !stop.load(Ordering::SeqCst) {
                    let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(20)) else {
                        continue;
                    };
                    let url = request.url().to_string();
                    let count = counts.entry(url.clone()).or_default();
                    let nth = *count;
                    *count += 1;
                    seen.lock().unwrap().push(Seen {
                        url: url.clone(),
                        headers: request
                            .headers()
                            .iter()
                            .map(|h| (h.field.to_string(), h.value.to_string()))
                            .collect(),
                    });
                    let reply = routes(&url, nth);
                    let base = base.clone();
                    // Answer on another thread, so a slow answer does not
                    // hold up the retry that follows it.
                    std::thread::spawn(move || respond(request, reply, &base));
                }
            })
        };
        Server {
            base,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn urls(&self) -> Vec<String> {
        self.seen().into_iter().map(|s| s.url).collect()
    }
}

fn respond(request: tiny_http::Request, reply: Reply, base: &str) {
    std::thread::sleep(reply.delay);
    // Payloads name the server as {BASE}, as real APIs name themselves.
    let body = String::from_utf8(reply.body.clone())
        .map(|text| text.replace("{BASE}", base).into_bytes())
        .unwrap_or(reply.body);
    let length = (!reply.chunked).then_some(body.len());
    let headers = reply
        .headers
        .iter()
        .filter_map(|(n, v)| tiny_http::Header::from_bytes(n.as_bytes(), v.as_bytes()).ok())
        .collect();
    let response = tiny_http::Response::new(
        tiny_http::StatusCode(reply.status),
        headers,
        Cursor::new(body),
        length,
        None,
    );
    let _ = request.respond(response);
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
