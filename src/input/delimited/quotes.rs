//! Finding rows swallowed by an unbalanced quote.
//!
//! One stray `"` at the start of a cell opens a quoted field that the CSV
//! grammar closes only at the next quote, possibly rows later: the rows in
//! between become part of one review's text, the row count still matches,
//! and nothing looks wrong. A real multi-line review rarely has lines that
//! look like rows: at least as many cells as the header, and in each column
//! whose value has a recognisable form (a number, one word such as an id or
//! a date) the same form as the row it sits in. Lines that do are reported.

/// The form of a cell, compared column by column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Empty,
    Number,
    Word,
    Text,
}

fn form(cell: &str) -> Form {
    let cell = cell.trim().trim_matches('"');
    if cell.is_empty() {
        Form::Empty
    } else if cell.parse::<f64>().is_ok() {
        Form::Number
    } else if !cell.contains(char::is_whitespace) && cell.chars().count() <= 40 {
        Form::Word
    } else {
        Form::Text
    }
}

/// Line offsets, from the row's first line, of the lines inside its
/// multi-line cells that look like rows of their own.
pub fn swallowed_lines(fields: &[&str], delimiter: u8) -> Vec<u64> {
    let delimiter = delimiter as char;
    let mut found = Vec::new();
    let mut offset = 0u64;
    for (column, field) in fields.iter().enumerate() {
        let mut segments = field.split('\n').peekable();
        segments.next();
        let mut line = offset;
        while let Some(segment) = segments.next() {
            line += 1;
            let segment = segment.strip_suffix('\r').unwrap_or(segment);
            let mut cells: Vec<&str> = segment.split(delimiter).collect();
            let own = cells.len();
            if segments.peek().is_none() {
                // The last line of the cell goes on with the row's own
                // cells, which agree with themselves and so prove nothing.
                cells.extend(fields[column + 1..].iter().copied());
            }
            if looks_like_a_row(&cells, own, fields, column) {
                found.push(line);
            }
        }
        offset += field.matches('\n').count() as u64;
    }
    found
}

/// `cells` look like a row of the table `row` belongs to: at least as many
/// cells, no column whose form differs, and at least one column with a
/// clear form that agrees. The column holding the newlines (`text`) is the
/// review text: it says nothing, and it may hold delimiters of its own, so
/// columns before it are matched from the left and columns after it from
/// the right. Free-text columns say nothing either, and only the first
/// `own` cells can agree.
fn looks_like_a_row(cells: &[&str], own: usize, row: &[&str], text: usize) -> bool {
    if cells.len() < row.len() || row.len() < 2 {
        return false;
    }
    let extra = cells.len() - row.len();
    let mut agreeing = 0;
    for (column, reference) in row.iter().enumerate() {
        let index = match column {
            c if c < text => c,
            c if c > text => c + extra,
            _ => continue,
        };
        match (form(reference), form(cells[index])) {
            (Form::Empty | Form::Text, _) | (_, Form::Empty) => {}
            (expected, found) if expected == found => agreeing += usize::from(index < own),
            _ => return false,
        }
    }
    agreeing > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_inside_an_unclosed_quote_are_found() {
        let fields = [
            "u1",
            "5",
            "Great place\nu2,2,Bad service, rude\nu3,1,Awful so bad",
        ];
        assert_eq!(swallowed_lines(&fields, b','), vec![1, 2]);
    }

    #[test]
    fn the_last_swallowed_line_goes_on_with_the_rows_cells() {
        // id,text,rating: the quote closes inside u3's text.
        let fields = ["u1", "Great\nu2,Bad,2\nu3,Awful ", "1"];
        assert_eq!(swallowed_lines(&fields, b','), vec![1, 2]);
    }

    #[test]
    fn delimiters_inside_the_swallowed_text_are_allowed_for() {
        let fields = ["u1", "Great\nu2,Bad, rude, slow,2\nu3,Awful ", "1"];
        assert_eq!(swallowed_lines(&fields, b','), vec![1, 2]);
    }

    #[test]
    fn a_real_multi_line_review_is_not_a_row() {
        let fields = [
            "u1",
            "5",
            "Food great, service slow, price ok\nWould go back, maybe",
        ];
        assert!(swallowed_lines(&fields, b',').is_empty());
        // A line of the right width whose only clear column disagrees.
        let fields = ["Ann Lee", "5", "Loved it\nthe fries, cold, the staff"];
        assert!(swallowed_lines(&fields, b',').is_empty());
    }

    #[test]
    fn the_cells_after_a_multi_line_cell_prove_nothing() {
        assert!(swallowed_lines(&["two\nlines", "1"], b',').is_empty());
        assert!(swallowed_lines(&["u1", "two\nlines", "1"], b',').is_empty());
    }

    #[test]
    fn a_column_of_another_form_means_not_a_row() {
        let fields = ["u1", "5", "Great\nu2,two,Bad"];
        assert!(swallowed_lines(&fields, b',').is_empty());
    }
}
