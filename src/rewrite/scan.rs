//! Finding matches: one pass of the rule set over a text, then the per-rule
//! checks (zones, anchors, `unless`), then one winner per stretch of text.

use super::zones::{ZoneFinder, Zones};
use crate::phrasebook::folded::Folded;
use crate::phrasebook::reach::sentence_ends;
use crate::phrasebook::{Anchor, FixKind, LazyRegex, Rule};
use crate::text::{apostrophe_of, capitalize_first, with_apostrophe, Case};
use regex_automata::util::captures::Captures;
use regex_automata::Input;
use std::cell::OnceCell;
use std::ops::Range;

/// A rule match that survived the checks, with its replacements rendered.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Index into the engine's active rules.
    pub rule: usize,
    pub range: Range<usize>,
    /// The fix first, then the other alternatives.
    pub replacements: Vec<String>,
    pub fix: FixKind,
    /// From a fallback rule: kept only where nothing else was found.
    pub fallback: bool,
}

/// The zones of one text, computed when the first match needs them.
pub(super) struct LazyZones<'a> {
    pub finder: &'a ZoneFinder,
    pub text: &'a str,
    /// The idioms the text holds the literals of.
    pub idioms: &'a [usize],
    pub zones: OnceCell<Zones>,
}

impl LazyZones<'_> {
    fn get(&self) -> &Zones {
        self.zones
            .get_or_init(|| self.finder.zones(self.text, self.idioms))
    }
}

/// What every match is checked against besides its own rule.
pub(super) struct Checks<'a> {
    pub zones: &'a LazyZones<'a>,
    /// Added beside a limit a suggestion keeps.
    pub beside: Option<&'a str>,
    /// Negative-polarity words ("anything", "yet").
    pub polarity: Option<&'a LazyRegex>,
    /// Negation words ("can't", "not", "never").
    pub negator: Option<&'a LazyRegex>,
}

