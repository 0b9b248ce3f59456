//! `replywise fetch` and source specs in `triage`, as a user runs them.

use crate::common::json_lines;
use crate::server::{Reply, Server};
use assert_cmd::Command;

/// The binary, kept on the local test server even when the environment
/// names a proxy.
fn replywise() -> Command {
    let mut cmd = crate::common::replywise();
    cmd.env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1");
    cmd
}

fn apple_store() -> Server {
    Server::start(|url, _| match url {
        "/us/rss/customerreviews/page=1/id=1000/sortby=mostrecent/json" => {
            Reply::fixture("apple_us_p1.json")
        }
        "/us/rss/customerreviews/page=2/id=1000/sortby=mostrecent/json" => {
            Reply::fixture("apple_us_p2.json")
        }
        _ => Reply::fixture("apple_us_p3_empty.json"),
    })
}

/// `replywise fetch SPEC` against the local test server, no pause between
/// pages.
fn fetch(spec: &str, server: &Server) -> Command {
    let mut cmd = replywise();
    cmd.args(["fetch", spec, "--delay", "0", "--base-url", &server.base]);
    cmd
}

#[test]
fn fetch_piped_into_triage_keeps_every_field() {
    let server = apple_store();
    let fetched = fetch("appstore:1000", &server).output().unwrap();
    assert!(
        fetched.status.success(),
        "{}",
        String::from_utf8_lossy(&fetched.stderr)
    );
    let reviews = json_lines(&fetched.stdout);
    assert_eq!(reviews.len(), 3);
    assert!(
        reviews.iter().all(|r| r.get("label").is_none()),
        "fetch gives no verdict"
    );

    let triaged = replywise()
        .args(["triage", "-"])
        .write_stdin(fetched.stdout.clone())
        .output()
        .unwrap();
    assert!(
        triaged.status.success(),
        "{}",
        String::from_utf8_lossy(&triaged.stderr)
    );
    let rows = json_lines(&triaged.stdout);
    assert_eq!(rows.len(), 3);
    for (fetched, triaged) in reviews.iter().zip(&rows) {
        for field in [
            "id",
            "source",
            "author",
            "rating",
            "rating_raw",
            "title",
            "text",
            "date",
            "date_rfc3339",
            "extra",
        ] {
            assert_eq!(fetched[field], triaged[field], "{field}");
        }
    }
    assert_eq!(rows[0]["id"], "9100000001");
    assert_eq!(rows[0]["source"], "app_store");
    assert_eq!(rows[0]["label"], "negative");
    assert_eq!(rows[1]["label"], "positive");
    assert_eq!(rows[2]["extra"]["im:version"]["label"], "4.1.0");
}

/// The owner's whole job in one pipe: fetch the App Store reviews and draft
/// replies to the ones that need one.
#[test]
fn fetch_piped_into_draft_drafts_the_negative_reviews() {
    let server = apple_store();
    let fetched = fetch("appstore:1000", &server).output().unwrap();
    assert!(fetched.status.success());
    let dir = tempfile::tempdir().unwrap();
    let drafted = replywise()
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["draft", "--format", "jsonl", "-"])
        .write_stdin(fetched.stdout)
        .output()
        .unwrap();
    assert!(
        drafted.status.success(),
        "{}",
        String::from_utf8_lossy(&drafted.stderr)
    );
    let rows = json_lines(&drafted.stdout);
    assert!(!rows.is_empty());
    for row in &rows {
        assert_ne!(row["label"], "positive");
        assert_eq!(row["source"], "app_store");
        assert_eq!(row["platform_limit"]["max"], 5970, "App Store's limit");
        assert!(row["reply"].as_str().is_some_and(|r| r.len() > 80), "{row}");
    }
    assert_eq!(rows[0]["id"], "9100000001");
}

