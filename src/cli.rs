//! The command line: every subcommand, flag and help text.
//!
//! Only definitions live here; [`crate::cmd`] carries them out.

use crate::eval::Split;
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
    /// Show how a text is scored, cue by cue.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Measure the classifier on labelled JSON Lines (text only).
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
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

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  replywise explain \"The food was fine, but the waiter was rude. Won't be back.\"
  replywise explain --rating 5 \"Worst service ever\"
  replywise explain --phrasebook my-phrasebook \"The widget is janky\"";

const EVAL_EXAMPLES: &str = "\
Examples:
  replywise eval --split holdout ../shared/data/reviews/*.jsonl
  replywise eval --split dev --errors 20 ../shared/data/reviews/yelp_open.jsonl
  replywise eval --pred preds.jsonl ../shared/data/reviews/uci_yelp.jsonl

Each line: {\"id\", \"source\", \"text\", \"rating\", \"scale_max\"[, \"scale_min\"]}.
Gold: 1-5 stars <= 2 negative, 3 neutral, >= 4 positive; 0/1 labels; a mean
rating -4..+4 below/at/above 0. Metrics are on the binary subset (neutral
rows excluded), negative being the positive class. --split takes a stable
70/30 split by a hash of the id: tune on dev, report holdout.";

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
    Mismatch,
    Unsupported,
}

impl OnlyLabel {
    pub fn label(self) -> Label {
        match self {
            OnlyLabel::Negative => Label::Negative,
            OnlyLabel::Mixed => Label::Mixed,
            OnlyLabel::Positive => Label::Positive,
            OnlyLabel::Neutral => Label::Neutral,
            OnlyLabel::Mismatch => Label::Mismatch,
            OnlyLabel::Unsupported => Label::Unsupported,
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
    #[command(flatten)]
    pub phrasebook: PhrasebookArg,
}

/// A user's phrasebook laid over the built-in one.
#[derive(Debug, Args)]
pub struct PhrasebookArg {
    /// A directory laid over the built-in phrasebook (same layout, e.g.
    /// DIR/lexicon/words.toml adds or reweighs words).
    #[arg(long = "phrasebook", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The review text (`-` reads it from stdin).
    pub text: String,
    /// A star rating (1-5) to reconcile with the text.
    #[arg(long, value_name = "N", value_parser = parse_rating)]
    pub rating: Option<f64>,
    /// A title, read before the text.
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub phrasebook: PhrasebookArg,
}

fn parse_rating(value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(r) if (1.0..=5.0).contains(&r) => Ok(r),
        _ => Err(format!("{value:?} is not a rating from 1 to 5")),
    }
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled JSON Lines files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Which part of the data to score.
    #[arg(long, value_enum, default_value = "all")]
    pub split: Split,
    /// Also write {"id", "negative", "label"} per review here, for
    /// ../shared/tools/score_negatives.py.
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,
    /// Print up to N misjudged reviews of the scored part (for tuning on dev).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    #[command(flatten)]
    pub phrasebook: PhrasebookArg,
}
