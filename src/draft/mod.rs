//! Drafting replies a business would be proud to post.
//!
//! A verdict becomes a [`Subject`] (who wrote, the strongest complaints and
//! what they liked, named in their words), the subject becomes sentences
//! from the reply blocks in `phrasebook/replies/`, and the sentences are
//! fitted to the platform's limit. Every sentence carries its source: the
//! review (with the words it names), the profile (with the keys it uses)
//! or a courtesy block. replywise drafts; a person posts.

pub mod blocks;
pub mod compose;
mod fit;
pub mod naming;
mod subject;

pub use blocks::Blocks;
pub use subject::{needs_reply, Kind, Mention, Subject};

use crate::profile::Profile;
use crate::review::{Platform, ReplyLimit, Review};
use crate::rewrite::Engine;
use crate::triage::Verdict;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashSet;

/// Where a sentence of a reply comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// It names what the review says; its evidence is the review's words.
    Review,
    /// It states a fact or an offer of the business profile.
    Profile,
    /// A courtesy block: thanks, sympathy, an invitation.
    Courtesy,
}

/// Words of the review a sentence rests on, at `start..end` bytes of
/// `field` (`author`, `title` or `text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One sentence of a reply and why it is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub from: Source,
    pub evidence: Vec<Evidence>,
    pub profile_keys: Vec<&'static str>,
    /// The id of the block it was made from.
    pub block: String,
}

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
    /// The sentences of `reply`, in order, each with its source.
    pub sentences: Vec<Sentence>,
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

    /// What a reply may say about a review, naming only what the
    /// phrasebook passes.
    pub fn subject<'r>(&self, review: &'r Review, verdict: &Verdict) -> Subject<'r> {
        Subject::from_review(
            review,
            verdict,
            &self.blocks.naming,
            self.profile.kind,
            &|t| self.is_clean(t),
        )
    }

    /// Drafts a reply for a review. The reviewer's words are first named
    /// without asking the phrasebook, which then reads each whole sentence
    /// once; only when it flags a sentence that quotes the review is the
    /// subject chosen again, skipping every span it would flag.
    pub fn draft_review(&self, review: &Review, verdict: &Verdict, platform: Platform) -> Draft {
        let quick = Subject::from_review(
            review,
            verdict,
            &self.blocks.naming,
            self.profile.kind,
            &|_| true,
        );
        let composed = compose::compose(&self.blocks, &self.profile, &quick);
        let flagged = composed
            .parts
            .iter()
            .any(|p| p.sentence.from == Source::Review && !self.is_clean(&p.sentence.text));
        if flagged {
            self.draft(&self.subject(review, verdict), platform)
        } else {
            self.finish(&quick, composed, platform)
        }
    }

    /// Whether the phrasebook finds nothing in a sentence; sentences seen
    /// clean before are not scanned again.
    fn is_clean(&self, text: &str) -> bool {
        if self.clean.borrow().contains(text) {
            return true;
        }
        if self.engine.findings(text).iter().any(|f| !f.fallback) {
            return false;
        }
        let mut known = self.clean.borrow_mut();
        // Sentences with a review's own words rarely repeat, so the set is
        // emptied when it grows: memory stays flat, and the few hundred
        // sentences of the blocks are soon relearned.
        if known.len() >= CLEAN_CACHE {
            known.clear();
        }
        known.insert(text.to_string());
        true
    }

    /// Drafts a reply for `subject` on `platform`.
    pub fn draft(&self, subject: &Subject, platform: Platform) -> Draft {
        let composed = compose::compose(&self.blocks, &self.profile, subject);
        self.finish(subject, composed, platform)
    }

    fn finish(
        &self,
        subject: &Subject,
        mut composed: compose::Composed,
        platform: Platform,
    ) -> Draft {
        let escalation = match &subject.kind {
            Kind::Escalation { reason } | Kind::Elsewhere { reason } => Some(reason.clone()),
            _ => subject.check.clone(),
        };
        // The blocks are written in "can" wording and tested to be clean,
        // and sentences with the review's words were read before they came
        // here; the phrasebook pass catches what profile facts or an
        // owner's blocks bring in, rewrites what it safely can, and leaves
        // a person what it cannot.
        let mut remaining = Vec::new();
        for part in composed.parts.iter_mut() {
            // The fitter's shorter apology is used only if it is clean too.
            if part
                .shorter
                .as_ref()
                .is_some_and(|s| !self.is_clean(&s.text))
            {
                part.shorter = None;
            }
            if self.is_clean(&part.sentence.text) {
                continue;
            }
            let checked = self.engine.rewrite(&part.sentence.text);
            part.sentence.text = checked.text;
            part.shorter = None;
            remaining.extend(checked.remaining);
        }
        let limit = platform.reply_limit();
        let fits = fit::fit(&mut composed.parts, limit);
        let reply = fit::render(&composed.parts);
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
            sentences: composed.parts.into_iter().map(|p| p.sentence).collect(),
        }
    }
}
