//! Never-rewrite zones: stretches of a text no rule may touch.
//!
//! Words in quotation marks are the customer's own and must stay theirs;
//! URLs and e-mail addresses break if edited; configured product names
//! ("Can't Stop Coffee") are not wording, nor is a run of capitalised
//! words in mid-sentence ("the No Worries Café"); and idioms are positive uses of
//! negative words ("we can't wait to see you"). A match that overlaps any
//! zone is dropped.

use crate::phrasebook::Guarded;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The zones of one text, in no particular order.
#[derive(Debug, Default)]
pub(super) struct Zones {
    /// No match may touch these.
    whole: Vec<Range<usize>>,
    /// Capitalised names: a match may hold one whole ("not open on
    /// Christmas Day") but may not start in one or cut one.
    names: Vec<Range<usize>>,
}

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
        // Every link holds "/", "www." or "@": most texts need no search.
        let bytes = text.as_bytes();
        let www = || {
            memchr::memchr2_iter(b'w', b'W', bytes).any(|at| {
                bytes[at..]
                    .get(..4)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
            })
        };
        if memchr::memchr2(b'@', b'/', bytes).is_some() || www() {
            zones.extend(links().find_iter(text).map(|m| m.range()));
        }
        quotations(text, &mut zones);
        let mut names = Vec::new();
        capitalised_names(text, &mut names);
        Zones {
            whole: zones,
            names,
        }
    }
}

impl Zones {
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        let cuts = |z: &Range<usize>| {
            z.contains(&range.start) || (z.start < range.end && range.end < z.end)
        };
        self.whole.iter().any(|z| super::scan::overlap(z, range)) || self.names.iter().any(cuts)
    }
}

fn on_word_edges(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Runs of capitalised words that read as a name: two or more in
/// mid-sentence ("our No Worries Café"), or three or more opening a
/// sentence as its subject, followed by a lower-case word ("Can't Stop
/// Coffee can't ship"). A sentence's first word is capitalised anyway, so
/// a shorter run there ("No Deliveries") is wording.
fn capitalised_names(text: &str, zones: &mut Vec<Range<usize>>) {
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    let mut close = |run: &mut Option<(usize, usize, usize)>, next: Option<&str>| {
        if let Some((start, end, words)) = run.take() {
            let opens = super::scan::sentence_start(text, start);
            let subject = next.is_some_and(|w| w.starts_with(char::is_lowercase));
            if (!opens && words >= 2) || (opens && words >= 3 && subject) {
                zones.push(start..end);
            }
        }
    };
    let mut at = 0;
    for word in text.split(' ') {
        let start = at;
        at += word.len() + 1;
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if capitalised(core) {
            let end = start + core.len();
            run = match run {
                Some((s, _, n)) => Some((s, end, n + 1)),
                None => Some((start, end, 1)),
            };
            if core.len() < word.len() {
                close(&mut run, None);
            }
        } else {
            close(&mut run, Some(word));
        }
    }
    close(&mut run, None);
}

/// Spans inside quotation marks, quotes included. Only pairs that close
/// within the same paragraph count, so a stray inch mark cannot freeze the
/// rest of a reply.
fn quotations(text: &str, zones: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    // Every opening quote starts with one of these bytes: `"`, `'`, and
    // the first bytes of `“`, `‘` (0xE2) and `«` (0xC2), which is rare
    // enough to look for apart.
    let next = |from: usize| memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]).map(|o| from + o);
    let guillemet = |from: usize| memchr::memchr(0xC2, &bytes[from..]).map(|o| from + o);
    let mut from = 0;
    let mut c2 = guillemet(0);
    while let Some(at) = next(from).into_iter().chain(c2).min() {
        if c2 == Some(at) {
            c2 = guillemet(at + 1);
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        from = at + c.len_utf8();
        let before = text[..at].chars().next_back();
        let after = text[from..].chars().next();
        // The closing quote for an opening one; single quotes also have to
        // start a word, and close only where a word ends.
        let wanted = match c {
            '"' => '"',
            '\u{201C}' => '\u{201D}',
            '\u{00AB}' => '\u{00BB}',
            '\u{2018}' if opens(before, after) => '\u{2019}',
            '\'' if opens(before, after) => '\'',
            _ => continue,
        };
        if let Some(end) = closing(text, from, c, wanted) {
            zones.push(at..end);
            from = end;
            if c2.is_some_and(|k| k < end) {
                c2 = guillemet(end);
            }
        }
    }
}

