//! `yelp:<business id or alias>`: Yelp Fusion `/v3/businesses/{id}/reviews`.
//!
//! Yelp Fusion returns at most three review excerpts (the text is cut
//! short) and a `total`; the key goes in an `Authorization: Bearer` header.

use super::secrets::YELP_API_KEY;
use super::{records_at, Ctx, Order};
use crate::error::Result;
use reqwest::header::{HeaderMap, AUTHORIZATION};
use serde_json::Value;

/// The most excerpts Yelp Fusion returns for one business.
const CAP: usize = 3;

pub(super) fn fetch(ctx: &mut Ctx, business: &str) -> Result<()> {
    let key = ctx.key(YELP_API_KEY)?;
    let mut headers = HeaderMap::new();
    let (_, value) = ctx
        .http
        .secret_header("authorization", "Bearer ", key, YELP_API_KEY)?;
    headers.insert(AUTHORIZATION, value);
    let url = ctx.endpoint(
        &["v3", "businesses", business, "reviews"],
        &[("limit", "50"), ("sort_by", "newest")],
    );
    let page = ctx.http.get(&url, &headers)?;
    let mut value = ctx.http.json(&page)?;
    let reviews = records_at(&ctx.http, &page, &mut value, "reviews")?;
    let returned = reviews.len();
    let origin = ctx.http.shown(&page.url);
    ctx.out.page(reviews, &origin, Order::Unordered)?;
    let total = value.get("total").and_then(Value::as_u64);
    let cut = match total {
        Some(total) => total > returned as u64,
        None => returned >= CAP,
    };
    if cut {
        let total = total.map_or_else(String::new, |t| format!(" of {t}"));
        ctx.out.note(format!(
            "{}: Yelp Fusion returns at most {CAP} reviews per business, as excerpts with the \
             text cut short ({returned}{total} returned)",
            ctx.name
        ))?;
    }
    Ok(())
}
