//! The command line a new user meets: results to a file, the same input
//! flags on every command, help that groups flags where they belong.

mod common;

use common::{example, json_lines, ok_rows, replywise};

#[test]
fn output_goes_to_the_file_named_and_its_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("negatives.csv");
    let out = replywise()
        .args(["triage", "--only", "negative", "-o"])
        .arg(&csv)
        .arg(example())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "results go to the file, not stdout");
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with("id,source,"), "{written}");
    assert!(written.lines().count() > 1);

    let jsonl = dir.path().join("drafts.jsonl");
    let out = replywise()
        .args(["draft", "-q", "--output"])
        .arg(&jsonl)
        .arg(example())
        .output()
        .unwrap();
    assert!(out.status.success());
    let drafts = std::fs::read(&jsonl).unwrap();
    assert!(json_lines(&drafts).iter().all(|d| d["reply"].is_string()));
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.csv");
    std::fs::copy(example(), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = replywise()
        .args(["triage", "-o"])
        .arg(&input)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("that is the input"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn rewrite_takes_the_same_input_flags_as_triage_and_keeps_the_old_ones() {
    let line = "{\"body\":\"We can't refund you until the item reaches us.\"}\n";
    for flags in [
        &["--input-format", "jsonl", "--text-field", "body"][..],
        &["--jsonl", "--field", "body"][..],
    ] {
        let out = replywise()
            .arg("rewrite")
            .args(flags)
            .write_stdin(line)
            .output()
            .unwrap();
        let rows = ok_rows(&out);
        assert_eq!(rows.len(), 1, "{flags:?}");
        assert!(
            !rows[0]["rewritten"].as_str().unwrap().contains("can't"),
            "{flags:?}: {rows:?}"
        );
    }
}

#[test]
fn rewrite_passes_an_oversized_record_through_unchanged_and_says_so() {
    let big = format!("{{\"text\":\"{}\"}}", "We can't. ".repeat(50));
    let input = format!("{big}\n{{\"text\":\"We can't refund you.\"}}\n");
    let out = replywise()
        .args([
            "rewrite",
            "--input-format",
            "jsonl",
            "--max-record-bytes",
            "100",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 2, "nothing is lost");
    assert!(
        rows[0].get("rewritten").is_none(),
        "passed through unchanged"
    );
    assert!(rows[1]["rewritten"].is_string());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:1: a record of") && stderr.contains("--max-record-bytes"),
        "{stderr}"
    );
}

#[test]
fn help_groups_flags_under_headings_that_match() {
    let out = replywise().args(["triage", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let section_of = |flag: &str| {
        let at = help.find(flag).unwrap_or_else(|| panic!("{flag} missing"));
        help[..at]
            .lines()
            .rev()
            .find(|l| !l.starts_with(' ') && l.ends_with(':'))
            .unwrap()
            .to_string()
    };
    assert_eq!(section_of("--text-field"), "Input:");
    assert_eq!(section_of("--encoding"), "Input:");
    assert_eq!(section_of("--country"), "Fetching (source specs only):");
    assert_eq!(section_of("--format <FORMAT>"), "Output:");
    assert_eq!(section_of("--summary"), "Output:");
    assert_eq!(section_of("--only"), "Triage:");
}
