//! `replywise rewrite` and `replywise phrasebook` as a user runs them.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn replywise() -> Command {
    let mut cmd = Command::cargo_bin("replywise").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn rewrites_text_arguments() {
    replywise()
        .args([
            "rewrite",
            "Unfortunately, we can't refund you until the item reaches us.",
        ])
        .assert()
        .success()
        .stdout("We can refund you as soon as the item reaches us.\n");
}

#[test]
fn reads_stdin_when_no_text_is_given() {
    replywise()
        .arg("rewrite")
        .write_stdin("As I said, your complaint is logged.")
        .assert()
        .success()
        .stdout("To recap, your complaint is logged.\n");
}

#[test]
fn check_lints_with_locations_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("macro.txt");
    fs::write(&draft, "Hello.\nSorry, but we don't do exchanges.\n").unwrap();
    let shown = draft.display().to_string();
    replywise()
        .args(["rewrite", "--check", "--file", &shown])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{shown}:2:1: sorry-but-opener:"
        )))
        .stdout(predicate::str::contains(format!(
            "{shown}:2:12: we-dont-do:"
        )))
        .stdout(predicate::str::contains("suggestion:"));
    replywise()
        .args(["rewrite", "--check", "We can refund you today."])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn diff_shows_changed_lines() {
    replywise()
        .args(["rewrite", "--diff"])
        .write_stdin("Same line.\nNo problem!\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "@@ line 2 @@\n-No problem!\n+Happy to help!",
        ))
        .stdout(predicate::str::contains("Same line").not());
}

