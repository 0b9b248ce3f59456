//! The one shape every source is mapped to.
//!
//! Readers in [`crate::input`] turn exports, API payloads and plain text into
//! [`Review`]s; everything downstream (triage, replies, writers) only ever sees
//! this type, so a new source is a new mapping and nothing else.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// The platform a review was published on. Reply limits and reply etiquette
/// hang off this, so it is a closed set rather than a free string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    GooglePlay,
    AppStore,
    GoogleBusiness,
    GooglePlaces,
    Yelp,
    Trustpilot,
    Tripadvisor,
    Amazon,
    Web,
    #[default]
    Unknown,
}

impl Platform {
    pub const ALL: [Platform; 10] = [
        Platform::GooglePlay,
        Platform::AppStore,
        Platform::GoogleBusiness,
        Platform::GooglePlaces,
        Platform::Yelp,
        Platform::Trustpilot,
        Platform::Tripadvisor,
        Platform::Amazon,
        Platform::Web,
        Platform::Unknown,
    ];

    /// The snake_case name used in output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Platform::GooglePlay => "google_play",
            Platform::AppStore => "app_store",
            Platform::GoogleBusiness => "google_business",
            Platform::GooglePlaces => "google_places",
            Platform::Yelp => "yelp",
            Platform::Trustpilot => "trustpilot",
            Platform::Tripadvisor => "tripadvisor",
            Platform::Amazon => "amazon",
            Platform::Web => "web",
            Platform::Unknown => "unknown",
        }
    }

    pub fn from_name(name: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The platform an export's own `source` or `platform` column names,
    /// written as people write it ("Google Play", "App Store", "iOS",
    /// "Google"); `None` for anything else, which is then kept as it is.
    pub fn from_label(label: &str) -> Option<Platform> {
        // A platform's name is short; a longer value is some other text.
        if label.len() > 40 {
            return None;
        }
        let mut buf = [0u8; 160];
        let folded = crate::text::loose_into(label, &mut buf)?;
        // Names are snake_case: compared without their underscores.
        let bare = |name: &str| name.bytes().filter(|&b| b != b'_').eq(folded.bytes());
        let known = Platform::ALL
            .into_iter()
            .filter(|p| *p != Platform::Unknown)
            .find(|p| bare(p.name()));
        known.or(match folded {
            "playstore" | "googleplaystore" | "android" => Some(Platform::GooglePlay),
            "apple" | "ios" | "itunes" | "appleappstore" => Some(Platform::AppStore),
            "google" | "googlemaps" | "gbp" | "googlemybusiness" | "googlereviews" => {
                Some(Platform::GoogleBusiness)
            }
            _ => None,
        })
    }

    /// The longest reply the platform accepts, where it has a reply API
    /// that enforces one. Replies longer than this are rejected.
    pub fn reply_limit(self) -> Option<ReplyLimit> {
        match self {
            Platform::GooglePlay => Some(ReplyLimit::Chars(350)),
            Platform::GoogleBusiness => Some(ReplyLimit::Utf8Bytes(4096)),
            Platform::AppStore => Some(ReplyLimit::Chars(5970)),
            _ => None,
        }
    }
}

/// A reply length limit and the unit the platform counts it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", content = "max", rename_all = "snake_case")]
pub enum ReplyLimit {
    Chars(usize),
    Utf8Bytes(usize),
}

impl ReplyLimit {
    pub fn max(self) -> usize {
        match self {
            ReplyLimit::Chars(n) | ReplyLimit::Utf8Bytes(n) => n,
        }
    }

    /// The length of `text` in this limit's unit.
    pub fn measure(self, text: &str) -> usize {
        match self {
            ReplyLimit::Chars(_) => text.chars().count(),
            ReplyLimit::Utf8Bytes(_) => text.len(),
        }
    }

    pub fn fits(self, text: &str) -> bool {
        self.measure(text) <= self.max()
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a record came from, precise enough for a person to open the file
/// and find it: `file:line` for line-based inputs, `file: record N` for
/// records inside a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// File path as given, or `<stdin>`.
    pub origin: Arc<str>,
    /// 1-based line where the record starts, when the format has lines.
    pub line: Option<u64>,
    /// 1-based index of the record within its input; 0 for the input as a
    /// whole (a warning about a page, not one of its reviews).
    pub record: u64,
}

impl Location {
    /// The input as a whole.
    pub fn whole(origin: Arc<str>) -> Location {
        Location::new(origin, None, 0)
    }

    pub fn new(origin: Arc<str>, line: Option<u64>, record: u64) -> Location {
        Location {
            origin,
            line,
            record,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.origin, line),
            None if self.record == 0 => write!(f, "{}", self.origin),
            None => write!(f, "{}: record {}", self.origin, self.record),
        }
    }
}

/// One customer review, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Stable id: the source's own, else derived from the location.
    pub id: String,
    pub source: Platform,
    pub author: Option<String>,
    /// Rating normalised to the 1–5 scale (may be fractional, e.g. 3.5).
    pub rating: Option<f64>,
    /// The rating exactly as the source gave it.
    pub rating_raw: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// The date exactly as the source gave it.
    pub date: Option<String>,
    /// The same date as RFC 3339, when it could be parsed.
    pub date_rfc3339: Option<String>,
    pub language: Option<String>,
    /// The business's existing public reply, when the export carries one.
    pub owner_reply: Option<String>,
    pub location: Location,
    /// Every source field that was not mapped above, untouched, so output
    /// loses nothing.
    pub extra: Map<String, Value>,
}

impl Review {
    /// A review with only text and location; mappers fill in the rest.
    pub fn new(text: String, location: Location) -> Review {
        Review {
            id: String::new(),
            source: Platform::Unknown,
            author: None,
            rating: None,
            rating_raw: None,
            title: None,
            text,
            date: None,
            date_rfc3339: None,
            language: None,
            owner_reply: None,
            location,
            extra: Map::new(),
        }
    }

    /// Title and body together, the way a reader sees the review.
    pub fn full_text(&self) -> String {
        match self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(title) if !self.text.is_empty() => format!("{title}. {}", self.text),
            Some(title) => title.to_string(),
            None => self.text.clone(),
        }
    }

    /// The reviewer's first name, when the author field looks like a
    /// person's name rather than a handle or "A Google user".
    pub fn first_name(&self) -> Option<&str> {
        let author = self.author.as_deref()?.trim();
        let first = author.split_whitespace().next()?;
        let looks_like_name = first.chars().next().is_some_and(char::is_uppercase)
            && first
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            && first.chars().count() > 1;
        // Placeholders exports put where a name would be.
        let anonymous = ["A Google user", "Anonymous"]
            .iter()
            .any(|a| author.eq_ignore_ascii_case(a))
            || [
                "anonymous",
                "guest",
                "customer",
                "user",
                "verified",
                "unknown",
                "private",
            ]
            .iter()
            .any(|a| first.eq_ignore_ascii_case(a));
        (looks_like_name && !anonymous).then_some(first)
    }
}
