//! The rewrite engine: finds "can't" wording in a text and rewrites it
//! into "can" wording with a [`Phrasebook`].
//!
//! All rules are compiled once into one aho-corasick automaton over the
//! literals their matches must contain ([`crate::phrasebook::literals`]),
//! so a text is scanned once to learn which rules could match, and in
//! which sentences; only those rules then run their own regex (compiled on
//! first use, then kept) for positions and groups, over those sentences.
//! Auto fixes are applied
//! without overlaps and the text is scanned again, up to a fixed bound, so
//! a fix that reveals another gets it too. Suggestions are reported, never
//! applied: they need a person.

mod apply;
mod examples;
mod prefilter;
mod record;
mod scan;
#[cfg(test)]
mod tests;
mod zones;

pub use examples::{check_examples, ExampleFailure};
pub use record::{check_record, rewrite_record};

use crate::error::{Error, Result};
use crate::phrasebook::{Category, FixKind, Phrasebook};
use apply::Edit;
use prefilter::{Prefilter, RuleLiterals};
use scan::{Candidate, LazyZones};
use serde::Serialize;
use std::sync::OnceLock;
use zones::ZoneFinder;

/// Rewriting stops after this many passes even if fixes keep appearing;
/// a phrasebook whose rules undo each other must not hang the tool.
const MAX_PASSES: usize = 6;

/// One piece of wording a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub category: Category,
    pub fix: FixKind,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    /// 1-based; the column counts characters.
    pub line: usize,
    pub column: usize,
    pub matched: String,
    pub message: String,
    /// The fix first, then alternatives. Slots like `[date]` are for a
    /// person to fill.
    pub suggestions: Vec<String>,
    /// Found by a fallback rule: a class of wording (a negation) with no
    /// specific rewrite. Lints report it; a reply quoting a reviewer's own
    /// "wasn't" need not avoid it.
    #[serde(skip)]
    pub fallback: bool,
}

/// The result of rewriting one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub text: String,
    /// What was found in the original text (auto fixes have been applied).
    pub findings: Vec<Finding>,
    /// What is still there in the rewritten text: suggestions for a person.
    pub remaining: Vec<Finding>,
}

impl Rewritten {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// A compiled phrasebook, ready to scan any number of texts.
#[derive(Debug)]
pub struct Engine {
    book: Phrasebook,
    /// Indices into `book.rules` of the enabled rules, in prefilter order.
    active: Vec<usize>,
    prefilter: Prefilter,
    zones: ZoneFinder,
}

impl Engine {
    pub fn new(book: Phrasebook) -> Result<Engine> {
        let active: Vec<usize> = book
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| !book.disabled.contains(&r.id))
            .map(|(i, _)| i)
            .collect();
        // One scan finds the literals of rules and idioms alike: idiom k
        // is entry `active.len() + k`.
        let rules = active.iter().map(|&i| RuleLiterals {
            required: &book.rules[i].required,
            within_sentence: book.rules[i].within_sentence,
        });
        let idioms = book.idioms.iter().map(|idiom| RuleLiterals {
            required: &idiom.required,
            within_sentence: false,
        });
        let prefilter = Prefilter::new(rules.chain(idioms)).map_err(|e| {
            Error::Usage(format!(
                "the phrasebook's literals do not build a matcher: {e}"
            ))
        })?;
        let zones = ZoneFinder::new(book.idioms.clone(), &book.protect);
        Ok(Engine {
            book,
            active,
            prefilter,
            zones,
        })
    }

