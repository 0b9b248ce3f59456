//! The business profile loader on any text: an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = replywise::profile::Profile::parse(text, "fuzz.toml");
});
