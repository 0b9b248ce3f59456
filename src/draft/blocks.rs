//! The building blocks of a reply, loaded from `phrasebook/replies/`.
//!
//! Blocks are data, not strings in code: each has an id, the reason it
//! exists, the role it plays and the replies, tones, kinds of business and
//! complaint topics it suits. An owner can replace or add blocks with
//! `--phrasebook DIR` (`DIR/replies/*.toml`), and a test checks every
//! block against the rewrite engine. This module parses and checks the
//! data; [`super::compose`] assembles it.

use super::naming::Naming;
use crate::business::BusinessKind;
use crate::error::{toml_error, Error, Result};
use crate::profile::{Offer, Profile, Tone};
use crate::triage::Topic;
use serde::Deserialize;
use std::path::Path;

/// The built-in data, embedded so the tool works from any directory.
pub const BUILTIN: &str = include_str!("../../phrasebook/replies/blocks.toml");
const BUILTIN_PATH: &str = "phrasebook/replies/blocks.toml";
pub const NAMING: &str = include_str!("../../phrasebook/replies/naming.toml");
const NAMING_PATH: &str = "phrasebook/replies/naming.toml";

crate::names::named_set!(
    /// The part a sentence plays in a reply, in reply order.
    Role {
        Greeting => "greeting",
        Thanks => "thanks",
        Apology => "apology",
        Sympathy => "sympathy",
        Hold => "hold",
        Redirect => "redirect",
        Offer => "offer",
        Invite => "invite",
        Closing => "closing",
        SignOff => "sign_off",
    }
);

crate::names::named_set!(
    /// The kinds of reply a block may suit (`mild`: a review rated 3 or more
    /// with no complaint; `unnamed`: one whose complaints could not be
    /// named).
    Reply {
        Complaint => "complaint",
        Mild => "mild",
        Unnamed => "unnamed",
        Praise => "praise",
        Hold => "hold",
        Redirect => "redirect",
    }
);

/// One block: a sentence and where it may be used.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub id: String,
    pub role: Role,
    pub why: String,
    pub text: String,
    #[serde(default, rename = "for")]
    pub replies: Vec<Reply>,
    #[serde(default)]
    pub tones: Vec<Tone>,
    #[serde(default)]
    pub kinds: Vec<BusinessKind>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub offer: Option<Offer>,
    pub example: Option<String>,
    /// The review slots of `text`, found once.
    #[serde(skip)]
    pub review_slots: Vec<&'static str>,
}

/// Slots a block may fill from the review.
pub const REVIEW_SLOTS: &[&str] = &["first_name", "that", "about", "praise_that", "praise_about"];
/// A slot filled from the profile: the key it comes from, what a reply
/// shows when the profile leaves it out, and how to read it.
pub struct ProfileSlot {
    pub name: &'static str,
    pub key: &'static str,
    pub missing: &'static str,
    pub value: fn(&Profile) -> Option<&str>,
}

/// Every profile slot, the one list the loader, the composer and the
/// placeholders come from. The contact's key is whichever contact is given.
pub const PROFILE_SLOTS: &[ProfileSlot] = &[
    ProfileSlot {
        name: "business",
        key: "business_name",
        missing: "[business name]",
        value: |p| p.business_name.as_deref(),
    },
    ProfileSlot {
        name: "contact",
        key: "contact_email",
        missing: "[contact e-mail or phone]",
        value: Profile::contact,
    },
    ProfileSlot {
        name: "refund_time",
        key: "refund_time",
        missing: "[refund time frame]",
        value: |p| p.refund_time.as_deref(),
    },
    ProfileSlot {
        name: "delivery_time",
        key: "delivery_time",
        missing: "[delivery time frame]",
        value: |p| p.delivery_time.as_deref(),
    },
    ProfileSlot {
        name: "call_back_within",
        key: "call_back_within",
        missing: "[call-back time frame]",
        value: |p| p.call_back_within.as_deref(),
    },
    ProfileSlot {
        name: "discount",
        key: "discount",
        missing: "[discount]",
        value: |p| p.discount.as_deref(),
    },
    ProfileSlot {
        name: "signer_name",
        key: "signer_name",
        missing: "[your name]",
        value: |p| p.signer_name.as_deref(),
    },
    ProfileSlot {
        name: "signer_role",
        key: "signer_role",
        missing: "[your role]",
        value: |p| p.signer_role.as_deref(),
    },
];

