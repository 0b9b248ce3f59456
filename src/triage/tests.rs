//! One test per linguistic rule, each with a sentence the rule decides;
//! then escalation, language, ratings and the lexicon files. Complaints,
//! praise and other businesses are tested in [`complaints`].

use super::lexicon::Lexicon;
use super::*;
use crate::review::Location;
use std::sync::OnceLock;

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::builtin)
}

mod complaints;

fn review(text: &str, rating: Option<f64>) -> Review {
    let mut review = Review::new(text.into(), Location::new("t".into(), Some(1), 1));
    review.rating = rating;
    review
}

fn text(t: &str) -> Verdict {
    classifier().classify(&review(t, None), true)
}

fn rated(t: &str, rating: f64) -> Verdict {
    classifier().classify(&review(t, Some(rating)), false)
}

fn cue<'a>(v: &'a Verdict, said: &str) -> &'a Cue {
    v.reasons
        .iter()
        .find(|c| c.cue.eq_ignore_ascii_case(said))
        .unwrap_or_else(|| panic!("no cue {said:?} in {:?}", v.reasons))
}

#[track_caller]
fn assert_label(t: &str, label: Label) {
    let v = text(t);
    assert_eq!(v.label, label, "{t:?}: {:?}", v.reasons);
}

#[test]
fn negation_turns_praise_around() {
    assert_label("The food was not good.", Label::Negative);
    assert!(cue(&text("The food was not good."), "good")
        .rules
        .contains(&Rule::Negated));
    assert_label("I would not recommend this place.", Label::Negative);
}

#[test]
fn negated_complaints_are_not_complaints() {
    for t in [
        "Never disappointed.",
        "No problems at all.",
        "The staff were never rude to us.",
    ] {
        assert!(!text(t).negative, "{t:?}: {:?}", text(t).reasons);
    }
}

#[test]
fn negation_stops_at_a_clause_break() {
    let v = text("Not cheap, but delicious food.");
    assert!(!cue(&v, "delicious").rules.contains(&Rule::Negated));
    assert_eq!(v.label, Label::Positive);
}

#[test]
fn enough_cancels_a_negation() {
    let v = text("I can't recommend them highly enough.");
    assert_eq!(v.label, Label::Positive, "{:?}", v.reasons);
    let v = text("I can't thank the team enough.");
    assert!(cue(&v, "thank").rules.contains(&Rule::Enough));
    assert_eq!(v.label, Label::Positive);
}

#[test]
fn boosters_and_diminishers_scale_the_next_word() {
    let plain = cue(&text("It was annoying."), "annoying").weight;
    let very = cue(&text("It was extremely annoying."), "annoying").weight;
    let slightly = cue(&text("It was slightly annoying."), "annoying").weight;
    assert!(very < plain && plain < slightly && slightly < 0.0);
}

#[test]
fn too_makes_a_plain_word_a_complaint() {
    assert_label("The soup was too salty.", Label::Negative);
    assert_label("Me too.", Label::Neutral);
}

#[test]
fn contrast_weighs_the_clause_after_but() {
    let t = "Great location and lovely decor, but the food was bad.";
    let v = text(t);
    assert!(cue(&v, "lovely").rules.contains(&Rule::BeforeContrast));
    assert!(cue(&v, "bad").rules.contains(&Rule::AfterContrast));
    assert_eq!(v.label, Label::Negative, "{:?}", v.reasons);
}

#[test]
fn contrast_reaches_back_across_a_sentence() {
    let v = text("The view was nice. However, the room was dirty.");
    assert!(cue(&v, "nice").rules.contains(&Rule::BeforeContrast));
    assert_eq!(v.label, Label::Negative);
}

#[test]
fn a_concession_clause_weighs_less() {
    let v = text("Although the staff were friendly, the food was bland.");
    assert!(cue(&v, "friendly").rules.contains(&Rule::Conceded));
    assert_eq!(v.label, Label::Negative, "{:?}", v.reasons);
}

