//! The closed set of complaint topics: what a complaint is about.
//!
//! The taxonomy is the one reviews are labelled with by hand (22 topics,
//! `other` for what fits none), so figures measured against labelled
//! reviews mean what they say. The cues that find each topic are data in
//! `phrasebook/lexicon/topics.toml`.

use serde::{Deserialize, Serialize};

macro_rules! topics {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// The closed set of complaint topics.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Topic { $($variant,)* }

        impl Topic {
            pub const ALL: &'static [Topic] = &[$(Topic::$variant,)*];

            /// The snake_case name used in data and output.
            pub fn name(self) -> &'static str {
                match self { $(Topic::$variant => $name,)* }
            }
        }
    };
}

topics!(
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
);
