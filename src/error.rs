//! Typed errors of the library.
//!
//! Each error names where it happened (file, line or record) and what the
//! user can do about it; the binary adds nothing but context. A record-level
//! problem is a [`RecordError`]: it is reported and the run goes on, so one
//! bad row never costs the rest of the file.

use crate::review::Location;
use std::path::PathBuf;
use thiserror::Error;

/// What was wrong with one input record.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("no review text: expected a column or key such as {expected}; use --text-field NAME to choose one")]
    NoText { expected: String },
    #[error("unknown rating form {value:?}: give 1-5, '4/5', '4 stars', 'FOUR' or '★★★★☆' (another scale in the header, 'Rating (out of 10)', or with --rating-scale), or choose another column with --rating-field")]
    BadRating { value: String },
    #[error("rating {value} is above 5 but the scale is not stated; name it in the header (\"Rating (out of 10)\") or with --rating-scale 10")]
    UnstatedScale { value: String },
    #[error("a {shape} record with neither review text nor a rating: nothing to answer; check the export")]
    Empty { shape: &'static str },
    #[error("not valid JSON: {detail}")]
    BadJson { detail: String },
    #[error("broken CSV: {detail}")]
    BadCsv { detail: String },
    #[error(
        "row has {found} fields but the header has {expected}; check the quoting on this line"
    )]
    FieldCount { found: usize, expected: usize },
    #[error(
        "a quoted cell opened in this row runs on to line {until}, across {rows} line(s) \
         that look like rows of their own: a quote is probably not closed; fix it and run again"
    )]
    UnclosedQuote { until: u64, rows: usize },
    #[error("this row was read as part of the quoted cell opened on line {opened}, not as a review; fix the quote there")]
    InsideQuote { opened: u64 },
    #[error("record of {bytes} bytes is over the limit of {limit} bytes and was skipped; raise it with --max-record-bytes if it is a real review")]
    TooLarge { bytes: u64, limit: usize },
    #[error("expected a JSON object for a review, found {found}")]
    NotAnObject { found: &'static str },
    #[error("field {field:?} (from --{flag}) is missing")]
    MissingField { field: String, flag: &'static str },
}

/// A record that could not be turned into a review.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{location}: {problem}")]
pub struct RecordError {
    pub location: Location,
    pub problem: Problem,
}

/// A problem that was repaired but should be known (e.g. invalid bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub location: Location,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Errors that stop a whole input or the whole run.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{origin}: read failed: {source}")]
    Read {
        origin: String,
        source: std::io::Error,
    },
    #[error(
        "{origin}:{line}:{column}: not valid JSON ({detail}); reviews before this point were kept"
    )]
    Json {
        origin: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{0}")]
    Record(#[from] RecordError),
    #[error("{path}:{line}:{column}: {message}")]
    Phrasebook {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Config {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
    /// `--strict` met a bad record, which has been reported already.
    #[error("stopped at the first bad record (--strict); fix it, or leave out --strict to report bad records and go on")]
    Strict,
    #[error("{0}")]
    Fetch(#[from] crate::fetch::FetchError),
    #[error("writing output: {0}")]
    Write(std::io::Error),
}

impl Error {
    /// True when the error only means the reader of our output went away
    /// (`replywise ... | head`), which is a clean exit, not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A TOML parse error as a located [`Error::Config`]: `path:line:column`.
pub fn toml_error(path: &str, text: &str, error: &toml::de::Error) -> Error {
    let (line, column) = error
        .span()
        .map_or((1, 1), |span| crate::text::line_column(text, span.start));
    Error::Config {
        path: path.to_string(),
        line,
        column,
        message: error.message().trim().to_string(),
    }
}
