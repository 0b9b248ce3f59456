//! Plain text: one review per line, or per blank-line separated paragraph.
//!
//! This is what support staff paste or pipe in; each review keeps the line
//! it started on so errors and ids point back into the file.

use super::Raw;
use crate::error::{Error, Result};
use serde_json::Value;
use std::io::BufRead;

pub fn read(
    reader: &mut dyn BufRead,
    origin: &str,
    paragraphs: bool,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<()> {
    let mut line = String::new();
    let mut number = 0u64;
    let mut paragraph = String::new();
    let mut start = 0u64;
    let mut flush = |paragraph: &mut String, start: u64| -> Result<()> {
        if paragraph.trim().is_empty() {
            paragraph.clear();
            return Ok(());
        }
        let text = std::mem::take(paragraph).trim().to_string();
        emit(Raw {
            value: Ok(Value::String(text)),
            line: Some(start),
        })
    };
    loop {
        line.clear();
        let n = reader.read_line(&mut line).map_err(|source| Error::Read {
            origin: origin.to_string(),
            source,
        })?;
        if n == 0 {
            return flush(&mut paragraph, start);
        }
        number += 1;
        let content = line.trim_end_matches(['\n', '\r']);
        if !paragraphs {
            paragraph.push_str(content);
            flush(&mut paragraph, number)?;
        } else if content.trim().is_empty() {
            flush(&mut paragraph, start)?;
        } else {
            if paragraph.is_empty() {
                start = number;
            } else {
                paragraph.push('\n');
            }
            paragraph.push_str(content);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str, paragraphs: bool) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        let mut reader = input.as_bytes();
        read(&mut reader, "t", paragraphs, &mut |raw| {
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
