//! Reading one line at a time without letting one huge line take the memory.
//!
//! `BufRead::read_line` grows its buffer to whatever the line holds, so a
//! 50 MB "review" (a log pasted by mistake, a file that is not an export)
//! becomes 50 MB of `String` and then gigabytes of analysis. Here a line
//! longer than the record limit is skipped to its end and only its length
//! is kept, so the reader can report it and go on with memory flat.

use std::io::{self, BufRead};

/// The default limit on one record's text: far above any real review.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 1024 * 1024;

/// How reading one line ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// No more input.
    End,
    /// The line (without its terminator) is in the buffer.
    Kept,
    /// The line was longer than the limit and was skipped; `bytes` is its
    /// whole length.
    TooLong { bytes: u64 },
}

/// Reads the next line into `buf` (cleared first, `\n` and `\r\n`
/// removed), keeping at most `limit` bytes of it.
pub fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buf.clear();
    let mut total = 0u64;
    let mut over = false;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        total += part.len() as u64;
        if !over && buf.len() + part.len() > limit {
            over = true;
            buf.clear();
        }
        if !over {
            buf.extend_from_slice(part);
        }
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if over {
        return Ok(Line::TooLong { bytes: total });
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, limit: usize) -> Vec<(Line, String)> {
        let mut reader = io::BufReader::with_capacity(4, input.as_bytes());
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let line = read_line(&mut reader, &mut buf, limit).unwrap();
            if line == Line::End {
                return out;
            }
            out.push((line, String::from_utf8(buf.clone()).unwrap()));
        }
    }

    #[test]
    fn lines_are_split_across_small_buffers() {
        assert_eq!(
            lines("abcdefgh\r\n\nxy", 100),
            vec![
                (Line::Kept, "abcdefgh".into()),
                (Line::Kept, String::new()),
                (Line::Kept, "xy".into())
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_whole_and_reading_goes_on() {
        assert_eq!(
            lines("ok\n0123456789abc\nnext\n", 8),
            vec![
                (Line::Kept, "ok".into()),
                (Line::TooLong { bytes: 13 }, String::new()),
                (Line::Kept, "next".into())
            ]
        );
    }
}
