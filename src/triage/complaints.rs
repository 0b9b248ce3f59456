//! Complaints: what a review really complains about, read clause by clause.
//!
//! Replies are built on complaints, so a wrong one becomes a false sentence
//! in public. A complaint is an aspect and a negative judgement of it in one
//! clause ("the fries were cold"), or wording that is a complaint by itself
//! ("overcharged", "never arrived"). A bare noun ("order", "hotel") is never
//! one; a negated judgement ("not rude"), a supposed one ("I expected it to
//! be dirty") or one waved away ("I don't mind waiting") is not either. Each
//! complaint keeps the reviewer's words and a strength: how much it drives
//! the low rating, so a reply can name the strongest one or two.

use super::clauses::{self, overlaps, Clause};
use super::matcher::{Kind, Scratch, Tag, TagHit};
use super::topics::Topic;
use super::{Cue, CueKind, Rule};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// Which field of the review a span is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Text,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
        }
    }
}

/// How a complaint was read, for `explain`.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Wording that is a complaint about the topic by itself.
    Phrase(String),
    /// A judgement, of the named aspect when there is one.
    Judged {
        judgement: String,
        aspect: Option<String>,
    },
}

/// One complaint: its topic, the reviewer's words (`evidence`, at
/// `start..end` bytes of `field`) and its strength, 3 for a main reason for
/// the rating, 2 a clear secondary one, 1 a passing gripe.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Complaint {
    pub topic: Topic,
    pub evidence: String,
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub strength: u8,
    #[serde(skip)]
    pub reading: Reading,
    /// The judged aspect and its judgement, or the complaint phrase, as
    /// bytes of `evidence`: the words a reply names the complaint by.
    #[serde(skip)]
    pub focus: Range<usize>,
}

/// The rules' knobs, from the lexicon: which topics' judgements win over
/// which aspects ("the service was slow" is about waiting), and how the
/// scorer's rules scale a cue.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub over: BTreeMap<Topic, Vec<Topic>>,
    /// A sentiment word judges an aspect when it weighs at least this much
    /// before contrast and concession scaled it ("waited" or "charged" only
    /// mention; "cold" and "rude" judge).
    pub floor: f64,
    pub contrast_before: f64,
    pub concession: f64,
    pub negation: f64,
    /// Words that tie a feeling to what it is about ("with", "about").
    pub about: Vec<String>,
    /// Topics about things the business sells, whose actions a person
    /// fails to do are not their complaints.
    pub of_things: Vec<Topic>,
}

impl Rules {
    /// The weight of a scored cue as the lexicon gives it, before its
    /// clause or a negator scaled it.
    pub fn plain_weight(&self, c: &Cue) -> f64 {
        let mut w = c.weight;
        for rule in &c.rules {
            match rule {
                Rule::BeforeContrast if self.contrast_before > 0.0 => w /= self.contrast_before,
                Rule::Conceded if self.concession > 0.0 => w /= self.concession,
                // "Not fresh" judges as firmly as "fresh" praises.
                Rule::Negated if self.negation != 0.0 => w /= self.negation.abs(),
                _ => {}
            }
        }
        w
    }

    /// Scored cues that judge an aspect: sentiment words, not complaint
    /// wording, emoji, stars or a lone negator.
    fn judges(&self, c: &Cue) -> bool {
        // Complaint wording of the scorer ("won't be back", "used to be my
        // favourite") judges the whole visit, not the aspect beside it.
        c.weight < 0.0
            && -self.plain_weight(c) >= self.floor
            && matches!(c.kind, CueKind::Word | CueKind::Excess | CueKind::Sarcasm)
    }

    /// The topic a judgement of `own` topics speaks of, next to an aspect
    /// of `aspect` (if any): the aspect's when it is one of them or no rule
    /// says otherwise, else the first of `own`.
    fn topic(&self, own: &[Topic], aspect: Option<Topic>) -> Option<Topic> {
        match aspect {
            Some(a) if own.contains(&a) => Some(a),
            Some(a) => own
                .iter()
                .copied()
                .find(|t| self.over.get(t).is_some_and(|o| o.contains(&a)))
                .or(Some(a)),
            None => own.first().copied(),
        }
    }
}

