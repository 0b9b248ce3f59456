//! Pulling reviews over HTTP from public feeds, web pages and review APIs.
//!
//! A [`Source`] (parsed from a spec such as `appstore:284882215`) is paged
//! through with one [`client::Http`] per source; each page's records go
//! through the same [`crate::input::map`] as files do, so a fetched review
//! is the very `Review` an export of the same platform would give. Reviews
//! are handed to the caller's sink as they arrive: when a later page fails,
//! everything before it has already been delivered.

mod appstore;
mod asc;
pub mod client;
pub mod error;
mod gbp;
mod places;
mod play;
mod retry;
pub mod secrets;
mod spec;
mod trustpilot;
mod web;
mod yelp;

pub use client::{HttpConfig, Pause};
pub use error::{FetchError, FetchErrorKind};
pub use secrets::{Credentials, Redactor, Secret};
pub use spec::{Source, SourceKind, SpecError};

use crate::error::{RecordError, Result, Warning};
use crate::input::{map, Event, FieldOverrides};
use crate::review::{Location, Review};
use chrono::{DateTime, Utc};
use client::{Http, Redirects};
use reqwest::Url;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::Arc;

/// What a fetch hands its caller, in order.
#[derive(Debug)]
pub enum FetchEvent {
    /// A review, or a record that could not be mapped.
    Input(Event),
    /// Something the user should know, such as a source cap that cut the
    /// result short. Not an error.
    Note(String),
    /// One part of a source failed (an App Store storefront); the rest of
    /// it is still fetched. The run counts it as a failed input.
    PartFailed(FetchError),
}

/// Everything about a run's fetching except the sources themselves.
#[derive(Clone)]
pub struct FetchOptions {
    /// App Store storefronts (two-letter country codes).
    pub countries: Vec<String>,
    /// At most this many reviews per source.
    pub limit: Option<usize>,
    /// Skip reviews older than this, and stop paging once pages are older.
    pub since: Option<DateTime<Utc>>,
    pub base_urls: BaseUrls,
    pub http: HttpConfig,
    pub pause: Pause,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            countries: vec!["us".into()],
            limit: None,
            since: None,
            base_urls: BaseUrls::default(),
            http: HttpConfig::default(),
            pause: client::sleep(),
        }
    }
}

/// `--base-url [KIND=]URL`: where to send each kind's requests instead of
/// the real API (a local test server, or a caching proxy).
#[derive(Debug, Clone, Default)]
pub struct BaseUrls {
    all: Option<Url>,
    by_kind: Vec<(SourceKind, Url)>,
}

impl BaseUrls {
    /// Adds one `--base-url` value.
    pub fn add(&mut self, value: &str) -> std::result::Result<(), String> {
        let (kind, url) = match value.split_once('=') {
            Some((name, url)) if SourceKind::from_prefix(name).is_some() => {
                (SourceKind::from_prefix(name), url)
            }
            _ => (None, value),
        };
        let url = Url::parse(url.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
            .ok_or_else(|| {
                format!("--base-url {value}: expected [SOURCE=]http(s)://host[:port][/path]")
            })?;
        match kind {
            Some(kind) => self.by_kind.push((kind, url)),
            None => self.all = Some(url),
        }
        Ok(())
    }

    /// Where requests for `kind` go; `None` for web pages, which are
    /// fetched from their own URL.
    pub fn for_kind(&self, kind: SourceKind) -> Option<Url> {
        self.by_kind
            .iter()
            .rev()
            .find(|(k, _)| *k == kind)
            .map(|(_, u)| u.clone())
            .or_else(|| self.all.clone())
            .or_else(|| Url::parse(kind.default_base()).ok())
    }
}

/// Fetches every review `source` offers, sending each to `sink` as it
/// arrives. On error, what was sent stays sent.
pub fn fetch(
    source: &Source,
    options: &FetchOptions,
    credentials: &Credentials,
    sink: &mut dyn FnMut(FetchEvent) -> Result<()>,
) -> Result<()> {
    let redactor = credentials.redactor();
    let name = match source {
        Source::Web { url } => redactor.url(url),
        other => other.to_string(),
    };
    let redirects = match source {
        Source::AppStore { .. } | Source::Web { .. } => Redirects::Anywhere,
        _ => Redirects::SameOrigin,
    };
    let base = match source {
        Source::Web { url } => url.clone(),
        other => options.base_urls.for_kind(other.kind()).ok_or_else(|| {
            crate::error::Error::Usage(format!("{name}: no base URL for this source"))
        })?,
    };
    let http = Http::new(
        &name,
        &options.http,
        redirects,
        redactor,
        options.pause.clone(),
    )?;
    let mut ctx = Ctx {
        http,
        out: Collector::new(options, sink),
        options,
        credentials,
        base,
        name,
    };
    match source {
        Source::AppStore { app_id } => appstore::fetch(&mut ctx, app_id),
        Source::Web { url } => web::fetch(&mut ctx, url),
        Source::Places { place_id } => places::fetch(&mut ctx, place_id),
        Source::Yelp { business } => yelp::fetch(&mut ctx, business),
        Source::Trustpilot { business_unit } => trustpilot::fetch(&mut ctx, business_unit),
        Source::Play { package } => play::fetch(&mut ctx, package),
        Source::BusinessProfile { account, location } => gbp::fetch(&mut ctx, account, location),
        Source::AppStoreConnect { app_id } => asc::fetch(&mut ctx, app_id),
    }
}

/// What one source's fetch works with.
struct Ctx<'a> {
    http: Http,
    out: Collector<'a>,
    options: &'a FetchOptions,
    credentials: &'a Credentials,
    base: Url,
    /// The spec, as shown in notes and errors.
    name: String,
}

