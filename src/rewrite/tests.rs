//! The engine's own mechanisms, each with a sentence that fails without
//! it: the fallback rule's place, softeners kept beside a refusal,
//! questions left to a person, names and reassurances left alone.

use super::Engine;
use crate::phrasebook::FixKind;

fn rewrite(text: &str) -> String {
    Engine::builtin().rewrite(text).text
}

fn rules(text: &str) -> Vec<String> {
    Engine::builtin()
        .findings(text)
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn the_fallback_flags_a_negation_no_rule_knows() {
    let found = Engine::builtin().findings("We don't keep a waiting list.");
    assert_eq!(found.len(), 1);
    assert!(found[0].fallback);
    assert_eq!(found[0].fix, FixKind::Suggest);
    assert!(
        found[0].suggestions[0].starts_with("don't keep a waiting list, "),
        "the suggestion keeps the limit: {:?}",
        found[0].suggestions
    );
}

#[test]
fn the_fallback_stands_aside_for_a_specific_rule() {
    let found = rules("Pets are not permitted in any of our rooms.");
    assert!(!found.is_empty());
    assert!(
        !found.iter().any(|r| r == "negation"),
        "a specific rule covers it: {found:?}"
    );
}

#[test]
fn reassurances_and_apologies_are_not_refusals() {
    for text in [
        "There's no extra charge for the second bag.",
        "Your subscription is cancelled and you won't be billed again.",
        "We never share your data with advertisers.",
        "We're sorry to hear the soup wasn't hot.",
    ] {
        assert!(rules(text).is_empty(), "{text}: {:?}", rules(text));
    }
}

#[test]
fn a_softener_goes_only_with_a_reframing() {
    let text = "Sorry but there's nothing we can do about the €12 restocking fee.";
    assert_eq!(
        rewrite(text),
        text,
        "the refusal stands, so its softener does"
    );
    let text = "Unfortunately the lift is out of order.";
    assert_eq!(
        rewrite(text),
        text,
        "alone, dropping it leaves the news colder"
    );
    assert_eq!(
        rewrite("Unfortunately, we can't refund you until the item reaches us."),
        "We can refund you as soon as the item reaches us.",
        "beside a reframing it goes"
    );
}

#[test]
fn a_turned_negation_keeps_no_negative_polarity_word() {
    let text = "We can't refund anything after 30 days.";
    let rewritten = Engine::builtin().rewrite(text);
    assert_eq!(rewritten.text, text, "\"we can refund anything\" says more");
    assert!(rewritten.findings.iter().all(|f| f.fix == FixKind::Suggest));
}

#[test]
fn a_question_is_not_turned_round() {
    let text = "Can't you wait until the end of the month like everyone else?";
    let rewritten = Engine::builtin().rewrite(text);
    assert!(
        rewritten
            .text
            .starts_with("Can't you wait until the end of the month"),
        "{}",
        rewritten.text
    );
    assert!(!rewritten.findings.is_empty());
    assert!(
        rewritten.findings.iter().all(|f| f.fix == FixKind::Suggest),
        "{:?}",
        rewritten.findings
    );
}

#[test]
fn a_capitalised_name_is_not_wording() {
    assert_eq!(
        rewrite("Can't Stop Coffee can't ship until Monday."),
        "Can't Stop Coffee can ship from Monday."
    );
    assert!(rules("Your table at the No Worries Café is booked for 7pm.").is_empty());
}

#[test]
fn a_match_with_two_negations_is_not_turned_half_way() {
    let engine = Engine::builtin();
    let text = "Unfortunately, we can't Unfortunately, we can't until next week";
    let rewritten = engine.rewrite(text);
    assert!(
        !rewritten.text.contains("we can we can't"),
        "{:?}",
        rewritten.text
    );
    // One negation in the match is still turned as before.
    let one = engine.rewrite("We can't ship it until Monday.");
    assert!(!one.text.contains("can't"), "{:?}", one.text);
}
