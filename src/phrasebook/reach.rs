//! Whether a pattern's matches stay inside one sentence, read from its
//! syntax tree, so the engine may run the rule sentence by sentence: only
//! on the sentences holding its literals, and only over them.
//!
//! Here a sentence ends after `.`, `!` or `?` followed by a space, tab or
//! line break ([`sentence_ends`]). A match that crosses such an end holds
//! the mark and the space after it, so a pattern that cannot match that
//! pair of characters never crosses one. The analysis over-approximates:
//! what it does not model (Unicode classes, `$`) counts as crossing, which
//! costs speed, never a match.

use regex_syntax::ast::{
    Ast, ClassAsciiKind, ClassPerlKind, ClassSet, ClassSetBinaryOpKind, ClassSetItem,
    RepetitionKind, RepetitionRange,
};

/// Marks that may end a sentence...
const MARKS: [char; 3] = ['.', '!', '?'];
/// ...when one of these follows.
const GAPS: [char; 4] = [' ', '\t', '\n', '\r'];

/// Byte offsets just after each sentence end in `text`, in order.
pub fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.windows(2).enumerate().filter_map(|(i, pair)| {
        let mark = MARKS.iter().any(|&m| pair[0] == m as u8);
        let gap = GAPS.iter().any(|&g| pair[1] == g as u8);
        (mark && gap).then_some(i + 1)
    })
}

/// What the analysis tracks of a piece of pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// It may match the empty string.
    nullable: bool,
    /// Its match may start with a gap character.
    first_gap: bool,
    /// Its match may end with a mark.
    last_mark: bool,
    /// Its match may hold a mark followed by a gap, or it asserts
    /// something about the text's end, which a sentence's end is not.
    crosses: bool,
}

impl Default for Reach {
    /// The empty pattern.
    fn default() -> Reach {
        Reach {
            nullable: true,
            first_gap: false,
            last_mark: false,
            crosses: false,
        }
    }
}

impl Reach {
    /// True when no match can run across a sentence end.
    pub fn within_sentence(self) -> bool {
        !self.crosses
    }

    /// One character from a set; `has` says whether the set may hold `c`.
    fn char(has: impl Fn(char) -> bool) -> Reach {
        Reach {
            nullable: false,
            first_gap: GAPS.iter().any(|&c| has(c)),
            last_mark: MARKS.iter().any(|&c| has(c)),
            crosses: false,
        }
    }

    fn anything() -> Reach {
        Reach::char(|_| true)
    }

    fn then(self, next: Reach) -> Reach {
        Reach {
            nullable: self.nullable && next.nullable,
            first_gap: self.first_gap || (self.nullable && next.first_gap),
            last_mark: next.last_mark || (next.nullable && self.last_mark),
            crosses: self.crosses || next.crosses || (self.last_mark && next.first_gap),
        }
    }

    fn or(self, other: Reach) -> Reach {
        Reach {
            nullable: self.nullable || other.nullable,
            first_gap: self.first_gap || other.first_gap,
            last_mark: self.last_mark || other.last_mark,
            crosses: self.crosses || other.crosses,
        }
    }
}

/// The reach of `tree`; `placeholder` gives the reach of a macro standing
/// in as a single character, or `None` for an ordinary character.
pub fn reach(tree: &Ast, placeholder: &dyn Fn(char) -> Option<Reach>) -> Reach {
    match tree {
        Ast::Empty(_) | Ast::Flags(_) => Reach::default(),
        Ast::Literal(literal) => {
            placeholder(literal.c).unwrap_or_else(|| Reach::char(|c| c == literal.c))
        }
        Ast::Dot(_) => Reach::anything(),
        Ast::Assertion(assertion) => {
            use regex_syntax::ast::AssertionKind::{EndLine, EndText};
            Reach {
                crosses: matches!(assertion.kind, EndLine | EndText),
                ..Reach::default()
            }
        }
        Ast::ClassPerl(class) => Reach::char(|c| perl(&class.kind, c) != class.negated),
        Ast::ClassUnicode(_) => Reach::anything(),
        Ast::ClassBracketed(class) => {
            Reach::char(|c| set(&class.kind, c).is_none_or(|has| has != class.negated))
        }
        Ast::Repetition(repetition) => {
            let inner = reach(&repetition.ast, placeholder);
            let (min, max) = match &repetition.op.kind {
                RepetitionKind::ZeroOrOne => (0, Some(1)),
                RepetitionKind::ZeroOrMore => (0, None),
                RepetitionKind::OneOrMore => (1, None),
                RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
                RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
            };
            Reach {
                nullable: min == 0 || inner.nullable,
                // One repeat may end with a mark and the next start with a gap.
                crosses: inner.crosses
                    || (max.is_none_or(|n| n >= 2) && inner.last_mark && inner.first_gap),
                ..inner
            }
        }
        Ast::Group(group) => reach(&group.ast, placeholder),
        Ast::Alternation(alternation) => alternation
            .asts
            .iter()
            .map(|a| reach(a, placeholder))
            .reduce(Reach::or)
            .unwrap_or_default(),
        Ast::Concat(concat) => concat
            .asts
            .iter()
            .fold(Reach::default(), |acc, a| acc.then(reach(a, placeholder))),
    }
}

