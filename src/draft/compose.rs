//! Assembling a reply from blocks, each sentence with its source.
//!
//! The order follows what a caring person writes: a greeting, one thanks
//! (for what they praised too, in a mixed review), one apology naming
//! their strongest complaints in their words, sometimes a word of
//! sympathy, at most one offer the profile authorises, an invitation to
//! get in touch, a sign-off. Which of the fitting blocks a review gets is
//! chosen by a stable hash of its id, so a review always gets the same
//! reply and neighbouring reviews get different ones.

use super::blocks::{profile_slot, Block, Blocks, Reply, Role, REVIEW_SLOTS};
use super::naming::Form;
use super::subject::{Kind, Mention, Subject};
use super::{Evidence, Sentence, Source};
use crate::profile::Profile;
use crate::triage::Topic;

/// A sentence of a reply before fitting, with what the fitter may put in
/// its place (the apology naming one complaint instead of two).
#[derive(Debug, Clone)]
pub struct Part {
    pub role: Role,
    pub sentence: Sentence,
    pub shorter: Option<Sentence>,
}

/// A reply before fitting: its sentences and the slots left to fill.
#[derive(Debug, Clone, Default)]
pub struct Composed {
    pub parts: Vec<Part>,
    pub placeholders: Vec<String>,
}

/// A stable choice among `n` options for one review and block (FNV-1a, so
/// it does not change between Rust versions or runs).
pub fn choice(id: &str, block: &str, n: usize) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes().chain([0]).chain(block.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (hash % n.max(1) as u64) as usize
}

/// The review's words a reply may use, by slot.
struct Said {
    that: Option<String>,
    about: Option<String>,
    evidence: Vec<Evidence>,
}

/// Joins the named complaints: clauses as "A and that B", noun phrases as
/// "A and B", and a noun phrase before a clause as "A, and that B".
fn said(mentions: &[&Mention]) -> Said {
    let join = |form: Form, glue: &str| {
        let texts: Vec<&str> = mentions
            .iter()
            .filter(|m| m.form == form)
            .map(|m| m.text.as_str())
            .collect();
        (!texts.is_empty()).then(|| texts.join(glue))
    };
    let (about, that) = match (join(Form::About, " and "), join(Form::That, " and that ")) {
        (Some(nps), Some(clauses)) => (Some(format!("{nps}, and that {clauses}")), None),
        other => other,
    };
    Said {
        that,
        about,
        evidence: mentions.iter().map(|m| m.evidence.clone()).collect(),
    }
}

struct Context<'a> {
    blocks: &'a Blocks,
    profile: &'a Profile,
    subject: &'a Subject<'a>,
    reply: Reply,
    placeholders: Vec<String>,
}

impl<'a> Context<'a> {
    fn review_slot<'s>(&'s self, name: &str, said: &'s Said) -> Option<&'s str> {
        let praise = self.subject.praise.as_ref();
        let praised = |form: Form| praise.filter(|p| p.form == form).map(|p| p.text.as_str());
        match name {
            "first_name" => self.subject.first_name.as_ref().map(|(n, _)| *n),
            "that" => said.that.as_deref(),
            "about" => said.about.as_deref(),
            "praise_that" => praised(Form::That),
            "praise_about" => praised(Form::About),
            _ => None,
        }
    }

    /// Whether a block may be used here, and how specific it is.
    fn fits(&self, b: &Block, role: Role, topics: &[Topic], said: &Said) -> Option<usize> {
        let tone = self.profile.tone;
        let kind = self.profile.kind;
        if b.role != role {
            return None;
        }
        let ok = (b.replies.is_empty() || b.replies.contains(&self.reply))
            && (b.tones.is_empty() || b.tones.contains(&tone))
            && (b.kinds.is_empty() || kind.is_some_and(|k| b.kinds.contains(&k)))
            && (b.topics.is_empty() || b.topics.iter().any(|t| topics.contains(t)))
            && b.offer.is_none_or(|o| self.profile.offers.contains(&o));
        if !ok {
            return None;
        }
        let mut named = 0;
        for s in &b.review_slots {
            self.review_slot(s, said)?;
            named += 1;
        }
        Some(named * 4 + 2 * usize::from(!b.kinds.is_empty()) + usize::from(!b.topics.is_empty()))
    }

    /// The most specific fitting block, one of its equals by the review's id.
    fn pick(&self, role: Role, topics: &[Topic], said: &Said) -> Option<&'a Block> {
        let blocks: &'a Blocks = self.blocks;
        let scored: Vec<(usize, &'a Block)> = blocks
            .blocks
            .iter()
            .filter_map(|b| self.fits(b, role, topics, said).map(|s| (s, b)))
            .collect();
        let best = scored.iter().map(|(s, _)| *s).max()?;
        let top: Vec<&'a Block> = scored
            .iter()
            .filter(|(s, _)| *s == best)
            .map(|(_, b)| *b)
            .collect();
        Some(top[choice(self.subject.id, role.name(), top.len())])
    }