/// The candidates `rule` yields in `text` within `within`. Matches are
/// searched in `text` cut off at `within.end` but starting from
/// `within.start`, so word boundaries see the text before it; the rule's
/// matches cannot reach past a sentence end, so the cut changes none.
pub(super) fn candidates(
    text: &str,
    within: Range<usize>,
    rule: &Rule,
    index: usize,
    checks: &Checks,
    out: &mut Vec<Candidate>,
) {
    let zones = checks.zones;
    let regex = rule.find.get();
    let haystack = &text[..within.end];
    let from = |at: usize| Input::new(haystack).range(at..);
    let mut at = Some(within.start);
    let mut captures = None;
    while let Some(m) = at.and_then(|at| regex.search(&from(at))) {
        let range = m.range();
        // As `captures_iter` does: go on after the match, or one character
        // further after an empty one.
        at = if range.is_empty() {
            let next = haystack[range.end..].chars().next();
            next.map(|c| range.end + c.len_utf8())
        } else {
            Some(range.end)
        };
        if range.is_empty() || !anchored(text, range.start, rule.anchor) {
            continue;
        }
        // A fallback stands only where nothing else was found (see
        // `resolve`); other rules' candidates are already in `out`.
        if rule.fallback && out.iter().any(|c| overlap(&c.range, &range)) {
            continue;
        }
        if zones.get().overlaps(&range) {
            // A later start may still match outside the zone: "Can't Stop
            // Coffee can't ship until Monday".
            let next = haystack[range.start..].chars().next();
            at = next.map(|c| range.start + c.len_utf8());
            continue;
        }
        if !rule.unless.is_empty() {
            let sentence = &text[sentence_around(text, &range)];
            let folded = Folded::new(sentence).text.to_ascii_lowercase();
            if rule.unless.iter().any(|u| u.is_match(sentence, &folded)) {
                continue;
            }
        }
        // Groups cost a slower engine than the match alone, so they are
        // read only for a match that stands. Searching from its start finds
        // the same match again.
        // A rule whose templates copy only the whole match needs no groups,
        // and the match alone is found by the fast engines.
        let caps = captures.get_or_insert_with(|| {
            if rule.becomes.iter().all(|t| t.groups().all(|g| g == "0")) {
                Captures::matches(regex.group_info().clone())
            } else {
                regex.create_captures()
            }
        });
        regex.search_captures(&from(range.start), caps);
        if !caps.is_match() {
            continue;
        }
        // A question asks; turned around it would answer itself ("Can't
        // you wait until Friday?"), so its fix needs a person.
        let fix = if rule.fix == FixKind::Auto && asks(text, &range) {
            FixKind::Suggest
        } else {
            rule.fix
        };
        let style = Style::of(text, &range);
        let mut replacements: Vec<String> = rule
            .becomes
            .iter()
            .map(|t| style.render(&t.fill(haystack, caps)))
            .collect();
        let matched = &text[range.clone()];
        // A negation turned round with "anything" or "yet" still in it says
        // more than the original did; a rewrite that still says "not" or
        // "unable" turned only part of what it matched ("I'm unable to,
        // unfortunately, we can't until next week" → "I can we can't from
        // next week"). Either way a person decides.
        let half_turned = |first: &str| {
            checks
                .polarity
                .is_some_and(|p| p.get().is_match(matched) && p.get().is_match(first))
                || checks.negator.is_some_and(|n| n.get().is_match(first))
        };
        let fix = match replacements.first() {
            Some(first) if fix == FixKind::Auto && half_turned(first) => FixKind::Suggest,
            _ => fix,
        };
        // A limit's suggestion keeps the limit, with every fact in it, and
        // adds the alternative beside it, where the limit ends its clause;
        // the rule's own rewording of the limit comes second.
        let ends_clause = text[range.end..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_none_or(|c| ".,;:!?\n\u{2014}\u{2013}".contains(c));
        let keeps_limit = fix == FixKind::Suggest && !rule.fallback && ends_clause;
        if let Some(beside) = checks.beside.filter(|_| keeps_limit) {
            replacements.insert(0, format!("{matched}{beside}"));
        }
        out.push(Candidate {
            rule: index,
            range,
            replacements,
            fix,
            fallback: rule.fallback,
        });
    }
}

/// True when the match lies in a sentence that ends with a question mark.
fn asks(text: &str, range: &Range<usize>) -> bool {
    text[sentence_around(text, range)]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | ')' | '\u{201D}'))
        .ends_with('?')
}

/// How a match is written, for its replacements to match: its apostrophe
/// (or the text's, if it has none) and its case.
struct Style {
    apostrophe: char,
    case: Case,
    sentence_start: bool,
}

impl Style {
    fn of(text: &str, range: &Range<usize>) -> Style {
        let matched = &text[range.clone()];
        let apostrophe = if matched.contains(['\'', '\u{2019}']) {
            apostrophe_of(matched)
        } else {
            apostrophe_of(text)
        };
        Style {
            apostrophe,
            case: Case::of(matched),
            sentence_start: sentence_start(text, range.start),
        }
    }

    /// A template filled for the match: literal pieces take the match's
    /// apostrophes and case; captured pieces are copied verbatim.
    fn render(&self, pieces: &[(&str, bool)]) -> String {
        let mut out = String::new();
        for &(piece, literal) in pieces {
            if literal {
                let piece = with_apostrophe(piece, self.apostrophe);
                match self.case {
                    Case::Upper => out.push_str(&piece.to_uppercase()),
                    _ => out.push_str(&piece),
                }
            } else {
                out.push_str(piece);
            }
        }
        if self.case == Case::Title && self.sentence_start {
            out = capitalize_first(&out);
        }
        out
    }
}

