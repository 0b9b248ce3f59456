//! The linguistic rules: from tokens to a score per sentence, and from
//! sentences to a score for the review.
//!
//! Each cue's weight is adjusted by its neighbours (negation, boosters,
//! capitals, "too"), by its clause (contrast and concession) and by sarcasm
//! frames; each sentence is then summed and emphasised by its exclamation
//! marks. The review's score lets the strongest complaint count: a polite
//! opener or a story of expectations must not outweigh it, which is where
//! word-averaging scorers fail on long reviews.

use super::lexicon::Lexicon;
use super::matcher::{Kind, Scratch, Token};
use super::{Cue, CueKind, Rule};

macro_rules! params {
    ($($name:ident),* $(,)?) => {
        /// The constants of the rules, from `scoring.toml`.
        #[derive(Debug, Clone)]
        pub struct Params { $(pub $name: f64,)* }

        impl Params {
            /// Reads every constant; a missing one is reported by name.
            pub fn from_lexicon(lexicon: &Lexicon) -> Result<Params, String> {
                let get = |key: &str| {
                    lexicon
                        .scoring
                        .get(key)
                        .map(|v| *v.get_ref())
                        .ok_or_else(|| format!("scoring.toml: missing constant {key:?}"))
                };
                Ok(Params { $($name: get(stringify!($name))?,)* })
            }

            /// True when `key` names a constant.
            pub fn knows(key: &str) -> bool {
                [$(stringify!($name)),*].contains(&key)
            }
        }
    };
}

params!(
    negation,
    negated_negative,
    negation_reach,
    booster_reach,
    excess_boost,
    caps,
    exclamation,
    contrast_before,
    contrast_after,
    concession,
    alpha,
    negative_bias,
    strongest,
    negative_below,
    positive_above,
    clear_part,
    complaint_with_rating,
    mismatch_angry,
    mismatch_glowing,
    judgement_floor,
);

/// One sentence's result, kept for `explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceScore {
    pub start: usize,
    pub end: usize,
    /// The sum of its cues, emphasis included.
    pub sum: f64,
    /// The sum squashed into [-1, 1].
    pub score: f64,
    /// Which cues of the verdict belong to it.
    pub cues: std::ops::Range<usize>,
}

/// The text's score and its extremes.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextScore {
    pub score: f64,
    /// The most negative and most positive sentence scores.
    pub worst: f64,
    pub best: f64,
}

/// Words between two offsets of the normalised text (`a <= b`), counted
/// by word starts; far apart is reported as many.
pub(super) fn words_between(norm: &[u8], a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    if b - a > 80 {
        return usize::MAX;
    }
    // `norm` is shifted one byte right of the text.
    let gap = &norm[a + 1..b + 1];
    gap.windows(2)
        .filter(|w| w[0] == b' ' && w[1] != b' ')
        .count()
}

/// True when a clause break lies between two text offsets.
pub(super) fn broken(breaks: &[usize], a: usize, b: usize) -> bool {
    let i = breaks.partition_point(|&x| x < a);
    breaks.get(i).is_some_and(|&x| x < b)
}

fn squash(sum: f64, alpha: f64) -> f64 {
    sum / (sum * sum + alpha).sqrt()
}

/// The number a rating cue states, on a 0-5 scale ("2/10" is 1).
fn stars_of(text: &str) -> Option<f64> {
    let mut numbers = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse::<f64>().ok());
    let n = numbers.next()?;
    let max = numbers.next().unwrap_or(5.0);
    (max > 0.0 && n <= max && max <= 100.0).then(|| n / max * 5.0)
}

fn stars_weight(stars: f64) -> f64 {
    match stars {
        s if s <= 1.0 => -3.0,
        s if s <= 2.0 => -2.2,
        s if s < 3.5 => -0.6,
        s if s < 4.5 => 1.2,
        _ => 2.2,
    }
}

struct Ctx<'a> {
    p: &'a Params,
    s: &'a Scratch,
}

