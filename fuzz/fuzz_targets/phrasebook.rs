//! A user's rule file on any text, layered over the built-in phrasebook:
//! it loads or fails with an error; what loads compiles and rewrites.
#![no_main]

use libfuzzer_sys::fuzz_target;
use replywise::phrasebook::Phrasebook;
use replywise::rewrite::Engine;

fuzz_target!(|text: &str| {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/fuzz.toml"), text).unwrap();
    if let Ok(book) = Phrasebook::load(Some(dir.path())) {
        if let Ok(engine) = Engine::new(book) {
            let _ = engine.rewrite("We can't refund you until the item reaches us, sorry.");
        }
    }
});
