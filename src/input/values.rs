//! Normalising ratings and dates, whatever form the source gave them in.
//!
//! Exports disagree on everything: `5`, `"5"`, `4.0`, `"4/5"`, `"FOUR"`,
//! `"★★★★☆"`, thumbs `0/1`, 1–10 scales; dates as RFC 3339, `+0000`
//! offsets, epoch seconds or milliseconds, `{seconds, nanos}`, or
//! `YYYY-MM-DD HH:MM:SS`. Both the original and the normalised value are
//! kept, so nothing is lost when the guess is wrong.

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde_json::Value;
use std::sync::LazyLock;

/// The highest value a rating field may have, when the source says so.
/// Thumbs (0/1) only make sense when the caller knows the field is binary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Not stated: 1–5. A value above 5 is refused rather than guessed to
    /// be out of 10; the header or `--rating-scale` can say so.
    Auto,
    /// Thumbs down / up.
    Binary,
    /// A linear scale from `min` (worst) to `max` (best).
    Range { min: f64, max: f64 },
}

impl Scale {
    /// "Out of `max`": stars start at 1, so does the scale.
    pub fn out_of(max: f64) -> Scale {
        Scale::Range { min: 1.0, max }
    }
}

/// Parses a rating into the 1–5 scale. Returns `None` for forms we do not
/// understand, so the caller can report the record.
pub fn parse_rating(value: &Value, scale: Scale) -> Option<f64> {
    match value {
        Value::Number(n) => from_number(n.as_f64()?, scale),
        Value::String(s) => parse_rating_str(s, scale),
        Value::Bool(b) => Some(if *b { 5.0 } else { 1.0 }),
        _ => None,
    }
}

fn from_number(n: f64, scale: Scale) -> Option<f64> {
    if !n.is_finite() {
        return None;
    }
    let rating = match scale {
        Scale::Binary if n == 0.0 => 1.0,
        Scale::Binary if n == 1.0 => 5.0,
        Scale::Binary => return None,
        Scale::Range { min, max } if max > min && (min..=max).contains(&n) => {
            1.0 + (n - min) / (max - min) * 4.0
        }
        Scale::Range { .. } => return None,
        Scale::Auto if (1.0..=5.0).contains(&n) => n,
        Scale::Auto => return None,
    };
    Some((rating * 100.0).round() / 100.0)
}

const WORDS: [&str; 5] = ["ONE", "TWO", "THREE", "FOUR", "FIVE"];

fn parse_rating_str(raw: &str, scale: Scale) -> Option<f64> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(i) = WORDS.iter().position(|w| s.eq_ignore_ascii_case(w)) {
        return Some(i as f64 + 1.0);
    }
    if s.chars().all(|c| matches!(c, '★' | '☆' | '⭐' | ' ')) {
        let full = s.chars().filter(|c| matches!(c, '★' | '⭐')).count();
        return (1..=5).contains(&full).then_some(full as f64);
    }
    if let Some((num, den)) = s.split_once('/') {
        let num: f64 = num.trim().parse().ok()?;
        let den: f64 = den.trim().parse().ok()?;
        return match den {
            1.0 => from_number(num, Scale::Binary),
            _ => from_number(num, Scale::out_of(den)),
        };
    }
    let lower = s.to_ascii_lowercase();
    let number = lower
        .strip_suffix("stars")
        .or_else(|| lower.strip_suffix("star"))
        .unwrap_or(&lower)
        .trim()
        .replace(',', ".");
    from_number(number.parse().ok()?, scale)
}

/// Parses a date in any of the forms sources use into RFC 3339 (UTC when
/// the source gave no offset).
pub fn parse_date(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => from_epoch(n.as_f64()?),
        Value::String(s) => parse_date_str(s.trim()),
        Value::Object(map) => {
            let seconds = map.get("seconds")?;
            let seconds = match seconds {
                Value::String(s) => s.parse::<i64>().ok()?,
                other => other.as_i64()?,
            };
            let nanos = map.get("nanos").and_then(Value::as_u64).unwrap_or(0);
            let dt = Utc
                .timestamp_opt(seconds, u32::try_from(nanos).ok()?)
                .single()?;
            Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
        _ => None,
    }
}

