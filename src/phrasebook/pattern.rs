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
//! - `\b` means an ASCII word boundary, `\w` and `\d` ASCII classes.
//!   Unicode boundaries would make the fast DFA give up on any text with
//!   `£` or `’` in it, and rules are about English words.

use regex_automata::meta;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::OnceLock;

/// A regex compiled on first use, then kept. Big rule patterns take a
/// millisecond or two each to compile; a short `replywise rewrite "..."`
/// only pays for the few rules whose literals occur in its text.
#[derive(Debug, Clone)]
pub struct LazyRegex {
    source: Source,
    compiled: OnceLock<meta::Regex>,
}

#[derive(Debug, Clone)]
enum Source {
    /// Ready for the regex engine.
    Expanded(String),
    /// As written in a rule file, expanded on first use too: most of the
    /// built-in patterns never run in a short session.
    Written {
        source: String,
        macros: Arc<Macros>,
        /// No word boundaries, as for `unless` ([`expand_loose`]).
        loose: bool,
    },
}

impl LazyRegex {
    pub fn new(pattern: String) -> LazyRegex {
        LazyRegex {
            source: Source::Expanded(pattern),
            compiled: OnceLock::new(),
        }
    }

    /// A pattern as written, expanded with `macros` when first compiled.
    pub fn deferred(source: &str, macros: &Arc<Macros>, loose: bool) -> LazyRegex {
        LazyRegex {
            source: Source::Written {
                source: source.to_string(),
                macros: Arc::clone(macros),
                loose,
            },
            compiled: OnceLock::new(),
        }
    }

    fn build(&self) -> Result<meta::Regex, String> {
        let pattern = match &self.source {
            Source::Expanded(pattern) => Cow::Borrowed(pattern.as_str()),
            Source::Written {
                source,
                macros,
                loose: false,
            } => Cow::Owned(expand(source, macros)?),
            Source::Written { source, macros, .. } => Cow::Owned(expand_loose(source, macros)?),
        };
        // The prefilter has already found the literals a match needs, in
        // the short stretch a rule runs on: the engine's own literal
        // optimisations would only cost build time.
        meta::Regex::builder()
            .configure(meta::Config::new().auto_prefilter(false))
            .build(&pattern)
            .map_err(|e| match e.syntax_error() {
                Some(syntax) => syntax_reason(&syntax.to_string()),
                None => e.to_string(),
            })
    }

    /// Compiles now, reporting a bad pattern: the loader calls this for
    /// user files so errors are located before any text is read.
    pub fn compile(&self) -> Result<&meta::Regex, String> {
        if let Some(regex) = self.compiled.get() {
            return Ok(regex);
        }
        let regex = self.build()?;
        Ok(self.compiled.get_or_init(|| regex))
    }

    /// The compiled regex. Patterns are checked before use: user files at
    /// load time, the built-in phrasebook by its tests.
    pub fn get(&self) -> &meta::Regex {
        self.compiled.get_or_init(|| {
            self.build()
                .expect("patterns are compiled at load or proven by tests")
        })
    }
}

/// The line of a regex syntax error that says what is wrong: the message
/// is several lines showing the expanded pattern.
fn syntax_reason(text: &str) -> String {
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error:"))
        .map_or_else(
            || text.lines().last().unwrap_or("").trim().to_string(),
            |l| l.trim().to_string(),
        )
}

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

/// A pattern with the literals every match must contain: checked first,
/// so the regex is compiled and run only when it could match.
#[derive(Debug, Clone)]
pub struct Guarded {
    pub regex: LazyRegex,
    /// As [`crate::phrasebook::literals::Analysis::required`].
    pub required: Vec<Vec<String>>,
}

impl Guarded {
    /// False when `folded` (a text with its whitespace folded, in ASCII
    /// lower case: see [`super::folded::Folded`]) lacks a literal the pattern needs.
    pub fn may_match(&self, folded: &str) -> bool {
        self.required
            .iter()
            .all(|set| set.iter().any(|literal| folded.contains(literal.as_str())))
    }

    /// `folded` is `text` folded and lowered, as for [`Guarded::may_match`].
    pub fn is_match(&self, text: &str, folded: &str) -> bool {
        self.may_match(folded) && self.regex.get().is_match(text)
    }
}

/// First character of the private-use plane; `{macro}` number k stands in
/// as the character at `PLACEHOLDER + k` while a pattern is analysed, so
/// each macro body is parsed once rather than once per rule using it.
pub const PLACEHOLDER: u32 = 0xF0000;

/// `source` localised, with each macro reference replaced by a placeholder
/// character; returns the macro names in placeholder order.
pub fn with_placeholders(source: &str, macros: &Macros) -> Result<(String, Vec<String>), String> {
    let mut names: Vec<String> = Vec::new();
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some((before, name, after)) = next_macro(rest) {
        if !macros.contains_key(name) {
            return Err(unknown_macro(name, macros));
        }
        out.push_str(before);
        let index = names.iter().position(|n| n == name).unwrap_or_else(|| {
            names.push(name.to_string());
            names.len() - 1
        });
        let k = u32::try_from(index).map_err(|_| "too many macros".to_string())?;
        out.push(char::from_u32(PLACEHOLDER + k).ok_or("too many macros")?);
        rest = after;
    }
    out.push_str(rest);
    Ok((localize(&out)?, names))
}

fn unknown_macro(name: &str, macros: &Macros) -> String {
    let known: Vec<&str> = macros.keys().map(String::as_str).collect();
    format!(
        "unknown macro {{{name}}}; known macros: {}",
        known.join(", ")
    )
}

/// The next `{name}` macro reference in `text`: text before it, the name,
/// and the text after it.
fn next_macro(text: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(offset) = text[from..].find('{') {
        let open = from + offset;
        let before = &text[..open];
        let escaped = before.ends_with('\\') && !before.ends_with("\\\\");
        let after = &text[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(after.len());
        let is_macro = !escaped
            && name_len > 0
            && after.as_bytes()[0].is_ascii_lowercase()
            && after[name_len..].starts_with('}')
            && !is_look_around(before, &after[..name_len]);
        if is_macro {
            return Some((before, &after[..name_len], &after[name_len + 1..]));
        }
        from = open + 1;
    }
    None
}

fn substitute_macros(source: &str, macros: &Macros, depth: usize) -> Result<String, String> {
    if depth > 8 {
        return Err("macros nest more than 8 deep (does one use itself?)".into());
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some((before, name, after)) = next_macro(rest) {
        let body = macros
            .get(name)
            .ok_or_else(|| unknown_macro(name, macros))?;
        out.push_str(before);
        out.push_str("(?:");
        out.push_str(&substitute_macros(body, macros, depth + 1)?);
        out.push(')');
        rest = after;
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
                if matches!(next, 'b' | 'B' | 'w' | 'd') {
                    // ASCII: Unicode boundaries stop the fast DFA on any
                    // non-ASCII text, and a Unicode \w is slow to compile.
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
                while i < chars.len() && (chars[i].is_ascii_alphabetic() || is_apostrophe(chars[i]))
                {
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
        .map(|c| {
            if is_apostrophe(c) {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        })
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
        assert!(
            comma.is_match("We are, unfortunately, out"),
            "a leading comma may follow a word"
        );
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
