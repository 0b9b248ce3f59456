//! Applying fixes: splice the replacements in, then repair what splicing
//! breaks at the seams, and only there (text no rule touched is never
//! reformatted): doubled or stray spaces, a space before punctuation,
//! doubled punctuation, a comma left at a sentence start, and the capital
//! a sentence lost when its first words were dropped.

use super::scan::sentence_start;
use crate::text::{capitalize_first, char_floor};
use std::ops::Range;

/// One replacement to make.
pub(super) struct Edit<'a> {
    pub range: Range<usize>,
    pub replacement: &'a str,
}

/// `text` with `edits` (sorted, non-overlapping) applied and the seams
/// repaired.
pub(super) fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut seams = Vec::with_capacity(edits.len());
    let mut last = 0;
    for edit in edits {
        out.push_str(&text[last..edit.range.start]);
        let start = out.len();
        out.push_str(edit.replacement);
        let was_capital = text[edit.range.clone()]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        seams.push((
            start,
            out.len(),
            was_capital && sentence_start(text, edit.range.start),
        ));
        last = edit.range.end;
    }
    out.push_str(&text[last..]);
    for &(start, end, capital) in seams.iter().rev() {
        repair(&mut out, start, end, capital);
    }
    out
}

/// Repairs the seams of one replacement at `start..end` of `out`.
/// `capital`: the replaced text opened a sentence with a capital letter.
fn repair(out: &mut String, start: usize, end: usize, capital: bool) {
    // Repairing a later seam may have removed a character before it, which
    // moves an adjacent seam; keep positions inside the text and on a
    // character boundary.
    let end = tidy_seam(out, char_floor(out, end));
    let start = tidy_seam(out, char_floor(out, start.min(end)));
    if sentence_start(out, start) {
        // A sentence may not open with the comma a dropped word left.
        let rest = &out[start..];
        let stray = rest.len() - rest.trim_start_matches([',', ';', ':', ' ']).len();
        if stray > 0 && rest.starts_with([',', ';', ':']) {
            out.replace_range(start..start + stray, "");
        }
        if capital {
            let fixed = capitalize_first(&out[start..]);
            out.replace_range(start.., &fixed);
        }
    }
}

/// Tidies the spaces and punctuation meeting at byte `at`; returns where
/// the seam is afterwards.
fn tidy_seam(out: &mut String, mut at: usize) -> usize {
    loop {
        let before = out.len();
        // Two spaces meeting, or a space left at the start of a line.
        if out[at..].starts_with(' ') && (at == 0 || out[..at].ends_with([' ', '\n'])) {
            out.remove(at);
        } else if out[..at].ends_with(' ')
            && (out[at..].is_empty()
                || out[at..].starts_with(['\n', ' ', ',', '.', ';', ':', '!', '?']))
        {
            // A space at a line end, doubled, or before punctuation.
            at -= 1;
            out.remove(at);
        } else if out[..at].ends_with([',', ';'])
            && out[at..].starts_with([',', '.', ';', '!', '?'])
        {
            // Doubled punctuation: the stronger mark stays.
            at -= 1;
            out.remove(at);
        } else if out[..at].ends_with(['.', '!', '?']) && out[at..].starts_with([',', ';']) {
            out.remove(at);
        }
        if out.len() == before {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, find: &str, replacement: &str) -> String {
        let start = text.find(find).unwrap();
        apply(
            text,
            &[Edit {
                range: start..start + find.len(),
                replacement,
            }],
        )
    }

    #[test]
    fn dropping_a_sentence_opener_restores_the_capital() {
        assert_eq!(
            edit("Unfortunately, your order is late.", "Unfortunately", ""),
            "Your order is late."
        );
        assert_eq!(
            edit("Ok. Unfortunately, it is.", "Unfortunately, ", ""),
            "Ok. It is."
        );
        assert_eq!(
            edit("sadly, it is.", "sadly", ""),
            "it is.",
            "a lower-case draft stays lower case"
        );
    }

    #[test]
    fn dropping_a_word_mid_sentence_leaves_clean_spacing() {
        assert_eq!(
            edit("We are unfortunately out.", "unfortunately", ""),
            "We are out."
        );
        assert_eq!(
            edit("It ends today, no exceptions.", ", no exceptions", ""),
            "It ends today."
        );
        assert_eq!(
            edit("It ends today , sadly.", "sadly", ""),
            "It ends today."
        );
        assert_eq!(edit("Sorry , ok", "Sorry", ""), "Ok");
    }

    #[test]
    fn adjacent_edits_share_a_seam_safely() {
        let text = "we can't Unfortunately, allegedly";
        let out = apply(
            text,
            &[
                Edit {
                    range: 9..24,
                    replacement: "",
                },
                Edit {
                    range: 24..33,
                    replacement: "",
                },
            ],
        );
        assert_eq!(out, "we can't");
    }

    #[test]
    fn untouched_text_keeps_its_own_spacing() {
        assert_eq!(edit("a  b. X c", "X", "Y"), "a  b. Y c");
    }
}
