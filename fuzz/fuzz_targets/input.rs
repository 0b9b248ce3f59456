//! Every reader on any bytes: the first byte picks the format (or
//! detection) and plain text's paragraph mode; the rest is the input. No
//! panic, no hang, no memory blow-up; every record is a review or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use replywise::input::{self, Event, InputFormat, InputOptions};

const FORMATS: [Option<InputFormat>; 6] = [
    None,
    Some(InputFormat::Csv),
    Some(InputFormat::Json),
    Some(InputFormat::Jsonl),
    Some(InputFormat::Text),
    Some(InputFormat::Html),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let options = InputOptions {
        format: FORMATS[first as usize % FORMATS.len()],
        paragraphs: first & 0x80 != 0,
        max_record_bytes: Some(64 * 1024),
        ..InputOptions::default()
    };
    let extension = ["csv", "json", "jsonl", "txt", "html", "tsv"][(first as usize / 8) % 6];
    let _ = input::read(
        std::io::Cursor::new(rest.to_vec()),
        "fuzz",
        Some(extension),
        &options,
        &mut |event| {
            if let Event::Review(review) = event {
                assert!(review.text.len() <= 64 * 1024 + 4, "the record limit holds");
            }
            Ok(())
        },
    );
});
