//! Every draft is clean and true to its sources.
//!
//! Clean: the phrasebook finds nothing in any block or in any whole draft.
//! True: every sentence names its source; a `review` sentence's evidence is
//! the review's own words at the span it gives; every offer is one the
//! profile lists; no time frame or amount appears that neither the review
//! nor the profile gave; no word of another kind of business appears unless
//! the review used it. Checked on drafts for the bundled fixtures of six
//! kinds of business, and on every review of `../shared/` when present.

mod common;

use replywise::business::BusinessKind;
use replywise::draft::{Blocks, Draft, Drafter, Source};
use replywise::input::{self, Event, InputOptions};
use replywise::profile::{Offer, Profile, Tone};
use replywise::review::{Location, Platform, Review};
use replywise::rewrite::Engine;
use replywise::triage::Classifier;

/// Blocks are held to every rule; a whole draft may keep a negation of the
/// reviewer's own words ("you had nothing to complain about"), which only
/// the fallback rule flags.
fn assert_clean(engine: &Engine, text: &str, what: &str, strict: bool) {
    let mut findings = engine.findings(text);
    findings.retain(|f| strict || !f.fallback);
    assert!(
        findings.is_empty(),
        "{what}: {:?}\n{text}",
        findings
            .iter()
            .map(|f| (&f.rule, &f.matched))
            .collect::<Vec<_>>()
    );
}

/// A block with every slot filled as a real draft would fill it.
fn filled(text: &str) -> String {
    text.replace("{first_name}", "Sarah")
        .replace("{that}", "the fries were cold")
        .replace("{about}", "the long wait")
        .replace("{praise_that}", "the staff were friendly")
        .replace("{praise_about}", "the lovely cocktails")
        .replace("{business}", "Harbour Kitchen")
        .replace("{contact}", "care@harbour.example")
        .replace("{refund_time}", "5 business days")
        .replace("{delivery_time}", "2-3 working days")
        .replace("{call_back_within}", "one working day")
        .replace("{discount}", "20%")
        .replace("{signer_name}", "Sam")
        .replace("{signer_role}", "Owner")
}

/// Words that belong to some kinds of business, by word; a draft for
/// another kind may use them only when the review did. One list for this
/// test and `benches/draft_truth.py`.
static KIND_WORDS: std::sync::LazyLock<Vec<(String, Vec<BusinessKind>)>> =
    std::sync::LazyLock::new(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/kind_words.json"
        );
        let data: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        data["words"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(word, kinds)| {
                let kinds = kinds
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| BusinessKind::from_name(k.as_str().unwrap()).unwrap())
                    .collect();
                (word.clone(), kinds)
            })
            .collect()
    });

/// The plain names complaints are called by when their words are not quoted.
static PLAIN_NAMES: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| Blocks::builtin().naming.topics.into_values().collect());

fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
    })
}

/// Checks one draft against its review and profile; returns how many of
/// its sentences quote the review.
fn check_truth(review: &Review, draft: &Draft, profile: &Profile) -> usize {
    let said = |field: &str| match field {
        "author" => review.author.clone().unwrap_or_default(),
        "title" => review.title.clone().unwrap_or_default(),
        _ => review.text.clone(),
    };
    let whole = format!(
        "{}\n{}",
        review.title.as_deref().unwrap_or_default(),
        review.text
    );
    let mut rendered = draft.reply.as_str();
    let mut quoting = 0;
    for s in &draft.sentences {
        let at = rendered.find(&s.text).unwrap_or_else(|| {
            panic!(
                "{}: sentence not in the reply, in order: {:?}\n{}",
                review.id, s.text, draft.reply
            )
        });
        rendered = &rendered[at + s.text.len()..];
        assert!(
            !s.block.is_empty(),
            "{}: a sentence without a block",
            review.id
        );
        if s.from == Source::Review {
            assert!(
                !s.evidence.is_empty(),
                "{}: review sentence without evidence: {}",
                review.id,
                s.text
            );
            quoting += 1;
        }
        let sentence = s.text.to_lowercase();
        for e in &s.evidence {
            assert_eq!(
                said(e.field).get(e.start..e.end),
                Some(e.text.as_str()),
                "{}: evidence is not the review's words at its span",
                review.id
            );
            // The sentence says what the evidence says: one of its words,
            // or the plain name of a complaint's topic.
            let echoed = e
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3)
                .any(|w| sentence.contains(&w.to_lowercase()));
            let plain = PLAIN_NAMES.iter().any(|n| sentence.contains(n.as_str()));
            assert!(
                echoed || plain || e.text.len() < 3,
                "{}: {:?} does not say its evidence {:?}",
                review.id,
                s.text,
                e.text
            );
        }
        if let Some(offer) = s
            .profile_keys
            .iter()
            .find_map(|k| k.strip_prefix("offers."))
        {
            assert!(
                profile.offers.iter().any(|o| o.name() == offer),
                "{}: offers {offer}, which the profile does not: {}",
                review.id,
                s.text
            );
        }
        // A number in a sentence comes from the review or the profile.
        let values: Vec<&str> = [
            &profile.refund_time,
            &profile.delivery_time,
            &profile.call_back_within,
            &profile.discount,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(s.evidence.iter().map(|e| e.text.as_str()))
        .collect();
        for token in s
            .text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|t| !t.is_empty())
        {
            let contact = [
                &profile.contact_email,
                &profile.contact_phone,
                &profile.contact_url,
            ]
            .into_iter()
            .flatten()
            .any(|c| c.contains(token));
            assert!(
                contact || values.iter().any(|v| v.contains(token)),
                "{}: the number {token} has no source: {}",
                review.id,
                s.text
            );
        }
        for (word, kinds) in KIND_WORDS.iter() {
            let fits = profile.kind.is_some_and(|k| kinds.contains(&k));
            assert!(
                fits || !has_word(&s.text, word) || has_word(&whole, word),
                "{}: '{word}' does not fit a {:?}: {}",
                review.id,
                profile.kind,
                s.text
            );
        }
    }
    quoting
}

