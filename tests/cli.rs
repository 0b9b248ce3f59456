//! The `triage` command as a user meets it: formats, overrides, filters,
//! exit codes and error messages.

mod common;

use common::{example, fixture, json_lines, replywise};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn jsonl_is_the_default_when_piped_and_every_review_comes_out_in_order() {
    let out = replywise().args(["triage", &example()]).output().unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["r-1001", "r-1002", "r-1003", "r-1004", "r-1005", "r-1006", "r-1007", "r-1008"]
    );
    assert_eq!(rows[0]["label"], "negative");
    assert_eq!(rows[0]["negative"], true);
    assert_eq!(rows[1]["label"], "positive");
    assert_eq!(rows[2]["label"], "mixed");
    assert!(rows[0]["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    assert!(rows[0]["location"]
        .as_str()
        .unwrap()
        .ends_with("restaurant_reviews.csv:2"));
}

#[test]
fn stdin_plain_text_one_review_per_line() {
    let out = replywise()
        .args(["triage", "--ignore-rating"])
        .write_stdin("The food was terrible and cold\n\nLovely staff, great coffee\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["label"], "negative");
    assert_eq!(rows[0]["location"], "<stdin>:1");
    assert_eq!(rows[1]["location"], "<stdin>:3");
}

#[test]
fn stdin_paragraphs() {
    let out = replywise()
        .args(["triage", "--paragraphs", "-"])
        .write_stdin("First review\nstill first\n\nSecond review\n")
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["text"], "First review\nstill first");
}

#[test]
fn stdin_csv_and_json_are_sniffed() {
    let csv = replywise()
        .arg("triage")
        .write_stdin("stars;comment\n1;awful\n5;great\n")
        .output()
        .unwrap();
    let rows = json_lines(&csv.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["rating"], 1.0);
    assert_eq!(rows[0]["text"], "awful");

    let json = replywise()
        .arg("triage")
        .write_stdin(r#"{"data": [{"body": "fine", "score": "4/5"}]}"#)
        .output()
        .unwrap();
    let rows = json_lines(&json.stdout);
    assert_eq!(rows[0]["rating"], 4.0);
    assert_eq!(rows[0]["rating_raw"], "4/5");
}

#[test]
fn thumbs_columns_are_read_as_down_and_up() {
    let out = replywise()
        .arg("triage")
        .write_stdin("comment,thumbs_up\nmeh,0\nyay,1\n")
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert_eq!(
        (rows[0]["rating"].as_f64(), rows[1]["rating"].as_f64()),
        (Some(1.0), Some(5.0))
    );
}

#[test]
fn field_overrides_reach_into_nested_json() {
    let out = replywise()
        .args(["triage", "--text-field", "payload.words", "--rating-field", "meta.stars"])
        .args(["--author-field", "who", "--id-field", "ref", "--title-field", "head"])
        .args(["--date-field", "when"])
        .write_stdin(
            r#"{"payload":{"words":"It broke"},"meta":{"stars":2},"who":"Ann","ref":"x1","head":"Bad","when":"2024-01-02"}"#
                .to_string()
                + "\n",
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row = &json_lines(&out.stdout)[0];
    assert_eq!(row["text"], "It broke");
    assert_eq!(row["rating"], 2.0);
    assert_eq!(row["author"], "Ann");
    assert_eq!(row["id"], "x1");
    assert_eq!(row["title"], "Bad");
    assert_eq!(row["date_rfc3339"], "2024-01-02T00:00:00Z");
}

#[test]
fn only_filters_and_summary_counts() {
    let out = replywise()
        .args(["triage", "--only", "negative", "--summary", &example()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out.stdout);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["label"] == "negative"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("labels: negative: "), "{stderr}");
    assert!(stderr.contains("sources: unknown: "), "{stderr}");
    assert!(
        stderr.contains(&format!("read 8, wrote {}", rows.len())),
        "{stderr}"
    );
}

#[test]
fn fail_on_negative_exits_1_only_when_one_is_found() {
    replywise()
        .args(["triage", "--fail-on-negative", &example()])
        .assert()
        .code(1);
    replywise()
        .args([
            "triage",
            "--fail-on-negative",
            &fixture("yelp_dataset.jsonl"),
            "--only",
            "positive",
        ])
        .assert()
        .code(1);
    replywise()
        .args(["triage", "--fail-on-negative"])
        .write_stdin("Lovely staff\n")
        .assert()
        .code(0);
}

#[test]
fn a_bad_record_is_reported_with_its_location_and_the_rest_survive() {
    let out = replywise()
        .arg("triage")
        .write_stdin("{\"text\":\"ok\",\"rating\":5}\n{\"text\": broken\n{\"text\":\"meh\",\"rating\":\"lots\"}\n{\"text\":\"fine\"}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_lines(&out.stdout).len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2: not valid JSON"), "{stderr}");
    assert!(
        stderr.contains("<stdin>:3: unknown rating form \"lots\""),
        "{stderr}"
    );
    assert!(stderr.contains("read 4, wrote 2, failed 2"), "{stderr}");
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let out = replywise()
        .args(["triage", "--strict"])
        .write_stdin("{\"text\":\"ok\"}\nnope\n{\"text\":\"never read\"}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_lines(&out.stdout).len(), 1);
}

#[test]
fn csv_without_a_text_column_says_how_to_fix_it() {
    let out = replywise()
        .args(["triage", "--input-format", "csv"])
        .write_stdin("a,b\n1,2\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2: no review text"), "{stderr}");
    assert!(stderr.contains("--text-field"), "{stderr}");
}

#[test]
fn broken_csv_row_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("short.csv");
    std::fs::write(&path, "text,rating\ngood,5\nonly one field\nbad,1\n").unwrap();
    let out = replywise().arg("triage").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("short.csv:3: row has 1 fields but the header has 2"),
        "{stderr}"
    );
    assert_eq!(json_lines(&out.stdout).len(), 2);
}

