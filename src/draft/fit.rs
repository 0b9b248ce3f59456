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
