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
    "can't", "cannot", "can not", "cant ", "unable to", "not able to", "won't", "will not",
    "don't", "doesn't", "isn't", "aren't", "do not", "does not", "is not", "are not",
];

/// Words that show a condition was turned around rather than dropped.
const TURNAROUNDS: &[&str] = &[
    " as soon as ", " once ", " if ", " from ", " until ", " within ", " after ", " with ",
    " on ", " at ", " next ", "[", "let me", "find out", "please", "haven't received",
];

fn count_all(haystack: &str, needles: &[&str]) -> usize {
    needles.iter().map(|n| haystack.matches(n).count()).sum()
}

/// True when a negation vanished and nothing turned the condition around.
fn inverts(before: &str, after: &str) -> bool {
    let (b, a) = (fold(&format!(" {before} ")), fold(&format!(" {after} ")));
    count_all(&a, NEGATIONS) < count_all(&b, NEGATIONS)
        && !TURNAROUNDS.iter().any(|t| a.matches(t).count() > b.matches(t).count())
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

#[test]
fn phrasebook_measurement_on_draft_sentences() {
    let source = include_str!("fixtures/drafts.toml");
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
                unhandled.push(format!("[{}] {:?}: cue {cue:?} -> {:?}", draft.topic, draft.text, result.text));
            }
        }
        fully_handled += usize::from(all);
        for fact in &draft.facts {
            facts += 1;
            if result.text.contains(fact.as_str()) {
                facts_kept += 1;
            } else {
                lost_facts.push(format!("{fact:?} lost: {:?} -> {:?}", draft.text, result.text));
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
    let mut flagged_controls = 0usize;
    for control in &fixture.control {
        let result = engine.rewrite(&control.text);
        if result.text != control.text {
            changed_controls.push(format!("{:?} -> {:?}", control.text, result.text));
        }
        if !result.findings.is_empty() {
            flagged_controls += 1;
            println!("control flagged: {:?}: {:?}", control.text, result.findings.iter().map(|f| &f.rule).collect::<Vec<_>>());
        }
    }

    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    let sentences = fixture.draft.len();
    println!("phrasebook measurement ({sentences} draft sentences, {} controls)", fixture.control.len());
    println!("  negative cues removed by auto fixes: {removed}/{cues} ({:.1}%)", pct(removed, cues));
    println!("  negative cues handled (auto or suggestion): {handled_cues}/{cues} ({:.1}%)", pct(handled_cues, cues));
    println!("  sentences with every cue handled: {fully_handled}/{sentences} ({:.1}%)", pct(fully_handled, sentences));
    println!("  facts kept verbatim: {facts_kept}/{facts} ({:.1}%)", pct(facts_kept, facts));
    println!("  controls unchanged: {}/{} ({} flagged by a suggestion)", fixture.control.len() - changed_controls.len(), fixture.control.len(), flagged_controls);
    println!("  rewrites that invert meaning: {}", inverted.len());
    for line in unhandled.iter().chain(&lost_facts).chain(&inverted).chain(&changed_controls) {
        println!("    {line}");
    }

    assert!(changed_controls.is_empty(), "controls changed: {changed_controls:#?}");
    assert!(lost_facts.is_empty(), "facts lost: {lost_facts:#?}");
    assert!(inverted.is_empty(), "meaning inverted: {inverted:#?}");
    assert!(
        pct(fully_handled, sentences) >= 85.0,
        "only {fully_handled}/{sentences} sentences fully handled"
    );
}

#[test]
fn the_inversion_check_catches_a_dropped_negation() {
    assert!(inverts("We can't refund you.", "We can refund you."));
    assert!(!inverts("We can't refund you until Monday.", "We can refund you from Monday."));
    assert!(!inverts("We are out of stock.", "We are out of stock."));
}