#[test]
fn triage_takes_a_source_spec_directly_beside_files() {
    let server = apple_store();
    let file = format!(
        "{}/tests/fixtures/yelp_fusion.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = replywise()
        .args([
            "triage",
            "appstore:1000",
            &file,
            "--delay",
            "0",
            "--base-url",
            &server.base,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out.stdout);
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["app_store", "app_store", "app_store", "yelp"]);
    assert_eq!(rows[0]["label"], "negative");
}

#[test]
fn a_failed_page_keeps_what_came_before_and_exits_2() {
    let server = Server::start(|url, _| {
        if url.contains("token=") {
            Reply::new(500, "internal error")
        } else {
            Reply::fixture("play_p1.json")
        }
    });
    let out = replywise()
        .env("GOOGLE_PLAY_ACCESS_TOKEN", "ya29.cli-secret-token")
        .args([
            "fetch",
            "play:com.example.app",
            "--delay",
            "0",
            "--attempts",
            "1",
        ])
        .args(["--base-url", &format!("play={}", server.base)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        json_lines(&out.stdout).len(),
        2,
        "the first page is written"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("play:com.example.app: GET http://127.0.0.1:"),
        "{stderr}"
    );
    assert!(stderr.contains("HTTP 500"), "{stderr}");
    assert!(!stderr.contains("ya29.cli-secret-token"), "{stderr}");
}

#[test]
fn keys_from_the_environment_never_reach_stdout_or_stderr() {
    let server = Server::start(|_, _| {
        Reply::new(
            403,
            r#"{"error": {"code": "UNAUTHORIZED", "description": "key yelp-cli-secret-42 revoked"}}"#,
        )
    });
    let out = fetch("yelp:linde-test", &server)
        .env("YELP_API_KEY", "yelp-cli-secret-42")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        server.seen()[0].header("authorization"),
        Some("Bearer yelp-cli-secret-42")
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("yelp-cli-secret-42"), "{all}");
    assert!(
        all.contains("HTTP 403") && all.contains("[REDACTED]"),
        "{all}"
    );
}

#[test]
fn a_cap_that_cut_the_result_short_is_said_on_stderr() {
    let server = Server::start(|_, _| Reply::fixture("yelp_reviews.json"));
    let out = fetch("yelp:linde-test", &server)
        .env("YELP_API_KEY", "k-123456")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(json_lines(&out.stdout).len(), 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("replywise: note: yelp:linde-test: Yelp Fusion returns at most 3"),
        "{stderr}"
    );
}

#[test]
fn bad_specs_and_flags_are_usage_errors() {
    for args in [
        vec!["fetch", "appstore:not-a-number"],
        vec!["fetch", "reviews.csv"],
        vec!["fetch", "appstore:1", "--country", "usa"],
        vec!["fetch", "appstore:1", "--base-url", "ftp://x"],
        vec!["fetch", "appstore:1", "--since", "last tuesday"],
        vec!["triage", "gbp:12"],
    ] {
        let out = replywise().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!out.stderr.is_empty());
    }
    let out = replywise()
        .args(["fetch", "appstore:abc"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("appstore:abc: expected the app's number"),
        "{stderr}"
    );
}

#[test]
fn fetch_help_documents_sources_caps_and_keys() {
    let out = replywise().args(["fetch", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "500 per country",
        "5 reviews per place",
        "3 excerpts",
        "last 7 days",
        "GOOGLE_PLACES_API_KEY",
        "ASC_TOKEN",
        "--base-url",
        "--since",
        "--limit",
        "Examples:",
    ] {
        assert!(help.contains(needle), "{needle} missing from fetch --help");
    }
}

#[test]
fn proxies_come_from_the_environment() {
    // The test server plays the proxy: it gets the absolute URL of a host
    // that does not exist, and answers for it.
    let proxy = Server::start(|url, _| {
        if url.starts_with("http://reviews.invalid/us/rss/customerreviews/page=1/") {
            Reply::fixture("apple_us_p1.json")
        } else {
            Reply::fixture("apple_us_p3_empty.json")
        }
    });
    let out = replywise()
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env_remove("http_proxy")
        .env("HTTP_PROXY", &proxy.base)
        .args(["fetch", "appstore:1000", "--delay", "0"])
        .args(["--base-url", "http://reviews.invalid"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout).len(), 2);
    assert!(
        proxy.urls()[0].starts_with("http://reviews.invalid/us/rss/"),
        "{:?}",
        proxy.urls()
    );
}

#[test]
fn ratings_on_other_scales_survive_the_round_trip() {
    let server = Server::start(|_, _| {
        Reply::new(200, crate::server::fixture("product_page.html"))
            .header("Content-Type", "text/html")
    });
    let fetched = replywise()
        .args(["fetch", &format!("{}/kettle", server.base), "--delay", "0"])
        .output()
        .unwrap();
    let reviews = json_lines(&fetched.stdout);
    // 9 out of 0-10 is 4.6 on the 1-5 scale; reading it back must not
    // take the raw "9" for a new rating.
    assert_eq!(reviews[1]["rating"], 4.6);
    assert_eq!(reviews[1]["rating_raw"], "9");
    let triaged = replywise()
        .args(["triage", "-"])
        .write_stdin(fetched.stdout)
        .output()
        .unwrap();
    let rows = json_lines(&triaged.stdout);
    assert_eq!(rows[1]["rating"], 4.6);
    assert_eq!(rows[1]["rating_raw"], "9");
    assert_eq!(rows[1]["source"], "web");
}

#[test]
fn a_failed_storefront_is_named_and_the_others_are_still_fetched() {
    let server = Server::start(|url, _| {
        if url.starts_with("/us/") {
            Reply::new(500, "internal error")
        } else if url.contains("page=1/") {
            Reply::fixture("apple_gb_p1.json")
        } else {
            Reply::fixture("apple_gb_p2_empty.json")
        }
    });
    let out = replywise()
        .args(["fetch", "appstore:1000", "--country", "us,gb"])
        .args(["--delay", "0", "--attempts", "1"])
        .args(["--base-url", &format!("appstore={}", server.base)])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        !json_lines(&out.stdout).is_empty(),
        "gb is fetched: {stderr}"
    );
    assert!(
        stderr.contains("appstore:1000 (storefront us)") && stderr.contains("HTTP 500"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}
