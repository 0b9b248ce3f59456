//! The classifier's knowledge as data: words, phrases, modifiers, topic and
//! escalation cues and the scoring constants, read from TOML files under
//! `phrasebook/lexicon/`.
//!
//! The built-in files are compiled into the binary; a user's phrasebook
//! directory with the same layout is laid over them, entry by entry, so a
//! business can teach the classifier its own words without forking it. A
//! mistake in a user's file is reported with its file, line and column.

use super::escalation::EscalationKind;
use super::patterns::expand;
use super::score::Params;
use super::topics::Topic;
use crate::business::BusinessKind;
use crate::error::{Error, Result};
use crate::text::line_column;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// One built-in lexicon file: its name under `lexicon/` and its text.
struct Builtin {
    name: &'static str,
    text: &'static str,
}

const BUILTIN: [Builtin; 8] = [
    Builtin {
        name: "words.toml",
        text: include_str!("../../phrasebook/lexicon/words.toml"),
    },
    Builtin {
        name: "reviews.toml",
        text: include_str!("../../phrasebook/lexicon/reviews.toml"),
    },
    Builtin {
        name: "modifiers.toml",
        text: include_str!("../../phrasebook/lexicon/modifiers.toml"),
    },
    Builtin {
        name: "symbols.toml",
        text: include_str!("../../phrasebook/lexicon/symbols.toml"),
    },
    Builtin {
        name: "topics.toml",
        text: include_str!("../../phrasebook/lexicon/topics.toml"),
    },
    Builtin {
        name: "business.toml",
        text: include_str!("../../phrasebook/lexicon/business.toml"),
    },
    Builtin {
        name: "escalation.toml",
        text: include_str!("../../phrasebook/lexicon/escalation.toml"),
    },
    Builtin {
        name: "scoring.toml",
        text: include_str!("../../phrasebook/lexicon/scoring.toml"),
    },
];

/// The names a lexicon file may have, built-in or user.
pub fn file_names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|b| b.name)
}

