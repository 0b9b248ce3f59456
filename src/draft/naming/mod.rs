//! Naming a complaint or a piece of praise in the reviewer's own words.
//!
//! A reply is specific and true at once only when it names what the
//! reviewer said as they said it: "We waited 45 minutes for our mains"
//! becomes "you waited 45 minutes for your mains". This module cuts the
//! clause around what triage found (the judged aspect, or the complaint
//! phrase), turns the reviewer's point of view into the reply's, and says
//! whether the words read as a clause ("that the fries were cold") or a
//! noun phrase ("about the long wait"). Anything it cannot name safely
//! (too long, addressed to "you", an insult) it declines; the caller then
//! says something plainer. The word lists are data, in
//! `phrasebook/replies/naming.toml`.

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use words::{capitalised_elsewhere, lower_elsewhere, quotes, replace_words, words, Word};

mod words;

/// How far around a complaint its clause is looked for, in bytes: well
/// past the longest clause a reply quotes.
const WINDOW: usize = 200;

/// How a named span fits into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A clause: "sorry to hear that {the fries were cold}".
    That,
    /// A noun phrase: "sorry to hear about {the long wait}".
    About,
}

/// What the span around a complaint is built on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The aspect comes first: "the fries were cold".
    AspectFirst,
    /// The judgement comes first: "cold fries".
    JudgementFirst,
    /// A judgement without its aspect in view, or a phrase that complains
    /// by itself ("never came back", "waited 45 minutes").
    Phrase,
}

/// The reviewer's words as a reply names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub text: String,
    pub form: Form,
    /// The bytes of the source the text was taken from.
    pub span: Range<usize>,
}

/// The word lists that naming runs on, as the data file gives them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Naming {
    breaks: Vec<String>,
    sentence_ends: Vec<String>,
    article: String,
    indefinite: HashSet<String>,
    reviewer_in_reply: String,
    verb_endings: Vec<String>,
    past_endings: Vec<String>,
    gerund_endings: Vec<String>,
    negators: HashSet<String>,
    negator_endings: Vec<String>,
    relatives: HashSet<String>,
    pronouns: HashSet<String>,
    neuter: HashSet<String>,
    subordinators: HashSet<String>,
    reviewer: HashSet<String>,
    happened: HashSet<String>,
    determiners: HashSet<String>,
    subjects: HashSet<String>,
    verbs: HashSet<String>,
    actor_verbs: HashSet<String>,
    person: Vec<[String; 2]>,
    agree: Vec<[String; 2]>,
    addressing: HashSet<String>,
    never_first: HashSet<String>,
    never_last: HashSet<String>,
    the_before: HashSet<String>,
    too_strong: Vec<String>,
    max_words: usize,
    tail_words: usize,
    /// Plain names of each topic, for complaints whose words cannot be quoted.
    pub topics: HashMap<String, String>,
    /// The kinds of business a plain name fits, where it does not fit all.
    pub topic_kinds: HashMap<String, Vec<crate::business::BusinessKind>>,
    #[serde(skip)]
    person_map: HashMap<String, String>,
    /// All `breaks` in one automaton, built once.
    #[serde(skip)]
    breaker: Option<aho_corasick::AhoCorasick>,
    /// `too_strong` split: single words, and phrases padded with spaces.
    #[serde(skip)]
    strong_words: HashSet<String>,
    #[serde(skip)]
    strong_phrases: Vec<String>,
}

