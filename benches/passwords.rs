//! How long one argon2id hash takes at Kindred's parameters (19 MiB, 2 passes, 1 lane): the cost of
//! every sign-in, registration and password change, and so the ceiling on sign-ins per second.

use criterion::{criterion_group, criterion_main, Criterion};

fn argon2id(c: &mut Criterion) {
    let mut g = c.benchmark_group("passwords");
    g.sample_size(20);
    g.bench_function("argon2id hash", |b| {
        b.iter(|| kindred::auth::passwords::hash_blocking("correct horse battery staple 42"))
    });
    g.finish();
}

criterion_group!(benches, argon2id);
criterion_main!(benches);
