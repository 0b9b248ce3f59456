//! The known export and API shapes, recognised from their keys.
//!
//! Each shape says which platform it belongs to and where its id, author,
//! rating, title, text, date, language and owner reply live. Recognition is
//! by keys that only that shape has, checked per record, so a file that
//! concatenates two exports still maps correctly.

use super::fields::Record;
use crate::review::Platform;

/// A source format replywise understands natively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Apple's public customer-reviews RSS feed (JSON flavour), `feed.entry[]`.
    AppleRss,
    /// App Store Connect API `customerReviews` resources.
    AppStoreConnect,
    /// Google Play Developer API `reviews.list` items.
    PlayApi,
    /// Google Play Console monthly CSV export.
    PlayConsoleCsv,
    /// Google Business Profile `accounts.locations.reviews`.
    BusinessProfile,
    /// Google Places API place details (legacy) `result.reviews[]`.
    PlacesLegacy,
    /// Google Places API (New) `reviews[]`.
    PlacesNew,
    /// Yelp Fusion `/businesses/{id}/reviews`.
    YelpFusion,
    /// Yelp Open Dataset `review.json` lines.
    YelpDataset,
    /// Trustpilot business review export (CSV).
    TrustpilotCsv,
    /// Trustpilot API business-unit reviews (`stars`, `consumer`).
    TrustpilotApi,
    /// TripAdvisor Content API `/location/{id}/reviews`.
    Tripadvisor,
    /// Amazon Reviews'23 JSON lines.
    Amazon2023,
    /// schema.org `Review` (JSON-LD on web pages).
    SchemaOrg,
    /// replywise's own JSON output, read back in.
    Replywise,
    /// Anything else: common column names.
    Generic,
}

impl Shape {
    /// Recognises a record's shape from the keys it carries.
    pub fn detect(r: &Record) -> Shape {
        let has = |k: &str| r.has(k);
        if has("im:rating") {
            Shape::AppleRss
        } else if r.map.get("type").and_then(|t| t.as_str()) == Some("customerReviews") {
            Shape::AppStoreConnect
        } else if has("reviewId") && has("comments") {
            Shape::PlayApi
        } else if has("Star Rating") && has("Review Text") {
            Shape::PlayConsoleCsv
        } else if has("starRating") && (has("reviewId") || has("reviewer")) {
            Shape::BusinessProfile
        } else if has("author_name") && has("rating") {
            Shape::PlacesLegacy
        } else if has("authorAttribution") || (has("originalText") && has("rating")) {
            Shape::PlacesNew
        } else if has("review_id") && has("stars") && has("business_id") {
            Shape::YelpDataset
        } else if has("Review Stars") && has("Review Content") {
            Shape::TrustpilotCsv
        } else if has("stars") && has("consumer") {
            Shape::TrustpilotApi
        } else if has("location_id") && has("rating") && (has("published_date") || has("lang")) {
            Shape::Tripadvisor
        } else if (has("asin") || has("parent_asin")) && has("rating") {
            Shape::Amazon2023
        } else if r.map.get("@type").and_then(|t| t.as_str()) == Some("Review") {
            Shape::SchemaOrg
        } else if has("rating") && has("user") && has("time_created") {
            Shape::YelpFusion
        } else if has("location") && has("source") && has("text") && has("id") {
            Shape::Replywise
        } else {
            Shape::Generic
        }
    }

    pub fn platform(self) -> Platform {
        match self {
            Shape::AppleRss | Shape::AppStoreConnect => Platform::AppStore,
            Shape::PlayApi | Shape::PlayConsoleCsv => Platform::GooglePlay,
            Shape::BusinessProfile => Platform::GoogleBusiness,
            Shape::PlacesLegacy | Shape::PlacesNew => Platform::GooglePlaces,
            Shape::YelpFusion | Shape::YelpDataset => Platform::Yelp,
            Shape::TrustpilotCsv | Shape::TrustpilotApi => Platform::Trustpilot,
            Shape::Tripadvisor => Platform::Tripadvisor,
            Shape::Amazon2023 => Platform::Amazon,
            Shape::SchemaOrg => Platform::Web,
            Shape::Replywise | Shape::Generic => Platform::Unknown,
        }
    }

