//! Praise: what a reviewer liked, in their words, so a reply can thank for
//! it ("the fries were great").
//!
//! Praise is a clause that judges something well and nothing badly, said of
//! now: not "it used to be great", not "I expected great things", not a
//! sarcastic "great job losing my order", not a question.

use super::clauses::{self, overlaps, Clause};
use super::complaints::{Field, Rules};
use super::matcher::{Kind, Scratch, Tag};
use super::{Cue, CueKind, Rule};
use serde::Serialize;

/// One piece of praise: the reviewer's words at `start..end` of `field`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Praise {
    pub text: String,
    pub field: Field,
    pub start: usize,
    pub end: usize,
    /// The praising word, as bytes of `text`.
    #[serde(skip)]
    pub focus: std::ops::Range<usize>,
}

/// A clause must praise at least this much to count: "nice" and "clean"
/// praise, "laughed" and "fine" do not.
const ENOUGH: f64 = 1.3;
/// Clauses longer than this are a story, not a thing liked.
const MAX_WORDS: usize = 18;

fn praises(c: &Cue) -> bool {
    c.weight > 0.0
        && matches!(c.kind, CueKind::Word | CueKind::Praise)
        && !c.rules.contains(&Rule::Sarcasm)
}

/// A cue inside a phrase that judges nothing ("quick review", "left in a
/// safe place", "it came well done").
fn plain(s: &Scratch, c: &Clause, cue: &Cue) -> bool {
    s.tags[c.tags.clone()]
        .iter()
        .any(|t| t.tag == Tag::Plain && overlaps(&(t.start..t.end), &(cue.start..cue.end)))
}

/// The praise of a review, in text order.
pub fn praise(s: &Scratch, reasons: &[Cue], clauses: &[Clause], rules: &Rules) -> Vec<Praise> {
    let mut out = Vec::new();
    for c in clauses {
        if c.irrealis.is_some() || c.not_praise || question(s, c) {
            continue;
        }
        let cues = &reasons[c.cues.clone()];
        if cues.iter().any(|r| r.weight < 0.0) || negator_in(s, c) {
            continue;
        }
        // Judged as the lexicon weighs it: "good" before a "but" is still
        // praise of what it names.
        let good: f64 = cues
            .iter()
            .filter(|r| praises(r) && !plain(s, c, r))
            .map(|r| rules.plain_weight(r))
            .sum();
        if good < ENOUGH {
            continue;
        }
        let words = s.text[c.start..c.end].split_whitespace().count();
        if !(2..=MAX_WORDS).contains(&words) {
            continue;
        }
        let Some(first) = cues.iter().find(|r| praises(r) && !plain(s, c, r)) else {
            continue;
        };
        let span = clauses::evidence(&s.text, c, first.start..first.end);
        let (field, start, end) = s.locate(span.clone());
        let focus = first.start.clamp(span.start, span.end) - span.start
            ..first.end.clamp(span.start, span.end) - span.start;
        out.push(Praise {
            text: s.text[span].to_string(),
            field,
            start,
            end,
            focus,
        });
    }
    out
}

/// The clause ends its sentence with a question mark.
fn question(s: &Scratch, c: &Clause) -> bool {
    let end = s.sentences[c.sentence].end;
    s.text[c.start..end].trim_end().ends_with('?')
}

/// A negator the scorer found nothing to turn ("not the best, not awful"
/// reads as faint praise at most).
fn negator_in(s: &Scratch, c: &Clause) -> bool {
    // Tokens are in text order: only the clause's own are looked at.
    let first = s.tokens.partition_point(|t| t.start < c.start);
    s.tokens[first..]
        .iter()
        .take_while(|t| t.start < c.end)
        .any(|t| t.end <= c.end && matches!(t.kind, Kind::Negator { .. }))
}
