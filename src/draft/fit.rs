//! Fitting a reply into its platform's length limit.
//!
//! Google Play takes 350 characters, Google Business Profile 4,096 bytes of
//! UTF-8, the App Store 5,970 characters. An over-long draft loses whole
//! sentences, least essential first; the acknowledgement and the next step
//! are never dropped. If it still does not fit, the caller flags it.

use super::compose::{Part, Role};
use crate::review::ReplyLimit;

/// Sentences the fitter may drop, in the order it drops them.
const DROP_ORDER: &[fn(Role) -> bool] = &[
    |r| r == Role::Sympathy,
    |r| r == Role::Thanks,
    |r| r == Role::Praise,
    |r| r == Role::Action { first: false },
    |r| r == Role::SignOff,
    |r| r == Role::Greeting,
];

/// Renders parts as a reply: greeting, body paragraph, sign-off.
pub fn render(parts: &[Part]) -> String {
    let mut head = Vec::new();
    let mut body = Vec::new();
    let mut tail = Vec::new();
    for part in parts {
        match part.role {
            Role::Greeting => head.push(part.text.as_str()),
            Role::SignOff => tail.push(part.text.as_str()),
            _ => body.push(part.text.as_str()),
        }
    }
    [head.join(" "), body.join(" "), tail.join("\n")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Drops sentences until the reply fits `limit`; returns the reply and
/// whether it fits.
pub fn fit(mut parts: Vec<Part>, limit: Option<ReplyLimit>) -> (String, bool) {
    let Some(limit) = limit else {
        return (render(&parts), true);
    };
    for droppable in DROP_ORDER {
        let reply = render(&parts);
        if limit.fits(&reply) {
            return (reply, true);
        }
        // Drop one sentence of this kind at a time, the last first.
        while let Some(i) = parts.iter().rposition(|p| droppable(p.role)) {
            parts.remove(i);
            if limit.fits(&render(&parts)) {
                break;
            }
        }
    }
    let reply = render(&parts);
    let fits = limit.fits(&reply);
    (reply, fits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(role: Role, text: &str) -> Part {
        Part {
            role,
            text: text.into(),
        }
    }

    fn parts() -> Vec<Part> {
        vec![
            part(Role::Greeting, "Hi Ann,"),
            part(Role::Thanks, "Thank you for writing."),
            part(Role::Acknowledge, "We're sorry the soup was cold."),
            part(Role::Sympathy, "That must have been frustrating."),
            part(Role::Action { first: true }, "We can cook for you again."),
            part(Role::Offline, "Write to a@b.c."),
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
        let limit = ReplyLimit::Chars(full.chars().count() - 10);
        let (reply, fits) = fit(parts(), Some(limit));
        assert!(fits);
        assert!(!reply.contains("frustrating"), "sympathy goes first");
        assert!(
            reply.contains("Thank you for writing."),
            "only as much as needed is dropped"
        );

        let (reply, fits) = fit(parts(), Some(ReplyLimit::Chars(90)));
        assert!(fits, "{reply}");
        for kept in ["sorry the soup", "We can cook", "a@b.c"] {
            assert!(reply.contains(kept), "{reply}");
        }
    }

    #[test]
    fn reports_when_even_the_core_is_too_long() {
        let (reply, fits) = fit(parts(), Some(ReplyLimit::Chars(20)));
        assert!(!fits);
        assert!(reply.contains("sorry the soup"));
    }

    #[test]
    fn bytes_are_counted_for_byte_limits() {
        let reply = "é".repeat(10);
        assert!(ReplyLimit::Chars(10).fits(&reply));
        assert!(!ReplyLimit::Utf8Bytes(10).fits(&reply));
    }
}
