//! The verdict on a review: does it need an answer, what is it about, does
//! it need a person first — and why.
//!
//! A rule-based, explainable engine: the lexicon in `phrasebook/lexicon/`
//! is compiled once into automata ([`matcher`]), a review is scanned once
//! into tokens and sentences, the linguistic rules weigh them ([`score`]),
//! and the star rating, when there is one, is reconciled with the text
//! ([`verdict`]). Every verdict carries the cues behind it.

mod clauses;
mod complaints;
mod elsewhere;
mod escalation;
mod language;
mod lexicon;
pub mod matcher;
mod patterns;
mod places;
mod praise;
mod score;
mod topics;
mod trie;
mod verdict;

pub use complaints::{Complaint, Field, Reading};
pub use escalation::{Escalation, EscalationKind};
pub use praise::Praise;
pub use score::SentenceScore;
pub use topics::Topic;

/// The single words the lexicon names aspects with ("fries", "waiter",
/// "wifi"): the common nouns of complaints, for drafts that quote them.
pub fn aspect_words() -> Vec<String> {
    let Ok(lexicon) = Lexicon::builtin() else {
        return Vec::new();
    };
    let mut words = Vec::new();
    for cues in lexicon.topics.values() {
        for cue in &cues.aspects {
            let pattern = cue.get_ref().cue();
            for word in pattern.split(['(', ')', '|']) {
                if !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                {
                    words.push(word.to_lowercase());
                }
            }
        }
    }
    words
}

use crate::business::BusinessKind;
use crate::error::{Error, Result};
use crate::review::Review;
use lexicon::Lexicon;
use matcher::{Matcher, Scratch};
use score::Params;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;

/// The closed set of verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    Negative,
    Mixed,
    Neutral,
    Positive,
    /// The rating and the text disagree strongly (5 stars, angry text): a
    /// person should check before anything is posted.
    Mismatch,
    /// The text is not in a language the classifier knows.
    Unsupported,
}

impl Label {
    pub const ALL: [Label; 6] = [
        Label::Negative,
        Label::Mixed,
        Label::Neutral,
        Label::Positive,
        Label::Mismatch,
        Label::Unsupported,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Label::Negative => "negative",
            Label::Mixed => "mixed",
            Label::Neutral => "neutral",
            Label::Positive => "positive",
            Label::Mismatch => "mismatch",
            Label::Unsupported => "unsupported",
        }
    }
}

/// What kind of evidence a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// A sentiment word.
    Word,
    /// Complaint wording ("won't be back").
    Complaint,
    /// Praise or an idiom ("to die for", "can't go wrong").
    Praise,
    /// Praise turned into a complaint by what follows.
    Sarcasm,
    /// An emoji or emoticon.
    Symbol,
    /// A rating written in the text ("1 star").
    Stars,
    /// A negation with nothing to negate ("no longer").
    Negator,
    /// "too" before a plain word ("too salty").
    Excess,
    /// The review's star rating.
    Rating,
}

impl CueKind {
    /// The snake_case name used in output.
    pub fn name(self) -> &'static str {
        match self {
            CueKind::Word => "word",
            CueKind::Complaint => "complaint",
            CueKind::Praise => "praise",
            CueKind::Sarcasm => "sarcasm",
            CueKind::Symbol => "symbol",
            CueKind::Stars => "stars",
            CueKind::Negator => "negator",
            CueKind::Excess => "excess",
            CueKind::Rating => "rating",
        }
    }
}

/// A rule that changed a cue's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Negated,
    /// A negation cancelled by "enough" ("can't recommend it enough").
    Enough,
    Boosted,
    Diminished,
    Caps,
    BeforeContrast,
    AfterContrast,
    Conceded,
    Sarcasm,
}

impl Rule {
    /// The snake_case name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Negated => "negated",
            Rule::Enough => "enough",
            Rule::Boosted => "boosted",
            Rule::Diminished => "diminished",
            Rule::Caps => "caps",
            Rule::BeforeContrast => "before_contrast",
            Rule::AfterContrast => "after_contrast",
            Rule::Conceded => "conceded",
            Rule::Sarcasm => "sarcasm",
        }
    }
}

/// One piece of evidence: the text that fired, where (byte offsets into
/// the title and text read as "title. text"), and how much it weighed
/// (negative weights push towards `negative`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    pub cue: String,
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "weight_as_shown")]
    pub weight: f64,
    pub kind: CueKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}

impl Cue {
    /// The weight as output shows it: lexicon weights are `f32`, and their
    /// widening to `f64` (1.6 becomes 1.600000023841858) is noise, not
    /// precision.
    pub fn weight_shown(&self) -> f64 {
        shown(self.weight)
    }
}

