//! The one scan of a text: an aho-corasick automaton over every literal
//! the rules require, answering "which rules could match, and where?".
//!
//! A rule is a candidate when each of its requirements has at least one of
//! its literals in the text. Literals compare ASCII case-insensitively, as
//! the rule patterns do. A rule without requirements is always a candidate.
//!
//! A rule whose matches never cross a sentence end
//! ([`crate::phrasebook::reach`]) is a candidate per sentence instead: it
//! runs only on the sentences that hold its literals, and only over them.
//! A draft of a dozen sentences then runs a handful of short searches
//! rather than every rule with a common word over the whole draft.

use crate::phrasebook::reach::sentence_ends;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// The Kelvin sign and the long s match `k` and `s` case-insensitively but
/// are not ASCII, so a literal the prefilter looks for can hide behind
/// them. A text holding one skips the prefilter: every rule runs on it.
const FOLDS_TO_ASCII: [char; 2] = ['\u{212A}', '\u{017F}'];

/// Literals shorter than this ("a", "i", "re", digits) occur in nearly
/// every sentence: a requirement offering one narrows nothing down and
/// costs a hit per occurrence, so it is left out.
const MIN_LITERAL: usize = 3;

/// What the engine knows of one rule to plan its searches.
pub(super) struct RuleLiterals<'a> {
    pub required: &'a [Vec<String>],
    pub within_sentence: bool,
}

#[derive(Debug)]
pub(super) struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// Per literal: the requirements it meets.
    meets: Vec<Vec<usize>>,
    /// Per requirement: its rule.
    owner: Vec<usize>,
    /// Per rule: how many requirements it has.
    needs: Vec<usize>,
    within_sentence: Vec<bool>,
    /// Rules without requirements: candidates everywhere.
    always: Vec<usize>,
}

/// Where to run which rule: a byte range of the text and a rule index.
pub(super) type Search = (Range<usize>, usize);

/// Per-text bookkeeping. Each group of literals (the whole text, then one
/// sentence after another) gets a new round number, so nothing is cleared.
struct Tally {
    round: usize,
    literal: Vec<usize>,
    requirement: Vec<usize>,
    /// Per rule: the round it was last counted in, and its requirements
    /// met in that round.
    rule: Vec<(usize, usize)>,
}

impl Prefilter {
    pub fn new<'a>(
        rules: impl Iterator<Item = RuleLiterals<'a>>,
    ) -> Result<Prefilter, aho_corasick::BuildError> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut literals: Vec<String> = Vec::new();
        let mut meets: Vec<Vec<usize>> = Vec::new();
        let (mut owner, mut needs, mut within_sentence) = (Vec::new(), Vec::new(), Vec::new());
        for (rule, literals_of) in rules.enumerate() {
            let useful = literals_of
                .required
                .iter()
                .filter(|set| set.iter().all(|literal| literal.len() >= MIN_LITERAL));
            let mut count = 0;
            for set in useful {
                let requirement = owner.len();
                owner.push(rule);
                count += 1;
                for literal in set {
                    let key = literal.to_ascii_lowercase();
                    let id = *ids.entry(key.clone()).or_insert_with(|| {
                        literals.push(key);
                        meets.push(Vec::new());
                        literals.len() - 1
                    });
                    if meets[id].last() != Some(&requirement) {
                        meets[id].push(requirement);
                    }
                }
            }
            needs.push(count);
            within_sentence.push(literals_of.within_sentence);
        }
        let always = (0..needs.len()).filter(|&rule| needs[rule] == 0).collect();
        let automaton = if literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&literals)?,
            )
        };
        Ok(Prefilter {
            automaton,
            meets,
            owner,
            needs,
            within_sentence,
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
            Some(automaton) => automaton
                .find_overlapping_iter(text)
                .map(|m| (m.start(), m.pattern().as_usize()))
                .collect(),
            None => Vec::new(),
        };
        hits.sort_unstable();
        let mut tally = Tally {
            round: 0,
            literal: vec![usize::MAX; self.meets.len()],
            requirement: vec![usize::MAX; self.owner.len()],
            rule: vec![(usize::MAX, 0); self.needs.len()],
        };

        // Rules that may cross sentences run on the whole text.
        for rule in self.candidates(&mut tally, hits.iter().map(|h| h.1), |rule| {
            !self.within_sentence[rule]
        }) {
            out.push((whole.clone(), rule));
        }

        // The others run on each sentence holding their literals.
        let mut hits = hits.iter().peekable();
        let mut start = 0;
        for end in sentence_ends(text).chain(std::iter::once(text.len())) {
            let range = start..end;
            start = end;
            let mut inside = Vec::new();
            while let Some(&&(at, id)) = hits.peek() {
                if at >= range.end {
                    break;
                }
                hits.next();
                inside.push(id);
            }
            for rule in self.candidates(&mut tally, inside.into_iter(), |rule| {
                self.within_sentence[rule]
            }) {
                out.push((range.clone(), rule));
            }
        }
    }

    /// The rules (with `wanted`) whose requirements `literals` all meet,
    /// and rules without requirements.
    fn candidates(
        &self,
        tally: &mut Tally,
        literals: impl Iterator<Item = usize>,
        wanted: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        tally.round += 1;
        let round = tally.round;
        let mut found: Vec<usize> = self.always.iter().copied().filter(|&r| wanted(r)).collect();
        for id in literals {
            if std::mem::replace(&mut tally.literal[id], round) == round {
                continue;
            }
            for &requirement in &self.meets[id] {
                if std::mem::replace(&mut tally.requirement[requirement], round) == round {
                    continue;
                }
                let rule = self.owner[requirement];
                let (last, met) = &mut tally.rule[rule];
                if *last != round {
                    (*last, *met) = (round, 0);
                }
                *met += 1;
                if *met == self.needs[rule] && wanted(rule) {
                    found.push(rule);
                }
            }
        }
        found
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
}
