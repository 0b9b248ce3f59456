//! Every known export shape, broken the ways real exports break: a rating
//! that is not one, a record with neither text nor rating, a rating-only
//! review. Each comes out exactly once, as a located error or a review.

use replywise::error::Problem;
use replywise::input::{self, Event, InputOptions};
use serde_json::Value;

/// (fixture, pointer to its first record, rating key, text keys) — keys are
/// JSON pointers inside the record; several text keys are all removed.
const JSON_SHAPES: &[(&str, &str, &str, &[&str])] = &[
    ("gbp.json", "/reviews/0", "/starRating", &["/comment"]),
    (
        "apple_rss.json",
        "/feed/entry/0",
        "/im:rating",
        &["/content"],
    ),
    (
        "play_api.json",
        "/reviews/0",
        "/comments/0/userComment/starRating",
        &["/comments/0/userComment/text"],
    ),
    (
        "places_legacy.json",
        "/result/reviews/0",
        "/rating",
        &["/text"],
    ),
    (
        "places_new.json",
        "/reviews/0",
        "/rating",
        &["/text", "/originalText"],
    ),
    ("yelp_fusion.json", "/reviews/0", "/rating", &["/text"]),
    ("tripadvisor.json", "/data/0", "/rating", &["/text"]),
    (
        "schema_org_reviews.json",
        "/0",
        "/reviewRating/ratingValue",
        &["/reviewBody"],
    ),
    (
        "app_store_connect.json",
        "/data/0",
        "/attributes/rating",
        &["/attributes/body"],
    ),
    ("amazon2023.jsonl", "", "/rating", &["/text"]),
    ("yelp_dataset.jsonl", "", "/stars", &["/text"]),
];

enum Break {
    BadRating,
    NoTextNoRating,
    NoText,
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Breaks the first record of a fixture and returns what reading it gave
/// for that record: Ok(review text) or Err(problem), with every record of
/// the file accounted for.
fn first_outcome(
    name: &str,
    record: &str,
    rating: &str,
    texts: &[&str],
    how: Break,
) -> Result<String, Problem> {
    let text = fixture(name);
    let jsonl = name.ends_with(".jsonl");
    let (mut doc, rest): (Value, String) = if jsonl {
        let (first, rest) = text.split_once('\n').unwrap();
        (serde_json::from_str(first).unwrap(), rest.to_string())
    } else {
        (serde_json::from_str(&text).unwrap(), String::new())
    };
    let target = doc
        .pointer_mut(record)
        .unwrap_or_else(|| panic!("{name}: no {record}"));
    let remove = |value: &mut Value, pointer: &str| {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = value
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{name}: no {parent}"));
        match parent {
            Value::Object(map) => {
                assert!(map.shift_remove(key).is_some(), "{name}: no {pointer}");
            }
            other => panic!("{name}: {pointer} is in {other}"),
        }
    };
    match how {
        Break::BadRating => {
            *target
                .pointer_mut(rating)
                .unwrap_or_else(|| panic!("{name}: no {rating}")) = Value::from("lots")
        }
        Break::NoTextNoRating => {
            remove(target, rating);
            texts.iter().for_each(|t| remove(target, t));
        }
        Break::NoText => texts.iter().for_each(|t| remove(target, t)),
    }
    let body = if jsonl {
        format!("{doc}\n{rest}")
    } else {
        doc.to_string()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, &body).unwrap();
    let mut outcomes = Vec::new();
    input::read_path(
        path.to_str().unwrap(),
        &InputOptions::default(),
        &mut |event| {
            match event {
                Event::Review(r) => outcomes.push(Ok(r.text)),
                Event::Failed(e) => {
                    assert!(
                        e.location.to_string().starts_with(path.to_str().unwrap()),
                        "{e}"
                    );
                    outcomes.push(Err(e.problem))
                }
                Event::Warning(_) => {}
            }
            Ok(())
        },
    )
    .unwrap();
    assert!(!outcomes.is_empty(), "{name}: the broken record came out");
    outcomes.remove(0)
}

#[test]
fn a_rating_that_is_not_one_is_a_located_error_in_every_shape() {
    for (name, record, rating, texts) in JSON_SHAPES {
        let got = first_outcome(name, record, rating, texts, Break::BadRating);
        assert!(
            matches!(&got, Err(Problem::BadRating { .. })),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn a_record_with_neither_text_nor_rating_is_an_error_in_every_shape() {
    let mut empty = 0;
    for (name, record, rating, texts) in JSON_SHAPES {
        let got = first_outcome(name, record, rating, texts, Break::NoTextNoRating);
        empty += usize::from(matches!(got, Err(Problem::Empty { .. })));
        // Without the keys that mark its shape, a record may read as a
        // generic one: then it is the generic "no review text" error.
        assert!(
            matches!(&got, Err(Problem::Empty { .. } | Problem::NoText { .. })),
            "{name}: {got:?}"
        );
    }
    assert!(
        empty > 0,
        "shapes still known without text and rating say so: {empty}"
    );
}

#[test]
fn a_rating_only_review_is_kept_with_empty_text_in_every_shape() {
    for (name, record, rating, texts) in JSON_SHAPES {
        let got = first_outcome(name, record, rating, texts, Break::NoText);
        assert_eq!(got, Ok(String::new()), "{name}");
    }
}

#[test]
fn tsv_exports_are_read_end_to_end() {
    let tsv = "review_id\tstars\ttext\nt1\t1\tThe soup was cold, the bread stale\nt2\t5\tLovely\n";
    let mut reviews = Vec::new();
    input::read(
        std::io::Cursor::new(tsv),
        "x.tsv",
        Some("tsv"),
        &InputOptions::default(),
        &mut |e| {
            match e {
                Event::Review(r) => reviews.push(*r),
                other => panic!("{other:?}"),
            }
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0].id, "t1");
    assert_eq!(reviews[0].rating, Some(1.0));
    assert_eq!(
        reviews[0].text, "The soup was cold, the bread stale",
        "commas stay in a TSV cell"
    );
}
