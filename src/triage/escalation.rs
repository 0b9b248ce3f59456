//! Escalation: reviews a person must read before anyone replies.
//!
//! Legal threats, health and safety, discrimination, privacy, fraud,
//! violence, theft and sexual misconduct. Any mention counts whatever the rest of
//! the review says (a warm review that mentions an allergic reaction still
//! needs a person), except a negated one ("no bed bugs").

use super::clauses::negated;
use super::matcher::{Scratch, Tag};
use serde::{Deserialize, Serialize};

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
    for hit in &s.tags {
        let Tag::Escalation(kind) = hit.tag else {
            continue;
        };
        if out.iter().any(|e| e.kind == kind) || negated(s, hit.start) {
            continue;
        }
        out.push(Escalation {
            kind,
            cue: s.text[hit.start..hit.end].to_string(),
            start: hit.start,
            end: hit.end,
        });
    }
    out
}
