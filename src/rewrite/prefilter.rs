//! The one scan of a text: an aho-corasick automaton over every literal
//! the rules require, answering "which rules could match, and where?".
//!
//! A rule is a candidate when each of its requirements has at least one of
//! its literals in the text. Literals compare ASCII case-insensitively, as
//! the rule patterns do, with the text's whitespace runs folded to one
//! space ([`Folded`]). A rule without requirements is always a candidate.
//!
//! A rule whose matches never cross a sentence end
//! ([`crate::phrasebook::reach`]) is a candidate per sentence instead: it
//! runs only on the sentences that hold its literals, and only over them.
//! A draft of a dozen sentences then runs a handful of short searches
//! rather than every rule with a common word over the whole draft.

use crate::phrasebook::folded::Folded;
use crate::phrasebook::literals;
use crate::phrasebook::reach::sentence_ends;
use crate::text::char_floor;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The Kelvin sign and the long s match `k` and `s` case-insensitively but
/// are not ASCII, so a literal the prefilter looks for can hide behind
/// them. A text holding one skips the prefilter: every rule runs on it.
const FOLDS_TO_ASCII: [char; 2] = ['\u{212A}', '\u{017F}'];

/// Literals are cut to this many bytes: any text holding a literal holds
/// its start too, and the automaton of short literals builds in a fraction
/// of the time, which a one-sentence `replywise rewrite` feels.
const MAX_LITERAL: usize = 12;

/// What the engine knows of one rule to plan its searches.
pub(super) struct RuleLiterals<'a> {
    pub required: &'a [Vec<String>],
    pub within_sentence: bool,
}

#[derive(Debug)]
pub(super) struct Prefilter {
    automaton: Option<Automaton>,
    /// Per literal: the requirements it meets, of the rules that may cross
    /// sentences (index 0) and of those that stay within one (index 1).
    meets: [Vec<Vec<usize>>; 2],
    /// Per requirement: its rule.
    owner: Vec<usize>,
    /// Per rule: how many requirements it has.
    needs: Vec<usize>,
    /// Rules without requirements, by the same index: candidates everywhere.
    always: [Vec<usize>; 2],
}

/// Texts scanned before the automaton is rebuilt as a DFA.
const TEXTS_BEFORE_DFA: usize = 64;

/// The literals' automaton. A DFA scans several times faster than the
/// default NFA but takes milliseconds to build, which a one-sentence
/// `replywise rewrite "..."` would feel; so the NFA serves the first
/// texts and a DFA, built once many texts have come, serves the rest.
/// Both find the same literals.
#[derive(Debug)]
struct Automaton {
    literals: Vec<String>,
    nfa: AhoCorasick,
    scanned: AtomicUsize,
    dfa: OnceLock<Option<AhoCorasick>>,
}

impl Automaton {
    fn new(literals: Vec<String>) -> Result<Automaton, aho_corasick::BuildError> {
        // The noncontiguous NFA builds fastest, and the first texts are
        // all it serves.
        let nfa = Automaton::builder()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&literals)?;
        Ok(Automaton {
            literals,
            nfa,
            scanned: AtomicUsize::new(0),
            dfa: OnceLock::new(),
        })
    }

    fn builder() -> AhoCorasickBuilder {
        let mut builder = AhoCorasick::builder();
        // The automaton's own prefilter only speeds up texts where literals
        // are rare, and every reply holds some: not worth its build time.
        builder
            .ascii_case_insensitive(true)
            .prefilter(false)
            .match_kind(MatchKind::Standard);
        builder
    }

    fn get(&self) -> &AhoCorasick {
        if self.scanned.load(Ordering::Relaxed) < TEXTS_BEFORE_DFA {
            self.scanned.fetch_add(1, Ordering::Relaxed);
            return &self.nfa;
        }
        let dfa = self.dfa.get_or_init(|| {
            let mut builder = Automaton::builder();
            builder.kind(Some(AhoCorasickKind::DFA));
            // Too many literals for a DFA: keep the NFA.
            builder.build(&self.literals).ok()
        });
        dfa.as_ref().unwrap_or(&self.nfa)
    }
}

