//! Never-rewrite zones: stretches of a text no rule may touch.
//!
//! Words in quotation marks are the customer's own and must stay theirs;
//! URLs and e-mail addresses break if edited; configured product names
//! ("Can't Stop Coffee") are not wording; and idioms are positive uses of
//! negative words ("we can't wait to see you"). A match that overlaps any
//! zone is dropped.

use super::prefilter::{Prefilter, RuleLiterals};
use crate::phrasebook::Guarded;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The zones of one text, in no particular order.
#[derive(Debug, Default)]
pub(super) struct Zones(Vec<Range<usize>>);

/// What zones are computed from, built once per engine. The patterns are
/// compiled the first time a text has a match to check against them.
#[derive(Debug)]
pub(super) struct ZoneFinder {
    idioms: Vec<Guarded>,
    /// Which idioms could match a text, from their literals in one scan.
    idiom_filter: Prefilter,
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
    pub fn new(
        idioms: Vec<Guarded>,
        names: &[String],
    ) -> Result<ZoneFinder, aho_corasick::BuildError> {
        let idiom_filter = Prefilter::new(idioms.iter().map(|idiom| RuleLiterals {
            required: &idiom.required,
            within_sentence: false,
        }))?;
        let names = (!names.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(names)
                .expect("literal names always build an automaton")
        });
        Ok(ZoneFinder {
            idioms,
            idiom_filter,
            names,
        })
    }

    pub fn zones(&self, text: &str) -> Zones {
        let mut zones = Vec::new();
        let mut searches = Vec::new();
        self.idiom_filter.searches(text, &mut searches);
        // In idiom order, as zones are reported.
        searches.sort_by_key(|(_, idiom)| *idiom);
        for (_, idiom) in searches {
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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        // The closing quote for an opening one; single quotes also have to
        // start a word, and close only where a word ends.
        let wanted = match c {
            '"' => '"',
            '\u{201C}' => '\u{201D}',
            '\u{00AB}' => '\u{00BB}',
            '\u{2018}' if opens(&chars, i) => '\u{2019}',
            '\'' if opens(&chars, i) => '\'',
            _ => {
                i += 1;
                continue;
            }
        };
        let single = matches!(wanted, '\u{2019}' | '\'');
        let mut j = i + 1;
        let mut closed = None;
        while j < chars.len() {
            let k = chars[j].1;
            if k == '\n' && chars.get(j + 1).is_some_and(|n| n.1 == '\n') {
                break;
            }
            if k == wanted && (!single || closes(&chars, j, wanted)) {
                closed = Some(j);
                break;
            }
            j += 1;
        }
        match closed {
            Some(j) => {
                let end = chars[j].0 + chars[j].1.len_utf8();
                zones.push(at..end);
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

/// A single quote opens a quotation when it starts a word.
fn opens(chars: &[(usize, char)], i: usize) -> bool {
    let before_ok = i == 0 || !chars[i - 1].1.is_alphanumeric();
    let after_ok = chars.get(i + 1).is_some_and(|c| c.1.is_alphanumeric());
    before_ok && after_ok
}

/// A single quote closes a quotation when it ends a word, unlike the
/// apostrophe inside "can't".
fn closes(chars: &[(usize, char)], j: usize, quote: char) -> bool {
    chars[j].1 == quote
        && j > 0
        && !chars[j - 1].1.is_whitespace()
        && !chars.get(j + 1).is_some_and(|c| c.1.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zoned(text: &str) -> Vec<&str> {
        let finder = ZoneFinder::new(Vec::new(), &["Can't Stop Coffee".to_string()]).unwrap();
        let mut found: Vec<&str> = finder
            .zones(text)
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
