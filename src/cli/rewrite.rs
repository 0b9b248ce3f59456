//! Flags of `rewrite` and `phrasebook`.

use super::reviews::ColorChoice;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

pub(super) const REWRITE_EXAMPLES: &str = "\
Examples:
  replywise rewrite \"We can't refund you until the item reaches us.\"
  replywise rewrite --diff --file draft.txt
  replywise rewrite --check --file macros/*.txt        # lint; exit 1 on findings
  replywise rewrite --input-format jsonl --text-field body -o rewritten.jsonl < drafts.jsonl
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

/// What `rewrite` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RewriteInput {
    /// Each TEXT argument or file is one text.
    Text,
    /// JSON Lines: one object per line, its text in --text-field.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct RewriteArgs {
    /// Texts to rewrite; `-` reads stdin.
    #[arg(value_name = "TEXT")]
    pub texts: Vec<String>,
    /// Read texts from these files (`--file a.txt b.txt`, or a shell glob); `-` is stdin.
    #[arg(long = "file", short = 'f', value_name = "PATH", num_args = 1..)]
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
    /// How to read the inputs: each as one text, or JSON Lines of objects
    /// that gain `rewritten` and `findings`.
    #[arg(
        long = "input-format",
        value_enum,
        value_name = "FORMAT",
        default_value = "text"
    )]
    pub input_format: RewriteInput,
    /// Same as --input-format jsonl.
    #[arg(long, conflicts_with = "diff")]
    pub jsonl: bool,
    /// With JSON Lines: the field (or dotted path) holding the text.
    #[arg(
        long = "text-field",
        visible_alias = "field",
        value_name = "NAME",
        default_value = "text"
    )]
    pub text_field: String,
    /// With JSON Lines: records rewritten at once, on this many threads
    /// (default: one per CPU). Output keeps the input's order.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    /// With JSON Lines: skip, and report, any line longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
    /// Write results to FILE instead of stdout (never one of the inputs).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Layer this phrasebook directory (rewrite.toml, rules/*.toml) over the built-in one.
    #[arg(long, value_name = "DIR")]
    pub phrasebook: Option<PathBuf>,
    /// Colour in --diff and --check output (NO_COLOR also turns it off).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

impl RewriteArgs {
    /// True when the inputs are JSON Lines (`--input-format jsonl` or `--jsonl`).
    pub fn is_jsonl(&self) -> bool {
        self.jsonl || self.input_format == RewriteInput::Jsonl
    }
}

#[derive(Debug, Subcommand)]
pub enum PhrasebookCommand {
    /// Validate a phrasebook, run every rule's examples, count rules per category.
    #[command(
        after_help = "Without DIR, checks the built-in phrasebook. With DIR, checks DIR layered over it.\nExit codes: 0 all examples pass; 1 an example failed; 2 the phrasebook is broken.\n\nExamples:\n  replywise phrasebook check\n  replywise phrasebook check my-phrasebook"
    )]
    Check {
        /// A phrasebook directory laid out like the built-in one.
        dir: Option<PathBuf>,
    },
    /// List the rules: id, category, fix kind and message.
    #[command(
        after_help = "Examples:\n  replywise phrasebook list\n  replywise phrasebook list --phrasebook my-phrasebook | grep blame"
    )]
    List {
        /// A phrasebook directory laid over the built-in one.
        #[arg(long, value_name = "DIR")]
        phrasebook: Option<PathBuf>,
    },
    /// Show one rule in full: pattern, templates, examples.
    #[command(after_help = "Example:\n  replywise phrasebook explain cant-until")]
    Explain {
        /// The rule id, as shown by `phrasebook list`.
        id: String,
        /// A phrasebook directory laid over the built-in one.
        #[arg(long, value_name = "DIR")]
        phrasebook: Option<PathBuf>,
    },
}
