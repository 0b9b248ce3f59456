//! Measures the built-in phrasebook on realistic draft sentences
//! (`tests/fixtures/drafts.toml`) and prints a report:
//!
//! - negative cues removed by an auto fix, and cues handled (removed, or
//!   covered by a suggestion that remains for a person);
//! - facts (numbers, dates, names) kept verbatim;
//! - controls unchanged;
//! - rewrites that invert the meaning: a forbidden reading appears, or a
//!   negation disappeared without the condition being turned around.
//!
//! Targets (asserted): controls 100% unchanged, facts 100% kept, no
//! inverted meaning, at least 85% of sentences with every cue handled.
//!
//! `drafts_holdout.toml` was written after the rules; rules were later
//! fixed against it, so it is no longer truly held out. `drafts_unseen.toml`
//! was written by another engineer before reading the rules closely; its
//! first-run figures are recorded in CHANGELOG.md. Both are reported on
//! their own, and the safety targets (controls, facts, meaning) are
//! asserted on them too.
//!
//! `drafts_blind.toml` was written by an engineer who never read the rules
//! or the other fixtures. It is report-only: nothing about its figures is
//! asserted, so it can never become a target to tune against.

use replywise::rewrite::{Engine, Rewritten};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    draft: Vec<Draft>,
    control: Vec<Control>,
}

#[derive(Deserialize)]
struct Draft {
    topic: String,
    text: String,
    cues: Vec<String>,
    #[serde(default)]
    facts: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
}

#[derive(Deserialize)]
struct Control {
    text: String,
}

/// Lower case with one kind of apostrophe, for cue matching.
fn fold(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'")
}

const NEGATIONS: &[&str] = &[
    "can't",
    "cannot",
    "can not",
    "cant ",
    "unable to",
    "not able to",
    "won't",
    "will not",
    "don't",
    "doesn't",
    "isn't",
    "aren't",
    "do not",
    "does not",
    "is not",
    "are not",
];

/// Words that show a condition was turned around rather than dropped.
const TURNAROUNDS: &[&str] = &[
    " as soon as ",
    " once ",
    " if ",
    " from ",
    " until ",
    " within ",
    " in ",
    " after ",
    " with ",
    " on ",
    " at ",
    " next ",
    " up to ",
    "[",
    "let me",
    "find out",
    "please",
    "haven't received",
];

fn count_all(haystack: &str, needles: &[&str]) -> usize {
    needles.iter().map(|n| haystack.matches(n).count()).sum()
}

/// Condition words; if they changed, the condition was restated.
const CONDITIONS: &[&str] = &[
    " until ",
    " unless ",
    " without ",
    " before ",
    " after ",
    " once ",
];

/// True when a negation vanished and nothing turned the condition around:
/// no turnaround word was added and the condition words are unchanged.
fn inverts(before: &str, after: &str) -> bool {
    let (b, a) = (fold(&format!(" {before} ")), fold(&format!(" {after} ")));
    let conditions_same = CONDITIONS
        .iter()
        .all(|c| a.matches(c).count() == b.matches(c).count());
    count_all(&a, NEGATIONS) < count_all(&b, NEGATIONS)
        && conditions_same
        && !TURNAROUNDS
            .iter()
            .any(|t| a.matches(t).count() > b.matches(t).count())
}

/// A fact survives when it is in the text verbatim; only its first letter
/// may have been capitalised because it now starts a sentence.
fn keeps_fact(text: &str, fact: &str) -> bool {
    let mut chars = fact.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    text.contains(fact) || text.contains(&capitalised)
}

/// A cue is handled when it is gone from the rewritten text, or a
/// suggestion left for a person covers where it is.
fn cue_state(result: &Rewritten, cue: &str) -> (bool, bool) {
    let text = fold(&result.text);
    let cue = fold(cue);
    let Some(at) = text.find(&cue) else {
        return (true, true);
    };
    let covered = result
        .remaining
        .iter()
        .any(|f| f.start <= at + cue.len() && at < f.end);
    (false, covered)
}

/// What one fixture measured.
struct Report {
    sentences: usize,
    fully_handled: usize,
    changed_controls: Vec<String>,
    lost_facts: Vec<String>,
    inverted: Vec<String>,
}

fn pct(n: usize, d: usize) -> f64 {
    100.0 * n as f64 / d.max(1) as f64
}

