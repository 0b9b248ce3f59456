//! `appstore:`: paging to the end, storefronts, de-duplication, the
//! page-10 cap and Apple's page-11 text.

use crate::server::{fixture, Reply, Server};
use crate::{fetch, fetch_with};
use replywise::review::Platform;

/// Apple's path for one page of one storefront.
fn page_path(country: &str, page: u32) -> String {
    format!("/{country}/rss/customerreviews/page={page}/id=1000/sortby=mostrecent/json")
}

fn apple_store() -> Server {
    Server::start(|url, _| match url {
        u if u == page_path("us", 1) => Reply::fixture("apple_us_p1.json"),
        u if u == page_path("us", 2) => Reply::fixture("apple_us_p2.json"),
        u if u == page_path("us", 3) => Reply::fixture("apple_us_p3_empty.json"),
        u if u == page_path("gb", 1) => Reply::fixture("apple_gb_p1.json"),
        u if u == page_path("gb", 2) => Reply::fixture("apple_gb_p2_empty.json"),
        _ => Reply::new(404, "not found"),
    })
}

#[test]
fn pages_to_the_empty_envelope_across_storefronts_without_duplicates() {
    let server = apple_store();
    let run = fetch_with("appstore:1000", &server, &Default::default(), |o| {
        o.countries = vec!["us".into(), "gb".into()];
    });
    run.result.as_ref().unwrap();
    assert_eq!(
        server.urls(),
        [
            page_path("us", 1),
            page_path("us", 2),
            page_path("us", 3),
            page_path("gb", 1),
            page_path("gb", 2)
        ]
    );
    // 9100000002 is in both storefronts; 9100000003 came as a bare object.
    assert_eq!(
        run.ids(),
        ["9100000001", "9100000002", "9100000003", "9100000004"]
    );
    assert!(run.notes.is_empty(), "{:?}", run.notes);
    let first = &run.reviews[0];
    assert_eq!(first.source, Platform::AppStore);
    assert_eq!(first.author.as_deref(), Some("tidal_mike"));
    assert_eq!(first.rating, Some(1.0));
    assert_eq!(first.title.as_deref(), Some("Sync lost my notes"));
    assert!(first.text.starts_with("After the 4.2 update"));
    assert_eq!(
        first.date_rfc3339.as_deref(),
        Some("2025-10-01T19:02:11-07:00")
    );
    assert!(first.location.to_string().starts_with(&format!(
        "{}{}: record 1",
        server.base,
        page_path("us", 1)
    )));
    let seen = &server.seen()[0];
    assert!(seen.header("user-agent").unwrap().starts_with("replywise/"));
    assert!(seen.header("accept-encoding").unwrap().contains("gzip"));
}

#[test]
fn stops_after_page_ten_and_says_the_cap_cut_it_short() {
    let server = Server::start(|url, _| {
        // Every page has one review, with an id of its own.
        let page: u32 = url
            .split("page=")
            .nth(1)
            .and_then(|p| p.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let body = String::from_utf8(fixture("apple_us_p2.json"))
            .unwrap()
            .replace("9100000003", &format!("92000000{page:02}"));
        Reply::json(body)
    });
    let run = fetch("appstore:1000", &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.reviews.len(), 10);
    let urls = server.urls();
    assert_eq!(urls.len(), 10, "page 11 is never asked for: {urls:?}");
    assert_eq!(urls[9], page_path("us", 10));
    assert_eq!(run.notes.len(), 1);
    assert!(
        run.notes[0].contains("appstore:1000 (us)") && run.notes[0].contains("500 per country"),
        "{}",
        run.notes[0]
    );
}

#[test]
fn apples_page_depth_text_ends_the_storefront_cleanly() {
    for status in [200, 400] {
        let server = Server::start(move |url, _| match url {
            u if u == page_path("us", 1) => Reply::fixture("apple_us_p1.json"),
            _ => Reply::new(status, fixture("apple_page_depth.txt"))
                .header("Content-Type", "text/plain"),
        });
        let run = fetch("appstore:1000", &server);
        assert!(run.result.is_ok(), "status {status}: {:?}", run.result);
        assert_eq!(run.ids(), ["9100000001", "9100000002"]);
        assert_eq!(run.notes.len(), 1, "{:?}", run.notes);
        assert!(run.notes[0].contains("10 pages"));
    }
}

#[test]
fn limit_stops_mid_page_and_asks_for_nothing_more() {
    let server = apple_store();
    let run = fetch_with("appstore:1000", &server, &Default::default(), |o| {
        o.countries = vec!["us".into(), "gb".into()];
        o.limit = Some(1);
    });
    run.result.as_ref().unwrap();
    assert_eq!(run.ids(), ["9100000001"]);
    assert_eq!(server.urls(), [page_path("us", 1)]);
}

#[test]
fn since_stops_paging_at_the_first_older_review() {
    let server = apple_store();
    let run = fetch_with("appstore:1000", &server, &Default::default(), |o| {
        o.since = Some("2025-10-01T00:00:00Z".parse().unwrap());
    });
    run.result.as_ref().unwrap();
    assert_eq!(run.ids(), ["9100000001"]);
    assert_eq!(server.urls(), [page_path("us", 1)]);
}

#[test]
fn a_feed_of_the_wrong_shape_is_a_clear_error() {
    let server = Server::start(|_, _| Reply::json(r#"{"feed": [1, 2]}"#));
    let run = fetch("appstore:1000", &server);
    let error = run.error();
    assert!(
        error.starts_with("appstore:1000: GET http://127.0.0.1:"),
        "{error}"
    );
    assert!(error.contains("HTTP 200"), "{error}");
    assert!(error.contains("expected Apple's feed"), "{error}");
}
