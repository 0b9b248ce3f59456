//! Turning raw input bytes into UTF-8, whatever the export was saved as.
//!
//! The Google Play Console delivers UTF-16LE with a BOM; spreadsheets add a
//! UTF-8 BOM; files pasted together from several systems carry stray invalid
//! bytes. All of it becomes a UTF-8 stream here, once, so every parser
//! downstream reads plain `str`. Invalid bytes become U+FFFD and are
//! counted, so the reader can warn about the record that held them instead
//! of dropping it or aborting the run.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
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
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// What the first bytes of an input say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    /// UTF-16 or another encoding to transcode; the BOM, if any, is the
    /// decoder's to strip.
    Transcode(&'static Encoding),
    Utf8 {
        bom: bool,
    },
    Binary,
}

/// An input decoded to UTF-8, or refused.
pub enum Decoded {
    Text {
        reader: Box<dyn BufRead>,
        replacements: Replacements,
    },
    /// NUL bytes or mostly control bytes: not an export in any encoding.
    Binary,
}

/// Wraps `inner` so that it yields valid UTF-8. `encoding` (from
/// `--encoding`) decides when given; otherwise a BOM picks UTF-16LE/BE or
/// UTF-8, UTF-16 without a BOM is recognised by its zero bytes, and
/// anything else is treated as UTF-8 and repaired where invalid.
pub fn utf8_reader<R: Read + 'static>(
    inner: R,
    encoding: Option<&'static Encoding>,
) -> io::Result<Decoded> {
    let mut buffered = BufReader::with_capacity(CHUNK, inner);
    let head = buffered.fill_buf()?;
    let sniffed = match encoding {
        Some(encoding) if encoding == UTF_8 => Sniffed::Utf8 {
            bom: head.starts_with(UTF8_BOM),
        },
        Some(encoding) => Sniffed::Transcode(encoding),
        None => sniff(head),
    };
    let replacements = Replacements::default();
    let reader: Box<dyn BufRead> = match sniffed {
        Sniffed::Binary => return Ok(Decoded::Binary),
        Sniffed::Transcode(encoding) => {
            let decoder = DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_override(true)
                .build(buffered);
            // The decoder has already put U+FFFD where bytes were invalid
            // (a broken surrogate, an odd byte at the end): count those.
            let counted = LossyUtf8::new(decoder, replacements.clone(), true);
            Box::new(BufReader::with_capacity(CHUNK, counted))
        }
        Sniffed::Utf8 { bom } => {
            if bom {
                buffered.consume(UTF8_BOM.len());
            }
            let lossy = LossyUtf8::new(buffered, replacements.clone(), false);
            Box::new(BufReader::with_capacity(CHUNK, lossy))
        }
    };
    Ok(Decoded::Text {
        reader,
        replacements,
    })
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads the encoding off the first bytes. Text in UTF-16 has a zero byte
/// in every other position for Latin text; text in any 8-bit encoding has
/// no NUL bytes and few control bytes, which binary data has plenty of.
fn sniff(head: &[u8]) -> Sniffed {
    match head {
        [0xFF, 0xFE, ..] => return Sniffed::Transcode(UTF_16LE),
        [0xFE, 0xFF, ..] => return Sniffed::Transcode(UTF_16BE),
        _ if head.starts_with(UTF8_BOM) => return Sniffed::Utf8 { bom: true },
        _ => {}
    }
    let sample = &head[..head.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if pairs >= 2 && odd * 10 >= pairs * 3 && even * 10 <= odd {
        return Sniffed::Transcode(UTF_16LE);
    }
    if pairs >= 2 && even * 10 >= pairs * 3 && odd * 10 <= even {
        return Sniffed::Transcode(UTF_16BE);
    }
    let sample = &head[..head.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if sample.contains(&0) || controls * 10 > sample.len() {
        return Sniffed::Binary;
    }
    Sniffed::Utf8 { bom: false }
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
    /// Count U+FFFD already in valid text: a decoder put it there.
    count_decoded: bool,
}

impl<R: Read> LossyUtf8<R> {
    fn new(inner: R, count: Replacements, count_decoded: bool) -> Self {
        LossyUtf8 {
            count_decoded,
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
            // A decoder hands out a few bytes at a time; gathering a whole
            // chunk from it gives format detection a real look at the head.
            let gather = if self.count_decoded { CHUNK } else { 1 };
            let mut read = false;
            while !self.eof && (!read || self.pending.len() < gather) {
                read = true;
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
                    if self.count_decoded {
                        let found = memchr::memmem::find_iter(valid.as_bytes(), REPLACEMENT);
                        self.count.add(found.count() as u64);
                    }
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

    fn decode_as(bytes: Vec<u8>, encoding: Option<&'static Encoding>) -> (String, u64) {
        match utf8_reader(io::Cursor::new(bytes), encoding).unwrap() {
            Decoded::Text {
                mut reader,
                replacements,
            } => {
                let mut s = String::new();
                reader.read_to_string(&mut s).unwrap();
                (s, replacements.get())
            }
            Decoded::Binary => panic!("refused as binary"),
        }
    }

    fn decode(bytes: Vec<u8>) -> (String, u64) {
        decode_as(bytes, None)
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        let text = "id,rating,text\nu1,1,Awful food\n";
        assert_eq!(decode(utf16(text, true)), (text.to_string(), 0));
        assert_eq!(decode(utf16(text, false)), (text.to_string(), 0));
    }

    #[test]
    fn broken_utf16_is_repaired_and_counted() {
        // A lone high surrogate, then an odd byte at the end.
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16("ab", true));
        bytes.extend([0x00, 0xD8]);
        bytes.extend(utf16("cd", true));
        bytes.push(b'e');
        let (text, count) = decode(bytes);
        assert_eq!(text, "ab\u{FFFD}cd\u{FFFD}");
        assert_eq!(count, 2);
    }

    #[test]
    fn a_named_encoding_decides() {
        let latin = b"caf\xE9 \x80".to_vec();
        let cp1252 = Encoding::for_label(b"windows-1252");
        assert_eq!(decode_as(latin, cp1252), ("café €".to_string(), 0));
    }

    #[test]
    fn binary_is_refused_but_8_bit_text_is_not() {
        let binary = (0..=255u8).cycle().take(3000).collect::<Vec<_>>();
        assert!(matches!(
            utf8_reader(io::Cursor::new(binary), None).unwrap(),
            Decoded::Binary
        ));
        assert_eq!(decode(b"Tr\xE8s bien\n".to_vec()).1, 1);
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