/// Epoch seconds or milliseconds: anything past year 5000 in seconds is
/// taken to be milliseconds, which is what every source here means by it.
fn from_epoch(n: f64) -> Option<String> {
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let millis = if n > 95_617_584_000.0 { n } else { n * 1000.0 };
    let dt = Utc.timestamp_millis_opt(millis as i64).single()?;
    Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// How a layout's result becomes an instant.
#[derive(Clone, Copy)]
enum Kind {
    Offset,
    Naive,
    Day,
}

/// Date layouts sources use besides RFC 3339, compiled once.
static LAYOUTS: LazyLock<Vec<(Vec<Item<'static>>, Kind)>> = LazyLock::new(|| {
    [
        // Offsets without a colon (`-0500`), with or without fractions.
        ("%Y-%m-%dT%H:%M:%S%.f%z", Kind::Offset),
        ("%Y-%m-%d %H:%M:%S%.f%z", Kind::Offset),
        ("%a, %d %b %Y %H:%M:%S %z", Kind::Offset),
        ("%Y-%m-%d %H:%M:%S%.f", Kind::Naive),
        ("%Y-%m-%dT%H:%M:%S%.f", Kind::Naive),
        ("%Y-%m-%d %H:%M", Kind::Naive),
        ("%Y-%m-%d", Kind::Day),
        ("%d-%b-%y", Kind::Day),
        ("%b %d, %Y", Kind::Day),
        ("%B %d, %Y", Kind::Day),
        ("%d %B %Y", Kind::Day),
    ]
    .into_iter()
    .filter_map(|(layout, kind)| Some((StrftimeItems::new(layout).parse_to_owned().ok()?, kind)))
    .collect()
});