/// The profile slot called `name`.
pub fn profile_slot(name: &str) -> Option<&'static ProfileSlot> {
    PROFILE_SLOTS.iter().find(|s| s.name == name)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    blocks: Vec<Block>,
}

/// All blocks and the naming lists.
#[derive(Debug, Clone)]
pub struct Blocks {
    pub blocks: Vec<Block>,
    pub naming: Naming,
}

impl Blocks {
    pub fn builtin() -> Blocks {
        Blocks::parse(BUILTIN, BUILTIN_PATH).expect("built-in reply blocks are valid (tested)")
    }

    /// The built-in naming lists.
    fn naming() -> Result<Naming> {
        let naming: Naming =
            toml::from_str(NAMING).map_err(|e| toml_error(NAMING_PATH, NAMING, &e))?;
        Ok(naming.prepare())
    }

    /// The built-in blocks with an owner's `DIR/replies/*.toml` layered on
    /// top: a block with a known id replaces it, a new id is added.
    pub fn load(user_dir: Option<&Path>) -> Result<Blocks> {
        let mut blocks = Blocks::builtin();
        let Some(dir) = user_dir.map(|d| d.join("replies")).filter(|d| d.is_dir()) else {
            return Ok(blocks);
        };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|source| Error::Open {
                path: dir.clone(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Open {
                path: path.clone(),
                source,
            })?;
            for block in parse_blocks(&text, &path.display().to_string())? {
                match blocks.blocks.iter_mut().find(|b| b.id == block.id) {
                    Some(known) => *known = block,
                    None => blocks.blocks.push(block),
                }
            }
        }
        Ok(blocks)
    }

    /// Parses and checks a blocks file, with the built-in naming lists.
    pub fn parse(text: &str, path: &str) -> Result<Blocks> {
        Ok(Blocks {
            blocks: parse_blocks(text, path)?,
            naming: Blocks::naming()?,
        })
    }
}

/// Parses and checks the blocks of one file: ids are unique, every block
/// says why it exists, its slots are known and its role fits its fields.
fn parse_blocks(text: &str, path: &str) -> Result<Vec<Block>> {
    let file: File = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
    let located = |needle: &str, message: String| {
        let offset = text.find(needle).unwrap_or(0);
        let (line, column) = crate::text::line_column(text, offset);
        Error::Config {
            path: path.into(),
            line,
            column,
            message,
        }
    };
    for (i, block) in file.blocks.iter().enumerate() {
        let here = format!("id = \"{}\"", block.id);
        if file.blocks[..i].iter().any(|b| b.id == block.id) {
            return Err(located(
                &here,
                format!("block `{}` is defined twice", block.id),
            ));
        }
        if block.why.trim().is_empty() {
            return Err(located(
                &here,
                format!("block `{}` needs a `why`", block.id),
            ));
        }
        if let Some(unknown) = slots(&block.text).find(|s| !is_slot(s)) {
            let known: Vec<&str> = REVIEW_SLOTS
                .iter()
                .copied()
                .chain(PROFILE_SLOTS.iter().map(|s| s.name))
                .collect();
            return Err(located(
                &here,
                format!(
                    "unknown slot {{{unknown}}} in block `{}`; use one of {}",
                    block.id,
                    known.join(", ")
                ),
            ));
        }
        if (block.role == Role::Offer) != block.offer.is_some() {
            return Err(located(
                &here,
                format!(
                    "block `{}`: a block has `offer` exactly when its role is offer",
                    block.id
                ),
            ));
        }
        if !block.topics.is_empty() && block.example.is_none() {
            return Err(located(
                &here,
                format!(
                    "block `{}` has topics but no `example`: give a review sentence it answers",
                    block.id
                ),
            ));
        }
    }
    let mut blocks = file.blocks;
    for b in &mut blocks {
        b.review_slots = REVIEW_SLOTS
            .iter()
            .copied()
            .filter(|s| slots(&b.text).any(|x| x == *s))
            .collect();
    }
    Ok(blocks)
}

