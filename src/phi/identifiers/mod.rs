//! Identifier detectors: the Safe Harbor items that are numbers, codes or network addresses
//! (phone and fax numbers, emails, SSNs, record, plan, account, licence, vehicle and device
//! numbers, personal links, IP addresses and other identifying codes).
//!
//! Three families of evidence, each in its own module:
//! - shapes that identify on their own (`contact`: phones, `email`, `network`: links and IP
//!   addresses, `numbers`: checksummed or structured numbers and long bare codes);
//! - a keyword followed by an identifier-like value (`context`: "MRN 00123456", "member id
//!   W123456789", "acct no. 123-456-789");
//! - digits spelled out in words (`spoken`), which both of the above read as numbers.
//!
//! Look-alikes that are not PHI (doses, lab values, codes, lot numbers, dates, ZIP codes, years,
//! money, ranges) are ruled out by `shape`. Every pass is a regex search or a bounded look
//! around a match, so the time taken is linear in the length of the post.

mod contact;
mod context;
mod email;
mod keywords;
mod network;
mod numbers;
mod shape;
mod spoken;
#[cfg(test)]
mod tests;

use super::{text::Text, Finding, Kind};

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let spoken = spoken::runs(text);
    contact::detect(text, &spoken, out);
    email::detect(text, out);
    network::detect(text, out);
    numbers::detect(text, out);
    context::detect(text, &spoken, out);
}

fn found(kind: Kind, start: usize, end: usize, confidence: f32, why: &'static str) -> Finding {
    Finding {
        kind,
        start,
        end,
        confidence,
        why,
    }
}

/// Whether one of `words` is among the `n` words before `byte`.
fn near_before(text: &Text, byte: usize, n: usize, words: &[&str]) -> bool {
    text.words_before(byte, n).any(|w| words.contains(&w))
}

/// Up to `n` bytes of `s` from `at`, cut back to a character boundary.
fn ahead(s: &str, at: usize, n: usize) -> &str {
    let mut end = (at + n).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(at..end).unwrap_or("")
}
