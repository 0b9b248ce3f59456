//! The reply-block loader on any text: an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = replywise::draft::Blocks::parse(text, "fuzz.toml");
});
