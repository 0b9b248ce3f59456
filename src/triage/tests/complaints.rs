//! Complaints, praise and reviews about another business: every topic's
//! examples and counter-examples from the data, then one test per rule of
//! reading a clause.

use super::super::lexicon::Lexicon;
use super::super::*;
use super::{classifier, rated, review};
use crate::business::BusinessKind;
use crate::review::Platform;

fn topics_of(t: &str) -> Vec<Topic> {
    rated(t, 1.0).complaints.iter().map(|c| c.topic).collect()
}

/// Each sentence gives its topic.
fn gives(cases: &[(&str, Topic)]) {
    for (said, topic) in cases {
        let got = topics_of(said);
        assert!(got.contains(topic), "{said:?} should be {topic:?}: {got:?}");
    }
}

/// No sentence gives any of `topics`.
fn never(sentences: &[&str], topics: &[Topic]) {
    for said in sentences {
        let got = topics_of(said);
        assert!(
            !got.iter().any(|t| topics.contains(t)),
            "{said:?} should be none of {topics:?}: {got:?}"
        );
    }
}

#[test]
fn every_topic_example_gives_its_topic() {
    let lexicon = Lexicon::builtin().unwrap();
    for &topic in Topic::ALL {
        let cues = lexicon
            .topics
            .get(&topic)
            .unwrap_or_else(|| panic!("{topic:?}"));
        assert!(!cues.examples.is_empty(), "{topic:?} has no examples");
        assert!(!cues.why.is_empty(), "{topic:?} says nothing of why");
        for example in &cues.examples {
            let got = topics_of(example);
            assert!(
                got.contains(&topic),
                "{example:?} should be {topic:?}: {got:?}"
            );
        }
    }
}

