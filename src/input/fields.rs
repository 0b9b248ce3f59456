//! Picking fields out of a JSON object by name or dotted path.
//!
//! Every mapper takes what it understands out of the record and leaves the
//! rest, which becomes [`crate::review::Review::extra`]: that is how output
//! keeps every field the source had without each mapper listing them.

use serde_json::{Map, Value};

/// A record being taken apart. Keys that are taken are removed; what is left
/// at the end is passed through untouched.
pub struct Record {
    pub map: Map<String, Value>,
}

impl Record {
    pub fn new(map: Map<String, Value>) -> Record {
        Record { map }
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// Removes and returns a top-level field.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        self.map.shift_remove(key)
    }

    /// Removes a top-level field and returns its text, if it has any.
    pub fn take_text(&mut self, key: &str) -> Option<String> {
        self.take(key)
            .as_ref()
            .and_then(text_of)
            .filter(|s| !s.trim().is_empty())
    }

    /// Removes the value at a dotted path (`user.name`, `comments.0.text`).
    /// A nested value is removed from its parent; empty parents stay.
    pub fn take_path(&mut self, path: &str) -> Option<Value> {
        if let Some(v) = self.take(path) {
            return Some(v);
        }
        let (head, rest) = path.split_once('.')?;
        let mut current = self.map.get_mut(head)?;
        let mut parts = rest.split('.').peekable();
        while let Some(part) = parts.next() {
            let last = parts.peek().is_none();
            current = match current {
                Value::Object(m) if last => return m.shift_remove(part),
                Value::Object(m) => m.get_mut(part)?,
                Value::Array(a) => {
                    let i: usize = part.parse().ok()?;
                    if last {
                        return (i < a.len()).then(|| a.remove(i));
                    }
                    a.get_mut(i)?
                }
                _ => return None,
            };
        }
        None
    }

    pub fn into_extra(self) -> Map<String, Value> {
        self.map
    }
}

/// A key name reduced for loose comparison: `Review Text`, `review_text` and
/// `reviewText` are the same column to a person.
pub fn loose(name: &str) -> String {
    crate::text::loose_chars(name).collect()
}

/// `loose(a) == loose(b)` without building either: every record's keys are
/// compared with every known name, so this runs for each key of each record.
fn fold_ascii(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
}

pub fn loose_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return fold_ascii(a).eq(fold_ascii(b));
    }
    loose(a) == loose(b)
}

/// The text a value stands for: strings as they are, numbers printed, and
/// the common wrappers (`{"label": ..}`, `{"name": ..}`, `{"text": ..}`,
/// `{"displayName": ..}`) unwrapped.
pub fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(m) => ["label", "name", "text", "displayName", "username", "@value"]
            .iter()
            .find_map(|k| m.get(*k).and_then(text_of).filter(|s| !s.is_empty())),
        _ => None,
    }
}

/// Follows a dotted path without taking anything.
pub fn get_path<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, part| match v {
        Value::Object(m) => m.get(part),
        Value::Array(a) => a.get(part.parse::<usize>().ok()?),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(v: Value) -> Record {
        match v {
            Value::Object(m) => Record::new(m),
            _ => unreachable!(),
        }
    }

    #[test]
    fn dotted_paths_reach_into_objects_and_arrays() {
        let mut r = record(json!({"user": {"name": "Ann", "id": 3}, "c": [{"t": "x"}]}));
        assert_eq!(r.take_path("user.name"), Some(json!("Ann")));
        assert_eq!(r.take_path("c.0.t"), Some(json!("x")));
        assert_eq!(r.take_path("user.missing"), None);
        assert_eq!(
            r.into_extra(),
            *json!({"user": {"id": 3}, "c": [{}]}).as_object().unwrap()
        );
    }

    #[test]
    fn wrapped_text_is_unwrapped() {
        assert_eq!(text_of(&json!({"label": "5"})).as_deref(), Some("5"));
        assert_eq!(
            text_of(&json!({"name": {"label": "bob"}})).as_deref(),
            Some("bob")
        );
        assert_eq!(text_of(&json!(4.5)).as_deref(), Some("4.5"));
        assert_eq!(text_of(&json!(null)), None);
    }
}
