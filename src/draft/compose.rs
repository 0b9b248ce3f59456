//! Assembling a reply from building blocks.
//!
//! The order follows what a caring person writes: greeting, thanks, praise
//! for what they liked, a specific apology per complaint, sympathy, what we
//! can do, an invitation to talk in private, a sign-off. Phrasings are picked
//! by a stable hash of the review id, so a review always gets the same reply
//! and neighbouring reviews get different ones.

use super::blocks::{placeholders, Blocks, Toned, BUSINESS_FACTS, REVIEW_FACTS};
use crate::profile::{Profile, Tone};

/// What kind of reply a review needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A negative review, or a mixed one (`mixed`: thank for the good first).
    Complaint { mixed: bool },
    /// A review a person must handle first (the reason says why); only a
    /// holding reply.
    Escalation { reason: String },
    /// A positive review: a short, warm thanks.
    Praise,
}

/// Everything about one review that a reply draws on.
#[derive(Debug, Clone)]
pub struct Subject<'a> {
    /// Seeds the choice of phrasings.
    pub id: &'a str,
    pub first_name: Option<&'a str>,
    pub kind: Kind,
    /// Complaint topic names, most important first (`delivery`, ...).
    pub topics: Vec<&'static str>,
    /// What they praised, in their words (already quoted).
    pub liked: Option<String>,
    /// A wait they mentioned ("45 minutes").
    pub duration: Option<String>,
    /// Why a person should read the review before posting, when the reply
    /// itself can still be drafted (e.g. the rating and text disagree).
    pub check: Option<String>,
}

/// The role a sentence plays; the fitter drops the least essential first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Greeting,
    Thanks,
    Praise,
    Acknowledge,
    Sympathy,
    /// What we can do; the first one is the next step and is kept.
    Action {
        first: bool,
    },
    Offline,
    SignOff,
}

#[derive(Debug, Clone)]
pub struct Part {
    pub role: Role,
    pub text: String,
}

/// A reply before fitting: its sentences and the slots left to fill.
#[derive(Debug, Clone, Default)]
pub struct Composed {
    pub parts: Vec<Part>,
    pub placeholders: Vec<String>,
}

/// The visible slot for a business fact the profile does not give.
fn slot(fact: &str) -> &'static str {
    match fact {
        "business" => "[business name]",
        "contact" => "[contact e-mail or phone]",
        "refund_time" => "[refund time frame]",
        "delivery_time" => "[delivery time frame]",
        "signer_name" => "[your name]",
        _ => "[your role]",
    }
}

struct Context<'a> {
    subject: &'a Subject<'a>,
    profile: &'a Profile,
    placeholders: Vec<String>,
}

impl Context<'_> {
    fn fact(&self, name: &str) -> Option<&str> {
        let p = self.profile;
        let value = match name {
            "first_name" => self.subject.first_name,
            "liked" => self.subject.liked.as_deref(),
            "duration" => self.subject.duration.as_deref(),
            "business" => p.business_name.as_deref(),
            "contact" => p.contact(),
            "refund_time" => p.refund_time.as_deref(),
            "delivery_time" => p.delivery_time.as_deref(),
            "signer_name" => p.signer_name.as_deref(),
            "signer_role" => p.signer_role.as_deref(),
            _ => None,
        };
        value.filter(|v| !v.trim().is_empty())
    }

    /// Fills a phrasing; `None` when it needs a review fact we lack.
    /// Missing business facts become slots and are remembered.
    fn render(&self, phrasing: &str, slots: &mut Vec<&'static str>) -> Option<String> {
        let mut out = String::with_capacity(phrasing.len() + 32);
        let mut rest = phrasing;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let (name, after) = rest[open + 1..].split_once('}')?;
            match self.fact(name) {
                Some(value) => out.push_str(value),
                None if BUSINESS_FACTS.contains(&name) => {
                    slots.push(slot(name));
                    out.push_str(slot(name));
                }
                None => return None,
            }
            rest = after;
        }
        out.push_str(rest);
        Some(out)
    }

    /// Picks one usable phrasing of a block for this review.
    fn pick(&mut self, block: &str, phrasings: &[String]) -> Option<String> {
        // A phrasing is usable when every review fact it names is known.
        // The most specific usable ones win: one that names the reviewer's
        // own wait beats one that could be said to anybody.
        let specificity = |p: &String| -> Option<usize> {
            let mut named = 0;
            for fact in placeholders(p).filter(|f| REVIEW_FACTS.contains(f)) {
                self.fact(fact)?;
                named += 1;
            }
            Some(named)
        };
        let scores: Vec<Option<usize>> = phrasings.iter().map(specificity).collect();
        let most = scores.iter().flatten().max().copied()?;
        let usable = || {
            phrasings
                .iter()
                .zip(&scores)
                .filter(|(_, s)| **s == Some(most))
                .map(|(p, _)| p)
        };
        let chosen = usable().nth(choice(self.subject.id, block, usable().count()))?;
        let mut slots = Vec::new();
        let text = self.render(chosen, &mut slots)?;
        for slot in slots {
            if !self.placeholders.iter().any(|p| p == slot) {
                self.placeholders.push(slot.to_string());
            }
        }
        Some(text)
    }
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

