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
