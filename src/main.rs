//! The `replywise` binary: parse arguments, run, map the result to an exit
//! code (0 clean, 1 found what `--fail-on-*` asked about, 2 error).

use clap::Parser;
use std::process::ExitCode;

// A large run allocates and frees a few dozen small strings per review
// (parsed fields, cues); mimalloc's thread-local free lists make that a
// fraction of what the system allocator costs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = replywise::cli::Cli::parse();
    match replywise::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            let message = format!(
                "replywise: error: {}",
                said_once(&anyhow::Error::new(error))
            );
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("{}\n", replywise::text::for_terminal(&message, true)).as_bytes(),
            );
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each said once: most messages already quote
/// their cause ("nope.toml: No such file or directory"), and repeating it
/// as a chain only makes the message harder to read.
fn said_once(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
    }
    message
}
