//! Properties of the rewrite engine with the built-in phrasebook:
//! rewriting leaves no auto-fixable finding behind (the fixed point is
//! reached), and no input, however odd, makes it panic.

use proptest::prelude::*;
use replywise::phrasebook::FixKind;
use replywise::rewrite::Engine;

/// Pieces of support replies, negative and neutral, so generated texts
/// actually exercise the rules (random characters rarely would).
const PIECES: &[&str] = &[
    "Unfortunately,",
    "unfortunately",
    "we can't",
    "We cannot",
    "I'm unable to",
    "won't",
    "refund you",
    "ship your order",
    "until",
    "unless",
    "without",
    "before",
    "after",
    "once",
    "the item reaches us",
    "Monday",
    "3pm",
    "10 business days",
    "28 days",
    "next week",
    "you need to",
    "You must",
    "send the receipt",
    "you didn't",
    "you failed to",
    "include",
    "your order number",
    "It's against our policy",
    "there's nothing we can do",
    "no exceptions",
    "out of stock",
    "We're closed on",
    "Sundays",
    "as I said",
    "to be honest",
    "calm down",
    "No problem",
    "I don't know",
    "your complaint",
    "your problem",
    "Sorry, but",
    "sorry for the delay, but",
    "allegedly",
    "you claim",
    "it will take up to",
    "for the refund to arrive",
    "you'll have to wait",
    "can't wait",
    "\"we can't help\"",
    "https://x.example/cant",
    "help@shop.example",
    "£4.99",
    "Sarah",
    ",",
    ".",
    "!",
    "?",
    "\n",
    "  ",
    "CAN'T",
    "can’t",
    "we’re unable to",
    "don't",
    "not",
];

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..24).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_auto_fix_is_left_behind(text in draft()) {
        let engine = Engine::builtin();
        let rewritten = engine.rewrite(&text);
        let left: Vec<_> = engine
            .findings(&rewritten.text)
            .into_iter()
            .filter(|f| f.fix == FixKind::Auto)
            .collect();
        prop_assert!(left.is_empty(), "{:?} -> {:?} still has {:?}", text, rewritten.text, left);
        prop_assert_eq!(engine.rewrite(&rewritten.text).text, rewritten.text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let engine = Engine::builtin();
        let rewritten = engine.rewrite(&text);
        for f in &rewritten.findings {
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        let _ = engine.findings(&rewritten.text);
    }

    #[test]
    fn arbitrary_mixes_of_pieces_and_noise_are_rewritten_only_where_something_was_found(
        text in (draft(), any::<String>()).prop_map(|(a, b)| format!("{b}{a}{b}"))
    ) {
        let rewritten = Engine::builtin().rewrite(&text);
        for f in &rewritten.findings {
            prop_assert!(f.start <= f.end && text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        if rewritten.findings.is_empty() {
            prop_assert_eq!(rewritten.text, text, "nothing found, nothing changed");
        }
    }
}

/// A JSON object with a few members of any JSON kind around `text`.
fn json_record() -> impl Strategy<Value = (String, String)> {
    let value = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        "-?(0|[1-9][0-9]{0,2})\\.[0-9]{1,4}(e[+-]?[0-9])?",
        "\"([a-z ]|\\\\n|\\\\u00e9|\\\\\")*\"",
        Just("null".to_string()),
        Just("[1, {\"a\": [true]}]".to_string()),
    ];
    (
        prop::collection::vec(
            (
                "[a-z]{1,6}".prop_filter("not a member the test sets", |k| k != "text"),
                value,
            ),
            0..4,
        ),
        prop::collection::vec(prop::sample::select(PIECES), 0..8),
    )
        .prop_map(|(members, words)| {
            let text = words.join(" ");
            let mut parts: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{k:?} : {v}"))
                .collect();
            parts.insert(parts.len() / 2, format!("\"text\": {text:?}"));
            (format!("{{ {} }}", parts.join(", ")), text)
        })
}

proptest! {
    #[test]
    fn jsonl_records_keep_every_member_and_gain_the_rewrite((line, text) in json_record()) {
        let mut out = Vec::new();
        let result = replywise::rewrite::rewrite_record(Engine::builtin(), line.as_bytes(), "text", &mut out)
            .expect("a valid record rewrites");
        let before: serde_json::Value = serde_json::from_str(&line).unwrap();
        let after: serde_json::Value = serde_json::from_slice(&out).expect("the output is JSON");
        for (key, value) in before.as_object().unwrap() {
            if key != "rewritten" && key != "findings" {
                prop_assert_eq!(&after[key], value);
            }
        }
        prop_assert_eq!(&after["rewritten"], &serde_json::Value::String(result.text.clone()));
        prop_assert_eq!(result.text, Engine::builtin().rewrite(&text).text);
        prop_assert_eq!(
            after["findings"].as_array().map(Vec::len),
            Some(result.findings.len())
        );
    }

    #[test]
    fn jsonl_lines_of_any_bytes_are_rewritten_or_refused_never_panicked_on(line in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut out = Vec::new();
        let rewritten = replywise::rewrite::rewrite_record(Engine::builtin(), &line, "text", &mut out);
        if rewritten.is_ok() {
            prop_assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
        }
        // Linting and rewriting agree on which lines are records.
        let checked = replywise::rewrite::check_record(Engine::builtin(), &line, "text");
        prop_assert_eq!(rewritten.is_ok(), checked.is_ok());
    }
}
