//! `replywise triage`: read (or fetch), judge, write.

use super::{pipeline, writer, Outcome, Reporter};
use crate::cli::TriageArgs;
use crate::error::{Error, Result};
use crate::output::Row;
use crate::profile::Profile;
use crate::triage::{Classifier, Label};

pub fn run(args: &TriageArgs) -> Result<Outcome> {
    let (profile, _) = Profile::discover(args.profile.as_deref())?;
    let classifier = Classifier::for_phrasebook(args.phrasebook.dir.as_deref())?
        .for_business(profile.kind, profile.business_name.as_deref());
    let only: Vec<Label> = args.only.iter().map(|o| o.label()).collect();
    let (mut out, terminal) = writer(&args.output, &args.input.inputs)?;
    let mut report = Reporter::new(args.output.quiet, terminal);
    let mut negatives = 0u64;

    let result = pipeline::each_review(&args.input, &args.fetch, &mut report, |report, review| {
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
            draft: None,
        })
        .map_err(Error::Write)?;
        report.wrote(verdict.label, review.source);
        Ok(())
    });
    let complete = super::finish(out, report, args.output.summary, result)?;
    Ok(if !complete {
        Outcome::Incomplete
    } else if args.fail_on_negative && negatives > 0 {
        Outcome::Found
    } else {
        Outcome::Clean
    })
}
