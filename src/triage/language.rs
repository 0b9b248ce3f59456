//! Is the review in English? The lexicon only knows English, and a wrong
//! verdict on a French review is worse than none.
//!
//! English text is full of words the lexicon knows, so a review where they
//! are common is English without asking anyone: the scan counts the words
//! its cues cover and the function words (the `function` list of
//! `modifiers.toml`: "the", "a", "for"...) as it goes. Only when both are
//! rare is a statistical detector consulted, and only its confident
//! answers count: short English texts ("Meh.", "A+++") must not be called
//! foreign.

use whatlang::Lang;

/// Texts with fewer words are too short to tell; they are taken as English.
pub const MIN_WORDS: usize = 4;
/// Share of words inside lexicon cues above which a text is English.
const ENGLISH_SHARE: f64 = 0.3;
/// Share of function words above which a text is English.
const FUNCTION_SHARE: f64 = 0.2;
/// The detector's confidence needed to call a text foreign.
const CONFIDENCE: f64 = 0.5;

/// What the scan counted of a review's words.
#[derive(Debug, Default, Clone, Copy)]
pub struct English {
    /// Words inside a lexicon cue: a four-word phrase counts four.
    pub known: u32,
    /// English function words, whether or not a cue took them.
    pub function: u32,
}

/// The language of `text` (of `words` words) when it is confidently not
/// English, as an ISO 639-3 code ("fra", "deu"); `None` for English or
/// undecidable text.
pub fn foreign(text: &str, words: usize, english: English) -> Option<&'static str> {
    let share = |n: u32| f64::from(n) / words.max(1) as f64;
    if words < MIN_WORDS
        || share(english.known) >= ENGLISH_SHARE
        || share(english.function) >= FUNCTION_SHARE
    {
        return None;
    }
    let info = whatlang::detect(text)?;
    (info.lang() != Lang::Eng && info.confidence() >= CONFIDENCE).then(|| info.lang().code())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(known: u32, function: u32) -> English {
        English { known, function }
    }

    #[test]
    fn foreign_text_is_recognised_when_english_words_are_rare() {
        let french = "Le service était très lent et le serveur désagréable, je ne reviendrai pas.";
        assert_eq!(foreign(french, 13, counts(0, 0)), Some("fra"));
        let german = "Das Essen war kalt und die Bedienung unfreundlich, nie wieder.";
        assert_eq!(foreign(german, 10, counts(1, 0)), Some("deu"));
    }

    #[test]
    fn english_and_short_texts_are_left_alone() {
        assert_eq!(foreign("Meh.", 1, counts(0, 0)), None);
        assert_eq!(foreign("Buenísimo todo gracias", 3, counts(0, 0)), None);
        let english = "The food was cold and the waiter ignored us for an hour.";
        assert_eq!(foreign(english, 12, counts(8, 5)), None);
        let plain = "We ordered on a Tuesday and it came after the weekend with the lid open.";
        assert_eq!(
            foreign(plain, 15, counts(0, 8)),
            None,
            "function words alone settle it"
        );
    }
}
