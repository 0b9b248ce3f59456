//! `replywise draft` as an owner uses it.

mod common;

use assert_cmd::Command;
use common::{example, json_lines, ok_rows};
use serde_json::Value;
use std::collections::BTreeSet;

const PROFILE: &str = r#"
business_name = "Harbour Cafe"
signer_name = "Noor"
signer_role = "Manager"
contact_email = "care@harbour.example"
refund_time = "3 business days"
"#;

fn replywise(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("replywise").unwrap();
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", dir.join("no-config"));
    cmd
}

fn with_profile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("replywise.toml"), PROFILE).unwrap();
    dir
}

#[test]
fn drafts_negative_and_mixed_reviews_with_the_profile() {
    let dir = with_profile();
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl", &example()])
        .output()
        .unwrap();
    let rows = ok_rows(&out);
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(
            matches!(row["label"].as_str(), Some("negative" | "mixed")),
            "{row}"
        );
        let reply = row["reply"].as_str().unwrap();
        assert!(reply.contains("care@harbour.example"), "{reply}");
        assert!(reply.contains("Noor"), "{reply}");
        assert_eq!(
            row["reply_length"].as_u64().unwrap() as usize,
            reply.chars().count()
        );
        assert_eq!(row["placeholders"], serde_json::json!([]));
        assert_eq!(row["needs_human"], false);
    }
    let sarah = rows.iter().find(|r| r["id"] == "r-1001").unwrap();
    assert!(sarah["reply"]
        .as_str()
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .contains("Sarah"));
}