/// The end of the quotation whose opening `quote` ends at `start`: just
/// past the first `wanted` that closes it, before a blank line.
fn closing(text: &str, start: usize, quote: char, wanted: char) -> Option<usize> {
    let paragraph = &text[start..];
    let paragraph = &paragraph
        [..memchr::memmem::find(paragraph.as_bytes(), b"\n\n").unwrap_or(paragraph.len())];
    let single = matches!(wanted, '\u{2019}' | '\'');
    paragraph.match_indices(wanted).find_map(|(offset, _)| {
        let end = offset + wanted.len_utf8();
        let before = paragraph[..offset].chars().next_back().unwrap_or(quote);
        let after = text[start + end..].chars().next();
        (!single || closes(before, after)).then_some(start + end)
    })
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
        let zones = finder.zones(text, &[]);
        let mut found: Vec<&str> = zones
            .whole
            .iter()
            .chain(&zones.names)
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

    /// The quotation rules read as plainly as possible, character by
    /// character, to check the byte-searching version against.
    fn quotations_by_character(text: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let alnum = |j: usize| chars.get(j).is_some_and(|c| c.1.is_alphanumeric());
        let (mut zones, mut i) = (Vec::new(), 0);
        while i < chars.len() {
            let (at, c) = chars[i];
            let opens = (i == 0 || !alnum(i - 1)) && alnum(i + 1);
            let wanted = match c {
                '"' => '"',
                '\u{201C}' => '\u{201D}',
                '\u{00AB}' => '\u{00BB}',
                '\u{2018}' if opens => '\u{2019}',
                '\'' if opens => '\'',
                _ => {
                    i += 1;
                    continue;
                }
            };
            let single = matches!(wanted, '\u{2019}' | '\'');
            let mut j = i + 1;
            let mut closed = None;
            while j < chars.len() {
                if chars[j].1 == '\n' && chars.get(j + 1).is_some_and(|n| n.1 == '\n') {
                    break;
                }
                if chars[j].1 == wanted
                    && (!single || (!chars[j - 1].1.is_whitespace() && !alnum(j + 1)))
                {
                    closed = Some(j);
                    break;
                }
                j += 1;
            }
            match closed {
                Some(j) => {
                    zones.push(at..chars[j].0 + chars[j].1.len_utf8());
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        zones
    }

    proptest::proptest! {
        #[test]
        fn quotations_agree_with_the_character_reading(
            text in "[a ,.\n'\"\u{2018}\u{2019}\u{201C}\u{201D}\u{AB}\u{BB}\u{A0}é]{0,40}"
        ) {
            let mut found = Vec::new();
            quotations(&text, &mut found);
            proptest::prop_assert_eq!(found, quotations_by_character(&text));
        }
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

    #[test]
    fn capitalised_runs_read_as_names() {
        assert_eq!(zoned("Book the No Worries Café today"), ["No Worries Café"]);
        assert_eq!(
            zoned("Never Say Never Hoodie is back"),
            ["Never Say Never Hoodie"]
        );
        assert!(
            zoned("No Deliveries on Sundays.").is_empty(),
            "a sentence's own capital is not a name"
        );
        assert!(
            zoned("Unfortunately Mrs Hughes, we can't.").is_empty(),
            "a run opening a sentence must be followed by its verb"
        );
        let finder = ZoneFinder::new(Vec::new(), &[]);
        let text = "We are not open on Christmas Day or at No Worries Café";
        let zones = finder.zones(text, &[]);
        let at = |w: &str| text.find(w).unwrap();
        assert!(
            !zones.overlaps(&(at("not")..at(" or"))),
            "holds a name whole"
        );
        assert!(
            zones.overlaps(&(at("No W")..text.len())),
            "starts in a name"
        );
        assert!(zones.overlaps(&(at("not")..at("Day") + 1)), "cuts a name");
    }
}
