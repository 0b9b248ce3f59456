//! What a reply may say about a review, taken from the review and its
//! verdict: the reviewer's first name, the kind of reply, the strongest one
//! or two complaints and one piece of praise, each named in the reviewer's
//! words with the span it came from.

use super::naming::{Form, Named, Naming, Shape};
use super::Evidence;
use crate::review::Review;
use crate::triage::{Complaint, Field, Label, Reading, Topic, Verdict};

/// What kind of reply a review needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A negative or mixed review.
    Complaint,
    /// A review a person must handle first (the reason says why); only a
    /// holding reply.
    Escalation { reason: String },
    /// A review that seems to be about another business: a short redirect
    /// for a person to check.
    Elsewhere { reason: String },
    /// A positive review: a short, warm thanks.
    Praise,
}

/// A complaint or praise as a reply names it, with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub text: String,
    pub form: Form,
    pub topic: Option<Topic>,
    /// Whether `text` is the reviewer's own words (else the topic's plain
    /// name, true of any complaint of the topic).
    pub quoted: bool,
    pub evidence: Evidence,
}

/// Everything about one review that a reply draws on.
#[derive(Debug, Clone)]
pub struct Subject<'a> {
    /// Seeds the choice of phrasings.
    pub id: &'a str,
    pub first_name: Option<(&'a str, Evidence)>,
    pub kind: Kind,
    /// The strongest one or two complaints, in the order the review tells them.
    pub complaints: Vec<Mention>,
    pub praise: Option<Mention>,
    /// Why a person should read the review before posting, when the reply
    /// itself can still be drafted (e.g. the rating and text disagree).
    pub check: Option<String>,
}

/// Whether a review needs a reply by default: complaints, mixed reviews,
/// rating/text disagreements and unhappy reviews in other languages.
pub fn needs_reply(verdict: &Verdict) -> bool {
    verdict.negative
        || matches!(
            verdict.label,
            Label::Negative | Label::Mixed | Label::Mismatch
        )
}

fn field_text(review: &Review, field: Field) -> &str {
    match field {
        Field::Title => review.title.as_deref().unwrap_or_default(),
        Field::Text => &review.text,
    }
}

fn shape(c: &Complaint) -> Shape {
    match &c.reading {
        Reading::Judged {
            aspect: Some(aspect),
            ..
        } => {
            let focus = c.evidence.get(c.focus.clone()).unwrap_or_default();
            if !focus.to_lowercase().contains(&aspect.to_lowercase()) {
                Shape::Phrase
            } else if focus.to_lowercase().starts_with(&aspect.to_lowercase()) {
                Shape::AspectFirst
            } else {
                Shape::JudgementFirst
            }
        }
        _ => Shape::Phrase,
    }
}

impl<'a> Subject<'a> {
    /// `clean` says whether the phrasebook passes a named span: the
    /// reviewer's words are never rewritten, only left out.
    pub fn from_review(
        review: &'a Review,
        verdict: &Verdict,
        naming: &Naming,
        clean: &dyn Fn(&str) -> bool,
    ) -> Subject<'a> {
        let kind = match (verdict.escalations.first(), &verdict.other_business) {
            (Some(e), _) => Kind::Escalation {
                reason: format!(
                    "{} (\"{}\"): a person must handle this review before any reply",
                    e.kind.name().replace('_', " and "),
                    e.cue
                ),
            },
            // Apologising for someone else's mistakes is a false reply.
            (None, Some(o)) => Kind::Elsewhere {
                reason: format!(
                    "the review seems to be about another business (\"{}\"): a person must check before any reply",
                    o.cue
                ),
            },
            (None, None) if needs_reply(verdict) => Kind::Complaint,
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
        let full = review.full_text();
        let mention = |field: Field, start: usize, named: Named, topic: Option<Topic>| {
            let source = field_text(review, field);
            let span = start + named.span.start..start + named.span.end;
            Mention {
                text: named.text,
                form: named.form,
                topic,
                quoted: true,
                evidence: Evidence {
                    field: field.name(),
                    text: source.get(span.clone()).unwrap_or_default().to_string(),
                    start: span.start,
                    end: span.end,
                },
            }
        };
        // Named in the whole field, so a clause is not cut where the
        // evidence happens to end.
        let name_complaint = |c: &Complaint, focus: std::ops::Range<usize>| {
            let source = field_text(review, c.field);
            let focus = c.start + focus.start..c.start + focus.end;
            naming
                .name(source, focus, shape(c), &full)
                .filter(|n| clean(&n.text))
                .map(|n| mention(c.field, 0, n, Some(c.topic)))
        };
        let complaints = if kind == Kind::Complaint {
            choose(verdict, naming, &name_complaint, review)
        } else {
            Vec::new()
        };
        let wants_praise = matches!(kind, Kind::Praise)
            || (kind == Kind::Complaint && verdict.label == Label::Mixed);
        // The plainest praise: one that starts with what was praised, short.
        let mut praised: Vec<_> = verdict.praise.iter().filter(|_| wants_praise).collect();
        praised.sort_by_key(|p| {
            let first = p
                .text
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            (
                matches!(first.as_str(), "i" | "we" | "you" | "i'm" | "i've"),
                p.text.split_whitespace().count(),
            )
        });
        let praise = praised.into_iter().find_map(|p| {
            naming
                .name_praise(&p.text, &full)
                .filter(|n| clean(&n.text))
                .map(|n| mention(p.field, p.start, n, None))
        });
        let first_name = review.first_name().map(|name| {
            let author = review.author.as_deref().unwrap_or_default();
            let start = author.find(name).unwrap_or(0);
            (
                name,
                Evidence {
                    field: "author",
                    start,
                    end: start + name.len(),
                    text: name.to_string(),
                },
            )
        });
        Subject {
            id: &review.id,
            first_name,
            kind,
            complaints,
            praise,
            check,
        }
    }
}