/// Whether `\d`, `\s` or `\w` (ASCII or Unicode alike) holds `c`, which is
/// a mark or a gap.
fn perl(kind: &ClassPerlKind, c: char) -> bool {
    *kind == ClassPerlKind::Space && c.is_whitespace()
}

/// Whether a bracketed class holds `c` (a mark or a gap); `None` when the
/// analysis does not know.
fn set(class: &ClassSet, c: char) -> Option<bool> {
    match class {
        ClassSet::Item(item) => item_has(item, c),
        ClassSet::BinaryOp(op) => {
            let (a, b) = (set(&op.lhs, c)?, set(&op.rhs, c)?);
            Some(match op.kind {
                ClassSetBinaryOpKind::Intersection => a && b,
                ClassSetBinaryOpKind::Difference => a && !b,
                ClassSetBinaryOpKind::SymmetricDifference => a != b,
            })
        }
    }
}

fn item_has(item: &ClassSetItem, c: char) -> Option<bool> {
    match item {
        ClassSetItem::Empty(_) => Some(false),
        ClassSetItem::Literal(literal) => Some(literal.c == c),
        ClassSetItem::Range(range) => Some((range.start.c..=range.end.c).contains(&c)),
        ClassSetItem::Ascii(class) => {
            // Letters and digits only; the others hold punctuation or space.
            let known = matches!(
                class.kind,
                ClassAsciiKind::Alnum
                    | ClassAsciiKind::Alpha
                    | ClassAsciiKind::Digit
                    | ClassAsciiKind::Lower
                    | ClassAsciiKind::Upper
                    | ClassAsciiKind::Word
                    | ClassAsciiKind::Xdigit
            );
            known.then_some(class.negated)
        }
        ClassSetItem::Unicode(_) => None,
        ClassSetItem::Perl(class) => Some(perl(&class.kind, c) != class.negated),
        ClassSetItem::Bracketed(inner) => set(&inner.kind, c).map(|has| has != inner.negated),
        ClassSetItem::Union(union) => {
            let mut found = Some(false);
            for item in &union.items {
                match item_has(item, c) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => found = None,
                }
            }
            found
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within(pattern: &str) -> bool {
        let tree = regex_syntax::ast::parse::Parser::new()
            .parse(pattern)
            .unwrap();
        reach(&tree, &|_| None).within_sentence()
    }

    #[test]
    fn marks_followed_by_gaps_cross_sentences() {
        assert!(within(r"(?i)can't\s+(?P<act>[^.,;:!?\n]+?)\s+until"));
        assert!(within(r"calm\s+down[.!]*"), "a mark may end a match");
        assert!(within(r"\d{1,2}[:.]\d{2}"), "a mark between digits");
        assert!(!within(r"sorry\.\s+but"));
        assert!(!within(r"no(?:[.!?]|\s)+way"), "repeats may pair up");
        assert!(within(r"a[^,]b"), "one character cannot be two");
        assert!(!within(r"a[^,]+b"), "a negated class holds marks and gaps");
        assert!(!within(r"a.+b"));
        assert!(!within(r"done[.]\s"));
        assert!(!within(r"done$"), "the text's end is not a sentence's");
        assert!(within(r"[[:alpha:]]+\b"));
        assert!(
            !within(r"[[:punct:]][[:space:]]"),
            "unknown classes may cross"
        );
    }

    #[test]
    fn sentence_ends_follow_marks_and_gaps() {
        let text = "Hi. It costs £4.99!\nOk?Yes. ";
        let ends: Vec<usize> = sentence_ends(text).collect();
        assert_eq!(ends, [3, 20, 28]);
    }
}
