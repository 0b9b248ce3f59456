//! The lexicon compiled into automata, and the one pass that turns a
//! review into tokens and sentences.
//!
//! Three matchers are built once: a word trie of the cues that score
//! (words, phrases, modifiers), an Aho-Corasick automaton of emoji and
//! emoticons (matched on the raw text, since normalisation turns
//! punctuation into spaces), and a word trie of topic and escalation cues
//! (kept apart so they never hide a scoring cue). Scanning a review is
//! linear in its length and reuses its buffers.

use super::complaints::Field;
use super::escalation::EscalationKind;
use super::language::English;
use super::lexicon::{Lexicon, Located};
use super::patterns::{expand, normalize_into, Shape};
use super::topics::Topic;
use super::trie::{curly_word_hash, word_hash, Fast, Trie, UNKNOWN};
use crate::error::Result;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

/// What a matched cue does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A sentiment word: weighed, open to negation and boosting.
    Word { weight: f32, negated: Option<f32> },
    /// A complaint phrase: weighs as written, never negated.
    Complaint(f32),
    /// Praise or an idiom that would mislead word by word.
    Praise(f32),
    /// Praise that turns into a complaint when a complaint follows in the
    /// same clause ("great job losing my order").
    Sarcasm(f32),
    /// An emoji or emoticon.
    Symbol(f32),
    /// A rating written in the text ("1 star", "2/10").
    Stars,
    /// Turns the next few words around; `lone` is its weight when there is
    /// nothing to turn ("no longer").
    Negator { lone: f32 },
    /// Scales the next sentiment word (positive: stronger, negative:
    /// weaker).
    Booster(f32),
    /// "too": strengthens a sentiment word, makes a plain one a complaint.
    Excess { lone: f32 },
    /// "but", "however": what follows weighs more than what went before.
    Contrast,
    /// "although", "despite": the clause it opens weighs less.
    Concession,
    /// "enough" ends a negation ("can't recommend it enough").
    Enough,
    /// A common English word with no sentiment, for language detection.
    Function,
}

/// A cue found in a review; offsets are bytes of the original text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Written in capitals in a review that is not all capitals.
    pub caps: bool,
}

/// A sentence: its span and the emphasis at its end.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub exclamations: u8,
}

/// What a topic, clause, visit or escalation cue points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A complaint about the topic by itself.
    Complaint(Topic),
    /// A judgement of the topic unless the clause names another aspect.
    Judgement(Topic),
    /// A word naming an aspect of the topic.
    Aspect(Topic),
    /// What the business should do, a complaint of the topic when negated.
    Action(Topic),
    /// A good quality of the topic, a complaint of it when denied.
    Virtue(Topic),
    /// An amount that judges only an aspect of its own topic.
    Measure(Topic),
    Escalation(EscalationKind),
    /// One of two words that escalate together in a sentence.
    Together(EscalationKind, Half),
    /// The clause is supposed or reported, not lived.
    Irrealis,
    /// The clause's good words praise nothing of the business now.
    NotPraise,
    /// The reviewer waves the gripe away.
    Excused,
    /// Holds a judgement word but judges nothing ("cold brew").
    Plain,
    /// A pronoun that may stand for an aspect named before ("it", "they").
    Anaphora,
    /// How the reviewer felt ("upset"), not what the thing was.
    Feeling,
    /// A word for a person ("she", "nobody").
    Person,
}

/// Which class of a pair of escalation cues a word is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    First,
    Second,
}

/// The tags of one cue, kept inline: a cue stands for one or a few things,
/// and tens of thousands of cue spellings are built at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Tags {
    tags: [Tag; Tags::MAX],
    len: u8,
}

impl Tags {
    const MAX: usize = 4;

    fn one(tag: Tag) -> Tags {
        Tags {
            tags: [tag; Tags::MAX],
            len: 1,
        }
    }