/// Keeps one candidate per stretch of text. Auto fixes are chosen first
/// (earliest, then longest, then file order) so a broad suggestion never
/// hides a safe fix; suggestions then fill the gaps, and fallback rules
/// last, where no specific rule found anything.
pub(super) fn resolve(mut all: Vec<Candidate>) -> Vec<Candidate> {
    all.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end), c.rule));
    let mut kept: Vec<Candidate> = Vec::with_capacity(all.len());
    let passes = [
        (false, Some(FixKind::Auto)),
        (false, Some(FixKind::Suggest)),
        (true, None),
    ];
    for (fallback, fix) in passes {
        let wanted = |c: &&Candidate| c.fallback == fallback && fix.is_none_or(|f| c.fix == f);
        for c in all.iter().filter(wanted) {
            let clear = !kept.iter().any(|k| overlap(&k.range, &c.range));
            if clear {
                kept.push(c.clone());
            }
        }
    }
    kept.sort_by_key(|c| c.range.start);
    kept
}

/// True when a sentence starts at `at`: only spaces, tabs and opening
/// quotes or brackets lie between it and the text start, a line break, or
/// a sentence-ending `.`, `!` or `?`.
pub(crate) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '"', '\u{201C}', '(', '\u{2018}']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '\r'])
}

/// True when a clause starts at `at`: a sentence start, or after `,` `;`
/// `:` a dash, or "so"/"and"/"then".
fn clause_start(text: &str, at: usize) -> bool {
    if sentence_start(text, at) {
        return true;
    }
    let before = text[..at].trim_end_matches([' ', '\t']);
    before.ends_with([',', ';', ':', '-', '\u{2013}', '\u{2014}'])
        || [" so", " and", " then"].iter().any(|w| {
            let tail = before
                .len()
                .checked_sub(w.len())
                .map(|at| &before.as_bytes()[at..]);
            tail.is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
        })
}

fn anchored(text: &str, at: usize, anchor: Anchor) -> bool {
    match anchor {
        Anchor::Anywhere => true,
        Anchor::Clause => clause_start(text, at),
        Anchor::Sentence => sentence_start(text, at),
    }
}

/// Whether the byte at `i` ends a sentence: a line break, or `.` `!` `?`
/// before whitespace or the end (so "£4.99" does not).
fn ends_sentence(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
        _ => false,
    }
}

/// The sentence holding `range`: from the previous sentence end (or line
/// break) to the next one.
pub(super) fn sentence_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = (0..range.start)
        .rev()
        .find(|&i| ends_sentence(bytes, i))
        .map_or(0, |i| i + 1);
    let end = (range.end..bytes.len())
        .find(|&i| ends_sentence(bytes, i))
        .map_or(bytes.len(), |i| i + 1);
    start..end
}

/// The text cut into sentences, each with the whitespace after it, so the
/// pieces joined give the text back. The ends are those the prefilter and
/// the rules' analysis use ([`sentence_ends`]), so no rule that stays in
/// one sentence can match across a cut.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for end in sentence_ends(text) {
        let gap = bytes[end..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if end >= start {
            out.push(start..end + gap);
            start = end + gap;
        }
    }
    if start < bytes.len() || out.is_empty() {
        out.push(start..bytes.len());
    }
    out
}

/// Whether two stretches of text share a byte.
pub(super) fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_clause_starts() {
        let text = "Hi. \"You need it\", you need it; so you need it\nyou";
        assert!(sentence_start(text, 0));
        assert!(sentence_start(text, 5), "after an opening quote");
        assert!(!sentence_start(text, 19));
        assert!(clause_start(text, 19), "after a comma");
        assert!(clause_start(text, 34), "after 'so'");
        assert!(sentence_start(text, 47), "after a line break");
        assert!(!clause_start("£4.99 x", 5), "no slicing inside a character");
    }

    #[test]
    fn sentences_cover_the_text() {
        let text = "Hi. It costs £4.99!\n\nBye\nnow\n\nok";
        let pieces: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(pieces, ["Hi. ", "It costs £4.99!\n\n", "Bye\nnow\n\nok"]);
        assert_eq!(sentences("").len(), 1, "an empty text is one empty piece");
    }

    #[test]
    fn sentences_break_on_end_punctuation_not_decimals() {
        let text = "It costs £4.99 today. Next one";
        let at = text.find("today").unwrap();
        assert_eq!(
            &text[sentence_around(text, &(at..at + 5))],
            "It costs £4.99 today."
        );
    }
}
