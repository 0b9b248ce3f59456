//! What every match of a pattern must contain, read from its syntax tree,
//! so the engine can skip a rule without running (or even compiling) its
//! regex: the aho-corasick prefilter is built from these literals.
//!
//! A pattern yields a list of requirements, all of which a match must meet;
//! each requirement is a set of literals, one of which must occur. "can't
//! refund until" requires {can, cannot, cant} and {refund} and {until}.
//! Literals are lower case and compared ASCII case-insensitively, as the
//! patterns are, against the text with its whitespace runs folded to one
//! space ([`super::folded`]), so `have\s+to` requires "have to" and
//! `can't` requires one of its three apostrophes, not just "can". A
//! pattern with no requirements is always a candidate.

use super::pattern::{with_placeholders, Macros, PLACEHOLDER};
use super::reach::{reach, Reach};
use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};
use std::cell::RefCell;
use std::collections::HashMap;

/// Alternations with more literals than this are not worth requiring.
const MAX_SET: usize = 24;

/// Character classes with more characters than this are not spelled out.
const MAX_CLASS: usize = 10;

/// Requirements kept per branch of an alternation; the product of two
/// branches' keeps at most the square of this.
const BRANCH_REQUIREMENTS: usize = 2;

/// The cost of a word of four letters or more that is not an everyday
/// one: rare enough to stand for a phrase holding it.
const RARE: usize = 4;

/// The cost of one everyday word.
const EVERYDAY: usize = 64;

/// The cost of a requirement not worth checking.
pub const TOO_COMMON: usize = 1000;

/// Words a reply holds so often that requiring one narrows little.
const COMMON: &[&str] = &[
    "all", "and", "are", "but", "can", "for", "from", "get", "have", "help", "not", "our", "out",
    "please", "the", "thank", "that", "this", "was", "what", "when", "will", "with", "you", "your",
];

/// What parsing a pattern tells the loader.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Each inner list: at least one of these literals occurs in a match.
    pub required: Vec<Vec<String>>,
    /// Named capture groups.
    pub names: Vec<String>,
    /// Number of capture groups, group 0 included.
    pub groups: usize,
    /// No match runs across a sentence end.
    pub within_sentence: bool,
    /// Whether a match may run across a sentence end, for macros.
    reach: Reach,
    /// Every string the pattern matches, when they are few (for macros).
    exact: Option<Vec<String>>,
}

/// A rule pattern's analysis, computed ahead of time from the built-in
/// phrasebook ([`super::analysed`]): analysing every pattern at start-up
/// would cost more than a one-sentence `replywise rewrite` may take.
#[derive(Debug)]
pub struct Precomputed {
    pub source: &'static str,
    pub required: &'static [&'static [&'static str]],
    pub names: &'static [&'static str],
    pub groups: usize,
    pub within_sentence: bool,
}

impl Precomputed {
    fn analysis(&self) -> Analysis {
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Analysis {
            required: self.required.iter().map(|set| strings(set)).collect(),
            names: strings(self.names),
            groups: self.groups,
            within_sentence: self.within_sentence,
            reach: Reach::default(),
            exact: None,
        }
    }
}

/// FNV-1a of every macro, name and body: a pattern's analysis depends on
/// its source and on these, so ahead-of-time analyses are used only while
/// the macros are the ones they were made with.
pub fn fingerprint(macros: &Macros) -> u64 {
    let mut bytes = Vec::new();
    for (name, body) in macros {
        bytes.extend_from_slice(name.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(body.as_bytes());
        bytes.push(0);
    }
    crate::hash::fnv1a(&bytes)
}

/// Parses `pattern` (no macros) and derives its requirements.
pub fn analyse(pattern: &str) -> Result<Analysis, String> {
    analyse_with(pattern, &[])
}

/// Analyses patterns with macros, parsing each macro body only once, and
/// taking the ahead-of-time analysis of a pattern when there is one.
pub struct Analyser<'m> {
    macros: &'m Macros,
    cache: RefCell<HashMap<String, Analysis>>,
    /// Sorted by source.
    ahead: &'static [Precomputed],
}

