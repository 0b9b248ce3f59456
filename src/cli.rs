//! The command line: every subcommand, flag and help text.
//!
//! Only definitions live here; [`crate::cmd`] carries them out.

use crate::input::{FieldOverrides, InputFormat, InputOptions};
use crate::output::OutputFormat;
use crate::triage::Label;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
    Triage(TriageArgs),
    /// Rewrite "can't" wording into "can" wording, or lint drafts with --check.
    #[command(after_help = REWRITE_EXAMPLES)]
    Rewrite(RewriteArgs),
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
}

const TRIAGE_EXAMPLES: &str = "\
Examples:
  replywise triage examples/restaurant_reviews.csv
  replywise triage --only negative --format csv export.csv > negatives.csv
  cat reviews.txt | replywise triage --format jsonl
  replywise triage --text-field body --rating-field meta.stars dump.jsonl

Formats read: CSV/TSV (comma, semicolon or tab), JSON (array or object with
reviews/data/feed.entry), JSON Lines, plain text (one review per line).
Known exports are recognised by their fields: Google Play Console CSV and
Developer API, App Store Connect, Apple RSS, Google Business Profile, Google
Places (legacy and New), Yelp Fusion and Open Dataset, Trustpilot CSV,
TripAdvisor, Amazon Reviews'23, schema.org Review.

Exit codes: 0 success; 1 with --fail-on-negative when a negative review was
found; 2 on usage errors, unreadable input or any failed record.";

/// Where reviews come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files to read; `-` or nothing reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read every input as this format instead of detecting it.
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// In plain text, reviews are separated by blank lines (default: one per line).
    #[arg(long)]
    pub paragraphs: bool,
    /// Column or dotted JSON path holding the review text.
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// Column or dotted JSON path holding the rating.
    #[arg(long, value_name = "NAME")]
    pub rating_field: Option<String>,
    /// Column or dotted JSON path holding the review id.
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
    /// Column or dotted JSON path holding the author.
    #[arg(long, value_name = "NAME")]
    pub author_field: Option<String>,
    /// Column or dotted JSON path holding the title.
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// Column or dotted JSON path holding the date.
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Stop at the first bad record instead of reporting it and going on.
    #[arg(long)]
    pub strict: bool,
}

impl InputArgs {
    pub fn options(&self) -> InputOptions {
        InputOptions {
            format: self.input_format,
            paragraphs: self.paragraphs,
            fields: FieldOverrides {
                text: self.text_field.clone(),
                rating: self.rating_field.clone(),
                id: self.id_field.clone(),
                author: self.author_field.clone(),
                title: self.title_field.clone(),
                date: self.date_field.clone(),
            },
        }
    }

    /// The inputs to read, with stdin standing in for none.
    pub fn paths(&self) -> Vec<String> {
        if self.inputs.is_empty() {
            vec!["-".to_string()]
        } else {
            self.inputs.clone()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How results are written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Colour in the table (NO_COLOR in the environment also turns it off).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print counts per label and per source on stderr at the end.
    #[arg(long)]
    pub summary: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyLabel {
    Negative,
    Mixed,
    Positive,
    Neutral,
}

impl OnlyLabel {
    pub fn label(self) -> Label {
        match self {
            OnlyLabel::Negative => Label::Negative,
            OnlyLabel::Mixed => Label::Mixed,
            OnlyLabel::Positive => Label::Positive,
            OnlyLabel::Neutral => Label::Neutral,
        }
    }
}

#[derive(Debug, Args)]
pub struct TriageArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Write only reviews with these labels (repeat or comma-separate).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<OnlyLabel>,
    /// Judge from the text alone, ignoring star ratings.
    #[arg(long)]
    pub ignore_rating: bool,
    /// Exit with 1 when any negative review was found (for alerting scripts).
    #[arg(long)]
    pub fail_on_negative: bool,
}

const REWRITE_EXAMPLES: &str = "\
Examples:
  replywise rewrite \"We can't refund you until the item reaches us.\"
  replywise rewrite --diff --file draft.txt
  replywise rewrite --check --file macros/*.txt        # lint; exit 1 on findings
  replywise rewrite --jsonl --field body < drafts.jsonl > rewritten.jsonl
  replywise rewrite --phrasebook ./my-phrasebook --format json < draft.txt

Each TEXT argument is one text; `-` or no TEXT and no --file reads stdin.
Exit codes: 0 clean (or rewritten); 1 with --check when anything was found;
2 on usage errors, a broken phrasebook, or unreadable input.";

/// How `rewrite` writes its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RewriteFormat {
    /// The rewritten text (or, with --check, `path:line:col: rule: message`).
    Text,
    /// A JSON array: one object per input with the rewritten text and findings.
    Json,
}

#[derive(Debug, Args)]
pub struct RewriteArgs {
    /// Texts to rewrite; `-` reads stdin.
    #[arg(value_name = "TEXT")]
    pub texts: Vec<String>,
    /// Read a text from this file (repeat for several); `-` is stdin.
    #[arg(long = "file", short = 'f', value_name = "PATH")]
    pub files: Vec<String>,
    /// Show what changed instead of the rewritten text.
    #[arg(long, conflicts_with = "check")]
    pub diff: bool,
    /// Lint instead of rewriting: list findings, exit 1 when there are any.
    #[arg(long)]
    pub check: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: RewriteFormat,
    /// Read JSON Lines and add `rewritten` and `findings` to each object.
    #[arg(long, conflicts_with = "diff")]
    pub jsonl: bool,
    /// With --jsonl: the field (or dotted path) holding the text.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    pub field: String,
    /// Layer this phrasebook directory (rewrite.toml, rules/*.toml) over the built-in one.
    #[arg(long, value_name = "DIR")]
    pub phrasebook: Option<PathBuf>,
    /// Colour in --diff and --check output (NO_COLOR also turns it off).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum PhrasebookCommand {
    /// Validate a phrasebook, run every rule's examples, count rules per category.
    #[command(
        after_help = "Without DIR, checks the built-in phrasebook. With DIR, checks DIR layered over it.\nExit codes: 0 all examples pass; 1 an example failed; 2 the phrasebook is broken."
    )]
    Check {
        /// A phrasebook directory laid out like the built-in one.
        dir: Option<PathBuf>,
    },
    /// List the rules: id, category, fix kind and message.
    List {
        #[arg(long, value_name = "DIR")]
        phrasebook: Option<PathBuf>,
    },
    /// Show one rule in full: pattern, templates, examples.
    Explain {
        /// The rule id, as shown by `phrasebook list`.
        id: String,
        #[arg(long, value_name = "DIR")]
        phrasebook: Option<PathBuf>,
    },
}