    /// Adds a tag (once); false when the cue already stands for as many
    /// things as a cue may.
    fn push(&mut self, tag: Tag) -> bool {
        let len = usize::from(self.len);
        if self.tags[..len].contains(&tag) {
            return true;
        }
        if len == Tags::MAX {
            return false;
        }
        self.tags[len] = tag;
        self.len += 1;
        true
    }

    fn as_slice(&self) -> &[Tag] {
        &self.tags[..usize::from(self.len)]
    }
}

/// A topic or escalation cue found in a review.
#[derive(Debug, Clone, Copy)]
pub struct TagHit {
    pub start: usize,
    pub end: usize,
    pub tag: Tag,
}

/// Per-review buffers, reused from review to review.
#[derive(Debug, Default)]
pub struct Scratch {
    pub text: String,
    pub norm: Vec<u8>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Offsets of clause breaks (commas, colons, dashes, brackets).
    pub breaks: Vec<usize>,
    pub tags: Vec<TagHit>,
    pub shape: Shape,
    /// Word spans of `norm`, and their ids in the vocabulary last used.
    pub words: Vec<(usize, usize)>,
    pub ids: Vec<u32>,
    pub tag_ids: Vec<u32>,
    /// The word (of `words`) of each of `tag_ids`: fillers are left out of
    /// those, so topic cues read across them.
    pub tag_words: Vec<u32>,
    /// How English the words look, for language detection.
    pub english: English,
    /// The title's length when the text starts with it (as "title. text").
    pub title_len: Option<usize>,
    /// The text holds a curly apostrophe, so words are hashed folding it.
    pub curly: bool,
}

impl Scratch {
    /// The hash of word `i` (of `words`), as cues are hashed.
    pub fn word_hash(&self, i: usize) -> u64 {
        let (a, b) = self.words[i];
        if self.curly {
            curly_word_hash(&self.norm[a..b])
        } else {
            word_hash(&self.norm[a..b])
        }
    }

    /// The field and field-relative byte span of a span of `text`.
    pub fn locate(&self, span: std::ops::Range<usize>) -> (Field, usize, usize) {
        match self.title_len {
            Some(t) if span.start < t => (Field::Title, span.start, span.end.min(t)),
            Some(t) => {
                let skip = (t + 2).min(span.start);
                (Field::Text, span.start - skip, span.end - skip)
            }
            None => (Field::Text, span.start, span.end),
        }
    }
}

/// A word of the lexicon: its id in the cue trie and in the tag trie (so
/// a review's words are looked up once), and whether it is a function
/// word.
#[derive(Debug, Clone, Copy)]
struct Word {
    cue: u32,
    tag: u32,
    function: bool,
    filler: bool,
}

const UNKNOWN_WORD: Word = Word {
    cue: UNKNOWN,
    tag: UNKNOWN,
    function: false,
    filler: false,
};

pub struct Matcher {
    /// Each word of either trie, by [`word_hash`].
    vocabulary: HashMap<u64, Word, Fast>,
    cues: Trie<Kind>,
    symbols: AhoCorasick,
    symbol_weights: Vec<f32>,
    /// A byte of each symbol: a text with none of them (most reviews)
    /// skips the symbol automaton.
    symbol_bytes: [bool; 256],
    tags: Trie<Tags>,
}

/// Adds every expansion of a lexicon entry; the first writer of a cue
/// wins, so the order of calls is the order of precedence.
fn add<T: Clone>(trie: &mut Trie<T>, raw: &str, value: T) -> Result<(), String> {
    for pattern in expand(raw)? {
        // An existing cue keeps its value: the first writer wins.
        let _ = trie.insert(&pattern, value.clone());
    }
    Ok(())
}

/// How common a byte is in review text, roughly: letters and spaces are
/// everywhere, then punctuation and the bytes of curly quotes and dashes
/// (E2 80 ..), then other UTF-8 continuation bytes; the rest (':', ';',
/// emoji lead bytes...) are rare.
fn commonness(b: u8) -> u8 {
    match b {
        b if b.is_ascii_alphanumeric() || b == b' ' => 3,
        b'.' | b',' | b'\'' | b'"' | b'!' | b'?' | b'-' | b'(' | b')' | 0xE2 | 0x80 => 2,
        0x81..=0xBF => 1,
        _ => 0,
    }
}

