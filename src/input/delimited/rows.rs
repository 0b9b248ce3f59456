//! Delimited rows, one at a time, with a limit on the size of one row.
//!
//! The `csv` crate grows its record buffer to whatever one record holds, so
//! an unclosed quote near the top of a 50 MB file, or one huge cell, became
//! one 50 MB record and then gigabytes of analysis. Here `csv-core` parses
//! into buffers we own: past the limit the row's bytes are dropped as they
//! arrive and only its size is kept, so memory stays flat and the row is
//! reported instead of read. Line numbers are counted from the bytes
//! consumed, so a row always knows the line it started on.

use std::io::{self, BufRead};

/// Rows with more fields than this are treated as too large: no export has
/// them, and each field costs memory of its own.
const MAX_FIELDS: usize = 16 * 1024;

/// What one call to [`Rows::next`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Row {
    /// A row whose fields are in [`Rows::fields`]. `irregular` when its
    /// quoting is not what a CSV writer writes: a closing quote followed by
    /// more text, or the input ending inside quotes (a quote left open).
    Read { line: u64, irregular: bool },
    /// A row larger than the limit, skipped; `bytes` is its size on disk.
    TooLarge { line: u64, bytes: u64 },
}

pub struct Rows<'r> {
    reader: &'r mut dyn BufRead,
    core: csv_core::Reader,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// The line the next byte of input is on.
    line: u64,
    limit: usize,
    delimiter: u8,
    quotes: Quotes,
}

/// Follows the quoting of the raw bytes of one row, as a CSV writer would
/// have written them, to notice where they are not.
#[derive(Debug, Default, Clone, Copy)]
struct Quotes {
    quoted: bool,
    after_close: bool,
    mid_field: bool,
    irregular: bool,
}

impl Quotes {
    fn feed(&mut self, bytes: &[u8], delimiter: u8) {
        for &b in bytes {
            let ends_field = b == delimiter || b == b'\n' || b == b'\r';
            if self.after_close {
                self.after_close = false;
                if b == b'"' {
                    self.quoted = true;
                    continue;
                }
                if !ends_field {
                    self.irregular = true;
                }
            } else if self.quoted {
                if b == b'"' {
                    self.quoted = false;
                    self.after_close = true;
                }
                continue;
            } else if b == b'"' && !self.mid_field {
                self.quoted = true;
                self.mid_field = true;
                continue;
            }
            self.mid_field = !ends_field;
        }
    }
}

impl<'r> Rows<'r> {
    pub fn new(reader: &'r mut dyn BufRead, delimiter: u8, limit: usize) -> Rows<'r> {
        Rows {
            reader,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096.min(limit.max(1))],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            line: 1,
            limit: limit.max(1),
            delimiter,
            quotes: Quotes::default(),
        }
    }

