//! Fitting a reply into its platform's length limit.
//!
//! Google Play takes 350 characters, Google Business Profile 4,096 bytes of
//! UTF-8, the App Store 5,970 characters. An over-long draft loses whole
//! sentences, least essential first, and names one complaint instead of
//! two; the apology, the offer and the invitation are never dropped. If it
//! still does not fit, the caller flags it.

use super::blocks::Role;
use super::compose::Part;
use crate::review::ReplyLimit;

/// What the fitter does, in order, until the reply fits.
enum Step {
    Drop(Role),
    /// The apology names one complaint instead of two.
    Shorten,
}

const STEPS: &[Step] = &[
    Step::Drop(Role::Sympathy),
    Step::Drop(Role::Thanks),
    Step::Shorten,
    Step::Drop(Role::Closing),
    Step::Drop(Role::SignOff),
    Step::Drop(Role::Greeting),
];

/// Renders parts as a reply: greeting, body paragraph, sign-off.
pub fn render(parts: &[Part]) -> String {
    let mut head = Vec::new();
    let mut body = Vec::new();
    let mut tail = Vec::new();
    for part in parts {
        let text = part.sentence.text.as_str();
        match part.role {
            Role::Greeting => head.push(text),
            Role::SignOff => tail.push(text),
            _ => body.push(text),
        }
    }
    [head.join(" "), body.join(" "), tail.join("\n")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Shortens `parts` until the reply fits `limit`; returns whether it fits.
pub fn fit(parts: &mut Vec<Part>, limit: Option<ReplyLimit>) -> bool {
    let Some(limit) = limit else {
        return true;
    };
    let fits = |parts: &[Part]| limit.fits(&render(parts));
    for step in STEPS {
        if fits(parts) {
            return true;
        }
        match step {
            Step::Drop(role) => {
                while let Some(i) = parts.iter().rposition(|p| p.role == *role) {
                    parts.remove(i);
                    if fits(parts) {
                        return true;
                    }
                }
            }
            Step::Shorten => {
                for part in parts.iter_mut() {
                    if let Some(shorter) = part.shorter.take() {
                        part.sentence = shorter;
                    }
                }
            }
        }
    }
    fits(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Sentence, Source};

    fn part(role: Role, text: &str) -> Part {
        Part {
            role,
            sentence: Sentence {
                text: text.into(),
                from: Source::Courtesy,
                evidence: Vec::new(),
                profile_keys: Vec::new(),
                block: "b".into(),
            },
            shorter: None,
        }
    }

    fn parts() -> Vec<Part> {
        let mut apology = part(
            Role::Apology,
            "We're sorry to hear that the soup was cold and that you waited an hour.",
        );
        apology.shorter =
            Some(part(Role::Apology, "We're sorry to hear that the soup was cold.").sentence);
        vec![
            part(Role::Greeting, "Hi Ann,"),
            part(Role::Thanks, "Thank you for writing."),
            apology,
            part(Role::Sympathy, "That must have been frustrating."),
            part(Role::Invite, "Write to a@b.c."),
            part(Role::SignOff, "Best,\nSam"),
        ]
    }

    #[test]
    fn layout_is_greeting_body_sign_off() {
        let reply = render(&parts());
        assert!(reply.starts_with("Hi Ann,\n\nThank you for writing. We're sorry"));
        assert!(reply.ends_with("Write to a@b.c.\n\nBest,\nSam"));
    }

    #[test]
    fn drops_least_essential_first_and_keeps_the_core() {
        let full = render(&parts());
        let mut p = parts();
        assert!(fit(
            &mut p,
            Some(ReplyLimit::Chars(full.chars().count() - 10))
        ));
        let reply = render(&p);
        assert!(
            !reply.contains("frustrating"),
            "sympathy goes first: {reply}"
        );
        assert!(
            reply.contains("Thank you for writing."),
            "only as much as needed goes"
        );

        let mut p = parts();
        assert!(fit(&mut p, Some(ReplyLimit::Chars(80))));
        let reply = render(&p);
        assert!(
            reply.contains("the soup was cold.") && !reply.contains("an hour"),
            "one complaint instead of two: {reply}"
        );
        assert!(reply.contains("a@b.c"), "{reply}");
    }

    #[test]
    fn reports_when_even_the_core_is_too_long() {
        let mut p = parts();
        assert!(!fit(&mut p, Some(ReplyLimit::Chars(20))));
        assert!(render(&p).contains("soup was cold"));
    }

    #[test]
    fn bytes_are_counted_for_byte_limits() {
        let reply = "é".repeat(10);
        assert!(ReplyLimit::Chars(10).fits(&reply));
        assert!(!ReplyLimit::Utf8Bytes(10).fits(&reply));
    }
}
