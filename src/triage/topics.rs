//! The closed set of complaint topics: what a complaint is about.
//!
//! The taxonomy is the one reviews are labelled with by hand (22 topics,
//! `other` for what fits none), so figures measured against labelled
//! reviews mean what they say. The cues that find each topic are data in
//! `phrasebook/lexicon/topics.toml`.

use crate::names::named_set;

named_set!(
    /// The closed set of complaint topics.
    Topic {
        FoodQuality => "food_quality",
        WaitTime => "wait_time",
        StaffAttitude => "staff_attitude",
        Service => "service",
        Cleanliness => "cleanliness",
        Room => "room",
        Noise => "noise",
        PriceValue => "price_value",
        Billing => "billing",
        Booking => "booking",
        Delivery => "delivery",
        WrongItem => "wrong_item",
        ProductQuality => "product_quality",
        AppBug => "app_bug",
        AppDesign => "app_design",
        Account => "account",
        Support => "support",
        Policy => "policy",
        HoursAvailability => "hours_availability",
        LocationFacilities => "location_facilities",
        ContentModeration => "content_moderation",
        Other => "other",
    }
);
