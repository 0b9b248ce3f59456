//! `replywise draft`: read, judge, draft, write.

use super::{pipeline, writer, Outcome, Reporter};
use crate::cli::DraftArgs;
use crate::draft::{needs_reply, Blocks, Drafter};
use crate::error::{Error, Result};
use crate::output::Row;
use crate::phrasebook::Phrasebook;
use crate::profile::Profile;
use crate::review::Platform;
use crate::rewrite::Engine;
use crate::triage::{Classifier, Label};

pub fn run(args: &DraftArgs) -> Result<Outcome> {
    let (profile, _) = Profile::discover(args.profile.as_deref())?;
    let default_platform = profile.default_platform;
    let phrasebook = args.phrasebook.dir.as_deref();
    let classifier = Classifier::for_phrasebook(phrasebook)?
        .for_business(profile.kind, profile.business_name.as_deref());
    let user_engine = phrasebook
        .map(|dir| Engine::new(Phrasebook::load(Some(dir))?))
        .transpose()?;
    let engine = user_engine.as_ref().unwrap_or_else(|| Engine::builtin());
    let drafter = Drafter::new(Blocks::load(phrasebook)?, profile, engine);
    let only: Vec<Label> = args.only.iter().map(|o| o.label()).collect();
    // The explanation is the review pack, which shows each sentence's source.
    let mut output = args.output.clone();
    if args.explain {
        output.format = Some(crate::output::OutputFormat::Md);
    }
    let (mut out, terminal) = writer(&output, &args.input.inputs)?;
    let mut report = Reporter::new(output.quiet, terminal);

    let result = pipeline::each_review(&args.input, &args.fetch, &mut report, |report, review| {
        // A review the owner already answered needs no second reply.
        if review
            .owner_reply
            .as_deref()
            .is_some_and(|r| !r.trim().is_empty())
            && !args.include_answered
        {
            report.filtered += 1;
            report.answered += 1;
            return Ok(());
        }
        let verdict = classifier.classify(&review, args.ignore_rating);
        let wanted = if args.all {
            true
        } else if only.is_empty() {
            needs_reply(&verdict)
        } else {
            only.contains(&verdict.label)
        };
        if !wanted {
            report.filtered += 1;
            return Ok(());
        }
        let platform = args
            .platform
            .or((review.source == Platform::Unknown)
                .then_some(default_platform)
                .flatten())
            .unwrap_or(review.source);
        let draft = drafter.draft_review(&review, &verdict, platform);
        out.write(&Row {
            review: &review,
            verdict: &verdict,
            draft: Some(&draft),
        })
        .map_err(Error::Write)?;
        report.wrote(verdict.label, review.source);
        Ok(())
    });
    let complete = super::finish(out, report, output.summary, result)?;
    Ok(if complete {
        Outcome::Clean
    } else {
        Outcome::Incomplete
    })
}