/// The rarest byte of each symbol: a text holding none of them holds no
/// symbol, which spares most reviews the symbol automaton.
fn symbol_bytes(patterns: &[String]) -> [bool; 256] {
    let mut table = [false; 256];
    for pattern in patterns {
        if let Some(b) = pattern.bytes().min_by_key(|&b| commonness(b)) {
            table[usize::from(b)] = true;
        }
    }
    table
}

fn symbol_automaton(patterns: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("symbols are plain strings, which always compile")
}

type Symbols = (Trie<Kind>, Vec<String>, Vec<f32>);

/// The trie of scoring cues, with the emoji and emoticons and their
/// weights.
fn cue_trie(lexicon: &Lexicon) -> Result<Symbols, String> {
    // Sized for the built-in lexicon (a user's adds to it).
    let mut cues = Trie::with_capacity(1800, 14_000);
    let weights = |map: &std::collections::BTreeMap<String, Located<f64>>| {
        map.iter()
            .map(|(k, v)| (k.clone(), *v.get_ref() as f32))
            .filter(|(_, w)| *w != 0.0)
            .collect::<Vec<_>>()
    };
    for (cue, w) in weights(&lexicon.sarcasm) {
        add(&mut cues, &cue, Kind::Sarcasm(w))?;
    }
    for (cue, w) in weights(&lexicon.praise) {
        add(&mut cues, &cue, Kind::Praise(w))?;
    }
    for (cue, w) in weights(&lexicon.complaints) {
        add(&mut cues, &cue, Kind::Complaint(w))?;
    }
    for cue in &lexicon.ratings {
        add(&mut cues, cue.get_ref(), Kind::Stars)?;
    }
    for (cue, lone) in lexicon.negators.iter() {
        add(
            &mut cues,
            cue,
            Kind::Negator {
                lone: *lone.get_ref() as f32,
            },
        )?;
    }
    for (cue, lone) in lexicon.excess.iter() {
        add(
            &mut cues,
            cue,
            Kind::Excess {
                lone: *lone.get_ref() as f32,
            },
        )?;
    }
    for (cue, w) in weights(&lexicon.boosters) {
        add(&mut cues, &cue, Kind::Booster(w))?;
    }
    for cue in &lexicon.contrast {
        add(&mut cues, cue.get_ref(), Kind::Contrast)?;
    }
    for cue in &lexicon.concession {
        add(&mut cues, cue.get_ref(), Kind::Concession)?;
    }
    for cue in &lexicon.enough {
        add(&mut cues, cue.get_ref(), Kind::Enough)?;
    }
    for (cue, entry) in &lexicon.words {
        let entry = *entry.get_ref();
        if entry.weight() != 0.0 {
            let kind = Kind::Word {
                weight: entry.weight() as f32,
                negated: entry.negated().map(|n| n as f32),
            };
            add(&mut cues, cue, kind)?;
        }
    }
    for cue in &lexicon.function {
        add(&mut cues, cue.get_ref(), Kind::Function)?;
    }

    let mut symbols = Vec::new();
    let mut symbol_weights = Vec::new();
    for (symbol, w) in weights(&lexicon.symbols) {
        symbols.push(symbol.trim().to_string());
        symbol_weights.push(w);
    }

    Ok((cues, symbols, symbol_weights))
}

