//! `gbp:<account>/<location>`: Google Business Profile `reviews.list`,
//! following `nextPageToken`.
//!
//! The API orders by update time, not by the review's own date, so
//! `--since` filters reviews but only stops paging at a page of old ones.

use super::secrets::GBP_ACCESS_TOKEN;
use super::{next_token, records_at, Ctx, Flow, Order, MAX_PAGES};
use crate::error::Result;
use reqwest::header::{HeaderMap, AUTHORIZATION};

pub(super) fn fetch(ctx: &mut Ctx, account: &str, location: &str) -> Result<()> {
    let token = ctx.key(GBP_ACCESS_TOKEN)?;
    let mut headers = HeaderMap::new();
    let (_, value) = ctx
        .http
        .secret_header("authorization", "Bearer ", token, GBP_ACCESS_TOKEN)?;
    headers.insert(AUTHORIZATION, value);
    let mut page_token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut query = vec![("pageSize", "50"), ("orderBy", "updateTime desc")];
        if let Some(t) = &page_token {
            query.push(("pageToken", t));
        }
        let url = ctx.endpoint(
            &["v4", "accounts", account, "locations", location, "reviews"],
            &query,
        );
        let page = ctx.http.get(&url, &headers)?;
        let mut value = ctx.http.json(&page)?;
        let reviews = records_at(&ctx.http, &page, &mut value, "reviews")?;
        let origin = ctx.http.shown(&page.url);
        if ctx.out.page(reviews, &origin, Order::Unordered)? == Flow::Done {
            break;
        }
        match next_token(&value, "/nextPageToken") {
            Some(next) if page_token.as_ref() != Some(&next) => page_token = Some(next),
            _ => break,
        }
    }
    Ok(())
}