#[test]
fn capitals_and_exclamations_add_emphasis() {
    let calm = text("The service was bad.");
    let caps = text("The service was BAD.");
    assert!(cue(&caps, "BAD").rules.contains(&Rule::Caps));
    assert!(caps.score < calm.score);
    assert!(text("The service was bad!!!").score < calm.score);
    // A review written all in capitals is not emphasis throughout.
    assert!(cue(&text("THE SERVICE WAS BAD."), "BAD").rules.is_empty());
}

#[test]
fn emoji_and_emoticons_carry_sentiment() {
    assert_label("Dinner tonight 😡", Label::Negative);
    assert_label("Dinner tonight 😍", Label::Positive);
    assert_label("Delivery came late :(", Label::Negative);
    assert!(text("see http://example.com/a:(b").reasons.is_empty());
}

#[test]
fn idioms_do_not_mislead() {
    for t in [
        "The brisket is to die for.",
        "Killer burgers and cold beer.",
        "Not bad at all.",
        "You can't go wrong with the tacos.",
        "Couldn't be happier with it.",
        "The kids went mad for it.",
        "Everyone goes crazy over the garlic knots.",
    ] {
        assert_label(t, Label::Positive);
    }
}

#[test]
fn complaint_language_without_sentiment_words() {
    for t in [
        "Won't be back.",
        "Never again.",
        "Zero stars.",
        "1 star is generous.",
        "Waste of money.",
        "Save your money.",
        "Don't bother.",
        "Stay away.",
        "Not worth it.",
        "Still waiting for my refund.",
        "It stopped working after 2 weeks.",
        "We waited 45 minutes for a table.",
        "It used to be great.",
        "This place went downhill.",
        "They no longer deliver here.",
        "I've had better.",
    ] {
        assert!(text(t).negative, "{t:?}: {:?}", text(t).reasons);
    }
}

#[test]
fn ratings_in_the_text_are_read() {
    assert_label("Two visits, 1 star.", Label::Negative);
    assert_label("Easily 5 stars.", Label::Positive);
    assert_label("I give it 2/10.", Label::Negative);
}

#[test]
fn sarcasm_turns_praise_into_a_complaint() {
    let v = text("Great job losing my order.");
    assert_eq!(v.label, Label::Negative, "{:?}", v.reasons);
    assert!(v.reasons.iter().any(|c| c.rules.contains(&Rule::Sarcasm)));
    assert_label("Thanks for nothing.", Label::Negative);
    assert_label("Great job, guys, the cake was perfect.", Label::Positive);
}

#[test]
fn the_strongest_complaint_outweighs_polite_praise() {
    let t = "The location is convenient, the decor is lovely and the bread was good. \
        The hostess was fine. The steak was awful and the waiter was rude.";
    let v = text(t);
    assert_eq!(v.label, Label::Negative, "{:?}", v.reasons);
    let sum: f64 = v.reasons.iter().map(|c| c.weight).sum();
    assert!(sum > 0.0, "the praise outweighs the complaint by sum alone");
    // The same review scored without the rule.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lexicon")).unwrap();
    std::fs::write(
        dir.path().join("lexicon/scoring.toml"),
        "[scoring]\nstrongest = 0.0\n",
    )
    .unwrap();
    let without = Classifier::with_phrasebook(dir.path()).unwrap();
    assert!(!without.classify(&review(t, None), true).negative);
}

#[test]
fn a_long_happy_review_with_a_small_quibble_stays_positive() {
    let t = "Wonderful evening. The staff were attentive and friendly, the steak was \
        perfect and the dessert was amazing. Parking was a bit tight. We will be back!";
    assert_label(t, Label::Positive);
}

#[test]
fn rating_leads_and_the_text_can_temper_it() {
    assert_eq!(rated("Lovely place.", 1.0).label, Label::Negative);
    assert_eq!(rated("Lovely place.", 3.0).label, Label::Mixed);
    assert_eq!(rated("Lovely place.", 5.0).label, Label::Positive);
    let mixed = rated(
        "Great food but the fries were cold and the waiter was rude.",
        4.0,
    );
    assert_eq!(mixed.label, Label::Mixed);
    assert!(!mixed.negative);
    assert!(mixed.reasons.iter().any(|c| c.kind == CueKind::Rating));
}

