//! Shared helpers for text: crossing trust boundaries, and editing words.
//!
//! Review text is written by strangers. Before it reaches a terminal it
//! loses control and bidi characters (which can hide or reorder output),
//! and before it reaches a CSV cell it loses the power to run as a
//! spreadsheet formula. Every writer goes through these two functions so the
//! rules live in one place.
//!
//! Rewriting replaces words inside someone else's sentence, so the
//! replacement must look as if it had been typed there: the same case
//! (`CAN'T` becomes `CAN`) and the same apostrophes (straight or curly).
//! Those helpers live here too, as does turning byte offsets into the
//! `line:column` positions every located message uses, and the loose
//! spelling by which column names and platform labels are compared.

use std::borrow::Cow;

/// A name as it is compared loosely: its letters and digits, lower case.
/// `Review Text`, `review_text` and `reviewText` are one column to a
/// person, and `Google Play` and `google_play` one platform.
pub fn loose_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// [`loose_chars`] of `name` written into `buf`, or `None` when they do
/// not fit: names are short, so the record-by-record lookups of column
/// names and labels need no allocation.
pub fn loose_into<'a>(name: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let mut len = 0;
    if name.is_ascii() {
        // The same folding, byte by byte: Unicode lower-casing per char
        // cost more than the rest of reading a record's column names.
        for b in name.bytes().filter(u8::is_ascii_alphanumeric) {
            *buf.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
        }
        return std::str::from_utf8(&buf[..len]).ok();
    }
    for c in loose_chars(name) {
        let end = len + c.len_utf8();
        c.encode_utf8(buf.get_mut(len..end)?);
        len = end;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// True for characters that must never reach a terminal: C0/C1 controls
/// (ESC starts colour and cursor sequences) and the bidi overrides and
/// isolates that can make text display in a different order than it reads.
fn is_unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text safe to print on a terminal. Line breaks and tabs are kept when
/// `keep_newlines` is set, otherwise folded into spaces (table cells).
pub fn for_terminal(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs_work = text
        .chars()
        .any(|c| is_unsafe_for_terminal(c) || (!keep_newlines && (c == '\n' || c == '\t')));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' if !keep_newlines => out.push(' '),
            '\r' => {}
            c if is_unsafe_for_terminal(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A CSV text cell that a spreadsheet will show as text, never run as a
/// formula. Cells starting with `=`, `+`, `-`, `@`, tab or CR, or with
/// spaces and then one of those (spreadsheets skip the spaces), get a
/// leading `'`, the neutraliser spreadsheets themselves recognise (OWASP's
/// advice). Numbers are not text cells: the writer leaves them alone.
pub fn for_csv_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['\t', '\r']) {
        return Cow::Owned(format!("'{cell}"));
    }
    match cell.trim_start_matches([' ', '\u{A0}']).chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Shortens `text` to at most `max` characters for display, ending in `…`.
pub fn truncate_chars(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    Cow::Owned(format!("{}…", kept.trim_end()))
}

/// `at` moved back onto `text` and onto a character boundary, so slicing
/// there never panics.
pub fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// 1-based line and column (counted in characters) of a byte offset.
/// Offsets past the end or inside a character are clamped, never a panic.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..char_floor(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// How a stretch of original text was capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `CAN'T`: two or more letters and none of them lower case.
    Upper,
    /// `Can't`: starts with a capital.
    Title,
    /// Anything else; the replacement keeps the case it was written in.
    AsWritten,
}

impl Case {
    pub fn of(original: &str) -> Case {
        let mut letters = original.chars().filter(|c| c.is_alphabetic()).peekable();
        match letters.next() {
            Some(first) if first.is_uppercase() => {
                if letters.peek().is_some() && letters.all(|c| !c.is_lowercase()) {
                    Case::Upper
                } else {
                    Case::Title
                }
            }
            _ => Case::AsWritten,
        }
    }

    /// `replacement` in this case. Title case only raises the first letter,
    /// so names and acronyms inside the replacement keep their capitals.
    pub fn apply(self, replacement: &str) -> String {
        match self {
            Case::Upper => replacement.to_uppercase(),
            Case::Title => capitalize_first(replacement),
            Case::AsWritten => replacement.to_string(),
        }
    }
}

/// The replacement for `original`, in the case `original` was written in:
/// the case-preserving replace behind every rewrite.
pub fn match_case(original: &str, replacement: &str) -> String {
    Case::of(original).apply(replacement)
}

/// `text` with its first letter (after any opening quotes or brackets) in
/// upper case.
pub fn capitalize_first(text: &str) -> String {
    match text.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((i, c)) if c.is_lowercase() => {
            let mut out = String::with_capacity(text.len() + 2);
            out.push_str(&text[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&text[i + c.len_utf8()..]);
            out
        }
        _ => text.to_string(),
    }
}

/// The apostrophe a text uses: curly when it has curly ones and no
/// straight ones, straight otherwise.
pub fn apostrophe_of(text: &str) -> char {
    if text.contains('\u{2019}') && !text.contains('\'') {
        '\u{2019}'
    } else {
        '\''
    }
}

/// `text` with its straight apostrophes turned into `apostrophe`.
pub fn with_apostrophe(text: &str, apostrophe: char) -> Cow<'_, str> {
    if apostrophe == '\'' || !text.contains('\'') {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.replace('\'', &apostrophe.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_spelling_is_the_same_on_the_stack_and_off_it() {
        let mut buf = [0u8; 32];
        for name in [
            "Review Text",
            "review_text",
            "reviewText",
            "Überschrift",
            "İD",
            "Google Play",
        ] {
            let want: String = loose_chars(name).collect();
            assert_eq!(loose_into(name, &mut buf), Some(want.as_str()), "{name}");
        }
        assert_eq!(loose_into("Review Text", &mut buf), Some("reviewtext"));
        assert_eq!(loose_into(&"x".repeat(33), &mut buf), None);
        assert_eq!(loose_into(&"é".repeat(17), &mut buf), None);
    }

    #[test]
    fn terminal_text_loses_escapes_and_bidi() {
        let evil = "ok\u{1b}[31mred\u{202E}desrever\u{7}";
        let safe = for_terminal(evil, false);
        assert!(!safe.contains('\u{1b}'));
        assert!(!safe.contains('\u{202E}'));
        assert!(!safe.contains('\u{7}'));
        assert!(safe.contains("red"));
    }

    #[test]
    fn terminal_text_folds_newlines_only_when_asked() {
        assert_eq!(for_terminal("a\nb", false), "a b");
        assert_eq!(for_terminal("a\nb", true), "a\nb");
        assert!(matches!(for_terminal("plain", false), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(for_csv_cell(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(for_csv_cell("fine = ok"), "fine = ok");
        assert_eq!(for_csv_cell(""), "");
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate_chars("héllo wörld", 6), "héllo…");
        assert_eq!(truncate_chars("short", 10), "short");
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = [\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 3), "columns count characters");
        assert_eq!(
            line_column(text, 8),
            (2, 2),
            "inside a character is clamped"
        );
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn replacements_take_the_case_of_the_original() {
        assert_eq!(match_case("CAN'T", "can"), "CAN");
        assert_eq!(match_case("Cannot", "can"), "Can");
        assert_eq!(match_case("cannot", "can"), "can");
        assert_eq!(match_case("I", "let me"), "Let me");
        assert_eq!(match_case("unfortunately", "I see"), "I see");
        assert_eq!(
            match_case("We can't", "we can ship to Norway"),
            "We can ship to Norway"
        );
        assert_eq!(capitalize_first("\u{201c}yes"), "\u{201c}Yes");
    }

    #[test]
    fn apostrophes_follow_the_text() {
        assert_eq!(apostrophe_of("we can\u{2019}t"), '\u{2019}');
        assert_eq!(apostrophe_of("we can't"), '\'');
        assert_eq!(apostrophe_of("mixed ' and \u{2019}"), '\'');
        assert_eq!(with_apostrophe("we'll", '\u{2019}'), "we\u{2019}ll");
        assert_eq!(with_apostrophe("we'll", '\''), "we'll");
    }
}
