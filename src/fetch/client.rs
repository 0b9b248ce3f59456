//! The one HTTP client every source uses, and the manners it keeps.
//!
//! Connect and total timeouts; a bounded number of attempts with
//! exponential backoff and jitter on 429, 5xx and connection failures,
//! honouring `Retry-After` in seconds or as an HTTP date; a polite pause
//! between requests; gzip; a `User-Agent` that says who is asking; TLS
//! through rustls on the ring provider; proxies from `HTTP_PROXY`,
//! `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY`; and a cap on response bodies. Everything
//! that can reach an error message passes through the [`Redactor`].

use super::error::{hint, looks_like_html, summarize, FetchError, FetchErrorKind};
use super::retry;
use super::secrets::{Redactor, Secret};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use reqwest::redirect::Policy;
use reqwest::Url;
use serde_json::Value;
use std::cell::Cell;
use std::io::Read;
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

pub const USER_AGENT: &str = concat!(
    "replywise/",
    env!("CARGO_PKG_VERSION"),
    " (customer review assistant; reads public reviews)"
);

/// Redirect chains longer than this are refused.
const MAX_REDIRECTS: usize = 5;

/// How patient and how polite to be. The defaults suit the real APIs;
/// tests shrink every duration.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub connect_timeout: Duration,
    /// From sending the request to the last byte of the body.
    pub timeout: Duration,
    /// Tries per request, the first included.
    pub attempts: u32,
    /// The first backoff; it doubles per attempt up to `backoff_cap`.
    pub backoff: Duration,
    pub backoff_cap: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the fetch.
    pub longest_wait: Duration,
    /// The pause between two requests of one source.
    pub page_delay: Duration,
    /// Bodies larger than this (after decompression) are refused.
    pub max_body: u64,
    /// Use the proxies named by `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`
    /// and `NO_PROXY`. Tests turn this off to stay on 127.0.0.1.
    pub env_proxy: bool,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            attempts: 4,
            backoff: Duration::from_secs(1),
            backoff_cap: Duration::from_secs(30),
            longest_wait: Duration::from_secs(120),
            page_delay: Duration::from_millis(500),
            max_body: 32 * 1024 * 1024,
            env_proxy: true,
        }
    }
}

/// How waiting is done; tests record the waits instead of sleeping.
pub type Pause = Arc<dyn Fn(Duration) + Send + Sync>;

pub fn sleep() -> Pause {
    Arc::new(std::thread::sleep)
}

/// Whether a redirect may lead to another host. Keyed APIs stay on their
/// host so a key sent in a header never travels somewhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redirects {
    SameOrigin,
    Anywhere,
}

/// One answer, read to the end.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    /// The URL that answered, after redirects.
    pub url: Url,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Page {
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}

pub struct Http {
    client: reqwest::blocking::Client,
    config: HttpConfig,
    spec: String,
    redactor: Redactor,
    pause: Pause,
    last_request: Cell<Option<Instant>>,
}

/// What one try came to.
enum Attempt {
    Done(Page),
    /// Worth another try, after `wait` if the server named one.
    Retry {
        status: Option<u16>,
        wait: Option<Duration>,
        kind: FetchErrorKind,
    },
    Fail(FetchError),
}

