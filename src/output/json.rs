//! The JSON object of a result, written straight into a byte buffer.
//!
//! Writing is the hot path of a large run, and serde's map serialiser
//! spends as long escaping every key and feeding the writer a few bytes at
//! a time as the classifier spends judging the review. Here keys are
//! literal bytes, strings are checked for escapes eight bytes at a time,
//! and the whole object goes out in one write. The bytes are exactly what
//! serialising a [`super::Row`] with `serde_json` gives (numbers go through
//! its formatter; the tests compare whole rows byte for byte).

use crate::draft::Draft;
use crate::review::{Location, Review};
use crate::triage::{Complaint, Cue, Escalation, Field, OtherBusiness, Praise, Verdict};
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::{Map, Value};

/// Appends the flat object of a review (and its verdict and draft, when
/// given): review fields, then the verdict, then the draft, then the
/// location, then the source's other fields under `extra`.
pub fn object(out: &mut Vec<u8>, r: &Review, verdict: Option<&Verdict>, draft: Option<&Draft>) {
    out.extend_from_slice(b"{\"id\":");
    string(out, &r.id);
    out.extend_from_slice(b",\"source\":");
    string(out, r.source.name());
    out.extend_from_slice(b",\"author\":");
    opt_string(out, r.author.as_deref());
    out.extend_from_slice(b",\"rating\":");
    match r.rating {
        Some(rating) => float(out, rating),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"rating_raw\":");
    opt_string(out, r.rating_raw.as_deref());
    out.extend_from_slice(b",\"title\":");
    opt_string(out, r.title.as_deref());
    out.extend_from_slice(b",\"text\":");
    string(out, &r.text);
    out.extend_from_slice(b",\"date\":");
    opt_string(out, r.date.as_deref());
    out.extend_from_slice(b",\"date_rfc3339\":");
    opt_string(out, r.date_rfc3339.as_deref());
    out.extend_from_slice(b",\"language\":");
    opt_string(out, r.language.as_deref());
    out.extend_from_slice(b",\"owner_reply\":");
    opt_string(out, r.owner_reply.as_deref());
    if let Some(v) = verdict {
        out.extend_from_slice(b",\"label\":");
        string(out, v.label.name());
        out.extend_from_slice(if v.negative {
            b",\"negative\":true"
        } else {
            b",\"negative\":false"
        });
        out.extend_from_slice(b",\"score\":");
        float(out, (v.score * 1000.0).round() / 1000.0);
        out.extend_from_slice(b",\"reasons\":");
        array(out, &v.reasons, cue);
        out.extend_from_slice(b",\"complaints\":");
        array(out, &v.complaints, complaint);
        out.extend_from_slice(b",\"praise\":");
        array(out, &v.praise, praise);
        out.extend_from_slice(if v.other_business.is_some() {
            b",\"about_other_business\":true"
        } else {
            b",\"about_other_business\":false"
        });
        out.extend_from_slice(b",\"other_business\":");
        match &v.other_business {
            Some(o) => other_business(out, o),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"escalations\":");
        array(out, &v.escalations, escalation);
        out.extend_from_slice(b",\"detected_language\":");
        opt_string(out, v.language);
    }
    if let Some(d) = draft {
        out.extend_from_slice(b",\"reply\":");
        string(out, &d.reply);
        out.extend_from_slice(b",\"reply_length\":");
        unsigned(out, d.reply_length as u64);
        out.extend_from_slice(b",\"platform_limit\":");
        serialized(out, &d.platform_limit);
        out.extend_from_slice(b",\"placeholders\":");
        array(out, &d.placeholders, |out, p| string(out, p));
        out.extend_from_slice(if d.needs_human.is_some() {
            b",\"needs_human\":true"
        } else {
            b",\"needs_human\":false"
        });
        out.extend_from_slice(b",\"needs_human_reason\":");
        opt_string(out, d.needs_human.as_deref());
        out.extend_from_slice(b",\"reply_sentences\":");
        serialized(out, &d.sentences);
    }
    out.extend_from_slice(b",\"location\":");
    location(out, &r.location);
    out.extend_from_slice(b",\"extra\":");
    map(out, &r.extra);
    out.push(b'}');
}

