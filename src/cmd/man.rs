//! `replywise man DIR`: man pages generated from the command-line
//! definitions, so they never drift from `--help`.

use super::Outcome;
use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use std::path::Path;

/// Writes `replywise.1` and `replywise-COMMAND.1` for each command.
pub fn run(dir: &Path) -> Result<Outcome> {
    let open_error = |path: &Path, source| Error::Open {
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(|e| open_error(dir, e))?;
    let command = Cli::command();
    let mut written = Vec::new();
    let mut pages = vec![("replywise".to_string(), command.clone())];
    for sub in command.get_subcommands() {
        let name = format!("replywise-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    for (name, page) in pages {
        let mut text = Vec::new();
        clap_mangen::Man::new(page)
            .render(&mut text)
            .map_err(Error::Write)?;
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, text).map_err(|e| open_error(&path, e))?;
        written.push(path);
    }
    eprintln!(
        "wrote {} man pages into {}; if it is not on MANPATH, read them with man -l {}",
        written.len(),
        dir.display(),
        dir.join("replywise.1").display()
    );
    Ok(Outcome::Clean)
}