fn profile(kind: Option<BusinessKind>, tone: Tone) -> Profile {
    Profile {
        business_name: Some("Harbour".into()),
        kind,
        signer_name: Some("Sam".into()),
        signer_role: Some("Owner".into()),
        contact_email: Some("care@harbour.example".into()),
        refund_time: Some("5 business days".into()),
        delivery_time: Some("2-3 working days".into()),
        call_back_within: Some("one working day".into()),
        discount: Some("20%".into()),
        offers: Offer::ALL.to_vec(),
        tone,
        ..Profile::default()
    }
}

#[test]
fn every_block_is_clean_with_its_slots_filled() {
    let engine = Engine::builtin();
    for b in Blocks::builtin().blocks {
        assert_clean(engine, &filled(&b.text), &b.id, true);
        // A slot this test does not fill would reach a draft as braces.
        assert!(!filled(&b.text).contains('{'), "{}: an unknown slot", b.id);
    }
}

#[test]
fn every_block_with_topics_answers_its_own_example() {
    for b in Blocks::builtin()
        .blocks
        .iter()
        .filter(|b| !b.topics.is_empty())
    {
        let example = b.example.as_deref().unwrap();
        let mut review = Review::new(
            example.to_string(),
            Location::new("example".into(), None, 1),
        );
        review.rating = Some(1.0);
        let classifier = Classifier::builtin().for_business(b.kinds.first().copied(), None);
        let verdict = classifier.classify(&review, false);
        assert!(
            verdict
                .complaints
                .iter()
                .any(|c| b.topics.contains(&c.topic)),
            "{}: triage reads {:?} in its example {example:?}, none of {:?}",
            b.id,
            verdict
                .complaints
                .iter()
                .map(|c| c.topic.name())
                .collect::<Vec<_>>(),
            b.topics.iter().map(|t| t.name()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn no_block_states_an_action_as_taken() {
    for b in Blocks::builtin().blocks {
        let t = b.text.to_lowercase();
        for taken in [
            "we have asked",
            "we have changed",
            "we are reviewing",
            "we are sharing",
            "we have spoken",
            "is looking at",
        ] {
            assert!(!t.contains(taken), "{}: {}", b.id, b.text);
        }
    }
}

/// Drafts every review of `path` under each profile; returns (drafts,
/// sentences quoting the review).
fn draft_all(path: &str, profiles: &[Profile]) -> (usize, usize) {
    let engine = Engine::builtin();
    let mut drafts = 0;
    let mut quoting = 0;
    for p in profiles {
        let classifier = Classifier::builtin().for_business(p.kind, p.business_name.as_deref());
        let drafter = Drafter::new(Blocks::builtin(), p.clone(), engine);
        input::read_path(path, &InputOptions::default(), &mut |event| {
            if let Event::Review(review) = event {
                let verdict = classifier.classify(&review, false);
                let subject = drafter.subject(&review, &verdict);
                let draft = drafter.draft(&subject, Platform::Unknown);
                assert_clean(engine, &draft.reply, &review.id, false);
                quoting += check_truth(&review, &draft, p);
                drafts += 1;
            }
            Ok(())
        })
        .unwrap();
    }
    (drafts, quoting)
}

#[test]
fn drafts_of_six_kinds_of_business_are_clean_and_true() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/drafts");
    for kind in [
        "restaurant",
        "cafe_bar",
        "hotel",
        "app",
        "online_shop",
        "clinic",
    ] {
        let kind = BusinessKind::from_name(kind).unwrap();
        let profiles = [
            profile(Some(kind), Tone::Warm),
            profile(Some(kind), Tone::Formal),
        ];
        let (drafts, quoting) = draft_all(&format!("{dir}/{}.jsonl", kind.name()), &profiles);
        assert_eq!(drafts, 30, "{}", kind.name());
        assert!(
            quoting >= 20,
            "{}: only {quoting} sentences name the review",
            kind.name()
        );
    }
}

#[test]
fn drafts_for_every_shared_review_are_clean_and_true() {
    let Some(dir) = common::shared(
        "data/reviews",
        "drafts_for_every_shared_review_are_clean_and_true",
    ) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("{} is there but cannot be listed", dir.display());
    };
    let profiles = [
        profile(None, Tone::Warm),
        profile(Some(BusinessKind::Restaurant), Tone::Formal),
    ];
    let mut drafted = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "md") {
            continue;
        }
        drafted += draft_all(path.to_str().unwrap(), &profiles).0;
    }
    assert!(drafted > 10_000, "{drafted}");
}
