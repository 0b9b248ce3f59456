//! `trustpilot:<business unit id>`: Trustpilot's public business-unit
//! reviews, newest first, paged by number until a short or empty page.
//!
//! The key goes in the `apikey` header rather than the query string, so it
//! is not written to proxy and server logs.

use super::secrets::TRUSTPILOT_API_KEY;
use super::{records_at, Ctx, Flow, Order, MAX_PAGES};
use crate::error::Result;
use reqwest::header::HeaderMap;

const PER_PAGE: usize = 100;

pub(super) fn fetch(ctx: &mut Ctx, business_unit: &str) -> Result<()> {
    let key = ctx.key(TRUSTPILOT_API_KEY)?;
    let mut headers = HeaderMap::new();
    let (name, value) = ctx
        .http
        .secret_header("apikey", "", key, TRUSTPILOT_API_KEY)?;
    headers.insert(name, value);
    let per_page = PER_PAGE.to_string();
    for number in 1..=MAX_PAGES {
        let page_number = number.to_string();
        let url = ctx.endpoint(
            &["v1", "business-units", business_unit, "reviews"],
            &[
                ("perPage", &per_page),
                ("page", &page_number),
                ("orderBy", "createdat.desc"),
            ],
        );
        let page = ctx.http.get(&url, &headers)?;
        let mut value = ctx.http.json(&page)?;
        let reviews = records_at(&ctx.http, &page, &mut value, "reviews")?;
        let count = reviews.len();
        let origin = ctx.http.shown(&page.url);
        if ctx.out.page(reviews, &origin, Order::NewestFirst)? == Flow::Done || count < PER_PAGE {
            break;
        }
    }
    Ok(())
}