/// An aspect is judged by a judgement at most this many words away.
const ASPECT_REACH: usize = 7;

/// A complaint found before strengths are known.
struct Found {
    topic: Topic,
    clause: usize,
    focus: Range<usize>,
    weight: f64,
    reading: Reading,
}

/// The complaints of a review, in text order.
pub fn complaints(
    s: &Scratch,
    reasons: &[Cue],
    clauses: &[Clause],
    rules: &Rules,
) -> Vec<Complaint> {
    let mut found: Vec<Found> = Vec::new();
    // The last aspect named, and whether its clause judged anything: "As
    // for the food, a disappointment" and "The room? It was tiny" judge an
    // aspect named a clause before.
    let mut last: Option<(Spanned, usize, bool)> = None;
    for (n, c) in clauses.iter().enumerate() {
        let inherited = last.as_ref().and_then(|(a, sentence, judged)| {
            let same = *sentence == c.sentence && !*judged;
            let near = c.anaphora && c.sentence <= sentence + 1;
            (same || near).then_some(a)
        });
        let before = found.len();
        if !c.excused {
            read_clause(s, reasons, n, c, rules, inherited, &mut found);
        }
        let judged = found.len() > before
            || reasons[c.cues.clone()].iter().any(|r| r.weight != 0.0)
            || c.irrealis.is_some()
            || c.excused;
        let tags = &s.tags[c.tags.clone()];
        // The first aspect of a clause is most often its subject: "Our room
        // was on the top floor. It was tiny."
        if let Some(a) = spans(tags, aspect_of).into_iter().next() {
            last = Some((a, c.sentence, judged));
        } else if let Some((_, sentence, j)) = last.as_mut() {
            // An aspect is inherited by the clause right after it only.
            if *sentence == c.sentence {
                *j = true;
            }
        }
    }
    strengths(s, clauses, found)
}

fn aspect_of(t: Tag) -> Option<Topic> {
    match t {
        Tag::Aspect(topic) => Some(topic),
        _ => None,
    }
}

/// An amount of money written with its currency sign ("$15", "18€"): what
/// a judgement of a clause holding one is most often about.
fn money(text: &str, clause: &Clause) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let slice = &text[clause.start..clause.end];
    for (i, ch) in slice.char_indices() {
        if !matches!(ch, '$' | '£' | '€' | '¥') {
            continue;
        }
        let at = clause.start + i;
        let after = at + ch.len_utf8();
        let digit_after = bytes.get(after).is_some_and(u8::is_ascii_digit);
        let digit_before = at > 0 && bytes[at - 1].is_ascii_digit();
        if digit_after || digit_before {
            return Some(at..after);
        }
    }
    None
}

/// A span of the clause with the topics its tags give.
#[derive(Debug, Clone)]
struct Spanned {
    span: Range<usize>,
    topics: Vec<Topic>,
}

/// Groups the tags of one kind by span (a word may judge several topics).
fn spans(tags: &[TagHit], pick: impl Fn(Tag) -> Option<Topic>) -> Vec<Spanned> {
    let mut out: Vec<Spanned> = Vec::new();
    for t in tags {
        let Some(topic) = pick(t.tag) else { continue };
        match out.last_mut() {
            Some(last) if last.span == (t.start..t.end) => last.topics.push(topic),
            _ => out.push(Spanned {
                span: t.start..t.end,
                topics: vec![topic],
            }),
        }
    }
    out
}

