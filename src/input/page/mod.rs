//! Web pages: the schema.org reviews a page marks up, whether it was
//! fetched over `https://` or saved from a browser as `page.html`.
//!
//! [`html`] takes the page apart with a real HTML tokenizer and [`jsonld`]
//! finds the Review objects in its JSON-LD (or microdata). A saved page is
//! read whole (pages are small, and the tokenizer needs the document), up
//! to a limit, and each review it holds is one record.

pub(crate) mod html;
pub mod jsonld;

use super::Raw;
use crate::error::{Error, Result};
use std::io::{BufRead, Read};

/// Saved pages larger than this are refused: a review page is a few MB.
const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// True when the text starts like an HTML document.
pub fn looks_like_html(head: &str) -> bool {
    let start: String = head
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// Reads a saved page; returns what to warn about (JSON-LD blocks that
/// are not valid JSON). A page with no reviews is an error.
pub fn read(
    reader: &mut dyn BufRead,
    origin: &str,
    emit: &mut dyn FnMut(Raw) -> Result<()>,
) -> Result<Vec<String>> {
    let mut text = String::new();
    let read = reader
        .take(MAX_PAGE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|source| Error::Read {
            origin: origin.to_string(),
            source,
        })?;
    if read as u64 > MAX_PAGE_BYTES {
        return Err(Error::Usage(format!(
            "{origin}: a web page over {} MB; save the reviews as CSV or JSON instead",
            MAX_PAGE_BYTES / 1024 / 1024
        )));
    }
    let found = jsonld::extract(&text);
    if found.reviews.is_empty() {
        return Err(Error::Usage(format!(
            "{origin}: a web page with no schema.org reviews in it (JSON-LD or microdata); \
             reviews drawn by JavaScript are not in a saved page: export them as CSV or JSON"
        )));
    }
    for value in found.reviews {
        emit(Raw {
            value: Ok(value),
            line: None,
        })?;
    }
    Ok(found
        .bad_blocks
        .into_iter()
        .map(|problem| format!("skipped a JSON-LD block that is not valid JSON ({problem})"))
        .collect())
}
