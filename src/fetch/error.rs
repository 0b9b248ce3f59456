//! What can go wrong while fetching, said so a person can act on it.
//!
//! Every error names the source spec the user typed, the URL (already
//! redacted: see [`super::secrets`]) and the HTTP status when there was one,
//! so `replywise: error: yelp:acme: GET https://...: HTTP 401: ...` is enough
//! to tell which key, which page and which answer was wrong.

use std::fmt;
use std::time::Duration;

/// A fetch that could not go on. Reviews delivered before it are kept.
#[derive(Debug)]
pub struct FetchError {
    /// The source spec as the user wrote it (`appstore:123`).
    pub spec: String,
    /// The URL requested, with keys and tokens redacted; empty when the
    /// failure came before any request.
    pub url: String,
    /// The HTTP status of the last answer, when there was one.
    pub status: Option<u16>,
    pub kind: FetchErrorKind,
}

/// The ways a fetch fails. Details are redacted before they get here.
#[derive(Debug)]
pub enum FetchErrorKind {
    /// The key or token the source needs is not in the environment.
    MissingKey {
        var: &'static str,
    },
    /// The server answered with an error status.
    Status {
        body: String,
        hint: &'static str,
    },
    /// Transient failures went on past the last attempt.
    GaveUp {
        attempts: u32,
        last: String,
    },
    /// The server asked us to come back later than we are willing to wait.
    RetryTooLate {
        wait: Duration,
    },
    Timeout {
        after: Duration,
    },
    Connect {
        detail: String,
    },
    Redirect {
        detail: String,
    },
    TooLarge {
        limit: u64,
    },
    /// The body is not JSON; `html` when it looks like a web page.
    NotJson {
        detail: String,
        html: bool,
    },
    /// JSON, but not the shape this source answers with.
    Shape {
        detail: String,
    },
    /// The HTTP client could not be set up (TLS, proxy settings).
    Client {
        detail: String,
    },
}

impl std::error::Error for FetchError {}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.spec)?;
        if !self.url.is_empty() {
            write!(f, ": GET {}", self.url)?;
        }
        if let Some(status) = self.status {
            write!(f, ": HTTP {status}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl fmt::Display for FetchErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchErrorKind::MissingKey { var } => write!(
                f,
                "this source needs a key: set the environment variable {var} \
                 (keys are never taken from flags, so they stay out of shell history)"
            ),
            FetchErrorKind::Status { body, hint } => {
                write!(f, "the server answered with an error")?;
                if !body.is_empty() {
                    write!(f, " ({body})")?;
                }
                if !hint.is_empty() {
                    write!(f, "; {hint}")?;
                }
                Ok(())
            }
            FetchErrorKind::GaveUp { attempts, last } => {
                write!(f, "gave up after {attempts} attempts: {last}")
            }
            FetchErrorKind::RetryTooLate { wait } => write!(
                f,
                "the server asked to retry after {}s, longer than replywise waits; try again later",
                wait.as_secs()
            ),
            FetchErrorKind::Timeout { after } => write!(
                f,
                "no complete answer within {:.1}s; raise --timeout or try again later",
                after.as_secs_f64()
            ),
            FetchErrorKind::Connect { detail } => write!(
                f,
                "could not connect ({detail}); check the address, the network and any proxy settings"
            ),
            FetchErrorKind::Redirect { detail } => write!(f, "redirect not followed ({detail})"),
            FetchErrorKind::TooLarge { limit } => write!(
                f,
                "the response is larger than the {} MiB limit; this is not a review page",
                limit / (1024 * 1024)
            ),
            FetchErrorKind::NotJson { html: true, .. } => write!(
                f,
                "expected JSON but got an HTML page (an error or login page, or the wrong --base-url?)"
            ),
            FetchErrorKind::NotJson { detail, .. } => write!(f, "malformed JSON ({detail})"),
            FetchErrorKind::Shape { detail } => write!(f, "unexpected response: {detail}"),
            FetchErrorKind::Client { detail } => {
                write!(f, "could not set up the HTTP client ({detail})")
            }
        }
    }
}
