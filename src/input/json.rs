//! JSON documents and JSON Lines, read one record at a time.
//!
//! A JSON document is walked with a serde visitor rather than loaded into
//! one `Value`: arrays of reviews, at the top or under a known key
//! (`reviews`, `data`, `feed.entry`, `result.reviews`, ...), are handed out
//! element by element, so a large export never sits in memory whole. JSON
//! Lines are parsed line by line, and a bad line is one failed record.

use super::lines::{self, Line};
use super::Raw;
use crate::error::{Error, Problem, Result};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::fmt;
use std::io::{BufRead, Read};
use std::rc::Rc;

/// Keys under which sources keep a list of reviews (or a single one).
const RECORD_KEYS: &[&str] = &["reviews", "review", "entry", "data", "items", "results"];
/// Keys of envelopes that hold such a key one level down.
const ENVELOPE_KEYS: &[&str] = &["feed", "result", "response"];

/// Reads JSON Lines: one record per non-blank line, none over `limit` bytes.
pub fn read_lines(
    reader: &mut dyn BufRead,
    origin: &str,
    limit: usize,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        let read = lines::read_line(reader, &mut line, limit).map_err(|source| Error::Read {
            origin: origin.to_string(),
            source,
        })?;
        number += 1;
        let value = match read {
            Line::End => return Ok(()),
            Line::TooLong { bytes } => Err(Problem::TooLarge { bytes, limit }),
            Line::Kept if line.trim_ascii().is_empty() => continue,
            Line::Kept => serde_json::from_slice::<Value>(&line).map_err(|e| Problem::BadJson {
                detail: format!("{e}; each line must be one complete JSON value"),
            }),
        };
        emit(Raw {
            value,
            line: Some(number),
        })?;
    }
}

/// Reads one JSON document, streaming the review records it holds.
///
/// A record over `limit` bytes is reported instead of handed on. Unlike the
/// line formats it has been parsed by then (a document cannot be skipped
/// through without parsing it), so it costs its size in memory once, but
/// never the analysis of it.
pub fn read_document(
    reader: &mut dyn BufRead,
    origin: &str,
    limit: usize,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<()> {
    let position = Rc::new(Cell::new(0u64));
    let mut walker = Walker {
        emit,
        stopped: None,
        position: position.clone(),
        limit,
    };
    let counted = Counted {
        inner: reader,
        position,
    };
    let mut de = serde_json::Deserializer::from_reader(counted);
    // Several documents back to back are read one after another: that is
    // also what JSON Lines look like when the first line was too long to
    // tell them apart by sniffing.
    let outcome = loop {
        if let Err(e) = Top(&mut walker).deserialize(&mut de) {
            break Err(e);
        }
        if de.end().is_ok() {
            break Ok(());
        }
    };
    if let Some(stop) = walker.stopped.take() {
        return Err(stop);
    }
    outcome.map_err(|e| Error::Json {
        origin: origin.to_string(),
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })
}

struct Walker<'a> {
    emit: &'a mut dyn FnMut(Raw) -> Result<()>,
    /// An error from the sink (a closed pipe, `--strict`) travels through
    /// serde as a custom error; the real one waits here.
    stopped: Option<Error>,
    /// Bytes of the document read so far, to measure each record.
    position: Rc<Cell<u64>>,
    limit: usize,
}

/// Counts the bytes serde reads, so a record's size is known.
struct Counted<'a> {
    inner: &'a mut dyn BufRead,
    position: Rc<Cell<u64>>,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.position.set(self.position.get() + n as u64);
        Ok(n)
    }
}

impl Walker<'_> {
    /// Sends a record that took `since..now` bytes of the document.
    fn send_sized<E: de::Error>(&mut self, value: Value, since: u64) -> Result<(), E> {
        let bytes = self.position.get().saturating_sub(since);
        if bytes > self.limit as u64 {
            let limit = self.limit;
            return self.send_raw(Err(Problem::TooLarge { bytes, limit }));
        }
        self.send(value)
    }

    fn send<E: de::Error>(&mut self, value: Value) -> Result<(), E> {
        self.send_raw(Ok(value))
    }

    fn send_raw<E: de::Error>(
        &mut self,
        value: std::result::Result<Value, Problem>,
    ) -> Result<(), E> {
        (self.emit)(Raw { value, line: None }).map_err(|e| {
            self.stopped = Some(e);
            E::custom("stopped")
        })
    }
}

/// The document root: an array of records, an object holding them, or a
/// single record object.
struct Top<'w, 'a>(&'w mut Walker<'a>);

