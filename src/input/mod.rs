//! Reading reviews from files and stdin, in any supported format.
//!
//! Files and stdin share one road: bytes are decoded to UTF-8
//! ([`decode`]), the format is taken from the extension or sniffed from the
//! first bytes, a format reader hands out raw records one at a time, and
//! [`map`] turns each into a [`Review`]. Every record comes out exactly once,
//! as a review or as a located [`RecordError`], through the caller's sink.

mod decode;
mod delimited;
mod fields;
mod json;
pub mod map;
mod plain;
pub mod shapes;
pub mod values;

pub use fields::get_path;
pub use map::FieldOverrides;

use crate::error::{Error, Problem, RecordError, Result, Warning};
use crate::review::{Location, Review};
use serde_json::Value;
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;

/// A container format. Which export it is comes later, from the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Csv,
    Json,
    Jsonl,
    Text,
}

/// How to read inputs; shared by every input of a run.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Skip detection and read every input as this format.
    pub format: Option<InputFormat>,
    /// In plain text, a review is a blank-line separated paragraph.
    pub paragraphs: bool,
    pub fields: FieldOverrides,
}

/// What reading produces, in input order.
#[derive(Debug)]
pub enum Event {
    Review(Box<Review>),
    Failed(RecordError),
    Warning(Warning),
}

/// A record as a format reader found it, before mapping.
pub struct Raw {
    pub value: std::result::Result<Value, Problem>,
    /// 1-based line the record starts on, for line-based formats.
    pub line: Option<u64>,
}

/// The name used for stdin in locations and ids.
pub const STDIN: &str = "<stdin>";

/// Reads one path (`-` is stdin), sending every record to `sink`.
pub fn read_path(
    path: &str,
    options: &InputOptions,
    sink: &mut dyn FnMut(Event) -> Result<()>,
) -> Result<()> {
    if path == "-" {
        return read(std::io::stdin(), STDIN, None, options, sink);
    }
    let file = std::fs::File::open(path).map_err(|source| Error::Open {
        path: path.into(),
        source,
    })?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::Usage(format!(
            "{path}: is a directory; give the export file inside it"
        )));
    }
    let extension = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    read(file, path, extension.as_deref(), options, sink)
}

/// Reads reviews from any reader. `origin` names it in locations;
/// `extension` (lowercase, no dot) helps choose the format.
pub fn read<R: Read + 'static>(
    reader: R,
    origin: &str,
    extension: Option<&str>,
    options: &InputOptions,
    sink: &mut dyn FnMut(Event) -> Result<()>,
) -> Result<()> {
    let read_error = |source| Error::Read {
        origin: origin.to_string(),
        source,
    };
    let (mut reader, replaced) = decode::utf8_reader(reader).map_err(read_error)?;
    let format = match options.format {
        Some(format) => format,
        None => {
            let head = reader.fill_buf().map_err(read_error)?;
            detect(
                extension,
                &String::from_utf8_lossy(&head[..head.len().min(16 * 1024)]),
            )
        }
    };
    let origin_arc: Arc<str> = Arc::from(origin);
    let mut record = 0u64;
    let mut seen_replacements = 0u64;
    let mut emit = |raw: Raw| -> Result<()> {
        record += 1;
        let location = Location::new(origin_arc.clone(), raw.line, record);
        let now = replaced.get();
        if now > seen_replacements {
            seen_replacements = now;
            sink(Event::Warning(Warning {
                location: location.clone(),
                message: "invalid bytes for the encoding were replaced with \u{FFFD}; \
                          save the file as UTF-8 or UTF-16 with a BOM"
                    .into(),
            }))?;
        }
        let result = raw
            .value
            .and_then(|value| map::to_review(value, location.clone(), &options.fields));
        sink(match result {
            Ok(review) => Event::Review(Box::new(review)),
            Err(problem) => Event::Failed(RecordError { location, problem }),
        })
    };
    let reader: &mut dyn BufRead = &mut reader;
    match format {
        InputFormat::Csv => delimited::read(reader, origin, &mut emit),
        InputFormat::Json => json::read_document(reader, origin, &mut emit),
        InputFormat::Jsonl => json::read_lines(reader, origin, &mut emit),
        InputFormat::Text => plain::read(reader, origin, options.paragraphs, &mut emit),
    }
}

/// Chooses a format from the extension, then from the content.
pub fn detect(extension: Option<&str>, head: &str) -> InputFormat {
    match extension {
        Some("csv" | "tsv") => return InputFormat::Csv,
        Some("jsonl" | "ndjson") => return InputFormat::Jsonl,
        Some("txt" | "text") => return InputFormat::Text,
        Some("json") => return json_kind(head),
        _ => {}
    }
    match head.trim_start().chars().next() {
        Some('[') => InputFormat::Json,
        Some('{') => json_kind(head),
        _ if looks_like_csv_header(head) => InputFormat::Csv,
        _ => InputFormat::Text,
    }
}

/// `{` starts either one document or JSON Lines: it is JSON Lines when the
/// first line is a whole object and more follows it.
fn json_kind(head: &str) -> InputFormat {
    let trimmed = head.trim_start();
    if trimmed.starts_with('[') {
        return InputFormat::Json;
    }
    let mut lines = trimmed.lines().filter(|l| !l.trim().is_empty());
    match (lines.next(), lines.next()) {
        (Some(first), Some(second))
            if serde_json::from_str::<serde_json::Map<String, Value>>(first).is_ok()
                && second.trim_start().starts_with('{') =>
        {
            InputFormat::Jsonl
        }
        _ => InputFormat::Json,
    }
}

/// A header line of short column names, one of which can hold review text.
fn looks_like_csv_header(head: &str) -> bool {
    let delimiter = delimited::sniff_delimiter(head) as char;
    let header = head.lines().next().unwrap_or("");
    let columns: Vec<String> = header
        .split(delimiter)
        .map(|c| c.trim().trim_matches('"').to_string())
        .collect();
    columns.len() >= 2
        && columns.iter().all(|c| c.chars().count() <= 48)
        && map::header_has_text(&columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_from_extension_and_content() {
        assert_eq!(detect(Some("csv"), "anything"), InputFormat::Csv);
        assert_eq!(
            detect(Some("json"), "{\"a\":1}\n{\"a\":2}\n"),
            InputFormat::Jsonl
        );
        assert_eq!(
            detect(Some("json"), "{\n \"reviews\": []\n}"),
            InputFormat::Json
        );
        assert_eq!(detect(None, "  [ {} ]"), InputFormat::Json);
        assert_eq!(detect(None, "rating;text\n5;good"), InputFormat::Csv);
        assert_eq!(
            detect(None, "Great food, terrible service.\nOk."),
            InputFormat::Text
        );
        assert_eq!(detect(Some("dat"), "Loved it"), InputFormat::Text);
    }
}