#[test]
fn strong_disagreement_is_a_mismatch() {
    let angry = rated("Worst service ever, rude staff, never again!", 5.0);
    assert_eq!(angry.label, Label::Mismatch);
    assert!(angry.negative);
    let glowing = rated("Absolutely wonderful, the best meal we ever had!", 1.0);
    assert_eq!(glowing.label, Label::Mismatch);
    assert!(!glowing.negative);
}

#[test]
fn foreign_text_is_unsupported_not_misjudged() {
    let t = "Le service était très lent et le serveur désagréable, je ne reviendrai pas.";
    let v = text(t);
    assert_eq!(v.label, Label::Unsupported);
    assert_eq!(v.language, Some("fra"));
    assert!(!v.negative);
    assert!(v.complaints.is_empty() && v.praise.is_empty());
    // A low rating is never hidden by language: the label comes from the
    // rating, and the language is reported beside it.
    let low = rated(t, 1.0);
    assert_eq!((low.label, low.negative), (Label::Negative, true));
    assert_eq!(low.language, Some("fra"));
    let german = rated(
        "Das Essen war kalt und der Kellner sehr unfreundlich, nie wieder.",
        2.0,
    );
    assert_eq!(
        (german.label, german.language),
        (Label::Negative, Some("deu"))
    );
    assert_eq!(rated(t, 3.0).label, Label::Mixed);
    for english in ["Meh.", "Great, thanks!"] {
        assert_eq!(
            text(english).language,
            None,
            "{english:?} is too short to tell"
        );
    }
    assert_eq!(text("Food was cold. Staff rude.").language, Some("eng"));
}

#[test]
fn every_escalation_example_escalates() {
    let lexicon = Lexicon::builtin().unwrap();
    for kind in EscalationKind::ALL {
        let cues = lexicon
            .escalation
            .get(&kind)
            .unwrap_or_else(|| panic!("{kind:?}"));
        assert!(!cues.examples.is_empty(), "{kind:?} has no examples");
        for example in &cues.examples {
            let v = text(example);
            assert!(
                v.escalations.iter().any(|e| e.kind == kind),
                "{example:?} should escalate {kind:?}: {v:?}"
            );
        }
    }
}

#[test]
fn every_calm_sentence_stays_calm() {
    let lexicon = Lexicon::builtin().unwrap();
    let calm: Vec<&String> = lexicon.escalation.values().flat_map(|c| &c.calm).collect();
    assert!(calm.len() >= 4, "too few calm sentences: {calm:?}");
    for sentence in calm {
        let v = text(sentence);
        assert!(
            v.escalations.is_empty(),
            "{sentence:?}: {:?}",
            v.escalations
        );
    }
}

#[test]
fn paired_escalation_cues_need_both_halves_in_one_sentence() {
    let both = "After the facial I had a painful rash on my neck.";
    let v = text(both);
    let e = &v.escalations[0];
    assert_eq!(e.kind, EscalationKind::HealthSafety);
    assert_eq!(e.cue, "painful rash on my neck");
    for alone in [
        "Parking was a real pain.",
        "The scarf kept my neck warm.",
        "Parking was a pain. The scarf kept my neck warm.",
        "No rash on my skin at all.",
    ] {
        assert!(text(alone).escalations.is_empty(), "{alone:?}");
    }
}

#[test]
fn escalation_spans_point_at_the_cue_and_negations_do_not_escalate() {
    let t = "Loved it. But I got food poisoning.";
    let v = text(t);
    let e = &v.escalations[0];
    assert_eq!(e.kind, EscalationKind::HealthSafety);
    assert_eq!(&t[e.start..e.end], e.cue);
    for calm in [
        "Clean room, no bed bugs.",
        "Sue was our server and she was lovely.",
        "Sick beats and great drinks.",
    ] {
        assert!(text(calm).escalations.is_empty(), "{calm:?}");
    }
}

#[test]
fn cue_spans_point_into_title_and_text() {
    let mut r = review("The waiter was rude.", None);
    r.title = Some("Never again".into());
    let v = classifier().classify(&r, true);
    let full = r.full_text();
    for c in &v.reasons {
        assert_eq!(&full[c.start..c.end], c.cue);
    }
    assert!(v.reasons.iter().any(|c| c.cue == "Never again"));
}

