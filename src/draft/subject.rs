//! What a reply may say about a review, taken from the review and its
//! verdict: the reviewer's first name, the kind of reply, the strongest one
//! or two complaints and one piece of praise, each named in the reviewer's
//! words with the span it came from.

use super::naming::{Form, Named, Naming, Shape};
use super::Evidence;
use crate::business::BusinessKind;
use crate::review::Review;
use crate::triage::{Complaint, Cue, CueKind, Field, Label, Reading, Topic, Verdict};

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
    /// A review rated 3 or more: without a named complaint it gets no
    /// apology, only thanks and an invitation to say more.
    pub mild: bool,
    /// Triage found complaints that could not be named.
    pub unnamed: bool,
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
    /// `clean` says whether the phrasebook passes a named span (spans it
    /// does not pass are skipped): the reviewer's words are never
    /// rewritten, only left out.
    pub fn from_review(
        review: &'a Review,
        verdict: &Verdict,
        naming: &Naming,
        business: Option<BusinessKind>,
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
                .name(source, focus, shape(c))
                .filter(|n| clean(&n.text))
                .map(|n| mention(c.field, 0, n, Some(c.topic)))
        };
        // A clause around a negative word of the review, for reviews whose
        // complaints could not be quoted.
        let name_clause = |field: Field, cue: std::ops::Range<usize>| {
            let source = field_text(review, field);
            naming
                .name(source, cue, Shape::Phrase)
                .filter(|n| clean(&n.text))
                .map(|n| mention(field, 0, n, None))
        };
        let complaints = if kind == Kind::Complaint {
            choose(
                verdict,
                naming,
                business,
                &name_complaint,
                &name_clause,
                review,
            )
        } else {
            Vec::new()
        };
        let wants_praise = matches!(kind, Kind::Praise)
            || (kind == Kind::Complaint && verdict.label == Label::Mixed);
        // The plainest praise: one that starts with what was praised, short.
        let mut praised: Vec<_> = verdict.praise.iter().filter(|_| wants_praise).collect();
        praised.sort_by_key(|p| {
            (
                naming.starts_with_reviewer(&p.text),
                p.text.split_whitespace().count(),
            )
        });
        let praise = praised.into_iter().find_map(|p| {
            naming
                .name_praise(
                    field_text(review, p.field),
                    p.start..p.end,
                    p.start + p.focus.start..p.start + p.focus.end,
                )
                .filter(|n| clean(&n.text))
                .map(|n| mention(p.field, 0, n, None))
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
            unnamed: !verdict.complaints.is_empty(),
            mild: review
                .rating
                .map_or(verdict.label == Label::Mixed, |r| r >= 3.0),
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
    business: Option<BusinessKind>,
    name: &dyn Fn(&Complaint, std::ops::Range<usize>) -> Option<Mention>,
    name_clause: &dyn Fn(Field, std::ops::Range<usize>) -> Option<Mention>,
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
                            // Only within one sentence.
                            let between = first.evidence.get(union.clone()).unwrap_or_default();
                            let one_sentence =
                                !between.contains(". ") && !between.contains(['!', '?', '\n']);
                            if let Some(both) = one_sentence.then(|| name(first, union)).flatten() {
                                chosen[i].0 = both;
                            }
                        }
                        found = None;
                        break;
                    }
                }
            }
            // "the thin walls, and that the walls are paper thin" says one
            // thing twice.
            let found =
                found.filter(|(m, _)| !chosen.iter().any(|(o, _)| share_words(&o.text, &m.text)));
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
                let fits = naming
                    .topic_kinds
                    .get(c.topic.name())
                    .is_none_or(|kinds| business.is_some_and(|b| kinds.contains(&b)));
                let plain = naming
                    .topics
                    .get(c.topic.name())
                    .filter(|_| c.strength >= 2 && !covered && fits)?;
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
    // "the food, and that the food came cold": a plain name the quote
    // already says goes.
    let quoted: Vec<String> = chosen
        .iter()
        .filter(|m| m.quoted)
        .map(|m| m.text.clone())
        .collect();
    chosen.retain(|m| m.quoted || !quoted.iter().any(|q| share_words(q, &m.text)));
    // A middling review is answered only for what it says in its words.
    if review.rating.is_some_and(|r| r >= 3.0) {
        chosen.retain(|m| m.quoted);
    }
    // Nothing quoted: the review's most negative clause, in its own words,
    // says more than a topic's plain name.
    if !chosen.iter().any(|m| m.quoted) {
        if let Some(m) = negative_clause(verdict, naming, review, name_clause) {
            chosen = vec![m];
        }
    }
    // In the order the reviewer told them.
    chosen.sort_by_key(|m| (m.evidence.field != "title", m.evidence.start));
    chosen
}

/// The most negative clause of the review that can be quoted: the words
/// around its strongest negative cue.
fn negative_clause(
    verdict: &Verdict,
    naming: &Naming,
    review: &Review,
    name: &dyn Fn(Field, std::ops::Range<usize>) -> Option<Mention>,
) -> Option<Mention> {
    let mut cues: Vec<&Cue> = verdict
        .reasons
        .iter()
        .filter(|c| {
            c.weight <= STRONG
                && c.end > c.start
                && matches!(c.kind, CueKind::Word | CueKind::Complaint)
        })
        .collect();
    cues.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    // Cues are placed in `full_text`: the title, ". ", then the text.
    let title = review
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty() && !review.text.is_empty());
    let skip = title.map_or(0, |t| t.len() + 2);
    cues.iter().take(4).find_map(|c| {
        let (field, range) = match title {
            Some(t) if c.start < t.len() => (Field::Title, c.start..c.end.min(t.len())),
            _ if c.start >= skip => (Field::Text, c.start - skip..c.end - skip),
            _ => return None,
        };
        // Only a clause about what happened: "I hate to do a bad review" or
        // "I don't care how close" is the reviewer's opinion, not a complaint.
        name(field, range).filter(|m| m.form == Form::That && !naming.is_opinion(&m.evidence.text))
    })
}

/// Whether a word of four letters or more of `b` is in `a` ("wait" in
/// "the waiter forgot"): then the two say one thing twice.
fn share_words(a: &str, b: &str) -> bool {
    let a = a.to_lowercase();
    b.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .any(|w| a.contains(&w.to_lowercase()))
}

/// How negative a cue must be for its clause to stand for the complaint.
const STRONG: f64 = -1.5;
