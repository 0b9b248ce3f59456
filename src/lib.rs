//! replywise: find the reviews that need an answer, and answer them well.
//!
//! Data flows one way: [`input`] reads any export into [`review::Review`]s,
//! [`triage`] gives each a verdict, and [`output`] writers render the
//! results. [`fetch`] pulls reviews over HTTP into the same `Review`s.
//! [`rewrite`] turns "can't" wording into "can" wording with the rules of
//! a [`phrasebook`]. [`cmd`] is the edge that wires these to the command line
//! defined in [`cli`]; nothing else prints.

pub mod business;
pub mod cli;
pub mod cmd;
pub mod draft;
pub mod error;
pub mod eval;
pub mod fetch;
pub mod hash;
pub mod input;
mod names;
pub mod output;
pub mod phrasebook;
pub mod profile;
pub mod review;
pub mod rewrite;
pub mod text;
pub mod triage;

pub use cmd::run;
