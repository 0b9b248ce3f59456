//! The words of a span and the small text tests naming runs on: which
//! words there are, whether a span quotes speech, whether a word is
//! written elsewhere as a name or as a common word.

use std::ops::Range;

/// A word of a span: its bytes and its lower-case form for matching.
pub struct Word {
    pub range: Range<usize>,
    pub lower: String,
}

pub fn words(text: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices().chain([(text.len(), ' ')]) {
        let part = ch.is_alphanumeric() || matches!(ch, '\'' | '’' | '-' | '$' | '£' | '€' | '.');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let raw = text[s..i].trim_end_matches('.');
                if !raw.is_empty() {
                    out.push(Word {
                        range: offset + s..offset + s + raw.len(),
                        lower: raw.to_lowercase().replace('’', "'"),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `text` quotes someone with single quotes ("said the website
/// was 'out of date'"): a quote mark, not an apostrophe inside a word.
pub fn quotes(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '\'' | '‘' | '’')
            && !(i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
            && !(i > 0 && chars[i - 1] == 's' && chars.get(i + 1).is_none_or(|n| n.is_whitespace()))
    })
}

/// Whether `lower` appears in `review` written in lower case.
pub fn lower_elsewhere(review: &str, lower: &str) -> bool {
    review.match_indices(lower).any(|(i, _)| {
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        bounded(review[..i].chars().next_back())
            && bounded(review[i + lower.len()..].chars().next())
    })
}

/// Whether `word` appears capitalised in `review` other than at the
/// start of a sentence.
pub fn capitalised_elsewhere(review: &str, word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_uppercase)
        || word.chars().skip(1).any(char::is_uppercase)
    {
        return false;
    }
    review.match_indices(word).any(|(i, _)| {
        let before = review[..i].trim_end();
        !before.is_empty()
            // After a colon or a list mark a capital is a sentence's too.
            && !before.ends_with(['.', '!', '?', '\n', '"', ':', '-', '*', '\u{2022}'])
            && review[..i].ends_with(' ')
    })
}

/// Replaces whole-word occurrences of `from` (lower case) with `to`.
pub fn replace_words(text: &str, from: &str, to: &str) -> String {
    let low = text.to_lowercase();
    if low.len() != text.len() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, _) in low.match_indices(from) {
        let bounded = |j: usize| low[j..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let starts = i == 0
            || !low[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if i >= last && starts && bounded(i + from.len()) {
            out.push_str(&text[last..i]);
            out.push_str(to);
            last = i + from.len();
        }
    }
    out.push_str(&text[last..]);
    out
}
