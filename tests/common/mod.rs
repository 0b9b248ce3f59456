//! Helpers every command-line test shares: the binary with a clean
//! environment, and the paths and output shapes tests look at.

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

/// Environment that would change what replywise does: colour, width, keys
/// for fetching, and a profile in the user's config directory.
const AMBIENT: &[&str] = &[
    "NO_COLOR",
    "COLUMNS",
    "GOOGLE_PLACES_API_KEY",
    "YELP_API_KEY",
    "TRUSTPILOT_API_KEY",
    "GOOGLE_PLAY_ACCESS_TOKEN",
    "GBP_ACCESS_TOKEN",
    "ASC_TOKEN",
];

/// The binary, with nothing from the tester's environment leaking in.
pub fn replywise() -> Command {
    let mut cmd = Command::cargo_bin("replywise").unwrap();
    for var in AMBIENT {
        cmd.env_remove(var);
    }
    cmd.env(
        "XDG_CONFIG_HOME",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/no-config"),
    );
    cmd
}

pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub fn example() -> String {
    format!(
        "{}/examples/restaurant_reviews.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Every line of JSON Lines output, parsed.
pub fn json_lines(output: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The JSON Lines rows of a run that must have succeeded (its stderr shown
/// when it did not).
pub fn ok_rows(out: &std::process::Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

/// `../shared/<sub>` when the shared folder is beside the checkout (CI has
/// it, a user's fresh clone does not). Otherwise says that `test` was
/// skipped where a person sees it: written to stderr directly, not through
/// `eprintln!`, which the test harness captures and hides.
pub fn shared(sub: &str, test: &str) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if path.exists() {
        return Some(path);
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {} is absent (../shared sits beside the checkout in CI)",
        path.display()
    );
    None
}
