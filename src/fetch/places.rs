//! `places:<place id>`: Google Places API (New) place details.
//!
//! One request, no paging: the API returns at most five reviews per place,
//! chosen by Google. The key goes in the `X-Goog-Api-Key` header and the
//! field mask asks only for what replywise uses.

use super::secrets::GOOGLE_PLACES_API_KEY;
use super::{records_at, Ctx, Order};
use crate::error::Result;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{json, Value};

/// The most reviews the Places API returns for one place.
const CAP: usize = 5;

const FIELD_MASK: &str = "id,displayName,rating,userRatingCount,reviews";

pub(super) fn fetch(ctx: &mut Ctx, place_id: &str) -> Result<()> {
    let key = ctx.key(GOOGLE_PLACES_API_KEY)?;
    let mut headers = HeaderMap::new();
    let (name, value) = ctx
        .http
        .secret_header("x-goog-api-key", "", key, GOOGLE_PLACES_API_KEY)?;
    headers.insert(name, value);
    headers.insert(
        HeaderName::from_static("x-goog-fieldmask"),
        HeaderValue::from_static(FIELD_MASK),
    );
    let url = ctx.endpoint(&["v1", "places", place_id], &[]);
    let page = ctx.http.get(&url, &headers)?;
    let mut value = ctx.http.json(&page)?;
    let mut reviews = records_at(&ctx.http, &page, &mut value, "reviews")?;
    // Each review says which place it is about, for runs over many places.
    let place = json!({
        "id": value.get("id").cloned().unwrap_or(Value::Null),
        "displayName": value.pointer("/displayName/text").cloned().unwrap_or(Value::Null),
    });
    for review in &mut reviews {
        if let Some(object) = review.as_object_mut() {
            object.insert("place".into(), place.clone());
        }
    }
    let returned = reviews.len();
    let origin = ctx.http.shown(&page.url);
    ctx.out.page(reviews, &origin, Order::Unordered)?;
    let total = value.get("userRatingCount").and_then(Value::as_u64);
    let cut = match total {
        Some(total) => total > returned as u64 && returned > 0,
        None => returned >= CAP,
    };
    if cut {
        let total = total.map_or_else(String::new, |t| format!(" of {t} ratings"));
        ctx.out.note(format!(
            "{}: Google Places returns at most {CAP} reviews per place ({returned}{total} \
             returned); the rest are only on Google Maps",
            ctx.name
        ))?;
    }
    Ok(())
}
