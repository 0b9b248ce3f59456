//! Turning one source record (a JSON object or a CSV row) into a [`Review`].
//!
//! CSV rows arrive here as objects keyed by header, so every format shares
//! this one road: recognise the shape, apply the user's field overrides,
//! take the known fields, normalise rating and date, and keep the rest.

use super::fields::{loose_eq, text_of, Record};
use super::roles::{role_of, Role, Roles};
use super::scale;
use super::shapes::Shape;
use super::values::parse_date;
use crate::error::Problem;
use crate::review::{Location, Platform, Review};
use serde_json::{Map, Value};

/// Field names or dotted paths the user chose on the command line.
#[derive(Debug, Clone, Default)]
pub struct FieldOverrides {
    pub text: Option<String>,
    pub rating: Option<String>,
    pub id: Option<String>,
    pub author: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    /// The top of the rating scale (`--rating-scale`), when no hint says.
    pub rating_scale: Option<f64>,
}

/// Keys replywise itself adds to its output; when its output is read back,
/// they are recomputed rather than passed through.
const OWN_OUTPUT_KEYS: &[&str] = &[
    "location",
    "date_rfc3339",
    "label",
    "negative",
    "score",
    "reasons",
    "topics",
    "complaints",
    "praise",
    "about_other_business",
    "other_business",
    "escalation",
    "escalations",
    "detected_language",
    "needs_human_reason",
    "reply_sentences",
    "reply",
    "reply_length",
    "platform_limit",
    "placeholders",
    "needs_human",
];

/// Maps one record. `location` is where it came from, for ids and errors;
/// what was repaired on the way (a rating of 0 read as none) is added to
/// `warnings`.
pub fn to_review(
    value: Value,
    location: Location,
    overrides: &FieldOverrides,
    warnings: &mut Vec<String>,
) -> Result<Review, Problem> {
    let map = match value {
        Value::Object(map) => map,
        // A bare string is a review with nothing but text.
        Value::String(text) => return Ok(with_derived_id(Review::new(text, location))),
        other => {
            return Err(Problem::NotAnObject {
                found: kind(&other),
            })
        }
    };
    let mut record = Record::new(map);
    let shape = Shape::detect(&record);
    let paths = shape.paths();
    let scale = scale::of_record(&mut record, shape, overrides);
    let play_link_id = review_id_from_link(&record);
    let anchor = amazon_anchor(&record, shape);

    // What the user named is taken first; the generic columns are then
    // read from what is left, in one pass over its keys.
    let by_path = |record: &mut Record, over: &Option<String>| {
        over.as_deref().map(|path| record.take_path(path))
    };
    let text_value = by_path(&mut record, &overrides.text);
    let rating_value = by_path(&mut record, &overrides.rating);
    let title = by_path(&mut record, &overrides.title);
    let author = by_path(&mut record, &overrides.author);
    let date_value = by_path(&mut record, &overrides.date);
    let id = by_path(&mut record, &overrides.id);
    let roles = (shape == Shape::Generic).then(|| Roles::of(&record));
    let mut take = |over: Option<Option<Value>>,
                    paths: &[&str],
                    key: fn(&Roles) -> Option<&str>| match (over, &roles) {
        (Some(value), _) => value,
        (None, Some(roles)) => record.take(key(roles)?),
        (None, None) => paths.iter().find_map(|p| record.take_path(p)),
    };
    let text_value = take(text_value, paths.text, |r| r.key(Role::Text));
    let rating_value = take(rating_value, paths.rating, Roles::rating_key);
    let title = take(title, paths.title, |r| r.key(Role::Title));
    let author = take(author, paths.author, |r| r.key(Role::Author));
    let date_value = take(date_value, paths.date, |r| r.key(Role::Date));
    let id = take(id, paths.id, |r| r.key(Role::Id));
    let language = take(None, paths.language, |r| r.key(Role::Language));
    let reply = take(None, paths.reply, |r| r.key(Role::Reply));

    let text = match text_value.as_ref().and_then(text_of) {
        Some(text) => text,
        None if overrides.text.is_some() => {
            return Err(Problem::MissingField {
                field: overrides.text.clone().unwrap_or_default(),
                flag: "text-field",
            })
        }
        None if shape == Shape::Generic => return Err(no_text(&record)),
        // A known export's rating-only review (stars, no comment) is a
        // review; a record with neither is not one.
        None if rating_value.as_ref().is_none_or(is_blank) => {
            return Err(Problem::Empty {
                shape: shape.name(),
            })
        }
        None => String::new(),
    };
    let mut review = Review::new(text, location);
    review.source = match shape {
        Shape::Replywise => record
            .take("source")
            .as_ref()
            .and_then(Value::as_str)
            .and_then(Platform::from_name)
            .unwrap_or_default(),
        Shape::Generic => named_platform(&mut record).unwrap_or_default(),
        _ => shape.platform(),
    };
    if let Some(value) = rating_value.map(unwrap_label).filter(|v| !is_blank(v)) {
        review.rating = scale::read(&value, scale, warnings)?;
        review.rating_raw = text_of(&value).or_else(|| Some(value.to_string()));
    }
    review.title = title
        .as_ref()
        .and_then(text_of)
        .filter(|t| !t.trim().is_empty());
    review.author = author
        .as_ref()
        .and_then(text_of)
        .filter(|a| !a.trim().is_empty());
    if let Some(value) = date_value.map(unwrap_label).filter(|v| !is_blank(v)) {
        review.date_rfc3339 = parse_date(&value);
        review.date = text_of(&value).or_else(|| Some(value.to_string()));
    }
    review.language = language
        .as_ref()
        .and_then(text_of)
        .filter(|l| !l.is_empty());
    review.owner_reply = reply
        .as_ref()
        .and_then(text_of)
        .filter(|r| !r.trim().is_empty());
    review.id = id
        .as_ref()
        .and_then(text_of)
        .or(play_link_id)
        .or(anchor)
        .unwrap_or_default();

    if matches!(shape, Shape::PlayConsoleCsv | Shape::PlayApi) {
        split_play_title(&mut review);
    }
    if shape == Shape::BusinessProfile {
        keep_original_of_translation(&mut review, &mut record);
    }
    if shape == Shape::Replywise {
        // `rating` is already on the 1-5 scale; the original form rides
        // along, so a 2/10 read back stays 1.4 and still says "2".
        if let Some(raw) = record.take("rating_raw").as_ref().and_then(text_of) {
            review.rating_raw = Some(raw);
        }
        for key in OWN_OUTPUT_KEYS {
            record.take(key);
        }
        if let Some(Value::Object(extra)) = record.take("extra") {
            record.map.extend(extra);
        }
    }
    review.extra = record.into_extra();
    Ok(with_derived_id(review))
}