impl Ctx<'_> {
    fn near(&self, a: &Token, b: &Token, reach: f64) -> bool {
        !broken(&self.s.breaks, a.end, b.start)
            && (words_between(&self.s.norm, a.end, b.start) as f64) < reach
    }

    /// The negator governing token `j`, unless "enough" ends its scope.
    fn negation(&self, toks: &[Token], j: usize) -> Option<Rule> {
        let t = &toks[j];
        let negator = toks[..j].iter().rev().take(4).find(|n| {
            matches!(n.kind, Kind::Negator { .. }) && self.near(n, t, self.p.negation_reach)
        })?;
        let enough = toks[j + 1..]
            .iter()
            .take(4)
            .any(|e| e.kind == Kind::Enough && self.near(t, e, 5.0));
        Some(if enough && negator.start < t.start {
            Rule::Enough
        } else {
            Rule::Negated
        })
    }

    /// The booster (or "too") right before token `j`.
    fn boost(&self, toks: &[Token], j: usize) -> Option<f64> {
        let t = &toks[j];
        let prev = toks[..j].last()?;
        let factor = match prev.kind {
            Kind::Booster(f) => f as f64,
            Kind::Excess { .. } => self.p.excess_boost,
            _ => return None,
        };
        self.near(prev, t, self.p.booster_reach).then_some(factor)
    }
}

