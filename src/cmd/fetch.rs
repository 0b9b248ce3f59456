//! `replywise fetch`: pull reviews over HTTP and write them as JSON Lines.

use super::destination;
use super::sources::Fetching;
use super::{Outcome, Reporter};
use crate::cli::FetchCmdArgs;
use crate::error::{Error, Result};
use crate::fetch::{self, FetchEvent, Source};
use crate::input::Event;
use crate::output::ReviewLinesWriter;

pub fn run(args: &FetchCmdArgs) -> Result<Outcome> {
    let sources = args
        .sources
        .iter()
        .map(|spec| match Source::parse(spec) {
            Some(Ok(source)) => Ok(source),
            Some(Err(e)) => Err(Error::Usage(e.to_string())),
            None => Err(Error::Usage(format!(
                "{spec}: not a source; give appstore:ID, places:ID, yelp:ID, trustpilot:ID, \
                 play:PACKAGE, gbp:ACCOUNT/LOCATION, asc:ID or an http(s):// URL \
                 (files are read by `replywise triage`)"
            ))),
        })
        .collect::<Result<Vec<_>>>()?;
    let fetching = Fetching::from_args(&args.fetch)?;
    let destination = destination::open(args.output.as_deref(), &[])?;
    let mut out = ReviewLinesWriter::new(std::io::BufWriter::new(destination.out));
    let mut report = Reporter::new(args.quiet, destination.terminal);
    for source in &sources {
        let result = fetch::fetch(
            source,
            &fetching.options,
            &fetching.credentials,
            &mut |event| {
                match event {
                    FetchEvent::Input(Event::Review(review)) => {
                        report.record_read();
                        out.write(&review).map_err(Error::Write)?;
                        report.fetched(review.source);
                    }
                    FetchEvent::Input(Event::Failed(error)) => {
                        report.record_read();
                        report.failed(&error);
                    }
                    FetchEvent::Input(Event::Warning(warning)) => report.warning(&warning),
                    FetchEvent::Note(note) => report.note(&note),
                    FetchEvent::PartFailed(error) => report.input_failed(&Error::Fetch(error)),
                }
                Ok(())
            },
        );
        // Each source's reviews are out before the next source starts.
        let flushed = out.flush().map_err(Error::Write);
        match result.and(flushed) {
            Ok(()) => {}
            Err(e @ Error::Write(_)) => {
                report.finish(false);
                return Err(e);
            }
            Err(e) => report.input_failed(&e),
        }
    }
    report.finish(false);
    Ok(if report.anything_failed() {
        Outcome::Incomplete
    } else {
        Outcome::Clean
    })
}