/// The trie of topic, clause and escalation cues.
fn tag_trie(lexicon: &Lexicon) -> Result<Trie<Tags>, String> {
    let mut tags: Trie<Tags> = Trie::with_capacity(2200, 28_000);
    let mut add_tag = |raw: &str, tag: Tag| -> Result<(), String> {
        for pattern in expand(raw)? {
            if let Err(i) = tags.insert(&pattern, Tags::one(tag)) {
                if !tags.values[i].push(tag) {
                    return Err(format!(
                        "{pattern:?} stands for more than {} topics, clauses or escalations",
                        Tags::MAX
                    ));
                }
            }
        }
        Ok(())
    };
    for (kind, cues) in &lexicon.escalation {
        for cue in &cues.cues {
            add_tag(cue.get_ref(), Tag::Escalation(*kind))?;
        }
        for (half, list) in [
            (Half::First, &cues.together.first),
            (Half::Second, &cues.together.second),
        ] {
            for cue in list {
                add_tag(cue.get_ref(), Tag::Together(*kind, half))?;
            }
        }
    }
    for (topic, cues) in &lexicon.topics {
        for cue in &cues.complaints {
            add_tag(cue.get_ref().cue(), Tag::Complaint(*topic))?;
        }
        for cue in &cues.judgements {
            add_tag(cue.get_ref().cue(), Tag::Judgement(*topic))?;
        }
        for cue in &cues.aspects {
            add_tag(cue.get_ref().cue(), Tag::Aspect(*topic))?;
        }
        for cue in &cues.actions {
            add_tag(cue.get_ref().cue(), Tag::Action(*topic))?;
        }
        for cue in &cues.virtues {
            add_tag(cue.get_ref().cue(), Tag::Virtue(*topic))?;
        }
        for cue in &cues.measures {
            add_tag(cue.get_ref().cue(), Tag::Measure(*topic))?;
        }
    }
    let clauses = [
        (&lexicon.clauses.irrealis, Tag::Irrealis),
        (&lexicon.clauses.not_praise, Tag::NotPraise),
        (&lexicon.clauses.excused, Tag::Excused),
        (&lexicon.clauses.plain, Tag::Plain),
        (&lexicon.clauses.anaphora, Tag::Anaphora),
        (&lexicon.clauses.feelings, Tag::Feeling),
        (&lexicon.clauses.people, Tag::Person),
    ];
    for (cues, tag) in clauses {
        for cue in cues {
            add_tag(cue.get_ref(), tag)?;
        }
    }
    Ok(tags)
}

/// Gives each word of `list` a meaning in topic cues by `set`. Such a word
/// must not be a word of a topic cue itself, whose meaning it would lose:
/// `refusal` says what to do instead.
fn reread_words(
    list: &[Located<String>],
    vocabulary: &mut HashMap<u64, Word, Fast>,
    refusal: &str,
    set: impl Fn(&mut Word),
) -> Result<(), String> {
    for raw in list {
        for word in expand(raw.get_ref())? {
            let entry = vocabulary
                .entry(word_hash(word.as_bytes()))
                .or_insert(UNKNOWN_WORD);
            if entry.tag != UNKNOWN {
                return Err(format!("{word:?} is a word of a topic cue: {refusal}"));
            }
            set(entry);
        }
    }
    Ok(())
}

/// Number words read as the digits `#` stands for in a topic or
/// escalation cue ("queued for twenty minutes" matches "queued for #
/// minutes"): each takes the tag id of a number as long as the words it
/// stands for. The scorer's cues keep the words as words ("two stars" is
/// not "2 stars" to them). Fillers are skipped by topic cues ("didn't even
/// look up" is "didn't look up").
fn reread(lexicon: &Lexicon, vocabulary: &mut HashMap<u64, Word, Fast>) -> Result<(), String> {
    for (list, digits) in [
        (&lexicon.numerals.units, "0"),
        (&lexicon.numerals.tens, "00"),
    ] {
        if let Some(number) = vocabulary.get(&word_hash(digits.as_bytes())).map(|w| w.tag) {
            let refusal = "a numeral must not be one, write # in the cue";
            reread_words(list, vocabulary, refusal, |w| w.tag = number)?;
        }
    }
    let refusal = "a filler must not be one, drop it from the cue";
    reread_words(&lexicon.fillers, vocabulary, refusal, |w| w.filler = true)
}