/// The strongest one or two complaints, each topic once, named in the
/// reviewer's words where they can be; a title's summary gives way to the
/// text's own account of the same topic. A second complaint told in the
/// same clause as the first is named with it ("the manager was rude when
/// you complained about a hair in the soup").
fn choose(
    verdict: &Verdict,
    naming: &Naming,
    name: &dyn Fn(&Complaint, std::ops::Range<usize>) -> Option<Mention>,
    review: &Review,
) -> Vec<Mention> {
    let strongest = verdict.strongest();
    let mut chosen: Vec<(Mention, &Complaint)> = Vec::new();
    let mut topics: Vec<Topic> = Vec::new();
    let overlaps = |chosen: &[(Mention, &Complaint)], field: &str, start: usize, end: usize| {
        chosen.iter().position(|(o, _)| {
            o.evidence.field == field && o.evidence.start < end && start < o.evidence.end
        })
    };
    for pass in 0..2 {
        for c in &strongest {
            if chosen.len() == 2 || (c.strength < 2 && !chosen.is_empty()) {
                break;
            }
            // The first pass takes each topic once; the second, for a
            // review with one topic, a second complaint of it.
            if (pass == 0 && topics.contains(&c.topic))
                || (pass == 1 && chosen.iter().any(|(_, k)| std::ptr::eq(*k, *c)))
            {
                continue;
            }
            topics.push(c.topic);
            let mut same: Vec<&&Complaint> = if pass == 0 {
                strongest.iter().filter(|k| k.topic == c.topic).collect()
            } else {
                vec![c]
            };
            same.sort_by_key(|k| (k.field == Field::Title, std::cmp::Reverse(k.strength)));
            let mut found = None;
            for k in same {
                let Some(m) = name(k, k.focus.clone()) else {
                    continue;
                };
                match overlaps(&chosen, m.evidence.field, m.evidence.start, m.evidence.end) {
                    None => {
                        found = Some((m, *k));
                        break;
                    }
                    Some(i) => {
                        let (_, first) = chosen[i];
                        if first.field == k.field
                            && first.start == k.start
                            && first.evidence == k.evidence
                        {
                            let union = first.focus.start.min(k.focus.start)
                                ..first.focus.end.max(k.focus.end);
                            if let Some(both) = name(first, union) {
                                chosen[i].0 = both;
                            }
                        }
                        found = None;
                        break;
                    }
                }
            }
            if pass == 1 {
                if let Some(f) = found {
                    chosen.push(f);
                }
                continue;
            }
            let covered = overlaps(&chosen, c.field.name(), c.start, c.end).is_some();
            let found = found.or_else(|| {
                // Words that cannot be quoted: the topic's plain name, for a
                // complaint that clearly drives the rating.
                let plain = naming
                    .topics
                    .get(c.topic.name())
                    .filter(|_| c.strength >= 2 && !covered)?;
                let source = field_text(review, c.field);
                Some((
                    Mention {
                        text: plain.clone(),
                        form: Form::About,
                        topic: Some(c.topic),
                        quoted: false,
                        evidence: Evidence {
                            field: c.field.name(),
                            start: c.start,
                            end: c.end,
                            text: source.get(c.start..c.end).unwrap_or_default().to_string(),
                        },
                    },
                    *c,
                ))
            });
            if let Some((m, k)) = found {
                if !chosen.iter().any(|(o, _)| o.text == m.text) {
                    chosen.push((m, k));
                }
            }
        }
        if chosen.len() != 1 {
            break;
        }
    }
    let mut chosen: Vec<Mention> = chosen.into_iter().map(|(m, _)| m).collect();
    // In the order the reviewer told them.
    chosen.sort_by_key(|m| (m.evidence.field != "title", m.evidence.start));
    chosen
}