/// `YYYY-MM-DD HH:MM:SS` (or with `T`), the most common form by far, read
/// without trying every layout; anything unusual in it (a leap second, a
/// fraction, an offset) is left to the layouts.
fn parse_plain_date_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b' ' | b'T') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)?;
    let time = date.and_hms_opt(number(11..13)?, number(14..16)?, number(17..19)?)?;
    Some(time.and_utc().to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

fn parse_date_str(s: &str) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    if let Some(date) = parse_plain_date_time(s) {
        return Some(date);
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && s.len() >= 9 {
        return from_epoch(s.parse().ok()?);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    }
    by_layouts(s)
}

fn by_layouts(s: &str) -> Option<String> {
    LAYOUTS.iter().find_map(|(items, kind)| {
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, s, items.iter()).ok()?;
        Some(match kind {
            Kind::Offset => parsed
                .to_datetime()
                .ok()?
                .to_rfc3339_opts(SecondsFormat::AutoSi, true),
            Kind::Naive => parsed
                .to_naive_datetime_with_offset(0)
                .ok()?
                .and_utc()
                .to_rfc3339_opts(SecondsFormat::AutoSi, true),
            Kind::Day => parsed
                .to_naive_date()
                .ok()?
                .and_hms_opt(0, 0, 0)?
                .and_utc()
                .to_rfc3339_opts(SecondsFormat::AutoSi, true),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rating(v: Value) -> Option<f64> {
        parse_rating(&v, Scale::Auto)
    }

    #[test]
    fn ratings_in_every_form() {
        assert_eq!(rating(json!(4)), Some(4.0));
        assert_eq!(rating(json!("4")), Some(4.0));
        assert_eq!(rating(json!(4.0)), Some(4.0));
        assert_eq!(rating(json!(3.5)), Some(3.5));
        assert_eq!(rating(json!("4/5")), Some(4.0));
        assert_eq!(rating(json!("8/10")), Some(4.11));
        assert_eq!(
            rating(json!(7)),
            None,
            "no scale stated: not guessed as 7/10"
        );
        assert_eq!(
            parse_rating(
                &json!(-2),
                Scale::Range {
                    min: -4.0,
                    max: 4.0
                }
            ),
            Some(2.0)
        );
        assert_eq!(rating(json!("4 stars")), Some(4.0));
        assert_eq!(rating(json!("1 star")), Some(1.0));
        assert_eq!(rating(json!("FOUR")), Some(4.0));
        assert_eq!(rating(json!("★★★★☆")), Some(4.0));
        assert_eq!(parse_rating(&json!(10), Scale::out_of(10.0)), Some(5.0));
        assert_eq!(rating(json!("4,5")), Some(4.5));
        assert_eq!(rating(json!(1)), Some(1.0));
        assert_eq!(parse_rating(&json!(0), Scale::Binary), Some(1.0));
        assert_eq!(parse_rating(&json!(1), Scale::Binary), Some(5.0));
    }

    #[test]
    fn nonsense_ratings_are_rejected() {
        for v in [
            json!("great"),
            json!(-1),
            json!(11),
            json!(""),
            json!([5]),
            json!(0),
        ] {
            assert_eq!(rating(v.clone()), None, "{v}");
        }
        assert_eq!(rating(json!("6/5")), None);
    }

    #[test]
    fn the_plain_date_shortcut_agrees_with_the_layouts() {
        for s in [
            "2024-01-21 12:04:00",
            "2024-12-31T23:59:59",
            "1999-02-28 00:00:00",
            "2024-02-30 12:00:00",
            "2016-12-31 23:59:60",
            "2024-13-01 10:00:00",
            "2024-01-21 25:00:00",
        ] {
            if let Some(fast) = parse_plain_date_time(s) {
                assert_eq!(Some(fast), by_layouts(s), "{s}");
            }
        }
        assert!(parse_plain_date_time("2024-01-21 12:04:00").is_some());
        assert!(parse_plain_date_time("2016-12-31 23:59:60").is_none());
    }

    #[test]
    fn dates_in_every_form() {
        let d = |v: Value| parse_date(&v);
        assert_eq!(
            d(json!("2024-03-02T18:04:11.512Z")).as_deref(),
            Some("2024-03-02T18:04:11.512Z")
        );
        assert_eq!(
            d(json!("2015-02-22T13:34:21-0500")).as_deref(),
            Some("2015-02-22T13:34:21-05:00")
        );
        assert_eq!(
            d(json!("2017-11-15T08:10:34-08:00")).as_deref(),
            Some("2017-11-15T08:10:34-08:00")
        );
        assert_eq!(
            d(json!("2016-08-29 00:41:13")).as_deref(),
            Some("2016-08-29T00:41:13Z")
        );
        assert_eq!(
            d(json!(1588687728923_u64)).as_deref(),
            Some("2020-05-05T14:08:48.923Z")
        );
        assert_eq!(
            d(json!(1443676826)).as_deref(),
            Some("2015-10-01T05:20:26Z")
        );
        assert_eq!(
            d(json!("1762353632542")).as_deref(),
            Some("2025-11-05T14:40:32.542Z")
        );
        assert_eq!(
            d(json!({"seconds": "1443676826", "nanos": 713000000})).as_deref(),
            Some("2015-10-01T05:20:26.713Z")
        );
        assert_eq!(
            d(json!("2024-04-26")).as_deref(),
            Some("2024-04-26T00:00:00Z")
        );
        assert_eq!(
            d(json!("31-Jul-18")).as_deref(),
            Some("2018-07-31T00:00:00Z")
        );
        assert_eq!(
            d(json!("Tue, 1 Jul 2003 10:52:37 +0200")).as_deref(),
            Some("2003-07-01T10:52:37+02:00")
        );
        assert_eq!(
            d(json!("June 3, 2024")).as_deref(),
            Some("2024-06-03T00:00:00Z")
        );
        assert_eq!(d(json!("last tuesday")), None);
    }
}
