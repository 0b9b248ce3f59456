use super::*;
use crate::input::{map, FieldOverrides};
use crate::review::{Location, Platform, Review};
use serde_json::json;

fn reviews(values: Vec<Value>) -> Vec<Review> {
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let location = Location::new("page".into(), None, i as u64 + 1);
            map::to_review(v, location, &FieldOverrides::default(), &mut Vec::new()).unwrap()
        })
        .collect()
}

#[test]
fn json_ld_reviews_are_found_in_graph_arrays_and_nested_things() {
    let found = extract(include_str!(
        "../../../../tests/fixtures/http/product_page.html"
    ));
    assert_eq!(found.bad_blocks.len(), 1, "{:?}", found.bad_blocks);
    let r = reviews(found.reviews);
    let texts: Vec<&str> = r.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "After three weeks the lid no longer clicks shut and the kettle keeps boiling.",
            "Quiet & fast. Boils a full kettle in under four minutes.",
            "Staff took the time to explain the returns policy.",
        ],
        "microdata repeating JSON-LD is not read, nor script text that looks like a tag"
    );
    assert!(r.iter().all(|r| r.source == Platform::Web));
    assert_eq!(r[0].id, "https://shop.example/kettle#review-81");
    assert_eq!(r[0].author.as_deref(), Some("Priya Natarajan"));
    assert_eq!(r[0].title.as_deref(), Some("Lid stopped closing"));
    assert_eq!(r[0].rating, Some(2.0));
    assert_eq!(r[0].date.as_deref(), Some("2025-08-02"));
    assert_eq!(
        r[0].extra["itemReviewed"],
        json!({"@type": "Product", "name": "Harbour Kettle 1.7 L"})
    );
    // Array @type, several authors, and a 0-10 scale.
    assert_eq!(r[1].author.as_deref(), Some("Tom Becker"));
    assert_eq!(r[1].rating, Some(4.6));
    // Inside an HTML comment, a prefixed type, and review as one object.
    assert_eq!(r[2].author.as_deref(), Some("Ola N."));
    assert_eq!(r[2].extra["itemReviewed"]["@type"], "LocalBusiness");
}

#[test]
fn microdata_is_read_when_there_is_no_json_ld() {
    let found = extract(include_str!(
        "../../../../tests/fixtures/http/microdata_page.html"
    ));
    assert!(found.bad_blocks.is_empty());
    let r = reviews(found.reviews);
    assert_eq!(r.len(), 2, "the unclosed <li> ends at the next one: {r:#?}");
    assert_eq!(r[0].title.as_deref(), Some("Cold schnitzel"));
    assert_eq!(r[0].author.as_deref(), Some("Jonas W."));
    assert_eq!(r[0].rating, Some(1.0));
    assert_eq!(r[0].date.as_deref(), Some("2025-09-01"));
    assert_eq!(
        r[0].text,
        "The schnitzel came out cold and we waited 40 minutes.\nWon't be back."
    );
    assert_eq!(r[1].author.as_deref(), Some("Mara K."));
    assert_eq!(r[1].rating, Some(5.0));
    assert_eq!(r[1].date.as_deref(), Some("2025-08-28"));
    assert_eq!(r[1].text, "Best käsespätzle in town & friendly staff.");
    assert_eq!(r[1].extra["itemReviewed"]["name"], "Gasthaus Linde");
}

#[test]
fn a_json_ld_document_served_as_json_is_searched_too() {
    let doc = json!({"@graph": [{"@type": "https://schema.org/Review", "reviewBody": "ok"}]});
    let found = reviews_in(&doc);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["@type"], "Review");
}

#[test]
fn pages_without_reviews_and_broken_html_yield_nothing_and_do_not_panic() {
    for html in [
        "",
        "<html><body><p>No reviews yet",
        "<script type=application/ld+json>",
        "<div itemscope><span itemprop=reviewBody>x</div></span></li>",
        "<<<>>>&&&;<!-- <script",
        "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]</script>",
    ] {
        let found = extract(html);
        assert!(found.reviews.is_empty(), "{html}");
    }
}

#[test]
fn deeply_nested_json_ld_stops_at_the_depth_limit() {
    let mut value = json!({"@type": "Review", "reviewBody": "deep"});
    for _ in 0..(MAX_DEPTH + 5) {
        value = json!({"@type": "Thing", "child": value});
    }
    assert!(reviews_in(&value).is_empty());
    let mut shallow = json!({"@type": "Review", "reviewBody": "near"});
    for _ in 0..5 {
        shallow = json!({"child": shallow});
    }
    assert_eq!(reviews_in(&shallow).len(), 1);
}
