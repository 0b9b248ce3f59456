//! Rendering results: JSON Lines, one JSON array, CSV, a terminal table, or
//! a Markdown review pack.
//!
//! Writers receive results in input order and stream them out; the table
//! is the only human format and the only one that colours or truncates.
//! Untrusted text passes through [`crate::text`] before it reaches a
//! terminal or a spreadsheet.

mod csv;
mod json;
mod markdown;
mod table;

use crate::draft::Draft;
use crate::review::Review;
use crate::triage::Verdict;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::io::{self, Write};

pub use self::csv::CsvWriter;
pub use markdown::MarkdownWriter;
pub use table::TableWriter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Json,
    Csv,
    /// A review pack to work through: review, verdict, draft, a checkbox.
    Md,
}

/// One processed review, ready to be written.
pub struct Row<'a> {
    pub review: &'a Review,
    pub verdict: &'a Verdict,
    /// The drafted reply, for `draft`.
    pub draft: Option<&'a Draft>,
}

impl Row<'_> {
    /// The result as a JSON object (used where cells are picked by name).
    pub fn to_object(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }

    /// Appends the flat JSON object of the result, byte for byte what
    /// serialising the row writes (tested), in a fraction of the time.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::object(out, self.review, Some(self.verdict), self.draft);
    }
}

/// The flat JSON object of a result: review fields, then the verdict, then
/// the draft, then the location, then the source's other fields under
/// `extra`. This builds the `Value` the CSV writer picks cells from; the
/// JSON writers use [`Row::write_json`], which writes the same object.
impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (r, v) = (self.review, self.verdict);
        let mut o = serializer.serialize_map(None)?;
        o.serialize_entry("id", &r.id)?;
        o.serialize_entry("source", r.source.name())?;
        o.serialize_entry("author", &r.author)?;
        o.serialize_entry("rating", &r.rating)?;
        o.serialize_entry("rating_raw", &r.rating_raw)?;
        o.serialize_entry("title", &r.title)?;
        o.serialize_entry("text", &r.text)?;
        o.serialize_entry("date", &r.date)?;
        o.serialize_entry("date_rfc3339", &r.date_rfc3339)?;
        o.serialize_entry("language", &r.language)?;
        o.serialize_entry("owner_reply", &r.owner_reply)?;
        o.serialize_entry("label", v.label.name())?;
        o.serialize_entry("negative", &v.negative)?;
        o.serialize_entry("score", &((v.score * 1000.0).round() / 1000.0))?;
        o.serialize_entry("reasons", &v.reasons)?;
        o.serialize_entry("complaints", &v.complaints)?;
        o.serialize_entry("praise", &v.praise)?;
        o.serialize_entry("about_other_business", &v.other_business.is_some())?;
        o.serialize_entry("other_business", &v.other_business)?;
        o.serialize_entry("escalations", &v.escalations)?;
        o.serialize_entry("detected_language", &v.language)?;
        if let Some(d) = self.draft {
            o.serialize_entry("reply", &d.reply)?;
            o.serialize_entry("reply_length", &d.reply_length)?;
            o.serialize_entry("platform_limit", &d.platform_limit)?;
            o.serialize_entry("placeholders", &d.placeholders)?;
            o.serialize_entry("needs_human", &d.needs_human.is_some())?;
            o.serialize_entry("needs_human_reason", &d.needs_human)?;
            o.serialize_entry("reply_sentences", &d.sentences)?;
        }
        o.serialize_entry("location", &format_args!("{}", r.location))?;
        o.serialize_entry("extra", &r.extra)?;
        o.end()
    }
}

/// A review on its own, before any verdict (what `fetch` writes): the same
/// object as a [`Row`] without the verdict and draft fields, so every
/// command reads it back as replywise's own output.
pub struct ReviewRecord<'a>(pub &'a Review);

impl ReviewRecord<'_> {
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::object(out, self.0, None, None);
    }
}

/// Reviews as JSON Lines, one [`ReviewRecord`] per line.
pub struct ReviewLinesWriter<W: Write> {
    out: W,
    line: Vec<u8>,
}

impl<W: Write> ReviewLinesWriter<W> {
    pub fn new(out: W) -> Self {
        ReviewLinesWriter {
            out,
            line: Vec::new(),
        }
    }

    pub fn write(&mut self, review: &Review) -> io::Result<()> {
        self.line.clear();
        ReviewRecord(review).write_json(&mut self.line);
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A destination for results.
pub trait Writer {
    fn write(&mut self, row: &Row) -> io::Result<()>;
    /// Called once after the last row (closing brackets, last table).
    fn finish(&mut self) -> io::Result<()>;
}

pub struct JsonLinesWriter<W: Write> {
    out: W,
    /// The line being built, reused so each row is one write.
    line: Vec<u8>,
}

impl<W: Write> JsonLinesWriter<W> {
    pub fn new(out: W) -> Self {
        JsonLinesWriter {
            out,
            line: Vec::new(),
        }
    }
}

impl<W: Write> Writer for JsonLinesWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        self.line.clear();
        row.write_json(&mut self.line);
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One JSON array, written element by element so it streams too.
pub struct JsonArrayWriter<W: Write> {
    out: W,
    count: u64,
    element: Vec<u8>,
}

impl<W: Write> JsonArrayWriter<W> {
    pub fn new(out: W) -> Self {
        JsonArrayWriter {
            out,
            count: 0,
            element: Vec::new(),
        }
    }
}

impl<W: Write> Writer for JsonArrayWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        self.element.clear();
        self.element
            .extend_from_slice(if self.count == 0 { b"[\n" } else { b",\n" });
        self.count += 1;
        row.write_json(&mut self.element);
        self.out.write_all(&self.element)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
