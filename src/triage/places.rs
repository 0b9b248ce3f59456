//! Reviews on a site of places (Yelp, Google Maps, Tripadvisor) when the
//! profile does not say what the business is.
//!
//! Such a review is about a place people visit, so an app's topics stand
//! only where the evidence names an app or a website: there "the menu" and
//! "the layout" are the restaurant's and the shop's, not an app's. The
//! platforms, the topics and the names are `[places]` in `business.toml`.

use super::lexicon::PlaceCues;
use super::patterns::{canonical, expand};
use super::topics::Topic;
use super::Complaint;
use crate::review::Platform;

pub struct Places {
    platforms: Vec<Platform>,
    topics: Vec<Topic>,
    /// Each name as words between spaces (" web site "), as the evidence
    /// is compared lower-cased in [`canonical`] form.
    named: Vec<String>,
}

impl Places {
    pub fn new(cues: &PlaceCues) -> Result<Places, String> {
        let mut named = Vec::new();
        for raw in &cues.named {
            named.extend(expand(raw.get_ref())?.into_iter().map(|w| format!(" {w} ")));
        }
        Ok(Places {
            platforms: cues.platforms.clone(),
            topics: cues.topics.clone(),
            named,
        })
    }

    /// Whether the platform lists places.
    pub fn lists(&self, platform: Platform) -> bool {
        self.platforms.contains(&platform)
    }

    /// Whether a complaint stands on a site of places: any topic but an
    /// app's, or an app's with the app named in its evidence.
    pub fn fits(&self, c: &Complaint) -> bool {
        if !self.topics.contains(&c.topic) {
            return true;
        }
        let words = format!(" {} ", canonical(&c.evidence.to_lowercase()));
        self.named.iter().any(|n| words.contains(n.as_str()))
    }
}
