//! The keyed APIs and web pages: requests carry the key the right way,
//! paging follows each API's own scheme, payloads map to reviews, caps are
//! noted, and keys never show.

use crate::server::{fixture, Reply, Server};
use crate::{fetch, fetch_with};
use replywise::fetch::secrets::*;
use replywise::fetch::{Credentials, Secret};
use replywise::review::Platform;

fn with_key(var: &'static str, value: &str) -> Credentials {
    Credentials::default().with(var, Secret::new(value))
}

#[test]
fn places_sends_the_key_in_a_header_and_notes_the_five_review_cap() {
    let server = Server::start(|_, _| Reply::fixture("places_new_place.json"));
    let run = fetch_with(
        "places:ChIJtestHarbour01",
        &server,
        &with_key(GOOGLE_PLACES_API_KEY, "AIzaTestKey123"),
        |_| {},
    );
    run.result.as_ref().unwrap();
    let seen = &server.seen()[0];
    assert_eq!(seen.url, "/v1/places/ChIJtestHarbour01");
    assert_eq!(seen.header("x-goog-api-key"), Some("AIzaTestKey123"));
    assert!(seen.header("x-goog-fieldmask").unwrap().contains("reviews"));
    assert_eq!(run.reviews.len(), 5);
    let r = &run.reviews[0];
    assert_eq!(r.source, Platform::GooglePlaces);
    assert_eq!(r.author.as_deref(), Some("Noor H."));
    assert_eq!(r.rating, Some(1.0));
    assert_eq!(r.extra["place"]["displayName"], "Harbour Cafe");
    // The original language is kept over Google's translation.
    assert_eq!(
        run.reviews[2].text,
        "Guter Kaffee, aber sonntags sehr voll."
    );
    assert_eq!(run.notes.len(), 1);
    assert!(run.notes[0].contains("at most 5 reviews") && run.notes[0].contains("of 212"));
}

#[test]
fn yelp_sends_a_bearer_key_and_notes_the_excerpt_cap() {
    let server = Server::start(|_, _| Reply::fixture("yelp_reviews.json"));
    let run = fetch_with(
        "yelp:linde-test",
        &server,
        &with_key(YELP_API_KEY, "yelp-key-xyz"),
        |_| {},
    );
    run.result.as_ref().unwrap();
    let seen = &server.seen()[0];
    assert!(
        seen.url.starts_with("/v3/businesses/linde-test/reviews?"),
        "{}",
        seen.url
    );
    assert_eq!(seen.header("authorization"), Some("Bearer yelp-key-xyz"));
    assert_eq!(
        run.ids(),
        [
            "xAG4O7l-t1ubbwVAlPnDKg",
            "1JNmYjJgRWOBVaYPNjcyZw",
            "SKzUq5S5bw8M5jnQvNv3XQ"
        ]
    );
    assert_eq!(run.reviews[0].source, Platform::Yelp);
    assert_eq!(run.reviews[0].author.as_deref(), Some("Ella A."));
    assert!(run.notes[0].contains("at most 3 reviews") && run.notes[0].contains("of 48"));
}

#[test]
fn trustpilot_maps_the_api_shape_with_its_company_reply() {
    let server = Server::start(|_, _| Reply::fixture("trustpilot_reviews.json"));
    let run = fetch_with(
        "trustpilot:5f1e0000aaaa",
        &server,
        &with_key(TRUSTPILOT_API_KEY, "tp-key-1"),
        |_| {},
    );
    run.result.as_ref().unwrap();
    let seen = &server.seen()[0];
    assert_eq!(seen.header("apikey"), Some("tp-key-1"));
    assert!(
        !seen.url.contains("tp-key-1"),
        "the key stays out of the URL"
    );
    assert_eq!(server.urls().len(), 1, "a short page is the last");
    let r = &run.reviews[0];
    assert_eq!(r.source, Platform::Trustpilot);
    assert_eq!(r.author.as_deref(), Some("Marta Kowalska"));
    assert_eq!(r.rating, Some(1.0));
    assert_eq!(r.title.as_deref(), Some("Parcel never arrived"));
    assert_eq!(r.date_rfc3339.as_deref(), Some("2025-09-25T08:11:02Z"));
    assert!(r
        .owner_reply
        .as_deref()
        .unwrap()
        .starts_with("Marta, we are sorry"));
    assert_eq!(run.reviews[1].owner_reply, None);
}

#[test]
fn play_follows_token_pagination_and_notes_the_seven_day_window() {
    let server = Server::start(|url, _| {
        if url.contains("token=CgwIo_test_page_2") {
            Reply::fixture("play_p2.json")
        } else {
            Reply::fixture("play_p1.json")
        }
    });
    let token = with_key(GOOGLE_PLAY_ACCESS_TOKEN, "ya29.token");
    let run = fetch_with("play:com.example.app", &server, &token, |_| {});
    run.result.as_ref().unwrap();
    assert_eq!(server.urls().len(), 2);
    assert_eq!(
        server.seen()[1].header("authorization"),
        Some("Bearer ya29.token")
    );
    assert_eq!(
        run.ids(),
        [
            "gp:AOqpTOtest-001",
            "gp:AOqpTOtest-002",
            "gp:AOqpTOtest-003"
        ]
    );
    assert_eq!(run.reviews[1].title.as_deref(), Some("Good"));
    assert_eq!(run.reviews[1].text, "Does the job, dark mode please");
    assert_eq!(run.reviews[0].title, None);
    assert!(run.notes[0].contains("last 7 days"));
}

