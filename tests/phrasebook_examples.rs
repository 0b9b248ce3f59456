//! Every example of every built-in rule, with all failures listed at once
//! (file, line and rule id), so one run shows everything to fix.

use replywise::phrasebook::{Category, Phrasebook};
use replywise::rewrite::{check_examples, Engine};

#[test]
fn every_rule_example_passes() {
    let failures = check_examples(Engine::builtin());
    let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(
        failures.is_empty(),
        "{} example failure(s):\n{}",
        failures.len(),
        report.join("\n")
    );
}

#[test]
fn the_builtin_phrasebook_is_large_enough_and_covers_every_category() {
    let book = Phrasebook::builtin();
    let total = book.enabled().count();
    assert!(total >= 80, "only {total} rules");
    for (category, count) in book.counts() {
        println!("{category}: {count}");
    }
    for category in Category::ALL {
        assert!(
            book.enabled().any(|r| r.category == category),
            "no rule for {category}"
        );
    }
}

#[test]
fn every_builtin_pattern_compiles() {
    // Normal runs compile built-in patterns on first use; this proves none
    // of them (rules, unless patterns, idioms) can fail to compile then.
    let book = Phrasebook::load_checked(None).expect("built-in phrasebook compiles");
    assert!(book.idioms.iter().all(|i| i.regex.compile().is_ok()));
}

#[test]
fn every_rule_can_be_found_by_the_prefilter() {
    // A rule whose literal requirements its own examples do not meet would
    // silently never fire; the examples test catches that, and this makes
    // sure each rule has requirements at all (so the prefilter skips it on
    // unrelated text).
    let book = Phrasebook::builtin();
    let unfiltered: Vec<&str> = book
        .rules
        .iter()
        .filter(|r| r.required.is_empty())
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        unfiltered.is_empty(),
        "rules without literals: {unfiltered:?}"
    );
}