impl<'m> Analyser<'m> {
    pub fn new(macros: &'m Macros) -> Analyser<'m> {
        let mut analyser = Analyser::live(macros);
        if fingerprint(macros) == super::analysed::MACROS {
            analyser.ahead = super::analysed::ANALYSES;
        }
        analyser
    }

    /// An analyser that works every pattern out now: how the
    /// ahead-of-time analyses are made.
    pub fn live(macros: &'m Macros) -> Analyser<'m> {
        Analyser {
            macros,
            cache: RefCell::new(HashMap::new()),
            ahead: &[],
        }
    }

    pub fn macros(&self) -> &'m Macros {
        self.macros
    }

    /// The analysis of a pattern as written in a rule file.
    pub fn analyse(&self, source: &str) -> Result<Analysis, String> {
        match self.ahead.binary_search_by(|p| p.source.cmp(source)) {
            Ok(i) => Ok(self.ahead[i].analysis()),
            Err(_) => self.analyse_at(source, 0),
        }
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
    let facts = facts(&tree, &mut analysis, macros);
    analysis.required = simplify(facts.requirements());
    analysis.exact = facts.exact;
    analysis.reach = reach(&tree, &|c| placeholder(c, macros).map(|m| m.reach));
    analysis.within_sentence = analysis.reach.within_sentence();
    Ok(analysis)
}

/// The macro a placeholder character stands for.
fn placeholder(c: char, macros: &[Analysis]) -> Option<&Analysis> {
    let k = (c as u32).checked_sub(PLACEHOLDER)?;
    macros.get(usize::try_from(k).ok()?)
}

/// What a piece of pattern tells of the text it matches.
#[derive(Debug, Clone, Default)]
struct Facts {
    /// Every string it can match (lower case), when they are few: "can't"
    /// is the three strings its apostrophes allow, not just "can".
    exact: Option<Vec<String>>,
    /// As [`Analysis::required`].
    required: Vec<Vec<String>>,
}

impl Facts {
    /// Matches only the empty string: an assertion, flags, nothing.
    fn empty() -> Facts {
        Facts::exact(vec![String::new()])
    }

    fn exact(strings: Vec<String>) -> Facts {
        Facts {
            exact: Some(strings),
            required: Vec::new(),
        }
    }

    /// The requirements every match meets: its exact strings, if none is
    /// empty, are the strongest.
    fn requirements(&self) -> Vec<Vec<String>> {
        match &self.exact {
            Some(exact) if exact.iter().all(|s| !s.is_empty()) => vec![exact.clone()],
            _ => self.required.clone(),
        }
    }
}

fn facts(tree: &Ast, analysis: &mut Analysis, macros: &[Analysis]) -> Facts {
    match tree {
        Ast::Literal(literal) => match placeholder(literal.c, macros) {
            Some(body) => {
                // A macro is inserted as a group: its groups are ours.
                analysis.groups += body.groups - 1;
                analysis.names.extend(body.names.iter().cloned());
                Facts {
                    exact: body.exact.clone(),
                    required: body.required.clone(),
                }
            }
            None => Facts::exact(vec![lower(literal.c)]),
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
            facts(&group.ast, analysis, macros)
        }
        Ast::Repetition(repetition) => {
            let inner = facts(&repetition.ast, analysis, macros);
            let once = inner.exact.as_deref() == Some(&[" ".to_string()]);
            match &repetition.op.kind {
                // Whitespace runs are folded to one space in the text.
                RepetitionKind::OneOrMore
                | RepetitionKind::Range(
                    RepetitionRange::AtLeast(1) | RepetitionRange::Bounded(1, _),
                ) if once => Facts::exact(vec![" ".into()]),
                RepetitionKind::ZeroOrMore
                | RepetitionKind::Range(
                    RepetitionRange::AtLeast(0) | RepetitionRange::Bounded(0, _),
                ) if once => Facts::exact(vec![String::new(), " ".into()]),
                RepetitionKind::ZeroOrOne => Facts {
                    exact: inner.exact.map(|mut exact| {
                        exact.push(String::new());
                        exact
                    }),
                    required: Vec::new(),
                },
                RepetitionKind::OneOrMore
                | RepetitionKind::Range(
                    RepetitionRange::Exactly(1..)
                    | RepetitionRange::AtLeast(1..)
                    | RepetitionRange::Bounded(1.., _),
                ) => Facts {
                    exact: None,
                    required: inner.requirements(),
                },
                _ => Facts::default(),
            }
        }
        Ast::Concat(concat) => concatenation(&concat.asts, analysis, macros),
        Ast::Alternation(alternation) => {
            let children: Vec<Facts> = alternation
                .asts
                .iter()
                .map(|c| facts(c, analysis, macros))
                .collect();
            alternatives(&children)
        }
        Ast::ClassBracketed(class) if !class.negated => Facts {
            exact: class_chars(&class.kind),
            required: Vec::new(),
        },
        Ast::ClassPerl(class) if class.kind == ast::ClassPerlKind::Space && !class.negated => {
            Facts::exact(vec![" ".into()])
        }
        // Digits are literals too, so time rules wait for a number.
        Ast::ClassPerl(class) if class.kind == ast::ClassPerlKind::Digit && !class.negated => {
            Facts::exact(('0'..='9').map(String::from).collect())
        }
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Facts::empty(),
        _ => Facts::default(),
    }
}

/// Pieces in a row: runs of exact pieces multiply out ("can" then an
/// apostrophe class then "t"); the rest contribute their requirements.
fn concatenation(asts: &[Ast], analysis: &mut Analysis, macros: &[Analysis]) -> Facts {
    let mut required = Vec::new();
    let mut run = vec![String::new()];
    let mut whole = true;
    let flush = |run: &mut Vec<String>, required: &mut Vec<Vec<String>>| {
        let run = std::mem::replace(run, vec![String::new()]);
        if run.iter().all(|s| !s.is_empty()) {
            required.push(run);
        }
    };
    for ast in asts {
        if let Ast::Literal(literal) = ast {
            if placeholder(literal.c, macros).is_none() {
                let c = lower(literal.c);
                run.iter_mut().for_each(|a| append(a, &c));
                continue;
            }
        }
        let child = facts(ast, analysis, macros);
        match child.exact {
            // One string (a character, most often): extend in place.
            Some(exact) if exact.len() == 1 => run.iter_mut().for_each(|a| append(a, &exact[0])),
            Some(exact) => {
                let product: Vec<String> = run
                    .iter()
                    .flat_map(|a| {
                        exact.iter().map(move |b| {
                            let mut joined = a.clone();
                            append(&mut joined, b);
                            joined
                        })
                    })
                    .collect();
                if product.len() <= MAX_SET {
                    run = product;
                } else {
                    whole = false;
                    flush(&mut run, &mut required);
                    run = exact;
                }
            }
            None => {
                whole = false;
                flush(&mut run, &mut required);
                required.extend(child.required);
            }
        }
    }
    if whole {
        return Facts::exact(dedup(run));
    }
    flush(&mut run, &mut required);
    Facts {
        exact: None,
        required,
    }
}

/// Branches: exact when every branch is; otherwise what every branch
/// requires, distributed: (a and b) or c becomes (a or c) and (b or c).
fn alternatives(children: &[Facts]) -> Facts {
    if let Some(exact) = children
        .iter()
        .map(|c| c.exact.clone())
        .collect::<Option<Vec<_>>>()
    {
        let union = dedup(exact.concat());
        if union.len() <= MAX_SET {
            return Facts::exact(union);
        }
    }
    let mut combined: Vec<Vec<String>> = vec![Vec::new()];
    for child in children {
        let mut own = simplify(child.requirements());
        if own.is_empty() {
            return Facts::default();
        }
        own.truncate(BRANCH_REQUIREMENTS);
        combined = combined
            .iter()
            .flat_map(|a| {
                own.iter()
                    .map(move |b| dedup([a.clone(), b.clone()].concat()))
            })
            .filter_map(bounded)
            .collect();
        combined = simplify(combined);
        combined.truncate(BRANCH_REQUIREMENTS * BRANCH_REQUIREMENTS);
    }
    Facts {
        exact: None,
        required: combined,
    }
}

/// `set`, or when it has too many literals, each cut down to its rarest
/// word if that word is rare ("haven't got a clue" to "haven't"; "can
/// not" stays whole), which any text holding the literal holds too;
/// `None` if that is still too many.
fn bounded(set: Vec<String>) -> Option<Vec<String>> {
    if set.len() <= MAX_SET {
        return Some(set);
    }
    let words = set.into_iter().map(|literal| {
        let rarest = literal
            .split(' ')
            .filter(|word| !word.is_empty())
            .map(|word| (literal_cost(word), std::cmp::Reverse(word.len()), word))
            .min();
        match rarest {
            Some((cost, _, word)) if cost <= RARE => word.to_string(),
            _ => literal,
        }
    });
    let words = dedup(words.collect());
    (words.len() <= MAX_SET).then_some(words)
}

/// The literals a bracketed class stands for, when it is a few characters.
fn class_chars(set: &ClassSet) -> Option<Vec<String>> {
    let mut chars = Vec::new();
    let mut add = |item: &ClassSetItem| -> Option<()> {
        match item {
            ClassSetItem::Literal(literal) => chars.push(literal.c),
            ClassSetItem::Range(range) if range.end.c as u32 - range.start.c as u32 <= 10 => {
                chars.extend(range.start.c..=range.end.c);
            }
            _ => return None,
        }
        Some(())
    };
    match set {
        ClassSet::Item(ClassSetItem::Union(union)) => {
            union.items.iter().try_for_each(&mut add)?;
        }
        ClassSet::Item(item) => add(item)?,
        ClassSet::BinaryOp(_) => return None,
    }
    let strings: Vec<String> = chars.iter().map(|&c| lower(c)).collect();
    (strings.len() <= MAX_CLASS).then(|| dedup(strings))
}

/// A pattern character as the folded text has it: lower case, and any
/// whitespace a space ([`super::folded`]).
fn lower(c: char) -> String {
    if c.is_whitespace() {
        " ".into()
    } else {
        c.to_lowercase().collect()
    }
}

/// `a` then `b`, as in the folded text: two spaces in a row are one.
fn append(a: &mut String, b: &str) {
    match b.strip_prefix(' ') {
        Some(rest) if a.ends_with(' ') => a.push_str(rest),
        _ => a.push_str(b),
    }
}

fn dedup(mut strings: Vec<String>) -> Vec<String> {
    strings.sort();
    strings.dedup();
    strings
}

/// Requirements in a canonical form, most selective first: a literal that
/// holds another of its set adds nothing ("you" covers "you're"), and a
/// set another set implies adds nothing either.
fn simplify(sets: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut sets: Vec<Vec<String>> = sets
        .into_iter()
        .map(|set| {
            let set = dedup(set);
            set.iter()
                .filter(|l| !set.iter().any(|o| o != *l && l.contains(o.as_str())))
                .cloned()
                .collect::<Vec<String>>()
        })
        .filter(|set| !set.is_empty())
        .collect();
    sets.sort_by_key(|set| (cost(set), set.clone()));
    sets.dedup();
    let mut kept: Vec<Vec<String>> = Vec::new();
    for set in sets {
        // `set` is implied when some kept set's every literal holds one of
        // `set`'s literals.
        let implied = kept
            .iter()
            .any(|k| k.iter().all(|l| set.iter().any(|s| l.contains(s.as_str()))));
        if !implied {
            kept.push(set);
        }
    }
    kept
}

/// The requirements a prefilter should check, of `required` (most
/// selective first, as [`Analysis::required`] is): the first that narrows
/// anything down, and up to two more that hold no everyday word. Each
/// further requirement narrows less and costs a hit on every occurrence
/// of its literals.
pub fn worth_checking(required: &[Vec<String>]) -> impl Iterator<Item = &Vec<String>> {
    let mut usable = required.iter().filter(|set| cost(set) < TOO_COMMON);
    let first = usable.next();
    let rest = usable.filter(|set| cost(set) < EVERYDAY).take(2);
    first
        .into_iter()
        .chain(first.is_some().then_some(rest).into_iter().flatten())
}

/// How often a set of literals may be expected to occur in a reply, in
/// rough units: short literals and everyday words cost most. A set with a
/// literal of under three characters ("a", "to", " of ") costs at least
/// [`TOO_COMMON`]: it narrows nothing down.
pub fn cost(set: &[String]) -> usize {
    set.iter().map(|literal| literal_cost(literal)).sum()
}

fn literal_cost(literal: &str) -> usize {
    let word = literal.trim_matches(' ');
    match word.chars().count() {
        _ if COMMON.contains(&word) => EVERYDAY,
        0..=2 => TOO_COMMON,
        3 => 8,
        4 => 4,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn requirements_follow_concatenation_and_alternation() {
        let a = analyse(r"(?:can't|cannot)\s+(?P<act>\w+)\s+until").unwrap();
        assert_eq!(
            a.required,
            [strings(&[" until"]), strings(&["can't ", "cannot "])]
        );
        assert_eq!(a.names, ["act"]);
        assert_eq!(a.groups, 2);
    }

    #[test]
    fn small_classes_and_whitespace_spell_out_whole_phrases() {
        let a = analyse("can['\u{2019}]t\\s+refund").unwrap();
        assert_eq!(
            a.required,
            [strings(&["can't refund", "can\u{2019}t refund"])]
        );
        let spaced = analyse(r"have\s*to|need[ \t]+to").unwrap();
        assert_eq!(
            spaced.required,
            [strings(&["have to", "haveto", "need to"])]
        );
    }

    #[test]
    fn alternatives_distribute_their_requirements() {
        // (sorry, a word, refund) or (apologies, a word, return)
        let a = analyse(r"sorry\s+\w+\s+refund|apologies\s+\w+\s+return").unwrap();
        let has = |set: &[&str]| a.required.contains(&strings(set));
        assert!(has(&[" refund", " return"]), "{:?}", a.required);
        assert!(has(&["apologies ", "sorry "]), "{:?}", a.required);
    }

    #[test]
    fn macros_are_analysed_once_and_count_their_groups() {
        let mut macros = Macros::new();
        macros.insert("day".into(), "(?P<day>monday|friday)".into());
        let analyser = Analyser::new(&macros);
        let a = analyser.analyse(r"(?P<x>until)\s+{day}").unwrap();
        assert_eq!(a.required, [strings(&["until friday", "until monday"])]);
        assert_eq!(a.names, ["x", "day"]);
        assert_eq!(a.groups, 3);
        assert!(analyser.analyse("{nope}").is_err());
    }

    #[test]
    fn optional_parts_and_classes_require_nothing() {
        let a = analyse(r"(?:please\s+)?calm\s+down[.!]*").unwrap();
        assert_eq!(a.required, [strings(&["calm down"])]);
        let none = analyse(r"[a-z]+|\d").unwrap();
        assert!(none.required.is_empty());
        assert!(analyse("(unclosed").is_err());
    }

    #[test]
    fn big_sets_are_cut_down_to_their_rarest_words() {
        let many: Vec<String> = (0..60).map(|n| format!("the item{n} arrived")).collect();
        assert_eq!(bounded(many).unwrap(), ["arrived"]);
        assert!(bounded((0..60).map(|n| format!("w{n:03}x")).collect()).is_none());
    }

    #[test]
    fn sets_are_simplified_and_ordered_rarest_first() {
        let sets = simplify(vec![
            strings(&["you", "you're"]),
            strings(&["refund"]),
            strings(&["refund", "return"]),
            strings(&["to"]),
        ]);
        assert_eq!(
            sets,
            [strings(&["refund"]), strings(&["you"]), strings(&["to"])]
        );
        let checked: Vec<&Vec<String>> = worth_checking(&sets).collect();
        assert_eq!(
            checked,
            [&strings(&["refund"])],
            "everyday and short words are left out"
        );
        let only_common = [strings(&["you"]), strings(&["the"])];
        assert_eq!(worth_checking(&only_common).count(), 1);
    }
}