fn read_clause(
    s: &Scratch,
    reasons: &[Cue],
    n: usize,
    c: &Clause,
    rules: &Rules,
    inherited: Option<&Spanned>,
    found: &mut Vec<Found>,
) {
    // Only what comes before a supposition is lived: "the rice was hard,
    // as if made hours before" complains; "if the fries had been cold" not.
    let until = c.irrealis.unwrap_or(c.end);
    let tags = &s.tags[c.tags.clone()];
    let tags = &tags[..tags.partition_point(|t| t.start < until)];
    let cues = &reasons[c.cues.clone()];
    let cues = &cues[..cues.partition_point(|r| r.start < until)];
    let plain: Vec<Range<usize>> = tags
        .iter()
        .filter(|t| t.tag == Tag::Plain)
        .map(|t| t.start..t.end)
        .collect();
    let judging: Vec<&Cue> = cues
        .iter()
        .filter(|r| rules.judges(r) && !plain.iter().any(|p| overlaps(p, &(r.start..r.end))))
        .collect();
    let intensity = judging.iter().map(|r| -r.weight).fold(0.0, f64::max);
    let mut push = |topic: Topic, focus: Range<usize>, weight: f64, reading: Reading| {
        if !found.iter().any(|f| f.clause == n && f.topic == topic) {
            found.push(Found {
                topic,
                clause: n,
                focus,
                weight,
                reading,
            });
        }
    };
    let phrases = spans(tags, |t| match t {
        Tag::Complaint(topic) => Some(topic),
        _ => None,
    });
    let mut taken: Vec<Range<usize>> = plain;
    for p in &phrases {
        taken.push(p.span.clone());
        if clauses::negated(s, p.span.start) {
            continue;
        }
        let cue = s.text[p.span.clone()].to_string();
        for &topic in &p.topics {
            let reading = Reading::Phrase(cue.clone());
            push(topic, p.span.clone(), intensity.max(2.0) + 1.0, reading);
        }
    }
    let free =
        |span: &Range<usize>, taken: &[Range<usize>]| !taken.iter().any(|t| overlaps(t, span));
    // "They never called back", "it no longer works": what the business is
    // there to do, not done, complains whatever words surround it.
    let actions = spans(tags, |t| match t {
        Tag::Action(topic) => Some(topic),
        _ => None,
    });
    for a in &actions {
        if !free(&a.span, &taken) {
            continue;
        }
        let Some(negator) = clauses::turner_of(s, a.span.start) else {
            continue;
        };
        taken.push(a.span.clone());
        let cue = s.text[negator.start..a.span.end].to_string();
        let of_person = said_of_person(s, tags, &negator, a.span.start);
        for &topic in &a.topics {
            if of_person && rules.of_things.contains(&topic) {
                continue;
            }
            let reading = Reading::Phrase(cue.clone());
            push(
                topic,
                negator.start..a.span.end,
                intensity.max(2.0) + 1.0,
                reading,
            );
        }
    }
    let aspects: Vec<Spanned> = spans(tags, aspect_of)
        .into_iter()
        .filter(|a| free(&a.span, &taken))
        .collect();
    let money = money(&s.text, c);
    let own = spans(tags, |t| match t {
        Tag::Judgement(topic) => Some(topic),
        _ => None,
    });
    // Each judgement with its topics, its weight, and whether it speaks of
    // its topics only where the sentence names them.
    let mut judgements: Vec<(Range<usize>, Vec<Topic>, f64, bool)> = Vec::new();
    for j in own {
        if free(&j.span, &taken) && !clauses::negated(s, j.span.start) {
            taken.push(j.span.clone());
            judgements.push((j.span, j.topics, 1.5, true));
        }
    }
    // A good quality denied is the topic's complaint wherever it stands:
    // "not friendly" is the staff's attitude, "none of it was clean" the
    // cleaning.
    let virtues = spans(tags, |t| match t {
        Tag::Virtue(topic) => Some(topic),
        _ => None,
    });
    for v in virtues {
        if !free(&v.span, &taken) {
            continue;
        }
        let Some(from) = denied(s, cues, &v.span) else {
            continue;
        };
        let weight = cues
            .iter()
            .filter(|r| r.start == v.span.start)
            .map(|r| -r.weight)
            .fold(1.5, f64::max);
        taken.push(from..v.span.end);
        judgements.push((from..v.span.end, v.topics, weight, false));
    }
    // An amount judges an aspect of its own topic in the clause, however
    // far: "queueing at the airport desk for an hour".
    let measures = spans(tags, |t| match t {
        Tag::Measure(topic) => Some(topic),
        _ => None,
    });
    for m in measures {
        if !free(&m.span, &taken) || clauses::negated(s, m.span.start) {
            continue;
        }
        for &topic in &m.topics {
            let Some(a) = aspects.iter().find(|a| a.topics.contains(&topic)) else {
                continue;
            };
            taken.push(m.span.clone());
            let reading = Reading::Judged {
                judgement: s.text[m.span.clone()].to_string(),
                aspect: Some(s.text[a.span.clone()].to_string()),
            };
            let focus = a.span.start.min(m.span.start)..a.span.end.max(m.span.end);
            push(topic, focus, intensity.max(1.5), reading);
        }
    }
    // A clause that says what is wrong in words of a topic needs no
    // guessing from its sentiment words, which mostly repeat it.
    if judgements.is_empty() && phrases.is_empty() {
        for r in judging {
            let span = r.start..r.end;
            if free(&span, &taken) {
                judgements.push((span, Vec::new(), -r.weight, true));
            }
        }
    }
    let sentence = &s.sentences[c.sentence];
    // An amount in the clause is in view as a price ("£16 for a bowl is
    // steep").
    let in_sentence = |topic: Topic| {
        topic == Topic::PriceValue && money.is_some()
            || s.tags.iter().any(|t| {
                t.tag == Tag::Aspect(topic) && t.start >= sentence.start && t.end <= sentence.end
            })
    };
    for (span, own, weight, needs_view) in judgements {
        if tags
            .iter()
            .any(|t| t.tag == Tag::Feeling && overlaps(&(t.start..t.end), &span))
        {
            if let Some(a) = felt_about(&s.text, &span, &aspects, rules) {
                let reading = Reading::Judged {
                    judgement: s.text[span.clone()].to_string(),
                    aspect: Some(s.text[a.span.clone()].to_string()),
                };
                let focus = span.start..a.span.end;
                push(a.topics[0], focus, weight.max(intensity), reading);
            }
            continue;
        }
        // An amount is what a sentiment word of its clause judges ("$15
        // for a soda is a joke"), unless the clause names a bill or a charge;
        // a word of a topic keeps its topic.
        let billed = aspects.iter().any(|a| a.topics.contains(&Topic::Billing));
        if let (Some(m), true) = (&money, own.is_empty() && !billed) {
            let reading = Reading::Judged {
                judgement: s.text[span.clone()].to_string(),
                aspect: Some(s.text[m.clone()].to_string()),
            };
            push(
                Topic::PriceValue,
                span.clone(),
                weight.max(intensity),
                reading,
            );
            continue;
        }
        let nearest = aspects
            .iter()
            .filter(|a| !overlaps(&a.span, &span))
            .map(|a| {
                let gap = if a.span.end <= span.start {
                    (a.span.end, span.start)
                } else {
                    (span.end, a.span.start)
                };
                (clauses::words_apart(&s.text, gap.0, gap.1), a)
            })
            .filter(|(d, _)| *d <= ASPECT_REACH)
            .min_by_key(|(d, _)| *d)
            .map(|(_, a)| a)
            // "It was tiny": a pronoun stands for the aspect only when the
            // judgement follows it closely, not for "it was a messy
            // experience".
            .or(inherited.filter(|_| {
                aspects.is_empty() && clauses::words_apart(&s.text, c.start, span.start) <= 3
            }));
        // A judgement alone speaks of its own topic only where the sentence
        // names that topic: "burnt" is the food only if food is in view.
        let own: Vec<Topic> = if nearest.is_some() || !needs_view {
            own
        } else {
            own.into_iter().filter(|t| in_sentence(*t)).collect()
        };
        let Some(topic) = rules.topic(&own, nearest.map(|a| a.topics[0])) else {
            continue;
        };
        // An aspect named a clause before, in the same sentence, is quoted
        // with its judgement ("The bill was $120, a joke"); one from the
        // sentence before is not.
        let sentence_start = s.sentences[c.sentence].start;
        let focus = match nearest {
            Some(a) if a.span.start >= sentence_start => {
                a.span.start.min(span.start)..a.span.end.max(span.end)
            }
            _ => span.clone(),
        };
        let reading = Reading::Judged {
            judgement: s.text[span].to_string(),
            aspect: nearest.map(|a| s.text[a.span.clone()].to_string()),
        };
        push(topic, focus, weight.max(intensity), reading);
    }
}

