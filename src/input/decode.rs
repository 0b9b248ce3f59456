//! Turning raw input bytes into UTF-8, whatever the export was saved as.
//!
//! The Google Play Console delivers UTF-16LE with a BOM; spreadsheets add a
//! UTF-8 BOM; files pasted together from several systems carry stray invalid
//! bytes. All of it becomes a UTF-8 stream here, once, so every parser
//! downstream reads plain `str`. Invalid bytes become U+FFFD and are
//! counted, so the reader can warn about the record that held them instead
//! of dropping it or aborting the run.

use encoding_rs::{UTF_16BE, UTF_16LE};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

/// Counts the invalid byte sequences replaced so far in one input.
#[derive(Debug, Clone, Default)]
pub struct Replacements(Rc<Cell<u64>>);

impl Replacements {
    pub fn get(&self) -> u64 {
        self.0.get()
    }
    fn add(&self, n: u64) {
        self.0.set(self.0.get() + n);
    }
}

const CHUNK: usize = 64 * 1024;

/// Wraps `inner` so that it yields valid UTF-8: a BOM picks UTF-16LE/BE
/// (transcoded) or UTF-8 (stripped); anything else is treated as UTF-8 and
/// repaired where invalid.
pub fn utf8_reader<R: Read + 'static>(inner: R) -> io::Result<(Box<dyn BufRead>, Replacements)> {
    let mut buffered = BufReader::with_capacity(CHUNK, inner);
    let head = buffered.fill_buf()?;
    let replacements = Replacements::default();
    let utf16 = match head {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let decoder = DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .bom_override(true)
            .build(buffered);
        let counted = LossyUtf8::new(decoder, replacements.clone());
        return Ok((
            Box::new(BufReader::with_capacity(CHUNK, counted)),
            replacements,
        ));
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        buffered.consume(3);
    }
    let lossy = LossyUtf8::new(buffered, replacements.clone());
    Ok((
        Box::new(BufReader::with_capacity(CHUNK, lossy)),
        replacements,
    ))
}

/// A reader that passes valid UTF-8 through untouched and replaces each
/// invalid sequence with U+FFFD, counting them. A sequence cut by a chunk
/// boundary is carried over rather than mistaken for an invalid one.
struct LossyUtf8<R> {
    inner: R,
    pending: Vec<u8>,
    out: Vec<u8>,
    out_pos: usize,
    eof: bool,
    count: Replacements,
}

impl<R: Read> LossyUtf8<R> {
    fn new(inner: R, count: Replacements) -> Self {
        LossyUtf8 {
            inner,
            pending: Vec::with_capacity(CHUNK + 4),
            out: Vec::with_capacity(CHUNK + 16),
            out_pos: 0,
            eof: false,
            count,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.out_pos = 0;
        while self.out.is_empty() && !(self.eof && self.pending.is_empty()) {
            if !self.eof {
                let start = self.pending.len();
                self.pending.resize(start + CHUNK, 0);
                let n = loop {
                    match self.inner.read(&mut self.pending[start..]) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        other => break other,
                    }
                };
                let n = n.inspect_err(|_| self.pending.truncate(start))?;
                self.pending.truncate(start + n);
                self.eof = n == 0;
            }
            let used = self.convert();
            self.pending.drain(..used);
        }
        Ok(())
    }

    /// Moves as much of `pending` as is decidable into `out`; returns how
    /// many bytes of `pending` were used.
    fn convert(&mut self) -> usize {
        let mut pos = 0;
        loop {
            match std::str::from_utf8(&self.pending[pos..]) {
                Ok(valid) => {
                    self.out.extend_from_slice(valid.as_bytes());
                    return self.pending.len();
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    self.out.extend_from_slice(&self.pending[pos..pos + good]);
                    pos += good;
                    match e.error_len() {
                        Some(bad) => {
                            self.out.extend_from_slice("\u{FFFD}".as_bytes());
                            self.count.add(1);
                            pos += bad;
                        }
                        // An incomplete sequence at the end: wait for more
                        // bytes, unless there are none to come.
                        None if !self.eof => return pos,
                        None => {
                            self.out.extend_from_slice("\u{FFFD}".as_bytes());
                            self.count.add(1);
                            return self.pending.len();
                        }
                    }
                }
            }
        }
    }
}

impl<R: Read> Read for LossyUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_pos >= self.out.len() {
            self.refill()?;
        }
        let available = &self.out[self.out_pos..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: Vec<u8>) -> (String, u64) {
        let (mut reader, count) = utf8_reader(io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        reader.read_to_string(&mut s).unwrap();
        (s, count.get())
    }

    #[test]
    fn utf16le_with_bom_is_transcoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Star Rating,ok ✓".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(bytes), ("Star Rating,ok ✓".to_string(), 0));
    }

    #[test]
    fn utf16be_with_bom_is_transcoded() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "héllo".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(bytes).0, "héllo");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(decode(b"\xEF\xBB\xBFtext".to_vec()).0, "text");
    }

    #[test]
    fn invalid_bytes_are_replaced_and_counted() {
        assert_eq!(
            decode(b"caf\xE9 ok \xFF".to_vec()),
            ("caf\u{FFFD} ok \u{FFFD}".into(), 2)
        );
    }

    #[test]
    fn sequences_split_across_chunks_survive() {
        let mut bytes = vec![b'a'; CHUNK - 1];
        bytes.extend_from_slice("é€".as_bytes());
        let (s, count) = decode(bytes);
        assert_eq!(count, 0);
        assert!(s.ends_with("é€"));
    }

    #[test]
    fn truncated_sequence_at_end_is_replaced() {
        assert_eq!(decode(b"ab\xE2\x82".to_vec()), ("ab\u{FFFD}".into(), 1));
    }
}
