//! `replywise triage`: read (or fetch), judge, write.

use super::sources::{self, Fetching};
use super::{writer, Outcome, Reporter};
use crate::cli::TriageArgs;
use crate::error::{Error, Result};
use crate::fetch::FetchEvent;
use crate::input::Event;
use crate::output::{Row, Writer};
use crate::triage::{Classifier, Label};

/// One run's state: every event from every input passes through `handle`.
struct Triage<'a> {
    args: &'a TriageArgs,
    classifier: Classifier,
    only: Vec<Label>,
    out: Box<dyn Writer>,
    report: Reporter,
    negatives: u64,
}

impl Triage<'_> {
    fn handle(&mut self, event: FetchEvent) -> Result<()> {
        match event {
            FetchEvent::Input(Event::Review(review)) => {
                self.report.record_read();
                let verdict = self.classifier.classify(&review, self.args.ignore_rating);
                if verdict.negative {
                    self.negatives += 1;
                }
                if !self.only.is_empty() && !self.only.contains(&verdict.label) {
                    self.report.filtered += 1;
                    return Ok(());
                }
                self.out
                    .write(&Row {
                        review: &review,
                        verdict: &verdict,
                    })
                    .map_err(Error::Write)?;
                self.report.wrote(verdict.label, review.source);
            }
            FetchEvent::Input(Event::Failed(error)) => {
                self.report.record_read();
                self.report.failed(&error);
                if self.args.input.strict {
                    return Err(Error::Record(error));
                }
            }
            FetchEvent::Input(Event::Warning(warning)) => self.report.warning(&warning),
            FetchEvent::Note(note) => self.report.note(&note),
        }
        Ok(())
    }
}

pub fn run(args: &TriageArgs) -> Result<Outcome> {
    let inputs = sources::resolve(&args.input.paths())?;
    let fetching = Fetching::from_args(&args.fetch)?;
    let options = args.input.options();
    let mut run = Triage {
        args,
        classifier: Classifier::builtin(),
        only: args.only.iter().map(|o| o.label()).collect(),
        out: writer(&args.output),
        report: Reporter::new(),
        negatives: 0,
    };

    for input in &inputs {
        let result = sources::read(input, &options, &fetching, &mut |event| run.handle(event));
        match result {
            Ok(()) => {}
            Err(e @ (Error::Write(_) | Error::Record(_))) => {
                let _ = run.out.finish();
                run.report.finish(args.output.summary);
                return Err(e);
            }
            Err(e) if args.input.strict => {
                // What was read before the failure is still written out.
                let _ = run.out.finish();
                return Err(e);
            }
            Err(e) => run.report.input_failed(&e),
        }
    }
    run.out.finish().map_err(Error::Write)?;
    run.report.finish(args.output.summary);
    Ok(if run.report.anything_failed() {
        Outcome::Incomplete
    } else if args.fail_on_negative && run.negatives > 0 {
        Outcome::Found
    } else {
        Outcome::Clean
    })
}
