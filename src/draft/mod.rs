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
use serde::Serialize;

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

/// Drafts replies; built once per run.
pub struct Drafter {
    blocks: Blocks,
    profile: Profile,
}

impl Drafter {
    pub fn new(blocks: Blocks, profile: Profile) -> Drafter {
        Drafter { blocks, profile }
    }

    /// Drafts a reply for `subject` on `platform`.
    pub fn draft(&self, subject: &Subject, platform: Platform) -> Draft {
        let escalation = match &subject.kind {
            Kind::Escalation { reason } => Some(reason.clone()),
            _ => subject.check.clone(),
        };
        let composed = compose::compose(&self.blocks, &self.profile, subject);
        let limit = platform.reply_limit();
        let (reply, fits) = fit::fit(composed.parts, limit);
        let reply_length = limit.map_or_else(|| reply.chars().count(), |l| l.measure(&reply));
        let needs_human = escalation.or_else(|| {
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
