//! Rewriting one JSON Lines record: the text field is rewritten and the
//! object is written back with `rewritten` and `findings` added. Shared by
//! `rewrite --jsonl` and its benchmark, so the benchmark measures what
//! users run.
//!
//! A record is parsed only as far as its top-level members, each kept as
//! the raw JSON text it was written as: nothing but the text field is
//! decoded, and every other value goes back out byte for byte, numbers and
//! escapes as the user wrote them.

use super::{Engine, Finding, Rewritten};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// The top-level members of one JSON object, in order.
#[derive(Debug)]
pub struct Record<'a> {
    members: Vec<(Cow<'a, str>, &'a RawValue)>,
}

impl<'a> Record<'a> {
    /// The object in `line`, or what is wrong with it (for a message
    /// naming its line number).
    pub fn parse(line: &'a [u8]) -> Result<Record<'a>, String> {
        let text = std::str::from_utf8(line)
            .map_err(|e| format!("not UTF-8 at byte {}", e.valid_up_to()))?;
        Record::parse_str(text)
    }

    fn parse_str(text: &'a str) -> Result<Record<'a>, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let members = de.deserialize_any(Members).map_err(|e| {
            if e.classify() == serde_json::error::Category::Data {
                "expected a JSON object".to_string()
            } else {
                format!("not valid JSON ({e})")
            }
        })?;
        de.end().map_err(|e| format!("not valid JSON ({e})"))?;
        Ok(Record { members })
    }

    /// The last value of member `key`, as JSON text decoding does.
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.members
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|m| m.1)
    }

    /// The string at a dotted path (`review.text`, `replies.0.text`).
    pub fn text(&self, path: &str) -> Result<String, String> {
        let missing = || format!("no text in field {path:?}; choose another with --field NAME");
        let mut parts = path.split('.');
        let first = parts.next().unwrap_or_default();
        let mut value = self.get(first).ok_or_else(missing)?;
        for part in parts {
            value = child(value, part).ok_or_else(missing)?;
        }
        serde_json::from_str::<String>(value.get()).map_err(|_| missing())
    }

    /// The object with `rewritten` and `findings` set: an existing member
    /// of either name is replaced where it stands, and a repeated name
    /// keeps its first place and last value, as a JSON object map would.
    pub fn write(
        &self,
        rewritten: &str,
        findings: &[Finding],
        out: &mut Vec<u8>,
    ) -> serde_json::Result<()> {
        out.push(b'{');
        let mut first = true;
        let mut member = |out: &mut Vec<u8>, key: &str| -> serde_json::Result<()> {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, key)?;
            out.push(b':');
            Ok(())
        };
        let mut added = [false, false];
        for (i, (key, _)) in self.members.iter().enumerate() {
            if self.members[..i].iter().any(|(k, _)| k == key) {
                continue;
            }
            member(out, key)?;
            match key.as_ref() {
                "rewritten" => {
                    serde_json::to_writer(&mut *out, rewritten)?;
                    added[0] = true;
                }
                "findings" => {
                    serde_json::to_writer(&mut *out, findings)?;
                    added[1] = true;
                }
                _ => {
                    let value = self.get(key).unwrap_or(self.members[i].1);
                    out.extend_from_slice(value.get().as_bytes());
                }
            }
        }
        if !added[0] {
            member(out, "rewritten")?;
            serde_json::to_writer(&mut *out, rewritten)?;
        }
        if !added[1] {
            member(out, "findings")?;
            serde_json::to_writer(&mut *out, findings)?;
        }
        out.push(b'}');
        Ok(())
    }
}

/// The member or element `part` of a raw object or array.
fn child<'a>(value: &'a RawValue, part: &str) -> Option<&'a RawValue> {
    let text = value.get();
    if text.starts_with('{') {
        Record::parse_str(text).ok()?.get(part)
    } else if text.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).ok()?;
        items.get(part.parse::<usize>().ok()?).copied()
    } else {
        None
    }
}

/// Reads an object's members without decoding their values.
struct Members;

impl<'de> Visitor<'de> for Members {
    type Value = Vec<(Cow<'de, str>, &'de RawValue)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            members.push((key, map.next_value()?));
        }
        Ok(members)
    }
}

/// A member name, borrowed from the line unless it has escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        de.deserialize_str(KeyVisitor)
    }
}

/// Rewrites the text at `field` of the record on `line` and appends the
/// record with `rewritten` and `findings` to `out` (no line break).
pub fn rewrite_record(
    engine: &Engine,
    line: &[u8],
    field: &str,
    out: &mut Vec<u8>,
) -> Result<Rewritten, String> {
    let record = Record::parse(line)?;
    let result = engine.rewrite(&record.text(field)?);
    record
        .write(&result.text, &result.findings, out)
        .map_err(|e| format!("cannot write the record ({e})"))?;
    Ok(result)
}

/// What the phrasebook finds in the text at `field` of the record on
/// `line`, for `--check`.
pub fn check_record(engine: &Engine, line: &[u8], field: &str) -> Result<Vec<Finding>, String> {
    let record = Record::parse(line)?;
    Ok(engine.findings(&record.text(field)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn rewrite(line: &str, field: &str) -> Result<Value, String> {
        let mut out = Vec::new();
        rewrite_record(Engine::builtin(), line.as_bytes(), field, &mut out)?;
        Ok(serde_json::from_slice(&out).expect("the record is JSON"))
    }

    #[test]
    fn records_gain_rewritten_and_findings() {
        let object = rewrite(r#"{"id":7,"r":{"t":"No problem!"}}"#, "r.t").unwrap();
        assert_eq!(object["rewritten"], "Happy to help!");
        assert_eq!(object["findings"][0]["rule"], "no-problem-alone");
        assert_eq!(object["id"], 7);
        let listed = rewrite(r#"{"c":[{"t":"x"},{"t":"No problem!"}]}"#, "c.1.t").unwrap();
        assert_eq!(listed["rewritten"], "Happy to help!");
        assert!(rewrite("[1]", "text").unwrap_err().contains("object"));
        assert!(rewrite(r#"{"x":1}"#, "text")
            .unwrap_err()
            .contains("--field"));
        assert!(rewrite(r#"{"text":1}"#, "text")
            .unwrap_err()
            .contains("--field"));
        assert!(rewrite(r#"{"text":"a"} x"#, "text")
            .unwrap_err()
            .contains("JSON"));
        let mut out = Vec::new();
        let bad = rewrite_record(Engine::builtin(), b"\xff", "text", &mut out);
        assert!(bad.unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn other_members_go_out_as_written() {
        let line = r#"{"n": 1.50, "e":"caf\u00e9", "text":"Sorry, but no.", "rewritten":0}"#;
        let mut out = Vec::new();
        rewrite_record(Engine::builtin(), line.as_bytes(), "text", &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with(r#"{"n":1.50,"e":"caf\u00e9","text":"Sorry, but no.","rewritten":""#),
            "{out}"
        );
        assert!(
            out.ends_with("]}") && out.contains(r#","findings":["#),
            "{out}"
        );
    }

    #[test]
    fn a_repeated_member_keeps_its_first_place_and_last_value() {
        let object = rewrite(r#"{"text":"x","id":1,"text":"No problem!"}"#, "text").unwrap();
        let keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["text", "id", "rewritten", "findings"]);
        assert_eq!(object["text"], "No problem!");
        assert_eq!(object["rewritten"], "Happy to help!");
    }
}
