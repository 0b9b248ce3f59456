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
        let keys = Keys::of(r);
        let has = |k: Key| keys.has(k);
        let value_is =
            |k: Key, v: &str| has(k) && r.map.get(k.name()).and_then(|t| t.as_str()) == Some(v);
        use Key as K;
        if has(K::ImRating) {
            Shape::AppleRss
        } else if value_is(K::Type, "customerReviews") {
            Shape::AppStoreConnect
        } else if has(K::ReviewIdCamel) && has(K::Comments) {
            Shape::PlayApi
        } else if has(K::StarRatingTitle) && has(K::ReviewTextTitle) {
            Shape::PlayConsoleCsv
        } else if has(K::StarRating) && (has(K::ReviewIdCamel) || has(K::Reviewer)) {
            Shape::BusinessProfile
        } else if has(K::AuthorName) && has(K::Rating) {
            Shape::PlacesLegacy
        } else if has(K::AuthorAttribution) || (has(K::OriginalText) && has(K::Rating)) {
            Shape::PlacesNew
        } else if has(K::ReviewId) && has(K::Stars) && has(K::BusinessId) {
            Shape::YelpDataset
        } else if has(K::ReviewStarsTitle) && has(K::ReviewContentTitle) {
            Shape::TrustpilotCsv
        } else if has(K::Stars) && has(K::Consumer) {
            Shape::TrustpilotApi
        } else if has(K::LocationId) && has(K::Rating) && (has(K::PublishedDate) || has(K::Lang)) {
            Shape::Tripadvisor
        } else if (has(K::Asin) || has(K::ParentAsin)) && has(K::Rating) {
            Shape::Amazon2023
        } else if value_is(K::AtType, "Review") {
            Shape::SchemaOrg
        } else if has(K::Rating) && has(K::User) && has(K::TimeCreated) {
            Shape::YelpFusion
        } else if has(K::Location) && has(K::Source) && has(K::Text) && has(K::Id) {
            Shape::Replywise
        } else {
            Shape::Generic
        }
    }

    /// The export's name, as errors say it.
    pub fn name(self) -> &'static str {
        match self {
            Shape::AppleRss => "Apple RSS feed",
            Shape::AppStoreConnect => "App Store Connect",
            Shape::PlayApi => "Google Play API",
            Shape::PlayConsoleCsv => "Google Play Console",
            Shape::BusinessProfile => "Google Business Profile",
            Shape::PlacesLegacy | Shape::PlacesNew => "Google Places",
            Shape::YelpFusion => "Yelp Fusion",
            Shape::YelpDataset => "Yelp dataset",
            Shape::TrustpilotCsv | Shape::TrustpilotApi => "Trustpilot",
            Shape::Tripadvisor => "TripAdvisor",
            Shape::Amazon2023 => "Amazon Reviews'23",
            Shape::SchemaOrg => "schema.org Review",
            Shape::Replywise => "replywise output",
            Shape::Generic => "review",
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

/// The keys shapes are told apart by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    ImRating,
    Type,
    ReviewIdCamel,
    Comments,
    StarRatingTitle,
    ReviewTextTitle,
    StarRating,
    Reviewer,
    AuthorName,
    Rating,
    AuthorAttribution,
    OriginalText,
    ReviewId,
    Stars,
    BusinessId,
    ReviewStarsTitle,
    ReviewContentTitle,
    Consumer,
    LocationId,
    PublishedDate,
    Lang,
    Asin,
    ParentAsin,
    AtType,
    User,
    TimeCreated,
    Location,
    Source,
    Text,
    Id,
}

impl Key {
    /// Each key's name, in the order of the variants.
    const NAMES: [&'static str; 30] = [
        "im:rating",
        "type",
        "reviewId",
        "comments",
        "Star Rating",
        "Review Text",
        "starRating",
        "reviewer",
        "author_name",
        "rating",
        "authorAttribution",
        "originalText",
        "review_id",
        "stars",
        "business_id",
        "Review Stars",
        "Review Content",
        "consumer",
        "location_id",
        "published_date",
        "lang",
        "asin",
        "parent_asin",
        "@type",
        "user",
        "time_created",
        "location",
        "source",
        "text",
        "id",
    ];

    fn name(self) -> &'static str {
        Key::NAMES[self as usize]
    }
}

/// Which [`Key`]s a record has, found in one pass over its keys rather
/// than one hash lookup per question (this runs for every record).
struct Keys(u64);

impl Keys {
    fn of(r: &Record) -> Keys {
        let mut bits = 0;
        for key in r.map.keys() {
            // Lengths first: most keys are told apart without a compare.
            let found = Key::NAMES
                .iter()
                .position(|n| n.len() == key.len() && n.as_bytes() == key.as_bytes());
            if let Some(i) = found {
                bits |= 1 << i;
            }
        }
        Keys(bits)
    }

    fn has(&self, key: Key) -> bool {
        self.0 & (1 << key as u32) != 0
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
    pub const PLATFORM: &'static [&'static str] = &["source", "platform", "site"];
    pub const REPLY: &'static [&'static str] = &[
        "owner reply",
        "reply",
        "response",
        "owner response",
        "developer reply",
        "developer response",
        "reply content",
        "owner answer",
        "company response",
        "reply text",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_named_in_order_and_shapes_detected() {
        assert_eq!(Key::Id as usize, Key::NAMES.len() - 1);
        assert_eq!(Key::ImRating.name(), "im:rating");
        assert_eq!(Key::BusinessId.name(), "business_id");
        let record = |v: serde_json::Value| match v {
            serde_json::Value::Object(m) => Record::new(m),
            _ => unreachable!(),
        };
        let yelp = record(json!({"review_id": "r", "stars": 5, "business_id": "b", "text": "ok"}));
        assert_eq!(Shape::detect(&yelp), Shape::YelpDataset);
        let asc = record(json!({"type": "customerReviews", "id": "1"}));
        assert_eq!(Shape::detect(&asc), Shape::AppStoreConnect);
        let typed = record(json!({"type": "other", "text": "ok"}));
        assert_eq!(Shape::detect(&typed), Shape::Generic);
    }
}
