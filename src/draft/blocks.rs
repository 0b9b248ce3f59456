//! The building blocks of a reply, loaded from `phrasebook/replies/`.
//!
//! Phrasings are data, not strings in code: an owner can read and change
//! them, and a test checks every one against the rewrite engine. This
//! module parses and checks the data; [`super::compose`] assembles it.

use crate::error::{toml_error, Error, Result};
use crate::triage::Topic;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The built-in blocks, embedded so the tool works from any directory.
pub const BUILTIN: &str = include_str!("../../phrasebook/replies/blocks.toml");
const BUILTIN_PATH: &str = "phrasebook/replies/blocks.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Greeting {
    pub named: Vec<String>,
    pub named_formal: Vec<String>,
    pub anonymous: Vec<String>,
    pub anonymous_formal: Vec<String>,
}

/// Phrasings in a warm and a formal register.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Toned {
    pub warm: Vec<String>,
    pub formal: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lines {
    pub lines: Vec<String>,
}

/// Per topic (and for the generic case): acknowledgement fragments that
/// follow a "sorry" lead-in, and what the business can do.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicBlocks {
    pub acknowledge: Vec<String>,
    pub action: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    pub lines: Vec<String>,
    pub offline: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Positive {
    pub thanks: Vec<String>,
    pub liked: Vec<String>,
    pub closing: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blocks {
    pub greeting: Greeting,
    pub thanks: Toned,
    pub praise: Lines,
    pub sorry: Toned,
    pub generic: TopicBlocks,
    pub sympathy: Lines,
    pub offline: Lines,
    pub sign_off: Toned,
    pub escalation: Escalation,
    pub positive: Positive,
    /// Keyed by topic name (`delivery`, `wait_time`, ...).
    pub topics: BTreeMap<String, TopicBlocks>,
}

/// Placeholders a phrasing may use.
pub const REVIEW_FACTS: &[&str] = &["first_name", "liked", "duration"];
pub const BUSINESS_FACTS: &[&str] = &[
    "business",
    "contact",
    "refund_time",
    "delivery_time",
    "signer_name",
    "signer_role",
];

impl Blocks {
    pub fn builtin() -> Blocks {
        Blocks::parse(BUILTIN, BUILTIN_PATH).expect("built-in reply blocks are valid (tested)")
    }

    /// Parses and checks a blocks file: every list has at least one
    /// phrasing and every placeholder is one the composer knows.
    pub fn parse(text: &str, path: &str) -> Result<Blocks> {
        let blocks: Blocks = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        let known: Vec<&str> = Topic::ALL.iter().map(|t| t.name()).collect();
        if let Some(unknown) = blocks.topics.keys().find(|k| !known.contains(&k.as_str())) {
            let (line, column) = crate::text::line_column(
                text,
                text.find(&format!("topics.{unknown}")).unwrap_or(0),
            );
            return Err(Error::Config {
                path: path.into(),
                line,
                column,
                message: format!("unknown topic `{unknown}`; topics are {}", known.join(", ")),
            });
        }
        for (name, list) in blocks.lists() {
            let locate = |needle: &str| {
                let offset = text.find(needle).unwrap_or(0);
                crate::text::line_column(text, offset)
            };
            if list.is_empty() {
                let (line, column) = locate(name.rsplit('.').next().unwrap_or(&name));
                return Err(Error::Config {
                    path: path.into(),
                    line,
                    column,
                    message: format!("`{name}` needs at least one phrasing"),
                });
            }
            for phrasing in list {
                if let Some(unknown) = placeholders(phrasing)
                    .find(|p| !REVIEW_FACTS.contains(p) && !BUSINESS_FACTS.contains(p))
                {
                    let (line, column) = locate(phrasing.lines().next().unwrap_or(phrasing));
                    return Err(Error::Config {
                        path: path.into(),
                        line,
                        column,
                        message: format!(
                            "unknown placeholder {{{unknown}}} in `{name}`; use one of {}",
                            REVIEW_FACTS
                                .iter()
                                .chain(BUSINESS_FACTS)
                                .copied()
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    });
                }
            }
        }
        Ok(blocks)
    }

    /// Every list of phrasings with its dotted name, for checks and tests.
    pub fn lists(&self) -> Vec<(String, &Vec<String>)> {
        let mut all = vec![
            ("greeting.named".to_string(), &self.greeting.named),
            ("greeting.named_formal".into(), &self.greeting.named_formal),
            ("greeting.anonymous".into(), &self.greeting.anonymous),
            (
                "greeting.anonymous_formal".into(),
                &self.greeting.anonymous_formal,
            ),
            ("thanks.warm".into(), &self.thanks.warm),
            ("thanks.formal".into(), &self.thanks.formal),
            ("praise.lines".into(), &self.praise.lines),
            ("sorry.warm".into(), &self.sorry.warm),
            ("sorry.formal".into(), &self.sorry.formal),
            ("generic.acknowledge".into(), &self.generic.acknowledge),
            ("generic.action".into(), &self.generic.action),
            ("sympathy.lines".into(), &self.sympathy.lines),
            ("offline.lines".into(), &self.offline.lines),
            ("sign_off.warm".into(), &self.sign_off.warm),
            ("sign_off.formal".into(), &self.sign_off.formal),
            ("escalation.lines".into(), &self.escalation.lines),
            ("escalation.offline".into(), &self.escalation.offline),
            ("positive.thanks".into(), &self.positive.thanks),
            ("positive.liked".into(), &self.positive.liked),
            ("positive.closing".into(), &self.positive.closing),
        ];
        for (topic, blocks) in &self.topics {
            all.push((format!("topics.{topic}.acknowledge"), &blocks.acknowledge));
            all.push((format!("topics.{topic}.action"), &blocks.action));
        }
        all
    }
}

/// The `{name}` placeholders in a phrasing.
pub fn placeholders(phrasing: &str) -> impl Iterator<Item = &str> {
    phrasing
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_complaint_topic_has_blocks() {
        let blocks = Blocks::builtin();
        for &topic in Topic::ALL {
            assert!(blocks.topics.contains_key(topic.name()), "{}", topic.name());
        }
    }

    #[test]
    fn unknown_topics_are_rejected() {
        let broken = BUILTIN.replace("[topics.noise]", "[topics.noise_room]");
        let err = Blocks::parse(&broken, "b.toml").unwrap_err().to_string();
        assert!(err.contains("unknown topic `noise_room`"), "{err}");
    }

    #[test]
    fn unknown_placeholders_are_located() {
        let broken = BUILTIN.replace("{signer_role} at {business}", "{signer_role} at {shop}");
        let err = Blocks::parse(&broken, "b.toml").unwrap_err().to_string();
        assert!(
            err.contains("unknown placeholder {shop} in `sign_off.warm`"),
            "{err}"
        );
        assert!(err.starts_with("b.toml:"), "{err}");
    }

    #[test]
    fn empty_lists_are_rejected() {
        let broken = BUILTIN.replace(
            "lines = [\n  \"That is not the experience we want anyone to have.\",\n  \"We understand how frustrating that must have been.\",\n  \"We can see why that was disappointing.\",\n  \"You deserved better, and we want to make it right.\",\n]",
            "lines = []",
        );
        assert_ne!(broken, BUILTIN);
        let err = Blocks::parse(&broken, "b.toml").unwrap_err().to_string();
        assert!(
            err.contains("`sympathy.lines` needs at least one phrasing"),
            "{err}"
        );
    }
}
