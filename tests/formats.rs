//! Every known export shape maps its fields into `Review` correctly.
//!
//! The fixtures under `tests/fixtures/` are written for this project in the
//! shapes of the real samples (see `../shared/formats/SOURCES.md`).

mod common;

use replywise::error::RecordError;
use replywise::input::{self, Event, InputOptions};
use replywise::review::{Platform, Review};
use serde_json::json;

fn read(name: &str) -> (Vec<Review>, Vec<RecordError>) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut reviews = Vec::new();
    let mut errors = Vec::new();
    input::read_path(&path, &InputOptions::default(), &mut |event| {
        match event {
            Event::Review(r) => reviews.push(*r),
            Event::Failed(e) => errors.push(e),
            Event::Warning(w) => panic!("unexpected warning: {w}"),
        }
        Ok(())
    })
    .unwrap();
    (reviews, errors)
}

fn only(name: &str, count: usize) -> Vec<Review> {
    let (reviews, errors) = read(name);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(reviews.len(), count, "{name}");
    reviews
}

#[test]
fn apple_rss_feed() {
    let r = only("apple_rss.json", 2);
    assert_eq!(r[0].source, Platform::AppStore);
    assert_eq!(r[0].id, "11000000001");
    assert_eq!(r[0].author.as_deref(), Some("nightowl_reader"));
    assert_eq!(r[0].rating, Some(1.0));
    assert_eq!(r[0].rating_raw.as_deref(), Some("1"));
    assert_eq!(r[0].title.as_deref(), Some("Crashes on launch"));
    assert!(r[0].text.starts_with("Since the last update") && r[0].text.contains('\n'));
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2025-09-14T07:12:55-07:00")
    );
    assert_eq!(r[0].extra["im:version"], json!({"label": "3.2.0"}));
    assert_eq!(r[1].rating, Some(5.0));
}

#[test]
fn apple_rss_entry_as_a_single_object() {
    let r = only("apple_rss_single_entry.json", 1);
    assert_eq!(r[0].id, "11000000077");
    assert_eq!(r[0].rating, Some(2.0));
    assert_eq!(r[0].text, "An advert after every level.");
}

#[test]
fn apple_rss_page_past_the_end_has_no_reviews_and_no_errors() {
    only("apple_rss_empty_page.json", 0);
}

#[test]
fn app_store_connect() {
    let r = only("app_store_connect.json", 1);
    assert_eq!(r[0].source, Platform::AppStore);
    assert_eq!(r[0].id, "00000042-aaaa-bbbb-cccc-000000000001");
    assert_eq!(r[0].author.as_deref(), Some("Kwame A."));
    assert_eq!(r[0].rating, Some(2.0));
    assert_eq!(r[0].title.as_deref(), Some("Login loop"));
    assert!(r[0].text.starts_with("After resetting"));
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2025-06-01T10:20:30-07:00")
    );
    assert_eq!(r[0].extra["attributes"]["territory"], "GBR");
    assert_eq!(r[0].extra["type"], "customerReviews");
}

#[test]
fn play_developer_api_splits_title_and_keeps_reply() {
    let r = only("play_api.json", 1);
    assert_eq!(r[0].source, Platform::GooglePlay);
    assert_eq!(r[0].id, "gp:AOqpTOH-EXAMPLE-1");
    assert_eq!(r[0].author.as_deref(), Some("Lena Fischer"));
    assert_eq!(r[0].rating, Some(2.0));
    assert_eq!(r[0].title.as_deref(), Some("Keeps logging me out"));
    assert_eq!(
        r[0].text,
        "Every morning I have to sign in again, very annoying."
    );
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2025-01-01T10:00:00.250Z")
    );
    assert_eq!(r[0].language.as_deref(), Some("en"));
    assert_eq!(
        r[0].owner_reply.as_deref(),
        Some("Thanks Lena, a fix ships in 5.1.3.")
    );
    assert_eq!(r[0].extra["comments"][0]["userComment"]["device"], "a52q");
}

