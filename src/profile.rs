//! The business profile: the facts a reply may state.
//!
//! Drafts name the business, sign with a person's name and role, give a
//! contact and promise only time frames the owner wrote down. Anything the
//! profile does not say becomes a visible slot (`[refund time frame]`) that
//! a person fills in; nothing is invented.

use crate::business::BusinessKind;
use crate::error::{toml_error, Error, Result};
use crate::review::Platform;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// How the template written by `replywise init` marks a fact still to be
/// filled in (`"[your business name]"`): loading a profile that still has
/// one set is an error, so a slot never reaches a posted reply.
pub const SLOT_MARK: &str = "\"[your ";

/// The file name looked for in the working and config directories.
pub const FILE_NAME: &str = "replywise.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    #[default]
    Warm,
    Formal,
}

crate::names::named_set!(
    /// The remedies an owner may authorise drafts to offer.
    Offer {
        Refund => "refund",
        Replacement => "replacement",
        Redelivery => "redelivery",
        MealOnUs => "meal_on_us",
        RoomChange => "room_change",
        Discount => "discount",
        CallBack => "call_back",
        RedoWork => "redo_work",
        Rebook => "rebook",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub business_name: Option<String>,
    /// What the business is: reviews recounting a visit to another kind
    /// of business are set aside for a person.
    #[serde(default, deserialize_with = "kind")]
    pub kind: Option<BusinessKind>,
    pub signer_name: Option<String>,
    pub signer_role: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_url: Option<String>,
    /// How long a refund takes once approved, e.g. "5 business days".
    pub refund_time: Option<String>,
    /// Usual delivery time, e.g. "2-3 working days".
    pub delivery_time: Option<String>,
    /// How soon a call back happens, e.g. "one working day".
    pub call_back_within: Option<String>,
    /// A discount the owner is happy to give, e.g. "20%".
    pub discount: Option<String>,
    /// The remedies drafts may offer; a draft offers nothing else and
    /// otherwise invites the reviewer to get in touch.
    #[serde(default)]
    pub offers: Vec<Offer>,
    #[serde(default, deserialize_with = "platform")]
    pub default_platform: Option<Platform>,
    #[serde(default)]
    pub tone: Tone,
}

/// A name of a closed set, or an error listing the names it may be.
fn one_of<'de, D: serde::Deserializer<'de>, T: Copy>(
    d: D,
    what: &str,
    all: &[T],
    name_of: fn(T) -> &'static str,
) -> Result<Option<T>, D::Error> {
    let name = String::deserialize(d)?;
    all.iter()
        .copied()
        .find(|x| name_of(*x) == name)
        .map(Some)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|x| name_of(*x)).collect();
            serde::de::Error::custom(format!(
                "unknown {what} {name:?}; use one of {}",
                names.join(", ")
            ))
        })
}

fn kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<BusinessKind>, D::Error> {
    one_of(d, "kind", BusinessKind::ALL, BusinessKind::name)
}

fn platform<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Platform>, D::Error> {
    one_of(d, "platform", &Platform::ALL, Platform::name)
}

impl Profile {
    /// Parses a profile; errors are located in `path`.
    pub fn parse(text: &str, path: &str) -> Result<Profile> {
        for (at, _) in text.match_indices(SLOT_MARK) {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if !text[line_start..at].contains('#') {
                let (line, column) = crate::text::line_column(text, at);
                return Err(Error::Config {
                    path: path.to_string(),
                    line,
                    column,
                    message: "this is still a slot of the template; write the real fact, or \
                              put a # before the line to leave it out"
                        .into(),
                });
            }
        }
        toml::from_str(text).map_err(|e| toml_error(path, text, &e))
    }

    /// Finds the profile: `--profile FILE` if given (it must exist), else
    /// `replywise.toml` in the working directory, else in the user's config
    /// directory; else an empty profile (every fact becomes a slot).
    pub fn discover(explicit: Option<&Path>) -> Result<(Profile, Option<PathBuf>)> {
        let candidates: Vec<PathBuf> = match explicit {
            Some(path) => vec![path.to_path_buf()],
            None => [
                Some(PathBuf::from(FILE_NAME)),
                config_dir().map(|d| d.join(FILE_NAME)),
            ]
            .into_iter()
            .flatten()
            .filter(|p| p.is_file())
            .collect(),
        };
        let Some(path) = candidates.into_iter().next() else {
            return Ok((Profile::default(), None));
        };
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Open {
            path: path.clone(),
            source,
        })?;
        let profile = Profile::parse(&text, &path.display().to_string())?;
        Ok((profile, Some(path)))
    }

    /// The one contact a reply should point to: e-mail, then phone, then URL.
    pub fn contact(&self) -> Option<&str> {
        self.contact_entry().map(|(_, value)| value)
    }

    /// The contact a reply points to, with the key it comes from.
    pub fn contact_entry(&self) -> Option<(&'static str, &str)> {
        [
            ("contact_email", &self.contact_email),
            ("contact_phone", &self.contact_phone),
            ("contact_url", &self.contact_url),
        ]
        .into_iter()
        .find_map(|(key, c)| {
            c.as_deref()
                .filter(|c| !c.trim().is_empty())
                .map(|c| (key, c))
        })
    }
}

