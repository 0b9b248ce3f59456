//! The loop every review command shares: read every input, hand each review
//! on, report every failure with its location, and keep going.

use super::Reporter;
use crate::cli::InputArgs;
use crate::error::{Error, Result};
use crate::input::{self, Event};
use crate::review::Review;

/// Calls `on_review` for every review of every input, in order. Returns an
/// error only when the run must stop: output failed (a closed pipe), or
/// `--strict` met a bad record or input. Other problems are reported and
/// counted, and the run goes on.
pub fn each_review(
    args: &InputArgs,
    report: &mut Reporter,
    mut on_review: impl FnMut(&mut Reporter, Box<Review>) -> Result<()>,
) -> Result<()> {
    let options = args.options();
    for path in args.paths()? {
        let result = input::read_path(&path, &options, &mut |event| {
            match event {
                Event::Review(review) => {
                    report.record_read();
                    on_review(report, review)?;
                }
                Event::Failed(error) => {
                    report.record_read();
                    report.failed(&error);
                    if args.strict {
                        return Err(Error::Record(error));
                    }
                }
                Event::Warning(warning) => report.warning(&warning),
            }
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(e @ (Error::Write(_) | Error::Record(_))) => return Err(e),
            Err(e) if args.strict => return Err(e),
            Err(e) => report.input_failed(&e),
        }
    }
    Ok(())
}