#[test]
fn json_format_gives_findings_as_data() {
    let output = replywise()
        .args([
            "rewrite",
            "--format",
            "json",
            "You claim the box was empty.",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value[0]["rewritten"], "You mentioned the box was empty.");
    assert_eq!(value[0]["findings"][0]["rule"], "you-claim");
    assert_eq!(value[0]["findings"][0]["fix"], "auto");
    assert_eq!(value[0]["findings"][0]["column"], 1);
}

#[test]
fn jsonl_adds_rewritten_and_findings_and_reports_bad_lines() {
    let input = "{\"id\":1,\"body\":\"You need to send the receipt.\"}\nnot json\n{\"id\":3,\"body\":\"Fine.\"}\n";
    let output = replywise()
        .args(["rewrite", "--jsonl", "--field", "body"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad line makes the run incomplete"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("<stdin>:2: not valid JSON"), "{stderr}");
    let lines: Vec<&str> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .collect();
    assert_eq!(lines.len(), 3, "every record comes out");
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["id"], 1);
    assert_eq!(first["rewritten"], "Please send the receipt.");
    assert_eq!(first["findings"][0]["rule"], "you-need-to");
    assert_eq!(lines[1], "not json");
    let third: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(third["rewritten"], "Fine.");
    assert_eq!(third["findings"], serde_json::json!([]));
}

#[test]
fn jsonl_on_several_threads_keeps_input_order_across_batches() {
    // More lines than one batch holds, with blank and broken lines among
    // them: every record comes out once, in order, the same on 1 and 3
    // threads, and broken lines are named by their own line number.
    let drafts = [
        "We can't refund you until we receive the item.",
        "Thanks for the kind words!",
        "You need to send the receipt.",
    ];
    let mut input = String::new();
    for i in 0..1500 {
        match i % 250 {
            7 => input.push_str("{broken\n"),
            8 => input.push('\n'),
            _ => input.push_str(&format!(
                "{{\"id\":{i},\"text\":{:?}}}\n",
                drafts[i % drafts.len()]
            )),
        }
    }
    let run = |threads: &str| {
        replywise()
            .args(["rewrite", "--jsonl", "-j", threads])
            .write_stdin(input.clone())
            .output()
            .unwrap()
    };
    let (one, three) = (run("1"), run("3"));
    assert_eq!(one.stdout, three.stdout);
    assert_eq!(one.stderr, three.stderr);
    let stderr = String::from_utf8_lossy(&three.stderr);
    assert!(stderr.contains("<stdin>:258: not valid JSON"), "{stderr}");
    assert!(stderr.contains("<stdin>:1258: not valid JSON"), "{stderr}");
    let out = String::from_utf8(three.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        1500 - 6,
        "blank lines are skipped, no record lost"
    );
    let ids: Vec<i64> = lines
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["id"].as_i64().unwrap())
        .collect();
    let expected: Vec<i64> = (0..1500).filter(|i| !matches!(i % 250, 7 | 8)).collect();
    assert_eq!(ids, expected);
}

#[test]
fn invalid_utf8_and_binary_input_are_reported_not_panicked_on() {
    replywise()
        .arg("rewrite")
        .write_stdin(b"ok\n\xff\xfe bad".to_vec())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:2:1: not UTF-8 text"));
    replywise()
        .arg("rewrite")
        .write_stdin(b"\x00\x01\x02binary".to_vec())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary"));
}

fn user_phrasebook(rules: &str, settings: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(dir.path().join("rules/mine.toml"), rules).unwrap();
    if let Some(settings) = settings {
        fs::write(dir.path().join("rewrite.toml"), settings).unwrap();
    }
    dir
}

const OVERRIDE: &str = r#"
# Our house style says "As I mentioned" is fine, and "to recap" becomes "in short".
[[rule]]
id = "as-i-said"
category = "brush-offs"
message = "house style"
find = '''as\s+I\s+said'''
becomes = "in short"
fix = "auto"
anchor = "clause"
examples = [{ before = "As I said, yes.", after = "In short, yes." }]
keep = ["As I mentioned, yes."]
"#;

#[test]
fn a_user_phrasebook_overrides_disables_and_protects() {
    let dir = user_phrasebook(
        OVERRIDE,
        Some("disable = [\"unfortunately\"]\nprotect = [\"No Problem Plumbing\"]\n"),
    );
    let path = dir.path().display().to_string();
    replywise()
        .args([
            "rewrite",
            "--phrasebook",
            &path,
            "As I said, unfortunately it is late. No Problem Plumbing will call.",
        ])
        .assert()
        .success()
        .stdout("In short, unfortunately it is late. No Problem Plumbing will call.\n");
    replywise()
        .args(["phrasebook", "check", &path])
        .assert()
        .success()
        .stdout(predicate::str::contains("(1 disabled)"))
        .stdout(predicate::str::contains("all "));
}

#[test]
fn a_broken_user_phrasebook_stops_with_a_located_error_before_reading_input() {
    let broken = OVERRIDE.replace(r"find = '''as\s+I\s+said'''", "find = '''as (I said'''");
    let dir = user_phrasebook(&broken, None);
    let path = dir.path().display().to_string();
    replywise()
        .args(["rewrite", "--phrasebook", &path])
        .write_stdin("As I said, yes.")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::is_match(r"rules/mine\.toml:7:8: `find` is not a valid regex").unwrap(),
        );

    let bad_group = OVERRIDE.replace("becomes = \"in short\"", "becomes = \"${nope} in short\"");
    let dir = user_phrasebook(&bad_group, None);
    replywise()
        .args(["phrasebook", "check", &dir.path().display().to_string()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mine.toml:8:11: `becomes` uses ${nope}",
        ));

    let unknown_field = OVERRIDE.replace("fix = \"auto\"", "fix = \"auto\"\nfixx = 1");
    let dir = user_phrasebook(&unknown_field, None);
    replywise()
        .args(["phrasebook", "check", &dir.path().display().to_string()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mine.toml:10:1: unknown field `fixx`",
        ));
}