impl Ctx<'_> {
    /// The key a source needs, or a clear error naming the variable.
    fn key(&self, var: &'static str) -> std::result::Result<&Secret, FetchError> {
        self.credentials.get(var).ok_or_else(|| FetchError {
            spec: self.name.clone(),
            url: String::new(),
            status: None,
            kind: FetchErrorKind::MissingKey { var },
        })
    }

    /// `base` plus path segments (each percent-encoded) and a query.
    fn endpoint(&self, segments: &[&str], query: &[(&str, &str)]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url.set_query(None);
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }

    /// A link the server gave for the next page, moved onto our base URL:
    /// a token must never be sent to a host the user did not choose.
    fn rebase(&self, link: &str) -> Option<Url> {
        let link = self.base.join(link).ok()?;
        let mut url = self.base.clone();
        url.set_path(link.path());
        url.set_query(link.query());
        Some(url)
    }
}

/// Whether a source lists its reviews newest first, so that the first
/// review older than `--since` means every later one is older too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    NewestFirst,
    Unordered,
}

/// Whether to ask for another page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    More,
    Done,
}

/// Maps records to reviews and applies `--limit`, `--since` and
/// de-duplication by id before they reach the sink.
struct Collector<'a> {
    limit: Option<usize>,
    since: Option<DateTime<Utc>>,
    sink: &'a mut dyn FnMut(FetchEvent) -> Result<()>,
    kept: usize,
    /// Ids already delivered: storefronts and shifting pages repeat reviews.
    seen: HashSet<String>,
}

impl<'a> Collector<'a> {
    fn new(options: &FetchOptions, sink: &'a mut dyn FnMut(FetchEvent) -> Result<()>) -> Self {
        Collector {
            limit: options.limit,
            since: options.since,
            sink,
            kept: 0,
            seen: HashSet::new(),
        }
    }

    fn full(&self) -> bool {
        self.limit.is_some_and(|limit| self.kept >= limit)
    }

    fn note(&mut self, message: String) -> Result<()> {
        (self.sink)(FetchEvent::Note(message))
    }

    fn part_failed(&mut self, error: FetchError) -> Result<()> {
        (self.sink)(FetchEvent::PartFailed(error))
    }

    /// Delivers one page of records; `origin` (a redacted URL) locates them.
    fn page(&mut self, records: Vec<Value>, origin: &str, order: Order) -> Result<Flow> {
        let origin: Arc<str> = Arc::from(origin);
        let total = records.len();
        let mut older = 0;
        for (index, value) in records.into_iter().enumerate() {
            if self.full() {
                return Ok(Flow::Done);
            }
            let location = Location::new(origin.clone(), None, index as u64 + 1);
            let mut warnings = Vec::new();
            let mapped = map::to_review(
                value,
                location.clone(),
                &FieldOverrides::default(),
                &mut warnings,
            );
            for message in warnings {
                let location = location.clone();
                (self.sink)(FetchEvent::Input(Event::Warning(Warning {
                    location,
                    message,
                })))?;
            }
            let review = match mapped {
                Ok(review) => review,
                Err(problem) => {
                    (self.sink)(FetchEvent::Input(Event::Failed(RecordError {
                        location,
                        problem,
                    })))?;
                    continue;
                }
            };
            if self.is_older(&review) {
                if order == Order::NewestFirst {
                    return Ok(Flow::Done);
                }
                older += 1;
                continue;
            }
            if self.seen.insert(review.id.clone()) {
                self.kept += 1;
                (self.sink)(FetchEvent::Input(Event::Review(Box::new(review))))?;
            }
        }
        Ok(if self.full() || (total > 0 && older == total) {
            Flow::Done
        } else {
            Flow::More
        })
    }

    /// True when the review is dated before `--since`. Undated reviews are
    /// kept: there is no telling.
    fn is_older(&self, review: &Review) -> bool {
        let (Some(since), Some(date)) = (self.since, review.date_rfc3339.as_deref()) else {
            return false;
        };
        DateTime::parse_from_rfc3339(date).is_ok_and(|d| d < since)
    }
}

/// The reviews array at `key` of a JSON object: absent or null is an empty
/// page; anything else that is not an array is the wrong shape.
fn records_at(
    http: &Http,
    page: &client::Page,
    value: &mut Value,
    key: &str,
) -> std::result::Result<Vec<Value>, FetchError> {
    let Some(object) = value.as_object_mut() else {
        return Err(http.shape(page, format!("expected a JSON object with \"{key}\"")));
    };
    match object.shift_remove(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(http.shape(page, format!("\"{key}\" is not a list"))),
    }
}

/// The largest page any paged source is followed to; a server that keeps
/// handing out next-page tokens is not followed forever.
const MAX_PAGES: usize = 1000;

/// A next-page token or link, when the answer has a usable one.
fn next_token(value: &Value, pointer: &str) -> Option<String> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_api_has_a_default_base_and_base_urls_override_it() {
        let mut urls = BaseUrls::default();
        for kind in SourceKind::PREFIXED {
            let base = urls.for_kind(kind).unwrap();
            assert_eq!(base.scheme(), "https", "{kind:?}");
        }
        urls.add("http://127.0.0.1:9000/proxy").unwrap();
        urls.add("yelp=http://127.0.0.1:9001").unwrap();
        let yelp = urls.for_kind(SourceKind::Yelp).unwrap();
        assert_eq!(yelp.as_str(), "http://127.0.0.1:9001/");
        let play = urls.for_kind(SourceKind::Play).unwrap();
        assert_eq!(play.as_str(), "http://127.0.0.1:9000/proxy");
        assert!(urls.add("ftp://x").is_err());
        assert!(
            urls.add("nope=http://x").is_err(),
            "an unknown kind is not a URL"
        );
    }
}
