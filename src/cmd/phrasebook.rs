//! `replywise phrasebook check|list|explain`: the rules, for the people
//! who write them.

use super::rewrite::Loaded;
use super::Outcome;
use crate::cli::PhrasebookCommand;
use crate::error::{Error, Result};
use crate::phrasebook::{Category, Rule};
use crate::rewrite::check_examples;
use crate::text::for_terminal;
use std::io::Write;

pub fn run(command: &PhrasebookCommand) -> Result<Outcome> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let outcome = match command {
        PhrasebookCommand::Check { dir } => check(&mut out, dir.as_deref())?,
        PhrasebookCommand::List { phrasebook } => list(&mut out, phrasebook.as_deref())?,
        PhrasebookCommand::Explain { id, phrasebook } => {
            explain(&mut out, id, phrasebook.as_deref())?
        }
    };
    out.flush().map_err(Error::Write)?;
    Ok(outcome)
}

fn line(out: &mut impl Write, text: &str) -> Result<()> {
    writeln!(out, "{}", for_terminal(text, true)).map_err(Error::Write)
}

/// Loads (errors are located by the loader), runs every example, prints
/// failures and the rule counts.
fn check(out: &mut impl Write, dir: Option<&std::path::Path>) -> Result<Outcome> {
    let loaded = Loaded::load(dir)?;
    let engine = loaded.engine();
    let book = engine.phrasebook();
    let failures = check_examples(engine);
    for failure in &failures {
        line(out, &failure.to_string())?;
    }
    let total: usize = book.counts().iter().map(|(_, n)| n).sum();
    line(
        out,
        &format!(
            "{total} rules in {} files ({} disabled):",
            book.files.len(),
            book.disabled.len()
        ),
    )?;
    for (category, count) in book.counts() {
        line(out, &format!("  {:<13} {count}", category.name()))?;
    }
    let examples: usize = book
        .enabled()
        .map(|r| r.examples.len() + r.keep.len())
        .sum();
    if failures.is_empty() {
        line(out, &format!("all {examples} examples pass"))?;
        Ok(Outcome::Clean)
    } else {
        line(
            out,
            &format!("{} of {examples} examples failed", failures.len()),
        )?;
        Ok(Outcome::Found)
    }
}

fn list(out: &mut impl Write, dir: Option<&std::path::Path>) -> Result<Outcome> {
    let loaded = Loaded::load(dir)?;
    let book = loaded.engine().phrasebook();
    for category in Category::ALL {
        for rule in book.rules.iter().filter(|r| r.category == category) {
            let off = if book.disabled.contains(&rule.id) {
                " (disabled)"
            } else {
                ""
            };
            line(
                out,
                &format!(
                    "{:<28} {:<13} {:<8} {}{off}",
                    rule.id,
                    rule.category.name(),
                    rule.fix.name(),
                    rule.message
                ),
            )?;
        }
    }
    Ok(Outcome::Clean)
}

fn explain(out: &mut impl Write, id: &str, dir: Option<&std::path::Path>) -> Result<Outcome> {
    let loaded = Loaded::load(dir)?;
    let book = loaded.engine().phrasebook();
    let Some(rule) = book.get(id) else {
        return Err(Error::Usage(format!(
            "no rule {id:?}; `replywise phrasebook list` shows the ids"
        )));
    };
    describe(out, rule, book.disabled.contains(&rule.id))?;
    Ok(Outcome::Clean)
}

fn describe(out: &mut impl Write, rule: &Rule, disabled: bool) -> Result<()> {
    line(out, &format!("{} ({}:{})", rule.id, rule.file, rule.line))?;
    line(out, &format!("  category: {}", rule.category))?;
    line(
        out,
        &format!(
            "  fix:      {}{}",
            rule.fix.name(),
            if disabled { " (disabled)" } else { "" }
        ),
    )?;
    line(out, &format!("  message:  {}", rule.message))?;
    line(out, &format!("  find:     {}", rule.find_source))?;
    for unless in &rule.unless_sources {
        line(out, &format!("  unless:   {unless}"))?;
    }
    for template in &rule.becomes {
        line(out, &format!("  becomes:  {}", template.source))?;
    }
    for example in &rule.examples {
        line(
            out,
            &format!(
                "  example:  {}\n        ->  {}",
                example.before, example.after
            ),
        )?;
    }
    for keep in &rule.keep {
        line(out, &format!("  keep:     {}", keep.text))?;
    }
    Ok(())
}
