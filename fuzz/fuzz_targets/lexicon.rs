//! A user's lexicon file on any text: the classifier builds or fails with
//! an error, and what builds classifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use replywise::review::{Location, Review};
use replywise::triage::Classifier;

fuzz_target!(|data: &[u8]| {
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let names = ["words.toml", "topics.toml", "modifiers.toml", "reviews.toml", "escalation.toml"];
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lexicon")).unwrap();
    let name = names[which as usize % names.len()];
    std::fs::write(dir.path().join("lexicon").join(name), text).unwrap();
    if let Ok(classifier) = Classifier::with_phrasebook(dir.path()) {
        let review = Review::new("The food was cold but the staff were lovely.".into(), Location::new("f".into(), None, 1));
        let _ = classifier.classify(&review, false);
    }
});
