//! From scores to a label: the text's verdict, reconciled with the star
//! rating when there is one.
//!
//! The rating is the reviewer's own verdict, so it leads: 1-2 negative, 3
//! mixed, 4-5 positive. The text can still overrule it in two ways: a 4-5
//! star review with a clear complaint is `mixed` (it deserves an answer),
//! and a strong disagreement (5 stars with angry text, 1 star with glowing
//! text, usually a slip of the finger) is a `mismatch` for a person to
//! check.

use super::score::{Params, TextScore};
use super::Label;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub label: Label,
    pub negative: bool,
    pub score: f64,
}

/// The label from the text alone.
fn from_text(p: &Params, text: TextScore, has_cues: bool) -> Label {
    if text.score <= p.negative_below {
        Label::Negative
    } else if text.score >= p.positive_above {
        Label::Positive
    } else if has_cues {
        Label::Mixed
    } else {
        Label::Neutral
    }
}

/// The verdict. A low rating is never hidden by language: `foreign` text
/// with a rating gets the rating's label (its text is not read), and only
/// foreign text without one is `unsupported`.
pub fn decide(
    p: &Params,
    text: TextScore,
    has_cues: bool,
    rating: Option<f64>,
    foreign: bool,
) -> Decision {
    if foreign {
        let label = match rating {
            None => Label::Unsupported,
            Some(r) if r < 2.5 => Label::Negative,
            Some(r) if r < 3.5 => Label::Mixed,
            Some(_) => Label::Positive,
        };
        return Decision {
            label,
            negative: label == Label::Negative,
            score: rating.map_or(0.0, |r| (r - 3.0) / 2.0),
        };
    }
    let Some(r) = rating else {
        let label = from_text(p, text, has_cues);
        return Decision {
            label,
            negative: label == Label::Negative,
            score: text.score,
        };
    };
    let from_rating = (r - 3.0) / 2.0;
    let score = ((from_rating + text.score) / 2.0).clamp(-1.0, 1.0);
    let (label, negative) = if r < 2.5 {
        if text.score >= p.mismatch_glowing && text.worst > -p.clear_part {
            (Label::Mismatch, false)
        } else {
            (Label::Negative, true)
        }
    } else if r < 3.5 {
        (Label::Mixed, false)
    } else if r >= 4.5 && text.score <= p.mismatch_angry {
        (Label::Mismatch, true)
    } else if text.score <= p.complaint_with_rating
        || text.worst <= -p.clear_part && text.score < p.positive_above
    {
        (Label::Mixed, false)
    } else {
        (Label::Positive, false)
    };
    Decision {
        label,
        negative,
        score,
    }
}
