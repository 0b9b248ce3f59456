//! Measuring the classifier honestly on labelled reviews.
//!
//! Ground truth and metrics follow `../shared/tools/score_negatives.py`
//! exactly, so the two can be cross-checked: the binary subset drops
//! gold-neutral rows (3 stars, a mean rating of 0), and negative is the
//! positive class of precision, recall and F1. Reviews are split into a
//! development part and a held-out part by a stable hash of their id, so
//! anyone can reproduce which reviews were tuned on and which were not.

use crate::error::{Error, Problem, RecordError, Result};
use crate::hash::fnv1a;
use crate::review::Location;
use serde::Deserialize;
use std::io::BufRead;
use std::sync::Arc;

/// The ground-truth class of a labelled review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gold {
    Negative,
    Neutral,
    Positive,
}

/// The class a rating on a scale stands for (as the reference scorer).
pub fn gold_class(rating: f64, scale_max: f64, scale_min: Option<f64>) -> Gold {
    let min = scale_min.unwrap_or(if scale_max == 1.0 { 0.0 } else { 1.0 });
    let by = |neg: bool, pos: bool| {
        if neg {
            Gold::Negative
        } else if pos {
            Gold::Positive
        } else {
            Gold::Neutral
        }
    };
    if min < 0.0 {
        return by(rating < 0.0, rating > 0.0);
    }
    if scale_max == 1.0 {
        return by(rating == 0.0, rating != 0.0);
    }
    if scale_max == 5.0 {
        return by(rating <= 2.0, rating >= 4.0);
    }
    if scale_max == 10.0 {
        return by(rating <= 4.0, rating >= 7.0);
    }
    let n = (rating - min) / (scale_max - min);
    by(n <= 0.3, n >= 0.7)
}

/// The part of the labelled data a review belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// About 70%: tune on these.
    Dev,
    /// About 30%: never looked at while tuning; the figures that count.
    Holdout,
    /// Every review.
    All,
}

impl Split {
    /// The part a review id falls in: held out when its hash mod 100 is
    /// 70 or more.
    pub fn of(id: &str) -> Split {
        if fnv1a(id.as_bytes()) % 100 < 70 {
            Split::Dev
        } else {
            Split::Holdout
        }
    }

    pub fn contains(self, id: &str) -> bool {
        self == Split::All || Split::of(id) == self
    }
}

/// One labelled review as the data files hold it.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub id: String,
    pub source: String,
    pub text: String,
    pub rating: f64,
    pub scale_max: f64,
    pub scale_min: Option<f64>,
}

impl Labelled {
    pub fn gold(&self) -> Gold {
        gold_class(self.rating, self.scale_max, self.scale_min)
    }
}

/// Reads labelled JSON Lines, sending each review to `sink`; a bad line
/// is an error naming the file and line.
pub fn read_labelled(
    origin: &str,
    reader: impl BufRead,
    sink: &mut dyn FnMut(Labelled) -> Result<()>,
) -> Result<()> {
    let origin: Arc<str> = origin.into();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| Error::Read {
            origin: origin.to_string(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str::<Labelled>(&line).map_err(|e| {
            Error::Record(RecordError {
                location: Location::new(origin.clone(), Some(i as u64 + 1), i as u64 + 1),
                problem: Problem::BadJson {
                    detail: format!("{e} (expected id, source, text, rating, scale_max)"),
                },
            })
        })?;
        sink(record)?;
    }
    Ok(())
}

/// A confusion matrix with negative as the positive class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u64,
    pub fn_: u64,
    pub fp: u64,
    pub tn: u64,
}

impl Counts {
    pub fn add(&mut self, gold_negative: bool, predicted_negative: bool) {
        match (gold_negative, predicted_negative) {
            (true, true) => self.tp += 1,
            (true, false) => self.fn_ += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
        }
    }

