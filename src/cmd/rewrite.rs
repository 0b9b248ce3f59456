//! `replywise rewrite`: rewrite drafts, show the changes, or lint them.
//!
//! The phrasebook is loaded (and a broken one reported) before any input
//! is read. Plain inputs are read whole, one text each; `--jsonl` streams
//! line by line so memory stays flat however long the file is.

use super::{use_color, Outcome};
use crate::cli::{ColorChoice, RewriteArgs, RewriteFormat};
use crate::error::{Error, Result};
use crate::phrasebook::{FixKind, Phrasebook};
use crate::rewrite::{check_record, rewrite_record, Engine, Finding, Rewritten};
use crate::text::{for_terminal, line_column};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};

/// The engine for `--phrasebook DIR`, or the built-in one.
pub(super) enum Loaded {
    Builtin(&'static Engine),
    Owned(Box<Engine>),
}

impl Loaded {
    pub fn load(dir: Option<&std::path::Path>) -> Result<Loaded> {
        Ok(match dir {
            None => Loaded::Builtin(Engine::builtin()),
            Some(dir) => Loaded::Owned(Box::new(Engine::new(Phrasebook::load(Some(dir))?)?)),
        })
    }

    pub fn engine(&self) -> &Engine {
        match self {
            Loaded::Builtin(engine) => engine,
            Loaded::Owned(engine) => engine,
        }
    }
}

/// Where one text comes from.
enum Input {
    Arg(usize, String),
    Path(String),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Arg(n, _) => format!("<arg {n}>"),
            Input::Path(p) if p == "-" => crate::input::STDIN.to_string(),
            Input::Path(p) => p.clone(),
        }
    }
}

pub fn run(args: &RewriteArgs) -> Result<Outcome> {
    let loaded = Loaded::load(args.phrasebook.as_deref())?;
    let engine = loaded.engine();
    let mut inputs: Vec<Input> = Vec::new();
    for (n, text) in args.texts.iter().enumerate() {
        inputs.push(if text == "-" {
            Input::Path("-".into())
        } else {
            Input::Arg(n + 1, text.clone())
        });
    }
    inputs.extend(args.files.iter().map(|p| Input::Path(p.clone())));
    if inputs.is_empty() {
        inputs.push(Input::Path("-".into()));
    }
    if args.is_jsonl() && inputs.iter().any(|i| matches!(i, Input::Arg(..))) {
        return Err(Error::Usage(
            "JSON Lines are read from --file PATH or stdin, not from TEXT arguments".into(),
        ));
    }
    if args.is_jsonl() && args.diff {
        return Err(Error::Usage(
            "--diff shows one text's changes; with JSON Lines, each record gains `rewritten` and `findings` instead".into(),
        ));
    }
    let destination = super::destination::open(args.output.as_deref(), &args.files)?;
    let color = args.color == ColorChoice::Always || destination.terminal && use_color(args.color);
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, destination.out);
    let mut state = Run::default();
    for input in &inputs {
        let result = if args.is_jsonl() {
            jsonl(engine, args, input, &mut out, &mut state)
        } else {
            plain(engine, args, input, color, &mut out, &mut state)
        };
        match result {
            Ok(()) => {}
            Err(e @ Error::Write(_)) => return Err(e),
            Err(e) => {
                state.failed = true;
                say(&format!("replywise: {e}"));
            }
        }
    }
    if args.format == RewriteFormat::Json && !args.is_jsonl() {
        serde_json::to_writer_pretty(&mut out, &state.json).map_err(|e| Error::Write(e.into()))?;
        out.write_all(b"\n").map_err(Error::Write)?;
    }
    out.flush().map_err(Error::Write)?;
    if !args.check && state.unapplied > 0 {
        let n = state.unapplied;
        say(&format!(
            "replywise rewrite: {n} suggestion{} left unapplied: they need a person (see them with --check or --diff)",
            if n == 1 { "" } else { "s" }
        ));
    }
    Ok(if state.failed {
        Outcome::Incomplete
    } else if args.check && state.found {
        Outcome::Found
    } else {
        Outcome::Clean
    })
}

#[derive(Default)]
struct Run {
    found: bool,
    /// Suggestions found and left for a person, told on stderr at the end.
    unapplied: usize,
    failed: bool,
    json: Vec<Value>,
}

/// Findings that are suggestions, which a rewrite leaves for a person.
fn suggestions(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.fix == FixKind::Suggest)
        .count()
}

