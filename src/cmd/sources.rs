//! The inputs a command names: files, stdin, or sources to fetch.
//!
//! A name that parses as a source spec (`appstore:ID`, `https://...`) is
//! fetched; anything else is a path. Both deliver the same events, so a
//! command handles reviews one way whatever they came from.

use crate::cli::FetchArgs;
use crate::error::{Error, Result};
use crate::fetch::{self, Credentials, FetchEvent, FetchOptions, Source};
use crate::input::{self, InputOptions};

pub enum Input {
    Path(String),
    Source(Source),
}

/// Resolves every name up front, so a mistyped spec stops the run before
/// anything is read.
pub fn resolve(names: &[String]) -> Result<Vec<Input>> {
    names
        .iter()
        .map(|name| match Source::parse(name) {
            None => Ok(Input::Path(name.clone())),
            Some(Ok(source)) => Ok(Input::Source(source)),
            Some(Err(e)) => Err(Error::Usage(e.to_string())),
        })
        .collect()
}

/// What fetching needs: options from the flags, keys from the environment.
pub struct Fetching {
    pub options: FetchOptions,
    pub credentials: Credentials,
}

impl Fetching {
    pub fn from_args(args: &FetchArgs) -> Result<Fetching> {
        Ok(Fetching {
            options: args.options().map_err(Error::Usage)?,
            credentials: Credentials::from_env(),
        })
    }
}

/// Reads one input into `sink`.
pub fn read(
    input: &Input,
    options: &InputOptions,
    fetching: &Fetching,
    sink: &mut dyn FnMut(FetchEvent) -> Result<()>,
) -> Result<()> {
    match input {
        Input::Path(path) => {
            input::read_path(path, options, &mut |event| sink(FetchEvent::Input(event)))
        }
        Input::Source(source) => {
            fetch::fetch(source, &fetching.options, &fetching.credentials, sink)
        }
    }
}
