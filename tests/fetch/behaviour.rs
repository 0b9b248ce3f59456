//! How the client behaves on the wire: retries, Retry-After, backoff,
//! timeouts, redirects, size caps, bad bodies, gzip and politeness.

use crate::server::{fixture, Reply, Server};
use crate::{fetch, fetch_with};
use replywise::fetch::secrets::GOOGLE_PLAY_ACCESS_TOKEN;
use replywise::fetch::{Credentials, Secret};
use std::io::Write;
use std::time::{Duration, Instant, SystemTime};

const APPLE_P1: &str = "/us/rss/customerreviews/page=1/id=1000/sortby=mostrecent/json";
const PLAY_P1: &str = "/androidpublisher/v3/applications/com.example.app/reviews?maxResults=100";

fn play_token() -> Credentials {
    Credentials::default().with(GOOGLE_PLAY_ACCESS_TOKEN, Secret::new("ya29.test-token"))
}

/// The first Apple page, then the end of the feed.
fn apple_after(first: impl Fn(usize) -> Reply + Send + Sync + 'static) -> Server {
    Server::start(move |url, nth| match url {
        APPLE_P1 => first(nth),
        _ => Reply::fixture("apple_us_p3_empty.json"),
    })
}

#[test]
fn a_429_is_retried_after_the_seconds_retry_after_names() {
    let server = apple_after(|nth| match nth {
        0 => Reply::new(429, "slow down").header("Retry-After", "7"),
        _ => Reply::fixture("apple_us_p1.json"),
    });
    let run = fetch("appstore:1000", &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.reviews.len(), 2);
    assert_eq!(run.pauses, [Duration::from_secs(7)]);
    assert_eq!(server.urls()[..2], [APPLE_P1, APPLE_P1]);
}

#[test]
fn a_503_is_retried_at_the_http_date_retry_after_names() {
    let server = apple_after(|nth| match nth {
        0 => {
            let when = SystemTime::now() + Duration::from_secs(30);
            Reply::new(503, "maintenance").header("Retry-After", &httpdate::fmt_http_date(when))
        }
        _ => Reply::fixture("apple_us_p1.json"),
    });
    let run = fetch("appstore:1000", &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.pauses.len(), 1);
    let wait = run.pauses[0];
    assert!(
        wait > Duration::from_secs(27) && wait <= Duration::from_secs(30),
        "{wait:?}"
    );
}

#[test]
fn a_retry_after_longer_than_we_wait_ends_the_fetch_clearly() {
    let server = apple_after(|_| Reply::new(429, "").header("Retry-After", "3600"));
    let run = fetch("appstore:1000", &server);
    let error = run.error();
    assert!(error.contains("HTTP 429"), "{error}");
    assert!(error.contains("retry after 3600s"), "{error}");
    assert!(run.pauses.is_empty());
}

#[test]
fn a_500_then_success_backs_off_with_jitter_and_goes_on() {
    let server = apple_after(|nth| match nth {
        0 | 1 => Reply::new(500, "oops"),
        _ => Reply::fixture("apple_us_p1.json"),
    });
    let run = fetch("appstore:1000", &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.reviews.len(), 2);
    // Base 200 ms doubling: [100, 200] ms, then [200, 400] ms.
    assert_eq!(run.pauses.len(), 2, "{:?}", run.pauses);
    assert!(
        (100..=200).contains(&run.pauses[0].as_millis()),
        "{:?}",
        run.pauses
    );
    assert!(
        (200..=400).contains(&run.pauses[1].as_millis()),
        "{:?}",
        run.pauses
    );
}

#[test]
fn attempts_are_bounded_and_reviews_before_the_failure_are_kept() {
    let server = Server::start(|url, _| match url {
        PLAY_P1 => Reply::fixture("play_p1.json"),
        _ => Reply::new(
            502,
            r#"{"error": {"code": 502, "message": "backend unavailable"}}"#,
        ),
    });
    let run = fetch_with("play:com.example.app", &server, &play_token(), |_| {});
    assert_eq!(run.ids(), ["gp:AOqpTOtest-001", "gp:AOqpTOtest-002"]);
    let error = run.error();
    assert!(error.starts_with("play:com.example.app: GET "), "{error}");
    assert!(error.contains("&token=REDACTED"), "{error}");
    assert!(error.contains("HTTP 502"), "{error}");
    assert!(error.contains("gave up after 3 attempts"), "{error}");
    assert!(error.contains("backend unavailable"), "{error}");
    assert!(
        error.ends_with("the server is having trouble; try again later"),
        "{error}"
    );
    assert_eq!(server.urls().len(), 4, "one first page and three tries");
}