impl Matcher {
    /// Compiles a lexicon. Pattern errors were reported while loading, so
    /// a failure here is an entry the loader let through: it is named.
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, String> {
        let (mut cues, symbols, symbol_weights) = cue_trie(lexicon)?;
        let mut tags = tag_trie(lexicon)?;
        let mut vocabulary: HashMap<u64, Word, Fast> = HashMap::default();
        for (hash, id) in cues.vocabulary() {
            vocabulary.entry(hash).or_insert(UNKNOWN_WORD).cue = id;
        }
        for (hash, id) in tags.vocabulary() {
            vocabulary.entry(hash).or_insert(UNKNOWN_WORD).tag = id;
        }
        for cue in &lexicon.function {
            for word in expand(cue.get_ref())? {
                // Every function word is a cue, so it has an entry.
                if let Some(entry) = vocabulary.get_mut(&word_hash(word.as_bytes())) {
                    entry.function = true;
                }
            }
        }
        reread(lexicon, &mut vocabulary)?;
        vocabulary.shrink_to_fit();
        cues.freeze();
        tags.freeze();
        Ok(Matcher {
            vocabulary,
            cues,
            symbols: symbol_automaton(&symbols),
            symbol_bytes: symbol_bytes(&symbols),
            symbol_weights,
            tags,
        })
    }

    /// Fills `s` from `title` and `text` (read as "title. text").
    pub fn scan(&self, title: Option<&str>, text: &str, s: &mut Scratch) {
        s.text.clear();
        s.title_len = None;
        if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
            s.title_len = Some(title.len());
            s.text.push_str(title);
            if !text.is_empty() {
                s.text.push_str(". ");
            }
        }
        s.text.push_str(text);
        s.shape = normalize_into(&s.text, &mut s.norm, &mut s.words);
        split_sentences(&s.text, &mut s.sentences, &mut s.breaks);
        let shouting = s.shape.upper > s.shape.lower;

        s.tokens.clear();
        s.ids.clear();
        s.tag_ids.clear();
        s.tag_words.clear();
        s.english = English::default();
        s.curly = s.text.contains('\u{2019}');
        for i in 0..s.words.len() {
            let word = self
                .vocabulary
                .get(&s.word_hash(i))
                .copied()
                .unwrap_or(UNKNOWN_WORD);
            s.english.function += u32::from(word.function);
            s.ids.push(word.cue);
            if !word.filler {
                s.tag_ids.push(word.tag);
                s.tag_words.push(i as u32);
            }
        }
        let mut i = 0;
        while i < s.words.len() {
            let Some((len, value)) = self.cues.longest(&s.ids[i..]) else {
                i += 1;
                continue;
            };
            // `norm` is the text shifted one byte right.
            let (start, end) = (s.words[i].0 - 1, s.words[i + len - 1].1 - 1);
            let caps = !shouting && is_caps(&s.text.as_bytes()[start..end]);
            s.english.known += len as u32;
            s.tokens.push(Token {
                start,
                end,
                kind: self.cues.values[value],
                caps,
            });
            i += len;
        }
        let before = s.tokens.len();
        if !s.text.bytes().any(|b| self.symbol_bytes[usize::from(b)]) {
            return;
        }
        for m in self.symbols.find_iter(&s.text) {
            if symbol_stands_alone(&s.text, m.start(), m.end()) {
                s.tokens.push(Token {
                    start: m.start(),
                    end: m.end(),
                    kind: Kind::Symbol(self.symbol_weights[m.pattern().as_usize()]),
                    caps: false,
                });
            }
        }
        if s.tokens.len() > before && before > 0 {
            s.tokens.sort_by_key(|t| t.start);
        }
    }

    /// Finds topic and escalation cues in the text `scan` prepared.
    pub fn scan_tags(&self, s: &mut Scratch) {
        s.tags.clear();
        let mut i = 0;
        while i < s.tag_ids.len() {
            let Some((len, value)) = self.tags.longest(&s.tag_ids[i..]) else {
                i += 1;
                continue;
            };
            let word = |k: usize| s.words[s.tag_words[k] as usize];
            let (start, end) = (word(i).0 - 1, word(i + len - 1).1 - 1);
            for &tag in self.tags.values[value].as_slice() {
                s.tags.push(TagHit { start, end, tag });
            }
            i += len;
        }
    }

    /// The number of scoring patterns, for diagnostics and tests.
    pub fn pattern_count(&self) -> usize {
        self.cues.len()
    }
}

