//! The command line: every subcommand, flag and help text.
//!
//! Only definitions live here; [`crate::cmd`] carries them out.

use crate::eval::Split;
use crate::fetch::{BaseUrls, FetchOptions, HttpConfig};
use crate::input::{FieldOverrides, InputFormat, InputOptions};
use crate::output::OutputFormat;
use crate::review::Platform;
use crate::triage::Label;
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

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
    /// Write a commented example business profile (replywise.toml) to fill in.
    #[command(after_help = "Example:\n  replywise init && $EDITOR replywise.toml")]
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
}

const TRIAGE_EXAMPLES: &str = "\
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

const DRAFT_EXAMPLES: &str = "\
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
    pub fetch: FetchArgs,
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
    #[arg(long)]
    pub all: bool,
    /// Draft only for reviews with these labels (repeat or comma-separate).
    #[arg(long, value_enum, value_delimiter = ',', conflicts_with = "all")]
    pub only: Vec<OnlyLabel>,
    /// Fit drafts to this platform's reply limit instead of each review's own.
    #[arg(long, value_parser = parse_platform, value_name = "PLATFORM")]
    pub platform: Option<Platform>,
    /// The business profile to use (default: ./replywise.toml, then the config directory).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<std::path::PathBuf>,
    /// Judge from the text alone, ignoring star ratings.
    #[arg(long)]
    pub ignore_rating: bool,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub phrasebook: PhrasebookArg,
}

const FETCH_HELP: &str = "\
Sources:
  appstore:ID         Apple's public reviews feed; no key. --country picks the
                      storefronts. Cap: 10 pages of 50, so 500 per country.
  https://PAGE        schema.org reviews marked up in a web page (JSON-LD or
                      microdata); reviews drawn by JavaScript are not seen.
  places:PLACE_ID     Google Places API (New). GOOGLE_PLACES_API_KEY.
                      Cap: 5 reviews per place, chosen by Google.
  yelp:BUSINESS       Yelp Fusion. YELP_API_KEY. Cap: 3 excerpts (text cut short).
  trustpilot:UNIT_ID  Trustpilot business unit reviews. TRUSTPILOT_API_KEY.
  play:PACKAGE        Google Play Developer API. GOOGLE_PLAY_ACCESS_TOKEN.
                      Cap: only the last 7 days.
  gbp:ACCOUNT/LOC     Google Business Profile. GBP_ACCESS_TOKEN.
  asc:APP_ID          App Store Connect customer reviews. ASC_TOKEN.

Keys and tokens are read only from those environment variables, never from
flags, and never shown in output or errors. A note on stderr says when a cap
cut the result short. Proxies come from HTTP_PROXY, HTTPS_PROXY, ALL_PROXY
and NO_PROXY.

Examples:
  replywise fetch appstore:284882215 --country us,gb > reviews.jsonl
  YELP_API_KEY=... replywise fetch yelp:gary-danko-san-francisco
  replywise fetch https://shop.example/product/42 | replywise triage
  replywise triage play:com.example.app --since 2025-06-01

Output: one JSON object per line, the fields of `triage --format jsonl`
without the verdict. Exit codes: 0 success; 2 on usage errors or when any
source failed (reviews fetched before the failure are still written).";

#[derive(Debug, Args)]
pub struct FetchCmdArgs {
    /// Sources to fetch: appstore:ID, places:ID, yelp:ID, trustpilot:ID, play:PACKAGE, gbp:ACCOUNT/LOCATION, asc:ID, or an http(s) URL.
    #[arg(value_name = "SOURCE", required = true)]
    pub sources: Vec<String>,
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// How sources are fetched; shared by every command that takes them.
#[derive(Debug, Args)]
#[command(next_help_heading = "Fetching (source specs only)")]
pub struct FetchArgs {
    /// App Store storefronts for appstore: sources (two-letter codes, comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "us", value_name = "CC")]
    pub country: Vec<String>,
    /// At most N reviews from each source.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only reviews from DATE on (YYYY-MM-DD, RFC 3339, or 30d for 30 days ago); paging stops at older ones.
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<DateTime<Utc>>,
    /// Send requests here instead of the real API (a proxy or test server); SOURCE= (appstore, places, yelp, trustpilot, play, gbp, asc) limits it to one kind.
    #[arg(long = "base-url", value_name = "[SOURCE=]URL")]
    pub base_url: Vec<String>,
    /// Seconds to wait for a whole answer.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_seconds)]
    pub timeout: Duration,
    /// Seconds to wait for a connection.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_seconds)]
    pub connect_timeout: Duration,
    /// Tries per request when the server is busy (429, 5xx) or the connection fails.
    #[arg(long, value_name = "N", default_value = "4", value_parser = clap::value_parser!(u32).range(1..=10))]
    pub attempts: u32,
    /// Seconds to pause between two requests to one source, to be polite.
    #[arg(long, value_name = "SECONDS", default_value = "0.5", value_parser = parse_pause)]
    pub delay: Duration,
}

impl FetchArgs {
    pub fn options(&self) -> Result<FetchOptions, String> {
        let mut base_urls = BaseUrls::default();
        for value in &self.base_url {
            base_urls.add(value)?;
        }
        let countries = self
            .country
            .iter()
            .map(|c| {
                let c = c.trim().to_ascii_lowercase();
                if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_lowercase()) {
                    Ok(c)
                } else {
                    Err(format!(
                        "--country {c}: expected two-letter country codes such as us,gb,de"
                    ))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FetchOptions {
            countries,
            limit: self.limit,
            since: self.since,
            base_urls,
            http: HttpConfig {
                connect_timeout: self.connect_timeout,
                timeout: self.timeout,
                attempts: self.attempts,
                page_delay: self.delay,
                ..HttpConfig::default()
            },
            ..FetchOptions::default()
        })
    }
}

fn parse_since(value: &str) -> Result<DateTime<Utc>, String> {
    let value = value.trim();
    if let Some(days) = value.strip_suffix('d').and_then(|d| d.parse::<i64>().ok()) {
        return Ok(Utc::now() - chrono::Duration::days(days));
    }
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        if let Some(start) = date.and_hms_opt(0, 0, 0) {
            return Ok(start.and_utc());
        }
    }
    DateTime::parse_from_rfc3339(value)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| {
            "expected YYYY-MM-DD, an RFC 3339 time, or a number of days such as 30d".into()
        })
}

fn parse_pause(value: &str) -> Result<Duration, String> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (0.0..=3600.0).contains(s))
        .map(Duration::from_secs_f64)
        .ok_or_else(|| "expected a number of seconds such as 0.5".into())
}

fn parse_seconds(value: &str) -> Result<Duration, String> {
    match parse_pause(value)? {
        d if d.is_zero() => Err("expected a number of seconds above 0".into()),
        d => Ok(d),
    }
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
