//! Clauses: the unit a complaint or a piece of praise is read from.
//!
//! "The food was good but the service was slow" holds praise and a
//! complaint; reading the sentence as one would blame the food or thank
//! for the service. A clause ends at a sentence end, a clause break
//! (comma, colon, bracket, dash) or a contrast ("but", "however"); what it
//! asserts is changed by the words in it: a negator right before a cue, a
//! supposition ("I expected", "if"), a gripe waved away ("I don't mind").

use super::matcher::{Kind, Scratch, Tag};
use super::Cue;
use std::ops::Range;

/// One clause: its byte span in the scanned text and what is in it.
#[derive(Debug, Clone, Default)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    /// The index of its sentence in `Scratch::sentences`.
    pub sentence: usize,
    /// Its tags, as a range of `Scratch::tags`.
    pub tags: Range<usize>,
    /// Its scored cues, as a range of the verdict's reasons.
    pub cues: Range<usize>,
    /// Where a supposition starts ("I expected", "as if"): what follows it
    /// in the clause is not lived.
    pub irrealis: Option<usize>,
    /// The clause's good words praise nothing of the business now.
    pub not_praise: bool,
    pub excused: bool,
    /// It opens with a pronoun ("it was tiny"): it may judge what the
    /// clause before named.
    pub anaphora: bool,
}

/// Splits the scanned text into clauses, reusing `out`.
pub fn split(s: &Scratch, reasons: &[Cue], out: &mut Vec<Clause>) {
    out.clear();
    let mut contrasts = s
        .tokens
        .iter()
        .filter(|t| t.kind == Kind::Contrast)
        .map(|t| (t.start, t.end))
        .peekable();
    let mut breaks = s.breaks.iter().copied().peekable();
    for (n, sentence) in s.sentences.iter().enumerate() {
        let mut start = sentence.start;
        loop {
            // The next boundary inside this sentence, whichever comes first.
            while breaks.peek().is_some_and(|&b| b < start) {
                breaks.next();
            }
            while contrasts.peek().is_some_and(|&(a, _)| a < start) {
                contrasts.next();
            }
            let brk = breaks.peek().copied().filter(|&b| b < sentence.end);
            let con = contrasts.peek().copied().filter(|&(a, _)| a < sentence.end);
            let (end, next) = match (brk, con) {
                (Some(b), Some((a, z))) if a < b => (a, z),
                (Some(b), _) => (b, b + 1),
                (None, Some((a, z))) => (a, z),
                (None, None) => (sentence.end, sentence.end),
            };
            if end > start && has_word(&s.text[start..end]) {
                out.push(Clause {
                    start,
                    end,
                    sentence: n,
                    ..Clause::default()
                });
            }
            if end >= sentence.end {
                break;
            }
            start = next;
        }
    }
    fill(s, reasons, out);
}

fn has_word(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80)
}

/// Gives each clause its tags, cues and modality.
fn fill(s: &Scratch, reasons: &[Cue], out: &mut [Clause]) {
    for c in out.iter_mut() {
        let first = s.tags.partition_point(|t| t.start < c.start);
        let last = s.tags.partition_point(|t| t.start < c.end);
        c.tags = first..last;
        // Reasons are in text order (the rating is added after this runs).
        let first = reasons.partition_point(|r| r.start < c.start);
        let last = reasons.partition_point(|r| r.start < c.end);
        c.cues = first..last;
        let opening = s.text[c.start..c.end].len() - s.text[c.start..c.end].trim_start().len();
        for t in &s.tags[c.tags.clone()] {
            match t.tag {
                Tag::Irrealis => c.irrealis = c.irrealis.or(Some(t.start)),
                Tag::NotPraise => c.not_praise = true,
                // "Not worth it" is no excuse.
                Tag::Excused if turner_of(s, t.start).is_none() => c.excused = true,
                Tag::Anaphora if t.start == c.start + opening => c.anaphora = true,
                _ => {}
            }
        }
    }
    // "A bit pricey, but worth it", "we waited 5 minutes, which was fine":
    // the gripe is waved away by the clause that answers it.
    for i in 1..out.len() {
        if out[i].excused && out[i].sentence == out[i - 1].sentence {
            out[i - 1].excused = true;
        }
    }
}

/// True when a negator stands right before `start` ("no bed bugs", "never
/// had to wait", "wasn't rude").
pub fn negated(s: &Scratch, start: usize) -> bool {
    negator_of(s, start).is_some()
}

