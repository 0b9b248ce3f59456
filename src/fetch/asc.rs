//! `asc:<app id>`: App Store Connect `customerReviews`, newest first,
//! following `links.next`.
//!
//! `links.next` is a full URL; only its path and query are used, on the
//! base URL's host, so the token is never sent anywhere else.

use super::secrets::ASC_TOKEN;
use super::{next_token, records_at, Ctx, Flow, Order, MAX_PAGES};
use crate::error::Result;
use reqwest::header::{HeaderMap, AUTHORIZATION};

pub(super) fn fetch(ctx: &mut Ctx, app_id: &str) -> Result<()> {
    let token = ctx.key(ASC_TOKEN)?;
    let mut headers = HeaderMap::new();
    let (_, value) = ctx
        .http
        .secret_header("authorization", "Bearer ", token, ASC_TOKEN)?;
    headers.insert(AUTHORIZATION, value);
    let mut url = ctx.endpoint(
        &["v1", "apps", app_id, "customerReviews"],
        &[("limit", "200"), ("sort", "-createdDate")],
    );
    for _ in 0..MAX_PAGES {
        let page = ctx.http.get(&url, &headers)?;
        let mut value = ctx.http.json(&page)?;
        let reviews = records_at(&ctx.http, &page, &mut value, "data")?;
        let origin = ctx.http.shown(&page.url);
        if ctx.out.page(reviews, &origin, Order::NewestFirst)? == Flow::Done {
            break;
        }
        match next_token(&value, "/links/next").and_then(|link| ctx.rebase(&link)) {
            Some(next) if next != url => url = next,
            _ => break,
        }
    }
    Ok(())
}