fn toned(t: &Toned, formal: bool) -> &[String] {
    if formal {
        &t.formal
    } else {
        &t.warm
    }
}

/// Joins fragments as people list things: "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Composes the sentences of a reply.
pub fn compose(blocks: &Blocks, profile: &Profile, subject: &Subject) -> Composed {
    let formal = profile.tone == Tone::Formal;
    let mut cx = Context {
        subject,
        profile,
        placeholders: Vec::new(),
    };
    let mut parts = Vec::new();
    let mut push = |role, text: Option<String>| {
        if let Some(text) = text {
            parts.push(Part { role, text });
        }
    };
    let g = &blocks.greeting;
    let greetings = match (subject.first_name.is_some(), formal) {
        (true, false) => &g.named,
        (true, true) => &g.named_formal,
        (false, false) => &g.anonymous,
        (false, true) => &g.anonymous_formal,
    };
    push(Role::Greeting, cx.pick("greeting", greetings));

    match subject.kind {
        Kind::Escalation { .. } => {
            push(
                Role::Acknowledge,
                cx.pick("escalation", &blocks.escalation.lines),
            );
            push(
                Role::Offline,
                cx.pick("escalation.offline", &blocks.escalation.offline),
            );
        }
        Kind::Praise => {
            push(
                Role::Thanks,
                cx.pick("positive.thanks", &blocks.positive.thanks),
            );
            push(
                Role::Praise,
                cx.pick("positive.liked", &blocks.positive.liked),
            );
            push(
                Role::Action { first: true },
                cx.pick("positive.closing", &blocks.positive.closing),
            );
        }
        Kind::Complaint { mixed } => {
            push(
                Role::Thanks,
                cx.pick("thanks", toned(&blocks.thanks, formal)),
            );
            if mixed {
                push(Role::Praise, cx.pick("praise", &blocks.praise.lines));
            }
            let topics: Vec<_> = subject
                .topics
                .iter()
                .filter_map(|t| blocks.topics.get(*t).map(|b| (*t, b)))
                .take(3)
                .collect();
            let fragments: Vec<String> = if topics.is_empty() {
                cx.pick("generic.acknowledge", &blocks.generic.acknowledge)
                    .into_iter()
                    .collect()
            } else {
                topics
                    .iter()
                    .filter_map(|(name, b)| cx.pick(&format!("{name}.acknowledge"), &b.acknowledge))
                    .collect()
            };
            let lead = cx
                .pick("sorry", toned(&blocks.sorry, formal))
                .unwrap_or_default();
            push(
                Role::Acknowledge,
                Some(format!("{lead} {}.", join_and(&fragments))),
            );
            push(Role::Sympathy, cx.pick("sympathy", &blocks.sympathy.lines));
            if topics.is_empty() {
                push(
                    Role::Action { first: true },
                    cx.pick("generic.action", &blocks.generic.action),
                );
            }
            for (i, (name, b)) in topics.iter().enumerate() {
                push(
                    Role::Action { first: i == 0 },
                    cx.pick(&format!("{name}.action"), &b.action),
                );
            }
            push(Role::Offline, cx.pick("offline", &blocks.offline.lines));
        }
    }
    push(
        Role::SignOff,
        cx.pick("sign_off", toned(&blocks.sign_off, formal)),
    );
    Composed {
        parts,
        placeholders: cx.placeholders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::EXAMPLE;

    fn profile() -> Profile {
        Profile::parse(EXAMPLE, "example").unwrap()
    }

    fn subject<'a>(kind: Kind, topics: Vec<&'static str>) -> Subject<'a> {
        Subject {
            id: "r-1",
            first_name: Some("Sarah"),
            kind,
            topics,
            liked: None,
            duration: None,
            check: None,
        }
    }

    fn text(c: &Composed) -> String {
        super::super::fit::render(&c.parts)
    }

    #[test]
    fn greets_by_first_name_and_never_as_dear_customer() {
        let blocks = Blocks::builtin();
        for id in ["a", "b", "c", "d", "e", "f"] {
            let mut s = subject(Kind::Complaint { mixed: false }, vec!["delivery"]);
            s.id = id;
            let reply = text(&compose(&blocks, &profile(), &s));
            assert!(reply.lines().next().unwrap().contains("Sarah"), "{reply}");
            assert!(!reply.to_lowercase().contains("dear customer"));
            s.first_name = None;
            let reply = text(&compose(&blocks, &profile(), &s));
            assert!(
                !reply.contains("{first_name}") && !reply.contains("Sarah"),
                "{reply}"
            );
        }
    }

    #[test]
    fn acknowledges_each_topic_specifically() {
        let blocks = Blocks::builtin();
        let mut s = subject(
            Kind::Complaint { mixed: false },
            vec!["wait_time", "food_quality"],
        );
        s.duration = Some("45 minutes".into());
        let c = compose(&blocks, &profile(), &s);
        let ack = &c
            .parts
            .iter()
            .find(|p| p.role == Role::Acknowledge)
            .unwrap()
            .text;
        let wait = &blocks.topics["wait_time"].acknowledge;
        let food = &blocks.topics["food_quality"].acknowledge;
        let said = |list: &Vec<String>| {
            list.iter()
                .any(|f| ack.contains(&f.replace("{duration}", "45 minutes")))
        };
        assert!(said(wait) && said(food), "{ack}");
        assert!(ack.contains(" and "), "{ack}");
        let actions = c
            .parts
            .iter()
            .filter(|p| matches!(p.role, Role::Action { .. }))
            .count();
        assert_eq!(actions, 2, "one next step per topic");
    }

    #[test]
    fn the_reviewers_own_wait_is_named_when_known() {
        let blocks = Blocks::builtin();
        let hits = (0..40)
            .filter(|i| {
                let id = format!("w{i}");
                let mut s = subject(Kind::Complaint { mixed: false }, vec!["wait_time"]);
                s.id = &id;
                s.duration = Some("45 minutes".into());
                text(&compose(&blocks, &profile(), &s)).contains("45 minutes")
            })
            .count();
        assert!(
            hits > 0,
            "the {{duration}} phrasing is used for some reviews"
        );
        let s = subject(Kind::Complaint { mixed: false }, vec!["wait_time"]);
        assert!(!text(&compose(&blocks, &profile(), &s)).contains('{'));
    }

    #[test]
    fn mixed_reviews_first_thank_for_what_they_liked() {
        let blocks = Blocks::builtin();
        let mut s = subject(Kind::Complaint { mixed: true }, vec!["noise_room"]);
        s.liked = Some("\"the lovely cocktails\"".into());
        let c = compose(&blocks, &profile(), &s);
        let praise = c.parts.iter().position(|p| p.role == Role::Praise).unwrap();
        let ack = c
            .parts
            .iter()
            .position(|p| p.role == Role::Acknowledge)
            .unwrap();
        assert!(praise < ack);
        assert!(c.parts[praise].text.contains("the lovely cocktails"));
    }

    #[test]
    fn missing_business_facts_become_listed_slots() {
        let blocks = Blocks::builtin();
        let c = compose(
            &blocks,
            &Profile::default(),
            &subject(Kind::Complaint { mixed: false }, vec!["billing"]),
        );
        let reply = text(&c);
        for slot in ["[contact e-mail or phone]", "[your name]"] {
            assert!(reply.contains(slot), "{reply}");
            assert!(
                c.placeholders.iter().any(|p| p == slot),
                "{:?}",
                c.placeholders
            );
        }
        let full = compose(
            &blocks,
            &profile(),
            &subject(Kind::Complaint { mixed: false }, vec!["billing"]),
        );
        assert!(text(&full).contains("hello@example.com"));
        assert!(full
            .placeholders
            .iter()
            .all(|p| p != "[contact e-mail or phone]"));
    }

    #[test]
    fn escalations_get_a_short_holding_reply() {
        let blocks = Blocks::builtin();
        let c = compose(
            &blocks,
            &profile(),
            &subject(
                Kind::Escalation {
                    reason: "health".into(),
                },
                vec!["food_quality"],
            ),
        );
        let reply = text(&c);
        assert!(reply.contains("hello@example.com"), "{reply}");
        assert!(
            !c.parts
                .iter()
                .any(|p| matches!(p.role, Role::Action { .. })),
            "no promises"
        );
        assert!(reply.len() < 500, "{reply}");
    }

    #[test]
    fn praise_mentions_what_they_liked() {
        let blocks = Blocks::builtin();
        let mut s = subject(Kind::Praise, vec![]);
        s.liked = Some("\"the eggs benedict\"".into());
        assert!(text(&compose(&blocks, &profile(), &s)).contains("the eggs benedict"));
    }

    #[test]
    fn choices_are_stable_and_spread() {
        assert_eq!(choice("r-1", "thanks", 4), choice("r-1", "thanks", 4));
        let spread: std::collections::BTreeSet<usize> = (0..50)
            .map(|i| choice(&format!("r-{i}"), "thanks", 4))
            .collect();
        assert_eq!(spread.len(), 4);
    }

    #[test]
    fn formal_tone_uses_the_formal_register() {
        let blocks = Blocks::builtin();
        let mut p = profile();
        p.tone = Tone::Formal;
        let reply = text(&compose(
            &blocks,
            &p,
            &subject(Kind::Complaint { mixed: false }, vec![]),
        ));
        assert!(reply.starts_with("Dear Sarah,"), "{reply}");
        assert!(blocks
            .sign_off
            .formal
            .iter()
            .any(|s| reply.contains(s.split(',').next().unwrap())));
    }
}