/// An action turned by `turn` (its negator, or complaint wording running
/// into it) and starting at `until` is one a person failed to do, not a
/// thing: a word for a person stands between the negator and the action
/// ("nobody was working", "not one person working") or next before the
/// negator ("she doesn't work that side"), and no thing is named from the
/// negator on ("I couldn't get it to work", "... get my phone to work").
fn said_of_person(s: &Scratch, tags: &[TagHit], turn: &Range<usize>, until: usize) -> bool {
    let thing_named = tags.iter().any(|t| {
        matches!(t.tag, Tag::Anaphora | Tag::Aspect(_)) && t.start >= turn.start && t.end <= until
    });
    !thing_named
        && tags.iter().any(|t| {
            t.tag == Tag::Person
                && t.start < until
                && (t.start >= turn.start
                    // Right before it: one word between already reads "the
                    // kettle we got doesn't work" as the person's doing.
                    || t.end <= turn.start
                        && clauses::words_apart(&s.text, t.end, turn.start) == 0)
        })
}

/// Where the denial of the words at `span` starts, if they are denied: by
/// the negator right before them, by complaint wording of the scorer that
/// runs into them ("was not worth it"), or by a negator the scorer found in
/// reach ("none of the servers were friendly").
fn denied(s: &Scratch, cues: &[Cue], span: &Range<usize>) -> Option<usize> {
    if let Some(n) = clauses::turner_of(s, span.start) {
        return Some(n.start);
    }
    let scored = cues
        .iter()
        .any(|r| r.start == span.start && r.rules.contains(&Rule::Negated));
    if !scored {
        return None;
    }
    s.tokens
        .iter()
        .rev()
        .find(|t| t.end <= span.start && matches!(t.kind, Kind::Negator { .. }))
        .map(|t| t.start)
}