/// A problem on stderr, safe for the terminal.
fn say(message: &str) {
    let line = for_terminal(message, true);
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Bytes as text, or an error that says where and what to do.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::Usage(format!(
            "{name}: looks like a binary file (it has NUL bytes), not text; give a text file"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()]).unwrap_or("");
        let (line, column) = line_column(good, good.len());
        Error::Usage(format!(
            "{name}:{line}:{column}: not UTF-8 text; convert it first (e.g. iconv -f latin1 -t utf-8)"
        ))
    })
}

fn read_all(input: &Input) -> Result<String> {
    let name = input.name();
    let bytes = match input {
        Input::Arg(_, text) => return Ok(text.clone()),
        Input::Path(p) if p == "-" => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    origin: name.clone(),
                    source,
                })?;
            bytes
        }
        Input::Path(p) => std::fs::read(p).map_err(|source| Error::Open {
            path: p.into(),
            source,
        })?,
    };
    decode(&name, bytes)
}

fn plain(
    engine: &Engine,
    args: &RewriteArgs,
    input: &Input,
    color: bool,
    out: &mut impl Write,
    state: &mut Run,
) -> Result<()> {
    let name = input.name();
    let text = read_all(input)?;
    if args.check {
        let findings = engine.findings(&text);
        state.found |= !findings.is_empty();
        if args.format == RewriteFormat::Json {
            state
                .json
                .push(json!({ "source": name, "findings": findings }));
            return Ok(());
        }
        return write_findings(out, &name, &findings, None, color);
    }
    let result = engine.rewrite(&text);
    state.found |= !result.findings.is_empty();
    state.unapplied += suggestions(&result.findings);
    match args.format {
        RewriteFormat::Json => state.json.push(json!({
            "source": name,
            "text": text,
            "rewritten": result.text,
            "changed": result.text != text,
            "findings": result.findings,
            "remaining": result.remaining,
        })),
        RewriteFormat::Text if args.diff => write_diff(out, &name, &text, &result, color)?,
        RewriteFormat::Text => {
            let shown = for_terminal(&result.text, true);
            out.write_all(shown.as_bytes()).map_err(Error::Write)?;
            if !shown.ends_with('\n') {
                out.write_all(b"\n").map_err(Error::Write)?;
            }
        }
    }
    Ok(())
}

const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const BOLD: &str = "\u{1b}[1m";
const RESET: &str = "\u{1b}[0m";

/// `path:line:col: rule: message`, then the suggestions, indented.
/// `record` is the JSON Lines line a text came from, which replaces the
/// text's own line number.
fn write_findings(
    out: &mut impl Write,
    name: &str,
    findings: &[Finding],
    record: Option<u64>,
    color: bool,
) -> Result<()> {
    let paint = |code: &'static str| if color { code } else { "" };
    for f in findings {
        let line = record.map_or(f.line as u64, |r| r);
        let head = format!("{name}:{line}:{}: {}: {}", f.column, f.rule, f.message);
        writeln!(
            out,
            "{}{}{}",
            paint(BOLD),
            for_terminal(&head, false),
            paint(RESET)
        )
        .map_err(Error::Write)?;
        let label = match f.fix {
            FixKind::Auto => "fix",
            FixKind::Suggest => "suggestion",
        };
        for s in &f.suggestions {
            let shown = format!("{:?} -> {:?}", f.matched, s);
            writeln!(out, "    {label}: {}", for_terminal(&shown, false)).map_err(Error::Write)?;
        }
    }
    Ok(())
}

/// The lines that changed, as `-old` / `+new` under an `@@ line N @@`
/// header. Rules never add or remove line breaks, so lines pair up.
fn write_diff(
    out: &mut impl Write,
    name: &str,
    before: &str,
    result: &Rewritten,
    color: bool,
) -> Result<()> {
    if result.text == before {
        return Ok(());
    }
    let paint = |code: &'static str| if color { code } else { "" };
    writeln!(
        out,
        "--- {}\n+++ {} (rewritten)",
        for_terminal(name, false),
        for_terminal(name, false)
    )
    .map_err(Error::Write)?;
    let (old, new): (Vec<&str>, Vec<&str>) =
        (before.lines().collect(), result.text.lines().collect());
    for n in 0..old.len().max(new.len()) {
        let (a, b) = (old.get(n).copied(), new.get(n).copied());
        if a == b {
            continue;
        }
        writeln!(out, "@@ line {} @@", n + 1).map_err(Error::Write)?;
        if let Some(a) = a {
            writeln!(
                out,
                "{}-{}{}",
                paint(RED),
                for_terminal(a, false),
                paint(RESET)
            )
            .map_err(Error::Write)?;
        }
        if let Some(b) = b {
            writeln!(
                out,
                "{}+{}{}",
                paint(GREEN),
                for_terminal(b, false),
                paint(RESET)
            )
            .map_err(Error::Write)?;
        }
    }
    Ok(())
}

