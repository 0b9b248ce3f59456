//! The human view: a table that fits the terminal.
//!
//! Rows are buffered in small pages and each page is printed as its own
//! table, so a long run still streams and memory stays flat. Review text is
//! sanitised and shortened; colour marks the label only.

use super::{Row, Writer};
use crate::review::Location;
use crate::text::{for_terminal, truncate_chars};
use crate::triage::Label;
use comfy_table::{
    presets, Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};
use std::io::{self, Write};

const PAGE: usize = 50;
const TEXT_CHARS: usize = 160;

pub struct TableWriter<W: Write> {
    out: W,
    rows: Vec<Vec<Cell>>,
    color: bool,
    /// Terminal width, when stdout is one; otherwise a fixed width.
    width: u16,
    /// Rows carry drafts: two columns, review and draft, instead of four.
    drafts: bool,
}

impl<W: Write> TableWriter<W> {
    pub fn new(out: W, color: bool, width: Option<u16>) -> Self {
        TableWriter {
            out,
            rows: Vec::with_capacity(PAGE),
            color,
            width: width.unwrap_or(100).max(40),
            drafts: false,
        }
    }

    fn flush_page(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        if self.drafts {
            table.set_header(["review", "draft reply"]);
        } else {
            table.set_header(["label", "★", "review", "from"]);
        }
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        if let Some(from) = table.column_mut(3).filter(|_| !self.drafts) {
            from.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(26)));
        }
        for row in self.rows.drain(..) {
            table.add_row(row);
        }
        writeln!(self.out, "{table}")
    }
}

/// `file:line` without the directories: the table is for reading, and the
/// full path is in every machine format.
fn short_location(location: &Location) -> String {
    let name = location
        .origin
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let short = Location::new(name.into(), location.line, location.record);
    for_terminal(&short.to_string(), false).into_owned()
}

fn label_color(label: Label) -> Color {
    match label {
        Label::Negative => Color::Red,
        Label::Mixed => Color::Yellow,
        Label::Neutral => Color::Grey,
        Label::Positive => Color::Green,
        Label::Mismatch => Color::Magenta,
        Label::Unsupported => Color::Grey,
    }
}

impl<W: Write> Writer for TableWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        let review = row.review;
        let mut label = Cell::new(row.verdict.label.name());
        if self.color {
            label = label
                .fg(label_color(row.verdict.label))
                .add_attribute(Attribute::Bold);
        }
        let rating = review.rating.map(|r| format!("{r}")).unwrap_or_default();
        let text = for_terminal(&review.full_text(), false).into_owned();
        let mut text = truncate_chars(text.trim(), TEXT_CHARS).into_owned();
        // The strongest complaints, so a reader sees what to answer.
        let top: Vec<String> = row
            .verdict
            .strongest()
            .iter()
            .take(2)
            .map(|c| c.topic.name().replace('_', " "))
            .collect();
        if !top.is_empty() {
            text.push_str(&format!("\n→ {}", top.join(", ")));
        }
        if row.verdict.other_business.is_some() {
            text.push_str("\n→ about another business");
        }
        let who = review
            .author
            .as_deref()
            .map(|a| truncate_chars(&for_terminal(a, false), 24).into_owned());
        let place = short_location(&review.location);
        let from = match who {
            Some(who) => format!("{who}\n{place}"),
            None => place,
        };
        match row.draft {
            Some(draft) => {
                self.drafts = true;
                let stars = if rating.is_empty() {
                    String::new()
                } else {
                    format!(" ★{rating}")
                };
                let head = format!(
                    "{}{stars} · {}\n\n{text}",
                    row.verdict.label.name(),
                    from.replace('\n', " · ")
                );
                let mut reply = for_terminal(&draft.reply, true).into_owned();
                if let Some(why) = &draft.needs_human {
                    reply.push_str(&format!(
                        "\n\n⚠ needs a person: {}",
                        for_terminal(why, false)
                    ));
                }
                let mut head = Cell::new(head);
                if self.color {
                    head = head.fg(label_color(row.verdict.label));
                }
                self.rows.push(vec![head, Cell::new(reply)]);
            }
            None => self.rows.push(vec![
                label,
                Cell::new(rating),
                Cell::new(text),
                Cell::new(from),
            ]),
        }
        if self.rows.len() >= PAGE {
            self.flush_page()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.flush_page()?;
        self.out.flush()
    }
}
