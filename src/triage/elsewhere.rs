//! Reviews about another business: posted on this business's page, but
//! recounting a visit somewhere else (an app review about a dinner, a
//! hotel review about the taxi firm outside). A reply would answer for
//! someone else's mistakes, so a person handles these.
//!
//! Two kinds of sign, both data in `phrasebook/lexicon/business.toml`:
//! visits of another kind of business than the profile's ("we were
//! seated" on an app's page) with none of its own, and a venue named that
//! is not the profile's business ("Ordered from Golden Wok"), twice or
//! beside a cue that places it elsewhere ("next door", "this is about").

use super::lexicon::{ElsewhereCues, VisitCues};
use super::matcher::Scratch;
use super::patterns::expand;
use super::trie::{word_hash, Fast, Trie, UNKNOWN};
use crate::business::BusinessKind;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// Signs of a foreign visit needed before a review is flagged.
const SIGNS: usize = 2;
/// A name is at most this many capitalised words.
const NAME_WORDS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sign {
    Visit(BusinessKind),
    Elsewhere,
    Place,
}

/// What the review says of where it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The kind of business visited, when visit cues show it.
    pub kind: Option<BusinessKind>,
    /// The words that show it: a visit cue or the other venue's name.
    pub span: Range<usize>,
}

/// The signs, compiled once.
pub struct Signs {
    trie: Trie<Vec<Sign>>,
    names_after: HashSet<u64, Fast>,
    not_names: HashSet<u64, Fast>,
    also: BTreeMap<BusinessKind, Vec<BusinessKind>>,
}

fn words_of(raw: &str, out: &mut HashSet<u64, Fast>) -> Result<(), String> {
    for pattern in expand(raw)? {
        out.insert(word_hash(pattern.as_bytes()));
    }
    Ok(())
}

/// What the signs are built from, kept so that they are built only when a
/// review's business is known.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub visits: BTreeMap<BusinessKind, VisitCues>,
    pub elsewhere: ElsewhereCues,
}

impl Signs {
    pub fn new(lexicon: &Source) -> Result<Signs, String> {
        let mut trie: Trie<Vec<Sign>> = Trie::new();
        let mut add = |raw: &str, sign: Sign| -> Result<(), String> {
            for pattern in expand(raw)? {
                if let Err(i) = trie.insert(&pattern, vec![sign]) {
                    trie.values[i].push(sign);
                }
            }
            Ok(())
        };
        for (kind, cues) in &lexicon.visits {
            for cue in &cues.cues {
                add(cue.get_ref(), Sign::Visit(*kind))?;
            }
        }
        for cue in &lexicon.elsewhere.cues {
            add(cue.get_ref(), Sign::Elsewhere)?;
        }
        for cue in &lexicon.elsewhere.places {
            add(cue.get_ref(), Sign::Place)?;
        }
        trie.freeze();
        let (mut names_after, mut not_names) = (HashSet::default(), HashSet::default());
        for cue in &lexicon.elsewhere.names_after {
            words_of(cue.get_ref(), &mut names_after)?;
        }
        for cue in &lexicon.elsewhere.not_names {
            words_of(cue.get_ref(), &mut not_names)?;
        }
        let also = lexicon
            .visits
            .iter()
            .map(|(k, v)| (*k, v.also.clone()))
            .collect();
        Ok(Signs {
            trie,
            names_after,
            not_names,
            also,
        })
    }

    fn covers(&self, ours: BusinessKind, visit: BusinessKind) -> bool {
        ours == visit || self.also.get(&ours).is_some_and(|a| a.contains(&visit))
    }