/// A sentiment word: its weight, and optionally what it weighs when
/// negated (when the generic flip is wrong for it, e.g. "not worth").
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum WordEntry {
    Weight(f64),
    Full(FullWord),
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullWord {
    pub weight: f64,
    pub negated: Option<f64>,
}

impl WordEntry {
    pub fn weight(self) -> f64 {
        match self {
            WordEntry::Weight(w) => w,
            WordEntry::Full(f) => f.weight,
        }
    }
    pub fn negated(self) -> Option<f64> {
        match self {
            WordEntry::Weight(_) => None,
            WordEntry::Full(f) => f.negated,
        }
    }
}

/// A pattern with where it was written, for error messages.
pub type Located<T> = Spanned<T>;
type Weights = BTreeMap<String, Located<f64>>;
type Phrases = Vec<Located<String>>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    #[serde(default)]
    words: BTreeMap<String, Located<WordEntry>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewsFile {
    #[serde(default)]
    complaints: Weights,
    #[serde(default)]
    praise: Weights,
    #[serde(default)]
    sarcasm: Weights,
    #[serde(default)]
    ratings: Phrases,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModifiersFile {
    #[serde(default)]
    negators: Weights,
    #[serde(default)]
    boosters: Weights,
    #[serde(default)]
    excess: Weights,
    #[serde(default)]
    contrast: Phrases,
    #[serde(default)]
    concession: Phrases,
    #[serde(default)]
    enough: Phrases,
    #[serde(default)]
    function: Phrases,
    #[serde(default)]
    numerals: Numerals,
    #[serde(default)]
    fillers: Phrases,
}

/// Number words, by how many digits they stand for.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numerals {
    /// Words read as one digit ("two" … "nine").
    #[serde(default)]
    pub units: Phrases,
    /// Words read as two digits ("ten" … "ninety").
    #[serde(default)]
    pub tens: Phrases,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SymbolsFile {
    #[serde(default)]
    symbols: Weights,
}

/// Cues for one complaint topic. A complaint is a judgement of an aspect in
/// one clause, so most cues only count together with another.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicCues {
    /// What the topic covers, for people reading the data.
    #[serde(default)]
    pub why: String,
    /// Wording that is a complaint about the topic by itself ("overcharged",
    /// "never arrived"); it counts unless negated or merely supposed.
    #[serde(default)]
    pub complaints: Vec<Located<TopicCue>>,
    /// Judgements that speak of this topic when the clause names no other
    /// aspect ("cold": the food; "the room was cold": the room).
    #[serde(default)]
    pub judgements: Vec<Located<TopicCue>>,
    /// Words that name the aspect ("fries", "waiter"): a complaint only with
    /// a negative judgement in the same clause, never by themselves.
    #[serde(default)]
    pub aspects: Vec<Located<TopicCue>>,
    /// What the business is there to do ("answer", "call back", "work"):
    /// negated or barely done ("never called back", "no longer works"),
    /// a complaint about the topic; said plainly, nothing.
    #[serde(default)]
    pub actions: Vec<Located<TopicCue>>,
    /// Good qualities of the topic ("friendly", "clean", "worth it"):
    /// denied ("not friendly", "none of them were clean") they are a
    /// complaint of the topic, with or without an aspect in view.
    #[serde(default)]
    pub virtues: Vec<Located<TopicCue>>,
    /// Amounts that judge the topic's own aspects only, wherever they
    /// stand in the clause ("queueing at the desk for an hour"), never an
    /// aspect of another topic ("lashes falling out in the first 24 hours").
    #[serde(default)]
    pub measures: Vec<Located<TopicCue>>,
    /// The topic is about things the business sells: its complaints and
    /// actions said of a person ("she doesn't work that side") are not.
    #[serde(default)]
    pub of_things: bool,
    /// Topics whose aspects this topic's judgements win over ("slow" next
    /// to "service" is still about waiting).
    #[serde(default)]
    pub over: Vec<Topic>,
    /// Sentences that must give this topic (checked by tests).
    #[serde(default)]
    pub examples: Vec<String>,
    /// Sentences that must not give this topic (checked by tests).
    #[serde(default)]
    pub counter: Vec<String>,
}

/// One topic cue: its pattern, and the sentence in which it (and not
/// another cue) gives its topic. The built-in cues all carry one, and a
/// test reads each; a user's may be a bare pattern.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum TopicCue {
    Bare(String),
    Full { cue: String, example: String },
}

impl TopicCue {
    pub fn cue(&self) -> &str {
        match self {
            TopicCue::Bare(cue) | TopicCue::Full { cue, .. } => cue,
        }
    }

    pub fn example(&self) -> Option<&str> {
        match self {
            TopicCue::Bare(_) => None,
            TopicCue::Full { example, .. } => Some(example),
        }
    }
}

/// Words that change what a clause asserts, for complaints and praise.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseCues {
    /// The clause is supposed, feared, asked or reported, not lived ("I
    /// expected", "if", "other reviews say"): nothing in it counts.
    #[serde(default)]
    pub irrealis: Phrases,
    /// The clause's good words praise nothing of the business now: how
    /// things were ("used to be great"), might have been ("would have
    /// benefited"), are elsewhere ("there are better shops") or are hoped
    /// for ("to be safe").
    #[serde(default)]
    pub not_praise: Phrases,
    /// Phrases that hold a judgement word but judge nothing ("cold brew",
    /// "dry cleaning", "no problems").
    #[serde(default)]
    pub plain: Phrases,
    /// Pronouns that stand for an aspect named just before ("The room? It
    /// was tiny"), when they open a clause.
    #[serde(default)]
    pub anaphora: Phrases,
    /// The reviewer waves the gripe away ("I don't mind", "not a big
    /// deal"): a clause holding one raises no complaint.
    #[serde(default)]
    pub excused: Phrases,
    /// Words for how the reviewer felt ("upset", "frustrated"): they judge
    /// an aspect only when it follows one of `about` ("upset with the
    /// bill"), not whatever is near ("so frustrated no one wanted dessert").
    #[serde(default)]
    pub feelings: Phrases,
    /// Words that tie a feeling to what it is about.
    #[serde(default)]
    pub about: Vec<String>,
    /// Words for people ("she", "nobody", "the staff"): what a person does
    /// not do is no fault of a thing's (see [`TopicCues::of_things`]).
    #[serde(default)]
    pub people: Phrases,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    clauses: ClauseCues,
    #[serde(default)]
    topics: BTreeMap<Topic, TopicCues>,
}