#[test]
fn missing_file_is_an_error_but_other_inputs_are_still_read() {
    let out = replywise()
        .args(["triage", "/nonexistent/reviews.csv", &example()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_lines(&out.stdout).len(), 8);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/reviews.csv: No such file"),
        "{stderr}"
    );
}

#[test]
fn truncated_json_document_keeps_what_came_before() {
    let out = replywise()
        .arg("triage")
        .write_stdin("[{\"text\":\"one\"},\n{\"text\":\"two\"},\n{\"text\":")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_lines(&out.stdout).len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:3:"), "{stderr}");
}

#[test]
fn invalid_bytes_warn_once_with_a_count_and_keep_every_review() {
    let out = replywise()
        .arg("triage")
        .write_stdin(b"ok\ncaf\xe9 was fine\ntr\xe8s bien, na\xefve\n".to_vec())
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["text"], "caf\u{FFFD} was fine");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("warning").count(), 1, "{stderr}");
    assert!(
        stderr.contains("<stdin>:2: 3 byte sequence(s) invalid UTF-8")
            && stderr.contains("--encoding"),
        "{stderr}"
    );
}

#[test]
fn csv_output_cannot_run_formulas() {
    let out = replywise()
        .args(["triage", "--format", "csv"])
        .write_stdin("author,text\n=HYPERLINK(\"http://x\"),\"  =1+2 awful\"\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name| {
        row.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(cell("author"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(
        cell("text"),
        "'  =1+2 awful",
        "spaces before = do not hide it"
    );
    assert_eq!(cell("label"), "negative");
    // Numbers stay numbers a spreadsheet can sum; text is guarded.
    assert!(
        cell("score").parse::<f64>().unwrap() < 0.0,
        "{}",
        cell("score")
    );
    assert!(
        cell("reasons").contains("\"weight\":-"),
        "{}",
        cell("reasons")
    );
    assert!(
        !cell("reasons").contains("0000000"),
        "no float noise: {}",
        cell("reasons")
    );
}

#[test]
fn json_output_is_one_array() {
    let out = replywise()
        .args(["triage", "--format", "json", &example()])
        .output()
        .unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 8);
    let empty = replywise()
        .args(["triage", "--format", "json"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Vec<Value>>(&empty.stdout)
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn table_strips_terminal_escapes_and_honours_color_flags() {
    let evil = "Nice\u{1b}[2J place \u{202e}gnorw\n";
    let out = replywise()
        .args(["triage", "--format", "table", "--color", "never"])
        .write_stdin(evil)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Nice"));
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(!table.contains('\u{202e}'));

    let colored = replywise()
        .args(["triage", "--format", "table", "--color", "always"])
        .write_stdin("awful\n")
        .output()
        .unwrap();
    assert!(String::from_utf8(colored.stdout)
        .unwrap()
        .contains('\u{1b}'));

    let no_color = replywise()
        .args(["triage", "--format", "table"])
        .env("NO_COLOR", "1")
        .write_stdin("awful\n")
        .output()
        .unwrap();
    assert!(!String::from_utf8(no_color.stdout)
        .unwrap()
        .contains('\u{1b}'));
}

#[test]
fn piping_into_head_is_a_clean_exit_in_every_format() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command as Std, Stdio};
    for format in ["jsonl", "json", "csv", "md", "table"] {
        let mut child = Std::new(assert_cmd::cargo::cargo_bin("replywise"))
            .args(["triage", "--input-format", "text", "--format", format])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            for i in 0..200_000 {
                if writeln!(stdin, "review number {i} was awful").is_err() {
                    break;
                }
            }
        });
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}");
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let commands = [
        "triage",
        "draft",
        "init",
        "fetch",
        "explain",
        "eval",
        "rewrite",
        "phrasebook check",
        "phrasebook list",
        "phrasebook explain",
        "completions",
    ];
    for command in commands {
        replywise()
            .args(command.split(' '))
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn completions_know_every_command_and_their_flags() {
    for shell in ["bash", "zsh", "fish"] {
        let out = replywise().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let script = String::from_utf8(out.stdout).unwrap();
        for word in [
            "triage",
            "draft",
            "rewrite",
            "fetch",
            "max-record-bytes",
            "encoding",
            "text-field",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn man_pages_are_generated_from_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    let out = replywise().arg("man").arg(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let main = std::fs::read_to_string(dir.path().join("replywise.1")).unwrap();
    assert!(
        main.starts_with(".ie") || main.contains(".TH"),
        "roff: {main:.80}"
    );
    assert!(main.contains("triage"));
    let triage = std::fs::read_to_string(dir.path().join("replywise-triage.1")).unwrap();
    assert!(triage.contains("max\\-record\\-bytes"), "{triage:.2000}");
    assert!(triage.contains("Examples"), "the examples are in the page");
    assert!(String::from_utf8_lossy(&out.stderr).contains("man pages into"));
}

#[test]
fn usage_errors_exit_2() {
    replywise()
        .args(["triage", "--only", "angry"])
        .assert()
        .code(2);
    replywise().arg("nonsense").assert().code(2);
}

#[test]
fn init_asks_and_writes_only_what_was_answered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replywise.toml");
    replywise()
        .arg("init")
        .arg(&path)
        .write_stdin("Harbour Kitchen\nrestaurant\nSam\nOwner\ncare@harbour.example\nrefund, meal_on_us\n5 business days\nformal\n")
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    for line in [
        "business_name = \"Harbour Kitchen\"",
        "kind = \"restaurant\"",
        "contact_email = \"care@harbour.example\"",
        "offers = [\"refund\", \"meal_on_us\"]",
        "refund_time = \"5 business days\"",
        "tone = \"formal\"",
        "# contact_phone = ",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let path = dir.path().join("other.toml");
    replywise()
        .arg("init")
        .arg(&path)
        .write_stdin("Harbour\nbistro\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kind \"bistro\""));
}

#[test]
fn init_writes_a_profile_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replywise.toml");
    replywise().arg("init").arg(&path).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("signer_name"));
    replywise()
        .arg("init")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    std::fs::write(&path, "changed").unwrap();
    replywise()
        .arg("init")
        .arg("--force")
        .arg(&path)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn the_readme_json_example_is_what_triage_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```json\n{\"id\":\"r-1001\"")
        .expect("README's JSON example");
    let block = &readme[start + 8..];
    let block = &block[..block.find("```").unwrap()];
    let out = replywise()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "triage",
            "--format",
            "jsonl",
            "examples/restaurant_reviews.csv",
        ])
        .output()
        .unwrap();
    let sarah = json_lines(&out.stdout).remove(0);
    let keys: Vec<&String> = sarah.as_object().unwrap().keys().collect();
    // Every top-level key the example shows, in the order the program writes them.
    let shown: Vec<String> = keys
        .iter()
        .filter(|k| block.contains(&format!("\"{k}\":")))
        .map(|k| k.to_string())
        .collect();
    assert_eq!(shown.len(), keys.len(), "README shows every key: {keys:?}");
    let mut at = 0;
    for key in &shown {
        let found = block[at..]
            .find(&format!("\"{key}\":"))
            .unwrap_or_else(|| panic!("{key} out of order"));
        at += found;
        // A value shown whole (not elided with …) is the program's value.
        let rest = &block[at + key.len() + 3..];
        let end = rest.find([',', '\n']).unwrap_or(rest.len());
        let shown_value = rest[..end].trim_end_matches('}');
        if !shown_value.contains('…') && !shown_value.starts_with(['[', '{'])
            || shown_value == "[]"
            || shown_value == "{}"
        {
            let value: Value = serde_json::from_str(shown_value)
                .unwrap_or_else(|e| panic!("{key}: {shown_value}: {e}"));
            assert_eq!(value, sarah[key.as_str()], "README's {key}");
        }
    }
}