    /// Fills a block's slots; missing profile facts become listed slots.
    fn render(&mut self, b: &Block, said: &Said) -> Sentence {
        let mut text = String::with_capacity(b.text.len() + 48);
        let mut profile_keys = Vec::new();
        let mut evidence = Vec::new();
        let mut from_review = false;
        let mut rest = b.text.as_str();
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let Some((name, after)) = rest[open + 1..].split_once('}') else {
                break;
            };
            if REVIEW_SLOTS.contains(&name) {
                from_review = true;
                text.push_str(self.review_slot(name, said).unwrap_or_default());
                evidence.extend(self.evidence_of(name, said));
            } else if let Some(slot) = profile_slot(name) {
                let value = (slot.value)(self.profile).filter(|v| !v.trim().is_empty());
                // The contact's key is whichever contact the profile gives.
                let key = match (slot.name, self.profile.contact_entry()) {
                    ("contact", Some((key, _))) => key,
                    _ => slot.key,
                };
                profile_keys.push(key);
                match value {
                    Some(value) => text.push_str(value),
                    None => {
                        if !self.placeholders.iter().any(|p| p == slot.missing) {
                            self.placeholders.push(slot.missing.to_string());
                        }
                        text.push_str(slot.missing);
                    }
                }
            }
            rest = after;
        }
        text.push_str(rest);
        if let Some(offer) = b.offer {
            profile_keys.insert(0, offer.profile_key());
        }
        let from = if from_review {
            Source::Review
        } else if matches!(b.role, Role::Offer | Role::SignOff) {
            Source::Profile
        } else {
            Source::Courtesy
        };
        Sentence {
            text,
            from,
            evidence,
            profile_keys,
            block: b.id.clone(),
        }
    }

    fn evidence_of(&self, slot: &str, said: &Said) -> Vec<Evidence> {
        match slot {
            "first_name" => self
                .subject
                .first_name
                .iter()
                .map(|(_, e)| e.clone())
                .collect(),
            "that" | "about" => said.evidence.clone(),
            _ => self
                .subject
                .praise
                .iter()
                .map(|p| p.evidence.clone())
                .collect(),
        }
    }
}

/// Adds the sentence of the block that fits `role` best, if any.
fn add(cx: &mut Context<'_>, parts: &mut Vec<Part>, role: Role, topics: &[Topic], said: &Said) {
    if let Some(b) = cx.pick(role, topics, said) {
        let sentence = cx.render(b, said);
        if !sentence.text.is_empty() {
            parts.push(Part {
                role,
                sentence,
                shorter: None,
            });
        }
    }
}

