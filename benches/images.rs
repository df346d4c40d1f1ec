//! The cost of `images::process::process` (sniff, header check, decode, re-encode, thumbnail) on
//! a 10-megapixel JPEG photo-like image (3648 × 2736, noise over gradients so it compresses like a
//! photo, ~3 MB): a timed loop, median of a few runs.
//! `cargo bench --bench images` prints the line of BENCHMARKS.md's "Images" section.

use std::hint::black_box;
use std::io::Cursor;
use std::time::{Duration, Instant};

fn photo(w: u32, h: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed & 0x0f) as u8;
        image::Rgb([
            ((x * 255 / w) as u8).wrapping_add(n),
            ((y * 255 / h) as u8).wrapping_add(n / 2),
            (((x + y) / 16 % 256) as u8).wrapping_add(n / 3),
        ])
    });
    let mut out = Cursor::new(Vec::new());
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    image::DynamicImage::ImageRgb8(img)
        .write_with_encoder(enc)
        .unwrap_or_default();
    out.into_inner()
}

fn main() {
    let jpeg = photo(3648, 2736);
    let runs = 5;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let p = kindred::images::process::process(black_box(&jpeg));
            assert!(p.is_ok(), "the photo processes");
            start.elapsed()
        })
        .collect();
    times.sort();
    let out = kindred::images::process::process(&jpeg).map(|p| (p.data.len(), p.thumb.len()));
    println!(
        "10 MP JPEG ({:.1} MB in): median {:.0} ms of {runs} (decode, re-encode at quality 85, 640 px thumbnail); out {:?} bytes (image, thumbnail)",
        jpeg.len() as f64 / 1e6,
        times[runs / 2].as_secs_f64() * 1000.0,
        out.ok()
    );
}