/// All letters upper case, at least two of them ("NEVER", not "I" or "A").
fn is_caps(word: &[u8]) -> bool {
    let letters = word.iter().filter(|b| b.is_ascii_alphabetic()).count();
    letters >= 2 && !word.iter().any(u8::is_ascii_lowercase)
}

/// Emoticons made of punctuation must not be part of a word or number
/// ("http://", "x:D"); emoji stand alone anyway.
fn symbol_stands_alone(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    if !bytes[start].is_ascii() {
        return true;
    }
    let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    let after_ok = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
    before_ok && after_ok
}

/// Sentence spans (ended by . ! ? ; or a line break) and clause breaks.
/// A full stop between digits ("3.5") or after a one-letter word ("e.g.")
/// ends nothing.
fn split_sentences(text: &str, sentences: &mut Vec<Sentence>, breaks: &mut Vec<usize>) {
    sentences.clear();
    breaks.clear();
    let bytes = text.as_bytes();
    let mut current = Sentence::default();
    let mut ended = false;
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b'!' => {
                current.exclamations = current.exclamations.saturating_add(1);
                true
            }
            b'?' | b';' | b'\n' => true,
            b'.' => {
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                let initial = i >= 2
                    && bytes[i - 1].is_ascii_alphabetic()
                    && !bytes[i - 2].is_ascii_alphabetic();
                !(initial || digit_before && digit_after)
            }
            b',' | b':' | b'(' | b')' | b'-' if b != b'-' || bytes.get(i + 1) == Some(&b' ') => {
                breaks.push(i);
                false
            }
            _ => false,
        };
        if ends {
            ended = true;
        } else if ended && !b.is_ascii_whitespace() {
            current.end = i;
            sentences.push(current);
            current = Sentence {
                start: i,
                ..Sentence::default()
            };
            ended = false;
        }
    }
    current.end = bytes.len();
    if current.end > current.start {
        sentences.push(current);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<(String, u8)> {
        let mut s = Vec::new();
        let mut b = Vec::new();
        split_sentences(text, &mut s, &mut b);
        s.iter()
            .map(|x| (text[x.start..x.end].trim().to_string(), x.exclamations))
            .collect()
    }

    #[test]
    fn english_words_are_counted_whole_phrases_and_function_words() {
        let lexicon = Lexicon::builtin().unwrap();
        let matcher = Matcher::new(&lexicon).unwrap();
        let mut s = Scratch::default();
        matcher.scan(
            None,
            "Delivery arrived a day early. Can't recommend it enough!",
            &mut s,
        );
        assert_eq!(s.words.len(), 9);
        // "a" is a function word, "can't recommend it enough" one praise
        // cue of four words, of which "it" is a function word too.
        assert_eq!(s.english.known, 5, "{:?}", s.tokens);
        assert_eq!(s.english.function, 2);
    }

    #[test]
    fn every_symbol_keeps_a_byte_in_the_prefilter() {
        let symbols = [":'(", "😀", "-_-", "xD", "❤"].map(String::from);
        let table = symbol_bytes(&symbols);
        for symbol in &symbols {
            assert!(symbol.bytes().any(|b| table[usize::from(b)]), "{symbol:?}");
        }
        // Apostrophes and dashes are everywhere; ':' and '_' are not.
        assert!(table[usize::from(b':')] && table[usize::from(b'_')]);
        assert!(!table[usize::from(b'\'')] && !table[usize::from(b'-')]);
    }

    #[test]
    fn sentences_split_on_stops_but_not_decimals() {
        let got = sentences("Rated 3.5 by e.g. me. Awful!!! Never again? ok");
        assert_eq!(
            got,
            [
                ("Rated 3.5 by e.g. me.".to_string(), 0),
                ("Awful!!!".to_string(), 3),
                ("Never again?".to_string(), 0),
                ("ok".to_string(), 0),
            ]
        );
    }
}