impl Naming {
    /// Readies the lists for use; called once by the loader. The triage
    /// lexicon's aspect words are common nouns too ("Pasta was cold").
    pub fn prepare(mut self) -> Naming {
        self.the_before.extend(crate::triage::aspect_words());
        self.person_map = self
            .person
            .iter()
            .map(|[from, to]| (from.clone(), to.clone()))
            .collect();
        let (phrases, words): (Vec<&String>, Vec<&String>) =
            self.too_strong.iter().partition(|t| t.contains(' '));
        self.strong_words = words.into_iter().cloned().collect();
        self.breaker = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&self.breaks)
            .ok();
        self.strong_phrases = phrases.into_iter().map(|p| format!(" {p} ")).collect();
        self
    }

    fn is(&self, list: &HashSet<String>, word: &str) -> bool {
        list.contains(word)
    }

    fn is_verb(&self, word: &str) -> bool {
        self.is(&self.verbs, word)
            || ends_in(word, &self.verb_endings)
            || ends_in(word, &self.past_endings)
    }

    /// Whether `text` is the reviewer's opinion of themselves ("I hate to
    /// do a bad review") rather than an account of what happened ("we were
    /// stranded").
    pub fn is_opinion(&self, text: &str) -> bool {
        let mut ws = words(text, 0).into_iter().map(|w| w.lower);
        let first = ws.next().unwrap_or_default();
        let second = ws.next().unwrap_or_default();
        self.is(&self.reviewer, &first) && !self.is(&self.happened, &second)
    }

    /// Whether `text` starts with the reviewer speaking of themselves.
    pub fn starts_with_reviewer(&self, text: &str) -> bool {
        words(text, 0)
            .first()
            .is_some_and(|w| self.is(&self.reviewer, &w.lower))
    }

    /// Names the words at `focus` of `source` (the field of a complaint),
    /// shaped as `shape` says; the rest of `source` tells names from words
    /// that merely start a sentence.
    ///
    /// The whole clause is named when it reads as one ("the sticky rice
    /// balls were hard in the middle"); else the clause from the aspect to
    /// its judgement ("the fries were cold" out of "when they came the
    /// fries were cold"), or the judgement with its noun ("the cold fries").
    pub fn name(&self, source: &str, focus: Range<usize>, shape: Shape) -> Option<Named> {
        let focus = focus.start.min(source.len())..focus.end.min(source.len());
        if focus.is_empty()
            || !source.is_char_boundary(focus.start)
            || !source.is_char_boundary(focus.end)
        {
            return None;
        }
        // A focus that runs over a sentence end keeps its first sentence.
        let cut = self
            .sentence_ends
            .iter()
            .filter_map(|b| source[focus.clone()].find(b.as_str()))
            .min();
        let focus = match cut {
            Some(0) => return None,
            Some(at) => focus.start..focus.start + at,
            None => focus,
        };
        let (piece, open) = self.piece(source, focus.clone());
        if let Some(named) = (!open)
            .then(|| self.clause(source, piece.clone()))
            .flatten()
        {
            return Some(named);
        }
        let before = words(&source[piece.start..focus.start], piece.start);
        // The determiner of the aspect, a word or two before it.
        let det = before
            .iter()
            .rev()
            .take(2)
            .position(|w| self.is(&self.determiners, &w.lower))
            .map_or(focus.start, |back| {
                before[before.len() - 1 - back].range.start
            });
        match shape {
            Shape::AspectFirst => {
                // A short tail finishes the thought ("for our mains"); a long
                // one, or one that turns negative, is left out.
                let tail = words(&source[focus.end..piece.end], focus.end);
                let negative = tail.iter().any(|w| {
                    self.is(&self.negators, &w.lower) || ends_in(&w.lower, &self.negator_endings)
                });
                let stop = if tail.len() <= self.tail_words && !negative {
                    piece.end
                } else {
                    focus.end
                };
                self.clause(source, det..stop)
            }
            Shape::JudgementFirst => {
                // "cold fries", "very rude waiter": adjacent words only.
                let inner = words(&source[focus.clone()], focus.start);
                if inner.len() > 3
                    || inner
                        .iter()
                        .skip(1)
                        .any(|w| self.is(&self.never_first, &w.lower))
                {
                    return None;
                }
                self.phrase(source, det..focus.end)
            }
            // A short verbless clause around the phrase: "Smaller
            // portions, higher prices", a title's "Pushy upselling".
            Shape::Phrase => {
                let clause = words(&source[piece.clone()], piece.start);
                // "all wobbly": a lone judgement at the end names no noun.
                let lone = words(&source[focus.clone()], focus.start).len() == 1
                    && clause.last().is_some_and(|w| w.range.start >= focus.start);
                let whole = !open && clause.len() <= 4 && !lone;
                let verbless = !clause
                    .iter()
                    .any(|w| self.is_verb(&w.lower) || self.is(&self.subjects, &w.lower));
                let focus = piece.clone();
                (whole && verbless)
                    .then(|| self.phrase(source, focus))
                    .flatten()
            }
        }
    }

    /// Names a piece of praise: its clause ("the staff were so friendly")
    /// or, when short and verbless, its phrase ("the lovely cocktails");
    /// `focus` is the praising word. A verbless one that ends in it ("room
    /// nice") is neither.
    pub fn name_praise(
        &self,
        source: &str,
        span: Range<usize>,
        focus: Range<usize>,
    ) -> Option<Named> {
        let (start, end) = (span.start.min(source.len()), span.end.min(source.len()));
        if !source.is_char_boundary(start) || !source.is_char_boundary(end) || focus.is_empty() {
            return None;
        }
        // The clause of the praising word, inside the praise.
        let (piece, _) = self.piece(source, focus.clone());
        let whole = piece.start.max(start)..piece.end.min(end).max(piece.start.max(start));
        self.clause(source, whole.clone()).or_else(|| {
            let ws = words(&source[whole.clone()], whole.start);
            let verbless = !ws
                .iter()
                .any(|w| self.is_verb(&w.lower) || self.is(&self.subjects, &w.lower));
            let ends_praising = ws.last().is_some_and(|w| focus.contains(&w.range.start));
            (ws.len() <= 4 && verbless && !ends_praising)
                .then(|| self.phrase(source, whole))
                .flatten()
        })
    }

    /// The clause around `focus`: from the last break before it to the
    /// first break after it, looked for only as far as a quotable clause
    /// could reach; `open` when a side found none there.
    fn piece(&self, source: &str, focus: Range<usize>) -> (Range<usize>, bool) {
        let mut from = focus.start.saturating_sub(WINDOW);
        while !source.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (focus.end + WINDOW).min(source.len());
        while !source.is_char_boundary(to) {
            to += 1;
        }
        let Some(breaks) = self.breaker.as_ref() else {
            return (from..to, true);
        };
        let start = breaks
            .find_overlapping_iter(&source[from..focus.start])
            .map(|m| from + m.end())
            .max();
        let end = breaks
            .find_overlapping_iter(&source[focus.end..to])
            .map(|m| focus.end + m.start())
            .min();
        let open = (start.is_none() && from > 0) || (end.is_none() && to < source.len());
        (start.unwrap_or(from)..end.unwrap_or(to), open)
    }

    /// The words of `span`, trimmed, when they are safe to quote at all.
    fn quotable(&self, source: &str, span: Range<usize>) -> Option<(Range<usize>, Vec<Word>)> {
        let raw = &source[span.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let span = span.start + lead..span.start + raw.trim_end().len();
        let mut ws = words(&source[span.clone()], span.start);
        // "the polite though": a trailing connective is not part of it.
        while ws.len() > 1
            && ws
                .last()
                .is_some_and(|w| self.is(&self.never_last, &w.lower))
        {
            ws.pop();
        }
        let span = span.start..ws.last().map_or(span.end, |w| w.range.end.max(span.start));
        let text = &source[span.clone()];
        if ws.len() < 2
            || ws.len() > self.max_words
            || text.contains(['\n', '"', '“', '”', '?', '!'])
            || quotes(text)
        {
            return None;
        }
        if ws.iter().any(|w| self.is(&self.addressing, &w.lower))
            || self.is(&self.never_first, &ws[0].lower)
        {
            return None;
        }
        if ws.iter().any(|w| self.strong_words.contains(&w.lower)) {
            return None;
        }
        let mut joined = String::with_capacity(text.len() + 2);
        for w in &ws {
            joined.push(' ');
            joined.push_str(&w.lower);
        }
        joined.push(' ');
        (!self
            .strong_phrases
            .iter()
            .any(|p| joined.contains(p.as_str())))
        .then_some((span, ws))
    }

    /// `span` as a clause: a subject, then a verb within a few words; or
    /// the reviewer's own account without its subject ("waited an hour").
    fn clause(&self, source: &str, span: Range<usize>) -> Option<Named> {
        let (span, ws) = self.quotable(source, span)?;
        let first = &ws[0].lower;
        if self.is(&self.actor_verbs, first) {
            return self.finish(source, span, Form::That, Some(&self.reviewer_in_reply));
        }
        let pronoun = |w: &str| self.is(&self.subjects, w) || self.person_map.contains_key(w);
        let determiner = self.is(&self.determiners, first);
        let gerund = self
            .gerund_endings
            .iter()
            .any(|e| first.ends_with(e.as_str()));
        if self.is_verb(first) || (!pronoun(first) && !determiner && gerund) {
            return None;
        }
        // The main verb: a listed one, or an "-ed" word that is not an
        // adjective straight after a determiner ("the overcooked steak").
        let verb = ws.iter().enumerate().skip(1).position(|(i, w)| {
            self.is(&self.verbs, &w.lower)
                || ends_in(&w.lower, &self.verb_endings)
                || ((pronoun(first) || determiner)
                    && ends_in(&w.lower, &self.past_endings)
                    && !w.lower.contains('-')
                    && !self.is(&self.determiners, &ws[i - 1].lower))
        });
        let verb = verb.map(|v| v + 1)?;
        let between = &ws[1..verb];
        // "a doctor who specializes in…" has no verb of its own, and in
        // "bad I had to go" the subject comes after the first word.
        if between.iter().any(|w| {
            self.is(&self.relatives, &w.lower)
                || self.is(&self.pronouns, &w.lower)
                || self.is(&self.neuter, &w.lower)
                || self.person_map.contains_key(w.lower.as_str())
        }) {
            return None;
        }
        // "you dropped it off it became $1,400": a subject and a verb after
        // the first clause's run two clauses together.
        let run_on = ws.windows(3).any(|w| {
            (self.is(&self.pronouns, &w[1].lower) || self.is(&self.neuter, &w[1].lower))
                && self.is_verb(&w[2].lower)
                && !self.is(&self.subordinators, &w[0].lower)
        });
        if run_on && ws.len() > 3 {
            return None;
        }
        // "nobody called to update me I had to…": a second subject.
        let subjects = ws
            .iter()
            .skip(1)
            .filter(|w| self.is(&self.pronouns, &w.lower))
            .count()
            + usize::from(pronoun(first));
        if subjects > 1 {
            return None;
        }
        let reads = pronoun(first) || determiner || verb <= 2;
        // "and service was slow": a bare noun subject reads better with "the";
        // a capital could be a name, so those stay as written.
        let bare = !pronoun(first)
            && !determiner
            && (source[ws[0].range.clone()].starts_with(|c: char| c.is_lowercase())
                || self.is(&self.the_before, first)
                || lower_elsewhere(source, first));
        reads
            .then(|| self.finish(source, span, Form::That, bare.then_some(&self.article)))
            .flatten()
    }

    /// `span` as a noun phrase, with "the" when it has no determiner.
    fn phrase(&self, source: &str, span: Range<usize>) -> Option<Named> {
        let (span, ws) = self.quotable(source, span)?;
        let lead = !self.is(&self.determiners, &ws[0].lower);
        self.finish(source, span, Form::About, lead.then_some(&self.article))
    }

    /// Changes the point of view, mends agreement and case, and prefixes
    /// what the form needs.
    fn finish(
        &self,
        source: &str,
        span: Range<usize>,
        form: Form,
        lead: Option<&str>,
    ) -> Option<Named> {
        let raw = &source[span.clone()];
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        let upper = raw.chars().filter(|c| c.is_uppercase()).count();
        let shouting = letters >= 4 && upper * 10 >= letters * 6;
        let mut out = String::with_capacity(raw.len() + 8);
        if let Some(lead) = lead {
            out.push_str(lead);
            out.push(' ');
        }
        let mut last = span.start;
        for (n, w) in words(raw, span.start).iter().enumerate() {
            // A double space or a line break inside a quote is the
            // reviewer's typing, not their words.
            let gap = &source[last..w.range.start];
            if !gap.is_empty() && gap.chars().all(char::is_whitespace) {
                out.push(' ');
            } else {
                out.push_str(gap);
            }
            let original = &source[w.range.clone()];
            let word = match self.person_map.get(&w.lower) {
                Some(to) => to.clone(),
                None if shouting => w.lower.clone(),
                // A capital at the start is the sentence's when the word is
                // a common one (a word of the lists, a noun phrase's
                // adjective, or written in lower case elsewhere); else it
                // may be a name ("Tony was rude") and stays.
                // A determiner is never a name, wherever else it has a capital
                // ("comments: The staff were friendly").
                None if n == 0
                    && (self.is(&self.determiners, &w.lower)
                        || ((self.is(&self.subjects, &w.lower)
                            || self.is(&self.the_before, &w.lower)
                            || self.is(&self.actor_verbs, &w.lower)
                            || form == Form::About
                            || lower_elsewhere(source, &w.lower))
                            && !capitalised_elsewhere(source, original))) =>
                {
                    let mut chars = original.chars();
                    chars
                        .next()
                        .map(|c| c.to_lowercase().chain(chars).collect())
                        .unwrap_or_default()
                }
                None => original.to_string(),
            };
            out.push_str(&word);
            last = w.range.end;
        }
        out.push_str(&source[last..span.end]);
        let mut text = out.trim_end_matches([',', '.', ';', ':', ' ']).to_string();
        // "sorry to hear about a long wait" reads as any wait; it was theirs.
        if form == Form::About {
            if let Some((first, rest)) = text.split_once(' ') {
                if self.is(&self.indefinite, &first.to_lowercase()) {
                    text = format!("{} {rest}", self.article);
                }
            }
        }
        for [from, to] in &self.agree {
            text = replace_words(&text, from, to);
        }
        Some(Named { text, form, span })
    }
}

/// Whether `word` ends in one of `endings` with more than a letter before
/// it ("waited", not "bed").
fn ends_in(word: &str, endings: &[String]) -> bool {
    endings
        .iter()
        .any(|e| word.len() > e.len() + 1 && word.ends_with(e.as_str()))
}

#[cfg(test)]
mod tests;
