//! A Markdown review pack: one section per review with its verdict, the
//! drafted reply and a checkbox, for a person to work through and tick off.
//!
//! Review text is quoted line by line so a stray `#` or list marker in it
//! cannot restructure the pack, and control characters are removed.

use super::{Row, Writer};
use crate::draft::{Sentence, Source};
use crate::review::ReplyLimit;
use crate::text::for_terminal;
use std::io::{self, Write};

pub struct MarkdownWriter<W: Write> {
    out: W,
    count: u64,
}

impl<W: Write> MarkdownWriter<W> {
    pub fn new(out: W) -> Self {
        MarkdownWriter { out, count: 0 }
    }
}

/// Text as a Markdown block quote, safe to embed.
fn quoted(text: &str) -> String {
    let clean = for_terminal(text.trim(), true);
    if clean.is_empty() {
        return "> *(no text)*".into();
    }
    clean
        .lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Inline text without Markdown meaning: emphasis and code markers escaped.
fn inline(text: &str) -> String {
    for_terminal(text, false)
        .chars()
        .flat_map(|c| match c {
            '*' | '_' | '`' | '[' | ']' | '#' | '<' | '>' | '|' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

impl<W: Write> Writer for MarkdownWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        let r = row.review;
        let v = row.verdict;
        self.count += 1;
        if self.count == 1 {
            writeln!(self.out, "# Review pack\n")?;
        }
        let who = r
            .author
            .as_deref()
            .map_or_else(|| "Anonymous".into(), inline);
        let stars = r.rating.map(|s| format!(" · ★ {s}")).unwrap_or_default();
        writeln!(
            self.out,
            "## {}. {who}{stars} · {}\n",
            self.count,
            v.label.name()
        )?;
        if let Some(title) = &r.title {
            writeln!(self.out, "**{}**\n", inline(title))?;
        }
        writeln!(self.out, "{}\n", quoted(&r.text))?;
        writeln!(
            self.out,
            "*{} · {} · id {}*\n",
            r.source,
            inline(&r.location.to_string()),
            inline(&r.id)
        )?;
        if !v.complaints.is_empty() || !v.escalations.is_empty() {
            let named: Vec<String> = v
                .strongest()
                .iter()
                .take(3)
                .map(|c| {
                    format!(
                        "{} (\"{}\")",
                        c.topic.name().replace('_', " "),
                        inline(&c.evidence)
                    )
                })
                .collect();
            let mut line = format!(
                "Complaints: {}",
                if named.is_empty() {
                    "none found".into()
                } else {
                    named.join(", ")
                }
            );
            for e in &v.escalations {
                line.push_str(&format!(
                    " · escalate: {} (\"{}\")",
                    e.kind.name(),
                    inline(&e.cue)
                ));
            }
            writeln!(self.out, "{line}\n")?;
        }
        if let Some(draft) = row.draft {
            let limit = draft
                .platform_limit
                .map(|l| format!(" of {} allowed", l.max()))
                .unwrap_or_default();
            let unit = match draft.platform_limit {
                Some(ReplyLimit::Utf8Bytes(_)) => "bytes",
                _ => "characters",
            };
            writeln!(
                self.out,
                "**Draft reply** ({} {unit}{limit}):\n",
                draft.reply_length
            )?;
            writeln!(
                self.out,
                "```text\n{}\n```\n",
                for_terminal(&draft.reply, true).replace("```", "'''")
            )?;
            if !draft.placeholders.is_empty() {
                writeln!(
                    self.out,
                    "Fill in before posting: {}\n",
                    inline(&draft.placeholders.join(", "))
                )?;
            }
            if let Some(why) = &draft.needs_human {
                writeln!(self.out, "> ⚠ **Needs a person first:** {}\n", inline(why))?;
            }
            writeln!(self.out, "Where each sentence comes from:\n")?;
            for s in &draft.sentences {
                writeln!(self.out, "- {}", source_line(s))?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "- [ ] Done\n\n---\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.count == 0 {
            writeln!(self.out, "# Review pack\n\nNo reviews to answer.")?;
        }
        self.out.flush()
    }
}

/// One sentence of a draft and why it is there, for the pack.
fn source_line(s: &Sentence) -> String {
    let first_line = s.text.lines().next().unwrap_or_default();
    let mut line = format!(
        "*{}* `{}`: {}",
        source_name(s.from),
        s.block,
        inline(first_line)
    );
    for e in &s.evidence {
        line.push_str(&format!(
            " ← the reviewer's \"{}\" ({} {}–{})",
            inline(&e.text),
            e.field,
            e.start,
            e.end
        ));
    }
    if !s.profile_keys.is_empty() {
        line.push_str(&format!(" ← profile: {}", s.profile_keys.join(", ")));
    }
    line
}

fn source_name(from: Source) -> &'static str {
    match from {
        Source::Review => "review",
        Source::Profile => "profile",
        Source::Courtesy => "courtesy",
    }
}