#[test]
fn the_builtin_lexicon_loads_and_compiles() {
    let lexicon = Lexicon::builtin_checked().unwrap();
    assert!(lexicon.words.len() > 100);
    assert!(classifier().pattern_count() > 1000);
}

mod user_phrasebook {
    use super::*;
    use std::fs;

    fn dir_with(file: &str, body: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("lexicon")).unwrap();
        fs::write(dir.path().join("lexicon").join(file), body).unwrap();
        dir
    }

    #[test]
    fn user_words_are_laid_over_the_builtin_ones() {
        let t = review("The widget is janky.", None);
        let builtin = classifier().classify(&t, true);
        let dir = dir_with("words.toml", "[words]\njanky = 0\n\"widget\" = 2.5\n");
        let custom = Classifier::with_phrasebook(dir.path()).unwrap();
        let v = custom.classify(&t, true);
        assert!(builtin.negative);
        assert_eq!(v.label, Label::Positive, "{:?}", v.reasons);
    }

    #[test]
    fn a_directory_without_lexicon_adds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Classifier::with_phrasebook(dir.path()).is_ok());
        assert!(Classifier::with_phrasebook(&dir.path().join("missing")).is_err());
    }

    #[track_caller]
    fn located_error(file: &str, body: &str, line: usize, column: usize, says: &str) {
        let dir = dir_with(file, body);
        let Err(err) = Classifier::with_phrasebook(dir.path()) else {
            panic!("{body:?} should fail");
        };
        match &err {
            Error::Phrasebook {
                path,
                line: l,
                column: c,
                message,
            } => {
                assert!(path.ends_with(file), "{path}");
                assert_eq!((*l, *c), (line, column), "{err}");
                assert!(message.contains(says), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mistakes_are_located() {
        located_error(
            "words.toml",
            "[words]\ngood = \"yes\"\n",
            2,
            8,
            "expected a weight",
        );
        located_error(
            "words.toml",
            "[words]\n\"(bad|\" = -2\n",
            2,
            11,
            "never closed",
        );
        located_error("words.toml", "[words]\nfoo = 99\n", 2, 7, "outside");
        located_error(
            "reviews.toml",
            "[complaints]\n\"1 star\" = -2\n",
            2,
            12,
            "#",
        );
        located_error("scoring.toml", "[scoring]\nalpah = 3.0\n", 2, 9, "unknown");
        located_error(
            "topics.toml",
            "[topics.deliveries]\naspects = [\"van\"]\n",
            1,
            9,
            "unknown variant",
        );
        located_error("typo.toml", "", 1, 1, "unknown lexicon file");
    }
}

#[test]
fn output_names_are_the_serde_names() {
    use CueKind as K;
    let kinds = [
        K::Word,
        K::Complaint,
        K::Praise,
        K::Sarcasm,
        K::Symbol,
        K::Stars,
        K::Negator,
        K::Excess,
        K::Rating,
    ];
    for k in kinds {
        assert_eq!(serde_json::to_value(k).unwrap(), k.name());
    }
    let rules = [
        Rule::Negated,
        Rule::Enough,
        Rule::Boosted,
        Rule::Diminished,
        Rule::Caps,
        Rule::BeforeContrast,
        Rule::AfterContrast,
        Rule::Conceded,
        Rule::Sarcasm,
    ];
    for r in rules {
        assert_eq!(serde_json::to_value(r).unwrap(), r.name());
    }
    for l in Label::ALL {
        assert_eq!(serde_json::to_value(l).unwrap(), l.name());
    }
    for &t in Topic::ALL {
        assert_eq!(serde_json::to_value(t).unwrap(), t.name());
    }
    for e in EscalationKind::ALL {
        assert_eq!(serde_json::to_value(e).unwrap(), e.name());
    }
}

#[test]
fn rating_cues_read_as_the_number_is_written() {
    for r in [1.0, 5.0, 0.0, 10.0, 3.5, 1.4, -2.0, 250.0] {
        assert_eq!(rating_cue(r), format!("rating {r}"));
    }
}
