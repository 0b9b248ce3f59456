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
    /// The flat JSON object of a result: review fields, then the verdict,
    /// then the location, then the source's other fields under `extra`.
    pub fn to_object(&self) -> Map<String, Value> {
        let r = self.review;
        let v = self.verdict;
        let mut o = Map::new();
        let opt = |s: &Option<String>| s.clone().map_or(Value::Null, Value::String);
        o.insert("id".into(), Value::String(r.id.clone()));
        o.insert("source".into(), Value::String(r.source.name().into()));
        o.insert("author".into(), opt(&r.author));
        o.insert("rating".into(), r.rating.map_or(Value::Null, Value::from));
        o.insert("rating_raw".into(), opt(&r.rating_raw));
        o.insert("title".into(), opt(&r.title));
        o.insert("text".into(), Value::String(r.text.clone()));
        o.insert("date".into(), opt(&r.date));
        o.insert("date_rfc3339".into(), opt(&r.date_rfc3339));
        o.insert("language".into(), opt(&r.language));
        o.insert("reply".into(), opt(&r.reply));
        o.insert("label".into(), Value::String(v.label.name().into()));
        o.insert("negative".into(), Value::Bool(v.negative));
        o.insert(
            "score".into(),
            Value::from((v.score * 1000.0).round() / 1000.0),
        );
        o.insert(
            "reasons".into(),
            serde_json::to_value(&v.reasons).unwrap_or(Value::Null),
        );
        o.insert(
            "topics".into(),
            serde_json::to_value(&v.topics).unwrap_or(Value::Null),
        );
        o.insert(
            "escalations".into(),
            serde_json::to_value(&v.escalations).unwrap_or(Value::Null),
        );
        o.insert(
            "detected_language".into(),
            v.language.map_or(Value::Null, |l| Value::String(l.into())),
        );
        o.insert("location".into(), Value::String(r.location.to_string()));
        o.insert("extra".into(), Value::Object(r.extra.clone()));
        o
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
        serde_json::to_writer(&mut self.out, &row.to_object())?;
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
        serde_json::to_writer(&mut self.out, &row.to_object())?;
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
    "topics",
    "escalations",
    "detected_language",
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
            Some(Value::Array(hits)) if *column == "topics" || *column == "escalations" => hits
                .iter()
                .filter_map(|h| h.get("topic").or_else(|| h.get("kind")))
                .filter_map(Value::as_str)
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
