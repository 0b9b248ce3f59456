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
    fn arbitrary_mixes_of_pieces_and_noise_never_panic(
        text in (draft(), any::<String>()).prop_map(|(a, b)| format!("{b}{a}{b}"))
    ) {
        let _ = Engine::builtin().rewrite(&text);
    }
}