/// The aspect a feeling is about: the first one after it, at most a few
/// words on, when the words between open with one of `about` ("upset with
/// the total price", "disappointed in the food").
fn felt_about<'a>(
    text: &str,
    feeling: &Range<usize>,
    aspects: &'a [Spanned],
    rules: &Rules,
) -> Option<&'a Spanned> {
    const REACH: usize = 5;
    let a = aspects.iter().find(|a| a.span.start >= feeling.end)?;
    let gap = &text[feeling.end..a.span.start];
    let first = gap.split_whitespace().next()?.to_lowercase();
    let tied = rules.about.contains(&first);
    (tied && clauses::words_apart(text, feeling.end, a.span.start) <= REACH).then_some(a)
}

/// Ranks what was found into strengths and locates the evidence.
fn strengths(s: &Scratch, clauses: &[Clause], found: Vec<Found>) -> Vec<Complaint> {
    let mut scored: Vec<(f64, Found)> = found
        .into_iter()
        .map(|f| {
            let c = &clauses[f.clause];
            let sentence = &s.sentences[c.sentence];
            let mut w = f.weight;
            if s.title_len.is_some_and(|t| f.focus.start < t) {
                w *= 1.5;
            }
            w += 0.3 * f64::from(sentence.exclamations.min(3));
            if c.sentence == 0 {
                w += 0.5;
            }
            (w, f)
        })
        .collect();
    // A topic complained of in several clauses weighs more in each.
    let repeats: Vec<usize> = scored
        .iter()
        .map(|(_, f)| scored.iter().filter(|(_, g)| g.topic == f.topic).count())
        .collect();
    for ((w, _), r) in scored.iter_mut().zip(repeats) {
        *w += 0.4 * (r - 1) as f64;
    }
    let top = scored.iter().map(|(w, _)| *w).fold(0.0, f64::max);
    scored.sort_by_key(|(_, f)| f.focus.start);
    scored
        .into_iter()
        .map(|(w, f)| {
            // From the start of the clause the focus starts in.
            let c = &clauses[f.clause];
            let from = clauses.partition_point(|k| k.end <= f.focus.start);
            let clause = Clause {
                start: clauses.get(from).map_or(c.start, |k| k.start.min(c.start)),
                ..c.clone()
            };
            let span = clauses::evidence(&s.text, &clause, f.focus.clone());
            let (field, start, end) = s.locate(span.clone());
            let focus = f.focus.start.clamp(span.start, span.end) - span.start
                ..f.focus.end.clamp(span.start, span.end) - span.start;
            Complaint {
                topic: f.topic,
                evidence: s.text[span].to_string(),
                field,
                start,
                end,
                strength: if w >= top * 0.85 {
                    3
                } else if w >= top * 0.55 {
                    2
                } else {
                    1
                },
                reading: f.reading,
                focus,
            }
        })
        .collect()
}
