//! Shared helpers for text that crosses a trust boundary.
//!
//! Review text is written by strangers. Before it reaches a terminal it
//! loses control and bidi characters (which can hide or reorder output),
//! and before it reaches a CSV cell it loses the power to run as a
//! spreadsheet formula. Every writer goes through these two functions so the
//! rules live in one place.

use std::borrow::Cow;

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

/// A CSV cell that a spreadsheet will show as text, never run as a formula.
/// Cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'`, the
/// neutraliser spreadsheets themselves recognise (OWASP's advice).
pub fn for_csv_cell(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
