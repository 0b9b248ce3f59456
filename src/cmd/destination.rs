//! Where results go: `-o FILE`, or stdout.
//!
//! A results file must never be one of the inputs: opening it for writing
//! would empty the export before it is read. Its extension picks the
//! format when `--format` does not, so `-o negatives.csv` writes CSV.

use crate::error::{Error, Result};
use crate::output::OutputFormat;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub struct Destination {
    pub out: Box<dyn Write + Send>,
    /// Results are going to a terminal (stdout, not redirected).
    pub terminal: bool,
    /// The format the file's extension names, if any.
    pub format: Option<OutputFormat>,
}

/// Opens `path` for writing (created or emptied), or stdout without one.
pub fn open(path: Option<&Path>, inputs: &[String]) -> Result<Destination> {
    let Some(path) = path else {
        let stdout = std::io::stdout();
        return Ok(Destination {
            terminal: stdout.is_terminal(),
            out: Box::new(stdout),
            format: None,
        });
    };
    if let Some(input) = inputs.iter().find(|i| same_file(Path::new(i), path)) {
        return Err(Error::Usage(format!(
            "-o {}: that is the input {input}; writing there would empty it before it is read, so \
             choose another file",
            path.display()
        )));
    }
    let file = std::fs::File::create(path).map_err(|source| Error::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .and_then(|e| match e.as_str() {
            "csv" => Some(OutputFormat::Csv),
            "json" => Some(OutputFormat::Json),
            "jsonl" | "ndjson" => Some(OutputFormat::Jsonl),
            "md" | "markdown" => Some(OutputFormat::Md),
            "txt" => Some(OutputFormat::Table),
            _ => None,
        });
    Ok(Destination {
        out: Box::new(file),
        terminal: false,
        format,
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
