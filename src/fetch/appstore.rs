//! `appstore:<id>`: Apple's public customer-reviews RSS feed (JSON), no key.
//!
//! The feed serves pages 1 to 10 of up to 50 reviews per storefront,
//! newest first. A page past the end is an envelope with no `entry`; page 11
//! answers in plain text (`CustomerReviews RSS page depth is limited to
//! 10`); one review may come as a bare object instead of a list. Storefronts
//! are fetched one after another and reviews de-duplicated by id.

use super::{Ctx, Flow, Order};
use crate::error::{Error, Result};
use serde_json::Value;

/// Apple's depth limit, in pages per storefront.
const MAX_PAGES: u32 = 10;

/// What Apple says instead of JSON past the depth limit.
const DEPTH_LIMIT_TEXT: &str = "page depth is limited";

/// Fetches every storefront; one that fails is reported, naming it, and
/// the others are still fetched.
pub(super) fn fetch(ctx: &mut Ctx, app_id: &str) -> Result<()> {
    let countries = ctx.options.countries.clone();
    for country in &countries {
        if ctx.out.full() {
            break;
        }
        match storefront(ctx, app_id, country) {
            Ok(()) => {}
            Err(Error::Fetch(mut error)) if countries.len() > 1 => {
                error.spec = format!("{} (storefront {country})", error.spec);
                ctx.out.part_failed(error)?;
            }
            Err(other) => return Err(other),
        }
    }
    Ok(())
}

fn storefront(ctx: &mut Ctx, app_id: &str, country: &str) -> Result<()> {
    for page_number in 1..=MAX_PAGES {
        let url = ctx.endpoint(
            &[
                country,
                "rss",
                "customerreviews",
                &format!("page={page_number}"),
                &format!("id={app_id}"),
                "sortby=mostrecent",
                "json",
            ],
            &[],
        );
        let page = ctx.http.get_any(&url, &Default::default())?;
        if page.text().contains(DEPTH_LIMIT_TEXT) {
            return depth_note(ctx, country);
        }
        let page = ctx.http.success(page)?;
        let mut value = ctx.http.json(&page)?;
        let entries = match value.pointer_mut("/feed") {
            Some(Value::Object(feed)) => match feed.shift_remove("entry") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(entries)) => entries,
                Some(entry @ Value::Object(_)) => vec![entry],
                Some(_) => return Err(ctx.http.shape(&page, "feed.entry is not a list").into()),
            },
            _ => {
                return Err(ctx
                    .http
                    .shape(&page, "expected Apple's feed: {\"feed\": {...}}")
                    .into())
            }
        };
        // Old feeds put the app itself first, as an entry with no rating.
        let reviews: Vec<Value> = entries
            .into_iter()
            .filter(|e| !(e.get("im:name").is_some() && e.get("im:rating").is_none()))
            .collect();
        if reviews.is_empty() {
            return Ok(());
        }
        let origin = ctx.http.shown(&page.url);
        if ctx.out.page(reviews, &origin, Order::NewestFirst)? == Flow::Done {
            return Ok(());
        }
        if page_number == MAX_PAGES {
            return depth_note(ctx, country);
        }
    }
    Ok(())
}

fn depth_note(ctx: &mut Ctx, country: &str) -> Result<()> {
    let message = format!(
        "{} ({country}): Apple's feed stops at {MAX_PAGES} pages of 50 reviews (500 per \
         country); older reviews in this storefront were not fetched",
        ctx.name
    );
    ctx.out.note(message)
}
