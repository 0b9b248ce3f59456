//! Progress, problems and counts on stderr.
//!
//! Every failed record is reported with its location as it happens, and a
//! closing line (`read N, wrote M, failed K`) makes the totals checkable:
//! read = wrote + filtered + failed, so nothing is lost silently.

use super::progress::Progress;
use crate::error::{Error, RecordError, Warning};
use crate::review::Platform;
use crate::text::for_terminal;
use crate::triage::Label;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

#[derive(Default)]
pub struct Reporter {
    pub read: u64,
    pub wrote: u64,
    pub filtered: u64,
    /// Of `filtered`, reviews skipped because they already have a reply.
    pub answered: u64,
    pub failed: u64,
    pub failed_inputs: u64,
    pub warnings: u64,
    labels: BTreeMap<Label, u64>,
    sources: BTreeMap<&'static str, u64>,
    progress: Option<Progress>,
    /// `--quiet`: no progress and no notes; warnings and errors still show.
    quiet: bool,
}

impl Reporter {
    /// A reporter. Progress shows on a terminal's stderr once a run has
    /// lasted a second, unless results go to that terminal or `quiet`.
    pub fn new(quiet: bool, results_on_terminal: bool) -> Reporter {
        Reporter {
            progress: Progress::new(quiet, results_on_terminal),
            quiet,
            ..Reporter::default()
        }
    }

    /// The counter input readers add bytes to, when progress is shown;
    /// `total` is the inputs' size when every one is a file.
    pub fn count_bytes(&mut self, total: Option<u64>) -> Option<Arc<AtomicU64>> {
        let progress = self.progress.as_mut()?;
        if let Some(total) = total {
            progress.expect_bytes(total);
        }
        Some(progress.bytes())
    }

    /// Prints a line on stderr without tearing the progress bar, with any
    /// terminal control characters from untrusted text removed.
    fn say(&self, message: &str) {
        let line = for_terminal(message, true);
        match &self.progress {
            Some(progress) => progress.suspend(|| eprintln_safe(&line)),
            None => eprintln_safe(&line),
        }
    }

    pub fn record_read(&mut self) {
        self.read += 1;
        if let Some(progress) = &mut self.progress {
            progress.tick(self.read);
        }
    }

    pub fn wrote(&mut self, label: Label, source: Platform) {
        self.wrote += 1;
        *self.labels.entry(label).or_default() += 1;
        *self.sources.entry(source.name()).or_default() += 1;
    }

    /// A review written without a verdict (`fetch`).
    pub fn fetched(&mut self, source: Platform) {
        self.wrote += 1;
        *self.sources.entry(source.name()).or_default() += 1;
    }

    /// Something worth knowing that is not a failure, such as a source cap
    /// that cut a fetch short.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            self.say(&format!("replywise: note: {message}"));
        }
    }

    pub fn failed(&mut self, error: &RecordError) {
        self.failed += 1;
        self.say(&format!("replywise: error: {error}"));
    }

    pub fn warning(&mut self, warning: &Warning) {
        self.warnings += 1;
        self.say(&format!("replywise: warning: {warning}"));
    }

    /// An input that could not be read (or not read to its end).
    pub fn input_failed(&mut self, error: &Error) {
        self.failed_inputs += 1;
        self.say(&format!("replywise: error: {error}"));
    }

    /// The closing lines: the summary when asked for, and the counts
    /// whenever something failed.
    pub fn finish(&mut self, summary: bool) {
        if let Some(progress) = self.progress.take() {
            progress.finish();
        }
        if self.answered > 0 {
            self.note(&format!(
                "{} review{} already answered by the owner, not drafted; --include-answered drafts {}",
                self.answered,
                if self.answered == 1 { " was" } else { "s were" },
                if self.answered == 1 { "it" } else { "them" }
            ));
        }
        if summary {
            let labels: Vec<String> = self
                .labels
                .iter()
                .map(|(l, n)| format!("{}: {n}", l.name()))
                .collect();
            let sources: Vec<String> = self
                .sources
                .iter()
                .map(|(s, n)| format!("{s}: {n}"))
                .collect();
            self.say(&format!("labels: {}", or_none(&labels)));
            self.say(&format!("sources: {}", or_none(&sources)));
        }
        if self.failed > 0 || self.failed_inputs > 0 || summary {
            let mut line = format!(
                "read {}, wrote {}, failed {}",
                self.read, self.wrote, self.failed
            );
            if self.filtered > 0 {
                line.push_str(&format!(", filtered out {}", self.filtered));
                if self.answered > 0 {
                    line.push_str(&format!(" ({} already answered)", self.answered));
                }
            }
            if self.failed_inputs > 0 {
                line.push_str(&format!(", unreadable inputs {}", self.failed_inputs));
            }
            self.say(&line);
        }
    }

    pub fn anything_failed(&self) -> bool {
        self.failed > 0 || self.failed_inputs > 0
    }
}

fn or_none(parts: &[String]) -> String {
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

/// `eprintln!` panics when stderr is closed; a closed stderr is not worth
/// dying for.
fn eprintln_safe(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