fn shown(weight: f64) -> f64 {
    (weight * 10_000.0).round() / 10_000.0
}

fn weight_as_shown<S: serde::Serializer>(weight: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(shown(*weight))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub label: Label,
    /// True when the review needs an answer as a complaint.
    pub negative: bool,
    /// From -1 (very negative) to 1 (very positive).
    pub score: f64,
    pub reasons: Vec<Cue>,
    /// What the review complains about, in text order; only for
    /// negative, mixed and mismatched reviews.
    pub complaints: Vec<Complaint>,
    /// What the reviewer liked, in their words.
    pub praise: Vec<Praise>,
    /// The review recounts a visit to another business (the cue that shows
    /// it): a person handles it.
    pub other_business: Option<OtherBusiness>,
    /// Reasons a person must read the review before any reply.
    pub escalations: Vec<Escalation>,
    /// The detected language (ISO 639-3, "eng" for English); `None` when
    /// the text is too short to tell.
    pub language: Option<&'static str>,
}

/// The sign that a review is about another business.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OtherBusiness {
    /// The kind of business the review recounts a visit to, when visit
    /// cues show it (a named venue alone does not).
    pub kind: Option<BusinessKind>,
    pub cue: String,
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

impl Verdict {
    /// The complaints, strongest first (ties in text order).
    pub fn strongest(&self) -> Vec<&Complaint> {
        let mut by_strength: Vec<&Complaint> = self.complaints.iter().collect();
        by_strength.sort_by_key(|c| std::cmp::Reverse(c.strength));
        by_strength
    }
}

/// Buffers reused across reviews on one thread.
#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    sentences: Vec<SentenceScore>,
    clauses: Vec<clauses::Clause>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Built once per run; classifying is one scan of each automaton.
pub struct Classifier {
    matcher: Matcher,
    params: Params,
    rules: complaints::Rules,
    /// Built on first use: only reviews whose business is known need it.
    signs: std::sync::OnceLock<Result<elsewhere::Signs, String>>,
    signs_from: elsewhere::Source,
    /// What each topic means at each kind of business (`business.toml`).
    topics_at: BTreeMap<BusinessKind, BTreeMap<Topic, Topic>>,
    places: places::Places,
    /// What the business is, when the profile says; else each review's
    /// platform may tell.
    business: Option<BusinessKind>,
    /// The business's name, when the profile gives it.
    business_name: Option<String>,
}

impl Classifier {
    /// The classifier with the built-in lexicon.
    pub fn builtin() -> Classifier {
        let lexicon = Lexicon::builtin().expect("the built-in lexicon parses (tested)");
        Classifier::from_lexicon(&lexicon).expect("the built-in lexicon compiles (tested)")
    }

    /// The built-in lexicon with a user's `DIR/lexicon/*.toml` laid over it.
    pub fn with_phrasebook(dir: &Path) -> Result<Classifier> {
        let lexicon = Lexicon::with_user_dir(dir)?;
        Classifier::from_lexicon(&lexicon)
            .map_err(|e| Error::Usage(format!("{}: {e}", dir.display())))
    }

    /// The built-in classifier, or the one a `--phrasebook` asks for.
    pub fn for_phrasebook(dir: Option<&Path>) -> Result<Classifier> {
        match dir {
            Some(dir) => Classifier::with_phrasebook(dir),
            None => Ok(Classifier::builtin()),
        }
    }

    fn from_lexicon(lexicon: &Lexicon) -> Result<Classifier, String> {
        let params = Params::from_lexicon(lexicon)?;
        Ok(Classifier {
            matcher: Matcher::new(lexicon)?,
            rules: complaints::Rules {
                over: lexicon
                    .topics
                    .iter()
                    .map(|(t, c)| (*t, c.over.clone()))
                    .collect(),
                floor: params.judgement_floor,
                contrast_before: params.contrast_before,
                concession: params.concession,
                negation: params.negation,
                about: lexicon.clauses.about.clone(),
                of_things: lexicon
                    .topics
                    .iter()
                    .filter(|(_, c)| c.of_things)
                    .map(|(t, _)| *t)
                    .collect(),
            },
            signs: std::sync::OnceLock::new(),
            places: places::Places::new(&lexicon.places)?,
            topics_at: lexicon
                .visits
                .iter()
                .filter(|(_, v)| !v.topics.is_empty())
                .map(|(k, v)| (*k, v.topics.clone()))
                .collect(),
            signs_from: elsewhere::Source {
                visits: lexicon.visits.clone(),
                elsewhere: lexicon.elsewhere.clone(),
            },
            params,
            business: None,
            business_name: None,
        })
    }