    pub fn merge(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fn_ += other.fn_;
        self.fp += other.fp;
        self.tn += other.tn;
    }

    pub fn n(&self) -> u64 {
        self.tp + self.fn_ + self.fp + self.tn
    }

    fn ratio(a: u64, b: u64) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }

    pub fn accuracy(&self) -> f64 {
        Counts::ratio(self.tp + self.tn, self.n())
    }
    pub fn precision(&self) -> f64 {
        Counts::ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        Counts::ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Results of one source: the binary subset, and gold-neutral rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceTally {
    pub binary: Counts,
    pub neutral: u64,
    pub neutral_flagged: u64,
}

impl SourceTally {
    pub fn add(&mut self, gold: Gold, predicted_negative: bool) {
        match gold {
            Gold::Neutral => {
                self.neutral += 1;
                self.neutral_flagged += u64::from(predicted_negative);
            }
            g => self.binary.add(g == Gold::Negative, predicted_negative),
        }
    }

    pub fn merge(&mut self, other: &SourceTally) {
        self.binary.merge(&other.binary);
        self.neutral += other.neutral;
        self.neutral_flagged += other.neutral_flagged;
    }
}

/// Tallies per source, in order of first appearance (as the scorer).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub sources: Vec<(String, SourceTally)>,
}

impl Tally {
    pub fn add(&mut self, source: &str, gold: Gold, predicted_negative: bool) {
        let i = match self.sources.iter().position(|(s, _)| s == source) {
            Some(i) => i,
            None => {
                self.sources
                    .push((source.to_string(), SourceTally::default()));
                self.sources.len() - 1
            }
        };
        self.sources[i].1.add(gold, predicted_negative);
    }

    /// Every source together.
    pub fn pooled(&self) -> SourceTally {
        let mut all = SourceTally::default();
        for (_, t) in &self.sources {
            all.merge(t);
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_classes_follow_the_reference_scorer() {
        assert_eq!(gold_class(2.0, 5.0, None), Gold::Negative);
        assert_eq!(gold_class(3.0, 5.0, None), Gold::Neutral);
        assert_eq!(gold_class(4.0, 5.0, None), Gold::Positive);
        assert_eq!(gold_class(0.0, 1.0, None), Gold::Negative);
        assert_eq!(gold_class(1.0, 1.0, None), Gold::Positive);
        assert_eq!(gold_class(-0.1, 4.0, Some(-4.0)), Gold::Negative);
        assert_eq!(gold_class(0.0, 4.0, Some(-4.0)), Gold::Neutral);
        assert_eq!(gold_class(5.0, 10.0, None), Gold::Neutral);
    }

    #[test]
    fn split_is_stable_and_roughly_seventy_thirty() {
        // The same hash and cut as scripts/split.py.
        let dev = (0..10_000)
            .filter(|i| Split::of(&format!("r-{i}")) == Split::Dev)
            .count();
        assert!((6_800..7_200).contains(&dev), "{dev}");
        assert!(Split::All.contains("anything"));
    }

    #[test]
    fn metrics_match_hand_computation() {
        let mut t = Tally::default();
        for (gold, pred) in [
            (Gold::Negative, true),
            (Gold::Negative, false),
            (Gold::Positive, true),
            (Gold::Positive, false),
            (Gold::Positive, false),
            (Gold::Neutral, true),
        ] {
            t.add("s", gold, pred);
        }
        let s = &t.sources[0].1;
        assert_eq!(
            s.binary,
            Counts {
                tp: 1,
                fn_: 1,
                fp: 1,
                tn: 2
            }
        );
        assert!((s.binary.accuracy() - 0.6).abs() < 1e-12);
        assert!((s.binary.precision() - 0.5).abs() < 1e-12);
        assert!((s.binary.f1() - 0.5).abs() < 1e-12);
        assert_eq!((s.neutral, s.neutral_flagged), (1, 1));
        assert_eq!(t.pooled(), *s);
    }
}
