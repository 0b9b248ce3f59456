//! Flags of `explain` and `eval`, the classifier's own commands.

use super::reviews::PhrasebookArg;
use crate::eval::Split;
use clap::Args;
use std::path::PathBuf;

pub(super) const EXPLAIN_EXAMPLES: &str = "\
Examples:
  replywise explain \"The food was fine, but the waiter was rude. Won't be back.\"
  replywise explain --rating 5 \"Worst service ever\"
  replywise explain --phrasebook my-phrasebook \"The widget is janky\"";

pub(super) const EVAL_EXAMPLES: &str = "\
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
