//! Throughput of `replywise rewrite --jsonl`: JSON Lines records parsed,
//! rewritten and written back, per byte of input. Target: 20 MB/s.
//!
//! Two corpora from the measurement fixture: `negative`, replies made only
//! of sentences with negative wording (the worst case: every record is
//! rewritten, several rules fire per sentence), and `mixed`, replies where
//! one sentence in four has negative wording and the rest are the
//! fixture's clean controls, closer to a draft a person wrote with care.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use replywise::rewrite::{rewrite_record, Engine};
use std::hint::black_box;

/// Sentences of the measurement fixture: (negative drafts, controls).
fn sentences() -> (Vec<String>, Vec<String>) {
    let fixture = include_str!("../tests/fixtures/drafts.toml");
    let (mut drafts, mut controls) = (Vec::new(), Vec::new());
    let mut in_control = false;
    for line in fixture.lines() {
        if line.starts_with("[[control]]") {
            in_control = true;
        } else if line.starts_with("[[draft]]") {
            in_control = false;
        }
        let Some(text) = line
            .strip_prefix("text = ")
            .and_then(|q| serde_json::from_str::<String>(q).ok())
        else {
            continue;
        };
        if in_control {
            controls.push(text);
        } else {
            drafts.push(text);
        }
    }
    (drafts, controls)
}

/// `lines` JSON Lines records, each a reply of 2 to 5 sentences with the
/// fields a review export carries; `negative_every` says which sentences
/// come from the negative drafts (1: all, 4: one in four).
fn corpus(lines: usize, negative_every: usize) -> Vec<u8> {
    let (drafts, controls) = sentences();
    let mut out = Vec::new();
    for i in 0..lines {
        let count = 2 + i % 4;
        let reply: Vec<&str> = (0..count)
            .map(|k| {
                let n = i * 7 + k * 13;
                if (i + k) % negative_every == 0 {
                    drafts[n % drafts.len()].as_str()
                } else {
                    controls[n % controls.len()].as_str()
                }
            })
            .collect();
        let record = serde_json::json!({
            "id": format!("r{i}"),
            "rating": 1 + i % 5,
            "author": "Sam",
            "text": reply.join(" "),
        });
        out.extend(serde_json::to_vec(&record).expect("json"));
        out.push(b'\n');
    }
    out
}

fn jsonl(c: &mut Criterion) {
    let mut group = c.benchmark_group("rewrite-jsonl");
    group.sample_size(20);
    for (name, negative_every) in [("negative", 1), ("mixed", 4)] {
        bench_corpus(&mut group, name, &corpus(2_000, negative_every));
    }
    group.finish();
}

fn bench_corpus(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    name: &str,
    input: &[u8],
) {
    let engine = Engine::builtin();
    // Compile every rule the corpus needs before timing, as a long run would.
    let mut out = Vec::with_capacity(input.len() * 3);
    for line in input.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let _ = rewrite_record(engine, line, "text", &mut out);
    }
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            out.clear();
            for line in input.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                if rewrite_record(engine, black_box(line), "text", &mut out).is_ok() {
                    out.push(b'\n');
                }
            }
            black_box(out.len())
        })
    });
}

criterion_group!(benches, jsonl);
criterion_main!(benches);