#[test]
fn without_a_profile_every_missing_fact_is_a_visible_slot() {
    let dir = tempfile::tempdir().unwrap();
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl"])
        .write_stdin("text,rating\nThe soup was cold,1\n")
        .output()
        .unwrap();
    let row = &json_lines(&out.stdout)[0];
    let reply = row["reply"].as_str().unwrap();
    let slots: Vec<&str> = row["placeholders"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(slots.contains(&"[contact e-mail or phone]"), "{slots:?}");
    assert!(slots.contains(&"[your name]"), "{slots:?}");
    for slot in slots {
        assert!(reply.contains(slot), "{reply}");
    }
}

#[test]
fn all_also_thanks_happy_reviewers() {
    let dir = with_profile();
    let out = replywise(dir.path())
        .args(["draft", "--all", "--format", "jsonl", &example()])
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 8);
    let tom = rows.iter().find(|r| r["id"] == "r-1002").unwrap();
    let reply = tom["reply"].as_str().unwrap();
    let blocks = replywise::draft::Blocks::builtin();
    // A thanks written for happy reviews, with what Tom praised.
    let thanks: Vec<_> = tom["reply_sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["block"].as_str().unwrap().starts_with("thanks."))
        .collect();
    assert_eq!(thanks.len(), 1, "{reply}");
    let block = blocks
        .blocks
        .iter()
        .find(|b| b.id == thanks[0]["block"].as_str().unwrap())
        .unwrap();
    assert!(
        block.replies.is_empty()
            || block
                .replies
                .contains(&replywise::draft::blocks::Reply::Praise),
        "{reply}"
    );
    assert_eq!(
        thanks[0]["from"], "review",
        "it names what Tom liked: {reply}"
    );
    assert!(!reply.contains("sorry"), "{reply}");
}

#[test]
fn google_play_drafts_fit_350_characters() {
    let dir = with_profile();
    let out = replywise(dir.path())
        .args([
            "draft",
            "--platform",
            "google_play",
            "--format",
            "jsonl",
            &example(),
        ])
        .output()
        .unwrap();
    let rows = ok_rows(&out);
    assert!(!rows.is_empty(), "there are drafts to check");
    for row in rows {
        let reply = row["reply"].as_str().unwrap();
        assert!(
            reply.chars().count() <= 350 || row["needs_human"] == true,
            "{reply}"
        );
        assert_eq!(row["platform_limit"]["max"], 350);
        assert!(
            reply.contains("care@harbour.example"),
            "the next step is never dropped: {reply}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_drafts_byte_for_byte() {
    let dir = with_profile();
    let run = || {
        replywise(dir.path())
            .args(["draft", "--format", "jsonl", &example()])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn across_a_hundred_drafts_no_body_sentence_but_courtesy_repeats_in_more_than_ten() {
    let dir = with_profile();
    let complaints = [
        "The food was cold",
        "We waited an hour",
        "Rude staff",
        "Dirty tables",
        "Overpriced and bland",
        "My order never arrived",
        "Charged twice",
        "The app keeps crashing",
        "Noisy room",
        "Wrong item",
    ];
    let mut input = String::from("id,text,rating\n");
    for i in 0..100 {
        input.push_str(&format!(
            "rev-{i},{} (visit {i}),1\n",
            complaints[i % complaints.len()]
        ));
    }
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 100);
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    for row in &rows {
        let mut once = BTreeSet::new();
        for s in row["reply_sentences"].as_array().unwrap() {
            let block = s["block"].as_str().unwrap();
            let body = !block.starts_with("greeting.") && !block.starts_with("sign_off.");
            if body
                && s["from"] != "courtesy"
                && once.insert(s["text"].as_str().unwrap().to_string())
            {
                *seen
                    .entry(s["text"].as_str().unwrap().to_string())
                    .or_default() += 1;
            }
        }
    }
    for (sentence, n) in &seen {
        assert!(*n <= 10, "{n} of 100 drafts say {sentence:?}");
    }
    assert!(seen.len() >= 20, "{seen:?}");
}

#[test]
fn markdown_pack_has_review_verdict_draft_and_checkbox() {
    let dir = with_profile();
    let out = replywise(dir.path())
        .args(["draft", "--format", "md", &example()])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Review pack"));
    assert!(
        md.contains("## 1. Sarah Whitfield · ★ 1 · negative"),
        "{md}"
    );
    assert!(md.contains("> We waited 45 minutes"), "{md}");
    assert!(md.contains("**Draft reply**"));
    assert_eq!(
        md.matches("- [ ] Done").count(),
        md.matches("\n## ").count()
    );
}

#[test]
fn table_with_drafts_fits_80_columns() {
    let dir = with_profile();
    let out = replywise(dir.path())
        .args(["draft", "--format", "table", "--color", "never", &example()])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("draft reply"));
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
}

#[test]
fn a_broken_profile_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("replywise.toml"),
        "signer_name = \"Noor\"\ntone = \"grumpy\"\n",
    )
    .unwrap();
    let out = replywise(dir.path())
        .args(["draft"])
        .write_stdin("awful\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("replywise.toml:2:"), "{stderr}");
}

#[test]
fn the_readme_example_is_what_draft_prints() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().unwrap();
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl", "--profile"])
        .arg(format!("{root}/examples/replywise.toml"))
        .arg(example())
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    let sarah = &rows[0];
    let reply = sarah["reply"].as_str().unwrap().to_string();
    // The draft is checked against the review, not only against README:
    // every sentence that names her complaints rests on her own words.
    let mut named = Vec::new();
    for s in sarah["reply_sentences"].as_array().unwrap() {
        if s["from"] != "review" {
            continue;
        }
        for e in s["evidence"].as_array().unwrap() {
            let field = sarah[e["field"].as_str().unwrap()].as_str().unwrap();
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&field[start..end], e["text"].as_str().unwrap(), "{s}");
            named.push(e["text"].as_str().unwrap().to_string());
        }
    }
    assert!(named.iter().any(|n| n.contains("45 minutes")), "{named:?}");
    assert!(
        named.iter().any(|n| n.contains("fries were cold")),
        "{named:?}"
    );
    assert!(
        reply.contains("45 minutes"),
        "her wait, as she wrote it: {reply}"
    );
    for never_said in ["staff spoke", "rude", "on us", "refund"] {
        assert!(
            !reply.contains(never_said),
            "Sarah never said {never_said:?}: {reply}"
        );
    }
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    assert!(
        readme.contains(&format!("```text\n{reply}\n```")),
        "README's draft example is stale:\n{reply}"
    );
}

