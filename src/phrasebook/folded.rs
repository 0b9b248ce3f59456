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
        let mut out: Option<String> = None;
        let mut shifts = Vec::new();
        let mut copied = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if !c.is_whitespace() {
                continue;
            }
            let mut end = at + c.len_utf8();
            while let Some(&(next_at, next)) = chars.peek() {
                if !next.is_whitespace() {
                    break;
                }
                end = next_at + next.len_utf8();
                chars.next();
            }
            if c == ' ' && end == at + 1 {
                continue;
            }
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..at]);
            out.push(' ');
            copied = end;
            shifts.push((out.len(), end - out.len()));
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
}
