//! Rendering results: JSON Lines, one JSON array, CSV, or a terminal table.
//!
//! Writers receive results in input order and stream them out; the table
//! is the only human format and the only one that colours or truncates.
//! Untrusted text passes through [`crate::text`] before it reaches a
//! terminal or a spreadsheet.

mod table;

use crate::review::Review;
use crate::text::for_csv_cell;
use crate::triage::Verdict;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::io::{self, Write};

pub use table::TableWriter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Json,
    Csv,
}

/// One processed review, ready to be written.
pub struct Row<'a> {
    pub review: &'a Review,
    pub verdict: &'a Verdict,
}

impl Row<'_> {
    /// The result as a JSON object (used where cells are picked by name).
    pub fn to_object(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }
}

/// The flat JSON object of a result: review fields, then the verdict, then
/// the location, then the source's other fields under `extra`. Serialised
/// straight from borrowed data: output is the hot path of a large run.
impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_review(serializer, self.review, Some(self.verdict))
    }
}

/// A review on its own, before any verdict (what `fetch` writes): the same
/// object as a [`Row`] without `label`, `negative`, `score` and `reasons`,
/// so every command reads it back as replywise's own output.
pub struct ReviewRecord<'a>(pub &'a Review);

impl Serialize for ReviewRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_review(serializer, self.0, None)
    }
}

fn serialize_review<S: Serializer>(
    serializer: S,
    r: &Review,
    verdict: Option<&Verdict>,
) -> Result<S::Ok, S::Error> {
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
    o.serialize_entry("reply", &r.reply)?;
    if let Some(v) = verdict {
        o.serialize_entry("label", v.label.name())?;
        o.serialize_entry("negative", &v.negative)?;
        o.serialize_entry("score", &((v.score * 1000.0).round() / 1000.0))?;
        o.serialize_entry("reasons", &v.reasons)?;
    }
    o.serialize_entry("location", &format_args!("{}", r.location))?;
    o.serialize_entry("extra", &r.extra)?;
    o.end()
}

/// Reviews as JSON Lines, one [`ReviewRecord`] per line.
pub struct ReviewLinesWriter<W: Write> {
    out: W,
}

impl<W: Write> ReviewLinesWriter<W> {
    pub fn new(out: W) -> Self {
        ReviewLinesWriter { out }
    }

    pub fn write(&mut self, review: &Review) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &ReviewRecord(review))?;
        self.out.write_all(b"\n")
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
}

impl<W: Write> JsonLinesWriter<W> {
    pub fn new(out: W) -> Self {
        JsonLinesWriter { out }
    }
}

impl<W: Write> Writer for JsonLinesWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, row)?;
        self.out.write_all(b"\n")
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One JSON array, written element by element so it streams too.
pub struct JsonArrayWriter<W: Write> {
    out: W,
    count: u64,
}

impl<W: Write> JsonArrayWriter<W> {
    pub fn new(out: W) -> Self {
        JsonArrayWriter { out, count: 0 }
    }
}

impl<W: Write> Writer for JsonArrayWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        self.count += 1;
        serde_json::to_writer(&mut self.out, row)?;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// CSV with a fixed header; the source's other fields go in `extra` as
/// JSON. Every cell is guarded against formula injection.
pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

const CSV_COLUMNS: &[&str] = &[
    "id",
    "source",
    "author",
    "rating",
    "rating_raw",
    "title",
    "text",
    "date",
    "date_rfc3339",
    "language",
    "reply",
    "label",
    "negative",
    "score",
    "reasons",
    "location",
    "extra",
];

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter {
            out: csv::Writer::from_writer(out),
            header_written: false,
        }
    }
}

impl<W: Write> Writer for CsvWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(CSV_COLUMNS)?;
            self.header_written = true;
        }
        let object = row.to_object();
        let cells = CSV_COLUMNS.iter().map(|column| match object.get(*column) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(Value::Array(reasons)) if *column == "reasons" => reasons
                .iter()
                .filter_map(|r| r.get("cue").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("; "),
            Some(other) => other.to_string(),
        });
        let guarded: Vec<String> = cells.map(|c| for_csv_cell(&c).into_owned()).collect();
        self.out.write_record(&guarded)?;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(CSV_COLUMNS)?;
        }
        self.out.flush()
    }
}