/// Composes the sentences of a reply.
pub fn compose(blocks: &Blocks, profile: &Profile, subject: &Subject) -> Composed {
    let reply = match subject.kind {
        Kind::Complaint => Reply::Complaint,
        Kind::Praise => Reply::Praise,
        Kind::Escalation { .. } => Reply::Hold,
        Kind::Elsewhere { .. } => Reply::Redirect,
    };
    let mut cx = Context {
        blocks,
        profile,
        subject,
        reply,
        placeholders: Vec::new(),
    };
    let all: Vec<&Mention> = subject.complaints.iter().collect();
    let topics: Vec<Topic> = all.iter().filter_map(|m| m.topic).collect();
    let none = said(&[]);
    let named = said(&all);
    let mut parts = Vec::new();
    add(&mut cx, &mut parts, Role::Greeting, &[], &none);
    add(&mut cx, &mut parts, Role::Thanks, &[], &none);
    match reply {
        Reply::Mild | Reply::Unnamed => {}
        Reply::Complaint if all.is_empty() && subject.mild => {
            // Nothing to apologise for by name in a middling review: no
            // guessed apology, an invitation to say more.
            cx.reply = if subject.unnamed {
                Reply::Unnamed
            } else {
                Reply::Mild
            };
            add(&mut cx, &mut parts, Role::Invite, &[], &none);
            cx.reply = Reply::Complaint;
        }
        Reply::Complaint => {
            add(&mut cx, &mut parts, Role::Apology, &topics, &named);
            if all.len() > 1 {
                let one = said(&all[..1]);
                if let Some(b) = cx.pick(Role::Apology, &topics, &one) {
                    let shorter = cx.render(b, &one);
                    if let Some(part) = parts.last_mut().filter(|p| p.role == Role::Apology) {
                        part.shorter = Some(shorter);
                    }
                }
            }
            // One offer at most, for the strongest complaint it answers; a
            // complaint named only by its topic is not sure enough to offer on.
            let quoted: Vec<Topic> = all
                .iter()
                .filter(|m| m.quoted)
                .filter_map(|m| m.topic)
                .collect();
            let offered = quoted.iter().find(|t| {
                cx.pick(Role::Offer, std::slice::from_ref(*t), &none)
                    .is_some()
            });
            match offered {
                Some(t) => add(&mut cx, &mut parts, Role::Offer, &[*t], &none),
                // Sympathy for what they told us, never for a guess.
                None if all.iter().any(|m| m.quoted) && choice(subject.id, "sympathy", 2) == 0 => {
                    add(&mut cx, &mut parts, Role::Sympathy, &topics, &none)
                }
                None => {}
            }
            add(&mut cx, &mut parts, Role::Invite, &topics, &none);
        }
        Reply::Praise => add(&mut cx, &mut parts, Role::Closing, &[], &none),
        Reply::Hold => {
            add(&mut cx, &mut parts, Role::Hold, &[], &none);
            add(&mut cx, &mut parts, Role::Invite, &[], &none);
        }
        Reply::Redirect => {
            add(&mut cx, &mut parts, Role::Redirect, &[], &none);
            add(&mut cx, &mut parts, Role::Invite, &[], &none);
        }
    }
    add(&mut cx, &mut parts, Role::SignOff, &[], &none);
    Composed {
        parts,
        placeholders: cx.placeholders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Evidence;

    fn mention(text: &str, form: Form) -> Mention {
        Mention {
            text: text.into(),
            form,
            topic: Some(Topic::FoodQuality),
            quoted: true,
            evidence: Evidence {
                field: "text",
                start: 0,
                end: text.len(),
                text: text.into(),
            },
        }
    }

    #[test]
    fn complaints_join_as_a_person_lists_them() {
        let a = mention("you waited 45 minutes", Form::That);
        let b = mention("the fries were cold", Form::That);
        let c = mention("the long wait", Form::About);
        let d = mention("the cold fries", Form::About);
        assert_eq!(
            said(&[&a, &b]).that.as_deref(),
            Some("you waited 45 minutes and that the fries were cold")
        );
        assert_eq!(
            said(&[&c, &d]).about.as_deref(),
            Some("the long wait and the cold fries")
        );
        let mixed = said(&[&b, &c]);
        assert_eq!(mixed.that, None);
        assert_eq!(
            mixed.about.as_deref(),
            Some("the long wait, and that the fries were cold")
        );
        assert_eq!(mixed.evidence.len(), 2, "each names its own words");
    }

    fn subject(mild: bool, unnamed: bool, complaints: Vec<Mention>) -> Subject<'static> {
        Subject {
            id: "r-1",
            first_name: None,
            kind: Kind::Complaint,
            complaints,
            praise: None,
            check: None,
            mild,
            unnamed,
        }
    }

    fn blocks_of(c: &Composed) -> Vec<&str> {
        c.parts.iter().map(|p| p.sentence.block.as_str()).collect()
    }

    #[test]
    fn a_middling_review_with_nothing_named_gets_no_apology() {
        let blocks = Blocks::builtin();
        let profile = Profile::default();
        for (unnamed, invite) in [(false, "invite.mild"), (true, "invite.unnamed")] {
            let c = compose(&blocks, &profile, &subject(true, unnamed, vec![]));
            let ids = blocks_of(&c);
            assert!(!ids.iter().any(|b| b.starts_with("apology.")), "{ids:?}");
            assert!(ids.iter().any(|b| b.starts_with(invite)), "{ids:?}");
        }
        // A low rating with nothing named: an honest general apology.
        let c = compose(&blocks, &profile, &subject(false, false, vec![]));
        assert!(
            blocks_of(&c)
                .iter()
                .any(|b| b.starts_with("apology.general")),
            "{:?}",
            blocks_of(&c)
        );
    }

    #[test]
    fn an_offer_only_when_the_profile_lists_it_and_the_complaint_is_quoted() {
        let blocks = Blocks::builtin();
        let mut profile = Profile {
            kind: Some(crate::business::BusinessKind::Restaurant),
            ..Profile::default()
        };
        let cold = || vec![mention("the soup was cold", Form::That)];
        let offers = |c: &Composed| {
            blocks_of(c)
                .iter()
                .filter(|b| b.starts_with("offer."))
                .count()
        };
        assert_eq!(
            offers(&compose(&blocks, &profile, &subject(false, true, cold()))),
            0
        );
        profile.offers = vec![crate::profile::Offer::MealOnUs];
        let c = compose(&blocks, &profile, &subject(false, true, cold()));
        assert_eq!(offers(&c), 1);
        let offer = c.parts.iter().find(|p| p.role == Role::Offer).unwrap();
        assert_eq!(offer.sentence.from, Source::Profile);
        assert_eq!(offer.sentence.profile_keys[0], "offers.meal_on_us");
        let mut plain = cold();
        plain[0].quoted = false;
        assert_eq!(
            offers(&compose(&blocks, &profile, &subject(false, true, plain))),
            0
        );
    }
}