fn cue(out: &mut Vec<u8>, c: &Cue) {
    out.extend_from_slice(b"{\"cue\":");
    string(out, &c.cue);
    span(out, c.start, c.end);
    out.extend_from_slice(b",\"weight\":");
    float(out, c.weight_shown());
    out.extend_from_slice(b",\"kind\":");
    string(out, c.kind.name());
    if !c.rules.is_empty() {
        out.extend_from_slice(b",\"rules\":");
        array(out, &c.rules, |out, rule| string(out, rule.name()));
    }
    out.push(b'}');
}

fn complaint(out: &mut Vec<u8>, c: &Complaint) {
    out.extend_from_slice(b"{\"topic\":");
    string(out, c.topic.name());
    out.extend_from_slice(b",\"evidence\":");
    string(out, &c.evidence);
    field_span(out, c.field, c.start, c.end);
    out.extend_from_slice(b",\"strength\":");
    unsigned(out, u64::from(c.strength));
    out.push(b'}');
}

fn praise(out: &mut Vec<u8>, p: &Praise) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &p.text);
    field_span(out, p.field, p.start, p.end);
    out.push(b'}');
}

fn other_business(out: &mut Vec<u8>, o: &OtherBusiness) {
    out.extend_from_slice(b"{\"kind\":");
    opt_string(out, o.kind.map(|k| k.name()));
    out.extend_from_slice(b",\"cue\":");
    string(out, &o.cue);
    field_span(out, o.field, o.start, o.end);
    out.push(b'}');
}

fn field_span(out: &mut Vec<u8>, field: Field, start: usize, end: usize) {
    out.extend_from_slice(b",\"field\":");
    string(out, field.name());
    span(out, start, end);
}

fn escalation(out: &mut Vec<u8>, e: &Escalation) {
    out.extend_from_slice(b"{\"kind\":");
    string(out, e.kind.name());
    out.extend_from_slice(b",\"cue\":");
    string(out, &e.cue);
    span(out, e.start, e.end);
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b",\"start\":");
    unsigned(out, start as u64);
    out.extend_from_slice(b",\"end\":");
    unsigned(out, end as u64);
}

fn array<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

/// `origin:line` or `origin: record N`, as [`Location`] displays it.
fn location(out: &mut Vec<u8>, l: &Location) {
    out.push(b'"');
    string_contents(out, &l.origin);
    match l.line {
        Some(line) => {
            out.push(b':');
            unsigned(out, line);
        }
        None => {
            out.extend_from_slice(b": record ");
            unsigned(out, l.record);
        }
    }
    out.push(b'"');
}

fn map(out: &mut Vec<u8>, m: &Map<String, Value>) {
    out.push(b'{');
    for (i, (key, value)) in m.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, key);
        out.push(b':');
        json_value(out, value);
    }
    out.push(b'}');
}

fn json_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::String(s) => string(out, s),
        Value::Array(items) => array(out, items, json_value),
        Value::Object(m) => map(out, m),
        Value::Number(_) => serialized(out, value),
    }
}

/// Anything else, through serde_json (cold fields only).
fn serialized<T: Serialize>(out: &mut Vec<u8>, value: &T) {
    // Writing into a Vec cannot fail, and these values (numbers, plain
    // enums and options) always serialise.
    let _ = serde_json::to_writer(&mut *out, value);
}

/// A float as serde_json writes it: shortest round-trip form, `null` when
/// not finite.
fn float(out: &mut Vec<u8>, value: f64) {
    if value.is_finite() {
        // Writing into a Vec cannot fail.
        let _ = CompactFormatter.write_f64(out, value);
    } else {
        out.extend_from_slice(b"null");
    }
}

fn unsigned(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    string_contents(out, s);
    out.push(b'"');
}