#[test]
fn play_console_csv_in_utf16() {
    let r = only("play_console_utf16.csv", 2);
    assert_eq!(r[0].source, Platform::GooglePlay);
    assert_eq!(r[0].id, "aaaa-1111");
    assert_eq!(r[0].rating, Some(1.0));
    assert_eq!(r[0].title.as_deref(), Some("Sync lost my notes"));
    assert_eq!(
        r[0].text,
        "After the update half my notes are gone.\nI want them back."
    );
    assert_eq!(r[0].language.as_deref(), Some("en"));
    assert_eq!(r[0].date_rfc3339.as_deref(), Some("2025-10-02T08:15:00Z"));
    assert_eq!(r[0].location.line, Some(2));
    assert_eq!(r[0].extra["App Version Name"], "2.1.0");
    assert_eq!(r[1].text, "Super App 👍");
    assert_eq!(r[1].owner_reply.as_deref(), Some("Danke schön! 😊"));
    assert_eq!(
        r[1].location.line,
        Some(4),
        "the multi-line cell above spans two lines"
    );
}

#[test]
fn business_profile_keeps_the_original_of_a_translation() {
    let r = only("gbp.json", 2);
    assert_eq!(r[0].source, Platform::GoogleBusiness);
    assert_eq!(r[0].id, "rev-A");
    assert_eq!(r[0].author.as_deref(), Some("Hannah Becker"));
    assert_eq!(r[0].rating, Some(1.0));
    assert_eq!(r[0].rating_raw.as_deref(), Some("ONE"));
    assert_eq!(r[0].text, "Die Pizza kam kalt und eine Stunde zu spät.");
    assert_eq!(
        r[0].extra["text_translated"],
        "The pizza arrived cold and an hour late."
    );
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2025-03-02T18:04:11.512Z")
    );
    assert_eq!(r[1].rating, Some(4.0));
    assert_eq!(
        r[1].text, "",
        "a rating without a comment is still a review"
    );
    assert_eq!(
        r[1].owner_reply.as_deref(),
        Some("Thank you for the stars!")
    );
    assert_eq!(r[1].first_name(), None, "'A Google user' is not a name");
}

#[test]
fn places_legacy() {
    let r = only("places_legacy.json", 1);
    assert_eq!(r[0].source, Platform::GooglePlaces);
    assert_eq!(r[0].author.as_deref(), Some("Oliver Grant"));
    assert_eq!(r[0].rating, Some(2.0));
    assert_eq!(r[0].text, "Table was sticky and the soup was lukewarm.");
    assert_eq!(r[0].date_rfc3339.as_deref(), Some("2024-09-30T16:00:00Z"));
    assert_eq!(r[0].language.as_deref(), Some("en"));
    assert_eq!(
        r[0].id, "places_legacy.json#1",
        "no id in the source: derived from the location"
    );
    assert_eq!(r[0].extra["relative_time_description"], "a month ago");
}

#[test]
fn places_new_keeps_the_original_text() {
    let r = only("places_new.json", 1);
    assert_eq!(r[0].source, Platform::GooglePlaces);
    assert_eq!(
        r[0].id,
        "places/ChIJexample/reviews/ChZDSUhNMG9nS0VJQ0FnSUR4"
    );
    assert_eq!(r[0].author.as_deref(), Some("Camille Martin"));
    assert_eq!(
        r[0].text,
        "Le café était brûlé et le personnel nous a ignorés."
    );
    assert_eq!(r[0].language.as_deref(), Some("fr"));
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2025-05-10T08:30:00.123456Z")
    );
    assert_eq!(
        r[0].extra["text"]["text"],
        "The coffee was burnt and the staff ignored us."
    );
}

#[test]
fn yelp_fusion_and_dataset() {
    let r = only("yelp_fusion.json", 1);
    assert_eq!(r[0].source, Platform::Yelp);
    assert_eq!(r[0].id, "yf-rev-001");
    assert_eq!(r[0].author.as_deref(), Some("Rosa P."));
    assert_eq!(r[0].date_rfc3339.as_deref(), Some("2025-04-18T19:02:44Z"));

    let r = only("yelp_dataset.jsonl", 2);
    assert_eq!(r[0].source, Platform::Yelp);
    assert_eq!(r[0].id, "yd-0001");
    assert_eq!(r[0].rating, Some(1.0));
    assert_eq!(r[0].rating_raw.as_deref(), Some("1.0"));
    assert!(r[0].text.ends_with("Never again."));
    assert_eq!(r[0].date_rfc3339.as_deref(), Some("2019-07-21T16:45:12Z"));
    assert_eq!(r[0].extra["business_id"], "biz-123");
    assert_eq!(r[1].location.line, Some(2));
}