impl<'de> DeserializeSeed<'de> for Top<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(Node {
            walker: self.0,
            role: Role::Top,
        })
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Top,
    /// Under a record key: an array of records or one record.
    Records,
    /// Under an envelope key: only look for record keys inside.
    Envelope,
}

struct Node<'w, 'a> {
    walker: &'w mut Walker<'a>,
    role: Role,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of reviews or an object holding them")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.role == Role::Envelope {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        loop {
            let since = self.walker.position.get();
            match seq.next_element::<Value>()? {
                Some(value) => self.walker.send_sized(value, since)?,
                None => break,
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let since = self.walker.position.get();
        let mut rest = Map::new();
        let mut found_container = false;
        while let Some(key) = map.next_key::<String>()? {
            let role = if RECORD_KEYS.contains(&key.as_str()) {
                Role::Records
            } else if ENVELOPE_KEYS.contains(&key.as_str()) {
                Role::Envelope
            } else if self.role == Role::Envelope {
                map.next_value::<de::IgnoredAny>()?;
                continue;
            } else {
                rest.insert(key, map.next_value::<Value>()?);
                continue;
            };
            if self.role == Role::Records {
                // Inside a single record, "data" or "review" is just a field.
                rest.insert(key, map.next_value::<Value>()?);
                continue;
            }
            found_container = true;
            map.next_value_seed(Node {
                walker: self.walker,
                role,
            })?;
        }
        let is_record = match self.role {
            Role::Records => true,
            Role::Top => !found_container && !rest.is_empty(),
            Role::Envelope => false,
        };
        if is_record {
            self.walker.send_sized(Value::Object(rest), since)?;
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.scalar(Value::String(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.scalar(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.scalar(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.scalar(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.scalar(Value::from(v))
    }
}

impl Node<'_, '_> {
    /// A scalar where records were expected is passed on, so the mapper can
    /// report it as a bad record instead of it vanishing.
    fn scalar<E: de::Error>(self, value: Value) -> Result<(), E> {
        match self.role {
            Role::Envelope => Ok(()),
            _ => self.walker.send(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn records(doc: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut reader = doc.as_bytes();
        read_document(&mut reader, "t", 1 << 20, &mut |raw| {
            out.push(raw.value.unwrap());
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn arrays_at_the_top_or_under_known_keys() {
        assert_eq!(records(r#"[{"a":1},{"a":2}]"#).len(), 2);
        assert_eq!(
            records(r#"{"reviews":[{"a":1}],"total":9}"#),
            vec![json!({"a":1})]
        );
        assert_eq!(
            records(r#"{"feed":{"author":{},"entry":[{"a":1},{"a":2}]}}"#).len(),
            2
        );
        assert_eq!(
            records(r#"{"result":{"name":"x","reviews":[{"a":1}]}}"#).len(),
            1
        );
    }

    #[test]
    fn a_single_entry_object_is_one_record() {
        assert_eq!(
            records(r#"{"feed":{"entry":{"a":1}}}"#),
            vec![json!({"a":1})]
        );
    }

    #[test]
    fn an_envelope_without_entries_has_no_records() {
        assert!(records(r#"{"feed":{"author":{"name":"x"},"link":[{"a":1}]}}"#).is_empty());
    }

    #[test]
    fn a_bare_object_is_one_record_with_its_fields_intact() {
        let r = records(r#"{"rating":3,"text":"meh"}"#);
        assert_eq!(r, vec![json!({"rating":3,"text":"meh"})]);
    }

    #[test]
    fn documents_back_to_back_are_all_read() {
        assert_eq!(records("{\"a\":1}\n{\"a\":2} [{\"a\":3}]").len(), 3);
    }

    #[test]
    fn syntax_errors_are_located_and_earlier_records_kept() {
        let mut kept = 0;
        let mut reader = "[{\"a\":1},\n{\"a\":".as_bytes();
        let err = read_document(&mut reader, "f.json", 1 << 20, &mut |_| {
            kept += 1;
            Ok(())
        })
        .unwrap_err();
        assert_eq!(kept, 1);
        assert!(err.to_string().starts_with("f.json:2:"), "{err}");
    }

    #[test]
    fn json_lines_report_bad_lines_by_number() {
        let mut reader = "{\"a\":1}\n\nnot json\n{\"a\":2}\n".as_bytes();
        let mut seen = Vec::new();
        read_lines(&mut reader, "f", 1 << 20, &mut |raw| {
            seen.push((raw.line, raw.value.is_ok()));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![(Some(1), true), (Some(3), false), (Some(4), true)]
        );
    }
}
