//! What a phrasebook rule is once loaded: the closed sets (category, fix
//! kind, anchor) as enums, and the rule itself with its compiled patterns.

use super::pattern::{Guarded, LazyRegex};
use super::template::Template;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of wording the phrasebook knows. Each has its own rule file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// "can't X until Y" turned around into "can X as soon as Y".
    Conditions,
    /// Waiting and durations: say when, with the same numbers.
    Time,
    /// Policy and refusals: say what can be done instead.
    Refusals,
    /// Stock, opening hours, delivery areas: say when or where.
    Availability,
    /// Accusations: neutral, blame-free wording.
    Blame,
    /// Orders to the customer: requests instead.
    Commands,
    /// Dismissive phrases: an offer to help instead.
    BrushOffs,
    /// Words that weaken a reply before it starts.
    Softeners,
    /// Words for the customer's experience ("problem", "complaint").
    Wording,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Conditions,
        Category::Time,
        Category::Refusals,
        Category::Availability,
        Category::Blame,
        Category::Commands,
        Category::BrushOffs,
        Category::Softeners,
        Category::Wording,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Conditions => "conditions",
            Category::Time => "time",
            Category::Refusals => "refusals",
            Category::Availability => "availability",
            Category::Blame => "blame",
            Category::Commands => "commands",
            Category::BrushOffs => "brush-offs",
            Category::Softeners => "softeners",
            Category::Wording => "wording",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a rule's fix may be applied without a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    /// Safe to apply: the facts and the meaning stay the same.
    Auto,
    /// Needs a person, usually to fill a slot such as `[date]`.
    Suggest,
}

impl FixKind {
    pub fn name(self) -> &'static str {
        match self {
            FixKind::Auto => "auto",
            FixKind::Suggest => "suggest",
        }
    }
}

/// Where in a sentence a match may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// Anywhere on word boundaries.
    #[default]
    Anywhere,
    /// At the start of a clause: a sentence start, or after `,` `;` `:` or
    /// a dash. "you need to" is an order there, but not in "if you need to".
    Clause,
    /// Only at the start of a sentence.
    Sentence,
}

/// A before/after pair that the rule must rewrite exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub before: String,
    pub after: String,
    /// 1-based line in the rule file, for failure reports.
    pub line: usize,
}

/// A sentence the rule must leave alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keep {
    pub text: String,
    pub line: usize,
}

/// One rule, validated and compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id, kebab-case, unique in a phrasebook.
    pub id: String,
    pub category: Category,
    /// One line: why this wording hurts.
    pub message: String,
    /// The `find` pattern as written in the file.
    pub find_source: String,
    /// The pattern after central expansion (contractions, apostrophes,
    /// macros, word boundaries): what the matcher runs.
    pub find: LazyRegex,
    /// Literals a match must contain: each inner list is one requirement,
    /// met by any of its literals. Empty: always run the pattern.
    pub required: Vec<Vec<String>>,
    /// No match runs across a sentence end, so the engine may run the
    /// pattern sentence by sentence.
    pub within_sentence: bool,
    /// The fix first; every alternative is also offered as a suggestion.
    pub becomes: Vec<Template>,
    pub fix: FixKind,
    pub anchor: Anchor,
    /// A broad rule that stands only where no other rule found anything:
    /// it flags a class of wording (any negation) that the specific rules
    /// have no rewrite for.
    pub fallback: bool,
    /// Patterns that cancel a match when found in the same sentence.
    pub unless: Vec<Guarded>,
    pub unless_sources: Vec<String>,
    pub examples: Vec<Example>,
    pub keep: Vec<Keep>,
    /// Where the rule was defined: `file:line`.
    pub file: String,
    pub line: usize,
}
