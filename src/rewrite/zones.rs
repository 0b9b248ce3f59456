//! Never-rewrite zones: stretches of a text no rule may touch.
//!
//! Words in quotation marks are the customer's own and must stay theirs;
//! URLs and e-mail addresses break if edited; configured product names
//! ("Can't Stop Coffee") are not wording; and idioms are positive uses of
//! negative words ("we can't wait to see you"). A match that overlaps any
//! zone is dropped.

use crate::phrasebook::Guarded;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The zones of one text, in no particular order.
#[derive(Debug, Default)]
pub(super) struct Zones(Vec<Range<usize>>);

/// What zones are computed from, built once per engine. The idioms' regexes
/// are compiled the first time a text has a match to check against them.
#[derive(Debug)]
pub(super) struct ZoneFinder {
    idioms: Vec<Guarded>,
    names: Option<AhoCorasick>,
}

/// URLs and e-mail addresses.
fn links() -> &'static Regex {
    static LINKS: OnceLock<Regex> = OnceLock::new();
    LINKS.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
            .expect("the link pattern is valid")
    })
}

impl ZoneFinder {
    pub fn new(idioms: Vec<Guarded>, names: &[String]) -> ZoneFinder {
        let names = (!names.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(names)
                .expect("literal names always build an automaton")
        });
        ZoneFinder { idioms, names }
    }

    /// The zones of `text`, given the indices of the idioms that could
    /// match it (in order), which the engine's one scan for literals found.
    pub fn zones(&self, text: &str, idioms: &[usize]) -> Zones {
        let mut zones = Vec::new();
        for &idiom in idioms {
            let regex = self.idioms[idiom].regex.get();
            zones.extend(regex.find_iter(text).map(|m| m.range()));
        }
        if let Some(names) = &self.names {
            zones.extend(
                names
                    .find_iter(text)
                    .filter(|m| on_word_edges(text, m.range()))
                    .map(|m| m.range()),
            );
        }
        // Every link holds "://", "www." or "@": most texts need no search.
        let www = || {
            text.as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"www."))
        };
        if text.contains(['@', '/']) || www() {
            zones.extend(links().find_iter(text).map(|m| m.range()));
        }
        quotations(text, &mut zones);
        Zones(zones)
    }
}

impl Zones {
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        self.0
            .iter()
            .any(|z| z.start < range.end && range.start < z.end)
    }
}

fn on_word_edges(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Spans inside quotation marks, quotes included. Only pairs that close
/// within the same paragraph count, so a stray inch mark cannot freeze the
/// rest of a reply.
fn quotations(text: &str, zones: &mut Vec<Range<usize>>) {
    let mut before: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|&(_, n)| n);
        // The closing quote for an opening one; single quotes also have to
        // start a word, and close only where a word ends.
        let wanted = match c {
            '"' => Some('"'),
            '\u{201C}' => Some('\u{201D}'),
            '\u{00AB}' => Some('\u{00BB}'),
            '\u{2018}' if opens(before, after) => Some('\u{2019}'),
            '\'' if opens(before, after) => Some('\''),
            _ => None,
        };
        before = Some(c);
        let Some(end) = wanted.and_then(|w| closing(text, at, c, w)) else {
            continue;
        };
        zones.push(at..end);
        while let Some(&(next, k)) = chars.peek() {
            if next >= end {
                break;
            }
            before = Some(k);
            chars.next();
        }
    }
}

/// The end of the quotation opened by `quote` at `at`: just past the
/// first `wanted` that closes it, before a blank line.
fn closing(text: &str, at: usize, quote: char, wanted: char) -> Option<usize> {
    let single = matches!(wanted, '\u{2019}' | '\'');
    let start = at + quote.len_utf8();
    let mut before = quote;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, k)) = chars.next() {
        let after = chars.peek().map(|&(_, n)| n);
        if k == '\n' && after == Some('\n') {
            return None;
        }
        if k == wanted && (!single || closes(before, after)) {
            return Some(start + offset + k.len_utf8());
        }
        before = k;
    }
    None
}

/// A single quote opens a quotation when it starts a word.
fn opens(before: Option<char>, after: Option<char>) -> bool {
    !before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// A single quote closes a quotation when it ends a word, unlike the
/// apostrophe inside "can't".
fn closes(before: char, after: Option<char>) -> bool {
    !before.is_whitespace() && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zoned(text: &str) -> Vec<&str> {
        let finder = ZoneFinder::new(Vec::new(), &["Can't Stop Coffee".to_string()]);
        let mut found: Vec<&str> = finder
            .zones(text, &[])
            .0
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        found.sort();
        found
    }

    #[test]
    fn quotations_of_every_kind() {
        assert_eq!(zoned(r#"you said "can't wait" twice"#), [r#""can't wait""#]);
        assert_eq!(zoned("you said \u{201C}no\u{201D}"), ["\u{201C}no\u{201D}"]);
        assert_eq!(
            zoned("you wrote \u{2018}we can\u{2019}t\u{2019} ok"),
            ["\u{2018}we can\u{2019}t\u{2019}"]
        );
        assert_eq!(zoned("you wrote 'we can't help' here"), ["'we can't help'"]);
        assert!(
            zoned("we can't and won't").is_empty(),
            "apostrophes are not quotes"
        );
        assert!(
            zoned("a 27\" screen\n\nand \"more").is_empty(),
            "no pair across paragraphs"
        );
    }

    #[test]
    fn links_addresses_and_names() {
        assert_eq!(
            zoned("see https://x.example/cant-wait now"),
            ["https://x.example/cant-wait"]
        );
        assert_eq!(
            zoned("mail no-problem@shop.example."),
            ["no-problem@shop.example"]
        );
        assert_eq!(zoned("try can't stop coffee today"), ["can't stop coffee"]);
        assert!(
            zoned("Can't Stop Coffees").is_empty(),
            "names match whole words"
        );
    }
}
