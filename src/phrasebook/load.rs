//! Reading phrasebook files: TOML in, validated rules out, and every
//! mistake reported as `file:line:column: what is wrong and what to do`.
//!
//! Positions come from the `toml` crate's spans, so a bad regex points at
//! its own `find = ...` line rather than at the start of the file.

use super::literals::{Analyser, Analysis};
use super::model::{Anchor, Category, Example, FixKind, Keep, Rule};
use super::pattern::{self, Guarded, LazyRegex, Macros};
use super::template::Template;
use crate::error::Error;
use crate::text::line_column;
use serde::Deserialize;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

/// `rewrite.toml`: what the rules share.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SettingsFile {
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    #[serde(default)]
    pub protect: Vec<Spanned<String>>,
    #[serde(default)]
    pub idioms: Vec<Spanned<String>>,
    #[serde(default)]
    pub beside: BTreeMap<Category, String>,
    #[serde(default)]
    pub macros: BTreeMap<String, Spanned<String>>,
}

/// A file under `rules/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    rule: Vec<RuleDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: Spanned<String>,
    category: Category,
    message: Spanned<String>,
    find: Spanned<String>,
    becomes: Spanned<Becomes>,
    fix: FixKind,
    #[serde(default)]
    anchor: Anchor,
    #[serde(default)]
    fallback: bool,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<ExampleDef>>,
    #[serde(default)]
    keep: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDef {
    before: String,
    after: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Becomes {
    One(String),
    Many(Vec<String>),
}

/// A source file: where it came from (for messages) and its text.
pub(super) struct Source<'a> {
    path: &'a str,
    text: &'a str,
    /// Byte offsets of the line breaks, found on first use: every rule,
    /// example and `keep` sentence records its line.
    breaks: OnceCell<Vec<usize>>,
}

