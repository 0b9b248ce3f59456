//! Carrying out a parsed command line.
//!
//! This is the edge of the library: it opens inputs, picks writers for
//! stdout and reports problems on stderr. The modules it calls never print.

mod destination;
mod draft;
mod eval;
mod explain;
mod fetch;
mod init;
mod man;
mod phrasebook;
mod pipeline;
mod progress;
mod report;
mod rewrite;
pub mod sources;
mod triage;

pub use report::Reporter;

use crate::cli::{Cli, ColorChoice, Command, OutputArgs};
use crate::error::{Error, Result};
use crate::output::{
    CsvWriter, JsonArrayWriter, JsonLinesWriter, MarkdownWriter, OutputFormat, TableWriter, Writer,
};
use clap::CommandFactory;
use std::io::{IsTerminal, Write};

/// How a successful run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 1: the run worked and found what the user asked to be alerted to.
    Found,
    /// Exit 2: the run finished but some input or record failed.
    Incomplete,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Found => 1,
            Outcome::Incomplete => 2,
        }
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Triage(args) => triage::run(&args),
        Command::Draft(args) => draft::run(&args),
        Command::Init { path, force } => init::run(&path, force),
        Command::Fetch(args) => fetch::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Rewrite(args) => rewrite::run(&args),
        Command::Phrasebook(command) => phrasebook::run(&command),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut command, "replywise", &mut out);
            out.flush().map_err(crate::error::Error::Write)?;
            Ok(Outcome::Clean)
        }
        Command::Man { dir } => man::run(&dir),
    }
}

/// Ends a review command: closes the output and prints the closing counts.
/// Returns whether every record and input was processed.
fn finish(
    mut out: Box<dyn Writer>,
    mut report: Reporter,
    summary: bool,
    result: Result<()>,
) -> Result<bool> {
    let closed = out.finish().map_err(Error::Write);
    report.finish(summary);
    result?;
    closed?;
    Ok(!report.anything_failed())
}

/// True when colour should be used on stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The writer the output flags ask for, and whether results go to a
/// terminal (which decides the default format, colour and progress).
pub fn writer(args: &OutputArgs, inputs: &[String]) -> Result<(Box<dyn Writer>, bool)> {
    let destination = destination::open(args.output.as_deref(), inputs)?;
    let terminal = destination.terminal;
    let format = args.format.or(destination.format).unwrap_or(if terminal {
        OutputFormat::Table
    } else {
        OutputFormat::Jsonl
    });
    let out = std::io::BufWriter::with_capacity(64 * 1024, destination.out);
    let writer: Box<dyn Writer> = match format {
        OutputFormat::Table => {
            let width = terminal_width();
            let color = terminal && use_color(args.color) || args.color == ColorChoice::Always;
            Box::new(TableWriter::new(out, color, width))
        }
        OutputFormat::Jsonl => Box::new(JsonLinesWriter::new(out)),
        OutputFormat::Json => Box::new(JsonArrayWriter::new(out)),
        OutputFormat::Csv => Box::new(CsvWriter::new(out)),
        OutputFormat::Md => Box::new(MarkdownWriter::new(out)),
    };
    Ok((writer, terminal))
}

/// The terminal's width: `COLUMNS` when the shell exports it, else what
/// the terminal reports; the table falls back to a fixed width otherwise.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .or_else(|| comfy_table::Table::new().width())
}