/// Where to run which rule: a byte range of the text and a rule index.
pub(super) type Search = (Range<usize>, usize);

impl Prefilter {
    pub fn new<'a>(
        rules: impl Iterator<Item = RuleLiterals<'a>>,
    ) -> Result<Prefilter, aho_corasick::BuildError> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut literals: Vec<String> = Vec::new();
        let mut meets: [Vec<Vec<usize>>; 2] = [Vec::new(), Vec::new()];
        let (mut owner, mut needs, mut always) = (Vec::new(), Vec::new(), [Vec::new(), Vec::new()]);
        for (rule, literals_of) in rules.enumerate() {
            let useful = literals::worth_checking(literals_of.required);
            let kind = usize::from(literals_of.within_sentence);
            let mut count = 0;
            for set in useful {
                let requirement = owner.len();
                owner.push(rule);
                count += 1;
                for literal in set {
                    let key = literal[..char_floor(literal, MAX_LITERAL)].to_ascii_lowercase();
                    let id = *ids.entry(key.clone()).or_insert_with(|| {
                        literals.push(key);
                        meets.iter_mut().for_each(|m| m.push(Vec::new()));
                        literals.len() - 1
                    });
                    if meets[kind][id].last() != Some(&requirement) {
                        meets[kind][id].push(requirement);
                    }
                }
            }
            if count == 0 {
                always[kind].push(rule);
            }
            needs.push(count);
        }
        let automaton = if literals.is_empty() {
            None
        } else {
            Some(Automaton::new(literals)?)
        };
        Ok(Prefilter {
            automaton,
            meets,
            owner,
            needs,
            always,
        })
    }

    /// The searches worth running on `text`: each candidate rule with the
    /// whole text, or, if its matches stay within sentences, with each
    /// sentence that holds its literals. In no particular order.
    pub fn searches(&self, text: &str, out: &mut Vec<Search>) {
        out.clear();
        let whole = 0..text.len();
        if text.contains(FOLDS_TO_ASCII) {
            out.extend((0..self.needs.len()).map(|rule| (whole.clone(), rule)));
            return;
        }
        // Literal ids with the start of each occurrence, in text order.
        let mut hits: Vec<(usize, usize)> = match &self.automaton {
            Some(automaton) => {
                let folded = Folded::new(text);
                automaton
                    .get()
                    .find_overlapping_iter(folded.text.as_ref())
                    .map(|m| (folded.original(m.start()), m.pattern().as_usize()))
                    .collect()
            }
            None => Vec::new(),
        };
        hits.sort_unstable();
        let mut met = Vec::new();

        // Rules that may cross sentences run on the whole text.
        self.candidates(&mut met, &hits, 0, &whole, out);
        // The others run on each sentence holding their literals.
        if self.always[1].is_empty() && self.meets[1].iter().all(Vec::is_empty) {
            return;
        }
        let mut rest = &hits[..];
        let mut start = 0;
        for end in sentence_ends(text).chain(std::iter::once(text.len())) {
            let inside = rest.partition_point(|&(at, _)| at < end);
            self.candidates(&mut met, &rest[..inside], 1, &(start..end), out);
            rest = &rest[inside..];
            start = end;
        }
    }

    /// Adds `range` for the rules of `kind` (an index of `meets`) whose
    /// requirements the literals of `hits` all meet, and for those without
    /// requirements. `met` is scratch space.
    fn candidates(
        &self,
        met: &mut Vec<(usize, usize)>,
        hits: &[(usize, usize)],
        kind: usize,
        range: &Range<usize>,
        out: &mut Vec<Search>,
    ) {
        out.extend(self.always[kind].iter().map(|&rule| (range.clone(), rule)));
        // (rule, requirement) for every requirement a hit meets; a rule is
        // a candidate when all of its requirements appear.
        met.clear();
        for &(_, id) in hits {
            met.extend(
                self.meets[kind][id]
                    .iter()
                    .map(|&requirement| (self.owner[requirement], requirement)),
            );
        }
        met.sort_unstable();
        met.dedup();
        for group in met.chunk_by(|a, b| a.0 == b.0) {
            let rule = group[0].0;
            if group.len() == self.needs[rule] {
                out.push((range.clone(), rule));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter_of(rules: &[(Vec<Vec<String>>, bool)]) -> Prefilter {
        Prefilter::new(
            rules
                .iter()
                .map(|(required, within_sentence)| RuleLiterals {
                    required,
                    within_sentence: *within_sentence,
                }),
        )
        .unwrap()
    }

    fn searches(filter: &Prefilter, text: &str) -> Vec<Search> {
        let mut out = Vec::new();
        filter.searches(text, &mut out);
        out.sort_by_key(|(range, rule)| (*rule, range.start));
        out
    }

    #[test]
    fn rules_are_candidates_only_when_every_requirement_is_met() {
        let rules = [
            (
                vec![
                    vec!["can".to_string(), "cannot".into()],
                    vec!["until".into()],
                ],
                false,
            ),
            (vec![vec!["calm".to_string()]], false),
            (vec![], false),
        ];
        let filter = filter_of(&rules);
        let rules_for =
            |t: &str| -> Vec<usize> { searches(&filter, t).into_iter().map(|(_, r)| r).collect() };
        assert_eq!(rules_for("We CANNOT ship UNTIL Monday"), [0, 2]);
        assert_eq!(rules_for("we can ship today"), [2]);
        assert_eq!(rules_for("please calm down"), [1, 2]);
        let short = filter_of(&[(vec![vec!["a".to_string(), "calm".into()]], false)]);
        let mut out = Vec::new();
        short.searches("no", &mut out);
        assert_eq!(
            out,
            [(0..2, 0)],
            "a requirement with a short literal is dropped"
        );
    }

    #[test]
    fn sentence_bound_rules_run_on_the_sentences_holding_their_literals() {
        let rules = [
            (vec![vec!["can".to_string()], vec!["until".into()]], true),
            (vec![vec!["can".to_string()], vec!["until".into()]], false),
            (vec![], true),
        ];
        let filter = filter_of(&rules);
        let text = "We can ship. Not until May. We can wait until 5.30pm!";
        assert_eq!(
            searches(&filter, text),
            [
                (27..53, 0),
                (0..53, 1),
                (0..12, 2),
                (12..27, 2),
                (27..53, 2)
            ]
        );
        let kelvin = "We can ship. Not until May \u{212A}.";
        let whole = 0..kelvin.len();
        assert_eq!(
            searches(&filter, kelvin),
            [(whole.clone(), 0), (whole.clone(), 1), (whole, 2)],
            "a text with a non-ASCII fold runs every rule"
        );
    }

    #[test]
    fn the_dfa_finds_what_the_nfa_finds() {
        let rules = [
            (
                vec![
                    vec!["can't".to_string(), "cannot".into()],
                    vec!["until".into()],
                ],
                true,
            ),
            (vec![vec!["calm".to_string()], vec!["down".into()]], false),
        ];
        let filter = filter_of(&rules);
        let text = "We CANNOT ship until May. Calm down. We can\u{2019}t wait until then.";
        let first = searches(&filter, text);
        assert_eq!(first, [(0..25, 0), (0..text.len(), 1)]);
        for _ in 0..TEXTS_BEFORE_DFA {
            searches(&filter, text);
        }
        let automaton = filter.automaton.as_ref().unwrap();
        assert!(automaton.get().kind() == AhoCorasickKind::DFA);
        assert_eq!(searches(&filter, text), first);
    }
}
