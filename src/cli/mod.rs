//! The command line: every subcommand, flag and help text.
//!
//! Only definitions live here; [`crate::cmd`] carries them out.

mod classifier;
mod fetch;
mod reviews;
mod rewrite;

pub use classifier::{EvalArgs, ExplainArgs};
pub use fetch::{FetchArgs, FetchCmdArgs};
pub use reviews::{
    ColorChoice, DraftArgs, InputArgs, OnlyLabel, OutputArgs, PhrasebookArg, TriageArgs,
};
pub use rewrite::{PhrasebookCommand, RewriteArgs, RewriteFormat};

use clap::{Parser, Subcommand};
use classifier::{EVAL_EXAMPLES, EXPLAIN_EXAMPLES};
use fetch::FETCH_HELP;
use reviews::{DRAFT_EXAMPLES, TRIAGE_EXAMPLES};
use rewrite::REWRITE_EXAMPLES;

#[derive(Debug, Parser)]
#[command(
    name = "replywise",
    version,
    about = "Find the reviews that need an answer, and answer them in 'can' wording",
    after_help = "Examples:\n  replywise triage examples/restaurant_reviews.csv\n  cat reviews.jsonl | replywise triage --only negative --format jsonl"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read reviews and give each a verdict: negative, mixed, neutral or positive.
    #[command(after_help = TRIAGE_EXAMPLES)]
    Triage(Box<TriageArgs>),
    /// Draft replies to the reviews that need one (negative and mixed; all with --all).
    #[command(after_help = DRAFT_EXAMPLES)]
    Draft(Box<DraftArgs>),
    /// Write a business profile (replywise.toml) from your answers to a few questions.
    #[command(
        after_help = "Answers can be piped, one per line; an empty answer stays a commented\nline, so drafts show a slot to fill in instead of a made-up fact.\n\nExample:\n  replywise init && $EDITOR replywise.toml"
    )]
    Init {
        /// Where to write it.
        #[arg(default_value = crate::profile::FILE_NAME)]
        path: std::path::PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Pull reviews over HTTP (App Store, Google, Yelp, Trustpilot, web pages) as JSON Lines.
    #[command(after_help = FETCH_HELP)]
    Fetch(Box<FetchCmdArgs>),
    /// Show how a text is scored, cue by cue.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(Box<ExplainArgs>),
    /// Measure the classifier on labelled JSON Lines (text only).
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(Box<EvalArgs>),
    /// Rewrite "can't" wording into "can" wording, or lint drafts with --check.
    #[command(after_help = REWRITE_EXAMPLES)]
    Rewrite(Box<RewriteArgs>),
    /// Check, list and explain the phrasebook's rules.
    #[command(subcommand)]
    Phrasebook(PhrasebookCommand),
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    #[command(
        after_help = "Example:\n  replywise completions bash > ~/.local/share/bash-completion/completions/replywise"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Write man pages (replywise.1 and one per command) into a directory.
    #[command(after_help = "Example:\n  replywise man ~/.local/share/man/man1 && man replywise")]
    Man {
        /// The directory to write the pages into (created if missing).
        dir: std::path::PathBuf,
    },
}