    /// Where each field lives, as dotted paths tried in order. The generic
    /// shape uses loose column names instead (see [`GENERIC`]).
    pub fn paths(self) -> Paths {
        let p = |id, author, rating, title, text, date, language, reply| Paths {
            id,
            author,
            rating,
            title,
            text,
            date,
            language,
            reply,
        };
        match self {
            Shape::AppleRss => p(
                &["id"],
                &["author"],
                &["im:rating"],
                &["title"],
                &["content"],
                &["updated"],
                &[],
                &[],
            ),
            Shape::AppStoreConnect => p(
                &["id"],
                &["attributes.reviewerNickname"],
                &["attributes.rating"],
                &["attributes.title"],
                &["attributes.body"],
                &["attributes.createdDate"],
                &[],
                &[],
            ),
            Shape::PlayApi => p(
                &["reviewId"],
                &["authorName"],
                &["comments.0.userComment.starRating"],
                &[],
                &["comments.0.userComment.text"],
                &["comments.0.userComment.lastModified"],
                &["comments.0.userComment.reviewerLanguage"],
                &["comments.1.developerComment.text"],
            ),
            Shape::PlayConsoleCsv => p(
                &[],
                &[],
                &["Star Rating"],
                &["Review Title"],
                &["Review Text"],
                &[
                    "Review Submit Date and Time",
                    "Review Last Update Date and Time",
                ],
                &["Reviewer Language"],
                &["Developer Reply Text"],
            ),
            Shape::BusinessProfile => p(
                &["reviewId", "name"],
                &["reviewer.displayName"],
                &["starRating"],
                &[],
                &["comment"],
                &["createTime", "updateTime"],
                &[],
                &["reviewReply.comment"],
            ),
            Shape::PlacesLegacy => p(
                &[],
                &["author_name"],
                &["rating"],
                &[],
                &["text"],
                &["time"],
                &["original_language", "language"],
                &[],
            ),
            Shape::PlacesNew => p(
                &["name"],
                &["authorAttribution.displayName"],
                &["rating"],
                &[],
                &["originalText.text", "text.text"],
                &["publishTime"],
                &["originalText.languageCode", "text.languageCode"],
                &[],
            ),
            Shape::YelpFusion => p(
                &["id"],
                &["user.name"],
                &["rating"],
                &[],
                &["text"],
                &["time_created"],
                &[],
                &[],
            ),
            Shape::YelpDataset => p(
                &["review_id"],
                &["user_id"],
                &["stars"],
                &[],
                &["text"],
                &["date"],
                &[],
                &[],
            ),
            Shape::TrustpilotCsv => p(
                &["Review ID"],
                &["Review Username", "Review Consumer Name"],
                &["Review Stars"],
                &["Review Title"],
                &["Review Content"],
                &["Review Created (UTC)"],
                &["Review Language"],
                &["Company Response", "Reply Content", "Company Reply"],
            ),
            Shape::TrustpilotApi => p(
                &["id"],
                &["consumer.displayName"],
                &["stars"],
                &["title"],
                &["text"],
                &["createdAt"],
                &["language"],
                &["companyReply.text"],
            ),
            Shape::Tripadvisor => p(
                &["id"],
                &["user.username"],
                &["rating"],
                &["title"],
                &["text"],
                &["published_date"],
                &["lang"],
                &["owner_response.text", "owner_response"],
            ),
            Shape::Amazon2023 => p(
                &[],
                &["user_id"],
                &["rating"],
                &["title"],
                &["text"],
                &["timestamp", "sort_timestamp"],
                &[],
                &[],
            ),
            Shape::SchemaOrg => p(
                &["@id", "url"],
                &["author"],
                &["reviewRating.ratingValue"],
                &["name", "headline"],
                &["reviewBody", "description"],
                &["datePublished", "dateCreated"],
                &["inLanguage"],
                &[],
            ),
            Shape::Replywise => p(
                &["id"],
                &["author"],
                &["rating"],
                &["title"],
                &["text"],
                &["date"],
                &["language"],
                &["owner_reply"],
            ),
            Shape::Generic => Paths::default(),
        }
    }
}

/// Where a shape keeps each field (dotted paths, first present wins).
#[derive(Debug, Clone, Copy, Default)]
pub struct Paths {
    pub id: &'static [&'static str],
    pub author: &'static [&'static str],
    pub rating: &'static [&'static str],
    pub title: &'static [&'static str],
    pub text: &'static [&'static str],
    pub date: &'static [&'static str],
    pub language: &'static [&'static str],
    pub reply: &'static [&'static str],
}

/// Column names the generic mapping recognises, compared loosely.
pub struct Generic;

impl Generic {
    pub const TEXT: &'static [&'static str] = &[
        "text",
        "review",
        "review text",
        "body",
        "comment",
        "content",
        "review body",
        "review content",
        "message",
        "feedback",
        "description",
    ];
    /// Star-like ratings, then thumbs (0/1) ratings, in order of preference.
    pub const RATING: &'static [&'static str] = &[
        "rating",
        "stars",
        "score",
        "star rating",
        "review stars",
        "review rating",
        "rating value",
        "overall",
        "thumbs up",
        "thumbs",
        "recommended",
    ];
    pub const STARS: &'static [&'static str] = Generic::RATING.split_at(8).0;
    pub const THUMBS: &'static [&'static str] = Generic::RATING.split_at(8).1;
    pub const TITLE: &'static [&'static str] =
        &["title", "summary", "review title", "headline", "subject"];
    pub const AUTHOR: &'static [&'static str] = &[
        "author",
        "reviewer",
        "user",
        "name",
        "user name",
        "author name",
        "reviewer name",
        "display name",
        "customer",
    ];
    pub const DATE: &'static [&'static str] = &[
        "date",
        "created",
        "time",
        "created at",
        "timestamp",
        "date published",
        "review date",
        "published at",
        "time created",
        "submitted at",
    ];
    pub const ID: &'static [&'static str] = &["id", "review id", "uuid"];
    pub const LANGUAGE: &'static [&'static str] = &["language", "lang", "language code", "locale"];
    pub const REPLY: &'static [&'static str] = &[
        "owner reply",
        "reply",
        "response",
        "owner response",
        "developer reply",
        "company response",
        "reply text",
    ];
}