/// A matched span as the matcher spells it: lower case, a digit as "0",
/// punctuation as a space, apostrophes straight, a number word as the
/// digits it stands for, fillers left out.
fn spelled(text: &str, lexicon: &Lexicon) -> String {
    let digits = |word: &str| {
        let is = |list: &[super::super::lexicon::Located<String>]| {
            list.iter().any(|n| {
                super::super::patterns::expand(n.get_ref())
                    .unwrap()
                    .iter()
                    .any(|w| w == word)
            })
        };
        if is(&lexicon.fillers) {
            Some("")
        } else if is(&lexicon.numerals.units) {
            Some("0")
        } else if is(&lexicon.numerals.tens) {
            Some("00")
        } else {
            None
        }
    };
    let mapped: String = text
        .to_lowercase()
        .replace('\u{2019}', "'")
        .chars()
        .map(|c| match c {
            '0'..='9' => '0',
            c if c.is_alphanumeric() || c == '\'' => c,
            _ => ' ',
        })
        .collect();
    mapped
        .split_whitespace()
        .map(|w| digits(w).unwrap_or(w))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every cue of the built-in topics carries a sentence, and in that
/// sentence it is that cue that gives the topic: a complaint's wording, its
/// judgement or its aspect is one of the cue's spellings. Without the cue
/// the reading could not be there.
#[test]
fn every_topic_cue_fires_in_its_own_example() {
    use super::super::patterns::expand;
    let lexicon = Lexicon::builtin().unwrap();
    let mut checked = 0;
    for (topic, cues) in &lexicon.topics {
        let lists = [
            ("complaints", &cues.complaints),
            ("judgements", &cues.judgements),
            ("aspects", &cues.aspects),
            ("actions", &cues.actions),
            ("virtues", &cues.virtues),
            ("measures", &cues.measures),
        ];
        for (list, entries) in lists {
            for entry in entries {
                let cue = entry.get_ref();
                let example = cue
                    .example()
                    .unwrap_or_else(|| panic!("{topic:?} {list} {:?} has no example", cue.cue()));
                let spellings = expand(cue.cue()).unwrap();
                let v = rated(example, 1.0);
                let fired = v.complaints.iter().any(|c| {
                    let read = match (&c.reading, list) {
                        (Reading::Phrase(p), "complaints" | "actions") => Some(p),
                        (
                            Reading::Judged { judgement, .. },
                            "judgements" | "virtues" | "measures",
                        ) => Some(judgement),
                        (Reading::Judged { aspect, .. }, "aspects") => aspect.as_ref(),
                        _ => None,
                    };
                    // An action or a virtue is read with the negator that
                    // turned it.
                    let turned = matches!(list, "actions" | "virtues");
                    let matches = |r: &String| {
                        let r = spelled(r, &lexicon);
                        spellings
                            .iter()
                            .any(|sp| r == *sp || turned && r.ends_with(&format!(" {sp}")))
                    };
                    c.topic == *topic && read.is_some_and(matches)
                });
                assert!(
                    fired,
                    "{topic:?} {list} {:?}: {example:?} gives {:?}",
                    cue.cue(),
                    v.complaints
                        .iter()
                        .map(|c| (c.topic, &c.reading))
                        .collect::<Vec<_>>()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn no_topic_counter_example_gives_its_topic() {
    let lexicon = Lexicon::builtin().unwrap();
    for (topic, cues) in &lexicon.topics {
        assert!(
            !cues.counter.is_empty(),
            "{topic:?} has no counter-examples"
        );
        for counter in &cues.counter {
            let got = topics_of(counter);
            assert!(
                !got.contains(topic),
                "{counter:?} must not be {topic:?}: {got:?}"
            );
        }
    }
}

#[test]
fn a_bare_noun_is_never_a_complaint() {
    for t in [
        "We ordered the burger.",
        "The hotel is downtown.",
        "I paid at the counter.",
        "The app has a dark mode.",
        "We booked a room and ordered room service.",
    ] {
        assert_eq!(topics_of(t), [], "{t:?}");
    }
}

#[test]
fn a_contrast_separates_praise_from_the_complaint() {
    let v = rated("The food was good but the service was slow.", 2.0);
    let topics: Vec<Topic> = v.complaints.iter().map(|c| c.topic).collect();
    assert_eq!(topics, [Topic::WaitTime], "{v:?}");
    assert_eq!(v.complaints[0].evidence, "the service was slow");
    assert_eq!(v.praise.len(), 1, "{:?}", v.praise);
    assert_eq!(v.praise[0].text, "The food was good");
}

#[test]
fn negated_supposed_and_excused_gripes_are_no_complaints() {
    for t in [
        "No problems with delivery.",
        "The staff weren't rude at all.",
        "I expected the room to be dirty.",
        "If the fries had been cold I would have said so.",
        "I don't mind waiting for a table.",
        "A bit pricey, but worth every penny.",
        "We waited 5 minutes which was fine.",
    ] {
        assert_eq!(topics_of(t), [], "{t:?}");
    }
}

#[test]
fn a_judgement_takes_the_topic_of_the_aspect_it_judges() {
    assert_eq!(topics_of("The fries were cold."), [Topic::FoodQuality]);
    assert_eq!(topics_of("Our room was cold."), [Topic::Room]);
    // "slow" is about waiting even next to "service" (`over`).
    assert_eq!(topics_of("Service was slow."), [Topic::WaitTime]);
    assert_eq!(topics_of("The app is so slow."), [Topic::AppBug]);
    // Without the topic in view, a judgement word says nothing.
    assert_eq!(topics_of("He burnt my ear with the dryer."), []);
    // Phrases that hold a judgement word but judge nothing.
    assert_eq!(topics_of("Ice cold beer and a late night menu, awful."), []);
}

#[test]
fn a_clause_may_judge_the_aspect_named_just_before() {
    // A pronoun opening the clause stands for the aspect before it.
    assert_eq!(
        topics_of("We booked the suite. It was filthy."),
        [Topic::Cleanliness]
    );
    assert_eq!(
        topics_of("Our room was on the top floor. It was tiny."),
        [Topic::Room]
    );
    // "As for the food, a disappointment": the clause before named it.
    assert_eq!(
        topics_of("As for the pasta, a huge disappointment."),
        [Topic::FoodQuality]
    );
    // A pronoun far from the judgement stands for the whole visit.
    assert_eq!(
        topics_of("The food came. It was a rather messy and awful evening."),
        []
    );
}

#[test]
fn an_amount_is_what_a_clause_without_a_bill_judges() {
    assert_eq!(
        topics_of("$15 for a vodka soda is a joke."),
        [Topic::PriceValue]
    );
    // A bill or a charge named in the clause keeps it billing.
    let got = topics_of("The bill was $120, a total joke.");
    assert!(
        got.contains(&Topic::Billing) && !got.contains(&Topic::PriceValue),
        "{got:?}"
    );
}

#[test]
fn a_negated_praise_word_judges_as_firmly_as_it_praises() {
    // "fresh" weighs 1.6; negated it weighs less than the floor, but "not
    // fresh" is as clear a judgement as "fresh" is praise.
    assert_eq!(topics_of("The bread was not fresh."), [Topic::FoodQuality]);
    assert_eq!(topics_of("The bread was not bad."), []);
}

#[test]
fn light_sentiment_words_only_mention() {
    // "charged" and "waited" weigh less than the judgement floor.
    assert_eq!(topics_of("I was charged at the desk and waited."), []);
}

#[test]
fn evidence_is_located_in_its_field() {
    let mut r = review("Then the soup came out cold and salty.", Some(1.0));
    r.title = Some("Rude staff".into());
    let v = classifier().classify(&r, false);
    for c in &v.complaints {
        let field = match c.field {
            Field::Title => r.title.as_deref().unwrap(),
            Field::Text => r.text.as_str(),
        };
        assert_eq!(&field[c.start..c.end], c.evidence, "{c:?}");
    }
    let staff = v
        .complaints
        .iter()
        .find(|c| c.topic == Topic::StaffAttitude);
    let food = v.complaints.iter().find(|c| c.topic == Topic::FoodQuality);
    let (staff, food) = (
        staff.expect("title complaint"),
        food.expect("text complaint"),
    );
    assert_eq!((staff.field, food.field), (Field::Title, Field::Text));
    assert_eq!(food.evidence, "the soup came out cold and salty");
    // The title says what the review is mainly about.
    assert!(staff.strength > food.strength, "{v:?}");
    assert_eq!(v.strongest()[0].topic, Topic::StaffAttitude);
}

#[test]
fn praise_is_present_praise_only() {
    let v = rated(
        "The cocktails were great. It used to be lovely. Great job losing our order.",
        2.0,
    );
    let praise: Vec<&str> = v.praise.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(praise, ["The cocktails were great"], "{v:?}");
}

#[test]
fn good_words_of_another_time_place_or_aim_are_no_praise() {
    let praise = |t: &str| {
        rated(t, 2.0)
            .praise
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        praise("The staff were really nice."),
        ["The staff were really nice"]
    );
    for t in [
        "The salesman seemed really nice at first.",
        "The pasta would have tasted great with more salt.",
        "Find a better and more friendly dentist.",
        "They claim to have the best tacos in town.",
        "I took photos of the lovely car to be safe.",
    ] {
        assert_eq!(praise(t), Vec::<String>::new(), "{t}");
    }
}

#[test]
fn nothing_short_of_denies_nothing() {
    gives(&[(
        "The waiters were nothing short of rude.",
        Topic::StaffAttitude,
    )]);
    never(
        &["They have always been nothing short of polite."],
        &[Topic::StaffAttitude],
    );
}

#[test]
fn an_app_review_about_a_dinner_is_about_another_business() {
    let dinner =
        "We were seated late, our waiter forgot the appetizers and the dessert menu never came.";
    let mut r = review(dinner, Some(1.0));
    r.source = Platform::AppStore;
    let v = classifier().classify(&r, false);
    let other = v
        .other_business
        .as_ref()
        .expect("a restaurant visit on an app's page");
    assert_eq!(other.kind, Some(BusinessKind::Restaurant));
    assert_eq!(&r.text[other.start..other.end], other.cue);
    // The same words on a review site say nothing of what the business is.
    assert!(rated(dinner, 1.0).other_business.is_none());
    // A review of the app itself is about the app.
    let mut app = review(
        "The app crashes since the update and our waiter list is gone.",
        Some(1.0),
    );
    app.source = Platform::GooglePlay;
    assert!(classifier().classify(&app, false).other_business.is_none());
    // A profile's kind decides over the platform.
    let hotel = Classifier::builtin().for_business(Some(BusinessKind::Hotel), None);
    let v = hotel.classify(&review(dinner, Some(1.0)), false);
    assert!(
        v.other_business.is_none(),
        "a hotel has a restaurant: {v:?}"
    );
    let app_kind = Classifier::builtin().for_business(Some(BusinessKind::App), None);
    assert!(app_kind
        .classify(&review(dinner, Some(1.0)), false)
        .other_business
        .is_some());
}

#[test]
fn a_topic_means_what_it_means_at_the_kind_of_business() {
    let broken = "The TV didn't work and the remote was broken.";
    let at = |kind| {
        let c = Classifier::builtin().for_business(Some(kind), None);
        let v = c.classify(&review(broken, Some(1.0)), false);
        v.complaints.iter().map(|c| c.topic).collect::<Vec<_>>()
    };
    assert!(topics_of(broken).contains(&Topic::ProductQuality));
    assert!(
        at(BusinessKind::Hotel).iter().all(|&t| t == Topic::Room),
        "{:?}",
        at(BusinessKind::Hotel)
    );
    assert!(at(BusinessKind::App).iter().all(|&t| t == Topic::AppBug));
    assert!(at(BusinessKind::OnlineShop).contains(&Topic::ProductQuality));
}

#[test]
fn every_visit_example_reads_as_its_kind() {
    let lexicon = Lexicon::builtin().unwrap();
    for (kind, cues) in &lexicon.visits {
        assert!(!cues.examples.is_empty(), "{kind:?} has no examples");
        // A kind that neither is nor covers this one.
        let covers = |k: &BusinessKind| {
            k == kind || lexicon.visits.get(k).is_some_and(|v| v.also.contains(kind))
        };
        let other = BusinessKind::ALL
            .iter()
            .copied()
            .find(|k| !covers(k))
            .unwrap();
        let judge = Classifier::builtin().for_business(Some(other), None);
        for example in &cues.examples {
            let v = judge.classify(&review(example, Some(1.0)), false);
            let found = v.other_business.and_then(|o| o.kind);
            assert_eq!(found, Some(*kind), "{example:?} on a {other:?} page");
        }
    }
}

#[test]
fn harmless_words_raise_no_escalation() {
    for t in [
        "The loft has great visual privacy and the beats were sick.",
        "Killer cocktails, and the dessert stole the show.",
    ] {
        assert_eq!(rated(t, 2.0).escalations, [], "{t:?}");
    }
}

#[test]
fn a_feeling_judges_only_what_it_is_about() {
    let about = topics_of("I was so upset with the total price of $80.");
    assert!(about.contains(&Topic::PriceValue), "{about:?}");
    let food = topics_of("Honestly disappointed in the food tonight.");
    assert!(food.contains(&Topic::FoodQuality), "{food:?}");
    for near in [
        "We were so frustrated and angry by the end that no one wanted dessert.",
        "The manager seemed frustrated when I asked about my appointment.",
    ] {
        let got = topics_of(near);
        assert!(
            !got.contains(&Topic::FoodQuality) && !got.contains(&Topic::Booking),
            "{near:?}: {got:?}"
        );
    }
}

#[test]
fn an_action_complains_only_when_turned_around() {
    gives(&[
        ("They never returned our call.", Topic::Support),
        ("This thing barely works.", Topic::ProductQuality),
    ]);
    for plain in [
        "They answered the phone on the first ring.",
        "It works with every app I own.",
        "They called back within the hour.",
    ] {
        assert!(
            topics_of(plain).is_empty(),
            "{plain:?}: {:?}",
            topics_of(plain)
        );
    }
}

#[test]
fn what_a_person_fails_to_do_is_no_fault_of_a_thing() {
    for person in [
        "She said she doesn't work that side of the store.",
        "Nobody was working the counter.",
        "The guy doesn't work weekends.",
    ] {
        let got = topics_of(person);
        assert!(!got.contains(&Topic::ProductQuality), "{person:?}: {got:?}");
    }
    // A person beside a thing that fails does not excuse the thing.
    for thing in [
        "I couldn't get it to work.",
        "The chair he gave me did not work.",
        "The kettle we got doesn't work.",
        "The Firestick we were sent doesn't work.",
        "Support tried for an hour and it still didn't work.",
    ] {
        let got = topics_of(thing);
        assert!(got.contains(&Topic::ProductQuality), "{thing:?}: {got:?}");
    }
    // Support's actions are done by people: "nobody" is who fails them.
    assert!(topics_of("Nobody ever called back.").contains(&Topic::Support));
}

#[test]
fn a_good_quality_denied_complains_of_its_topic() {
    gives(&[
        ("The staff weren't friendly at all.", Topic::StaffAttitude),
        ("Neither of our rooms was clean.", Topic::Cleanliness),
        ("Honestly the bagels were not fresh.", Topic::FoodQuality),
        ("Check-in was not quick by any measure.", Topic::WaitTime),
        ("We didn't get a clean towel all week.", Topic::Cleanliness),
    ]);
    // A virtue stated, boosted, supposed or excused is praise or nothing.
    never(
        &[
            "The staff were not only friendly but fast.",
            "Everything was clean and tidy.",
            "Not the quickest service, but the food made up for it.",
            "Service wasn't fast but that's fine, it was packed.",
            "I knew it wouldn't be quick, with a crowd that size.",
        ],
        &[Topic::StaffAttitude, Topic::WaitTime, Topic::Cleanliness],
    );
}

#[test]
fn a_number_in_words_is_a_number_and_a_short_wait_no_complaint() {
    gives(&[
        (
            "Queued for twenty minutes for a flat white.",
            Topic::WaitTime,
        ),
        ("We waited fifteen minutes for a table.", Topic::WaitTime),
        ("We must to wait 40 minutes.", Topic::WaitTime),
        ("We sat for two hours.", Topic::WaitTime),
    ]);
    never(
        &[
            "We waited five minutes and got a table.",
            "It took 5 minutes to get our drinks.",
        ],
        &[Topic::WaitTime],
    );
}

#[test]
fn a_topic_cue_reads_across_fillers() {
    gives(&[
        ("The man at reception didn't even look up.", Topic::Service),
        ("Nobody ever called us back.", Topic::Support),
        ("The pool wasn't even open.", Topic::HoursAvailability),
    ]);
}

#[test]
fn hours_alone_are_a_duration_and_behaviour_words_need_no_aspect() {
    gives(&[
        ("Their hours are ridiculous.", Topic::HoursAvailability),
        ("She was unprofessional.", Topic::StaffAttitude),
    ]);
    never(&["Worst 2 hours of my life."], &[Topic::HoursAvailability]);
    never(
        &["The ending was a bit abrupt, but I loved it."],
        &[Topic::StaffAttitude],
    );
}

#[test]
fn on_a_site_of_places_an_app_topic_needs_the_app_named() {
    let on_yelp = |text: &str| {
        let mut r = review(text, Some(1.0));
        r.source = Platform::Yelp;
        let v = classifier().classify(&r, false);
        v.complaints.iter().map(|c| c.topic).collect::<Vec<_>>()
    };
    let menu = "The menu is confusing and the layout is a mess.";
    assert!(
        topics_of(menu).contains(&Topic::AppDesign),
        "{:?}",
        topics_of(menu)
    );
    assert!(
        !on_yelp(menu).contains(&Topic::AppDesign),
        "{:?}",
        on_yelp(menu)
    );
    let app = "Their app keeps crashing when I order.";
    assert!(on_yelp(app).contains(&Topic::AppBug), "{:?}", on_yelp(app));
}