#[test]
fn a_slow_answer_hits_the_timeout() {
    let server = apple_after(|_| Reply::fixture("apple_us_p1.json").after(Duration::from_secs(3)));
    let started = Instant::now();
    let run = fetch_with("appstore:1000", &server, &Default::default(), |o| {
        o.http.timeout = Duration::from_millis(300);
        o.http.attempts = 2;
    });
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let error = run.error();
    assert!(error.contains("gave up after 2 attempts"), "{error}");
    assert!(error.contains("no complete answer within 0.3s"), "{error}");
    assert_eq!(server.urls().len(), 2, "a timeout is retried");
}

#[test]
fn a_refused_connection_is_retried_then_reported() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let server = Server::start(|_, _| Reply::new(404, ""));
    let run = fetch_with("appstore:1000", &server, &Default::default(), |o| {
        o.base_urls = Default::default();
        o.base_urls
            .add(&format!("http://127.0.0.1:{port}"))
            .unwrap();
    });
    let error = run.error();
    assert!(error.contains("could not connect"), "{error}");
    assert!(error.contains("gave up after 3 attempts"), "{error}");
    assert_eq!(run.pauses.len(), 2);
}

#[test]
fn malformed_json_and_html_are_clear_errors() {
    let server = apple_after(|_| Reply::json(r#"{"feed": {"entry": [ {"id": "#));
    let error = fetch("appstore:1000", &server).error();
    assert!(error.contains("malformed JSON"), "{error}");
    assert!(error.contains("HTTP 200"), "{error}");
    assert!(error.contains(APPLE_P1), "{error}");

    let server = apple_after(|_| {
        Reply::new(200, "<!DOCTYPE html><html><body>Sign in</body></html>")
            .header("Content-Type", "text/html")
    });
    let error = fetch("appstore:1000", &server).error();
    assert!(
        error.contains("expected JSON but got an HTML page"),
        "{error}"
    );
}

#[test]
fn redirects_are_followed() {
    let server = Server::start(|url, _| match url {
        APPLE_P1 => Reply::new(301, "").header("Location", "/moved/page1"),
        "/moved/page1" => Reply::fixture("apple_us_p1.json"),
        _ => Reply::fixture("apple_us_p3_empty.json"),
    });
    let run = fetch("appstore:1000", &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.reviews.len(), 2);
    assert!(run.reviews[0].location.to_string().contains("/moved/page1"));
}

#[test]
fn a_keyed_request_is_not_redirected_to_another_host() {
    let elsewhere = Server::start(|_, _| Reply::fixture("play_p2.json"));
    let target = format!("{}/steal", elsewhere.base);
    let server = Server::start(move |_, _| Reply::new(302, "").header("Location", &target));
    let run = fetch_with("play:com.example.app", &server, &play_token(), |_| {});
    let error = run.error();
    assert!(error.contains("redirect not followed"), "{error}");
    assert!(error.contains("carries a key"), "{error}");
    assert!(
        elsewhere.urls().is_empty(),
        "the token went to another host"
    );
}

#[test]
fn oversized_bodies_are_refused_with_or_without_a_length() {
    for chunked in [false, true] {
        let server = apple_after(move |_| {
            let reply = Reply::json(vec![b' '; 64 * 1024]);
            if chunked {
                reply.chunked()
            } else {
                reply
            }
        });
        let run = fetch_with("appstore:1000", &server, &Default::default(), |o| {
            o.http.max_body = 16 * 1024;
        });
        let error = run.error();
        assert!(
            error.contains("larger than the"),
            "chunked {chunked}: {error}"
        );
        assert_eq!(server.urls().len(), 1, "a too-large body is not retried");
    }
}

#[test]
fn gzip_bodies_are_decompressed() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&fixture("apple_us_p1.json")).unwrap();
    let gzipped = encoder.finish().unwrap();
    let server =
        apple_after(move |_| Reply::json(gzipped.clone()).header("Content-Encoding", "gzip"));
    let run = fetch("appstore:1000", &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.reviews.len(), 2);
}

#[test]
fn pages_are_fetched_with_a_polite_pause_between_them() {
    let server = Server::start(|url, _| match url {
        PLAY_P1 => Reply::fixture("play_p1.json"),
        _ => Reply::fixture("play_p2.json"),
    });
    let run = fetch_with("play:com.example.app", &server, &play_token(), |o| {
        o.http.page_delay = Duration::from_secs(2);
    });
    run.result.as_ref().unwrap();
    assert_eq!(run.pauses.len(), 1);
    assert!(
        run.pauses[0] > Duration::from_millis(1500),
        "{:?}",
        run.pauses
    );
}