    /// The same classifier, told what the business is: its kind and name,
    /// as the profile gives them.
    pub fn for_business(mut self, kind: Option<BusinessKind>, name: Option<&str>) -> Classifier {
        self.business = kind;
        self.business_name = name.map(str::to_string);
        self
    }

    /// Classifies a review; with `ignore_rating` the text alone decides.
    pub fn classify(&self, review: &Review, ignore_rating: bool) -> Verdict {
        self.run(review, ignore_rating, |_, _| ())
    }

    /// Classifies a review and also returns the text the offsets refer to
    /// and every sentence's score, for `explain`.
    pub fn explain(
        &self,
        review: &Review,
        ignore_rating: bool,
    ) -> (Verdict, String, Vec<SentenceScore>) {
        let mut trace = (String::new(), Vec::new());
        let verdict = self.run(review, ignore_rating, |text, sentences| {
            trace = (text.to_string(), sentences.to_vec());
        });
        (verdict, trace.0, trace.1)
    }

    fn run(
        &self,
        review: &Review,
        ignore_rating: bool,
        mut trace: impl FnMut(&str, &[SentenceScore]),
    ) -> Verdict {
        BUFFERS.with(|cell| {
            let mut guard = cell.borrow_mut();
            let Buffers {
                scratch,
                sentences,
                clauses,
            } = &mut *guard;
            self.matcher
                .scan(review.title.as_deref(), &review.text, scratch);
            let mut reasons = Vec::new();
            let text = score::score(&self.params, scratch, &mut reasons, sentences);
            let foreign = language::foreign(&scratch.text, scratch.words.len(), scratch.english);
            let language =
                foreign.or((scratch.words.len() >= language::MIN_WORDS).then_some("eng"));
            self.matcher.scan_tags(scratch);
            let rating = review.rating.filter(|_| !ignore_rating);
            let verdict = verdict::decide(
                &self.params,
                text,
                !reasons.is_empty(),
                rating,
                foreign.is_some(),
            );
            clauses::split(scratch, &reasons, clauses);
            let (complaints, praise) = if foreign.is_some() {
                (Vec::new(), Vec::new())
            } else {
                let complaints = if verdict.label.has_topics() {
                    complaints::complaints(scratch, &reasons, clauses, &self.rules)
                } else {
                    Vec::new()
                };
                (
                    complaints,
                    praise::praise(scratch, &reasons, clauses, &self.rules),
                )
            };
            let ours = self
                .business
                .or_else(|| BusinessKind::of_platform(review.source));
            let mut complaints = complaints;
            if let Some(meaning) = ours.and_then(|k| self.topics_at.get(&k)) {
                for c in &mut complaints {
                    if let Some(&topic) = meaning.get(&c.topic) {
                        c.topic = topic;
                    }
                }
            }
            if ours.is_none() && self.places.lists(review.source) {
                complaints.retain(|c| self.places.fits(c));
            }
            let known = ours.is_some() || self.business_name.is_some();
            let other_business = if foreign.is_some() || !known {
                None
            } else {
                self.signs
                    .get_or_init(|| elsewhere::Signs::new(&self.signs_from))
                    .as_ref()
                    .ok()
                    .and_then(|signs| {
                        signs.other_business(scratch, ours, self.business_name.as_deref())
                    })
            }
            .map(|found| {
                let (field, start, end) = scratch.locate(found.span.clone());
                OtherBusiness {
                    kind: found.kind,
                    cue: scratch.text[found.span].to_string(),
                    field,
                    start,
                    end,
                }
            });
            if let Some(r) = rating {
                reasons.push(Cue {
                    cue: rating_cue(r),
                    start: 0,
                    end: 0,
                    weight: (r - 3.0) / 2.0,
                    kind: CueKind::Rating,
                    rules: Vec::new(),
                });
            }
            trace(&scratch.text, sentences);
            Verdict {
                label: verdict.label,
                negative: verdict.negative,
                score: verdict.score,
                reasons,
                complaints,
                praise,
                other_business,
                escalations: escalation::escalations(scratch),
                language,
            }
        })
    }

    /// How many scoring patterns the lexicon compiled to.
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }
}

/// "rating 4", as `format!("rating {r}")` writes it, without the float
/// formatting machinery for the whole stars every review has.
fn rating_cue(r: f64) -> String {
    if r.fract() == 0.0 && (0.0..=100.0).contains(&r) {
        let mut cue = String::from("rating ");
        cue.push_str(&(r as u32).to_string());
        cue
    } else {
        format!("rating {r}")
    }
}

impl Label {
    /// Labels whose reviews get complaint topics.
    fn has_topics(self) -> bool {
        matches!(self, Label::Negative | Label::Mixed | Label::Mismatch)
    }
}

#[cfg(test)]
mod tests;