    /// Reads the next row; `None` at the end of input.
    pub fn next(&mut self) -> io::Result<Option<Row>> {
        self.skip_blank_lines()?;
        let line = self.line;
        self.out_len = 0;
        self.ends_len = 0;
        self.quotes = Quotes::default();
        let mut bytes = 0u64;
        let mut over = false;
        loop {
            let input = match self.reader.fill_buf() {
                Ok(input) => input,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let at_end = input.is_empty();
            let (result, nin, nout, nend) = self.core.read_record(
                input,
                &mut self.out[self.out_len..],
                &mut self.ends[self.ends_len..],
            );
            self.line += memchr::memchr_iter(b'\n', &input[..nin]).count() as u64;
            self.quotes.feed(&input[..nin], self.delimiter);
            bytes += nin as u64;
            self.reader.consume(nin);
            self.out_len += nout;
            self.ends_len += nend;
            use csv_core::ReadRecordResult as R;
            match result {
                R::InputEmpty if at_end => return Ok(None),
                R::InputEmpty => {}
                R::OutputFull if over || self.out.len() >= self.limit => {
                    over = true;
                    self.out_len = 0;
                }
                R::OutputFull => {
                    let grown = (self.out.len() * 2).min(self.limit);
                    self.out.resize(grown, 0);
                }
                R::OutputEndsFull if over || self.ends.len() >= MAX_FIELDS => {
                    over = true;
                    self.ends_len = 0;
                }
                R::OutputEndsFull => {
                    let grown = (self.ends.len() * 2).min(MAX_FIELDS);
                    self.ends.resize(grown, 0);
                }
                R::Record if over => return Ok(Some(Row::TooLarge { line, bytes })),
                R::Record => {
                    let irregular = self.quotes.irregular || (at_end && self.quotes.quoted);
                    return Ok(Some(Row::Read { line, irregular }));
                }
                R::End => return Ok(None),
            }
        }
    }

    /// The fields of the row [`Rows::next`] last read. Input is UTF-8 by
    /// the time it gets here, and delimiters are ASCII, so each field is
    /// valid text; anything else is reported by the caller.
    pub fn fields(&self) -> Result<Vec<&str>, std::str::Utf8Error> {
        let data = &self.out[..self.out_len];
        let mut start = 0;
        self.ends[..self.ends_len]
            .iter()
            .map(|&end| {
                let field = std::str::from_utf8(&data[start..end]);
                start = end;
                field
            })
            .collect()
    }

    /// Blank lines between rows are not rows; they are skipped here so the
    /// next row's first line is known exactly.
    fn skip_blank_lines(&mut self) -> io::Result<()> {
        loop {
            let input = self.reader.fill_buf()?;
            let blank = input
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            if blank == 0 {
                return Ok(());
            }
            self.line += memchr::memchr_iter(b'\n', &input[..blank]).count() as u64;
            let whole = blank == input.len();
            self.reader.consume(blank);
            if !whole {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(input: &str, limit: usize) -> Vec<(Row, Vec<String>)> {
        let mut reader = io::BufReader::with_capacity(5, input.as_bytes());
        let mut rows = Rows::new(&mut reader, b',', limit);
        let mut out = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let fields: Vec<String> = match row {
                Row::Read { .. } => rows
                    .fields()
                    .unwrap()
                    .iter()
                    .map(|f| f.to_string())
                    .collect(),
                Row::TooLarge { .. } => Vec::new(),
            };
            out.push((row, fields));
        }
        out
    }

    #[test]
    fn rows_know_their_first_line_across_blank_lines_and_quoted_newlines() {
        let got = rows("a,b\n\n\"x\ny\",2\r\n\r\nlast,3", 1000);
        let lines: Vec<_> = got.iter().map(|(r, _)| r).collect();
        assert_eq!(
            lines,
            vec![
                &Row::Read {
                    line: 1,
                    irregular: false
                },
                &Row::Read {
                    line: 3,
                    irregular: false
                },
                &Row::Read {
                    line: 6,
                    irregular: false
                }
            ]
        );
        assert_eq!(got[1].1, vec!["x\ny", "2"]);
        assert_eq!(got[2].1, vec!["last", "3"]);
    }

    #[test]
    fn a_row_over_the_limit_is_skipped_and_the_next_one_read() {
        let big = "x".repeat(100);
        let got = rows(&format!("a,b\n{big},1\nc,2\n"), 32);
        assert_eq!(
            got[1].0,
            Row::TooLarge {
                line: 2,
                bytes: 103
            }
        );
        assert_eq!(
            got[2],
            (
                Row::Read {
                    line: 3,
                    irregular: false
                },
                vec!["c".into(), "2".into()]
            )
        );
    }

    #[test]
    fn quoting_no_writer_would_write_is_irregular() {
        let irregular = |input: &str| {
            rows(input, 1000)
                .iter()
                .map(|(r, _)| {
                    matches!(
                        r,
                        Row::Read {
                            irregular: true,
                            ..
                        }
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            irregular("a,\"b \"\"c\"\"\",d\n\"x\ny\",2\n"),
            vec![false, false]
        );
        assert_eq!(
            irregular("u1,\"Great\nu2,Awful \"so bad\" food\n"),
            vec![true]
        );
        assert_eq!(irregular("u1,\"never closed\nu2,x\n"), vec![true]);
        assert_eq!(irregular("u1,say \"hi\" there\n"), vec![false]);
    }

    #[test]
    fn a_row_of_too_many_fields_is_too_large() {
        let wide = ",".repeat(MAX_FIELDS + 10);
        let got = rows(&format!("a\n{wide}\nok\n"), 1 << 20);
        assert!(matches!(got[1].0, Row::TooLarge { line: 2, .. }));
        assert_eq!(got[2].1, vec!["ok"]);
    }
}
