//! The PHI scanner on one core: posts/s and MB/s over the dev corpus (600 forum posts, half with
//! PHI), and a 1 MB adversarial post to show the scan stays linear. Also the whole post pipeline
//! in process: Markdown → sanitised HTML → PHI scan.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kindred::phi::{self, Writer};

fn corpus() -> Vec<String> {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/phi-dev.jsonl"
    ))
    .unwrap_or_default();
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect()
}

fn adversarial() -> String {
    let mut s = String::with_capacity(1 << 20);
    let pieces = [
        "1234567890".repeat(50),
        "1/1/".repeat(100),
        "-.-.".repeat(100),
        "Emily Carter Jones Smith ".repeat(20),
        "a".repeat(2000),
        "@@..//::".repeat(50),
        "12 Main St 34 Oak Ave ".repeat(20),
    ];
    while s.len() < 1 << 20 {
        for p in &pieces {
            s.push_str(p);
            s.push(' ');
        }
    }
    s
}

fn scanner(c: &mut Criterion) {
    let posts = corpus();
    let bytes: usize = posts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("phi");
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("scan dev corpus (posts/s)", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(phi::scan(black_box(p), Writer::Member));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("scan dev corpus (bytes/s)", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(phi::scan(black_box(p), Writer::Member));
            }
        })
    });
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("markdown + sanitise + scan (posts/s)", |b| {
        b.iter(|| {
            for p in &posts {
                if let Ok(body) = kindred::content::PostBody::parse(p) {
                    black_box(kindred::content::render(&body));
                    black_box(phi::scan(body.as_str(), Writer::Member));
                }
            }
        })
    });
    let big = adversarial();
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("scan 1 MB adversarial post", |b| {
        b.iter(|| black_box(phi::scan(black_box(&big), Writer::Member)))
    });
    g.finish();
}

criterion_group!(benches, scanner);
criterion_main!(benches);