/// True when one of the eight bytes of `word` is below 0x20, `"` or `\`.
fn has_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    below(word, 0x20) | zero(word ^ (ONES * 0x22)) | zero(word ^ (ONES * 0x5c)) != 0
}

/// `s` escaped as serde_json escapes it: quotes, backslashes and control
/// characters; everything else, non-ASCII included, as it is.
fn string_contents(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut clean = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if has_escape(u64::from_le_bytes(word)) {
            break;
        }
        clean += 8;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate().skip(clean) {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => {
                out.extend_from_slice(&bytes[start..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_exactly_as_serde_json_does() {
        let mut samples: Vec<String> = (0u8..=127).map(|b| format!("ab{}cd", b as char)).collect();
        samples.extend(
            [
                "",
                "plain text longer than eight bytes",
                "tab\tand \"quotes\" and \\ back\u{1}",
                "café ☕ \u{7f} emoji 😀 and a quote at the end of a long run\"",
                "\u{1b}[31mred\u{1b}[0m",
            ]
            .map(String::from),
        );
        for s in samples {
            let mut out = Vec::new();
            string(&mut out, &s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
    }

    #[test]
    fn numbers_and_values_match_serde_json() {
        for n in [0u64, 7, 10, 12345, u64::MAX] {
            let mut out = Vec::new();
            unsigned(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
        for x in [0.0, -1.0, 3.4f32 as f64, 1e21, 0.845, f64::NAN] {
            let mut out = Vec::new();
            float(&mut out, x);
            assert_eq!(out, serde_json::to_vec(&x).unwrap(), "{x}");
        }
        let value = serde_json::json!({"a": [1, -2, 2.5, null, true], "b\n": {"c": "d"}});
        let mut out = Vec::new();
        json_value(&mut out, &value);
        assert_eq!(out, serde_json::to_vec(&value).unwrap());
    }

    #[test]
    fn rows_are_written_as_serde_writes_them() {
        use crate::output::Row;
        use crate::review::{Location, Platform, ReplyLimit};
        use crate::triage::Classifier;
        let classifier = Classifier::builtin();
        let mut review = Review::new(
            "Great food :) but the waiter was rude\tand \"slow\". I got food poisoning, \
             never again!!! The delivery never arrived."
                .into(),
            Location::new("dir/\"odd\".jsonl".into(), Some(12), 3),
        );
        review.id = "r1".into();
        review.source = Platform::GooglePlay;
        review.rating = Some(4.5);
        review.title = Some("Meh".into());
        review.date = Some("2024-01-21".into());
        review.extra =
            serde_json::from_str(r#"{"n": 1.25, "list": [1, "a\u0001"], "o": {}}"#).unwrap();
        let verdict = classifier.classify(&review, false);
        let draft = Draft {
            reply: "Sorry, we can fix this.".into(),
            reply_length: 23,
            platform_limit: Some(ReplyLimit::Chars(350)),
            placeholders: vec!["[phone]".into()],
            needs_human: Some("health".into()),
            sentences: vec![crate::draft::Sentence {
                text: "Sorry, we can fix this.".into(),
                from: crate::draft::Source::Review,
                evidence: vec![crate::draft::Evidence {
                    field: "text",
                    start: 0,
                    end: 4,
                    text: "\"Tw\u{7}".into(),
                }],
                profile_keys: vec!["contact_email"],
                block: "apology.x".into(),
            }],
        };
        for draft in [None, Some(&draft)] {
            let row = Row {
                review: &review,
                verdict: &verdict,
                draft,
            };
            let mut out = Vec::new();
            row.write_json(&mut out);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&row).unwrap()
            );
        }
        review.location = Location::new("<stdin>".into(), None, 9);
        let mut out = Vec::new();
        object(&mut out, &review, None, None);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.ends_with(
                r#""location":"<stdin>: record 9","extra":{"n":1.25,"list":[1,"a\u0001"],"o":{}}}"#
            ),
            "{text}"
        );
    }
}
