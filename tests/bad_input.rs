//! The broken exports a new user hits, end to end: every record comes out
//! exactly once, as a result or as a located error, and `--summary` counts
//! tell the truth.

mod common;

use common::{json_lines, replywise};
use std::io::Write;

/// Runs `triage --summary` on `bytes` saved as `name`; returns (exit code,
/// results, stderr).
fn triage(
    name: &str,
    bytes: &[u8],
    args: &[&str],
) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    let out = replywise()
        .args(["triage", "--summary", "--format", "jsonl"])
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    let stderr =
        String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.path().display()), "");
    (out.status.code(), json_lines(&out.stdout), stderr)
}

#[test]
fn a_stray_quote_does_not_swallow_rows_silently() {
    let csv = "id,rating,text\nu1,5,\"Great place, loved it\nu2,2,Bad service, rude staff\nu3,1,Awful \"so bad\" food\nu4,4,fine\n";
    let (code, results, stderr) = triage("export.csv", csv.as_bytes(), &[]);
    assert_eq!(code, Some(2), "{stderr}");
    let ids: Vec<_> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["u4"], "u1's text must not hold u2 and u3");
    assert!(
        stderr.contains("export.csv:2: a quoted cell opened in this row runs on to line 4"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "export.csv:3: this row was read as part of the quoted cell opened on line 2"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("export.csv:4: this row"), "{stderr}");
    assert!(stderr.contains("read 4, wrote 1, failed 3"), "{stderr}");
}

#[test]
fn a_real_multi_line_review_is_still_one_review() {
    let csv = "id,rating,text\nu1,2,\"The fries were cold.\nThe wait, though, was worse, 40 minutes\"\nu2,5,great\n";
    let (code, results, stderr) = triage("export.csv", csv.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(results.len(), 2);
    assert!(results[0]["text"].as_str().unwrap().contains("40 minutes"));
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_without_a_bom_is_read_as_utf16() {
    let csv = "id,rating,text\nu1,1,Awful food\nu2,5,Great\n";
    for little_endian in [true, false] {
        let (code, results, stderr) = triage("play.csv", &utf16(csv, little_endian), &[]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(results.len(), 2, "{stderr}");
        assert_eq!(results[0]["text"], "Awful food");
        assert_eq!(results[0]["rating"], 1.0);
    }
}

#[test]
fn a_named_encoding_decodes_latin1_exports() {
    let csv = b"id,rating,text\nu1,1,Caf\xe9 was cold\nu2,5,Tr\xe8s bien\n";
    let (code, results, stderr) = triage("latin.csv", csv, &["--encoding", "windows-1252"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(results[0]["text"], "Café was cold");
    assert_eq!(results[1]["text"], "Très bien");
    assert!(!stderr.contains("warning"), "{stderr}");
    let (code, _, stderr) = triage("latin.csv", csv, &["--encoding", "klingon"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("unknown encoding \"klingon\""), "{stderr}");
}

#[test]
fn binary_input_is_refused_not_read_as_reviews() {
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let (code, results, stderr) = triage("photo.dat", &bytes, &[]);
    assert_eq!(code, Some(2));
    assert!(results.is_empty());
    assert!(
        stderr.contains("photo.dat: looks like a binary file"),
        "{stderr}"
    );
}

#[test]
fn a_zero_rating_is_no_rating_and_the_review_is_kept() {
    let csv = "id,rating,text\nu1,0,The food was cold\nu2,5,Great\n";
    let (code, results, stderr) = triage("zero.csv", csv.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(results.len(), 2);
    assert!(results[0]["rating"].is_null());
    assert_eq!(results[0]["rating_raw"], "0");
    assert!(stderr.contains("zero.csv:2: a rating of 0"), "{stderr}");
}

#[test]
fn a_header_states_the_scale_and_a_bare_six_is_not_guessed() {
    let csv = "id,Score (out of 10),text\nu1,2,The food was cold\nu2,10,Great\n";
    let (code, results, stderr) = triage("scored.csv", csv.as_bytes(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(results[0]["rating"], 1.8);
    assert_eq!(results[1]["rating"], 5.0);

    let csv = "id,rating,text\nu1,6,The food was cold\n";
    let (code, results, stderr) = triage("six.csv", csv.as_bytes(), &[]);
    assert_eq!(code, Some(2));
    assert!(results.is_empty());
    assert!(
        stderr.contains("six.csv:2: rating 6 is above 5 but the scale is not stated"),
        "{stderr}"
    );
    let (code, results, _) = triage("six.csv", csv.as_bytes(), &["--rating-scale", "10"]);
    assert_eq!(code, Some(0));
    assert_eq!(results[0]["rating"], 3.4);
}

#[test]
fn a_record_over_the_size_limit_is_reported_and_reading_goes_on() {
    let big = "word ".repeat(100);
    for (name, body) in [
        ("big.csv", format!("id,text\n1,ok\n2,{big}\n3,cold food\n")),
        (
            "big.jsonl",
            format!("{{\"text\":\"ok\"}}\n{{\"text\":\"{big}\"}}\n{{\"text\":\"cold food\"}}\n"),
        ),
        ("big.txt", format!("ok\n{big}\ncold food\n")),
        (
            "big.json",
            format!("[{{\"text\":\"ok\"}},{{\"text\":\"{big}\"}},{{\"text\":\"cold food\"}}]"),
        ),
    ] {
        let (code, results, stderr) = triage(name, body.as_bytes(), &["--max-record-bytes", "200"]);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert_eq!(results.len(), 2, "{name}: {stderr}");
        assert_eq!(results[1]["text"], "cold food");
        assert!(
            stderr.contains("over the limit of 200 bytes"),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains("read 3, wrote 2, failed 1"),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn errors_are_printed_once() {
    let (code, _, stderr) = triage(
        "ragged.csv",
        b"id,rating,text\nu1,1,a,b\nu2,2,ok\n",
        &["--strict"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(stderr.matches("row has 4 fields").count(), 1, "{stderr}");
    assert!(
        stderr.contains("stopped at the first bad record (--strict)"),
        "{stderr}"
    );

    let out = replywise()
        .args(["draft", "--profile", "nope.toml", &common::example()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.matches("No such file").count(), 1, "{stderr}");
    assert!(stderr.contains("nope.toml"), "{stderr}");
}

#[test]
fn a_saved_web_page_is_read_for_its_marked_up_reviews() {
    let page = std::fs::read(common::fixture("http/product_page.html")).unwrap();
    let (code, results, stderr) = triage("page.html", &page, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(results.len(), 3, "{stderr}");
    assert!(results.iter().all(|r| r["source"] == "web"));
    assert_eq!(results[0]["author"], "Priya Natarajan");
    assert!(!results
        .iter()
        .any(|r| r["text"].as_str().unwrap().contains("<")));
    // Sniffed from the content too, and a page without reviews says so.
    let (_, results, _) = triage("saved", &page, &[]);
    assert_eq!(results.len(), 3);
    let (code, results, stderr) = triage(
        "empty.html",
        b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        &[],
    );
    assert_eq!(code, Some(2));
    assert!(results.is_empty());
    assert!(
        stderr.contains("empty.html: a web page with no schema.org reviews"),
        "{stderr}"
    );
}
