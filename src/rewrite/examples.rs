//! Running a phrasebook's own examples, so every rule proves what it does.
//!
//! For each enabled rule: every `before` must make the rule fire and must
//! rewrite to exactly `after` (with a suggestion's first alternative
//! applied as if it were automatic); every `keep` sentence must not make
//! the rule fire and must come out of a full rewrite unchanged. A rule
//! with no before/after pair or no keep sentence fails too.

use super::Engine;
use std::fmt;

/// One failed example, located in its rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub file: String,
    pub line: usize,
    pub rule: String,
    pub problem: String,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.rule, self.problem
        )
    }
}

/// Every failure of every example of every enabled rule.
pub fn check_examples(engine: &Engine) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    for (index, &at) in engine.active.iter().enumerate() {
        let rule = &engine.book.rules[at];
        let mut fail = |line: usize, problem: String| {
            failures.push(ExampleFailure {
                file: rule.file.clone(),
                line,
                rule: rule.id.clone(),
                problem,
            });
        };
        if rule.examples.is_empty() {
            fail(
                rule.line,
                "needs at least one example with `before` and `after`".into(),
            );
        }
        if rule.keep.is_empty() {
            fail(
                rule.line,
                "needs at least one `keep` sentence it must leave alone".into(),
            );
        }
        for example in &rule.examples {
            if !engine.raw(&example.before).iter().any(|c| c.rule == index) {
                fail(
                    example.line,
                    format!("does not match its example {:?}", example.before),
                );
                continue;
            }
            let got = engine.rewrite_promoting(&example.before, Some(index)).text;
            if got != example.after {
                fail(
                    example.line,
                    format!(
                        "rewrote {:?}\n    into {:?}\n    but the example expects {:?}",
                        example.before, got, example.after
                    ),
                );
            }
        }
        for keep in &rule.keep {
            if engine.raw(&keep.text).iter().any(|c| c.rule == index) {
                fail(
                    keep.line,
                    format!("matches its keep sentence {:?}", keep.text),
                );
                continue;
            }
            let got = engine.rewrite(&keep.text).text;
            if got != keep.text {
                fail(
                    keep.line,
                    format!(
                        "keep sentence {:?} was rewritten into {:?} by other rules",
                        keep.text, got
                    ),
                );
            }
        }
    }
    failures
}
