//! schema.org `Review`s in a web page: JSON-LD first, microdata as a
//! fallback.
//!
//! [`super::html`] takes the page apart with a real HTML tokenizer; here
//! the JSON-LD blocks it found are searched for Review objects
//! wherever they sit: top level, arrays, `@graph`, or `review` inside a
//! Product, LocalBusiness or Organization. Pages often carry the same
//! reviews in both encodings, so microdata is only read when JSON-LD gave
//! none. Each review is normalised to `"@type": "Review"` so the input
//! mapping recognises it, and learns what it is about (`itemReviewed`).

use serde_json::{Map, Value};

/// What a page yielded.
#[derive(Debug, Default)]
pub struct Extraction {
    pub reviews: Vec<Value>,
    /// Parse errors of JSON-LD blocks that were skipped.
    pub bad_blocks: Vec<String>,
}

/// Finds the reviews in an HTML page.
pub fn extract(html: &str) -> Extraction {
    let scan = super::html::scan(html);
    let mut out = Extraction::default();
    for block in &scan.blocks {
        match serde_json::from_str::<Value>(unwrap_block(block)) {
            Ok(value) => collect(&value, None, &mut out.reviews, 0),
            Err(e) => out.bad_blocks.push(e.to_string()),
        }
    }
    if out.reviews.is_empty() {
        for item in &scan.items {
            collect(item, None, &mut out.reviews, 0);
        }
    }
    out
}

/// The reviews in a JSON-LD document served as JSON rather than HTML.
pub fn reviews_in(value: &Value) -> Vec<Value> {
    let mut reviews = Vec::new();
    collect(value, None, &mut reviews, 0);
    reviews
}

/// Some CMSes wrap JSON-LD in HTML comment or CDATA markers.
fn unwrap_block(block: &str) -> &str {
    let mut s = block.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    s
}

const MAX_DEPTH: usize = 32;

/// Walks a JSON-LD value for Review objects. `about` is the nearest named
/// thing above, which the reviews are taken to be about.
fn collect(value: &Value, about: Option<&Value>, out: &mut Vec<Value>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect(item, about, out, depth + 1);
            }
        }
        Value::Object(map) => {
            if types(map).any(is_review_type) {
                out.push(normalise(map, about));
                return;
            }
            let here = summary(map);
            let about = here.as_ref().or(about);
            for (key, value) in map {
                if key != "@context" {
                    collect(value, about, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// A node's types without vocabulary prefixes (`https://schema.org/Review`,
/// `schema:Review` and `Review` are one type).
fn types(map: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let list: Vec<&str> = match map.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    list.into_iter().map(short_type)
}

pub(super) fn short_type(t: &str) -> &str {
    t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim()
}

fn is_review_type(t: &str) -> bool {
    matches!(
        t,
        "Review" | "UserReview" | "CriticReview" | "EmployerReview"
    )
}

/// `{"@type", "name"}` of a named thing, for `itemReviewed`.
fn summary(map: &Map<String, Value>) -> Option<Value> {
    let name = map.get("name")?.as_str()?;
    let kind = types(map).next()?;
    let mut thing = Map::new();
    thing.insert("@type".into(), Value::String(kind.to_string()));
    thing.insert("name".into(), Value::String(name.to_string()));
    Some(Value::Object(thing))
}

fn normalise(map: &Map<String, Value>, about: Option<&Value>) -> Value {
    let mut review = map.clone();
    review.insert("@type".into(), Value::String("Review".into()));
    // Several authors: the first speaks for the review.
    if let Some(Value::Array(authors)) = review.get("author") {
        let first = authors.first().cloned().unwrap_or(Value::Null);
        review.insert("author".into(), first);
    }
    if let (false, Some(about)) = (review.contains_key("itemReviewed"), about) {
        review.insert("itemReviewed".into(), about.clone());
    }
    Value::Object(review)
}

#[cfg(test)]
mod tests;