/// Records read and rewritten as one batch: enough to keep every thread
/// busy, few enough that memory stays flat however long the input is.
const BATCH_LINES: usize = 512;
const BATCH_BYTES: usize = 1 << 20;

/// One JSON Lines record's outcome: the object written back (or the
/// findings, with --check), or what is wrong with the line.
type RecordOutcome = std::result::Result<(Vec<u8>, Vec<Finding>), String>;

/// Streams JSON Lines: each object gets `rewritten` and `findings`, or, with
/// `--check`, its findings are listed. A bad line is reported with its
/// number and passed through unchanged, so no record is lost. Records are
/// rewritten in parallel batches and written in input order.
fn jsonl(
    engine: &Engine,
    args: &RewriteArgs,
    input: &Input,
    out: &mut impl Write,
    state: &mut Run,
) -> Result<()> {
    let name = input.name();
    let mut reader: Box<dyn BufRead> = match input {
        Input::Path(p) if p == "-" => {
            Box::new(BufReader::with_capacity(64 * 1024, std::io::stdin()))
        }
        Input::Path(p) => Box::new(BufReader::with_capacity(
            64 * 1024,
            std::fs::File::open(p).map_err(|source| Error::Open {
                path: p.into(),
                source,
            })?,
        )),
        Input::Arg(..) => return Ok(()),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, |n| n.get()))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start threads: {e}")))?;
    let mut number = 0u64;
    // (line number, trimmed line)
    let mut batch: Vec<(u64, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    let mut line = Vec::with_capacity(4096);
    loop {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            line.clear();
            let read = reader
                .read_until(b'\n', &mut line)
                .map_err(|source| Error::Read {
                    origin: name.clone(),
                    source,
                })?;
            if read == 0 {
                break;
            }
            number += 1;
            bytes += read;
            let trimmed = line.trim_ascii();
            if !trimmed.is_empty() {
                batch.push((number, trimmed.to_vec()));
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        let outcomes: Vec<RecordOutcome> = pool.install(|| {
            use rayon::prelude::*;
            batch
                .par_iter()
                .map(|(_, line)| record(engine, args, line))
                .collect()
        });
        for ((number, line), outcome) in batch.iter().zip(outcomes) {
            write_record(out, &name, *number, line, outcome, args.check, state)?;
        }
    }
}

/// One record rewritten (or checked).
fn record(engine: &Engine, args: &RewriteArgs, line: &[u8]) -> RecordOutcome {
    if line.len() > args.max_record_bytes {
        return Err(format!(
            "a record of {} bytes is over the limit of {} bytes (--max-record-bytes)",
            line.len(),
            args.max_record_bytes
        ));
    }
    if args.check {
        return check_record(engine, line, &args.text_field).map(|f| (Vec::new(), f));
    }
    let mut object = Vec::with_capacity(line.len() * 2);
    let result = rewrite_record(engine, line, &args.text_field, &mut object)?;
    object.push(b'\n');
    Ok((object, result.findings))
}

/// Writes one record's outcome: the object, its findings with --check, or
/// the line unchanged with the problem on stderr.
fn write_record(
    out: &mut impl Write,
    name: &str,
    number: u64,
    line: &[u8],
    outcome: RecordOutcome,
    check: bool,
    state: &mut Run,
) -> Result<()> {
    match outcome {
        Ok((object, findings)) => {
            state.found |= !findings.is_empty();
            if !check {
                state.unapplied += suggestions(&findings);
            }
            if check {
                write_findings(out, name, &findings, Some(number), false)
            } else {
                out.write_all(&object).map_err(Error::Write)
            }
        }
        Err(problem) => {
            state.failed = true;
            say(&format!(
                "replywise: {name}:{number}: {problem}; passed through unchanged"
            ));
            if check {
                return Ok(());
            }
            out.write_all(line).map_err(Error::Write)?;
            out.write_all(b"\n").map_err(Error::Write)
        }
    }
}
