//! The one scan of a text: an aho-corasick automaton over every literal
//! the rules require, answering "which rules could match here?".
//!
//! A rule is a candidate when each of its requirements has at least one of
//! its literals in the text. Literals compare ASCII case-insensitively, as
//! the rule patterns do. A rule without requirements is always a candidate.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

#[derive(Debug)]
pub(super) struct Prefilter {
    automaton: Option<AhoCorasick>,
    literals: usize,
    /// Per rule: its requirements, each a list of literal ids.
    needs: Vec<Vec<Vec<usize>>>,
}

impl Prefilter {
    pub fn new<'a>(
        rules: impl Iterator<Item = &'a Vec<Vec<String>>>,
    ) -> Result<Prefilter, aho_corasick::BuildError> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut literals: Vec<String> = Vec::new();
        let needs = rules
            .map(|required| {
                required
                    .iter()
                    .map(|set| {
                        set.iter()
                            .map(|literal| {
                                let key = literal.to_ascii_lowercase();
                                *ids.entry(key.clone()).or_insert_with(|| {
                                    literals.push(key);
                                    literals.len() - 1
                                })
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
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
            literals: literals.len(),
            needs,
        })
    }

    /// Indices of the rules that could match `text`, in rule order.
    pub fn candidates(&self, text: &str) -> impl Iterator<Item = usize> + '_ {
        let mut seen = vec![false; self.literals];
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(text) {
                seen[m.pattern().as_usize()] = true;
            }
        }
        self.needs.iter().enumerate().filter_map(move |(i, needs)| {
            needs
                .iter()
                .all(|set| set.iter().any(|&id| seen[id]))
                .then_some(i)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_candidates_only_when_every_requirement_is_met() {
        let rules = [
            vec![
                vec!["can".to_string(), "cannot".into()],
                vec!["until".into()],
            ],
            vec![vec!["calm".to_string()]],
            vec![],
        ];
        let filter = Prefilter::new(rules.iter()).unwrap();
        let found = |t: &str| filter.candidates(t).collect::<Vec<_>>();
        assert_eq!(found("We CANNOT ship UNTIL Monday"), [0, 2]);
        assert_eq!(found("we can ship today"), [2]);
        assert_eq!(found("please calm down"), [1, 2]);
    }
}
