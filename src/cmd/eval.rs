//! `replywise eval`: score the classifier on labelled JSON Lines, text
//! only, the way `../shared/tools/score_negatives.py` scores predictions.

use super::Outcome;
use crate::cli::EvalArgs;
use crate::error::{Error, Result};
use crate::eval::{read_labelled, Gold, Labelled, SourceTally, Tally};
use crate::review::{Location, Review};
use crate::text::{for_terminal, truncate_chars};
use crate::triage::{Classifier, Label, Verdict};
use std::io::{BufReader, BufWriter, Write};

pub fn run(args: &EvalArgs) -> Result<Outcome> {
    let classifier = Classifier::for_phrasebook(args.phrasebook.dir.as_deref())?;
    let mut pred = match &args.pred {
        Some(path) => Some(BufWriter::new(std::fs::File::create(path).map_err(
            |source| Error::Open {
                path: path.clone(),
                source,
            },
        )?)),
        None => None,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut tally = Tally::default();
    let mut shown = 0;

    for path in &args.files {
        let file = std::fs::File::open(path).map_err(|source| Error::Open {
            path: path.clone(),
            source,
        })?;
        let origin = path.display().to_string();
        read_labelled(&origin, BufReader::new(file), &mut |record: Labelled| {
            if !args.split.contains(&record.id) {
                return Ok(());
            }
            let review = Review::new(
                record.text.clone(),
                Location::new(origin.as_str().into(), None, 0),
            );
            let verdict = classifier.classify(&review, true);
            let gold = record.gold();
            tally.add(&record.source, gold, verdict.negative);
            if let Some(pred) = &mut pred {
                let line = serde_json::json!({
                    "id": record.id,
                    "negative": verdict.negative,
                    "label": three_class(verdict.label),
                });
                writeln!(pred, "{line}").map_err(Error::Write)?;
            }
            let wrong = gold != Gold::Neutral && (gold == Gold::Negative) != verdict.negative;
            if wrong && shown < args.errors {
                shown += 1;
                show_error(&mut out, &record, gold, &verdict).map_err(Error::Write)?;
            }
            Ok(())
        })?;
    }
    if let Some(mut pred) = pred {
        pred.flush().map_err(Error::Write)?;
    }
    print_table(&mut out, &tally, args).map_err(Error::Write)?;
    out.flush().map_err(Error::Write)?;
    Ok(Outcome::Clean)
}

/// The reference scorer's three classes.
fn three_class(label: Label) -> &'static str {
    match label {
        Label::Negative => "neg",
        Label::Positive => "pos",
        _ => "neu",
    }
}

fn show_error(
    out: &mut impl Write,
    record: &Labelled,
    gold: Gold,
    verdict: &Verdict,
) -> std::io::Result<()> {
    let gold = if gold == Gold::Negative { "neg" } else { "pos" };
    let text = for_terminal(&record.text, false);
    writeln!(
        out,
        "{} gold={gold} got={} score={:+.2}\n  {}",
        for_terminal(&record.id, false),
        verdict.label.name(),
        verdict.score,
        truncate_chars(&text, 400)
    )?;
    let cues: Vec<String> = verdict
        .reasons
        .iter()
        .map(|c| format!("{}({:+.1})", for_terminal(&c.cue, false), c.weight))
        .collect();
    writeln!(out, "  cues: {}\n", cues.join(" "))
}

fn row(out: &mut impl Write, name: &str, t: &SourceTally) -> std::io::Result<()> {
    let b = &t.binary;
    let neutral = if t.neutral == 0 {
        "-".to_string()
    } else {
        format!(
            "{:.2} ({})",
            t.neutral_flagged as f64 / t.neutral as f64,
            t.neutral
        )
    };
    writeln!(
        out,
        "| {name} | {} | {:.3} | {:.3} | {:.3} | {:.3} | [{} {}; {} {}] | {neutral} |",
        b.n(),
        b.accuracy(),
        b.precision(),
        b.recall(),
        b.f1(),
        b.tp,
        b.fn_,
        b.fp,
        b.tn
    )
}

fn print_table(out: &mut impl Write, tally: &Tally, args: &EvalArgs) -> std::io::Result<()> {
    writeln!(
        out,
        "split: {:?}, text only, binary subset (neutral excluded), negative class",
        args.split
    )?;
    writeln!(
        out,
        "| source | n | acc | negP | negR | negF1 | [TP FN; FP TN] | neutral->neg |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    for (name, t) in &tally.sources {
        row(out, &for_terminal(name, false), t)?;
    }
    if tally.sources.len() > 1 {
        row(out, "POOLED", &tally.pooled())?;
    }
    Ok(())
}