/// Cues that a review names another business than the profile's.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElsewhereCues {
    /// Wording that places what is told at another business by itself
    /// ("a different seller").
    #[serde(default)]
    pub cues: Phrases,
    /// Wording that places a named venue elsewhere ("next door").
    #[serde(default)]
    pub places: Phrases,
    /// Words after which a capitalised word is a name ("from Golden Wok").
    #[serde(default)]
    pub names_after: Phrases,
    /// Capitalised words that name no business (days, months, "I").
    #[serde(default)]
    pub not_names: Phrases,
    /// Sentences that must read as about another business than "Harbour
    /// Kitchen" (checked by tests).
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BusinessFile {
    #[serde(default)]
    elsewhere: ElsewhereCues,
    #[serde(default)]
    places: PlaceCues,
    #[serde(default)]
    kinds: BTreeMap<BusinessKind, VisitCues>,
}

/// What a review on a site of places (Yelp, Google Maps) may complain of
/// when the profile does not say what the business is.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceCues {
    /// The platforms that list places people visit.
    #[serde(default)]
    pub platforms: Vec<crate::review::Platform>,
    /// Topics of apps, which there need an app named in their evidence.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Words that name an app or website.
    #[serde(default)]
    pub named: Phrases,
}

/// Cues that a review recounts a visit to one kind of business.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitCues {
    /// The other kinds a business of this kind also is (a hotel has a
    /// restaurant): their visits are no sign of another business.
    #[serde(default)]
    pub also: Vec<BusinessKind>,
    /// What a complaint's topic means at this kind of business: a TV that
    /// does not work in a hotel is the room, a part still squeaking after a
    /// garage's repair is the service.
    #[serde(default)]
    pub topics: BTreeMap<Topic, Topic>,
    #[serde(default)]
    pub cues: Phrases,
    /// Sentences that must read as a visit of this kind (checked by tests).
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Cues for one kind of escalation.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationCues {
    #[serde(default)]
    pub cues: Phrases,
    /// Words that escalate only beside one another in a sentence.
    #[serde(default)]
    pub together: Together,
    /// Sentences that must raise this escalation (checked by tests).
    #[serde(default)]
    pub examples: Vec<String>,
    /// Sentences with alarming words that must not (checked by tests).
    #[serde(default)]
    pub calm: Vec<String>,
}

/// Two classes of words that escalate when one of each shares a sentence:
/// a symptom and a part of the body ("huge bumps all over my neck") is harm
/// where neither word alone is.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Together {
    #[serde(default)]
    pub first: Phrases,
    #[serde(default)]
    pub second: Phrases,
}

/// Constants of the scoring rules; see `scoring.toml` for what each does.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoringFile {
    #[serde(default)]
    scoring: BTreeMap<String, Located<f64>>,
}

/// Every lexicon file, merged: built-in first, the user's entries over it.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub words: BTreeMap<String, Located<WordEntry>>,
    pub complaints: Weights,
    pub praise: Weights,
    pub sarcasm: Weights,
    pub ratings: Phrases,
    pub negators: Weights,
    pub boosters: Weights,
    pub excess: Weights,
    pub contrast: Phrases,
    pub concession: Phrases,
    pub enough: Phrases,
    pub function: Phrases,
    pub numerals: Numerals,
    /// Words topic cues read across ("didn't even look up" is "didn't
    /// look up").
    pub fillers: Phrases,
    pub symbols: Weights,
    pub topics: BTreeMap<Topic, TopicCues>,
    pub clauses: ClauseCues,
    pub visits: BTreeMap<BusinessKind, VisitCues>,
    pub elsewhere: ElsewhereCues,
    pub places: PlaceCues,
    pub escalation: BTreeMap<EscalationKind, EscalationCues>,
    pub scoring: BTreeMap<String, Located<f64>>,
}

