//! Plain text: one review per line, or per blank-line separated paragraph.
//!
//! This is what support staff paste or pipe in; each review keeps the line
//! it started on so errors and ids point back into the file.

use super::lines::{self, Line};
use super::Raw;
use crate::error::{Error, Problem, Result};
use serde_json::Value;
use std::io::BufRead;

/// Reads one review per line, or per paragraph; a review over `limit`
/// bytes is reported and skipped.
pub fn read(
    reader: &mut dyn BufRead,
    origin: &str,
    paragraphs: bool,
    limit: usize,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut paragraph = Paragraph::default();
    loop {
        let read = lines::read_line(reader, &mut line, limit).map_err(|source| Error::Read {
            origin: origin.to_string(),
            source,
        })?;
        number += 1;
        let blank = match read {
            Line::End => return paragraph.flush(emit, limit),
            Line::TooLong { bytes } => {
                paragraph.start(number);
                paragraph.bytes += bytes;
                paragraph.text = Vec::new();
                false
            }
            Line::Kept => String::from_utf8_lossy(&line).trim().is_empty(),
        };
        if blank {
            paragraph.flush(emit, limit)?;
            continue;
        }
        if matches!(read, Line::Kept) {
            paragraph.start(number);
            paragraph.push(&line, limit);
        }
        if !paragraphs {
            paragraph.flush(emit, limit)?;
        }
    }
}

/// The review being gathered: its text while it fits the limit, and its
/// size in any case.
#[derive(Default)]
struct Paragraph {
    text: Vec<u8>,
    bytes: u64,
    start: Option<u64>,
}

impl Paragraph {
    /// A line joins the review: the first one sets where it starts, later
    /// ones are joined with a newline.
    fn start(&mut self, line: u64) {
        match self.start {
            None => self.start = Some(line),
            Some(_) => {
                self.text.push(b'\n');
                self.bytes += 1;
            }
        }
    }

    fn push(&mut self, line: &[u8], limit: usize) {
        self.bytes += line.len() as u64;
        if self.bytes <= limit as u64 {
            self.text.extend_from_slice(line);
        } else {
            self.text = Vec::new();
        }
    }

    fn flush(&mut self, emit: &mut dyn FnMut(Raw) -> Result<()>, limit: usize) -> Result<()> {
        let Some(start) = self.start.take() else {
            return Ok(());
        };
        let bytes = std::mem::take(&mut self.bytes);
        let text = std::mem::take(&mut self.text);
        let value = if bytes > limit as u64 {
            Err(Problem::TooLarge { bytes, limit })
        } else {
            Ok(Value::String(
                String::from_utf8_lossy(&text).trim().to_string(),
            ))
        };
        emit(Raw {
            value,
            line: Some(start),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str, paragraphs: bool) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        let mut reader = input.as_bytes();
        read(&mut reader, "t", paragraphs, 1 << 20, &mut |raw| {
            out.push((
                raw.line.unwrap(),
                raw.value.unwrap().as_str().unwrap().to_string(),
            ));
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn one_review_per_line_skipping_blanks() {
        assert_eq!(
            texts("a\r\n\nb\n", false),
            vec![(1, "a".into()), (3, "b".into())]
        );
    }

    #[test]
    fn paragraphs_join_lines_until_a_blank_one() {
        assert_eq!(
            texts("a\nb\n\n\nc\n", true),
            vec![(1, "a\nb".into()), (5, "c".into())]
        );
    }
}
