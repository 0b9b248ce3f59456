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
mod lines;
pub mod map;
pub mod page;
mod plain;
mod roles;
mod scale;
pub mod shapes;
pub mod values;

pub use fields::get_path;
pub use lines::DEFAULT_MAX_RECORD_BYTES;
pub use map::FieldOverrides;

use crate::error::{Error, Problem, RecordError, Result, Warning};
use crate::review::{Location, Review};
use decode::Decoded;
use serde_json::Value;
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A container format. Which export it is comes later, from the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Csv,
    Json,
    Jsonl,
    Text,
    /// A saved web page: the schema.org reviews it marks up.
    Html,
}

/// How to read inputs; shared by every input of a run.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Skip detection and read every input as this format.
    pub format: Option<InputFormat>,
    /// In plain text, a review is a blank-line separated paragraph.
    pub paragraphs: bool,
    pub fields: FieldOverrides,
    /// The most bytes one record may hold; `None` is
    /// [`DEFAULT_MAX_RECORD_BYTES`].
    pub max_record_bytes: Option<usize>,
    /// The encoding every input is in (`--encoding`); detected when `None`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Bytes read from files are added here, for a progress line.
    pub bytes_read: Option<Arc<AtomicU64>>,
}

/// A file that adds what is read from it to a shared count.
struct Counted {
    file: std::fs::File,
    count: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl InputOptions {
    /// The record size limit in effect.
    pub fn record_limit(&self) -> usize {
        self.max_record_bytes.unwrap_or(DEFAULT_MAX_RECORD_BYTES)
    }
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
    match &options.bytes_read {
        Some(count) => {
            let count = count.clone();
            let counted = Counted { file, count };
            read(counted, path, extension.as_deref(), options, sink)
        }
        None => read(file, path, extension.as_deref(), options, sink),
    }
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
    let (mut reader, replaced) = match decode::utf8_reader(reader, options.encoding) {
        Err(source) => return Err(read_error(source)),
        Ok(Decoded::Binary) => {
            return Err(Error::Usage(format!(
                "{origin}: looks like a binary file (NUL or control bytes), not an export; \
                 give a CSV, TSV, JSON, JSON Lines or text file"
            )))
        }
        Ok(Decoded::Text {
            reader,
            replacements,
        }) => (reader, replacements),
    };
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
    // Where invalid bytes were first met; one warning at the end says how
    // many there were, so a Latin-1 file is not one warning per row.
    let mut first_replaced: Option<Location> = None;
    let mut emit = |raw: Raw| -> Result<()> {
        record += 1;
        let location = Location::new(origin_arc.clone(), raw.line, record);
        // Bytes are decoded a chunk ahead of parsing, so the count alone
        // cannot say which record held them; the text can.
        if first_replaced.is_none()
            && replaced.get() > 0
            && raw.value.as_ref().is_ok_and(holds_replacement)
        {
            first_replaced = Some(location.clone());
        }
        let mut warnings = Vec::new();
        let result = raw.value.and_then(|value| {
            map::to_review(value, location.clone(), &options.fields, &mut warnings)
        });
        for message in warnings {
            let location = location.clone();
            sink(Event::Warning(Warning { location, message }))?;
        }
        sink(match result {
            Ok(review) => Event::Review(Box::new(review)),
            Err(problem) => Event::Failed(RecordError { location, problem }),
        })
    };
    let reader: &mut dyn BufRead = &mut reader;
    let limit = options.record_limit();
    let mut page_problems = Vec::new();
    match format {
        InputFormat::Csv => delimited::read(reader, origin, limit, &mut emit),
        InputFormat::Json => json::read_document(reader, origin, limit, &mut emit),
        InputFormat::Jsonl => json::read_lines(reader, origin, limit, &mut emit),
        InputFormat::Text => plain::read(reader, origin, options.paragraphs, limit, &mut emit),
        InputFormat::Html => {
            page::read(reader, origin, &mut emit).map(|problems| page_problems = problems)
        }
    }?;
    for message in page_problems {
        let location = Location::whole(origin_arc.clone());
        sink(Event::Warning(Warning { location, message }))?;
    }
    let count = replaced.get();
    if count > 0 {
        let (location, first) = match first_replaced {
            Some(location) => (location, " (the first in this record)"),
            None => (Location::whole(origin_arc.clone()), ""),
        };
        let what = match options.encoding {
            Some(encoding) => format!("invalid for {}", encoding.name()),
            None => "invalid UTF-8".to_string(),
        };
        sink(Event::Warning(Warning {
            location,
            message: format!(
                "{count} byte sequence(s) {what} were replaced with U+FFFD{first}; if the \
                 file was saved in another encoding, name it with --encoding LABEL \
                 (e.g. --encoding windows-1252)"
            ),
        }))?;
    }
    Ok(())
}

/// True when a U+FFFD put in by decoding is anywhere in the record.
fn holds_replacement(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\u{FFFD}'),
        Value::Array(items) => items.iter().any(holds_replacement),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || holds_replacement(v)),
        _ => false,
    }
}

/// Chooses a format from the extension, then from the content.
pub fn detect(extension: Option<&str>, head: &str) -> InputFormat {
    match extension {
        Some("csv" | "tsv") => return InputFormat::Csv,
        Some("jsonl" | "ndjson") => return InputFormat::Jsonl,
        Some("txt" | "text") => return InputFormat::Text,
        Some("html" | "htm" | "xhtml") => return InputFormat::Html,
        Some("json") => return json_kind(head),
        _ => {}
    }
    match head.trim_start().chars().next() {
        Some('[') => InputFormat::Json,
        Some('{') => json_kind(head),
        Some('<') if page::looks_like_html(head) => InputFormat::Html,
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
        assert_eq!(detect(None, "\n<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(detect(Some("htm"), "<p>hi"), InputFormat::Html);
    }
}
