//! `becomes` templates: literal text with `${name}` (or `$name`, `$1`)
//! references to the groups a `find` pattern captured. `$$` is a dollar.
//! `${name?text}` writes `text` only when group `name` took part in the
//! match, so one rule can say "on Friday" but "at 3pm" or "next week".
//!
//! Templates are parsed once at load time so that a reference to a group
//! the pattern does not have is a located error, not an empty hole in a
//! customer's reply.

use regex_automata::util::captures::Captures;
use regex_automata::Span;

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text written in the rule; it takes the case and apostrophes of the
    /// text being rewritten.
    Literal(String),
    /// A captured group, copied verbatim (numbers, dates and names live here).
    Group(String),
    /// Literal text written only when the group took part in the match.
    IfGroup(String, String),
}

/// A parsed `becomes` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub source: String,
    pub pieces: Vec<Piece>,
}

impl Template {
    /// Parses `source`; the error says what is wrong with it.
    pub fn parse(source: &str) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = source;
        while let Some(at) = rest.find('$') {
            literal.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let mut when_present = None;
            let (name, used) = if let Some(braced) = after.strip_prefix('{') {
                let end = braced
                    .find('}')
                    .ok_or_else(|| format!("unclosed `${{` in {source:?}"))?;
                let inside = &braced[..end];
                let name = match inside.split_once('?') {
                    Some((name, text)) => {
                        when_present = Some(text.to_string());
                        name
                    }
                    None => inside,
                };
                (name, end + 2)
            } else if let Some(after_dollar) = after.strip_prefix('$') {
                literal.push('$');
                rest = after_dollar;
                continue;
            } else {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                (&after[..end], end)
            };
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!(
                    "`$` must be followed by a group name such as ${{what}} (write $$ for a dollar) in {source:?}"
                ));
            }
            if !literal.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            pieces.push(match when_present {
                Some(text) => Piece::IfGroup(name.to_string(), text),
                None => Piece::Group(name.to_string()),
            });
            rest = &after[used..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        Ok(Template {
            source: source.to_string(),
            pieces,
        })
    }

    /// The group names the template uses.
    pub fn groups(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Group(name) | Piece::IfGroup(name, _) => Some(name.as_str()),
            Piece::Literal(_) => None,
        })
    }

    /// True when the template has a slot for a person to fill (`[date]`).
    pub fn has_slot(&self) -> bool {
        self.pieces.iter().any(|p| match p {
            Piece::Literal(text) | Piece::IfGroup(_, text) => text
                .find('[')
                .is_some_and(|open| text[open..].contains(']')),
            Piece::Group(_) => false,
        })
    }

    /// The pieces filled from a match in `haystack`: literals (to be cased
    /// by the caller) and captured text. A group that did not take part is
    /// empty.
    pub fn fill<'h>(&'h self, haystack: &'h str, caps: &Captures) -> Vec<(&'h str, bool)> {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(text) => (text.as_str(), true),
                Piece::Group(name) => (
                    group(caps, name).map_or("", |span| &haystack[span.range()]),
                    false,
                ),
                Piece::IfGroup(name, text) => match group(caps, name) {
                    Some(span) if !span.is_empty() => (text.as_str(), true),
                    _ => ("", true),
                },
            })
            .collect()
    }
}

fn group(caps: &Captures, name: &str) -> Option<Span> {
    match name.parse::<usize>() {
        Ok(n) => caps.get_group(n),
        Err(_) => caps.get_group_by_name(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_literals_and_groups() {
        let t = Template::parse("${who} can $act as soon as ${when}.").unwrap();
        assert_eq!(
            t.pieces,
            vec![
                Piece::Group("who".into()),
                Piece::Literal(" can ".into()),
                Piece::Group("act".into()),
                Piece::Literal(" as soon as ".into()),
                Piece::Group("when".into()),
                Piece::Literal(".".into()),
            ]
        );
        assert_eq!(t.groups().collect::<Vec<_>>(), ["who", "act", "when"]);
    }

    #[test]
    fn dollars_and_slots() {
        let t = Template::parse("costs $$5 by [date]").unwrap();
        assert_eq!(t.pieces, vec![Piece::Literal("costs $5 by [date]".into())]);
        assert!(t.has_slot());
        assert!(!Template::parse("we can").unwrap().has_slot());
        assert!(Template::parse("${open").is_err());
        let t = Template::parse("${on?on }${when}").unwrap();
        assert_eq!(
            t.pieces,
            vec![
                Piece::IfGroup("on".into(), "on ".into()),
                Piece::Group("when".into())
            ]
        );
        assert!(Template::parse("a $ b").is_err());
    }
}
