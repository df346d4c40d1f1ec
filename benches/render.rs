//! The cost of `content::prepare` (parse, nesting check, render, sanitise) on the worst nesting
//! shapes at 1, 10 and 20 KB, to show it is linear in the size of the body: a timed loop, not
//! criterion (the shapes are few and each figure is a median of many runs).
//! `cargo bench --bench render` prints the table of BENCHMARKS.md's "Rendering" section.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// `unit` repeated to just under `bytes`, then a word.
fn shape(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len());
    s.push('x');
    s
}

/// As many of `unit` as `content::prepare` accepts in `bytes`, then plain prose up to the size:
/// the costliest body of that shape the nesting budget lets through.
fn densest(unit: &str, bytes: usize) -> String {
    let body = |k: usize| {
        let mut s = unit.repeat(k);
        s.push_str(&shape(PROSE, bytes.saturating_sub(s.len())));
        s
    };
    let (mut lo, mut hi) = (0, bytes / unit.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if kindred::content::prepare(&body(mid)).is_ok() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    body(lo)
}

const PROSE: &str = "We walk the dog every morning before the heat, and it helps. ";

fn median(n: usize, f: impl Fn()) -> Duration {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[n / 2]
}

fn main() {
    let quotes = format!("{}x\n\n", "> ".repeat(32));
    let quoted_lists = format!("{}x\n\n", "> - ".repeat(16));
    let lists = format!("{}x\n\n", "1. ".repeat(32));
    let divs = format!("{}x{}\n\n", "<div>".repeat(32), "</div>".repeat(32));
    let rich = "Some **bold** and *soft* text with [a link](https://example.org/a) and `code`.\n\n- one\n- two\n\n> quoted line\n\n";
    let shapes: [(&str, &str); 14] = [
        ("plain prose", PROSE),
        ("rich prose (emphasis, links, a list, a quote)", rich),
        ("flat list `- x` lines", "- x\n"),
        ("`> ` × 32, densest accepted", &quotes),
        ("`> - ` × 16 (32 levels), densest accepted", &quoted_lists),
        ("`1. ` × 32, densest accepted", &lists),
        ("`<div>` × 32 then closed, densest accepted", &divs),
        ("`1. ` repeated", "1. "),
        ("`> - ` repeated", "> - "),
        ("`> ` repeated", "> "),
        ("`- ` repeated", "- "),
        ("`> 1. ` repeated", "> 1. "),
        ("raw `<ul><li>` repeated", "<ul><li>"),
        ("raw `<div>` repeated", "<div>"),
    ];
    println!("| shape | 1 KB | 10 KB | 20 KB | per KB at 20 KB | answer |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (name, unit) in shapes {
        let mut cells = Vec::new();
        let mut per_kb = Duration::ZERO;
        let mut answer = "";
        for kb in [1u32, 10, 20] {
            let bytes = kb as usize * 1000 - 10;
            let text = if name.contains("densest") {
                densest(unit, bytes)
            } else {
                shape(unit, bytes)
            };
            let t = median(51, || {
                black_box(kindred::content::prepare(black_box(&text)).ok());
            });
            answer = if kindred::content::prepare(&text).is_ok() {
                "rendered"
            } else {
                "refused (422)"
            };
            cells.push(format!("{t:.2?}"));
            per_kb = t / kb;
        }
        println!(
            "| {name} | {} | {per_kb:.2?} | {answer} |",
            cells.join(" | ")
        );
    }
}