/// Scores the tokens in `s`, pushing one [`Cue`] per weighed token.
/// Sentence results go to `sentences` (cleared first), a buffer the caller
/// reuses.
pub fn score(
    p: &Params,
    s: &Scratch,
    cues: &mut Vec<Cue>,
    sentences: &mut Vec<SentenceScore>,
) -> TextScore {
    sentences.clear();
    let ctx = Ctx { p, s };
    let toks = &s.tokens[..];
    let mut out = TextScore::default();
    let (mut pos, mut neg) = (0.0f64, 0.0f64);
    let mut previous: Option<(f64, usize)> = None;
    let mut next_tok = 0;

    for sentence in &s.sentences {
        let first = next_tok;
        while next_tok < toks.len() && toks[next_tok].start < sentence.end {
            next_tok += 1;
        }
        let toks = &toks[first..next_tok];
        let cue_start = cues.len();
        let mut after_contrast = false;
        let mut stress_sentence = false;
        let mut concession_until = None;

        for (j, t) in toks.iter().enumerate() {
            let mut rules = Vec::new();
            let (kind, mut v) = match t.kind {
                Kind::Word { weight, negated } => {
                    let mut v = weight as f64;
                    if let Some(f) = ctx.boost(toks, j) {
                        v *= 1.0 + f;
                        rules.push(if f >= 0.0 {
                            Rule::Boosted
                        } else {
                            Rule::Diminished
                        });
                    }
                    match ctx.negation(toks, j) {
                        Some(Rule::Negated) => {
                            v = match negated {
                                Some(n) => n as f64,
                                None if v > 0.0 => v * p.negation,
                                None => v * p.negated_negative,
                            };
                            rules.push(Rule::Negated);
                        }
                        Some(rule) => rules.push(rule),
                        None => {}
                    }
                    (CueKind::Word, v)
                }
                Kind::Complaint(w) | Kind::Praise(w) => {
                    let kind = if matches!(t.kind, Kind::Praise(_)) {
                        CueKind::Praise
                    } else {
                        CueKind::Complaint
                    };
                    let mut v = w as f64;
                    // "would not recommend this", "not a waste of money".
                    if ctx.negation(toks, j) == Some(Rule::Negated) {
                        v *= if v > 0.0 {
                            p.negation
                        } else {
                            p.negated_negative
                        };
                        rules.push(Rule::Negated);
                    }
                    (kind, v)
                }
                Kind::Symbol(w) => (CueKind::Symbol, w as f64),
                Kind::Sarcasm(w) => {
                    // The complaint may follow a comma ("great job, you
                    // lost my order") but must be close.
                    let turned = toks[j + 1..].iter().any(|n| {
                        let negative = match n.kind {
                            Kind::Word { weight, .. } => weight < 0.0,
                            Kind::Complaint(_) => true,
                            _ => false,
                        };
                        negative && words_between(&s.norm, t.end, n.start) < 6
                    });
                    if turned {
                        rules.push(Rule::Sarcasm);
                        (CueKind::Sarcasm, -(w as f64))
                    } else {
                        (CueKind::Praise, w as f64)
                    }
                }
                Kind::Stars => match stars_of(&s.text[t.start..t.end]) {
                    Some(n) => (CueKind::Stars, stars_weight(n)),
                    None => continue,
                },
                Kind::Negator { lone } if lone != 0.0 => {
                    let governs = toks[j + 1..].iter().take(3).any(|n| {
                        matches!(
                            n.kind,
                            Kind::Word { .. } | Kind::Praise(_) | Kind::Complaint(_)
                        ) && ctx.near(t, n, p.negation_reach)
                    });
                    if governs {
                        continue;
                    }
                    (CueKind::Negator, lone as f64)
                }
                Kind::Excess { lone } => {
                    let next = toks.get(j + 1);
                    let boosts = next.is_some_and(|n| {
                        matches!(n.kind, Kind::Word { .. }) && ctx.near(t, n, 1.0)
                    });
                    let blocked = next.is_some_and(|n| ctx.near(t, n, 1.0));
                    let followed = next_word_in_clause(s, t.end);
                    if boosts || blocked || !followed {
                        continue;
                    }
                    (CueKind::Excess, lone as f64)
                }
                Kind::Contrast => {
                    if cues.len() == cue_start {
                        stress_sentence = true;
                    } else {
                        for c in &mut cues[cue_start..] {
                            c.weight *= p.contrast_before;
                            c.rules.push(Rule::BeforeContrast);
                        }
                        after_contrast = true;
                    }
                    continue;
                }
                Kind::Concession => {
                    let i = s.breaks.partition_point(|&x| x < t.end);
                    concession_until = Some(s.breaks.get(i).copied().unwrap_or(sentence.end));
                    continue;
                }
                _ => continue,
            };
            if t.caps {
                v *= p.caps;
                rules.push(Rule::Caps);
            }
            if concession_until.is_some_and(|until| t.start < until) {
                v *= p.concession;
                rules.push(Rule::Conceded);
            } else if after_contrast {
                v *= p.contrast_after;
                rules.push(Rule::AfterContrast);
            }
            cues.push(Cue {
                cue: s.text[t.start..t.end].to_string(),
                start: t.start,
                end: t.end,
                weight: v,
                kind,
                rules,
            });
        }

        let mut sum: f64 = cues[cue_start..].iter().map(|c| c.weight).sum();
        if stress_sentence {
            if let Some((prev_sum, prev_cues)) = previous {
                for c in &mut cues[prev_cues..cue_start] {
                    c.weight *= p.contrast_before;
                    c.rules.push(Rule::BeforeContrast);
                }
                let delta = prev_sum * (p.contrast_before - 1.0);
                if prev_sum > 0.0 {
                    pos += delta;
                } else {
                    neg -= delta;
                }
                if let Some(last) = sentences.last_mut() {
                    last.sum += delta;
                    last.score = squash(last.sum, p.alpha);
                }
            }
            sum *= p.contrast_after;
            for c in &mut cues[cue_start..] {
                c.weight *= p.contrast_after;
                c.rules.push(Rule::AfterContrast);
            }
        }
        if sum != 0.0 {
            sum += sum.signum() * p.exclamation * f64::from(sentence.exclamations.min(3));
        }
        if sum > 0.0 {
            pos += sum;
        } else {
            neg -= sum;
        }
        let sentence_score = squash(sum, p.alpha);
        out.worst = out.worst.min(sentence_score);
        out.best = out.best.max(sentence_score);
        previous = Some((sum, cue_start));
        sentences.push(SentenceScore {
            start: sentence.start,
            end: sentence.end,
            sum,
            score: sentence_score,
            cues: cue_start..cues.len(),
        });
    }
    let total = pos - p.negative_bias * neg;
    out.score = (squash(total, p.alpha) + p.strongest * out.worst).clamp(-1.0, 1.0);
    out
}

/// True when a word follows `end` before the clause or sentence ends.
fn next_word_in_clause(s: &Scratch, end: usize) -> bool {
    let rest = &s.text.as_bytes()[end..];
    for &b in rest.iter().take(40) {
        match b {
            b' ' | b'\t' => continue,
            b if b.is_ascii_alphabetic() => return true,
            _ => return false,
        }
    }
    false
}
