//! The verdict on a review: is it negative, and why.
//!
//! Version 1: the star rating when there is one, and a small word list with
//! negation for the text. Every verdict carries the cues that drove it, so
//! a person can see why a review was flagged.

use crate::review::Review;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

/// The closed set of verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    Negative,
    Mixed,
    Neutral,
    Positive,
}

impl Label {
    pub const ALL: [Label; 4] = [
        Label::Negative,
        Label::Mixed,
        Label::Neutral,
        Label::Positive,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Label::Negative => "negative",
            Label::Mixed => "mixed",
            Label::Neutral => "neutral",
            Label::Positive => "positive",
        }
    }
}

/// One piece of evidence: the text that fired, where, and how much it
/// weighed (negative weights push towards `negative`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    pub cue: String,
    pub start: usize,
    pub end: usize,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub label: Label,
    pub negative: bool,
    /// From -1 (very negative) to 1 (very positive).
    pub score: f64,
    pub reasons: Vec<Cue>,
}

const NEGATIVE_WORDS: &[&str] = &[
    "awful",
    "terrible",
    "horrible",
    "worst",
    "bad",
    "rude",
    "disappointed",
    "disappointing",
    "poor",
    "waste",
    "broken",
    "refund",
    "never again",
    "cold",
    "dirty",
    "slow",
    "useless",
    "crash",
    "crashes",
    "scam",
    "avoid",
    "unacceptable",
    "disgusting",
    "overpriced",
    "late",
    "wrong",
    "hate",
];
const POSITIVE_WORDS: &[&str] = &[
    "great",
    "excellent",
    "amazing",
    "love",
    "loved",
    "good",
    "friendly",
    "delicious",
    "perfect",
    "best",
    "fantastic",
    "wonderful",
    "recommend",
    "helpful",
    "nice",
    "awesome",
    "happy",
];
const NEGATORS: &[&str] = &["not", "no", "never", "n't", "hardly", "without"];

/// Built once per run; classifying is a single automaton scan per review.
pub struct Classifier {
    words: AhoCorasick,
    polarity: Vec<f64>,
}

impl Classifier {
    pub fn builtin() -> Classifier {
        let words: Vec<&str> = NEGATIVE_WORDS
            .iter()
            .chain(POSITIVE_WORDS)
            .copied()
            .collect();
        let polarity = NEGATIVE_WORDS
            .iter()
            .map(|_| -1.0)
            .chain(POSITIVE_WORDS.iter().map(|_| 1.0))
            .collect();
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .expect("the built-in word list is a valid automaton");
        Classifier { words, polarity }
    }

    /// Classifies a review; with `ignore_rating` the text alone decides.
    pub fn classify(&self, review: &Review, ignore_rating: bool) -> Verdict {
        let text = review.full_text();
        let mut reasons = Vec::new();
        let mut sum = 0.0f64;
        for m in self.words.find_iter(&text) {
            if !on_word_boundaries(&text, m.start(), m.end()) {
                continue;
            }
            let mut weight = self.polarity[m.pattern().as_usize()];
            if negated(&text[..m.start()]) {
                weight = -weight * 0.75;
            }
            sum += weight;
            reasons.push(Cue {
                cue: text[m.start()..m.end()].to_string(),
                start: m.start(),
                end: m.end(),
                weight,
            });
        }
        let text_score = (sum / 3.0).clamp(-1.0, 1.0);
        let (label, score) = match review.rating.filter(|_| !ignore_rating) {
            Some(r) => {
                reasons.push(Cue {
                    cue: format!("rating {r}"),
                    start: 0,
                    end: 0,
                    weight: (r - 3.0) / 2.0,
                });
                let label = if r < 2.5 {
                    Label::Negative
                } else if r < 3.5 {
                    Label::Mixed
                } else {
                    Label::Positive
                };
                (label, ((r - 3.0) / 2.0 + text_score) / 2.0)
            }
            None if text_score <= -0.15 => (Label::Negative, text_score),
            None if text_score >= 0.15 => (Label::Positive, text_score),
            None if reasons.is_empty() => (Label::Neutral, 0.0),
            None => (Label::Mixed, text_score),
        };
        Verdict {
            label,
            negative: label == Label::Negative,
            score: score.clamp(-1.0, 1.0),
            reasons,
        }
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A negator among the three words before a cue, within the same clause.
fn negated(before: &str) -> bool {
    let clause = before
        .rsplit([',', '.', '!', '?', ';'])
        .next()
        .unwrap_or("");
    clause.split_whitespace().rev().take(3).any(|w| {
        NEGATORS
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n) || w.to_ascii_lowercase().ends_with(n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Location;

    fn verdict(text: &str, rating: Option<f64>) -> Verdict {
        let mut review = Review::new(text.into(), Location::new("t".into(), Some(1), 1));
        review.rating = rating;
        Classifier::builtin().classify(&review, false)
    }

    #[test]
    fn rating_decides_when_present() {
        assert_eq!(verdict("lovely", Some(1.0)).label, Label::Negative);
        assert_eq!(verdict("awful", Some(5.0)).label, Label::Positive);
        assert_eq!(verdict("", Some(3.0)).label, Label::Mixed);
    }

    #[test]
    fn text_alone_with_negation() {
        assert_eq!(
            verdict("The food was terrible and the staff rude", None).label,
            Label::Negative
        );
        assert_eq!(
            verdict("Great food, friendly staff", None).label,
            Label::Positive
        );
        assert_eq!(
            verdict("The food was not good", None).label,
            Label::Negative
        );
        assert_eq!(verdict("We came on Tuesday", None).label, Label::Neutral);
    }
}
