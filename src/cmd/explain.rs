//! `replywise explain`: how one text was scored, sentence by sentence and
//! cue by cue, so a person can see why a review was (or was not) flagged.

use super::Outcome;
use crate::cli::ExplainArgs;
use crate::error::{Error, Result};
use crate::review::{Location, Review};
use crate::text::for_terminal;
use crate::triage::Reading;
use crate::triage::{Classifier, Cue, Rule};
use std::io::{BufWriter, Read, Write};

pub fn run(args: &ExplainArgs) -> Result<Outcome> {
    let classifier = Classifier::for_phrasebook(args.phrasebook.dir.as_deref())?;
    let text = if args.text == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|source| Error::Read {
                origin: crate::input::STDIN.into(),
                source,
            })?;
        text
    } else {
        args.text.clone()
    };
    let mut review = Review::new(text, Location::new("<argument>".into(), None, 1));
    review.rating = args.rating;
    review.title = args.title.clone();
    let (verdict, full, sentences) = classifier.explain(&review, false);

    let mut out = BufWriter::new(std::io::stdout().lock());
    let w = |e| Error::Write(e);
    writeln!(
        out,
        "verdict: {} (score {:+.3}, negative: {})",
        verdict.label.name(),
        verdict.score,
        if verdict.negative { "yes" } else { "no" }
    )
    .map_err(w)?;
    match verdict.language {
        Some("eng") | None => {}
        Some(language) => writeln!(
            out,
            "language: {language} (not English: the text is not read; a rating still counts)"
        )
        .map_err(w)?,
    }
    for (i, s) in sentences.iter().enumerate() {
        let said = full.get(s.start..s.end).unwrap_or_default().trim();
        writeln!(
            out,
            "\nsentence {} [sum {:+.2}, score {:+.2}]: {}",
            i + 1,
            s.sum,
            s.score,
            for_terminal(said, false)
        )
        .map_err(w)?;
        for cue in &verdict.reasons[s.cues.clone()] {
            writeln!(out, "  {}", describe(cue)).map_err(w)?;
        }
    }
    for cue in verdict.reasons.iter().filter(|c| c.end == 0) {
        writeln!(out, "\n{}", describe(cue)).map_err(w)?;
    }
    if !verdict.complaints.is_empty() {
        writeln!(
            out,
            "\ncomplaints (strength 3 = a main reason for the rating):"
        )
        .map_err(w)?;
        for c in &verdict.complaints {
            let how = match &c.reading {
                Reading::Phrase(cue) => format!("complaint wording {:?}", for_terminal(cue, false)),
                Reading::Judged {
                    judgement,
                    aspect: Some(aspect),
                } => format!(
                    "{:?} judged by {:?}",
                    for_terminal(aspect, false),
                    for_terminal(judgement, false)
                ),
                Reading::Judged {
                    judgement,
                    aspect: None,
                } => format!("judgement {:?}", for_terminal(judgement, false)),
            };
            writeln!(
                out,
                "  {} [strength {}] {:?} ({} {}..{}): {how}",
                c.topic.name(),
                c.strength,
                for_terminal(&c.evidence, false),
                c.field.name(),
                c.start,
                c.end
            )
            .map_err(w)?;
        }
    }
    if !verdict.praise.is_empty() {
        writeln!(out, "\npraise:").map_err(w)?;
        for p in &verdict.praise {
            writeln!(out, "  {:?}", for_terminal(&p.text, false)).map_err(w)?;
        }
    }
    if let Some(o) = &verdict.other_business {
        writeln!(
            out,
            "\nabout another business ({}: {:?}); a person should handle it",
            o.kind
                .map_or("names another venue".to_string(), |k| format!(
                    "recounts a visit to a {}",
                    k.name().replace('_', " ")
                )),
            for_terminal(&o.cue, false)
        )
        .map_err(w)?;
    }
    if !verdict.escalations.is_empty() {
        writeln!(out, "\nneeds a person first:").map_err(w)?;
        for e in &verdict.escalations {
            writeln!(
                out,
                "  {} ({:?} at {}..{})",
                e.kind.name(),
                for_terminal(&e.cue, false),
                e.start,
                e.end
            )
            .map_err(w)?;
        }
    }
    out.flush().map_err(w)?;
    Ok(Outcome::Clean)
}

fn describe(cue: &Cue) -> String {
    let rules: Vec<&str> = cue.rules.iter().map(|r| rule_name(*r)).collect();
    let kind = serde_json::to_value(cue.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut line = format!(
        "{:+6.2}  {:?}  {kind}",
        cue.weight,
        for_terminal(&cue.cue, false)
    );
    if !rules.is_empty() {
        line.push_str(&format!(" ({})", rules.join(", ")));
    }
    line
}

fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Negated => "negated",
        Rule::Enough => "negation cancelled by 'enough'",
        Rule::Boosted => "boosted",
        Rule::Diminished => "diminished",
        Rule::Caps => "capitals",
        Rule::BeforeContrast => "before a contrast: weighs less",
        Rule::AfterContrast => "after a contrast: weighs more",
        Rule::Conceded => "in a concession: weighs less",
        Rule::Sarcasm => "sarcasm: praise turned by the complaint after it",
    }
}
