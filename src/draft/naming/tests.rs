//! Naming tests: each rule with a sentence that fails without it.

use super::*;

fn naming() -> Naming {
    crate::draft::Blocks::builtin().naming
}

/// Names the words `focus` of `text` (found in it) with `shape`.
fn named(text: &str, focus: &str, shape: Shape) -> Option<(String, Form)> {
    let at = text.find(focus).expect("focus in text");
    naming()
        .name(text, at..at + focus.len(), shape)
        .map(|n| (n.text, n.form))
}

#[test]
fn the_whole_clause_is_named_when_it_reads_as_one() {
    let t = "The flavors were good but the sticky rice balls were hard in the middle.";
    assert_eq!(
        named(t, "sticky rice", Shape::JudgementFirst),
        Some((
            "the sticky rice balls were hard in the middle".into(),
            Form::That
        ))
    );
}

#[test]
fn the_point_of_view_turns_to_the_reply() {
    let t = "I was charged twice for the same order and I'm still waiting.";
    assert_eq!(
        named(t, "charged twice", Shape::Phrase),
        Some((
            "you were charged twice for the same order".into(),
            Form::That
        ))
    );
    let t = "We waited 45 minutes for our mains";
    assert_eq!(
        named(t, "waited 45 minutes", Shape::Phrase).unwrap().0,
        "you waited 45 minutes for your mains"
    );
    let t = "Waited an hour for a table.";
    assert_eq!(
        named(t, "Waited an hour", Shape::Phrase).unwrap().0,
        "you waited an hour for a table"
    );
}

#[test]
fn the_aspects_clause_is_cut_from_a_longer_one() {
    let t = "We waited and when they finally came the fries were cold.";
    assert_eq!(
        named(t, "fries were cold", Shape::AspectFirst).unwrap().0,
        "the fries were cold"
    );
}

#[test]
fn noun_phrases_are_named_about() {
    let t = "Smaller portions, higher prices.";
    assert_eq!(
        named(t, "Smaller portions", Shape::Phrase),
        Some(("the smaller portions".into(), Form::About))
    );
    let t = "Cold fries again";
    assert_eq!(
        named(t, "Cold fries", Shape::JudgementFirst).unwrap().0,
        "the cold fries"
    );
    // A phrase inside a longer clause is not a noun phrase of its own.
    assert_eq!(
        named(
            "The blackened seasoning was way too salty for me",
            "way too salty",
            Shape::Phrase
        )
        .map(|n| n.1),
        Some(Form::That)
    );
    assert_eq!(
        named("I found it way too salty", "way too salty", Shape::Phrase)
            .unwrap()
            .0,
        "you found it way too salty"
    );
}

#[test]
fn what_cannot_be_quoted_safely_is_declined() {
    // Addressed to "you": who that is cannot be told.
    assert_eq!(
        named("your staff were rude to us", "rude", Shape::Phrase),
        None
    );
    // An insult the business would not repeat.
    assert_eq!(
        named("The waiter was an idiot", "idiot", Shape::Phrase),
        None
    );
    // A fragment with no clause and no noun of its own.
    assert_eq!(
        named("after two weeks of waiting", "two weeks", Shape::Phrase),
        None
    );
    // A relative clause is not a main one.
    assert_eq!(
        named(
            "a doctor who specializes in knees",
            "specializes",
            Shape::Phrase
        ),
        None
    );
    // Too long to quote.
    let long =
        "the man at the front desk who checked us in on the first night of our trip was rude";
    assert_eq!(named(long, "rude", Shape::Phrase), None);
    // "They" could be anyone.
    assert_eq!(
        named("they forgot our drinks", "forgot", Shape::Phrase),
        None
    );
}

#[test]
fn run_on_clauses_and_quoted_speech_are_declined() {
    assert_eq!(
        named(
            "when I dropped it off it became $1,400",
            "became",
            Shape::Phrase
        ),
        None
    );
    assert_eq!(
        named(
            "the landlady said the website was 'out of date'",
            "out of date",
            Shape::Phrase
        ),
        None
    );
    // An apostrophe inside a word is not a quote.
    assert!(named("the soup wasn't hot", "wasn't hot", Shape::Phrase).is_some());
}

#[test]
fn a_bare_noun_subject_takes_the() {
    assert_eq!(
        named("Bed was lumpy", "lumpy", Shape::Phrase).unwrap().0,
        "the bed was lumpy"
    );
    // A capital word the list does not know may be a name.
    assert_eq!(
        named("Tony was rude", "rude", Shape::Phrase).unwrap().0,
        "Tony was rude"
    );
    // A thousands separator is not a clause break.
    assert!(named("We paid $1,400 for brakes", "paid", Shape::Phrase)
        .unwrap()
        .0
        .contains("$1,400"));
}

#[test]
fn case_follows_the_review() {
    let t = "THE SOUP WAS COLD";
    assert_eq!(
        named(t, "COLD", Shape::Phrase).unwrap().0,
        "the soup was cold"
    );
    let t = "Maria was so helpful. Then Maria was rude.";
    assert_eq!(named(t, "rude", Shape::Phrase).unwrap().0, "Maria was rude");
    // A determiner is never a name, though a title or a colon capitalises it.
    let t = "On the comments: The staff were rude.";
    assert_eq!(
        named(t, "rude", Shape::Phrase).unwrap().0,
        "the staff were rude"
    );
    // After a list mark a capital is the line's, not a name's.
    assert!(!capitalised_elsewhere(
        "Dinner:\n- Quiet room. Menu: Quiet music",
        "Quiet"
    ));
    assert!(capitalised_elsewhere("We had the Quiet Room", "Quiet"));
    // A double space or a line break is typing, not words.
    let t = "The staff  were   rude to us";
    assert_eq!(
        named(t, "rude", Shape::Phrase).unwrap().0,
        "the staff were rude to you"
    );
}

#[test]
fn praise_is_named_as_a_clause_or_a_short_phrase() {
    let n = naming();
    let praised = |t: &str, word: &str| {
        let at = t.find(word).unwrap();
        n.name_praise(t, 0..t.len(), at..at + word.len())
            .map(|x| (x.text, x.form))
    };
    assert_eq!(
        praised("Lovely cocktails", "Lovely"),
        Some(("the lovely cocktails".into(), Form::About))
    );
    assert_eq!(
        praised("the staff were so friendly", "friendly").map(|x| x.1),
        Some(Form::That)
    );
    assert_eq!(
        praised("a fun beach bar to visit on any day with friends", "fun"),
        None
    );
    assert_eq!(praised("room nice", "nice"), None, "not a noun phrase");
    assert_eq!(
        praised("worth the stop", "worth"),
        None,
        "not a noun phrase"
    );
}