#[test]
fn trustpilot_csv() {
    let r = only("trustpilot.csv", 2);
    assert_eq!(r[0].source, Platform::Trustpilot);
    assert_eq!(r[0].id, "tp-0001");
    assert_eq!(r[0].title.as_deref(), Some("Parcel never arrived"));
    assert!(r[0].text.starts_with("Paid for next-day delivery"));
    assert_eq!(r[0].rating, Some(1.0));
    assert_eq!(r[0].language.as_deref(), Some("en"));
    assert_eq!(r[0].extra["Webshop Name"], "Example Shop");
}

#[test]
fn tripadvisor() {
    let r = only("tripadvisor.json", 1);
    assert_eq!(r[0].source, Platform::Tripadvisor);
    assert_eq!(r[0].id, "900000001");
    assert_eq!(r[0].author.as_deref(), Some("traveller_jo"));
    assert_eq!(r[0].title.as_deref(), Some("Not restful"));
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2024-08-09T13:34:21-04:00")
    );
    assert_eq!(r[0].language.as_deref(), Some("en"));
    assert_eq!(
        r[0].owner_reply.as_deref(),
        Some("We're sorry about the noise, Jo.")
    );
}

#[test]
fn amazon_reviews_2023_both_field_spellings() {
    let r = only("amazon2023.jsonl", 2);
    assert_eq!(r[0].source, Platform::Amazon);
    assert_eq!(r[0].id, "B0PARENT01:AFAKEUSER1:1700000000123");
    assert_eq!(r[0].title.as_deref(), Some("Stopped working"));
    assert_eq!(
        r[0].date_rfc3339.as_deref(),
        Some("2023-11-14T22:13:20.123Z")
    );
    assert_eq!(r[1].date_rfc3339.as_deref(), Some("2023-11-14T22:29:59Z"));
    assert_eq!(r[1].rating, Some(4.0));
}

#[test]
fn schema_org_review_with_its_own_scale() {
    let r = only("schema_org_reviews.json", 1);
    assert_eq!(r[0].source, Platform::Web);
    assert_eq!(r[0].author.as_deref(), Some("Ike Obi"));
    assert_eq!(r[0].title.as_deref(), Some("Door broke"));
    assert_eq!(r[0].rating, Some(1.8), "2 on a 0-10 scale");
}

/// The real samples, when the shared folder is beside the checkout.
#[test]
fn real_samples_map_without_errors() {
    let Some(dir) = common::shared("formats", "real_samples_map_without_errors") else {
        return;
    };
    let dir = dir.display().to_string();
    let expected = [
        ("apple_rss_customerreviews.json", 4),
        ("apple_rss_customerreviews_fr_trimmed.json", 4),
        ("apple_rss_customerreviews_empty_page.json", 0),
        ("app_store_connect_customer_reviews.json", 1),
        ("play_reviews_list.json", 2),
        ("google_play_console_export.csv", 2),
        ("google_play_console_export.utf8.csv", 2),
        ("gbp_reviews_list.json", 3),
        ("places_details.json", 3),
        ("places_new_details.json", 3),
        ("yelp_fusion_reviews.json", 3),
        ("yelp_dataset_review.jsonl", 5),
        ("trustpilot_export.csv", 3),
        ("tripadvisor_reviews.json", 3),
        ("amazon_reviews_2023.jsonl", 1),
        ("amazon_reviews_2023_docs_example.json", 1),
    ];
    for (name, count) in expected {
        let mut reviews = Vec::new();
        input::read_path(
            &format!("{dir}/{name}"),
            &InputOptions::default(),
            &mut |event| {
                match event {
                    Event::Review(r) => reviews.push(*r),
                    other => panic!("{name}: {other:?}"),
                }
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(reviews.len(), count, "{name}");
        assert!(
            reviews.iter().all(|r| r.source != Platform::Unknown),
            "{name}"
        );
    }
}

#[test]
fn a_generic_exports_own_source_column_is_kept() {
    let csv = "id,source,rating,text\n1,Google Play,2,Crashes on start\n2,App Store,1,Lost my notes\n3,zomato,2,Cold food\n";
    let mut reviews = Vec::new();
    let options = InputOptions::default();
    input::read(
        std::io::Cursor::new(csv),
        "s.csv",
        Some("csv"),
        &options,
        &mut |e| {
            if let Event::Review(r) = e {
                reviews.push(*r);
            }
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(reviews[0].source, Platform::GooglePlay);
    assert_eq!(reviews[1].source, Platform::AppStore);
    // A platform replywise does not know stays as the export wrote it.
    assert_eq!(reviews[2].source, Platform::Unknown);
    assert_eq!(reviews[2].extra["source"], json!("zomato"));
}
