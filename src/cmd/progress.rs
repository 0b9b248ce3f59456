//! The progress line on stderr, for runs long enough to need one.
//!
//! A spinner that flashes up for a run of eight reviews, or that is drawn
//! between the rows of a table on the same terminal, is noise. So progress
//! is shown only when stderr is a terminal, results are not going to that
//! same terminal, `--quiet` was not given, and the run has lasted about a
//! second. When the inputs' sizes are known it shows bytes read and a
//! percentage; otherwise a count of reviews.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a run goes before progress appears.
const DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: bool,
    /// Bytes read from the inputs so far, counted by the input reader.
    bytes: Arc<AtomicU64>,
    total: Option<u64>,
}

impl Progress {
    /// Progress for a run, or `None` when it should not be shown at all.
    pub fn new(quiet: bool, results_on_terminal: bool) -> Option<Progress> {
        let wanted = !quiet && !results_on_terminal && std::io::stderr().is_terminal();
        wanted.then(|| Progress {
            bar: ProgressBar::hidden(),
            started: Instant::now(),
            shown: false,
            bytes: Arc::default(),
            total: None,
        })
    }

    /// The counter the input reader adds bytes to.
    pub fn bytes(&self) -> Arc<AtomicU64> {
        self.bytes.clone()
    }

    /// The inputs' total size, when every input is a file.
    pub fn expect_bytes(&mut self, total: u64) {
        self.total = Some(total);
        self.bar.set_length(total);
    }

    /// Called for each record read; cheap until there is something to show.
    pub fn tick(&mut self, records: u64) {
        if records % 64 != 0 {
            return;
        }
        if !self.shown {
            if self.started.elapsed() < DELAY {
                return;
            }
            self.show();
        }
        if self.total.is_some() {
            self.bar.set_position(self.bytes.load(Ordering::Relaxed));
        }
        if records % 1024 == 0 {
            self.bar.set_message(format!("{records} reviews"));
        }
    }

    fn show(&mut self) {
        self.shown = true;
        let template = match self.total {
            Some(_) => "{spinner} {bytes}/{total_bytes} ({percent}%, {bytes_per_sec}) {msg}",
            None => "{spinner} {msg} ({elapsed})",
        };
        self.bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        self.bar
            .set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
        self.bar.enable_steady_tick(Duration::from_millis(250));
    }

    /// Runs `f` (printing a line) with the progress line out of the way.
    pub fn suspend(&self, f: impl FnOnce()) {
        self.bar.suspend(f)
    }

    /// Clears the line for good.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
