//! The loop every review command shares: read (or fetch) every input, hand
//! each review on, report every failure with its location, and keep going.

use super::sources::{self, Fetching, Input};
use super::Reporter;
use crate::cli::{FetchArgs, InputArgs};
use crate::error::{Error, Result};
use crate::fetch::FetchEvent;
use crate::input::Event;
use crate::review::Review;

/// Calls `on_review` for every review of every input, in order. Returns an
/// error only when the run must stop: output failed (a closed pipe), or
/// `--strict` met a bad record or input. Other problems are reported and
/// counted, and the run goes on.
pub fn each_review(
    args: &InputArgs,
    fetch: &FetchArgs,
    report: &mut Reporter,
    mut on_review: impl FnMut(&mut Reporter, Box<Review>) -> Result<()>,
) -> Result<()> {
    let inputs = sources::resolve(&args.paths()?)?;
    let fetching = Fetching::from_args(fetch)?;
    let mut options = args.options();
    options.bytes_read = report.count_bytes(total_size(&inputs));
    for input in &inputs {
        let result = sources::read(input, &options, &fetching, &mut |event| {
            match event {
                FetchEvent::Input(Event::Review(review)) => {
                    report.record_read();
                    on_review(report, review)?;
                }
                FetchEvent::Input(Event::Failed(error)) => {
                    report.record_read();
                    report.failed(&error);
                    if args.strict {
                        return Err(Error::Strict);
                    }
                }
                FetchEvent::Input(Event::Warning(warning)) => report.warning(&warning),
                FetchEvent::Note(note) => report.note(&note),
                FetchEvent::PartFailed(error) => {
                    report.input_failed(&Error::Fetch(error));
                    if args.strict {
                        return Err(Error::Strict);
                    }
                }
            }
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(e @ (Error::Write(_) | Error::Strict)) => return Err(e),
            Err(e) if args.strict => return Err(e),
            Err(e) => report.input_failed(&e),
        }
    }
    Ok(())
}

/// The inputs' total size, when every one is a file whose size is known.
fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |total, input| match input {
        Input::Path(path) if path != "-" => {
            let size = std::fs::metadata(path).ok().filter(|m| m.is_file())?.len();
            Some(total + size)
        }
        _ => None,
    })
}
