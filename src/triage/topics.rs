//! Complaint topics: what a negative or mixed review is about, each with
//! the words that show it.
//!
//! Replies are built on topics, so a wrong topic is worse than a missing
//! one. A topic is tagged from wording that is a complaint by itself ("never
//! arrived", "overcharged") anywhere outside clearly positive sentences, or
//! from a word that only names the subject ("delivery", "waiter") close to
//! a complaint in the same clause; a negated cue ("no long wait") never
//! counts.

use super::matcher::{Kind, Scratch, Tag};
use super::score::{broken, words_between, SentenceScore};
use super::Cue;
use serde::{Deserialize, Serialize};

/// The closed set of complaint topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Delivery,
    WaitTime,
    Billing,
    ProductQuality,
    WrongItem,
    StaffAttitude,
    Cleanliness,
    FoodQuality,
    PriceValue,
    AppBug,
    Account,
    Support,
    Booking,
    NoiseRoom,
}

impl Topic {
    pub const ALL: [Topic; 14] = [
        Topic::Delivery,
        Topic::WaitTime,
        Topic::Billing,
        Topic::ProductQuality,
        Topic::WrongItem,
        Topic::StaffAttitude,
        Topic::Cleanliness,
        Topic::FoodQuality,
        Topic::PriceValue,
        Topic::AppBug,
        Topic::Account,
        Topic::Support,
        Topic::Booking,
        Topic::NoiseRoom,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Topic::Delivery => "delivery",
            Topic::WaitTime => "wait_time",
            Topic::Billing => "billing",
            Topic::ProductQuality => "product_quality",
            Topic::WrongItem => "wrong_item",
            Topic::StaffAttitude => "staff_attitude",
            Topic::Cleanliness => "cleanliness",
            Topic::FoodQuality => "food_quality",
            Topic::PriceValue => "price_value",
            Topic::AppBug => "app_bug",
            Topic::Account => "account",
            Topic::Support => "support",
            Topic::Booking => "booking",
            Topic::NoiseRoom => "noise_room",
        }
    }
}

/// A topic and the words in the review that raised it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicHit {
    pub topic: Topic,
    pub cue: String,
    pub start: usize,
    pub end: usize,
}

/// Sentences at least this positive never give a topic.
const POSITIVE_SENTENCE: f64 = 0.3;
/// A subject word counts when a complaint cue is this close, in words.
const SUBJECT_REACH: usize = 6;

/// The sentence holding byte `at`.
pub(super) fn sentence_at(sentences: &[SentenceScore], at: usize) -> Option<&SentenceScore> {
    let i = sentences.partition_point(|x| x.end <= at);
    sentences.get(i)
}

/// True when a negator stands right before `start` ("no bed bugs", "never
/// had to wait").
pub(super) fn negated(s: &Scratch, start: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.end <= start);
    s.tokens[..i].iter().rev().take(2).any(|t| {
        matches!(t.kind, Kind::Negator { .. })
            && start.saturating_sub(t.end) < 16
            && !s.text[t.end..start].contains([',', '.', '!', '?', ';'])
    })
}

/// True when a negative cue sits in the same clause as `start..end`, close
/// by: "the waiter was rude" names the staff, "the food was fine, but the
/// waiter was rude" does not blame the food.
fn near_complaint(s: &Scratch, reasons: &[Cue], start: usize, end: usize) -> bool {
    reasons.iter().any(|c| {
        if c.weight >= 0.0 || c.end == 0 {
            return false;
        }
        let (a, b) = if c.start >= end {
            (end, c.start)
        } else if c.end <= start {
            (c.end, start)
        } else {
            return true;
        };
        let contrast = s
            .tokens
            .iter()
            .any(|t| t.kind == Kind::Contrast && t.start >= a && t.end <= b);
        !contrast && !broken(&s.breaks, a, b) && words_between(&s.norm, a, b) <= SUBJECT_REACH
    })
}

/// The topics of a review, one hit per topic, in order of appearance.
pub fn topics(s: &Scratch, sentences: &[SentenceScore], reasons: &[Cue]) -> Vec<TopicHit> {
    let mut hits: Vec<TopicHit> = Vec::new();
    for hit in &s.tags {
        let (topic, complaint) = match hit.tag {
            Tag::Complaint(t) => (t, true),
            Tag::Subject(t) => (t, false),
            Tag::Escalation(_) => continue,
        };
        if hits.iter().any(|h| h.topic == topic) {
            continue;
        }
        let score = sentence_at(sentences, hit.start).map_or(0.0, |x| x.score);
        let counts = if complaint {
            score < POSITIVE_SENTENCE
        } else {
            near_complaint(s, reasons, hit.start, hit.end)
        };
        if counts && !negated(s, hit.start) {
            hits.push(TopicHit {
                topic,
                cue: s.text[hit.start..hit.end].to_string(),
                start: hit.start,
                end: hit.end,
            });
        }
    }
    hits
}
