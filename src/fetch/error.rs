//! What can go wrong while fetching, said so a person can act on it.
//!
//! Every error names the source spec the user typed, the URL (already
//! redacted: see [`super::secrets`]) and the HTTP status when there was one,
//! so `replywise: error: yelp:acme: GET https://...: HTTP 401: ...` is enough
//! to tell which key, which page and which answer was wrong.

use super::secrets::Redactor;
use serde_json::Value;
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

/// A short, redacted account of an error body: the message of a JSON
/// error object, "an HTML page", or the first line of text.
pub(super) fn summarize(redactor: &Redactor, body: &[u8]) -> String {
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        let message = [
            "/error/message",
            "/error/description",
            "/error_description",
            "/message",
            "/errors/0/detail",
            "/errors/0/title",
            "/error",
        ]
        .iter()
        .find_map(|p| value.pointer(p).and_then(Value::as_str));
        if let Some(message) = message {
            return redactor.text(&clip(message, 300));
        }
    }
    if looks_like_html(body) {
        return "an HTML page".into();
    }
    let text = String::from_utf8_lossy(&body[..body.len().min(2048)]);
    redactor.text(&clip(&text, 300))
}

/// Advice for an error status.
pub(super) fn hint(status: u16) -> &'static str {
    match status {
        401 | 403 => {
            "check the key or token: it may be wrong, expired, or lack access to this resource"
        }
        404 => "check the id in the source spec",
        429 => "the server is rate limiting; wait and try again",
        500..=599 => "the server is having trouble; try again later",
        _ => "",
    }
}

/// True when a body is an HTML page (often an error or login page served
/// where JSON was expected).
pub fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || head.starts_with("<!--")
}

/// Whitespace folded and cut to `max` characters.
fn clip(text: &str, max: usize) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::text::truncate_chars(&folded, max).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::secrets::{Credentials, Secret, YELP_API_KEY};

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<html lang=en>"));
        assert!(!looks_like_html(b"{\"feed\": {}}"));
        assert!(!looks_like_html(
            b"CustomerReviews RSS page depth is limited to 10"
        ));
    }

    #[test]
    fn error_bodies_are_summarised_short_and_redacted() {
        let redactor = Credentials::default()
            .with(YELP_API_KEY, Secret::new("sekrit-99"))
            .redactor();
        let google =
            br#"{"error": {"code": 403, "message": "The caller does not have permission"}}"#;
        assert_eq!(
            summarize(&redactor, google),
            "The caller does not have permission"
        );
        let asc = br#"{"errors": [{"status": "401", "title": "Unauthorized", "detail": "token sekrit-99 expired"}]}"#;
        assert_eq!(summarize(&redactor, asc), "token [REDACTED] expired");
        assert_eq!(
            summarize(&redactor, b"<!DOCTYPE html><html>..."),
            "an HTML page"
        );
        let long = "x ".repeat(1000);
        assert!(summarize(&redactor, long.as_bytes()).chars().count() <= 300);
    }
}
