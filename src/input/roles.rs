//! Which part of a review each column of a generic export holds, read
//! from the column names in one pass over a record's keys.
//!
//! A generic export names its columns as people do ("Review Text",
//! `review_text`, `reviewText`), so names are compared loosely. Comparing
//! every key with every known name, once per field, cost more than the
//! rest of reading a record; here each key is folded once and looked up
//! in one table built from [`Generic`]'s lists.

use super::fields::{loose, Record};
use super::shapes::Generic;
use crate::hash::fnv1a;
use crate::text::loose_into;
use std::sync::LazyLock;

/// What a generic column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    /// A star-like rating ("rating", "stars", "score").
    Stars,
    /// A thumbs (0/1) rating ("recommended").
    Thumbs,
    Title,
    Author,
    Date,
    Id,
    Language,
    Reply,
    /// The platform the review was posted on ("source", "platform").
    Platform,
}

impl Role {
    const ALL: [Role; 10] = [
        Role::Text,
        Role::Stars,
        Role::Thumbs,
        Role::Title,
        Role::Author,
        Role::Date,
        Role::Id,
        Role::Language,
        Role::Reply,
        Role::Platform,
    ];

    /// The names a column of this role goes by.
    fn names(self) -> &'static [&'static str] {
        match self {
            Role::Text => Generic::TEXT,
            Role::Stars => Generic::STARS,
            Role::Thumbs => Generic::THUMBS,
            Role::Title => Generic::TITLE,
            Role::Author => Generic::AUTHOR,
            Role::Date => Generic::DATE,
            Role::Id => Generic::ID,
            Role::Language => Generic::LANGUAGE,
            Role::Reply => Generic::REPLY,
            Role::Platform => Generic::PLATFORM,
        }
    }
}

/// A known name's hash, its folded spelling and its role.
type Entry = (u64, Box<[u8]>, Role);

/// Every known name's [`fnv1a`] as [`loose`] folds it, with the name and
/// its role, sorted by hash: a key is folded and hashed once, then found
/// by comparing numbers.
static TABLE: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut table: Vec<Entry> = Role::ALL
        .iter()
        .flat_map(|&role| {
            role.names().iter().map(move |n| {
                let folded = loose(n).into_bytes();
                (fnv1a(&folded), folded.into_boxed_slice(), role)
            })
        })
        .collect();
    table.sort_by_key(|entry| entry.0);
    table
});

fn lookup(folded: &[u8]) -> Option<Role> {
    let hash = fnv1a(folded);
    let i = TABLE.binary_search_by_key(&hash, |entry| entry.0).ok()?;
    let (_, name, role) = &TABLE[i];
    (**name == *folded).then_some(*role)
}

/// The role a column name plays, if any.
pub fn role_of(key: &str) -> Option<Role> {
    // Every known name is short: a longer key is none of them.
    let mut buf = [0u8; 64];
    lookup(loose_into(key, &mut buf)?.as_bytes())
}

/// The first key (in the record's order) of each role, and its position.
#[derive(Debug, Default)]
pub struct Roles {
    first: [Option<(usize, String)>; Role::ALL.len()],
}

impl Roles {
    pub fn of(record: &Record) -> Roles {
        let mut roles = Roles::default();
        for (i, key) in record.map.keys().enumerate() {
            if let Some(role) = role_of(key) {
                roles.first[role as usize].get_or_insert_with(|| (i, key.clone()));
            }
        }
        roles
    }

    /// The key of a role's first column.
    pub fn key(&self, role: Role) -> Option<&str> {
        self.first[role as usize].as_ref().map(|(_, k)| k.as_str())
    }

    /// The key holding the rating: whichever of a stars and a thumbs
    /// column comes first.
    pub fn rating_key(&self) -> Option<&str> {
        let stars = self.first[Role::Stars as usize].as_ref();
        let thumbs = self.first[Role::Thumbs as usize].as_ref();
        let first = match (stars, thumbs) {
            (Some(s), Some(t)) => Some(if s.0 < t.0 { s } else { t }),
            (s, t) => s.or(t),
        };
        first.map(|(_, key)| key.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn every_name_belongs_to_one_role() {
        let names: usize = Role::ALL.iter().map(|r| r.names().len()).sum();
        let mut folded: Vec<&[u8]> = TABLE.iter().map(|(_, n, _)| &**n).collect();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), names, "a name is listed under two roles");
        for role in Role::ALL {
            for name in role.names() {
                assert_eq!(role_of(name), Some(role), "{name}");
            }
        }
    }

    #[test]
    fn names_match_in_any_style_and_others_do_not() {
        assert_eq!(role_of("Review Text"), Some(Role::Text));
        assert_eq!(role_of("reviewText"), Some(Role::Text));
        assert_eq!(role_of("review-text"), Some(Role::Text));
        assert_eq!(role_of("RÉVIEW"), None);
        assert_eq!(role_of("Künstler"), None);
        assert_eq!(role_of("Überschrift"), None);
        assert_eq!(role_of("text2"), None);
        assert_eq!(role_of(&"x".repeat(200)), None);
    }

    #[test]
    fn the_first_column_of_a_role_wins_and_a_rating_is_stars_or_thumbs() {
        let Value::Object(map) = json!({"Recommended": 1, "body": "b", "text": "t", "Stars": 4})
        else {
            unreachable!()
        };
        let mut record = Record::new(map);
        let roles = Roles::of(&record);
        assert_eq!(roles.key(Role::Text), Some("body"));
        assert_eq!(roles.rating_key(), Some("Recommended"));
        assert_eq!(roles.key(Role::Stars), Some("Stars"));
        assert_eq!(roles.key(Role::Title), None);
        assert_eq!(
            record.take(roles.key(Role::Text).unwrap()),
            Some(json!("b"))
        );
        assert!(record.has("text") && !record.has("body"));
    }
}