    /// The sign that the review is about another business than `ours`
    /// (its kind and, when known, its name), if there is one.
    pub fn other_business(
        &self,
        s: &Scratch,
        ours: Option<BusinessKind>,
        our_name: Option<&str>,
    ) -> Option<Found> {
        // Knowing neither what nor who the business is, nothing is foreign.
        if ours.is_none() && our_name.is_none() {
            return None;
        }
        let mut visits: Vec<(Range<usize>, BusinessKind)> = Vec::new();
        let (mut elsewhere, mut place) = (None, false);
        let ids: Vec<u32> = (0..s.words.len())
            .map(|i| self.trie.word_id(s.word_hash(i)))
            .collect();
        let mut i = 0;
        while i < ids.len() {
            if ids[i] == UNKNOWN {
                i += 1;
                continue;
            }
            let Some((len, value)) = self.trie.longest(&ids[i..]) else {
                i += 1;
                continue;
            };
            let span = s.words[i].0 - 1..s.words[i + len - 1].1 - 1;
            for sign in &self.trie.values[value] {
                match sign {
                    Sign::Visit(kind) => visits.push((span.clone(), *kind)),
                    Sign::Elsewhere => elsewhere = elsewhere.or(Some(span.clone())),
                    Sign::Place => place = true,
                }
            }
            i += len;
        }
        if let Some(span) = elsewhere {
            return Some(Found { kind: None, span });
        }
        if let Some(ours) = ours {
            if let Some(found) = self.foreign_visit(ours, &visits) {
                return Some(found);
            }
        }
        self.named_elsewhere(s, our_name?, place)
    }

    /// Enough signs of a visit of another kind, and none of ours.
    fn foreign_visit(
        &self,
        ours: BusinessKind,
        visits: &[(Range<usize>, BusinessKind)],
    ) -> Option<Found> {
        if visits.iter().any(|(_, k)| self.covers(ours, *k)) {
            return None;
        }
        let mut best: Option<(usize, &(Range<usize>, BusinessKind))> = None;
        for v in visits {
            let signs = visits.iter().filter(|o| o.1 == v.1).count();
            if signs >= SIGNS && best.is_none_or(|(n, _)| signs > n) {
                best = Some((signs, v));
            }
        }
        best.map(|(_, (span, kind))| Found {
            kind: Some(*kind),
            span: span.clone(),
        })
    }

    /// A venue named that is not ours: twice, or once beside a cue that
    /// places it elsewhere; and named more often than ours ("we meant to go
    /// to Casa Moreno but went to El Toro Grill ... El Toro Grill ...").
    fn named_elsewhere(&self, s: &Scratch, our_name: &str, elsewhere: bool) -> Option<Found> {
        let ours = our_name.trim().to_lowercase();
        if ours.is_empty() {
            return None;
        }
        let ours_named = s.text.to_lowercase().matches(ours.as_str()).count();
        let names = self.names(s);
        let other = |r: &Range<usize>| {
            let name = s.text[r.clone()].to_lowercase();
            !ours.contains(&name) && !name.contains(&ours)
        };
        // "Apex Towing ... Apex charged me": the first word of a name
        // names it again.
        let count = |r: &Range<usize>| {
            let first = s.text[r.clone()]
                .split_whitespace()
                .next()
                .unwrap_or_default();
            let said = s
                .words
                .iter()
                .filter(|&&(a, b)| &s.text[a - 1..b - 1] == first)
                .count();
            // "Golden" of "Golden Dragon Kitchen" names ours, not theirs.
            let in_ours = ours.split_whitespace().any(|w| w == first.to_lowercase());
            said - if in_ours { ours_named.min(said) } else { 0 }
        };
        names
            .iter()
            .find(|r| {
                let n = count(r);
                other(r) && n > ours_named && (elsewhere || n >= 2)
            })
            .map(|r| Found {
                kind: None,
                span: r.clone(),
            })
    }

