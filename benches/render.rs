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
    let quoted_lists = format!("{}x\n\n", "> - ".repeat(16));
    let lists = format!("{}x\n\n", "1. ".repeat(32));
    let divs = format!("{}x{}\n\n", "<div>".repeat(32), "</div>".repeat(32));
    let rich = "Some **bold** and *soft* text with [a link](https://example.org/a) and `code`.\n\n- one\n- two\n\n> quoted line\n\n";
    let shapes: [(&str, &str); 13] = [
        (
            "plain prose",
            "We walk the dog every morning before the heat, and it helps. ",
        ),
        ("rich prose (emphasis, links, a list, a quote)", rich),
        ("flat list `- x` lines", "- x\n"),
        ("`> - ` × 16 (32 levels, accepted), repeated", &quoted_lists),
        ("`1. ` × 32 (accepted), repeated", &lists),
        ("`<div>` × 32 then closed (accepted), repeated", &divs),
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
            let text = shape(unit, kb as usize * 1000 - 10);
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
