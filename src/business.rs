//! What kind of business a review is about.
//!
//! Knowing the kind is what lets replywise notice a review that belongs to
//! someone else (an app review that recounts a dinner) and, for replies,
//! which remedies make sense at all (an app never offers a meal). The kind
//! comes from the business profile when there is one, else from the
//! platform a review was published on.

use crate::names::named_set;
use crate::review::Platform;

named_set!(
    /// The closed set of kinds of business.
    BusinessKind {
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
    }
);

impl BusinessKind {
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