/// Where a file's text came from, to turn spans into locations.
#[derive(Debug, Clone)]
pub struct Origin {
    pub path: String,
    pub text: String,
    /// Check each cue's pattern (skipped for the tested built-in files).
    pub check: bool,
}

impl Origin {
    /// A located error at byte `offset` of this file.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_column(&self.text, offset);
        Error::Phrasebook {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }
}

fn parse<T: for<'de> Deserialize<'de>>(origin: &Origin) -> Result<T> {
    toml::from_str(&origin.text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = if e.message().contains("untagged enum WordEntry") {
            "expected a weight (a number) or { weight = N, negated = N }".to_string()
        } else {
            e.message().to_string()
        };
        origin.error(offset, message)
    })
}

/// Lays `over` on `base` (an entry with weight 0 then removes the cue).
fn merge<V>(base: &mut BTreeMap<String, Located<V>>, over: BTreeMap<String, Located<V>>) {
    base.extend(over);
}

/// Checks that every cue of a map compiles, locating the first that does
/// not (at its value, which sits on the key's line).
fn check_keys<V>(origin: &Origin, map: &BTreeMap<String, Located<V>>) -> Result<()> {
    if !origin.check {
        return Ok(());
    }
    for (cue, value) in map {
        expand(cue).map_err(|e| origin.error(value.span().start, e))?;
    }
    Ok(())
}

fn check_cues(origin: &Origin, list: &[Located<TopicCue>]) -> Result<()> {
    if !origin.check {
        return Ok(());
    }
    for cue in list {
        expand(cue.get_ref().cue()).map_err(|e| origin.error(cue.span().start, e))?;
    }
    Ok(())
}

fn check_list(origin: &Origin, list: &[Located<String>]) -> Result<()> {
    if !origin.check {
        return Ok(());
    }
    for cue in list {
        expand(cue.get_ref()).map_err(|e| origin.error(cue.span().start, e))?;
    }
    Ok(())
}

/// Weights must be finite numbers in a sane range.
fn check_weights<'a>(
    origin: &Origin,
    weights: impl Iterator<Item = (&'a String, f64, usize)>,
    range: std::ops::RangeInclusive<f64>,
) -> Result<()> {
    for (cue, w, at) in weights {
        if !w.is_finite() || !range.contains(&w) {
            return Err(origin.error(
                at,
                format!(
                    "{cue:?}: weight {w} is outside {} to {}",
                    range.start(),
                    range.end()
                ),
            ));
        }
    }
    Ok(())
}

fn weights_of(map: &Weights) -> impl Iterator<Item = (&String, f64, usize)> {
    map.iter().map(|(k, v)| (k, *v.get_ref(), v.span().start))
}

impl Lexicon {
    /// The built-in lexicon alone. Its cues are not checked one by one
    /// here (start-up time matters, and they cannot change after the
    /// build): [`Lexicon::builtin_checked`] does, in the tests.
    pub fn builtin() -> Result<Lexicon> {
        Lexicon::load_builtin(false)
    }

    /// The built-in lexicon with every cue checked as a user's would be.
    pub fn builtin_checked() -> Result<Lexicon> {
        Lexicon::load_builtin(true)
    }

    fn load_builtin(check: bool) -> Result<Lexicon> {
        let mut lexicon = Lexicon::default();
        for b in &BUILTIN {
            lexicon.add(
                b.name,
                Origin {
                    path: format!("phrasebook/lexicon/{}", b.name),
                    text: b.text.to_string(),
                    check,
                },
            )?;
        }
        Ok(lexicon)
    }

