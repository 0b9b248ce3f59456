//! Reviews about another business: posted on this business's page, but
//! recounting a visit somewhere else (an app review about a dinner, a
//! hotel review about the taxi firm). A reply would answer for someone
//! else's mistakes, so a person handles these.
//!
//! It needs to know what the business is; the signs are the visit cues of
//! each kind in `phrasebook/lexicon/business.toml` ("we were seated",
//! "checked in at the front desk"). A review with signs of another kind
//! and none of this one's is flagged, with the cue that showed it.

use super::matcher::VisitHit;
use crate::business::BusinessKind;
use std::collections::BTreeMap;

/// Signs of a foreign visit needed before a review is flagged.
const SIGNS: usize = 2;

/// Which kinds of visit a business of each kind also covers.
#[derive(Debug, Clone, Default)]
pub struct Kinship {
    pub also: BTreeMap<BusinessKind, Vec<BusinessKind>>,
}

impl Kinship {
    fn covers(&self, ours: BusinessKind, visit: BusinessKind) -> bool {
        ours == visit || self.also.get(&ours).is_some_and(|a| a.contains(&visit))
    }
}

/// The visit that shows a review is about another business: the first
/// cue of the kind with the most signs, when there are enough of them and
/// no sign of a visit to `ours`.
pub fn other_business(
    ours: BusinessKind,
    hits: &[VisitHit],
    kinship: &Kinship,
) -> Option<VisitHit> {
    if hits.iter().any(|h| kinship.covers(ours, h.kind)) {
        return None;
    }
    let mut best: Option<(usize, VisitHit)> = None;
    for h in hits {
        let signs = hits.iter().filter(|o| o.kind == h.kind).count();
        if signs >= SIGNS && best.is_none_or(|(n, _)| signs > n) {
            best = Some((signs, *h));
        }
    }
    best.map(|(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(kind: BusinessKind) -> VisitHit {
        VisitHit {
            start: 0,
            end: 1,
            kind,
        }
    }

    #[test]
    fn two_foreign_signs_and_none_of_ours_flag_the_review() {
        let k = Kinship::default();
        let dinner = [hit(BusinessKind::Restaurant), hit(BusinessKind::Restaurant)];
        assert!(other_business(BusinessKind::App, &dinner, &k).is_some());
        assert!(other_business(BusinessKind::App, &dinner[..1], &k).is_none());
        let mixed = [dinner[0], dinner[1], hit(BusinessKind::App)];
        assert!(other_business(BusinessKind::App, &mixed, &k).is_none());
    }

    #[test]
    fn a_kind_that_covers_another_is_not_foreign() {
        let mut k = Kinship::default();
        k.also
            .insert(BusinessKind::Hotel, vec![BusinessKind::Restaurant]);
        let dinner = [hit(BusinessKind::Restaurant), hit(BusinessKind::Restaurant)];
        assert!(other_business(BusinessKind::Hotel, &dinner, &k).is_none());
    }
}