fn is_slot(name: &str) -> bool {
    REVIEW_SLOTS.contains(&name) || profile_slot(name).is_some()
}

/// The `{name}` slots of a text.
pub fn slots(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_blocks_parse_and_cover_every_role() {
        let blocks = Blocks::builtin();
        for role in Role::ALL {
            assert!(
                blocks.blocks.iter().any(|b| b.role == *role),
                "{}",
                role.name()
            );
        }
        for offer in Offer::ALL {
            assert!(
                blocks.blocks.iter().any(|b| b.offer == Some(*offer)),
                "no block offers {}",
                offer.name()
            );
        }
    }

    #[test]
    fn unknown_slots_are_located() {
        let broken = BUILTIN.replace("{signer_role} at {business}", "{signer_role} at {shop}");
        let err = Blocks::parse(&broken, "b.toml").unwrap_err().to_string();
        assert!(
            err.contains("unknown slot {shop} in block `sign_off.best`"),
            "{err}"
        );
        assert!(err.starts_with("b.toml:"), "{err}");
    }

    #[test]
    fn a_block_with_topics_needs_an_example() {
        let broken = BUILTIN.replace("example = \"The kettle broke after a week.\"\n", "");
        assert_ne!(broken, BUILTIN);
        let err = Blocks::parse(&broken, "b.toml").unwrap_err().to_string();
        assert!(
            err.contains("`offer.replacement` has topics but no `example`"),
            "{err}"
        );
    }

    #[test]
    fn duplicate_ids_and_missing_reasons_are_errors() {
        let twice = format!("{BUILTIN}\n[[blocks]]\nid = \"greeting.hi\"\nrole = \"greeting\"\nwhy = \"x\"\ntext = \"Hey,\"\n");
        let err = Blocks::parse(&twice, "b.toml").unwrap_err().to_string();
        assert!(err.contains("`greeting.hi` is defined twice"), "{err}");
        let bare = "[[blocks]]\nid = \"x\"\nrole = \"thanks\"\nwhy = \" \"\ntext = \"Thanks.\"\n";
        let err = Blocks::parse(bare, "b.toml").unwrap_err().to_string();
        assert!(err.contains("`x` needs a `why`"), "{err}");
    }

    #[test]
    fn an_offer_block_names_its_offer() {
        let bad =
            "[[blocks]]\nid = \"x\"\nrole = \"offer\"\nwhy = \"y\"\ntext = \"We can help.\"\n";
        let err = Blocks::parse(bad, "b.toml").unwrap_err().to_string();
        assert!(err.contains("exactly when its role is offer"), "{err}");
    }

    #[test]
    fn an_owners_blocks_replace_and_add() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("replies")).unwrap();
        std::fs::write(
            dir.path().join("replies/mine.toml"),
            "[[blocks]]\nid = \"greeting.hi\"\nrole = \"greeting\"\ntones = [\"warm\"]\nwhy = \"ours\"\ntext = \"Hey {first_name},\"\n\n[[blocks]]\nid = \"mine.thanks\"\nrole = \"thanks\"\nwhy = \"ours\"\ntext = \"Cheers for writing.\"\n",
        )
        .unwrap();
        let blocks = Blocks::load(Some(dir.path())).unwrap();
        let hi = blocks
            .blocks
            .iter()
            .find(|b| b.id == "greeting.hi")
            .unwrap();
        assert_eq!(hi.text, "Hey {first_name},");
        assert!(blocks.blocks.iter().any(|b| b.id == "mine.thanks"));
        assert_eq!(blocks.blocks.len(), Blocks::builtin().blocks.len() + 1);

        std::fs::write(dir.path().join("replies/bad.toml"), "[[blocks]]\nid = 3\n").unwrap();
        let err = Blocks::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("bad.toml:2:"), "{err}");
    }
}