    /// The built-in lexicon with the files of `dir/lexicon/` laid over it.
    /// A directory without `lexicon/` adds nothing (it may hold only
    /// rewrite rules); a file with an unknown name is an error, since a
    /// misspelt file would otherwise be silently ignored.
    pub fn with_user_dir(dir: &Path) -> Result<Lexicon> {
        let mut lexicon = Lexicon::builtin()?;
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "{}: phrasebook directory not found",
                dir.display()
            )));
        }
        let lexicon_dir = dir.join("lexicon");
        let entries = match std::fs::read_dir(&lexicon_dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(lexicon),
            Err(source) => {
                return Err(Error::Open {
                    path: lexicon_dir,
                    source,
                })
            }
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let file_name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let Some(name) = file_names().find(|n| *n == file_name) else {
                return Err(Error::Phrasebook {
                    path: path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "unknown lexicon file; expected one of: {}",
                        file_names().collect::<Vec<_>>().join(", ")
                    ),
                });
            };
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Open {
                path: path.clone(),
                source,
            })?;
            lexicon.add(
                name,
                Origin {
                    path: path.display().to_string(),
                    text,
                    check: true,
                },
            )?;
        }
        Ok(lexicon)
    }

    fn add(&mut self, name: &'static str, origin: Origin) -> Result<()> {
        const WEIGHT: std::ops::RangeInclusive<f64> = -5.0..=5.0;
        match name {
            "words.toml" => {
                let f: WordsFile = parse(&origin)?;
                check_keys(&origin, &f.words)?;
                let weights = f.words.iter().flat_map(|(k, v)| {
                    let at = v.span().start;
                    let e = *v.get_ref();
                    [(k, e.weight(), at)]
                        .into_iter()
                        .chain(e.negated().map(|n| (k, n, at)))
                });
                check_weights(&origin, weights, WEIGHT)?;
                merge(&mut self.words, f.words);
            }
            "reviews.toml" => {
                let f: ReviewsFile = parse(&origin)?;
                for map in [&f.complaints, &f.praise, &f.sarcasm] {
                    check_keys(&origin, map)?;
                    check_weights(&origin, weights_of(map), WEIGHT)?;
                }
                check_list(&origin, &f.ratings)?;
                merge(&mut self.complaints, f.complaints);
                merge(&mut self.praise, f.praise);
                merge(&mut self.sarcasm, f.sarcasm);
                self.ratings.extend(f.ratings);
            }
            "modifiers.toml" => {
                let f: ModifiersFile = parse(&origin)?;
                check_keys(&origin, &f.negators)?;
                check_weights(&origin, weights_of(&f.negators), WEIGHT)?;
                check_keys(&origin, &f.excess)?;
                check_weights(&origin, weights_of(&f.excess), WEIGHT)?;
                check_keys(&origin, &f.boosters)?;
                check_weights(&origin, weights_of(&f.boosters), -0.9..=2.0)?;
                for list in [
                    &f.contrast,
                    &f.concession,
                    &f.enough,
                    &f.function,
                    &f.numerals.units,
                    &f.numerals.tens,
                    &f.fillers,
                ] {
                    check_list(&origin, list)?;
                }
                merge(&mut self.negators, f.negators);
                merge(&mut self.boosters, f.boosters);
                merge(&mut self.excess, f.excess);
                self.contrast.extend(f.contrast);
                self.concession.extend(f.concession);
                self.enough.extend(f.enough);
                self.function.extend(f.function);
                self.numerals.units.extend(f.numerals.units);
                self.numerals.tens.extend(f.numerals.tens);
                self.fillers.extend(f.fillers);
            }
            "symbols.toml" => {
                let f: SymbolsFile = parse(&origin)?;
                check_weights(&origin, weights_of(&f.symbols), WEIGHT)?;
                for (symbol, value) in &f.symbols {
                    if symbol.trim().is_empty() {
                        return Err(origin.error(value.span().start, "empty symbol"));
                    }
                }
                merge(&mut self.symbols, f.symbols);
            }
            "topics.toml" => {
                let f: TopicsFile = parse(&origin)?;
                let c = f.clauses;
                for list in [
                    &c.irrealis,
                    &c.not_praise,
                    &c.plain,
                    &c.anaphora,
                    &c.excused,
                    &c.feelings,
                    &c.people,
                ] {
                    check_list(&origin, list)?;
                }
                self.clauses.irrealis.extend(c.irrealis);
                self.clauses.not_praise.extend(c.not_praise);
                self.clauses.plain.extend(c.plain);
                self.clauses.anaphora.extend(c.anaphora);
                self.clauses.excused.extend(c.excused);
                self.clauses.feelings.extend(c.feelings);
                self.clauses.people.extend(c.people);
                self.clauses
                    .about
                    .extend(c.about.into_iter().map(|w| w.to_lowercase()));
                for (topic, cues) in f.topics {
                    for list in [
                        &cues.complaints,
                        &cues.judgements,
                        &cues.aspects,
                        &cues.actions,
                        &cues.virtues,
                        &cues.measures,
                    ] {
                        check_cues(&origin, list)?;
                    }
                    let slot = self.topics.entry(topic).or_default();
                    if !cues.why.is_empty() {
                        slot.why = cues.why;
                    }
                    slot.complaints.extend(cues.complaints);
                    slot.judgements.extend(cues.judgements);
                    slot.aspects.extend(cues.aspects);
                    slot.actions.extend(cues.actions);
                    slot.virtues.extend(cues.virtues);
                    slot.measures.extend(cues.measures);
                    slot.of_things |= cues.of_things;
                    slot.over.extend(cues.over);
                    slot.examples.extend(cues.examples);
                    slot.counter.extend(cues.counter);
                }
            }
            "business.toml" => {
                let f: BusinessFile = parse(&origin)?;
                let e = f.elsewhere;
                for list in [&e.cues, &e.places, &e.names_after, &e.not_names] {
                    check_list(&origin, list)?;
                }
                self.elsewhere.cues.extend(e.cues);
                self.elsewhere.places.extend(e.places);
                self.elsewhere.names_after.extend(e.names_after);
                self.elsewhere.not_names.extend(e.not_names);
                self.elsewhere.examples.extend(e.examples);
                check_list(&origin, &f.places.named)?;
                self.places.platforms.extend(f.places.platforms);
                self.places.topics.extend(f.places.topics);
                self.places.named.extend(f.places.named);
                for (kind, cues) in f.kinds {
                    check_list(&origin, &cues.cues)?;
                    let slot = self.visits.entry(kind).or_default();
                    slot.also.extend(cues.also);
                    slot.topics.extend(cues.topics);
                    slot.cues.extend(cues.cues);
                    slot.examples.extend(cues.examples);
                }
            }
            "escalation.toml" => {
                let f: BTreeMap<EscalationKind, EscalationCues> = parse(&origin)?;
                for (kind, cues) in f {
                    check_list(&origin, &cues.cues)?;
                    check_list(&origin, &cues.together.first)?;
                    check_list(&origin, &cues.together.second)?;
                    let slot = self.escalation.entry(kind).or_default();
                    slot.cues.extend(cues.cues);
                    slot.together.first.extend(cues.together.first);
                    slot.together.second.extend(cues.together.second);
                    slot.examples.extend(cues.examples);
                    slot.calm.extend(cues.calm);
                }
            }
            _ => {
                let f: ScoringFile = parse(&origin)?;
                for (key, value) in &f.scoring {
                    if !Params::knows(key) {
                        return Err(origin.error(
                            value.span().start,
                            format!(
                                "unknown scoring constant {key:?}; see the built-in scoring.toml"
                            ),
                        ));
                    }
                    if !value.get_ref().is_finite() {
                        return Err(origin.error(value.span().start, "not a finite number"));
                    }
                }
                merge(&mut self.scoring, f.scoring);
            }
        }
        Ok(())
    }
}
