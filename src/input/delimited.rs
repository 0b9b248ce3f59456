//! CSV and TSV exports, as spreadsheets and consoles save them.
//!
//! The delimiter (comma, semicolon or tab) is sniffed from the header line;
//! rows are read one at a time with the `csv` crate and handed on as
//! objects keyed by header, so CSV shares the JSON mapping road.

use super::map::row_to_object;
use super::Raw;
use crate::error::{Error, Problem, Result};
use std::io::BufRead;

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
/// record (it usually means broken quoting), not the end of the file.
pub fn read(
    reader: &mut dyn BufRead,
    origin: &str,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<()> {
    let delimiter = {
        let head = reader.fill_buf().map_err(|source| Error::Read {
            origin: origin.to_string(),
            source,
        })?;
        sniff_delimiter(&String::from_utf8_lossy(&head[..head.len().min(8192)]))
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let headers: Vec<String> = match csv.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => return Err(read_error(origin, e)),
    };
    let mut row = csv::StringRecord::new();
    loop {
        let line = csv.position().line() + 1;
        match csv.read_record(&mut row) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = row.position().map_or(line, |p| p.line());
                let value = if row.len() == 1 && row.get(0) == Some("") {
                    continue;
                } else if row.len() != headers.len() {
                    Err(Problem::FieldCount {
                        found: row.len(),
                        expected: headers.len(),
                    })
                } else {
                    Ok(row_to_object(&headers, &row))
                };
                emit(Raw {
                    value,
                    line: Some(line),
                })?;
            }
            Err(e) if e.is_io_error() => return Err(read_error(origin, e)),
            Err(e) => emit(Raw {
                value: Err(Problem::BadCsv {
                    detail: e.to_string(),
                }),
                line: Some(line),
            })?,
        }
    }
}

fn read_error(origin: &str, e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(source) => Error::Read {
            origin: origin.to_string(),
            source,
        },
        other => Error::Read {
            origin: origin.to_string(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{other:?}")),
        },
    }
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
        read(&mut input, "t.csv", &mut |raw| {
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
