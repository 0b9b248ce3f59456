//! The small pattern language of lexicon entries, and the text
//! normalisation it matches against.
//!
//! A cue is written the way people write it ("won't be back") and may hold
//! alternatives in parentheses ("(won't|will not) be back", an empty
//! alternative makes a word optional), `#` for a number ("waited #
//! minutes") and `##` for a number of two digits or more ("waited ##
//! minutes" is a wait worth complaining of, "waited 5 minutes" is not).
//! Both the cue and the review are normalised the same way —
//! lower case, punctuation to spaces, every digit to `0` — so one
//! case-sensitive automaton finds cues on word boundaries, and the
//! normalised text keeps the byte offsets of the original, so every cue has
//! an exact span in what the reviewer wrote.

/// The most patterns one entry may expand to; beyond that a typo in the
/// alternatives is more likely than an intended list.
const MAX_EXPANSIONS: usize = 2048;

/// Expands one lexicon entry into the cues the matcher looks for (words
/// separated by single spaces), with apostrophe variants ("don't" and
/// "dont"; "don’t" is "don't" once hashed).
pub fn expand(raw: &str) -> Result<Vec<String>, String> {
    if raw.contains(|c: char| c.is_ascii_digit()) {
        return Err(format!(
            "{raw:?}: write # for a number (digits are not told apart, so \"1\" would match \"5\" too)"
        ));
    }
    let mut out = Vec::new();
    for alternative in alternatives(&raw.to_lowercase().replace('\u{2019}', "'"))? {
        let cue = canonical(&alternative);
        if cue.is_empty() {
            if alternative.trim().is_empty() {
                continue;
            }
            return Err(format!("{raw:?} has no letters or digits to match"));
        }
        let mut push = |numbered: String| {
            // The curly spelling is folded into the straight one when
            // words are hashed ([`super::trie::word_hash`]).
            if numbered.contains('\'') {
                out.push(numbered.replace('\'', ""));
            }
            out.push(numbered);
        };
        if cue.contains('#') {
            numbers(&cue).into_iter().for_each(&mut push);
        } else {
            push(cue);
        }
        if out.len() > MAX_EXPANSIONS {
            return Err(format!(
                "{raw:?} expands to more than {MAX_EXPANSIONS} patterns"
            ));
        }
    }
    if out.is_empty() {
        return Err(format!("{raw:?} is empty"));
    }
    Ok(out)
}

