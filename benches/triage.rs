//! Throughput of `triage` (read JSON Lines + classify) on generated
//! reviews, and the classifier's start-up time.
//!
//! The reviews are generated from a fixed seed out of review-like
//! sentences (praise, complaints, neutral narrative, some long), so the
//! figures are reproducible and need no data files.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use replywise::input::{self, Event, InputOptions};
use replywise::triage::Classifier;
use std::hint::black_box;
use std::io::Cursor;

const SENTENCES: &[&str] = &[
    "The food was absolutely delicious and the staff were friendly.",
    "We waited 45 minutes for a table even though we had a reservation.",
    "Honestly not worth the money, the portions were tiny.",
    "I ordered the chicken sandwich and a side of fries.",
    "The waiter was rude and never came back to check on us.",
    "Great atmosphere, lovely music, we will definitely be back!",
    "It stopped working after two weeks and support never answered.",
    "My husband had the steak, which was cooked perfectly.",
    "Parking can be a bit tricky on weekends.",
    "Won't be back. Save your money and go elsewhere.",
    "The app keeps crashing since the last update :(",
    "Can't recommend this place enough, to die for!",
    "Although the room was clean, the walls were paper thin and we couldn't sleep.",
    "We came here for my sister's birthday on a Saturday night.",
];

/// About `bytes` of JSON Lines, one review per line, 1-12 sentences each.
fn generate(bytes: usize) -> (Vec<u8>, usize) {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = Vec::with_capacity(bytes + 4096);
    let mut count = 0;
    while out.len() < bytes {
        let n = 1 + (next() % 12) as usize;
        let text: Vec<&str> = (0..n)
            .map(|_| SENTENCES[(next() % SENTENCES.len() as u64) as usize])
            .collect();
        let line = serde_json::json!({
            "review_id": format!("r{count}"),
            "stars": 1 + next() % 5,
            "text": text.join(" "),
            "date": "2024-05-01 12:00:00",
        });
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
        count += 1;
    }
    (out, count)
}

fn triage(classifier: &Classifier, data: &[u8]) -> usize {
    let mut negatives = 0;
    let options = InputOptions::default();
    input::read(
        Cursor::new(data.to_vec()),
        "bench.jsonl",
        Some("jsonl"),
        &options,
        &mut |event| {
            if let Event::Review(review) = event {
                negatives += usize::from(classifier.classify(&review, true).negative);
            }
            Ok(())
        },
    )
    .expect("generated input reads");
    negatives
}

fn throughput(c: &mut Criterion) {
    let classifier = Classifier::builtin();
    let (data, count) = generate(16 * 1024 * 1024);
    let mut group = c.benchmark_group("triage");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("jsonl_bytes", |b| {
        b.iter(|| black_box(triage(&classifier, &data)))
    });
    // Reading alone, to show what the classifier adds.
    group.bench_function("jsonl_read_only_bytes", |b| {
        b.iter(|| {
            let mut n = 0usize;
            input::read(
                Cursor::new(data.to_vec()),
                "bench.jsonl",
                Some("jsonl"),
                &InputOptions::default(),
                &mut |event| {
                    n += usize::from(matches!(event, Event::Review(_)));
                    Ok(())
                },
            )
            .expect("generated input reads");
            black_box(n)
        })
    });
    group.throughput(Throughput::Elements(count as u64));
    group.bench_function("jsonl_reviews", |b| {
        b.iter(|| black_box(triage(&classifier, &data)))
    });
    group.finish();

    // Classification alone, without reading, to show where time goes.
    let reviews: Vec<_> = {
        let mut v = Vec::new();
        input::read(
            Cursor::new(data[..data.len().min(4 * 1024 * 1024)].to_vec()),
            "bench.jsonl",
            Some("jsonl"),
            &InputOptions::default(),
            &mut |event| {
                if let Event::Review(review) = event {
                    v.push(*review);
                }
                Ok(())
            },
        )
        .expect("generated input reads");
        v
    };
    let text_bytes: usize = reviews.iter().map(|r| r.text.len()).sum();
    let mut group = c.benchmark_group("classify");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("text_bytes", |b| {
        b.iter(|| {
            reviews
                .iter()
                .filter(|r| classifier.classify(r, true).negative)
                .count()
        })
    });
    group.finish();
}

fn startup(c: &mut Criterion) {
    c.bench_function("startup/builtin_classifier", |b| {
        b.iter(|| black_box(Classifier::builtin()))
    });
}

criterion_group!(benches, throughput, startup);
criterion_main!(benches);