    /// The engine for the built-in phrasebook, built on first use.
    pub fn builtin() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| {
            Engine::new(Phrasebook::builtin()).expect("the built-in phrasebook compiles (tested)")
        })
    }

    pub fn phrasebook(&self) -> &Phrasebook {
        &self.book
    }

    /// Everything the phrasebook finds in `text`, without changing it.
    pub fn findings(&self, text: &str) -> Vec<Finding> {
        self.scan(text, None)
            .iter()
            .map(|c| self.finding(text, c))
            .collect()
    }

    /// `text` with every auto fix applied.
    pub fn rewrite(&self, text: &str) -> Rewritten {
        self.rewrite_promoting(text, None)
    }

    /// Rewrites with the rule `promote` (an index into the active rules)
    /// treated as an auto fix: how a suggestion's example is checked.
    fn rewrite_promoting(&self, text: &str, promote: Option<usize>) -> Rewritten {
        let mut current = text.to_string();
        let mut findings = None;
        for pass in 0..MAX_PASSES {
            // A promoted suggestion is applied once: a fallback's keeps the
            // wording it found, which would match again.
            let found = self.scan(&current, promote.filter(|_| pass == 0));
            if findings.is_none() {
                findings = Some(found.iter().map(|c| self.finding(&current, c)).collect());
            }
            let edits: Vec<Edit> = found
                .iter()
                .filter(|c| c.fix == FixKind::Auto)
                .filter_map(|c| {
                    Some(Edit {
                        range: c.range.clone(),
                        replacement: c.replacements.first()?,
                    })
                })
                .collect();
            if edits.is_empty() {
                return Rewritten {
                    remaining: found.iter().map(|c| self.finding(&current, c)).collect(),
                    text: current,
                    findings: findings.unwrap_or_default(),
                };
            }
            current = apply::apply(&current, &edits);
        }
        Rewritten {
            remaining: self.findings(&current),
            text: current,
            findings: findings.unwrap_or_default(),
        }
    }

    /// A softener ("sorry but", "unfortunately") goes only together with
    /// the refusal it softens: while a suggestion still stands in its
    /// sentence, dropping it alone would leave the refusal harsher.
    fn softens_a_refusal(&self, text: &str, c: &Candidate, found: &[Candidate]) -> bool {
        if self.book.rules[self.active[c.rule]].category != Category::Softeners {
            return false;
        }
        let sentence = scan::sentence_around(text, &c.range);
        found.iter().any(|other| {
            other.fix != FixKind::Auto
                && sentence.start <= other.range.start
                && other.range.start < sentence.end
        })
    }

    /// The winning candidates in `text`.
    fn scan(&self, text: &str, promote: Option<usize>) -> Vec<Candidate> {
        let mut all = self.raw(text);
        if let Some(p) = promote {
            for c in all.iter_mut().filter(|c| c.rule == p) {
                c.fix = FixKind::Auto;
            }
        }
        let mut kept = scan::resolve(all);
        let held: Vec<bool> = kept
            .iter()
            .map(|c| c.fix == FixKind::Auto && self.softens_a_refusal(text, c, &kept))
            .collect();
        for (c, held) in kept.iter_mut().zip(held) {
            if held {
                c.fix = FixKind::Suggest;
            }
        }
        kept
    }

    /// Every candidate in `text`, overlapping ones included.
    fn raw(&self, text: &str) -> Vec<Candidate> {
        let mut searches = Vec::new();
        self.prefilter.searches(text, &mut searches);
        let rules = self.active.len();
        let mut idioms: Vec<usize> = searches
            .iter()
            .filter_map(|&(_, index)| index.checked_sub(rules))
            .collect();
        // In idiom order, as zones are reported.
        idioms.sort_unstable();
        let zones = LazyZones {
            finder: &self.zones,
            text,
            idioms: &idioms,
            zones: Default::default(),
        };
        let mut all = Vec::new();
        for (range, index) in searches.into_iter().filter(|&(_, index)| index < rules) {
            let rule = &self.book.rules[self.active[index]];
            let beside = self.book.beside.get(&rule.category).map(String::as_str);
            scan::candidates(text, range, rule, index, &zones, beside, &mut all);
        }
        all
    }

    fn finding(&self, text: &str, c: &Candidate) -> Finding {
        let rule = &self.book.rules[self.active[c.rule]];
        let (line, column) = crate::text::line_column(text, c.range.start);
        Finding {
            rule: rule.id.clone(),
            category: rule.category,
            fix: c.fix,
            start: c.range.start,
            end: c.range.end,
            line,
            column,
            matched: text[c.range.clone()].to_string(),
            message: rule.message.clone(),
            suggestions: c.replacements.clone(),
            fallback: c.fallback,
        }
    }
}
