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
use crate::phrasebook::template::{Piece, Template};
use crate::phrasebook::{pattern, Category, FixKind, LazyRegex, Phrasebook};
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
    /// The phrasebook's `polarity` words ("anything", "yet"), if it has them.
    polarity: Option<LazyRegex>,
    /// The phrasebook's `negator` and `refusing` words, if it has them.
    negator: Option<LazyRegex>,
    /// By active rule: its fix drops a softener (see [`Engine::drops_softener`]).
    drops_softener: Vec<bool>,
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
        // The named macros' words as one regex, `None` when the phrasebook
        // has none of them.
        let words = |names: &[&str]| -> Result<Option<LazyRegex>> {
            let present: Vec<String> = names
                .iter()
                .filter(|n| book.macros.contains_key(**n))
                .map(|n| format!("{{{n}}}"))
                .collect();
            if present.is_empty() {
                return Ok(None);
            }
            let expanded =
                pattern::expand(&present.join("|"), &book.macros).map_err(Error::Usage)?;
            Ok(Some(LazyRegex::new(expanded)))
        };
        let polarity = words(&["polarity"])?;
        let negator = words(&["negator", "refusing"])?;
        // A softener rule whose fix drops it: "sorry for the delay, but" →
        // "and" keeps the apology, so is not one.
        let wordless = |t: &Template| {
            t.pieces.iter().all(|p| match p {
                Piece::Literal(text) | Piece::IfGroup(_, text) => {
                    !text.contains(char::is_alphabetic)
                }
                Piece::Group(_) => true,
            })
        };
        let drops_softener = active
            .iter()
            .map(|&i| {
                let rule = &book.rules[i];
                rule.category == Category::Softeners && rule.becomes.first().is_some_and(wordless)
            })
            .collect();
        Ok(Engine {
            book,
            active,
            prefilter,
            zones,
            polarity,
            negator,
            drops_softener,
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
        self.scan(text, None, false)
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
    ///
    /// Sentence by sentence: a softener ("unfortunately", "sorry but")
    /// goes only together with a reframing of what it softened, so each
    /// sentence is rewritten with softeners free, and kept so only if a fix
    /// other than a softener's applied too ("I'm afraid you need to call"
    /// → "Please call"); otherwise it is rewritten with them held back.
    fn rewrite_promoting(&self, text: &str, promote: Option<usize>) -> Rewritten {
        let found = self.scan(text, promote, false);
        let findings: Vec<Finding> = found.iter().map(|c| self.finding(text, c)).collect();
        // Only a sentence with a fix to make, or a softener held back, is
        // rewritten; most have neither.
        let to_fix = |range: &std::ops::Range<usize>| {
            found.iter().any(|c| {
                range.contains(&c.range.start) && (c.fix == FixKind::Auto || self.drops_softener(c))
            })
        };
        if !to_fix(&(0..text.len() + 1)) {
            let remaining = match promote {
                None => findings.clone(),
                Some(_) => self.findings(text),
            };
            return Rewritten {
                text: text.to_string(),
                findings,
                remaining,
            };
        }
        let mut rewritten = String::with_capacity(text.len() + 32);
        // What is left, in the rewritten text's offsets, found sentence by
        // sentence: an unchanged sentence keeps what the first scan found.
        let mut left: Vec<Candidate> = Vec::new();
        for range in scan::sentences(text) {
            let at = rewritten.len();
            let sentence = &text[range.clone()];
            let reframes = found
                .iter()
                .any(|c| range.contains(&c.range.start) && c.fix == FixKind::Auto);
            let outcome = if to_fix(&range) {
                let (free, reframed, last) = self.passes(sentence, promote, true);
                if reframed {
                    Some((free, last))
                } else if reframes {
                    let (held, _, last) = self.passes(sentence, promote, false);
                    Some((held, last))
                } else {
                    None
                }
            } else {
                None
            };
            match outcome {
                Some((new, last)) => {
                    let last = last.unwrap_or_else(|| self.scan(&new, None, false));
                    left.extend(last.into_iter().map(|mut c| {
                        c.range = c.range.start + at..c.range.end + at;
                        c
                    }));
                    rewritten.push_str(&new);
                }
                None => {
                    left.extend(
                        found
                            .iter()
                            .filter(|c| range.contains(&c.range.start))
                            .map(|c| {
                                let mut c = c.clone();
                                c.range = c.range.start - range.start + at
                                    ..c.range.end - range.start + at;
                                if promote == Some(c.rule) {
                                    c.fix = self.book.rules[self.active[c.rule]].fix;
                                }
                                c
                            }),
                    );
                    rewritten.push_str(sentence);
                }
            }
        }
        Rewritten {
            remaining: left.iter().map(|c| self.finding(&rewritten, c)).collect(),
            text: rewritten,
            findings,
        }
    }

    /// `text` with every auto fix applied, scanning again after each round
    /// so a fix that reveals another gets it too; and whether a fix other
    /// than a softener's was among them.
    /// The last scan's candidates come back too when it found nothing to
    /// fix: they are what is left.
    fn passes(
        &self,
        text: &str,
        promote: Option<usize>,
        softeners: bool,
    ) -> (String, bool, Option<Vec<Candidate>>) {
        let mut current = text.to_string();
        let mut reframed = false;
        for pass in 0..MAX_PASSES {
            // A promoted suggestion is applied once: a fallback's keeps the
            // wording it found, which would match again.
            let found = self.scan(&current, promote.filter(|_| pass == 0), softeners);
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
                let left = (promote.is_none() || pass > 0).then_some(found);
                return (current, reframed, left);
            }
            reframed |= found
                .iter()
                .any(|c| c.fix == FixKind::Auto && !self.drops_softener(c));
            current = apply::apply(&current, &edits);
        }
        (current, reframed, None)
    }

    /// Whether a candidate drops a softener ("unfortunately" → "").
    fn drops_softener(&self, c: &Candidate) -> bool {
        self.drops_softener[c.rule]
    }

    /// The winning candidates in `text`; with `softeners` false, a fix that
    /// drops a softener is held back as a suggestion.
    fn scan(&self, text: &str, promote: Option<usize>, softeners: bool) -> Vec<Candidate> {
        let mut all = self.raw(text);
        if let Some(p) = promote {
            for c in all.iter_mut().filter(|c| c.rule == p) {
                c.fix = FixKind::Auto;
            }
        }
        let mut kept = scan::resolve(all);
        if !softeners {
            for c in kept.iter_mut() {
                if c.fix == FixKind::Auto && self.drops_softener(c) {
                    c.fix = FixKind::Suggest;
                }
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
        // Fallback rules last: a match of theirs that overlaps another
        // rule's is dropped before its groups are read.
        let mut searches: Vec<_> = searches
            .into_iter()
            .filter(|&(_, index)| index < rules)
            .collect();
        searches.sort_by_key(|&(_, index)| self.book.rules[self.active[index]].fallback);
        for (range, index) in searches {
            let rule = &self.book.rules[self.active[index]];
            let checks = scan::Checks {
                zones: &zones,
                beside: self.book.beside.get(&rule.category).map(String::as_str),
                polarity: self.polarity.as_ref(),
                negator: self.negator.as_ref(),
            };
            scan::candidates(text, range, rule, index, &checks, &mut all);
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