impl Offer {
    /// The key of the profile an offer sentence rests on (`offers.refund`).
    pub fn profile_key(self) -> &'static str {
        match self {
            Offer::Refund => "offers.refund",
            Offer::Replacement => "offers.replacement",
            Offer::Redelivery => "offers.redelivery",
            Offer::MealOnUs => "offers.meal_on_us",
            Offer::RoomChange => "offers.room_change",
            Offer::Discount => "offers.discount",
            Offer::CallBack => "offers.call_back",
            Offer::RedoWork => "offers.redo_work",
            Offer::Rebook => "offers.rebook",
        }
    }
}

/// `$XDG_CONFIG_HOME/replywise`, `~/.config/replywise`, or `%APPDATA%\replywise`.
pub fn config_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))?;
    Some(base.join("replywise"))
}

/// The commented example `replywise init` writes.
pub const EXAMPLE: &str = r#"# replywise business profile.
# Drafts use these facts; anything left out becomes a visible slot such as
# [contact e-mail or phone] that you fill in before posting. Nothing is invented.

# The name customers know you by.
business_name = "The Corner Bistro"

# What the business is: restaurant, cafe_bar, hotel, app, online_shop,
# retail_store, service_business, clinic, car_rental or courier. It picks
# the wording that fits (an app is never offered a meal), and reviews that
# recount a visit to another kind of business are set aside for a person.
# kind = "restaurant"

# What drafts may offer an unhappy reviewer. Nothing else is ever offered;
# with none listed, drafts invite the reviewer to get in touch. Any of:
# refund, replacement, redelivery, meal_on_us, room_change, discount,
# call_back, redo_work, rebook.
# offers = ["refund"]

# Who signs the replies.
signer_name = "Sam"
signer_role = "Owner"

# Where unhappy customers can reach a person. Give at least one.
contact_email = "hello@example.com"
# contact_phone = "+44 20 7946 0000"
# contact_url = "https://example.com/contact"

# Time frames you are happy to promise in public.
refund_time = "5 business days"
# delivery_time = "2-3 working days"
# call_back_within = "one working day"
# discount = "20%"

# Platform used for reply length limits when a review does not say:
# google_play, app_store, google_business, google_places, yelp, trustpilot,
# tripadvisor, amazon, web.
# default_platform = "google_business"

# warm or formal
tone = "warm"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offer_names_its_profile_key() {
        for o in Offer::ALL {
            assert_eq!(o.profile_key(), format!("offers.{}", o.name()));
        }
    }

    #[test]
    fn the_contact_is_the_first_given_with_its_key() {
        let p = Profile {
            contact_email: Some(" ".into()),
            contact_phone: Some("+44 1".into()),
            ..Profile::default()
        };
        assert_eq!(p.contact_entry(), Some(("contact_phone", "+44 1")));
        assert_eq!(Profile::default().contact_entry(), None);
    }

    #[test]
    fn the_example_profile_parses() {
        let p = Profile::parse(EXAMPLE, "example").unwrap();
        assert_eq!(p.business_name.as_deref(), Some("The Corner Bistro"));
        assert_eq!(p.contact(), Some("hello@example.com"));
        assert_eq!(p.tone, Tone::Warm);
        assert_eq!(p.delivery_time, None);
    }

    #[test]
    fn errors_are_located() {
        let err =
            Profile::parse("signer_name = \"Sam\"\ntone = \"grumpy\"\n", "p.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("p.toml:2:"), "{msg}");
        assert!(
            msg.contains("grumpy") || msg.contains("unknown variant"),
            "{msg}"
        );

        let err = Profile::parse("default_platform = \"myspace\"\n", "p.toml").unwrap_err();
        assert!(err.to_string().contains("use one of google_play"), "{err}");

        let err = Profile::parse("kind = \"bistro\"\n", "p.toml").unwrap_err();
        assert!(err.to_string().contains("use one of restaurant"), "{err}");
        let p = Profile::parse("kind = \"hotel\"\n", "p.toml").unwrap();
        assert_eq!(p.kind, Some(BusinessKind::Hotel));

        let err = Profile::parse("singer_name = \"Sam\"\n", "p.toml").unwrap_err();
        assert!(err.to_string().starts_with("p.toml:1:1"), "{err}");
    }
}