/// Every reading of `(a|b)` groups, nested groups included.
fn alternatives(raw: &str) -> Result<Vec<String>, String> {
    let Some(open) = raw.find('(') else {
        if raw.contains([')', '|']) {
            return Err(format!("{raw:?}: ')' or '|' outside parentheses"));
        }
        return Ok(vec![raw.to_string()]);
    };
    let mut depth = 0usize;
    let mut close = None;
    let mut splits = Vec::new();
    for (i, c) in raw[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            '|' if depth == 1 => splits.push(open + i),
            _ => {}
        }
    }
    let close = close.ok_or_else(|| format!("{raw:?}: '(' is never closed"))?;
    let mut options = Vec::new();
    let mut from = open + 1;
    for split in splits.into_iter().chain([close]) {
        options.push(&raw[from..split]);
        from = split + 1;
    }
    let head = &raw[..open];
    let tails = alternatives(&raw[close + 1..])?;
    let mut out = Vec::new();
    for option in options {
        for middle in alternatives(option)? {
            for tail in &tails {
                let mut joined = String::with_capacity(head.len() + middle.len() + tail.len());
                joined.push_str(head);
                joined.push_str(&middle);
                joined.push_str(tail);
                out.push(joined);
                if out.len() > MAX_EXPANSIONS {
                    return Err(format!(
                        "{raw:?} expands to more than {MAX_EXPANSIONS} patterns"
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// A cue in normal form: words of lower-case letters and `0`s separated by
/// single spaces; apostrophes inside words kept as `'`, `#` kept.
pub(super) fn canonical(cue: &str) -> String {
    let mut out = String::with_capacity(cue.len());
    // Tens of thousands of cue spellings pass here at start-up: one pass,
    // looking one character back and one ahead, with no buffer of chars.
    let mut before = None::<char>;
    let mut chars = cue.chars().peekable();
    while let Some(c) = chars.next() {
        let mapped = match c {
            'a'..='z' => c,
            '\'' | '\u{2019}' => {
                let inside = before.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|n| n.is_alphabetic());
                if inside {
                    '\''
                } else {
                    ' '
                }
            }
            '#' => '#',
            c if c.is_ascii_digit() => '0',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        before = Some(c);
        if mapped == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(mapped);
    }
    out.truncate(out.trim_end().len());
    out
}

/// `#` as numbers of one to three digits, `##` of two or three (digits
/// are normalised to `0`).
fn numbers(cue: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = cue.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#' {
            let long = chars.next_if_eq(&'#').is_some();
            let forms: &[&str] = if long {
                &["00", "000"]
            } else {
                &["0", "00", "000"]
            };
            out = out
                .into_iter()
                .flat_map(|s| forms.iter().map(move |n| format!("{s}{n}")))
                .collect();
        } else {
            out.iter_mut().for_each(|s| s.push(c));
        }
    }
    out
}

/// Facts gathered while normalising a review, in one pass over its bytes.
#[derive(Debug, Default, Clone, Copy)]
pub struct Shape {
    pub upper: u32,
    pub lower: u32,
}

/// Normalises `text` into `out` (cleared first): `out` is `text` with one
/// space before and after, ASCII letters lower-cased, digits as `0`,
/// apostrophes kept only inside words and every other non-letter byte a
/// space. Non-ASCII letters keep their bytes, so offsets are preserved:
/// byte `i` of `text` is byte `i + 1` of `out`. The spans of `out`'s words
/// (runs of non-spaces) go to `words`, in the same pass.
pub fn normalize_into(text: &str, out: &mut Vec<u8>, words: &mut Vec<(usize, usize)>) -> Shape {
    let bytes = text.as_bytes();
    out.clear();
    out.resize(bytes.len() + 2, b' ');
    words.clear();
    let mut shape = Shape::default();
    let mut word_start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, keep) = if b.is_ascii() {
            let mapped = match b {
                b'a'..=b'z' => {
                    shape.lower += 1;
                    b
                }
                b'A'..=b'Z' => {
                    shape.upper += 1;
                    b.to_ascii_lowercase()
                }
                b'0'..=b'9' => b'0',
                b'\'' if inside_word(bytes, i, 1) => b'\'',
                _ => b' ',
            };
            out[i + 1] = mapped;
            (1, mapped != b' ')
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            let keep = if c == '\u{2019}' {
                inside_word(bytes, i, len)
            } else {
                c.is_alphanumeric()
            };
            if keep {
                out[i + 1..i + 1 + len].copy_from_slice(&bytes[i..i + len]);
            }
            (len, keep)
        };
        match (keep, word_start) {
            (true, None) => word_start = Some(i + 1),
            (false, Some(start)) => {
                words.push((start, i + 1));
                word_start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        words.push((start, bytes.len() + 1));
    }
    shape
}

/// An apostrophe of `len` bytes at `i` sits between a letter or digit and
/// a letter ("don't", "90's"), not around a quotation.
fn inside_word(bytes: &[u8], i: usize, len: usize) -> bool {
    let before = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
    let after = bytes.get(i + len).is_some_and(u8::is_ascii_alphabetic);
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_and_optional_words_expand() {
        let got = expand("(won't|will not) be (back|)").unwrap();
        for want in [
            "won't be back",
            "wont be back",
            "will not be back",
            "will not be",
        ] {
            assert!(got.contains(&want.to_string()), "{want:?} in {got:?}");
        }
        // A curly apostrophe in a cue is the straight one, and in a review
        // hashes as the straight one.
        assert_eq!(expand("won’t").unwrap(), expand("won't").unwrap());
        use super::super::trie::{curly_word_hash, word_hash};
        assert_eq!(curly_word_hash("won’t".as_bytes()), word_hash(b"won't"));
        assert_ne!(curly_word_hash(b"wont"), word_hash(b"won't"));
    }

    #[test]
    fn numbers_and_punctuation_normalise() {
        let got = expand("Waited # minutes!").unwrap();
        assert_eq!(
            got,
            [
                "waited 0 minutes",
                "waited 00 minutes",
                "waited 000 minutes"
            ]
        );
        assert_eq!(expand("#/#").unwrap().len(), 9);
        assert_eq!(
            expand("## mins").unwrap(),
            ["00 mins", "000 mins"],
            "## is a number of two digits or more"
        );
        assert!(expand("1 star").is_err(), "a digit would match every digit");
    }

    #[test]
    fn bad_patterns_are_rejected() {
        assert!(expand("(never|again").is_err());
        assert!(expand("a|b").is_err());
        assert!(expand("!!!").is_err());
        assert!(expand("(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)(a|b|c|d|e|f|g|h)(a|b|c|d|e)").is_err());
    }

    #[test]
    fn text_normalisation_keeps_offsets() {
        let mut out = Vec::new();
        let mut words = Vec::new();
        let text = "Don’t GO, it's “bad”—2 stars. Café";
        let shape = normalize_into(text, &mut out, &mut words);
        assert_eq!(out.len(), text.len() + 2);
        let norm = String::from_utf8(out).unwrap();
        assert!(norm.starts_with(" don’t go  it's "));
        assert!(norm.contains(" bad "));
        assert!(norm.contains(" 0 stars "));
        assert!(norm.contains(" café "));
        let words: Vec<&str> = words.iter().map(|&(a, b)| &norm[a..b]).collect();
        assert_eq!(words, ["don’t", "go", "it's", "bad", "0", "stars", "café"]);
        assert_eq!(shape.upper, 4);
    }
}