/// rustls needs a process-wide crypto provider; replywise uses ring.
fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err means a provider is already installed, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl Http {
    /// A client for one source; `spec` names it in errors.
    pub fn new(
        spec: &str,
        config: &HttpConfig,
        redirects: Redirects,
        redactor: Redactor,
        pause: Pause,
    ) -> Result<Http, FetchError> {
        install_crypto_provider();
        let policy = Policy::custom(move |attempt| {
            let Some(from) = attempt.previous().last() else {
                return attempt.follow();
            };
            let to = attempt.url();
            let host = to.host_str().unwrap_or("?").to_string();
            if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
            } else if from.scheme() == "https" && to.scheme() != "https" {
                attempt.error(format!("refused to leave HTTPS for {host}"))
            } else if redirects == Redirects::SameOrigin && from.origin() != to.origin() {
                attempt.error(format!(
                    "refused to follow a redirect to {host}: the request carries a key"
                ))
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(policy);
        if !config.env_proxy {
            builder = builder.no_proxy();
        }
        let client = builder.build().map_err(|e| FetchError {
            spec: spec.to_string(),
            url: String::new(),
            status: None,
            kind: FetchErrorKind::Client {
                detail: redactor.text(&chain(&e)),
            },
        })?;
        Ok(Http {
            client,
            config: config.clone(),
            spec: spec.to_string(),
            redactor,
            pause,
            last_request: Cell::new(None),
        })
    }

    /// An error about `url` from this source, redacted.
    pub fn error(&self, url: &Url, status: Option<u16>, kind: FetchErrorKind) -> FetchError {
        FetchError {
            spec: self.spec.clone(),
            url: self.redactor.url(url),
            status,
            kind,
        }
    }

    /// The URL as it may be shown (in locations and notes).
    pub fn shown(&self, url: &Url) -> String {
        self.redactor.url(url)
    }

    /// A header carrying a secret, marked sensitive so no debug output of
    /// the request shows it.
    pub fn secret_header(
        &self,
        name: &'static str,
        prefix: &str,
        secret: &Secret,
        var: &'static str,
    ) -> Result<(HeaderName, HeaderValue), FetchError> {
        let mut value =
            HeaderValue::from_str(&format!("{prefix}{}", secret.expose())).map_err(|_| {
                FetchError {
                    spec: self.spec.clone(),
                    url: String::new(),
                    status: None,
                    kind: FetchErrorKind::Client {
                        detail: format!(
                            "{var} holds characters that cannot be sent in an HTTP header"
                        ),
                    },
                }
            })?;
        value.set_sensitive(true);
        Ok((HeaderName::from_static(name), value))
    }

    /// GETs `url` and insists on a 2xx answer.
    pub fn get(&self, url: &Url, headers: &HeaderMap) -> Result<Page, FetchError> {
        let page = self.get_any(url, headers)?;
        self.success(page)
    }

    /// The page if its status is 2xx, else an error carrying the status
    /// and what the server said.
    pub fn success(&self, page: Page) -> Result<Page, FetchError> {
        if (200..300).contains(&page.status) {
            return Ok(page);
        }
        Err(self.error(
            &page.url,
            Some(page.status),
            FetchErrorKind::Status {
                body: summarize(&self.redactor, &page.body),
                hint: hint(page.status),
            },
        ))
    }

    /// GETs `url`, retrying what is worth retrying, and returns the final
    /// answer whatever its status.
    pub fn get_any(&self, url: &Url, headers: &HeaderMap) -> Result<Page, FetchError> {
        self.polite_delay();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = self.attempt(url, headers);
            self.last_request.set(Some(Instant::now()));
            match outcome {
                Attempt::Done(page) => return Ok(page),
                Attempt::Fail(error) => return Err(error),
                Attempt::Retry { status, wait, kind } => {
                    if attempt >= self.config.attempts {
                        let kind = if attempt == 1 {
                            kind
                        } else {
                            FetchErrorKind::GaveUp {
                                attempts: attempt,
                                last: kind.to_string(),
                            }
                        };
                        return Err(self.error(url, status, kind));
                    }
                    let wait = wait.unwrap_or_else(|| retry::backoff(&self.config, attempt));
                    if wait > self.config.longest_wait {
                        return Err(self.error(url, status, FetchErrorKind::RetryTooLate { wait }));
                    }
                    (self.pause)(wait);
                }
            }
        }
    }

    /// Parses a page as JSON, saying clearly when it is HTML or broken.
    pub fn json(&self, page: &Page) -> Result<Value, FetchError> {
        serde_json::from_slice(&page.body).map_err(|e| {
            let html = page
                .content_type
                .as_deref()
                .is_some_and(|t| t.contains("html"))
                || looks_like_html(&page.body);
            self.error(
                &page.url,
                Some(page.status),
                FetchErrorKind::NotJson {
                    detail: e.to_string(),
                    html,
                },
            )
        })
    }

    /// An error for a JSON answer of the wrong shape.
    pub fn shape(&self, page: &Page, detail: impl Into<String>) -> FetchError {
        self.error(
            &page.url,
            Some(page.status),
            FetchErrorKind::Shape {
                detail: detail.into(),
            },
        )
    }

    fn polite_delay(&self) {
        if let Some(last) = self.last_request.get() {
            let since = last.elapsed();
            if since < self.config.page_delay {
                (self.pause)(self.config.page_delay - since);
            }
        }
    }

    fn attempt(&self, url: &Url, headers: &HeaderMap) -> Attempt {
        let response = match self.client.get(url.clone()).headers(headers.clone()).send() {
            Ok(response) => response,
            Err(e) => return self.transport_error(url, e),
        };
        let status = response.status();
        let code = status.as_u16();
        let final_url = response.url().clone();
        if retry::is_retryable(status) {
            let wait = retry::retry_after(response.headers());
            let body = self.read_capped(response, 64 * 1024).unwrap_or_default();
            return Attempt::Retry {
                status: Some(code),
                wait,
                kind: FetchErrorKind::Status {
                    body: summarize(&self.redactor, &body),
                    hint: hint(code),
                },
            };
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        if response
            .content_length()
            .is_some_and(|n| n > self.config.max_body)
        {
            return self.too_large(&final_url, code);
        }
        match self.read_capped(response, self.config.max_body) {
            Ok(body) if body.len() as u64 > self.config.max_body => {
                self.too_large(&final_url, code)
            }
            Ok(body) => Attempt::Done(Page {
                status: code,
                url: final_url,
                content_type,
                body,
            }),
            Err(e) if is_timeout(&e) => Attempt::Retry {
                status: Some(code),
                wait: None,
                kind: FetchErrorKind::Timeout {
                    after: self.config.timeout,
                },
            },
            Err(e) => Attempt::Retry {
                status: Some(code),
                wait: None,
                kind: FetchErrorKind::Connect {
                    detail: self.redactor.text(&chain(&e)),
                },
            },
        }
    }

    fn too_large(&self, url: &Url, status: u16) -> Attempt {
        Attempt::Fail(self.error(
            url,
            Some(status),
            FetchErrorKind::TooLarge {
                limit: self.config.max_body,
            },
        ))
    }

    /// Reads at most `cap + 1` bytes, so the caller can tell "too big".
    fn read_capped(
        &self,
        response: reqwest::blocking::Response,
        cap: u64,
    ) -> std::io::Result<Vec<u8>> {
        let mut body = Vec::new();
        response
            .take(cap.saturating_add(1))
            .read_to_end(&mut body)?;
        Ok(body)
    }

    fn transport_error(&self, url: &Url, error: reqwest::Error) -> Attempt {
        let error = error.without_url();
        let detail = self.redactor.text(&chain(&error));
        if error.is_redirect() {
            return Attempt::Fail(self.error(url, None, FetchErrorKind::Redirect { detail }));
        }
        if error.is_builder() {
            return Attempt::Fail(self.error(url, None, FetchErrorKind::Client { detail }));
        }
        let kind = if error.is_timeout() {
            FetchErrorKind::Timeout {
                after: self.config.timeout,
            }
        } else {
            FetchErrorKind::Connect { detail }
        };
        Attempt::Retry {
            status: None,
            wait: None,
            kind,
        }
    }
}

fn is_timeout(error: &std::io::Error) -> bool {
    if error.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = error.get_ref().map(|e| e as _);
    while let Some(e) = source {
        if e.downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
        {
            return true;
        }
        source = e.source();
    }
    false
}

/// An error and its causes on one line (reqwest's own message is terse).
fn chain(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = e.source();
    }
    parts.join(": ")
}
