//! What kind of business a review is about.
//!
//! Knowing the kind is what lets replywise notice a review that belongs to
//! someone else (an app review that recounts a dinner) and, for replies,
//! which remedies make sense at all (an app never offers a meal). The kind
//! comes from the business profile when there is one, else from the
//! platform a review was published on.

use crate::review::Platform;
use serde::{Deserialize, Serialize};

macro_rules! kinds {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// The closed set of kinds of business.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum BusinessKind { $($variant,)* }

        impl BusinessKind {
            pub const ALL: &'static [BusinessKind] = &[$(BusinessKind::$variant,)*];

            /// The snake_case name used in data, profiles and output.
            pub fn name(self) -> &'static str {
                match self { $(BusinessKind::$variant => $name,)* }
            }
        }
    };
}

kinds!(
    Restaurant => "restaurant",
    CafeBar => "cafe_bar",
    Hotel => "hotel",
    App => "app",
    OnlineShop => "online_shop",
    RetailStore => "retail_store",
    ServiceBusiness => "service_business",
    Clinic => "clinic",
    CarRental => "car_rental",
    Courier => "courier",
);

impl BusinessKind {
    pub fn from_name(name: &str) -> Option<BusinessKind> {
        BusinessKind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// The kind a platform implies on its own: app stores list apps, and
    /// Amazon lists goods sold online. Review sites list every kind.
    pub fn of_platform(platform: Platform) -> Option<BusinessKind> {
        match platform {
            Platform::AppStore | Platform::GooglePlay => Some(BusinessKind::App),
            Platform::Amazon => Some(BusinessKind::OnlineShop),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names_and_read_back() {
        for &k in BusinessKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
            assert_eq!(BusinessKind::from_name(k.name()), Some(k));
        }
        assert_eq!(BusinessKind::from_name("bistro"), None);
    }

    #[test]
    fn app_stores_imply_an_app_and_review_sites_nothing() {
        assert_eq!(
            BusinessKind::of_platform(Platform::GooglePlay),
            Some(BusinessKind::App)
        );
        assert_eq!(BusinessKind::of_platform(Platform::Yelp), None);
    }
}
