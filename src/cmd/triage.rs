//! `replywise triage`: read, judge, write.

use super::{writer, Outcome, Reporter};
use crate::cli::TriageArgs;
use crate::error::{Error, Result};
use crate::input::{self, Event};
use crate::output::Row;
use crate::triage::{Classifier, Label};

pub fn run(args: &TriageArgs) -> Result<Outcome> {
    let classifier = Classifier::for_phrasebook(args.phrasebook.dir.as_deref())?;
    let options = args.input.options();
    let only: Vec<Label> = args.only.iter().map(|o| o.label()).collect();
    let mut out = writer(&args.output);
    let mut report = Reporter::new();
    let mut negatives = 0u64;

    for path in args.input.paths() {
        let result = input::read_path(&path, &options, &mut |event| {
            match event {
                Event::Review(review) => {
                    report.record_read();
                    let verdict = classifier.classify(&review, args.ignore_rating);
                    if verdict.negative {
                        negatives += 1;
                    }
                    if !only.is_empty() && !only.contains(&verdict.label) {
                        report.filtered += 1;
                        return Ok(());
                    }
                    out.write(&Row {
                        review: &review,
                        verdict: &verdict,
                    })
                    .map_err(Error::Write)?;
                    report.wrote(verdict.label, review.source);
                }
                Event::Failed(error) => {
                    report.record_read();
                    report.failed(&error);
                    if args.input.strict {
                        return Err(Error::Record(error));
                    }
                }
                Event::Warning(warning) => report.warning(&warning),
            }
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(e @ (Error::Write(_) | Error::Record(_))) => {
                let _ = out.finish();
                report.finish(args.output.summary);
                return Err(e);
            }
            Err(e) if args.input.strict => return Err(e),
            Err(e) => report.input_failed(&e),
        }
    }
    out.finish().map_err(Error::Write)?;
    report.finish(args.output.summary);
    Ok(if report.anything_failed() {
        Outcome::Incomplete
    } else if args.fail_on_negative && negatives > 0 {
        Outcome::Found
    } else {
        Outcome::Clean
    })
}