fn with_derived_id(mut review: Review) -> Review {
    if review.id.is_empty() {
        let name = review
            .location
            .origin
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("input");
        review.id = format!("{name}#{}", review.location.record);
    }
    review
}

/// Apple's feed wraps every value as `{"label": ...}`; ratings and dates
/// are read from inside such wrappers. `{seconds, nanos}` stays an object.
fn unwrap_label(value: Value) -> Value {
    match value {
        Value::Object(mut m) if m.contains_key("label") => {
            m.shift_remove("label").unwrap_or(Value::Null)
        }
        other => other,
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn no_text(record: &Record) -> Problem {
    let mut keys: Vec<&str> = record.map.keys().map(String::as_str).take(8).collect();
    if keys.is_empty() {
        keys.push("(none)");
    }
    Problem::NoText {
        expected: format!(
            "text/review/body/comment/content (found: {})",
            keys.join(", ")
        ),
    }
}

/// A generic export's own `source` (or `platform`, `site`) column, when it
/// names a platform replywise knows; any other value stays in `extra`.
fn named_platform(record: &mut Record) -> Option<Platform> {
    let key = record.map.iter().find_map(|(key, value)| {
        (role_of(key) == Some(Role::Platform))
            .then(|| value.as_str().and_then(Platform::from_label))
            .flatten()
            .map(|p| (key.clone(), p))
    });
    let (key, platform) = key?;
    record.take(&key);
    Some(platform)
}

/// The Play Console CSV has no id column; its review link carries one.
fn review_id_from_link(record: &Record) -> Option<String> {
    let link = record.map.get("Review Link")?.as_str()?;
    let (_, query) = link.split_once("reviewId=")?;
    let id = query.split('&').next()?;
    (!id.is_empty()).then(|| id.to_string())
}

/// Amazon reviews have no id; product, reviewer and time identify one.
fn amazon_anchor(record: &Record, shape: Shape) -> Option<String> {
    if shape != Shape::Amazon2023 {
        return None;
    }
    let product = ["parent_asin", "asin"]
        .iter()
        .find_map(|k| record.map.get(*k)?.as_str())?;
    let user = record.map.get("user_id")?.as_str()?;
    let time = ["timestamp", "sort_timestamp"]
        .iter()
        .find_map(|k| record.map.get(*k).and_then(text_of));
    Some(match time {
        Some(t) => format!("{product}:{user}:{t}"),
        None => format!("{product}:{user}"),
    })
}

/// Play joins a review's title and body with a tab in one field.
fn split_play_title(review: &mut Review) {
    if review.title.is_some() {
        return;
    }
    if let Some((title, body)) = review.text.split_once('\t') {
        let (title, body) = (title.trim().to_string(), body.trim().to_string());
        review.title = (!title.is_empty()).then_some(title);
        review.text = body;
    }
}

const TRANSLATED: &str = "(Translated by Google)";
const ORIGINAL: &str = "(Original)";

/// Google Business Profile machine-translates comments into
/// `(Translated by Google) <translation>\n\n(Original)\n<original>`. The
/// customer's own words are the review; the translation is kept aside.
fn keep_original_of_translation(review: &mut Review, record: &mut Record) {
    let text = &review.text;
    let (Some(t), Some(o)) = (text.find(TRANSLATED), text.find(ORIGINAL)) else {
        return;
    };
    let (translation, original) = if t < o {
        (&text[t + TRANSLATED.len()..o], &text[o + ORIGINAL.len()..])
    } else {
        (&text[t + TRANSLATED.len()..], &text[o + ORIGINAL.len()..t])
    };
    let (translation, original) = (translation.trim().to_string(), original.trim().to_string());
    record
        .map
        .insert("text_translated".into(), Value::String(translation));
    review.text = original;
}

/// A CSV row as an object keyed by header, the shape `to_review` reads.
pub fn row_to_object(headers: &[String], row: &[&str]) -> Value {
    let mut map = Map::with_capacity(headers.len());
    for (header, cell) in headers.iter().zip(row) {
        map.insert(header.clone(), Value::String(cell.to_string()));
    }
    Value::Object(map)
}

/// True when a header row holds a column the generic mapping can use as
/// review text, or a known export's text column.
pub fn header_has_text(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|h| role_of(h) == Some(Role::Text) || loose_eq(h, "reviewcontent"))
}
