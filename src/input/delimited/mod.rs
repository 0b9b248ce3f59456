//! CSV and TSV exports, as spreadsheets and consoles save them.
//!
//! The delimiter (comma, semicolon or tab) is sniffed from the header line;
//! rows are read one at a time ([`rows`], with a size limit), checked for
//! rows an unclosed quote swallowed ([`quotes`]), and handed on as objects
//! keyed by header, so CSV shares the JSON mapping road.

mod quotes;
mod rows;

use super::map::row_to_object;
use super::Raw;
use crate::error::{Error, Problem, Result};
use rows::{Row, Rows};
use std::io::BufRead;
use std::io::ErrorKind::InvalidData;

/// Picks the delimiter that splits the header line into the most fields,
/// ignoring delimiters inside quotes.
pub fn sniff_delimiter(head: &str) -> u8 {
    let header = header_line(head);
    let count = |d: char| {
        let mut quoted = false;
        header
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == d
            })
            .count()
    };
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b','))
        .unwrap_or(b',')
}

fn header_line(head: &str) -> &str {
    head.lines().next().unwrap_or("")
}

/// Reads delimited rows. A row with the wrong number of fields is a failed
/// record (it usually means broken quoting), not the end of the file; so is
/// a row over `limit` bytes, and so are rows swallowed by an unclosed quote.
pub fn read(
    reader: &mut dyn BufRead,
    origin: &str,
    limit: usize,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<()> {
    let read_error = |source| Error::Read {
        origin: origin.to_string(),
        source,
    };
    let delimiter = {
        let head = reader.fill_buf().map_err(read_error)?;
        sniff_delimiter(&String::from_utf8_lossy(&head[..head.len().min(8192)]))
    };
    let mut rows = Rows::new(reader, delimiter, limit);
    let headers: Vec<String> = match rows.next().map_err(read_error)? {
        None => return Ok(()),
        Some(Row::TooLarge { line, .. }) => {
            return Err(Error::Usage(format!(
                "{origin}:{line}: the header row is larger than the record limit; \
                 is this a delimited export?"
            )))
        }
        Some(Row::Read { .. }) => match rows.fields() {
            Ok(fields) => fields.iter().map(|h| h.trim().to_string()).collect(),
            Err(e) => return Err(read_error(std::io::Error::new(InvalidData, e))),
        },
    };
    let failed = |line, problem| Raw {
        value: Err(problem),
        line: Some(line),
    };
    while let Some(row) = rows.next().map_err(read_error)? {
        let (line, irregular) = match row {
            Row::TooLarge { line, bytes } => {
                emit(failed(line, Problem::TooLarge { bytes, limit }))?;
                continue;
            }
            Row::Read { line, irregular } => (line, irregular),
        };
        let fields = match rows.fields() {
            Ok(fields) => fields,
            Err(e) => {
                let detail = e.to_string();
                emit(failed(line, Problem::BadCsv { detail }))?;
                continue;
            }
        };
        if fields.len() == 1 && fields[0].is_empty() {
            continue;
        }
        // Only quoting no CSV writer produces can have swallowed rows; a
        // well-quoted multi-line review is read as it is.
        let swallowed = match irregular {
            true => quotes::swallowed_lines(&fields, delimiter),
            false => Vec::new(),
        };
        if let Some(&last) = swallowed.last() {
            let problem = Problem::UnclosedQuote {
                until: line + last,
                rows: swallowed.len(),
            };
            emit(failed(line, problem))?;
            for offset in swallowed {
                emit(failed(line + offset, Problem::InsideQuote { opened: line }))?;
            }
            continue;
        }
        let value = if fields.len() != headers.len() {
            Err(Problem::FieldCount {
                found: fields.len(),
                expected: headers.len(),
            })
        } else {
            Ok(row_to_object(&headers, &fields))
        };
        emit(Raw {
            value,
            line: Some(line),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed_from_the_header() {
        assert_eq!(sniff_delimiter("a,b,c\n1;2"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("\"x,y\";b;c"), b';');
    }

    #[test]
    fn rows_keep_their_line_numbers_across_multiline_cells() {
        let mut input = "text,rating\n\"two\nlines\",1\nok,5\nshort\n".as_bytes();
        let mut seen = Vec::new();
        read(&mut input, "t.csv", 1 << 20, &mut |raw| {
            seen.push((raw.line, raw.value.is_ok()));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![(Some(2), true), (Some(4), true), (Some(5), false)]
        );
    }
}
