//! The pattern language of `find`, `unless` and idioms: plain regexes plus
//! what every rule would otherwise repeat, handled here once.
//!
//! - A contraction written in a pattern matches all its spellings:
//!   `can't` also matches `can’t`, `cannot`, `can not` and `cant`;
//!   `won't` matches `will not`; `it's` matches `it is`; and so on.
//! - Every other `'` matches a straight, curly or modifier apostrophe.
//! - `{name}` inserts a macro from the phrasebook's `rewrite.toml`.
//! - The whole pattern is case-insensitive and may only start and end on
//!   word boundaries, so `cant` never matches inside `recanted`.
//! - `\b` means an ASCII word boundary. Unicode boundaries would make the
//!   fast DFA give up on any text with `£` or `’` in it.

use std::collections::BTreeMap;

/// Contractions and the spellings each one also matches. Keys are lower
/// case with a straight apostrophe.
const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("can't", &["can't", "cannot", "can not", "cant"]),
    ("won't", &["won't", "will not", "wont"]),
    ("don't", &["don't", "do not", "dont"]),
    ("doesn't", &["doesn't", "does not", "doesnt"]),
    ("didn't", &["didn't", "did not", "didnt"]),
    ("isn't", &["isn't", "is not", "isnt"]),
    ("aren't", &["aren't", "are not", "arent"]),
    ("wasn't", &["wasn't", "was not", "wasnt"]),
    ("weren't", &["weren't", "were not"]),
    ("haven't", &["haven't", "have not", "havent"]),
    ("hasn't", &["hasn't", "has not", "hasnt"]),
    ("couldn't", &["couldn't", "could not", "couldnt"]),
    ("wouldn't", &["wouldn't", "would not", "wouldnt"]),
    ("shouldn't", &["shouldn't", "should not", "shouldnt"]),
    ("it's", &["it's", "it is"]),
    ("that's", &["that's", "that is", "thats"]),
    ("there's", &["there's", "there is", "theres"]),
    ("we're", &["we're", "we are"]),
    ("you're", &["you're", "you are", "youre"]),
    ("they're", &["they're", "they are"]),
    ("i'm", &["i'm", "i am", "im"]),
    ("we'll", &["we'll", "we will"]),
    ("you'll", &["you'll", "you will", "youll"]),
    ("i'll", &["i'll", "i will"]),
    ("it'll", &["it'll", "it will"]),
    ("we've", &["we've", "we have"]),
    ("i've", &["i've", "i have"]),
    ("you've", &["you've", "you have"]),
];

/// Apostrophes a text may use where a pattern says `'`.
const APOSTROPHES: &str = "['\u{2019}\u{02BC}]";

/// Macros a pattern may use as `{name}`.
pub type Macros = BTreeMap<String, String>;

/// The full pattern for `source`: macros, contractions, apostrophes and
/// word boundaries applied, ready for the regex engine.
pub fn expand(source: &str, macros: &Macros) -> Result<String, String> {
    let with_macros = substitute_macros(source, macros, 0)?;
    let local = localize(&with_macros)?;
    Ok(format!(
        "(?i)(?-u:\\b{{start-half}}|\\b{{end-half}})(?:{local})(?-u:\\b{{start-half}}|\\b{{end-half}})"
    ))
}

/// `source` with contractions and apostrophes applied but no boundaries;
/// for patterns that are searched, not matched as words (`unless`).
pub fn expand_loose(source: &str, macros: &Macros) -> Result<String, String> {
    let with_macros = substitute_macros(source, macros, 0)?;
    Ok(format!("(?i){}", localize(&with_macros)?))
}

