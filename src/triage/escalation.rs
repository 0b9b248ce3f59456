//! Escalation: reviews a person must read before anyone replies.
//!
//! Legal threats, health and safety, discrimination, privacy, fraud,
//! violence, theft and sexual misconduct. Any mention counts whatever the rest of
//! the review says (a warm review that mentions an allergic reaction still
//! needs a person), except a negated one ("no bed bugs"). Some harm has no
//! word of its own: a symptom and a part of someone's body in one sentence
//! ("huge bumps on my neck") escalate together where neither does alone.

use super::clauses::negated;
use super::matcher::{Half, Scratch, Tag};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The closed set of reasons to escalate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationKind {
    Legal,
    HealthSafety,
    Discrimination,
    Privacy,
    Fraud,
    Violence,
    Theft,
    SexualMisconduct,
}

impl EscalationKind {
    pub const ALL: [EscalationKind; 8] = [
        EscalationKind::Legal,
        EscalationKind::HealthSafety,
        EscalationKind::Discrimination,
        EscalationKind::Privacy,
        EscalationKind::Fraud,
        EscalationKind::Violence,
        EscalationKind::Theft,
        EscalationKind::SexualMisconduct,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EscalationKind::Legal => "legal",
            EscalationKind::HealthSafety => "health_safety",
            EscalationKind::Discrimination => "discrimination",
            EscalationKind::Privacy => "privacy",
            EscalationKind::Fraud => "fraud",
            EscalationKind::Violence => "violence",
            EscalationKind::Theft => "theft",
            EscalationKind::SexualMisconduct => "sexual_misconduct",
        }
    }
}

/// Why a review needs a person, and the words that show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    pub kind: EscalationKind,
    pub cue: String,
    pub start: usize,
    pub end: usize,
}

/// The escalations of a review, one per kind, in order of appearance.
pub fn escalations(s: &Scratch) -> Vec<Escalation> {
    let mut out: Vec<Escalation> = Vec::new();
    for (i, hit) in s.tags.iter().enumerate() {
        let (kind, span) = match hit.tag {
            Tag::Escalation(kind) => (kind, hit.start..hit.end),
            Tag::Together(kind, Half::First) => match partner(s, i, kind) {
                Some(span) => (kind, span),
                None => continue,
            },
            _ => continue,
        };
        if out.iter().any(|e| e.kind == kind) || negated(s, hit.start) {
            continue;
        }
        out.push(Escalation {
            kind,
            cue: s.text[span.clone()].to_string(),
            start: span.start,
            end: span.end,
        });
    }
    out.sort_by_key(|e| e.start);
    out
}

/// The span from the first word of a pair (tag `i`) to the nearest word of
/// the other half in the same sentence, either side of it.
fn partner(s: &Scratch, i: usize, kind: EscalationKind) -> Option<Range<usize>> {
    let hit = &s.tags[i];
    let sentence = s
        .sentences
        .iter()
        .find(|x| x.start <= hit.start && hit.start < x.end)?;
    s.tags
        .iter()
        .filter(|t| {
            t.tag == Tag::Together(kind, Half::Second)
                && t.start >= sentence.start
                && t.end <= sentence.end
                && !negated(s, t.start)
        })
        .min_by_key(|t| t.start.abs_diff(hit.start))
        .map(|t| hit.start.min(t.start)..hit.end.max(t.end))
}
