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

/// Texts to try patterns on: every rule's examples and every sentence of
/// the measurement fixtures, each also in upper case, with curly
/// apostrophes, and with its spaces turned into other whitespace.
fn sample_texts(book: &Phrasebook) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for rule in &book.rules {
        for example in &rule.examples {
            texts.push(example.before.clone());
            texts.push(example.after.clone());
        }
        texts.extend(rule.keep.iter().map(|k| k.text.clone()));
    }
    for fixture in ["drafts", "drafts_holdout", "drafts_unseen", "drafts_blind"] {
        let path = format!(
            "{}/tests/fixtures/{fixture}.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        let data = std::fs::read_to_string(&path).expect("fixture");
        texts.extend(
            data.lines()
                .filter_map(|l| l.strip_prefix("text = "))
                .filter_map(|q| serde_json::from_str::<String>(q).ok()),
        );
    }
    let mut all = Vec::with_capacity(texts.len() * 4);
    for text in texts {
        all.push(text.to_uppercase());
        all.push(text.replace('\'', "\u{2019}"));
        all.push(
            text.replacen(' ', "  ", 2)
                .replacen(' ', "\n", 1)
                .replace(' ', "\u{a0}\t"),
        );
        all.push(text);
    }
    all
}

#[test]
fn every_match_holds_the_literals_its_pattern_requires() {
    // The prefilter skips a rule unless the text holds one literal of each
    // requirement; a requirement a real match lacks would silently drop
    // that match. Checked on every match of every pattern.
    use replywise::phrasebook::folded::Folded;
    let book = Phrasebook::builtin();
    let texts = sample_texts(&book);
    let patterns = book
        .rules
        .iter()
        .map(|r| (r.id.as_str(), &r.find, &r.required))
        .chain(book.idioms.iter().map(|i| ("idiom", &i.regex, &i.required)))
        .chain(book.rules.iter().flat_map(|r| {
            r.unless
                .iter()
                .map(move |u| (r.id.as_str(), &u.regex, &u.required))
        }));
    let (mut matches, mut missed) = (0, Vec::new());
    for (id, regex, required) in patterns {
        for text in &texts {
            for m in regex.get().find_iter(text.as_str()) {
                matches += 1;
                let found = &text[m.range()];
                let seen = Folded::new(found).text.to_ascii_lowercase();
                if let Some(set) = required
                    .iter()
                    .find(|set| !set.iter().any(|l| seen.contains(l.as_str())))
                {
                    missed.push(format!("{id}: {found:?} lacks all of {set:?}"));
                }
            }
        }
    }
    assert!(matches > 2000, "only {matches} matches tried");
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
