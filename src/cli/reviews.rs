//! Flags of the review commands, `triage` and `draft`: inputs, output and
//! filters.

use super::fetch::FetchArgs;
use crate::input::{FieldOverrides, InputFormat, InputOptions};
use crate::output::OutputFormat;
use crate::review::Platform;
use crate::triage::Label;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

pub(super) const TRIAGE_EXAMPLES: &str = "\
Examples:
  replywise triage examples/restaurant_reviews.csv
  replywise triage --only negative --format csv export.csv > negatives.csv
  cat reviews.txt | replywise triage --format jsonl
  replywise triage --text-field body --rating-field meta.stars dump.jsonl
  replywise triage appstore:284882215 --country us,gb --since 30d

Formats read: CSV/TSV (comma, semicolon or tab), JSON (array or object with
reviews/data/feed.entry), JSON Lines, plain text (one review per line).
Known exports are recognised by their fields: Google Play Console CSV and
Developer API, App Store Connect, Apple RSS, Google Business Profile, Google
Places (legacy and New), Yelp Fusion and Open Dataset, Trustpilot CSV,
TripAdvisor, Amazon Reviews'23, schema.org Review.
Source specs (appstore:ID, places:ID, https://..., see `replywise fetch
--help`) are fetched over HTTP and triaged like files.

Exit codes: 0 success; 1 with --fail-on-negative when a negative review was
found; 2 on usage errors, unreadable input or any failed record.";

pub(super) const DRAFT_EXAMPLES: &str = "\
Examples:
  replywise init                                   # write replywise.toml, then edit it
  replywise draft examples/restaurant_reviews.csv
  replywise draft --format md export.csv > review-pack.md
  replywise draft --platform google_play --format jsonl play.csv

Drafts use the business profile: --profile FILE, else ./replywise.toml, else
replywise.toml in the user's config directory. Facts it does not give become
visible slots such as [contact e-mail or phone], listed in `placeholders`.
Each draft is fitted to its platform's limit (Google Play 350 characters,
Google Business Profile 4,096 bytes, App Store 5,970 characters) by dropping
the least essential sentences. replywise drafts; a person posts.";
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files to read (`-` or nothing reads stdin), or sources to fetch (appstore:ID, https://...).
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
    /// The top of the rating scale (10 for 0-10 scores) when the export does not say.
    #[arg(long, value_name = "MAX")]
    pub rating_scale: Option<f64>,
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
    /// The encoding of the inputs (an encoding_rs label such as windows-1252,
    /// latin1, utf-16le, shift_jis); detected from a BOM or as UTF-8 otherwise.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Skip, and report, any record larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
    /// Stop at the first bad record instead of reporting it and going on.
    #[arg(long)]
    pub strict: bool,
}

/// An encoding label as encoding_rs knows them (the WHATWG list).
pub(super) fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding {label:?}; try utf-8, windows-1252, latin1, utf-16le, utf-16be, shift_jis or gb18030")
    })
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
                rating_scale: self.rating_scale,
            },
            max_record_bytes: Some(self.max_record_bytes),
            encoding: self.encoding,
            bytes_read: None,
        }
    }

    /// The inputs to read, with stdin standing in for none. Waiting on a
    /// terminal nobody is typing into helps no one, so that is an error.
    pub fn paths(&self) -> crate::error::Result<Vec<String>> {
        use std::io::IsTerminal;
        if !self.inputs.is_empty() {
            return Ok(self.inputs.clone());
        }
        if std::io::stdin().is_terminal() {
            return Err(crate::error::Error::Usage(
                "no input: give an export file, or pipe reviews into stdin (try --help)".into(),
            ));
        }
        Ok(vec!["-".to_string()])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How results are written.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: from the -o file's extension, else table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Write results to FILE instead of stdout (never one of the inputs).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No progress line and no notes; warnings and errors are still shown.
    #[arg(short = 'q', long)]
    pub quiet: bool,
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
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Write only reviews with these labels (repeat or comma-separate).
    #[arg(long, help_heading = "Triage", value_enum, value_delimiter = ',')]
    pub only: Vec<OnlyLabel>,
    /// Judge from the text alone, ignoring star ratings.
    #[arg(long, help_heading = "Triage")]
    pub ignore_rating: bool,
    /// Exit with 1 when any negative review was found (for alerting scripts).
    #[arg(long, help_heading = "Triage")]
    pub fail_on_negative: bool,
    /// The business profile, whose `kind` and `business_name` show reviews
    /// about another business (default: ./replywise.toml, then the config
    /// directory).
    #[arg(short = 'p', long, help_heading = "Triage", value_name = "FILE")]
    pub profile: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub phrasebook: PhrasebookArg,
}

/// A user's phrasebook laid over the built-in one.
#[derive(Debug, Args)]
pub struct PhrasebookArg {
    /// A directory laid over the built-in phrasebook (same layout, e.g.
    /// DIR/lexicon/words.toml adds or reweighs words).
    #[arg(long = "phrasebook", value_name = "DIR", help_heading = "Phrasebook")]
    pub dir: Option<PathBuf>,
}

/// A platform name as used in output (`google_play`, `app_store`, ...).
fn parse_platform(name: &str) -> Result<Platform, String> {
    Platform::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Platform::ALL.iter().map(|p| p.name()).collect();
        format!("unknown platform; use one of {}", names.join(", "))
    })
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Draft for every review, thanking the happy ones too.
    #[arg(long, help_heading = "Drafting")]
    pub all: bool,
    /// Draft only for reviews with these labels (repeat or comma-separate).
    #[arg(
        long,
        help_heading = "Drafting",
        value_enum,
        value_delimiter = ',',
        conflicts_with = "all"
    )]
    pub only: Vec<OnlyLabel>,
    /// Fit drafts to this platform's reply limit instead of each review's own.
    #[arg(long, help_heading = "Drafting", value_parser = parse_platform, value_name = "PLATFORM")]
    pub platform: Option<Platform>,
    /// The business profile to use (default: ./replywise.toml, then the config directory).
    #[arg(short = 'p', long, help_heading = "Drafting", value_name = "FILE")]
    pub profile: Option<std::path::PathBuf>,
    /// Judge from the text alone, ignoring star ratings.
    #[arg(long, help_heading = "Drafting")]
    pub ignore_rating: bool,
    /// Draft for reviews that already have an owner reply too.
    #[arg(long, help_heading = "Drafting")]
    pub include_answered: bool,
    /// Show, under each draft, where each sentence comes from.
    #[arg(long, help_heading = "Drafting")]
    pub explain: bool,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub phrasebook: PhrasebookArg,
}
