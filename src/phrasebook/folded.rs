//! A text as literals are looked for in it: every run of whitespace is one
//! space.
//!
//! A pattern's `\s+` could match a space, a line break or two spaces, so a
//! literal could not span it and "have\s+to" would require only "have" and
//! "to", two of the commonest words in a reply. Against the folded text,
//! `\s+` is exactly one space and "have to" is a literal. Hits are mapped
//! back to offsets in the original text.

use std::borrow::Cow;

/// `text` with whitespace runs folded, and how to map offsets back.
#[derive(Debug)]
pub struct Folded<'a> {
    pub text: Cow<'a, str>,
    /// Where a fold shortened the text: from this folded offset on, the
    /// original offset is this much larger.
    shifts: Vec<(usize, usize)>,
}

impl<'a> Folded<'a> {
    pub fn new(text: &'a str) -> Folded<'a> {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut shifts = Vec::new();
        let (mut copied, mut at) = (0, 0);
        while at < bytes.len() {
            // Printable ASCII and UTF-8 continuation bytes start no
            // whitespace: most of any text, skipped without a closer look.
            if (b'!'..0xC2).contains(&bytes[at]) {
                at += 1;
                continue;
            }
            let Some(width) = whitespace(&bytes[at..]) else {
                at += 1;
                continue;
            };
            let mut end = at + width;
            while let Some(width) = whitespace(&bytes[end..]) {
                end += width;
            }
            if end == at + 1 && bytes[at] == b' ' {
                at = end;
                continue;
            }
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..at]);
            out.push(' ');
            copied = end;
            shifts.push((out.len(), end - out.len()));
            at = end;
        }
        let text = match out {
            Some(mut out) => {
                out.push_str(&text[copied..]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(text),
        };
        Folded { text, shifts }
    }

    /// The offset in the original text of folded offset `at`. A folded
    /// space maps to the start of its run.
    pub fn original(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|&(from, _)| from <= at);
        at + i.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }
}

/// The length of the whitespace character `bytes` starts with, if it
/// starts with one: Unicode's White_Space, as `char::is_whitespace` and
/// the regex `\s` have it, read from UTF-8 without decoding other text.
fn whitespace(bytes: &[u8]) -> Option<usize> {
    match *bytes {
        [b'\t'..=b'\r' | b' ', ..] => Some(1),
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] => Some(3),
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] => Some(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_fold_to_one_space_and_offsets_map_back() {
        let text = "We  have\n\tto\u{a0}wait. Ok";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "We have to wait. Ok");
        for word in ["We", "have", "to", "wait", "Ok"] {
            let at = folded.text.find(word).unwrap();
            assert_eq!(&text[folded.original(at)..][..word.len()], word);
        }
        assert_eq!(folded.original(2), 2, "a folded space maps to its run");
        let plain = Folded::new("one two");
        assert!(matches!(plain.text, Cow::Borrowed(_)));
        assert_eq!(plain.original(4), 4);
        assert_eq!(Folded::new("\n\n").text, " ");
    }

    #[test]
    fn whitespace_is_what_char_is_whitespace_says() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            let width = c.is_whitespace().then_some(encoded.len());
            assert_eq!(whitespace(encoded), width, "{c:?}");
        }
    }
}