#[test]
fn drafts_pass_through_the_phrasebook_at_run_time() {
    // A profile fact in "can't" wording is rewritten in the draft.
    let dir = tempfile::tempdir().unwrap();
    let profile = PROFILE.replace(
        "refund_time = \"3 business days\"",
        "refund_time = \"3 business days like everyone else\"\noffers = [\"refund\"]",
    );
    std::fs::write(dir.path().join("replywise.toml"), profile).unwrap();
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl"])
        .write_stdin("text,rating\nI was charged twice for one order,1\n")
        .output()
        .unwrap();
    let row = &json_lines(&out.stdout)[0];
    let reply = row["reply"].as_str().unwrap();
    assert!(
        reply.contains("3 business days") && !reply.contains("everyone else"),
        "{reply}"
    );

    // A user's own rule that needs a person flags every draft it finds.
    let book = dir.path().join("book/rules");
    std::fs::create_dir_all(&book).unwrap();
    std::fs::write(
        book.join("house.toml"),
        r#"
[[rule]]
id = "house-no-sorry"
category = "wording"
message = "our house style thanks instead of apologising"
find = '''sorry'''
becomes = '''[a thank-you instead]'''
fix = "suggest"
examples = [{ before = "We're sorry.", after = "We're [a thank-you instead]." }]
keep = ["Thank you."]
"#,
    )
    .unwrap();
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl", "--phrasebook"])
        .arg(dir.path().join("book"))
        .write_stdin("text,rating\nThe soup was cold,1\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row = &json_lines(&out.stdout)[0];
    assert_eq!(row["needs_human"], true, "{row}");
    assert!(
        row["needs_human_reason"]
            .as_str()
            .unwrap()
            .contains("house-no-sorry"),
        "{row}"
    );
}

#[test]
fn a_review_about_another_business_gets_only_a_holding_reply_for_a_person() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("replywise.toml"),
        "kind = \"app\"\nbusiness_name = \"TableTap\"\ncontact_email = \"help@tabletap.example\"\n",
    )
    .unwrap();
    let input = dir.path().join("r.jsonl");
    std::fs::write(
        &input,
        r#"{"id": "d1", "text": "We were seated late, our waiter forgot the appetizers and the soup was cold.", "rating": 1}"#,
    )
    .unwrap();
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl"])
        .arg(&input)
        .output()
        .unwrap();
    let row = &ok_rows(&out)[0];
    assert_eq!(row["about_other_business"], true, "{row}");
    assert_eq!(row["needs_human"], true);
    let why = row["needs_human_reason"].as_str().unwrap();
    assert!(why.contains("another business"), "{why}");
    // Nothing in the reply apologises for the other business's food.
    let reply = row["reply"].as_str().unwrap().to_lowercase();
    assert!(
        !reply.contains("food") && !reply.contains("sorry"),
        "{reply}"
    );
}

#[test]
fn reviews_already_answered_are_skipped_unless_asked_and_the_summary_says_so() {
    let dir = with_profile();
    let input = "id,text,rating,owner_response\na,The soup was cold,1,\nb,The soup was cold,1,\"Sorry Ann, we will call you\"\n";
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl", "--summary"])
        .write_stdin(input)
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert_eq!(
        rows.iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["a"]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 review was already answered"), "{stderr}");
    assert!(
        stderr.contains("filtered out 1 (1 already answered)"),
        "{stderr}"
    );
    let out = replywise(dir.path())
        .args(["draft", "--format", "jsonl", "--include-answered"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout).len(), 2);
}

#[test]
fn the_formal_tone_opens_with_dear_and_never_exclaims() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("replywise.toml"),
        format!("{PROFILE}tone = \"formal\"\n"),
    )
    .unwrap();
    let out = replywise(dir.path())
        .args(["draft", "--all", "--format", "jsonl", &example()])
        .output()
        .unwrap();
    let rows = ok_rows(&out);
    assert_eq!(rows.len(), 8, "every review is drafted under --all");
    for row in rows {
        let reply = row["reply"].as_str().unwrap();
        assert!(!reply.contains('!'), "{reply}");
        assert!(
            !reply.starts_with("Hello") && !reply.starts_with("Hi"),
            "{reply}"
        );
        if row["author"]
            .as_str()
            .is_some_and(|a| a.starts_with("Sarah"))
        {
            assert!(reply.starts_with("Dear Sarah,"), "{reply}");
        }
    }
}

#[test]
fn only_the_offers_the_profile_lists_are_made() {
    let dir = with_profile();
    let input = "id,text,rating\na,I was charged twice for one order,1\n";
    let offer = |dir: &std::path::Path| {
        let out = replywise(dir)
            .args(["draft", "--format", "jsonl"])
            .write_stdin(input)
            .output()
            .unwrap();
        json_lines(&out.stdout)[0]["reply_sentences"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["block"].as_str().unwrap().starts_with("offer."))
            .map(|s| s["profile_keys"][0].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(offer(dir.path()).is_empty(), "the profile offers nothing");
    std::fs::write(
        dir.path().join("replywise.toml"),
        format!("{PROFILE}offers = [\"refund\"]\n"),
    )
    .unwrap();
    assert_eq!(offer(dir.path()), ["offers.refund"]);
}
