//! What a reply needs to know about a review, taken from the review and its
//! verdict: the reviewer's first name, the kind of reply, the complaint
//! topics, what they liked and any wait they mentioned, in their words.

use super::compose::{Kind, Subject};
use crate::review::Review;
use crate::triage::{Label, Topic, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// A wait as people write it: "45 minutes", "an hour", "two weeks".
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\d{1,3}(?:\.\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|forty-five|fifty)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b",
    )
    .expect("the duration pattern is valid")
});

/// Clause boundaries inside a sentence.
const CLAUSE_BREAKS: &[char] = &['.', '!', '?', ';', ',', ':', '\n', '(', ')', '"'];
const CONTRASTS: &[&str] = &[" but ", " however ", " although ", " though ", " except "];

/// Whether a review needs a reply by default: complaints, mixed reviews,
/// rating/text disagreements and unhappy reviews in other languages.
pub fn needs_reply(verdict: &Verdict) -> bool {
    verdict.negative
        || matches!(
            verdict.label,
            Label::Negative | Label::Mixed | Label::Mismatch
        )
}

impl<'a> Subject<'a> {
    pub fn from_review(review: &'a Review, verdict: &Verdict) -> Subject<'a> {
        let complaint = Kind::Complaint {
            mixed: verdict.label == Label::Mixed,
        };
        let kind = match (verdict.escalations.first(), &verdict.other_business) {
            (Some(e), _) => Kind::Escalation {
                reason: format!(
                    "{} (\"{}\"): a person must handle this review before any reply",
                    e.kind.name().replace('_', " and "),
                    e.cue
                ),
            },
            // Apologising for someone else's mistakes is a false reply: only
            // a holding one, and a person checks whose business it was.
            (None, Some(o)) => Kind::Escalation {
                reason: format!(
                    "the review seems to be about another business (\"{}\"): a person must check before any reply",
                    o.cue
                ),
            },
            (None, None) if needs_reply(verdict) => complaint,
            (None, None) => Kind::Praise,
        };
        let foreign = verdict.language.filter(|l| *l != "eng");
        let check = match (verdict.label, foreign) {
            (Label::Mismatch, _) => {
                Some("the rating and the text disagree: read the review before posting".to_string())
            }
            (Label::Unsupported, _) | (_, Some(_)) => Some(format!(
                "the review is in {}: reply in the reviewer's language",
                foreign.unwrap_or("another language")
            )),
            _ => None,
        };
        // The strongest one or two complaints, each topic once.
        let mut topics: Vec<&'static str> = Vec::new();
        for c in verdict.strongest() {
            if topics.len() < 2 && !topics.contains(&c.topic.name()) {
                topics.push(c.topic.name());
            }
        }
        // Only the blocks that use them need the reviewer's own words, and
        // finding them means scanning the whole text.
        let wants_liked = matches!(kind, Kind::Praise | Kind::Complaint { mixed: true });
        let wants_wait =
            matches!(kind, Kind::Complaint { .. }) && topics.contains(&Topic::WaitTime.name());
        let text = (wants_liked || wants_wait).then(|| review.full_text());
        let text = text.as_deref().unwrap_or_default();
        let liked = verdict
            .reasons
            .iter()
            .filter(|c| wants_liked && c.weight > 0.0 && c.end > c.start)
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .and_then(|cue| clause_around(text, cue.start, cue.end));
        let duration = wants_wait
            .then(|| DURATION.find(text).map(|m| m.as_str().to_lowercase()))
            .flatten();
        Subject {
            id: &review.id,
            first_name: review.first_name(),
            kind,
            topics,
            liked,
            duration,
            check,
        }
    }
}

/// The short clause around a span, quoted, as the reviewer wrote it:
/// "Lovely cocktails, but the room was loud" around "Lovely" gives
/// `"lovely cocktails"`. Long clauses are not quoted (`None`).
fn clause_around(text: &str, start: usize, end: usize) -> Option<String> {
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let mut from = text[..start].rfind(CLAUSE_BREAKS).map_or(0, |i| i + 1);
    let mut to = text[end..]
        .find(CLAUSE_BREAKS)
        .map_or(text.len(), |i| end + i);
    // Only the window is lowered, and only when lowering keeps byte
    // offsets (ASCII case changes always do).
    let window = text[from..to].to_ascii_lowercase();
    let (cue_start, cue_end) = (start - from, end - from);
    let (mut cut_from, mut cut_to) = (0, window.len());
    for word in CONTRASTS {
        if let Some(i) = window[..cue_start].rfind(word) {
            cut_from = cut_from.max(i + word.len());
        }
        if let Some(i) = window[cue_end..].find(word) {
            cut_to = cut_to.min(cue_end + i);
        }
    }
    to = from + cut_to;
    from += cut_from;
    let clause = text[from..to].trim();
    let words = clause.split_whitespace().count();
    if !(2..=8).contains(&words) {
        return None;
    }
    let mut chars = clause.chars();
    let first = chars.next()?;
    let clause: String = if chars.clone().next().is_some_and(char::is_lowercase) {
        first.to_lowercase().chain(chars).collect()
    } else {
        clause.to_string()
    };
    Some(format!("\"{clause}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_stop_at_punctuation_and_contrast() {
        let text = "Lovely cocktails, but the room was so loud.";
        assert_eq!(
            clause_around(text, 0, 6).as_deref(),
            Some("\"lovely cocktails\"")
        );
        let text = "The staff were great but the food was cold";
        assert_eq!(
            clause_around(text, 15, 20).as_deref(),
            Some("\"the staff were great\"")
        );
        assert_eq!(
            clause_around("Great", 0, 5),
            None,
            "one word says nothing specific"
        );
    }

    #[test]
    fn durations_are_found_as_written() {
        let found = |t: &str| DURATION.find(t).map(|m| m.as_str().to_string());
        assert_eq!(
            found("We waited 45 minutes for mains").as_deref(),
            Some("45 minutes")
        );
        assert_eq!(
            found("after two weeks nothing").as_deref(),
            Some("two weeks")
        );
        assert_eq!(found("it took an hour").as_deref(), Some("an hour"));
        assert_eq!(found("5 stars"), None);
    }
}