#[test]
fn business_profile_follows_next_page_tokens_and_keeps_the_original_text() {
    let server = Server::start(|url, _| {
        if url.contains("pageToken=CiBnYnAtcGFnZS0y") {
            Reply::fixture("gbp_p2.json")
        } else {
            Reply::fixture("gbp_p1.json")
        }
    });
    let run = fetch_with(
        "gbp:111/222",
        &server,
        &with_key(GBP_ACCESS_TOKEN, "gbp-token"),
        |_| {},
    );
    run.result.as_ref().unwrap();
    let urls = server.urls();
    assert!(
        urls[0].starts_with("/v4/accounts/111/locations/222/reviews?"),
        "{urls:?}"
    );
    assert_eq!(urls.len(), 2);
    assert_eq!(run.ids(), ["AbFvOqtest1", "AbFvOqtest2"]);
    assert_eq!(run.reviews[0].text, "La camera puzzava di fumo.");
    assert_eq!(run.reviews[0].rating, Some(2.0));
    assert_eq!(run.reviews[1].owner_reply.as_deref(), Some("Thank you!"));
}

#[test]
fn app_store_connect_follows_links_next_on_our_own_host() {
    let server = Server::start(|url, _| {
        if url.contains("cursor=Ag.test") {
            Reply::fixture("asc_p2.json")
        } else {
            Reply::fixture("asc_p1.json")
        }
    });
    let run = fetch_with(
        "asc:1000",
        &server,
        &with_key(ASC_TOKEN, "eyJ.test.jwt"),
        |_| {},
    );
    run.result.as_ref().unwrap();
    let urls = server.urls();
    assert_eq!(
        urls.len(),
        2,
        "links.next named Apple's host; it was moved onto the base URL"
    );
    assert!(urls[1].contains("cursor=Ag.test"));
    assert_eq!(run.reviews.len(), 3);
    assert_eq!(run.reviews[0].source, Platform::AppStore);
    assert_eq!(
        run.reviews[0].title.as_deref(),
        Some("Subscription charged twice")
    );
}

#[test]
fn a_missing_key_names_its_variable_and_sends_nothing() {
    let server = Server::start(|_, _| Reply::new(500, ""));
    for (spec, var) in [
        ("places:X1", GOOGLE_PLACES_API_KEY),
        ("yelp:x", YELP_API_KEY),
        ("trustpilot:x", TRUSTPILOT_API_KEY),
        ("play:com.x", GOOGLE_PLAY_ACCESS_TOKEN),
        ("gbp:1/2", GBP_ACCESS_TOKEN),
        ("asc:1", ASC_TOKEN),
    ] {
        let error = fetch(spec, &server).error();
        assert!(error.starts_with(spec) && error.contains(var), "{error}");
    }
    assert!(server.urls().is_empty());
}

#[test]
fn keys_never_appear_in_errors_even_when_the_server_echoes_them() {
    let server = Server::start(|_, _| {
        Reply::new(
            401,
            r#"{"error": {"code": 401, "message": "API key AIzaEchoedSecret99 is not valid"}}"#,
        )
    });
    let run = fetch_with(
        "places:X1",
        &server,
        &with_key(GOOGLE_PLACES_API_KEY, "AIzaEchoedSecret99"),
        |_| {},
    );
    let error = run.error();
    assert!(!error.contains("AIzaEchoedSecret99"), "{error}");
    assert!(!format!("{:?}", run.result).contains("AIzaEchoedSecret99"));
    assert!(
        error.contains("HTTP 401") && error.contains("API key [REDACTED] is not valid"),
        "{error}"
    );
    assert!(error.contains("check the key"), "{error}");
}

#[test]
fn web_pages_yield_their_json_ld_reviews() {
    let server = Server::start(|url, _| match url {
        "/kettle" => Reply::new(200, fixture("product_page.html"))
            .header("Content-Type", "text/html; charset=utf-8"),
        "/linde" => {
            Reply::new(200, fixture("microdata_page.html")).header("Content-Type", "text/html")
        }
        _ => Reply::new(200, "<html><body>Nothing here</body></html>")
            .header("Content-Type", "text/html"),
    });
    let run = fetch(&format!("{}/kettle", server.base), &server);
    run.result.as_ref().unwrap();
    assert_eq!(run.reviews.len(), 3);
    assert!(run.reviews.iter().all(|r| r.source == Platform::Web));
    assert_eq!(
        run.notes.len(),
        1,
        "the broken block is mentioned: {:?}",
        run.notes
    );
    assert!(run.notes[0].contains("not valid JSON"));
    assert!(server.seen()[0]
        .header("accept")
        .unwrap()
        .starts_with("text/html"));

    let run = fetch(&format!("{}/linde", server.base), &server);
    assert_eq!(run.reviews.len(), 2);
    assert_eq!(run.reviews[0].author.as_deref(), Some("Jonas W."));

    let run = fetch(&format!("{}/empty", server.base), &server);
    run.result.as_ref().unwrap();
    assert!(run.reviews.is_empty());
    assert!(
        run.notes[0].contains("no schema.org reviews"),
        "{:?}",
        run.notes
    );
}

#[test]
fn a_wrong_shape_from_an_api_is_a_clear_error() {
    let server = Server::start(|_, _| Reply::json(r#"{"reviews": {"not": "a list"}}"#));
    let run = fetch_with(
        "yelp:x",
        &server,
        &with_key(YELP_API_KEY, "k-12345"),
        |_| {},
    );
    let error = run.error();
    assert!(
        error.contains("unexpected response: \"reviews\" is not a list"),
        "{error}"
    );
}