    /// Spans of names: two or more capitalised words in a row ("Golden
    /// Wok"), or one written as a name after a word such as "from" ("from
    /// HomeNest").
    fn names(&self, s: &Scratch) -> Vec<Range<usize>> {
        let word = |i: usize| {
            let (a, b) = s.words[i];
            (a - 1, b - 1)
        };
        let capital = |i: usize| {
            let (a, b) = word(i);
            let w = &s.text[a..b];
            let mut chars = w.chars();
            let first_upper = chars.next().is_some_and(char::is_uppercase);
            // Shouting ("DO NOT") names nothing.
            let shouted = w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase);
            let hash = s.word_hash(i);
            first_upper && !shouted && !self.not_names.contains(&hash)
        };
        let joined = |i: usize| {
            let (_, end) = word(i - 1);
            let (start, _) = word(i);
            s.text[end..start].bytes().all(|b| b == b' ')
        };
        let after_cue = |i: usize| i > 0 && self.names_after.contains(&s.word_hash(i - 1));
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.words.len() {
            if !capital(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < s.words.len() && j - i < NAME_WORDS && capital(j) && joined(j) {
                j += 1;
            }
            // One word is a name only when written as one ("ParcelSwift"),
            // not a person's first name ("with Kayla").
            let camel = {
                let (a, b) = word(i);
                s.text[a..b].chars().skip(1).any(char::is_uppercase)
            };
            let cued = after_cue(i) || i > 1 && after_cue(i - 1) && !capital(i - 1);
            if j - i >= 2 || cued && camel {
                out.push(word(i).0..word(j - 1).1);
            }
            i = j;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::lexicon::Lexicon;
    use crate::triage::matcher::Matcher;

    fn signs() -> (Signs, Matcher) {
        let lexicon = Lexicon::builtin().unwrap();
        let source = Source {
            visits: lexicon.visits.clone(),
            elsewhere: lexicon.elsewhere.clone(),
        };
        (
            Signs::new(&source).unwrap(),
            Matcher::new(&lexicon).unwrap(),
        )
    }

    fn found(text: &str, ours: Option<BusinessKind>, name: Option<&str>) -> Option<String> {
        let (signs, matcher) = signs();
        let mut s = Scratch::default();
        matcher.scan(None, text, &mut s);
        signs
            .other_business(&s, ours, name)
            .map(|f| text[f.span].to_string())
    }

    #[test]
    fn two_foreign_visit_signs_and_none_of_ours_flag_the_review() {
        let dinner = "We were seated late and our waiter vanished.";
        assert!(found(dinner, Some(BusinessKind::App), None).is_some());
        assert!(found("Our waiter vanished.", Some(BusinessKind::App), None).is_none());
        let both = "We were seated late, our waiter vanished, and the app crashed.";
        assert!(found(both, Some(BusinessKind::App), None).is_none());
        assert!(
            found(dinner, Some(BusinessKind::Hotel), None).is_none(),
            "hotels have restaurants"
        );
    }

    #[test]
    fn a_venue_named_twice_or_placed_elsewhere_is_another_business() {
        let ours = Some("Golden Dragon Kitchen");
        let twice = "Ordered from Golden Wok on Friday. Never again, Golden Wok.";
        assert_eq!(found(twice, None, ours).as_deref(), Some("Golden Wok"));
        let placed = "Don't bother with Club Vault upstairs, the bouncers were rude.";
        assert_eq!(found(placed, None, ours).as_deref(), Some("Club Vault"));
        // Once, with nothing placing it elsewhere, is a mention.
        assert_eq!(found("We went on to Golden Wok after.", None, ours), None);
        // Naming ours as often, or knowing no name, decides nothing.
        let ours_too = "Golden Wok next door is fine, but Golden Dragon Kitchen was cold.";
        assert_eq!(found(ours_too, None, ours), None);
        let instead = "We meant to go to Golden Dragon Kitchen but went to Golden Wok. \
                       Golden Wok served cold noodles.";
        assert_eq!(found(instead, None, ours).as_deref(), Some("Golden Wok"));
        assert_eq!(found(twice, None, None), None);
        // Days, months and shouting are no names.
        assert_eq!(
            found(
                "DO NOT GO. Went on Saturday and again on Saturday.",
                None,
                ours
            ),
            None
        );
    }

    #[test]
    fn every_elsewhere_example_names_another_business() {
        let lexicon = Lexicon::builtin().unwrap();
        assert!(!lexicon.elsewhere.examples.is_empty());
        for example in &lexicon.elsewhere.examples {
            assert!(
                found(example, None, Some("Harbour Kitchen")).is_some(),
                "{example:?}"
            );
        }
    }
}
