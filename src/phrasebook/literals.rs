//! What every match of a pattern must contain, read from its syntax tree,
//! so the engine can skip a rule without running (or even compiling) its
//! regex: the aho-corasick prefilter is built from these literals.
//!
//! A pattern yields a list of requirements, all of which a match must meet;
//! each requirement is a set of literals, one of which must occur. "can't
//! refund until" requires {can, cannot, cant} and {refund} and {until}.
//! Literals are lower case and compared ASCII case-insensitively, as the
//! patterns are. A pattern with no requirements is always a candidate.

use super::pattern::{with_placeholders, Macros, PLACEHOLDER};
use super::reach::{reach, Reach};
use regex_syntax::ast::{self, Ast, RepetitionKind, RepetitionRange};
use std::cell::RefCell;
use std::collections::HashMap;

/// Alternations with more literals than this are not worth requiring.
const MAX_SET: usize = 48;

/// What parsing a pattern tells the loader.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Each inner list: at least one of these literals occurs in a match.
    pub required: Vec<Vec<String>>,
    /// Named capture groups.
    pub names: Vec<String>,
    /// Number of capture groups, group 0 included.
    pub groups: usize,
    /// Whether a match may run across a sentence end.
    pub reach: Reach,
}

/// Parses `pattern` (no macros) and derives its requirements.
pub fn analyse(pattern: &str) -> Result<Analysis, String> {
    analyse_with(pattern, &[])
}

/// Analyses patterns with macros, parsing each macro body only once.
pub struct Analyser<'m> {
    macros: &'m Macros,
    cache: RefCell<HashMap<String, Analysis>>,
}

impl<'m> Analyser<'m> {
    pub fn new(macros: &'m Macros) -> Analyser<'m> {
        Analyser {
            macros,
            cache: RefCell::new(HashMap::new()),
        }
    }

    pub fn macros(&self) -> &'m Macros {
        self.macros
    }

    /// The analysis of a pattern as written in a rule file.
    pub fn analyse(&self, source: &str) -> Result<Analysis, String> {
        self.analyse_at(source, 0)
    }

    fn analyse_at(&self, source: &str, depth: usize) -> Result<Analysis, String> {
        if depth > 8 {
            return Err("macros nest more than 8 deep (does one use itself?)".into());
        }
        let (pattern, names) = with_placeholders(source, self.macros)?;
        let mut bodies = Vec::with_capacity(names.len());
        for name in &names {
            let cached = self.cache.borrow().get(name).cloned();
            let body = match cached {
                Some(body) => body,
                None => {
                    let text = self.macros.get(name).map(String::as_str).unwrap_or("");
                    let body = self
                        .analyse_at(text, depth + 1)
                        .map_err(|e| format!("in macro {{{name}}}: {e}"))?;
                    self.cache.borrow_mut().insert(name.clone(), body.clone());
                    body
                }
            };
            bodies.push(body);
        }
        analyse_with(&pattern, &bodies)
    }
}

/// `pattern` with placeholder characters standing for `macros`.
fn analyse_with(pattern: &str, macros: &[Analysis]) -> Result<Analysis, String> {
    let tree = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.kind().to_string())?;
    let mut analysis = Analysis {
        groups: 1,
        ..Analysis::default()
    };
    analysis.required = required(&tree, &mut analysis, macros);
    analysis.required.retain(|set| !set.is_empty());
    analysis.reach = reach(&tree, &|c| placeholder(c, macros).map(|m| m.reach));
    Ok(analysis)
}

/// The macro a placeholder character stands for.
fn placeholder(c: char, macros: &[Analysis]) -> Option<&Analysis> {
    let k = (c as u32).checked_sub(PLACEHOLDER)?;
    macros.get(usize::try_from(k).ok()?)
}