fn measure(name: &str, source: &str) -> Report {
    let fixture: Fixture = toml::from_str(source).expect("fixture parses");
    let engine = Engine::builtin();

    let (mut cues, mut removed, mut handled_cues) = (0usize, 0usize, 0usize);
    let (mut facts, mut facts_kept) = (0usize, 0usize);
    let mut fully_handled = 0usize;
    let mut inverted = Vec::new();
    let mut unhandled = Vec::new();
    let mut lost_facts = Vec::new();

    for draft in &fixture.draft {
        for cue in &draft.cues {
            assert!(
                fold(&draft.text).contains(&fold(cue)),
                "fixture error: cue {cue:?} is not in {:?}",
                draft.text
            );
        }
        let result = engine.rewrite(&draft.text);
        let mut all = true;
        for cue in &draft.cues {
            cues += 1;
            let (gone, covered) = cue_state(&result, cue);
            removed += usize::from(gone);
            if gone || covered {
                handled_cues += 1;
            } else {
                all = false;
                unhandled.push(format!(
                    "[{}] {:?}: cue {cue:?} -> {:?}",
                    draft.topic, draft.text, result.text
                ));
            }
        }
        fully_handled += usize::from(all);
        for fact in &draft.facts {
            facts += 1;
            if keeps_fact(&result.text, fact) {
                facts_kept += 1;
            } else {
                lost_facts.push(format!(
                    "{fact:?} lost: {:?} -> {:?}",
                    draft.text, result.text
                ));
            }
        }
        let forbidden = draft
            .forbid
            .iter()
            .any(|f| fold(&result.text).contains(&fold(f)));
        if forbidden || inverts(&draft.text, &result.text) {
            inverted.push(format!("{:?} -> {:?}", draft.text, result.text));
        }
    }

    let mut changed_controls = Vec::new();
    let mut flagged_controls = Vec::new();
    for control in &fixture.control {
        let result = engine.rewrite(&control.text);
        if result.text != control.text {
            changed_controls.push(format!("{:?} -> {:?}", control.text, result.text));
        }
        if !result.findings.is_empty() {
            let rules: Vec<&str> = result.findings.iter().map(|f| f.rule.as_str()).collect();
            flagged_controls.push(format!("{:?} flagged by {rules:?}", control.text));
        }
    }

    let sentences = fixture.draft.len();
    let controls = fixture.control.len();
    println!("phrasebook measurement: {name} ({sentences} draft sentences, {controls} controls)");
    println!(
        "  negative cues removed by auto fixes: {removed}/{cues} ({:.1}%)",
        pct(removed, cues)
    );
    println!(
        "  negative cues handled (auto fix or suggestion): {handled_cues}/{cues} ({:.1}%)",
        pct(handled_cues, cues)
    );
    println!(
        "  sentences with every cue handled: {fully_handled}/{sentences} ({:.1}%)",
        pct(fully_handled, sentences)
    );
    println!(
        "  facts kept verbatim: {facts_kept}/{facts} ({:.1}%)",
        pct(facts_kept, facts)
    );
    println!(
        "  controls unchanged: {}/{controls} (flagged by a suggestion: {})",
        controls - changed_controls.len(),
        flagged_controls.len()
    );
    println!("  rewrites that invert meaning: {}", inverted.len());
    let details = unhandled
        .iter()
        .chain(&lost_facts)
        .chain(&inverted)
        .chain(&changed_controls)
        .chain(&flagged_controls);
    for line in details {
        println!("    {line}");
    }
    Report {
        sentences,
        fully_handled,
        changed_controls,
        lost_facts,
        inverted,
    }
}

fn assert_safe(report: &Report) {
    assert!(
        report.changed_controls.is_empty(),
        "controls changed: {:#?}",
        report.changed_controls
    );
    assert!(
        report.lost_facts.is_empty(),
        "facts lost: {:#?}",
        report.lost_facts
    );
    assert!(
        report.inverted.is_empty(),
        "meaning inverted: {:#?}",
        report.inverted
    );
}

#[test]
fn phrasebook_measurement_on_draft_sentences() {
    let report = measure("drafts.toml", include_str!("fixtures/drafts.toml"));
    assert_safe(&report);
    assert!(
        pct(report.fully_handled, report.sentences) >= 85.0,
        "only {}/{} sentences fully handled",
        report.fully_handled,
        report.sentences
    );
}

#[test]
fn phrasebook_measurement_on_held_out_sentences() {
    let report = measure(
        "drafts_holdout.toml (written before tuning, since tuned on; first run 24/41)",
        include_str!("fixtures/drafts_holdout.toml"),
    );
    assert_safe(&report);
}

#[test]
fn phrasebook_measurement_on_unseen_sentences() {
    let report = measure(
        "drafts_unseen.toml (written before tuning, since tuned on; first run 86/104)",
        include_str!("fixtures/drafts_unseen.toml"),
    );
    assert_safe(&report);
}

/// Report only, on purpose: this set exists to give an honest figure for
/// text the phrasebook was never tuned on. Asserting on it (or fixing rules
/// until it passes) would turn it into one more tuning set and make the
/// figure worthless; when it has been looked at, write a fresh blind set.
#[test]
fn phrasebook_measurement_on_blind_sentences() {
    measure(
        "drafts_blind.toml (blind first run 89/98; four wrong fixes and one changed control it revealed were then mended)",
        include_str!("fixtures/drafts_blind.toml"),
    );
}

#[test]
fn the_inversion_check_catches_a_dropped_negation() {
    assert!(inverts("We can't refund you.", "We can refund you."));
    assert!(!inverts(
        "We can't refund you until Monday.",
        "We can refund you from Monday."
    ));
    assert!(!inverts("We are out of stock.", "We are out of stock."));
    assert!(!inverts(
        "It won't arrive for another 5 days.",
        "It will arrive in 5 days."
    ));
    assert!(inverts(
        "We can't refund in store.",
        "We can refund in store."
    ));
    assert!(!inverts(
        "It won't arrive until next week.",
        "It will arrive next week."
    ));
    assert!(keeps_fact("Size 10 is sold out.", "size 10"));
    assert!(!keeps_fact("Size 1 is sold out.", "size 10"));
}
