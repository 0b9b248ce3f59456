//! A phrase matcher over words: every cue is a sequence of words, stored
//! in a trie whose edges are keyed by word ids.
//!
//! Review text is scanned word by word: each word is hashed once into the
//! cue vocabulary, and the longest cue starting at that word wins (then the
//! scan goes on after it). Compared with a byte automaton over thousands of
//! padded patterns this touches each byte once, and builds in a few
//! milliseconds, which keeps start-up fast.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A 64-bit hash of a word, eight bytes at a time. Words are looked up by
/// this hash alone (two lexicon words sharing one is checked for at build
/// time; a review word colliding with a lexicon word by chance is about as
/// likely as a cosmic ray), which keeps the tables small and free of
/// pointer chasing: the lookup per word is what the scan costs.
pub fn word_hash(word: &[u8]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(bytes)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(23) ^ u64::from_le_bytes(last)).wrapping_mul(0x517c_c1b7_2722_0a95);
    h ^ (h >> 32)
}

/// [`word_hash`] of a word of a text that holds curly apostrophes: "don’t"
/// is "don't", so cues are built with the straight one only.
pub fn curly_word_hash(word: &[u8]) -> u64 {
    if word.contains(&0xE2) {
        let folded = String::from_utf8_lossy(word).replace('\u{2019}', "'");
        return word_hash(folded.as_bytes());
    }
    word_hash(word)
}

/// Keys here are already hashes (or node/word pairs): one mixing step.
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.write_u64(word_hash(bytes));
    }
    fn write_u64(&mut self, n: u64) {
        let x = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = x ^ (x >> 29);
    }
}

pub type Fast = BuildHasherDefault<FastHasher>;

/// No word of the vocabulary, or no node.
pub const UNKNOWN: u32 = u32::MAX;

/// A node of the trie.
#[derive(Clone, Copy)]
struct Node {
    /// The value index when a cue ends here, else [`UNKNOWN`].
    end: u32,
    /// Whether any cue goes on from here: a leaf needs no lookup of the
    /// next word.
    children: bool,
}

/// Cues as word sequences; `T` is what a cue stands for.
pub struct Trie<T> {
    vocabulary: HashMap<u64, u32, Fast>,
    /// The words, to tell a hash collision between two of them.
    spelled: HashMap<u64, Box<str>, Fast>,
    /// The node each word leads to from the root, by word id: the first
    /// step of every match is an array index, not a hash lookup.
    roots: Vec<u32>,
    /// Deeper edges, keyed by node and word id.
    edges: HashMap<u64, u32, Fast>,
    nodes: Vec<Node>,
    pub values: Vec<T>,
}

fn edge(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

impl<T> Trie<T> {
    pub fn new() -> Trie<T> {
        Trie::with_capacity(4096, 8192)
    }

    /// A trie sized for about `words` distinct words and `edges` deeper
    /// edges: growing the tables of a large trie step by step costs more
    /// at start-up than building it.
    pub fn with_capacity(words: usize, edges: usize) -> Trie<T> {
        Trie {
            vocabulary: HashMap::with_capacity_and_hasher(words, Fast::default()),
            spelled: HashMap::with_capacity_and_hasher(words, Fast::default()),
            roots: Vec::with_capacity(words),
            edges: HashMap::with_capacity_and_hasher(edges, Fast::default()),
            nodes: {
                let mut nodes = Vec::with_capacity(edges + words);
                nodes.push(Node {
                    end: UNKNOWN,
                    children: true,
                });
                nodes
            },
            values: Vec::with_capacity(edges),
        }
    }

    /// Adds a cue (words separated by single spaces) and returns its value
    /// index; a cue already there keeps its value (the first writer wins)
    /// and `Err` gives that value's index.
    pub fn insert(&mut self, cue: &str, value: T) -> Result<usize, usize> {
        let mut node = 0u32;
        for word in cue.split(' ').filter(|w| !w.is_empty()) {
            let hash = word_hash(word.as_bytes());
            let next_id = self.vocabulary.len() as u32;
            let id = *self.vocabulary.entry(hash).or_insert(next_id);
            if id == next_id {
                self.roots.push(UNKNOWN);
                self.spelled.insert(hash, word.into());
            } else {
                // Checked only when a word comes again, which is when two
                // words could share a hash.
                let first = self.spelled.get(&hash).map(|w| &**w);
                assert!(
                    first.is_none_or(|w| w == word),
                    "two lexicon words share a hash"
                );
            }
            let next_node = self.nodes.len() as u32;
            let slot = if node == 0 {
                &mut self.roots[id as usize]
            } else {
                self.nodes[node as usize].children = true;
                self.edges.entry(edge(node, id)).or_insert(UNKNOWN)
            };
            if *slot == UNKNOWN {
                *slot = next_node;
                self.nodes.push(Node {
                    end: UNKNOWN,
                    children: false,
                });
            }
            node = *slot;
        }
        let end = &mut self.nodes[node as usize].end;
        if *end != UNKNOWN {
            return Err(*end as usize);
        }
        *end = self.values.len() as u32;
        self.values.push(value);
        Ok(self.values.len() - 1)
    }

    /// Drops what only building needed and shrinks the tables, so the
    /// ones every review touches stay small and in cache.
    pub fn freeze(&mut self) {
        self.spelled = HashMap::default();
        self.vocabulary.shrink_to_fit();
        self.edges.shrink_to_fit();
        self.roots.shrink_to_fit();
        self.nodes.shrink_to_fit();
    }

    /// The id of a word given its [`word_hash`], or [`UNKNOWN`].
    pub fn word_id(&self, hash: u64) -> u32 {
        self.vocabulary.get(&hash).copied().unwrap_or(UNKNOWN)
    }

    /// Every word's hash and id.
    pub fn vocabulary(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.vocabulary.iter().map(|(&h, &id)| (h, id))
    }

    /// The longest cue starting at `ids[0]`: how many words it spans and
    /// its value index.
    #[inline]
    pub fn longest(&self, ids: &[u32]) -> Option<(usize, usize)> {
        let first = *ids.first()?;
        if first == UNKNOWN {
            return None;
        }
        let mut node = self.roots[first as usize];
        if node == UNKNOWN {
            return None;
        }
        let mut best = None;
        let mut k = 1;
        loop {
            let n = self.nodes[node as usize];
            if n.end != UNKNOWN {
                best = Some((k, n.end as usize));
            }
            let Some(&id) = ids.get(k).filter(|&&id| n.children && id != UNKNOWN) else {
                return best;
            };
            match self.edges.get(&edge(node, id)) {
                Some(&next) => node = next,
                None => return best,
            }
            k += 1;
        }
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_cue_wins_and_the_first_writer_keeps_it() {
        let mut t = Trie::new();
        assert_eq!(t.insert("not", 'n'), Ok(0));
        assert_eq!(t.insert("not bad at all", 'p'), Ok(1));
        assert_eq!(t.insert("not", 'x'), Err(0));
        let ids: Vec<u32> = ["not", "bad", "at", "all", "really"]
            .iter()
            .map(|w| t.word_id(word_hash(w.as_bytes())))
            .collect();
        assert_eq!(t.longest(&ids), Some((4, 1)));
        assert_eq!(t.longest(&ids[..2]), Some((1, 0)));
        assert_eq!(t.longest(&ids[1..]), None);
    }
}