impl<'a> Source<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Source<'a> {
        Source {
            path,
            text,
            breaks: OnceCell::new(),
        }
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Error {
        let (line, column) = line_column(self.text, span.start);
        Error::Phrasebook {
            path: self.path.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn line(&self, span: Range<usize>) -> usize {
        let breaks = self.breaks.get_or_init(|| {
            let bytes = self.text.bytes().enumerate();
            bytes.filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect()
        });
        breaks.partition_point(|&at| at < span.start) + 1
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error> {
        toml::from_str(self.text).map_err(|e| {
            let message = format!(
                "{}; see the comments at the top of the built-in rule files for the format",
                e.message().trim()
            );
            self.error(e.span().unwrap_or(0..0), message)
        })
    }
}

pub(super) fn parse_settings(source: &Source) -> Result<SettingsFile, Error> {
    source.parse()
}

/// Rules and `disable` entries (with their positions) from one rules file.
pub(super) struct LoadedRules {
    pub rules: Vec<(Rule, Range<usize>)>,
    pub disable: Vec<Spanned<String>>,
}

/// Reads the rules of one file. With `eager`, every pattern is compiled
/// now so that any error is reported here, located; otherwise patterns are
/// only parsed (cheap) and compiled on first use.
pub(super) fn parse_rules(
    source: &Source,
    analyser: &Analyser,
    shared: &Arc<Macros>,
    eager: bool,
) -> Result<LoadedRules, Error> {
    let file: RulesFile = source.parse()?;
    let mut rules = Vec::with_capacity(file.rule.len());
    for def in file.rule {
        let span = def.id.span();
        rules.push((compile_rule(source, def, analyser, shared, eager)?, span));
    }
    Ok(LoadedRules {
        rules,
        disable: file.disable,
    })
}

fn compile_rule(
    source: &Source,
    def: RuleDef,
    analyser: &Analyser,
    shared: &Arc<Macros>,
    eager: bool,
) -> Result<Rule, Error> {
    let macros = analyser.macros();
    let id = def.id.get_ref();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(source.error(
            def.id.span(),
            format!("rule id {id:?} must be kebab-case: lower-case letters, digits and '-'"),
        ));
    }
    let message = def.message.get_ref().trim();
    if message.is_empty() || message.contains('\n') {
        return Err(source.error(
            def.message.span(),
            "`message` must be one non-empty line saying why this wording hurts",
        ));
    }
    let find = if eager {
        let pattern = pattern::expand(def.find.get_ref(), macros)
            .map_err(|e| source.error(def.find.span(), format!("`find`: {e}")))?;
        LazyRegex::new(pattern)
    } else {
        LazyRegex::deferred(def.find.get_ref(), shared, false)
    };
    let analysis = analyser
        .analyse(def.find.get_ref())
        .map_err(|e| source.error(def.find.span(), format!("`find` is not a valid regex: {e}")))?;
    if eager {
        find.compile().map_err(|e| {
            source.error(def.find.span(), format!("`find` is not a valid regex: {e}"))
        })?;
    }
    let mut unless = Vec::with_capacity(def.unless.len());
    let mut unless_sources = Vec::with_capacity(def.unless.len());
    for item in &def.unless {
        let regex = analyser
            .analyse(item.get_ref())
            .and_then(|analysis| {
                let regex = if eager {
                    let regex = LazyRegex::new(pattern::expand_loose(item.get_ref(), macros)?);
                    regex.compile()?;
                    regex
                } else {
                    LazyRegex::deferred(item.get_ref(), shared, true)
                };
                Ok(Guarded {
                    regex,
                    required: analysis.required,
                })
            })
            .map_err(|e| source.error(item.span(), format!("`unless` pattern: {e}")))?;
        unless.push(regex);
        unless_sources.push(item.get_ref().clone());
    }
    let becomes = templates(source, &def, &analysis)?;
    let examples = def
        .examples
        .iter()
        .map(|e| Example {
            before: e.get_ref().before.clone(),
            after: e.get_ref().after.clone(),
            line: source.line(e.span()),
        })
        .collect();
    let keep = def
        .keep
        .iter()
        .map(|k| Keep {
            text: k.get_ref().clone(),
            line: source.line(k.span()),
        })
        .collect();
    Ok(Rule {
        id: id.clone(),
        category: def.category,
        message: message.to_string(),
        find_source: def.find.get_ref().clone(),
        find,
        required: analysis.required,
        within_sentence: analysis.within_sentence,
        becomes,
        fix: def.fix,
        anchor: def.anchor,
        fallback: def.fallback,
        unless,
        unless_sources,
        examples,
        keep,
        file: source.path.to_string(),
        line: source.line(def.id.span()),
    })
}

fn templates(source: &Source, def: &RuleDef, find: &Analysis) -> Result<Vec<Template>, Error> {
    let span = def.becomes.span();
    let texts = match def.becomes.get_ref() {
        Becomes::One(text) => vec![text.clone()],
        Becomes::Many(texts) => texts.clone(),
    };
    if texts.is_empty() {
        return Err(source.error(span, "`becomes` needs at least one template"));
    }
    let known: Vec<&str> = find.names.iter().map(String::as_str).collect();
    let mut out = Vec::with_capacity(texts.len());
    for (n, text) in texts.iter().enumerate() {
        let template = Template::parse(text).map_err(|e| source.error(span.clone(), e))?;
        for group in template.groups() {
            let exists = match group.parse::<usize>() {
                Ok(number) => number < find.groups,
                Err(_) => known.contains(&group),
            };
            if !exists {
                return Err(source.error(
                    span.clone(),
                    format!(
                        "`becomes` uses ${{{group}}} but `find` has no such group; its groups are: {}",
                        if known.is_empty() { "(none)".to_string() } else { known.join(", ") }
                    ),
                ));
            }
        }
        if n == 0 && def.fix == FixKind::Auto && template.has_slot() {
            return Err(source.error(
                span.clone(),
                "an auto fix cannot contain a slot like [date]; use fix = \"suggest\" so a person fills it",
            ));
        }
        out.push(template);
    }
    Ok(out)
}