fn substitute_macros(source: &str, macros: &Macros, depth: usize) -> Result<String, String> {
    if depth > 8 {
        return Err("macros nest more than 8 deep (does one use itself?)".into());
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        let escaped = rest[..open].ends_with('\\') && !rest[..open].ends_with("\\\\");
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(after.len());
        let is_macro = !escaped
            && name_len > 0
            && after.as_bytes()[0].is_ascii_lowercase()
            && after[name_len..].starts_with('}')
            && !is_look_around(&rest[..open], &after[..name_len]);
        if !is_macro {
            out.push_str(&rest[..=open]);
            rest = after;
            continue;
        }
        let name = &after[..name_len];
        let body = macros.get(name).ok_or_else(|| {
            let known: Vec<&str> = macros.keys().map(String::as_str).collect();
            format!("unknown macro {{{name}}}; known macros: {}", known.join(", "))
        })?;
        out.push_str(&rest[..open]);
        out.push_str("(?:");
        out.push_str(&substitute_macros(body, macros, depth + 1)?);
        out.push(')');
        rest = &after[name_len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `\b{start-half}` and friends are regex syntax, not macros.
fn is_look_around(before: &str, name: &str) -> bool {
    (before.ends_with("\\b") || before.ends_with("\\B"))
        && matches!(name, "start" | "end" | "start-half" | "end-half")
}

/// Applies contractions, apostrophes and ASCII `\b` outside character
/// classes; inside a class an apostrophe admits its curly forms too.
fn localize(source: &str) -> Result<String, String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let next = *chars
                    .get(i + 1)
                    .ok_or("the pattern ends with a lone backslash")?;
                let braced = chars.get(i + 2) == Some(&'{');
                let end = if braced {
                    i + 2 + closing(&chars[i + 2..], '}').ok_or("unclosed `{` after `\\`")?
                } else {
                    i + 1
                };
                let escape: String = chars[i..=end].iter().collect();
                if matches!(next, 'b' | 'B') {
                    out.push_str(&format!("(?-u:{escape})"));
                } else {
                    out.push_str(&escape);
                }
                i = end + 1;
            }
            '[' => {
                let end = class_end(&chars, i).ok_or("unclosed `[` character class")?;
                for &k in &chars[i..=end] {
                    out.push(k);
                    if k == '\'' {
                        out.push_str("\u{2019}\u{02BC}");
                    }
                }
                i = end + 1;
            }
            '(' if chars.get(i + 1) == Some(&'?') => {
                // Group names and flags are not words of the text.
                let stop = chars[i + 2..]
                    .iter()
                    .position(|&k| matches!(k, '>' | ':' | ')'))
                    .map_or(chars.len() - 1, |p| i + 2 + p);
                out.extend(&chars[i..=stop]);
                i = stop + 1;
            }
            '{' => {
                let end = closing(&chars[i..], '}').map_or(i, |p| i + p);
                out.extend(&chars[i..=end]);
                i = end + 1;
            }
            c if c.is_ascii_alphabetic() || is_apostrophe(c) => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphabetic() || is_apostrophe(chars[i])) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                out.push_str(&spell_word(&word));
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Offset of the first `close` in `chars`.
fn closing(chars: &[char], close: char) -> Option<usize> {
    chars.iter().position(|&c| c == close)
}

/// Index of the `]` closing the class that opens at `open`.
fn class_end(chars: &[char], open: usize) -> Option<usize> {
    let mut i = open + 1;
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    let mut depth = 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A word of a pattern as regex source: a contraction becomes all its
/// spellings, any other apostrophe admits the curly forms.
fn spell_word(word: &str) -> String {
    let key: String = word
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c.to_ascii_lowercase() })
        .collect();
    let apostrophes = |s: &str| s.replace('\'', APOSTROPHES);
    match CONTRACTIONS.iter().find(|(k, _)| *k == key) {
        Some((_, spellings)) => {
            let alternatives: Vec<String> = spellings
                .iter()
                .map(|s| apostrophes(s).replace(' ', "\\s+"))
                .collect();
            format!("(?:{})", alternatives.join("|"))
        }
        None => apostrophes(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn compile(source: &str) -> Regex {
        Regex::new(&expand(source, &Macros::new()).unwrap()).unwrap()
    }

    #[test]
    fn one_contraction_matches_every_spelling() {
        let re = compile("we can't refund");
        for text in [
            "we can't refund",
            "We can\u{2019}t refund",
            "WE CANNOT REFUND",
            "we can not refund",
            "we cant refund",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        assert!(!re.is_match("we can refund"));
    }

    #[test]
    fn matches_start_and_end_on_word_boundaries() {
        let re = compile("cant");
        assert!(!re.is_match("recanted"));
        assert!(re.is_match("I cant."));
        let comma = compile(r",\s*unfortunately");
        assert!(comma.is_match("We are, unfortunately, out"), "a leading comma may follow a word");
        assert!(compile(r"\bsold out").is_match("it is sold out £"));
    }

    #[test]
    fn classes_names_and_repetitions_are_left_alone() {
        let re = compile(r"(?P<who>we|they)'(?:re|ll) [a-z']{2,9}");
        assert!(re.is_match("they\u{2019}ll don\u{2019}t"));
        assert!(re.is_match("we're gonna"));
    }

    #[test]
    fn macros_expand_and_unknown_ones_are_named() {
        let mut macros = Macros::new();
        macros.insert("day".into(), "monday|friday".into());
        macros.insert("when".into(), "on {day}".into());
        let re = Regex::new(&expand("until {when}", &macros).unwrap()).unwrap();
        assert!(re.is_match("until on Friday"));
        let error = expand("{nope}", &macros).unwrap_err();
        assert!(error.contains("unknown macro {nope}") && error.contains("day, when"));
        assert!(expand(r"a{2} \b{start-half}x", &macros).is_ok());
    }
}