/// The negator that turns the words at `start` around, if one does.
pub fn negator_of(s: &Scratch, start: usize) -> Option<Range<usize>> {
    let i = s.tokens.partition_point(|t| t.end <= start);
    s.tokens[..i]
        .iter()
        .rev()
        .take(2)
        .find(|t| {
            matches!(t.kind, Kind::Negator { .. })
                && start.saturating_sub(t.end) < 16
                && !s.text[t.end..start].contains([',', '.', '!', '?', ';'])
        })
        .map(|t| t.start..t.end)
}

/// What turns the words at `start` around: their negator, or complaint
/// wording of the scorer that runs into them ("never returned our call",
/// "was not worth it"). Wording merely before them ("had to work through
/// the bugs") does not.
pub fn turner_of(s: &Scratch, start: usize) -> Option<Range<usize>> {
    negator_of(s, start).or_else(|| {
        s.tokens
            .iter()
            .find(|t| matches!(t.kind, Kind::Complaint(_)) && t.start < start && t.end > start)
            .map(|t| t.start..start)
    })
}

/// True when two byte spans share a byte.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Words between two offsets of the text, counted by spaces.
pub fn words_apart(text: &str, a: usize, b: usize) -> usize {
    let (a, b) = (a.min(b), a.max(b));
    text.get(a..b)
        .map_or(usize::MAX, |gap| gap.split_whitespace().count())
}

/// The words of a clause worth quoting as evidence: the clause without
/// leading joiners ("and", "so") and edge punctuation, or, when the clause
/// is long, a window of a few words around `focus`.
pub fn evidence(text: &str, clause: &Clause, focus: Range<usize>) -> Range<usize> {
    const JOINERS: &[&str] = &["and", "so", "then", "also", "plus", "which", "that", "&"];
    const MAX_WORDS: usize = 16;
    const AROUND: usize = 4;
    let mut words: Vec<(usize, usize)> = Vec::new();
    let slice = &text[clause.start..clause.end];
    let mut at = None;
    for (i, ch) in slice.char_indices() {
        match (ch.is_whitespace(), at) {
            (false, None) => at = Some(i),
            (true, Some(a)) => {
                words.push((clause.start + a, clause.start + i));
                at = None;
            }
            _ => {}
        }
    }
    if let Some(a) = at {
        words.push((clause.start + a, clause.end));
    }
    while words.len() > 1 && {
        let (a, b) = words[0];
        let w = text[a..b].to_ascii_lowercase();
        JOINERS.contains(&w.as_str()) && a < focus.start
    } {
        words.remove(0);
    }
    if words.is_empty() {
        return focus;
    }
    let (mut from, mut to) = (0, words.len());
    if words.len() > MAX_WORDS {
        let first = words.iter().position(|w| w.1 > focus.start).unwrap_or(0);
        let last = words
            .iter()
            .rposition(|w| w.0 < focus.end)
            .unwrap_or(words.len() - 1);
        from = first.saturating_sub(AROUND);
        to = (last + 1 + AROUND).min(words.len());
    }
    let start = words[from].0;
    let end = words[to - 1].1;
    trim_punctuation(text, start.min(focus.start), end.max(focus.end))
}

/// Drops punctuation and quotes at either edge of a span.
fn trim_punctuation(text: &str, mut start: usize, mut end: usize) -> Range<usize> {
    let edge = |c: char| c.is_ascii_punctuation() && !matches!(c, '$' | '%' | '#' | '£' | '€');
    while let Some(c) = text[start..end].chars().next().filter(|&c| edge(c)) {
        start += c.len_utf8();
    }
    while let Some(c) = text[start..end].chars().next_back().filter(|&c| edge(c)) {
        end -= c.len_utf8();
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(text: &str) -> Clause {
        Clause {
            start: 0,
            end: text.len(),
            ..Clause::default()
        }
    }

    #[test]
    fn evidence_drops_joiners_and_edge_punctuation() {
        let text = "and the fries were cold!";
        let got = evidence(text, &clause(text), 19..23);
        assert_eq!(&text[got], "the fries were cold");
    }

    #[test]
    fn long_clauses_are_cut_around_the_focus() {
        let text = "we came here on a Tuesday night with my parents who were visiting from out of town and the soup was cold as ice which surprised everyone";
        let at = text.find("cold").unwrap();
        let got = &text[evidence(text, &clause(text), at..at + 4)];
        assert!(got.contains("the soup was cold"), "{got}");
        assert!(got.split_whitespace().count() <= 9, "{got}");
    }

    #[test]
    fn words_apart_counts_words_between() {
        assert_eq!(words_apart("the fries were cold", 4, 15), 2);
    }
}
