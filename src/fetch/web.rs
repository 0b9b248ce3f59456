//! Any `http(s)://` page: the schema.org reviews it marks up.
//!
//! An HTML page goes to [`jsonld`]; a JSON or JSON-LD answer is
//! searched directly. A page with no reviews is not an error (many shops
//! render reviews with JavaScript, which replywise does not run), but the
//! user is told.

use super::client::Page;
use super::{Ctx, Order};
use crate::error::Result;
use crate::input::page::jsonld;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT};
use reqwest::Url;

pub(super) fn fetch(ctx: &mut Ctx, url: &Url) -> Result<()> {
    let mut headers = HeaderMap::new();
    headers.insert(
        ACCEPT,
        HeaderValue::from_static(
            "text/html,application/xhtml+xml,application/ld+json;q=0.9,*/*;q=0.5",
        ),
    );
    let page = ctx.http.get(url, &headers)?;
    let is_json = page
        .content_type
        .as_deref()
        .is_some_and(|t| t.contains("json"));
    let (reviews, bad_blocks) = if is_json {
        (jsonld::reviews_in(&ctx.http.json(&page)?), Vec::new())
    } else {
        let found = jsonld::extract(&decode(&page));
        (found.reviews, found.bad_blocks)
    };
    for problem in bad_blocks {
        ctx.out.note(format!(
            "{}: skipped a JSON-LD block that is not valid JSON ({problem})",
            ctx.name
        ))?;
    }
    if reviews.is_empty() {
        return ctx.out.note(format!(
            "{}: no schema.org reviews (JSON-LD or microdata) on this page; reviews drawn \
             by JavaScript cannot be read",
            ctx.name
        ));
    }
    let origin = ctx.http.shown(&page.url);
    ctx.out.page(reviews, &origin, Order::Unordered)?;
    Ok(())
}

/// The page as text, in the charset its `Content-Type` names (UTF-8 when
/// it names none; a BOM wins over both, as in browsers).
fn decode(page: &Page) -> String {
    let label = page.content_type.as_deref().and_then(|t| {
        t.split(';')
            .filter_map(|p| p.trim().strip_prefix("charset="))
            .next()
            .map(|c| c.trim_matches('"').to_string())
    });
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(&page.body);
    text.into_owned()
}
