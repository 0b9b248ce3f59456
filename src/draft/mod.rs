//! Drafting replies a business would be proud to post.
//!
//! A verdict becomes a [`Subject`] (who wrote, what they complained about,
//! what they liked), the subject becomes sentences from the reply blocks in
//! `phrasebook/replies/`, and the sentences are fitted to the platform's
//! limit. replywise drafts; a person posts.

pub mod blocks;
pub mod compose;
mod fit;
mod subject;

pub use blocks::Blocks;
pub use compose::{Kind, Subject};
pub use subject::needs_reply;

use crate::profile::Profile;
use crate::review::{Platform, ReplyLimit};
use crate::rewrite::Engine;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashSet;

/// A drafted reply and what a person must do before posting it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub reply: String,
    /// In the unit of the platform's limit (characters, or UTF-8 bytes).
    pub reply_length: usize,
    pub platform_limit: Option<ReplyLimit>,
    /// Slots such as `[contact e-mail or phone]` left to fill in.
    pub placeholders: Vec<String>,
    /// Why a person must handle this review before anything is posted.
    pub needs_human: Option<String>,
}

/// How many clean sentences a run remembers; the blocks and a profile
/// make a few hundred, names and quotes the rest.
const CLEAN_CACHE: usize = 20_000;

/// Drafts replies; built once per run.
pub struct Drafter<'e> {
    blocks: Blocks,
    profile: Profile,
    /// Every draft passes through the phrasebook before it is shown.
    engine: &'e Engine,
    /// Sentences already found clean, at most [`CLEAN_CACHE`] of them.
    clean: RefCell<HashSet<String>>,
}

impl<'e> Drafter<'e> {
    pub fn new(blocks: Blocks, profile: Profile, engine: &'e Engine) -> Drafter<'e> {
        Drafter {
            blocks,
            profile,
            engine,
            clean: RefCell::new(HashSet::new()),
        }
    }

    /// The sentences of a draft, before fitting and the phrasebook pass;
    /// tests use it to prove the blocks themselves are clean.
    pub fn compose(&self, subject: &Subject) -> String {
        fit::render(&compose::compose(&self.blocks, &self.profile, subject).parts)
    }

    /// Whether the phrasebook finds nothing in any sentence; sentences
    /// seen clean before are not scanned again.
    fn sentences_clean(&self, parts: &[compose::Part]) -> bool {
        let mut known = self.clean.borrow_mut();
        for part in parts {
            if known.contains(&part.text) {
                continue;
            }
            if !self.engine.findings(&part.text).is_empty() {
                return false;
            }
            // Sentences with a review's own words rarely repeat, so the set
            // is emptied when it grows: memory stays flat, and the few
            // hundred sentences of the blocks are soon relearned.
            if known.len() >= CLEAN_CACHE {
                known.clear();
            }
            known.insert(part.text.clone());
        }
        true
    }

    /// Drafts a reply for `subject` on `platform`.
    pub fn draft(&self, subject: &Subject, platform: Platform) -> Draft {
        let escalation = match &subject.kind {
            Kind::Escalation { reason } => Some(reason.clone()),
            _ => subject.check.clone(),
        };
        let composed = compose::compose(&self.blocks, &self.profile, subject);
        let limit = platform.reply_limit();
        let all_clean = self.sentences_clean(&composed.parts);
        let (reply, fits) = fit::fit(composed.parts, limit);
        // The blocks are written in "can" wording and tested to be clean;
        // the phrasebook pass catches what profile facts, a review's own
        // words or a user's phrasebook bring in, rewrites what it safely
        // can, and leaves a person what it cannot.
        let (reply, remaining) = if all_clean {
            (reply, Vec::new())
        } else {
            let checked = self.engine.rewrite(&reply);
            (checked.text, checked.remaining)
        };
        let fits = fits && limit.is_none_or(|l| l.fits(&reply));
        let reply_length = limit.map_or_else(|| reply.chars().count(), |l| l.measure(&reply));
        let wording = (!remaining.is_empty()).then(|| {
            let rules: Vec<&str> = remaining.iter().map(|f| f.rule.as_str()).collect();
            format!(
                "wording to check before posting ({}); see `replywise rewrite --check`",
                rules.join(", ")
            )
        });
        let needs_human = escalation.or(wording).or_else(|| {
            (!fits).then(|| {
                format!(
                    "the shortest draft is {reply_length} {}, over {platform}'s limit of {}; shorten it by hand",
                    match limit {
                        Some(ReplyLimit::Utf8Bytes(_)) => "bytes",
                        _ => "characters",
                    },
                    limit.map_or(0, ReplyLimit::max)
                )
            })
        });
        Draft {
            reply,
            reply_length,
            platform_limit: limit,
            placeholders: composed.placeholders,
            needs_human,
        }
    }
}
