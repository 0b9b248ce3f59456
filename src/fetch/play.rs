//! `play:<package>`: Google Play Developer API `reviews.list`, following
//! `tokenPagination.nextPageToken`.
//!
//! The API only returns reviews from the last seven days (older ones are
//! in the Play Console's monthly CSV export, which `triage` reads).

use super::secrets::GOOGLE_PLAY_ACCESS_TOKEN;
use super::{next_token, records_at, Ctx, Flow, Order, MAX_PAGES};
use crate::error::Result;
use chrono::{Duration, Utc};
use reqwest::header::{HeaderMap, AUTHORIZATION};

pub(super) fn fetch(ctx: &mut Ctx, package: &str) -> Result<()> {
    let token = ctx.key(GOOGLE_PLAY_ACCESS_TOKEN)?;
    let mut headers = HeaderMap::new();
    let (_, value) =
        ctx.http
            .secret_header("authorization", "Bearer ", token, GOOGLE_PLAY_ACCESS_TOKEN)?;
    headers.insert(AUTHORIZATION, value);
    let mut page_token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut query = vec![("maxResults", "100")];
        if let Some(t) = &page_token {
            query.push(("token", t));
        }
        let url = ctx.endpoint(
            &["androidpublisher", "v3", "applications", package, "reviews"],
            &query,
        );
        let page = ctx.http.get(&url, &headers)?;
        let mut value = ctx.http.json(&page)?;
        let reviews = records_at(&ctx.http, &page, &mut value, "reviews")?;
        let origin = ctx.http.shown(&page.url);
        if ctx.out.page(reviews, &origin, Order::NewestFirst)? == Flow::Done {
            break;
        }
        match next_token(&value, "/tokenPagination/nextPageToken") {
            Some(next) if page_token.as_ref() != Some(&next) => page_token = Some(next),
            _ => break,
        }
    }
    let week_ago = Utc::now() - Duration::days(7);
    if ctx.options.since.is_none_or(|since| since < week_ago) {
        ctx.out.note(format!(
            "{}: the Play Developer API only returns reviews from the last 7 days; \
             older ones are in the Play Console's monthly CSV export",
            ctx.name
        ))?;
    }
    Ok(())
}
