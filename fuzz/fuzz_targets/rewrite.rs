//! The rewrite engine on any text: rewriting and linting never panic, and
//! every finding's span is on character boundaries of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use replywise::rewrite::Engine;

fuzz_target!(|text: &str| {
    let engine = Engine::builtin();
    let rewritten = engine.rewrite(text);
    for f in &rewritten.findings {
        assert!(f.start <= f.end && text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    let _ = engine.findings(&rewritten.text);
});