#[test]
fn phrasebook_check_lists_failing_examples_with_file_and_rule() {
    let wrong = OVERRIDE.replace("after = \"In short, yes.\"", "after = \"Briefly, yes.\"");
    let dir = user_phrasebook(&wrong, None);
    replywise()
        .args(["phrasebook", "check", &dir.path().display().to_string()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("mine.toml:11: as-i-said: rewrote"))
        .stdout(predicate::str::contains("1 of "));
}

#[test]
fn phrasebook_check_list_and_explain_the_builtin_rules() {
    replywise()
        .args(["phrasebook", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("conditions"))
        .stdout(predicate::str::contains("all "));
    replywise()
        .args(["phrasebook", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("cant-until "));
    replywise()
        .args(["phrasebook", "explain", "cant-until"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "becomes:  ${who}${who? }can ${act} as soon as ${cond}",
        ));
    replywise()
        .args(["phrasebook", "explain", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("phrasebook list"));
}

#[test]
fn a_rewrite_says_how_many_suggestions_it_left() {
    replywise()
        .args([
            "rewrite",
            "We don't keep a waiting list. We can't refund you until Monday.",
        ])
        .assert()
        .success()
        .stdout("We don't keep a waiting list. We can refund you from Monday.\n")
        .stderr(predicate::str::contains("1 suggestion left unapplied"));
    replywise()
        .args(["rewrite", "We can refund you from Monday."])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn file_takes_several_paths() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, "Hello.\n").unwrap();
    fs::write(&b, "As I said, it is logged.\n").unwrap();
    replywise()
        .args(["rewrite", "--check", "--file"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:1:1: as-i-said",
            b.display()
        )));
}

#[test]
fn a_user_phrasebook_sets_what_a_limit_suggestion_adds() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("rewrite.toml"),
        "[beside]\nrefusals = \", and we can [your option]\"\n",
    )
    .unwrap();
    replywise()
        .args(["rewrite", "--check", "--phrasebook"])
        .arg(dir.path())
        .arg("We can't match Currys' price.")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "\"can't match Currys' price\" -> \"can't match Currys' price, and we can [your option]\"",
        ));
}

/// A rule file with `rules` rules, all with the given id and message.
fn rule_file(ids_and_messages: &[(&str, &str)]) -> String {
    ids_and_messages
        .iter()
        .map(|(id, message)| {
            format!(
                "[[rule]]\nid = \"{id}\"\ncategory = \"time\"\nmessage = \"{message}\"\nfind = '''zorp\\s+blat'''\nbecomes = '''blat'''\nfix = \"auto\"\nexamples = [ {{ before = \"The zorp blat now.\", after = \"The blat now.\" }} ]\nkeep = [\"Nothing here.\"]\n"
            )
        })
        .collect()
}

#[test]
fn a_broken_user_phrasebook_is_a_located_error_that_says_what_to_do() {
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "rules/x.toml",
            rule_file(&[("my-rule", "one"), ("my-rule", "two")]).into_bytes(),
            "rules/x.toml:11:6: rule id \"my-rule\" is already used at",
        ),
        (
            "rewrite.toml",
            b"disable = [\"no-such-rule\"]\n".to_vec(),
            "rewrite.toml:1:12: `disable` names \"no-such-rule\", which is not a rule",
        ),
        (
            "rules/x.toml",
            rule_file(&[("my-rule", "")]).into_bytes(),
            "rules/x.toml:4:11: `message` must be one non-empty line",
        ),
        (
            "rules/x.toml",
            b"[[rule]]\nid = \"caf\xe9\"\n".to_vec(),
            "rules/x.toml:2:10: not UTF-8 text",
        ),
        (
            "",
            Vec::new(),
            "no phrasebook here; expected rewrite.toml or rules/*.toml",
        ),
    ];
    for (file, body, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        if !file.is_empty() {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, body).unwrap();
        }
        let out = replywise()
            .args(["phrasebook", "check"])
            .arg(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(says), "{file}: {stderr}");
        assert_eq!(stderr.matches("error:").count(), 1, "said once: {stderr}");
    }
}
