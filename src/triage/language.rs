//! Is the review in English? The lexicon only knows English, and a wrong
//! verdict on a French review is worse than none.
//!
//! English text is full of words the lexicon knows (function words
//! included), so a review where they are common is English without asking
//! anyone. Only when they are rare is a statistical detector consulted, and
//! only its confident answers count: short English texts ("Meh.", "A+++")
//! must not be called foreign.

use whatlang::Lang;

/// Texts with fewer words are too short to tell; they are taken as English.
const MIN_WORDS: u32 = 4;
/// Share of words the lexicon knows above which a text is English.
const ENGLISH_SHARE: f64 = 0.3;
/// The detector's confidence needed to call a text foreign.
const CONFIDENCE: f64 = 0.5;

/// English function words: the glue of every English sentence and rare
/// as whole words in other languages that share the alphabet. Counting
/// them is far cheaper than the statistical detector, and settles almost
/// every English review before the detector is asked.
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "was", "were", "is", "are", "to", "of", "it", "this", "that", "with", "for",
    "my", "we", "they", "you", "have", "had", "but", "not", "our", "at", "be", "so", "very",
    "there", "on", "i", "me", "from", "just", "would", "will", "been", "when", "what", "about",
    "after",
];
/// Share of function words above which a text is English.
const FUNCTION_SHARE: f64 = 0.2;

fn function_words(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .filter(|w| FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
        .count()
}

/// The language of `text` when it is confidently not English, as an ISO
/// 639-3 code ("fra", "deu"); `None` for English or undecidable text.
pub fn foreign(text: &str, words: u32, known: usize) -> Option<&'static str> {
    let share = |n: usize| n as f64 / f64::from(words.max(1));
    if words < MIN_WORDS
        || share(known) >= ENGLISH_SHARE
        || share(function_words(text)) >= FUNCTION_SHARE
    {
        return None;
    }
    let info = whatlang::detect(text)?;
    (info.lang() != Lang::Eng && info.confidence() >= CONFIDENCE).then(|| info.lang().code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_text_is_recognised_when_english_words_are_rare() {
        let french = "Le service était très lent et le serveur désagréable, je ne reviendrai pas.";
        assert_eq!(foreign(french, 13, 0), Some("fra"));
        let german = "Das Essen war kalt und die Bedienung unfreundlich, nie wieder.";
        assert_eq!(foreign(german, 10, 1), Some("deu"));
    }

    #[test]
    fn english_and_short_texts_are_left_alone() {
        assert_eq!(foreign("Meh.", 1, 0), None);
        assert_eq!(foreign("Buenísimo todo gracias", 3, 0), None);
        let english = "The food was cold and the waiter ignored us for an hour.";
        assert_eq!(foreign(english, 12, 8), None);
        let plain = "We ordered on a Tuesday and it came after the weekend with the lid open.";
        assert_eq!(
            foreign(plain, 15, 0),
            None,
            "function words alone settle it"
        );
    }
}
