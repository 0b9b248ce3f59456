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

fn count_all(haystack: &str, needles: &[&str]) -> usize {
    needles.iter().map(|n| haystack.matches(n).count()).sum()
}

/// Each condition word, and the words it may become when the negation
/// before it is turned round ("can't X until Y" → "can X as soon as Y").
/// A generic " in ", " on " or "please" does not count: only these do.
const TURNS: &[(&str, &[&str])] = &[
    (
        " until ",
        &[
            " as soon as ",
            " from ",
            " on ",
            " at ",
            " once ",
            " when ",
            " after ",
        ],
    ),
    (" after ", &[" until ", " within ", " before "]),
    (
        " before ",
        &[
            " from ",
            " after ",
            " once ",
            " as soon as ",
            " on ",
            " at ",
        ],
    ),
    (
        " without ",
        &[" with ", " once we have ", " once you have "],
    ),
    (" once ", &[" until ", " before "]),
    (" unless ", &[" if ", " once ", " as long as "]),
];

/// Words that open a subordinate clause: a condition word after one of
/// them belongs to that clause, not to the negation ("we can't refund
/// the difference since the price dropped after your purchase").
const SUBORDINATORS: &[&str] = &[
    " since ",
    " because ",
    " as ",
    " which ",
    " when ",
    " who ",
    " that ",
];

/// The words after the first `word` in `text`, up to the clause's end.
fn following<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let at = text.find(word)? + word.len();
    let rest = &text[at..];
    let end = rest.find([',', ';', '.', '!', '?']).unwrap_or(rest.len());
    Some(rest[..end].trim())
}

/// True when a rewrite says the opposite of the original or something it
/// never said: a negation vanished and a condition of its clause was kept
/// as it was, or turned by a word that is not its turn; a condition in a
/// subordinate clause was changed; a capitalised name lost its "Can't";
/// or "don't know" became a promise to find out.
fn inverts(before: &str, after: &str) -> bool {
    let name = |t: &str| {
        let t = t.replace('\u{2019}', "'");
        t.match_indices(" Can't ").count() + t.match_indices(" Won't ").count()
    };
    if name(&format!(" {before}")) > name(&format!(" {after}")) {
        return true;
    }
    let (b, a) = (fold(&format!(" {before} ")), fold(&format!(" {after} ")));
    if b.contains("don't know")
        && !a.contains("don't know")
        && (a.contains("find out") || a.contains(" we'll "))
    {
        return true;
    }
    if count_all(&a, NEGATIONS) >= count_all(&b, NEGATIONS) {
        return false;
    }
    let mut has_condition = false;
    let first_negation = NEGATIONS
        .iter()
        .filter_map(|n| b.find(n))
        .min()
        .unwrap_or(0);
    for &(word, turns) in TURNS {
        let Some(condition) = following(&b, word) else {
            continue;
        };
        let at = b.find(word).unwrap_or(0);
        // Before the negation, or part of another condition ("until after
        // 2pm"), it is not the negation's condition.
        let inside_another = TURNS.iter().any(|(w, _)| b[..at].ends_with(w.trim_end()));
        if condition.is_empty() || at < first_negation || inside_another {
            continue;
        }
        let negation = NEGATIONS.iter().filter_map(|n| b[..at].rfind(n)).max();
        let subordinate =
            negation.is_some_and(|neg| SUBORDINATORS.iter().any(|s| b[neg..at].contains(s)));
        if subordinate {
            // It was not the negation's condition: it must stay as it was.
            if !a.contains(&format!("{word}{condition}")) {
                return true;
            }
            continue;
        }
        if let Some(kept) = a.find(&format!("{word}{condition}")) {
            // Kept as it was: turned only if what leads to it was restated
            // ("less than 24 hours before" → "up to 24 hours before").
            if lead(&b, at) == lead(&a, kept) {
                return true;
            }
            has_condition = true;
            continue;
        }
        // "until next Tuesday" may also become plain "next Tuesday".
        let dropped = word == " until " && a.contains(&format!(" {condition}"));
        let turned = dropped
            || turns.iter().any(|t| a.contains(&format!("{t}{condition}")))
            || turns.iter().any(|t| {
                following(&a, t).is_some_and(|c| c.ends_with(condition) || condition.ends_with(c))
            });
        if !turned {
            return true;
        }
        has_condition = true;
    }
    // With no condition to turn, a dropped negation needs a rephrasing in
    // its place: a slot, an offer to find out, a request.
    !has_condition
        && !REPHRASINGS
            .iter()
            .any(|r| a.matches(r).count() > b.matches(r).count())
}

/// The three words before `at`, auxiliaries left out, so that "can't
/// refund you until" and "can refund you until" lead alike.
fn lead(text: &str, at: usize) -> Vec<&str> {
    const AUX: &[&str] = &[
        "can", "can't", "cannot", "will", "won't", "not", "do", "don't", "is", "isn't", "are",
        "aren't", "be",
    ];
    let words = text[..at].split_whitespace().rev().take(4);
    words.filter(|w| !AUX.contains(w)).take(3).collect()
}

/// What may stand where a negation with no condition was dropped.
const REPHRASINGS: &[&str] = &[
    "[",
    "let me",
    "please",
    "haven't received",
    " within ",
    " from ",
    " up to ",
    " next ",
    " in 1",
    " in 2",
    " in 3",
    " in 4",
    " in 5",
    " in 6",
    " in 7",
    " in 8",
    " in 9",
];

#[test]
fn the_inversion_check_catches_the_known_reversals() {
    let reversals = [
        (
            "Can't Stop Coffee can't ship until Monday.",
            "Can Stop Coffee can't ship from Monday.",
        ),
        (
            "Can't you wait until the end of the month like everyone else?",
            "Can you wait until the end of the month like everyone else?",
        ),
        (
            "We are unable to refund the difference since the price dropped after your purchase.",
            "We can refund the difference since the price dropped until your purchase.",
        ),
        (
            "We don't know when it will be back.",
            "We'll find out when it will be back.",
        ),
        (
            "We can't refund you until the item reaches us.",
            "We can refund you until the item reaches us.",
        ),
        (
            "We can't refund after 30 days.",
            "We can refund in 30 days, please.",
        ),
    ];
    for (before, after) in reversals {
        assert!(
            inverts(before, after),
            "{before:?} -> {after:?} was not caught"
        );
    }
    let turned = [
        (
            "We can't refund you until the item reaches us.",
            "We can refund you as soon as the item reaches us.",
        ),
        (
            "We can't cancel after the order has shipped.",
            "We can cancel until the order has shipped.",
        ),
        (
            "Returns won't be accepted without the original packaging.",
            "Returns can be accepted once we have the original packaging.",
        ),
        (
            "Unfortunately, the lift is out of order.",
            "The lift is out of order.",
        ),
    ];
    for (before, after) in turned {
        assert!(
            !inverts(before, after),
            "{before:?} -> {after:?} is a fair turn"
        );
    }
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
