//! Which scale a rating is on, and reading it on that scale.
//!
//! A `6` means nothing without its scale: on 1–10 it is a middling review,
//! on 1–5 it is a typo. The scale comes from the record's own hints
//! (schema.org `bestRating`, `scale_max`), from a header that states it
//! ("Score (out of 10)", "Rating /10", "Rating (0-10)"), from
//! `--rating-scale`, or else it is 1–5; a value that fits none of these is
//! an error, never a guess. A `0` on a scale that starts at 1 is what many
//! exports write for "no rating": the review is kept, without one, and
//! the user is told.

use super::fields::Record;
use super::map::FieldOverrides;
use super::roles::{role_of, Role};
use super::shapes::Shape;
use super::values::{parse_rating, Scale};
use crate::error::Problem;
use serde_json::Value;

/// The scale of the record's rating. A header that states its scale is
/// renamed to its plain name, so the usual rating names find it.
pub fn of_record(record: &mut Record, shape: Shape, overrides: &FieldOverrides) -> Scale {
    let hinted = from_hints(record, shape);
    if hinted != Scale::Auto {
        return hinted;
    }
    if let Some(name) = &overrides.rating {
        if let Some((_, scale)) = stated(name) {
            return scale;
        }
    } else if shape == Shape::Generic {
        let found = record.map.keys().find_map(|key| {
            let (stem, scale) = stated(key)?;
            let is_rating = matches!(role_of(stem), Some(Role::Stars | Role::Thumbs));
            is_rating.then(|| (key.clone(), stem.to_string(), scale))
        });
        if let Some((key, stem, scale)) = found {
            if let Some(value) = record.map.shift_remove(&key) {
                record.map.insert(stem, value);
            }
            return scale;
        }
    }
    match overrides.rating_scale {
        Some(max) => Scale::Range {
            min: if max >= 10.0 { 0.0 } else { 1.0 },
            max,
        },
        None => hinted,
    }
}

/// Reads a rating on `scale`: `Ok(None)` (with a warning) for a 0 that
/// means "no rating", an error for a value the scale cannot hold.
pub fn read(
    value: &Value,
    scale: Scale,
    warnings: &mut Vec<String>,
) -> Result<Option<f64>, Problem> {
    if let Some(rating) = parse_rating(value, scale) {
        return Ok(Some(rating));
    }
    let raw = match value {
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    let number = raw.parse::<f64>().ok();
    let starts_at_one = match scale {
        Scale::Auto => true,
        Scale::Range { min, .. } => min >= 1.0,
        Scale::Binary => false,
    };
    match number {
        Some(n) if n == 0.0 && starts_at_one => {
            warnings.push(
                "a rating of 0 on a scale that starts at 1 was read as no rating; \
                 the review is kept without one"
                    .to_string(),
            );
            Ok(None)
        }
        Some(n) if scale == Scale::Auto && n > 5.0 => Err(Problem::UnstatedScale { value: raw }),
        _ => Err(Problem::BadRating { value: raw }),
    }
}

/// The scale a header states after its name, and the name without it:
/// `Score (out of 10)`, `Rating /10`, `Rating (0-10)`, `Stars out of 5`.
pub fn stated(header: &str) -> Option<(&str, Scale)> {
    // Most headers state nothing; those need no folding.
    if !header.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = header.to_ascii_lowercase();
    let trimmed = lower.trim_end().trim_end_matches([')', ']']).trim_end();
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let max: f64 = trimmed[trimmed.len() - digits..].parse().ok()?;
    let before = trimmed[..trimmed.len() - digits].trim_end();
    let (rest, min) = if let Some(rest) = before.strip_suffix("out of") {
        (rest, None)
    } else if let Some(rest) = before.strip_suffix('/') {
        (rest, None)
    } else if let Some(rest) = before.strip_suffix(['-', '–']) {
        let rest = rest.trim_end();
        let low = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if low == 0 {
            return None;
        }
        let min: f64 = rest[rest.len() - low..].parse().ok()?;
        (&rest[..rest.len() - low], Some(min))
    } else {
        return None;
    };
    let stem_len = rest
        .trim_end()
        .trim_end_matches(['(', '['])
        .trim_end()
        .len();
    if stem_len == 0 || max < 2.0 {
        return None;
    }
    // Scales of ten or more usually start at 0 (0-10 scores); shorter ones
    // are stars, which start at 1.
    let min = min.unwrap_or(if max >= 10.0 { 0.0 } else { 1.0 });
    (min < max).then(|| (header[..stem_len].trim_end(), Scale::Range { min, max }))
}

/// The scale from the record's own hints, when it carries any.
fn from_hints(record: &Record, shape: Shape) -> Scale {
    let number = |v: Option<&Value>| -> Option<f64> {
        match v? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    };
    let (min, max) = if shape == Shape::SchemaOrg {
        let rating = record.map.get("reviewRating");
        let bound = |key| number(rating.and_then(|r: &Value| r.get(key)));
        (bound("worstRating"), bound("bestRating"))
    } else {
        (
            number(record.map.get("scale_min")),
            number(record.map.get("scale_max")),
        )
    };
    if shape == Shape::Generic {
        let (mut thumbs, mut stars) = (false, false);
        for key in record.map.keys() {
            match role_of(key) {
                Some(Role::Thumbs) => thumbs = true,
                Some(Role::Stars) => stars = true,
                _ => {}
            }
        }
        if thumbs && !stars {
            return Scale::Binary;
        }
    }
    match (min, max) {
        (None | Some(0.0), Some(1.0)) => Scale::Binary,
        (min, Some(max)) => Scale::Range {
            min: min.unwrap_or(1.0),
            max,
        },
        _ => Scale::Auto,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn headers_state_their_scale() {
        let range = |min, max| Scale::Range { min, max };
        assert_eq!(
            stated("Score (out of 10)"),
            Some(("Score", range(0.0, 10.0)))
        );
        assert_eq!(stated("Rating /10"), Some(("Rating", range(0.0, 10.0))));
        assert_eq!(stated("Rating (1-10)"), Some(("Rating", range(1.0, 10.0))));
        assert_eq!(stated("stars out of 5"), Some(("stars", range(1.0, 5.0))));
        assert_eq!(stated("Rating"), None);
        assert_eq!(stated("Question 10"), None);
        assert_eq!(stated("/10"), None);
    }

    #[test]
    fn zero_on_a_one_based_scale_is_no_rating_with_a_warning() {
        let mut warnings = Vec::new();
        assert_eq!(read(&json!("0"), Scale::Auto, &mut warnings), Ok(None));
        assert_eq!(warnings.len(), 1);
        let zero_based = Scale::Range {
            min: 0.0,
            max: 10.0,
        };
        assert_eq!(read(&json!(0), zero_based, &mut warnings), Ok(Some(1.0)));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn a_value_above_five_without_a_scale_is_refused_not_guessed() {
        let mut warnings = Vec::new();
        assert_eq!(
            read(&json!(6), Scale::Auto, &mut warnings),
            Err(Problem::UnstatedScale { value: "6".into() })
        );
        let out_of_ten = Scale::Range {
            min: 0.0,
            max: 10.0,
        };
        assert_eq!(read(&json!(6), out_of_ten, &mut warnings), Ok(Some(3.4)));
    }
}