fn required(tree: &Ast, analysis: &mut Analysis, macros: &[Analysis]) -> Vec<Vec<String>> {
    match tree {
        Ast::Literal(literal) => match placeholder(literal.c, macros) {
            Some(body) => {
                // A macro is inserted as a group: its groups are ours.
                analysis.groups += body.groups - 1;
                analysis.names.extend(body.names.iter().cloned());
                body.required.clone()
            }
            None => vec![vec![literal.c.to_lowercase().collect()]],
        },
        Ast::Group(group) => {
            match &group.kind {
                ast::GroupKind::CaptureIndex(_) => analysis.groups += 1,
                ast::GroupKind::CaptureName { name, .. } => {
                    analysis.groups += 1;
                    analysis.names.push(name.name.clone());
                }
                ast::GroupKind::NonCapturing(_) => {}
            }
            required(&group.ast, analysis, macros)
        }
        Ast::Repetition(repetition) => {
            let inner = required(&repetition.ast, analysis, macros);
            let at_least_once = match &repetition.op.kind {
                RepetitionKind::OneOrMore => true,
                RepetitionKind::Range(
                    RepetitionRange::Exactly(n)
                    | RepetitionRange::AtLeast(n)
                    | RepetitionRange::Bounded(n, _),
                ) => *n >= 1,
                RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => false,
            };
            if at_least_once {
                inner
            } else {
                Vec::new()
            }
        }
        Ast::Concat(concat) => {
            let mut out = Vec::new();
            let mut run = String::new();
            for child in &concat.asts {
                if let Ast::Literal(literal) = child {
                    if placeholder(literal.c, macros).is_none() {
                        run.extend(literal.c.to_lowercase());
                        continue;
                    }
                }
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
                out.extend(required(child, analysis, macros));
            }
            if !run.is_empty() {
                out.push(vec![run]);
            }
            out
        }
        Ast::Alternation(alternation) => {
            let mut union: Vec<String> = Vec::new();
            let mut complete = true;
            for child in &alternation.asts {
                match best(required(child, analysis, macros)) {
                    Some(set) => union.extend(set),
                    None => complete = false,
                }
            }
            union.sort();
            union.dedup();
            if complete && union.len() <= MAX_SET {
                vec![union]
            } else {
                Vec::new()
            }
        }
        // Digits are literals too, so time rules wait for a number.
        Ast::ClassPerl(class) if class.kind == ast::ClassPerlKind::Digit && !class.negated => {
            vec![('0'..='9').map(String::from).collect()]
        }
        _ => Vec::new(),
    }
}

/// The most selective requirement: longest shortest literal, then fewest.
fn best(sets: Vec<Vec<String>>) -> Option<Vec<String>> {
    sets.into_iter()
        .filter(|s| !s.is_empty())
        .max_by_key(|set| {
            let shortest = set.iter().map(String::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_follow_concatenation_and_alternation() {
        let a = analyse(r"(?:can't|cannot)\s+(?P<act>\w+)\s+until").unwrap();
        assert_eq!(
            a.required,
            vec![
                vec!["can't".to_string(), "cannot".into()],
                vec!["until".into()]
            ]
        );
        assert_eq!(a.names, ["act"]);
        assert_eq!(a.groups, 2);
    }

    #[test]
    fn macros_are_analysed_once_and_count_their_groups() {
        let mut macros = Macros::new();
        macros.insert("day".into(), "(?P<day>monday|friday)".into());
        let analyser = Analyser::new(&macros);
        let a = analyser.analyse(r"(?P<x>until)\s+{day}").unwrap();
        assert_eq!(
            a.required,
            vec![
                vec!["until".to_string()],
                vec!["friday".into(), "monday".into()]
            ]
        );
        assert_eq!(a.names, ["x", "day"]);
        assert_eq!(a.groups, 3);
        assert!(analyser.analyse("{nope}").is_err());
    }

    #[test]
    fn optional_parts_and_classes_require_nothing() {
        let a = analyse(r"(?:please\s+)?calm\s+down[.!]*").unwrap();
        assert_eq!(
            a.required,
            vec![vec!["calm".to_string()], vec!["down".into()]]
        );
        let none = analyse(r"[a-z]+|\d").unwrap();
        assert!(none.required.is_empty());
        assert!(analyse("(unclosed").is_err());
    }
}
