//! The PHI risk scanner: finds what in a post could identify a person (HIPAA Safe Harbor's 18
//! identifiers), says why in words a member understands, and decides whether the post is held.
//!
//! Detectors come in two families: `identifiers` (numbers, codes, addresses on the network:
//! phones, SSNs, record and plan numbers, emails, URLs, IPs…) and `language` (names, dates, ages,
//! street addresses, towns and ZIP codes). Each reports findings with a confidence; this module
//! merges them and applies the hold threshold, stricter for a clinician writing about a patient.
//!
//! What is scanned is what a reader will see as well as what was written: the source, and the
//! text as the page shows it (`reading`: Markdown and HTML entities decoded, markup gone, Unicode
//! NFKC, invisible format characters dropped), each finding in the latter traced back to the
//! source it came from, so that `412&#45;555&#45;0199` is found where it was written.
//!
//! Everything here runs in time linear in the input (the `regex` crate guarantees it for its
//! automata; the word passes look at a bounded window around each word), and nothing here logs:
//! post text and what was found in it never reach a log line.

mod fast_hash;
mod identifiers;
#[doc(hidden)]
pub mod invariants;
mod kind;
mod labs;
mod language;
mod reading;
pub mod stream;
mod text;

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

pub use kind::Kind;
use reading::Reading;
use text::Text;

/// One thing a detector found, by byte offsets into the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// 0.0–1.0: how sure the detector is that this identifies a person.
    pub confidence: f32,
    /// A short reason a person understands, read after "Looks like" ("a phone number").
    pub why: &'static str,
}

/// Who is writing: clinicians describing a patient get stricter checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Writer {
    Member,
    Clinician,
}

/// A finding as members, moderators and the API see it: offsets in Unicode code points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub why: String,
    #[serde(default)]
    pub confidence: f32,
    /// Where the span is when a post has more than one text: "title" for a thread's title;
    /// absent for the body.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Every field, the confidence by its bits (a float has no `Hash` of its own).
impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.start, self.end, self.kind, &self.why, &self.field).hash(state);
        self.confidence.to_bits().hash(state);
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    pub held: bool,
    pub spans: Vec<Span>,
}

/// A finding at or above this confidence holds a post.
pub const HOLD_AT: f32 = 0.5;
/// The threshold for a clinician whose post refers to a specific patient: weaker clues (a first
/// name, a bed number, a month and day without a year) are enough.
pub const HOLD_AT_CLINICIAN_ON_PATIENT: f32 = 0.3;

/// How a text reaches its readers, which decides what they see of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Rendered from Markdown and sanitised: a post's body, a moderator's note under a post.
    Markdown,
    /// Printed as typed (escaped): a thread's title, a moderator's reason, a report's note.
    AsTyped,
}

/// Scans a post's body (Markdown): what was written, and what its readers will see.
pub fn scan(raw: &str, writer: Writer) -> Scan {
    scan_as(raw, Shown::Markdown, writer)
}

/// Scans a text shown as `shown`.
pub fn scan_as(raw: &str, shown: Shown, writer: Writer) -> Scan {
    let spans = fail_closed(raw, || {
        let mut reading = Reading::new(raw.len());
        match shown {
            Shown::Markdown => reading.markdown(raw, 0),
            Shown::AsTyped => reading.as_typed(raw, 0),
        }
        spans(raw, &reading, writer)
    });
    Scan {
        held: !spans.is_empty(),
        spans,
    }
}

/// Runs a scan so that a rule's bug cannot lose a post nor let one through: should a rule panic
/// on some text (session 20 found "they upped the dose to 1000mg." did, in one postcode rule),
/// the whole text becomes one finding, so a post waits for a moderator and a moderator's reason
/// is refused, instead of the request failing. The panic's own message may quote the text: the
/// server's panic hook (`telemetry::hide_panic_messages`) keeps it out of the logs.
fn fail_closed(raw: &str, scan: impl FnOnce() -> Vec<Span>) -> Vec<Span> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(scan)) {
        Ok(spans) => spans,
        Err(_) => {
            tracing::error!("the PHI scanner failed on a text; it is held for review");
            let end = raw.chars().count();
            if end == 0 {
                return Vec::new();
            }
            vec![Span {
                start: 0,
                end,
                kind: Kind::OtherId,
                why: "text the scanner could not read: a moderator will check it".into(),
                confidence: 1.0,
                field: None,
            }]
        }
    }
}

/// Scans a thread's title (shown as typed) with its opening post's body (Markdown) as one text,
/// so that a clinician's "my patient" in the title counts for the body too. Spans in the title
/// are marked `"in": "title"`, and a span running from one into the other is cut in two.
pub fn scan_post(title: &str, body: &str, writer: Writer) -> Scan {
    let joined = format!("{title}\n\n{body}");
    let offset = title.chars().count() + 2;
    let found = fail_closed(&joined, || {
        let mut reading = Reading::new(joined.len());
        reading.as_typed(title, 0);
        reading.markdown(body, title.len() + 2);
        spans(&joined, &reading, writer)
    });
    let spans: Vec<Span> = found
        .into_iter()
        .flat_map(|s| {
            let in_title = (s.start < offset - 2).then(|| Span {
                end: s.end.min(offset - 2),
                field: Some("title".into()),
                ..s.clone()
            });
            let in_body = (s.end > offset).then(|| Span {
                start: s.start.max(offset) - offset,
                end: s.end - offset,
                ..s
            });
            in_title.into_iter().chain(in_body)
        })
        .collect();
    Scan {
        held: !spans.is_empty(),
        spans,
    }
}

/// The findings in the source and in the reader's text (traced back to the source), merged:
/// byte offsets into `raw`, as code points.
fn spans(raw: &str, reading: &Reading, writer: Writer) -> Vec<Span> {
    let mut findings = find(raw, writer);
    // Most posts read as they are written (no entity, markup or odd character); their reader's
    // text would find the same again.
    if reading.text != raw {
        findings.extend(find(&reading.text, writer).into_iter().filter_map(|f| {
            let at = reading.source(f.start..f.end);
            // Only the blank lines the reading puts between blocks trace to nothing.
            (at.start < at.end).then_some(Finding {
                start: at.start,
                end: at.end,
                ..f
            })
        }));
    }
    to_code_points(raw, merge(findings))
}

/// What the detectors find in `raw` that reaches the threshold, by byte offsets into `raw`.
fn find(raw: &str, writer: Writer) -> Vec<Finding> {
    let text = Text::new(raw);
    let mut findings = Vec::new();
    identifiers::detect(&text, &mut findings);
    language::detect(&text, &mut findings);
    let threshold = if writer == Writer::Clinician && refers_to_a_patient(&text) {
        findings.extend(clinician_clues(&text));
        HOLD_AT_CLINICIAN_ON_PATIENT
    } else {
        HOLD_AT
    };
    findings.retain(|f| f.confidence >= threshold && f.start < f.end);
    findings
}

/// Builds the lazily made tables and patterns (a few milliseconds), so that the first post
/// scanned does not pay for them.
pub fn warm_up() {
    for writer in [Writer::Member, Writer::Clinician] {
        scan(
            "My patient Jane Doe, DOB 1/2/2000, 1 Main St 12345, jane@example.com 555-123-4567",
            writer,
        );
    }
}

// The patterns below are constants; the unit tests compile every one of them.
#[allow(clippy::expect_used)]
fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a constant pattern compiles")
}

static PATIENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:(?:my|our|a|the|this|that|one of my|one of our)\s+(?:\w+\s+)?(?:patients?|pts?|client|resident)(?-u:\b)|patients? of (?:mine|ours)(?-u:\b)|(?:patients?|pt)\s+(?:in|on)\s+(?:bed|room|bay)(?-u:\b)|(?:i|we)\s+(?:saw|admitted|treated|discharged|looked after|cared for)(?-u:\b))",
    )
});

fn refers_to_a_patient(text: &Text) -> bool {
    PATIENT.is_match(text.raw)
}

static BED_OR_ROOM: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)(?:bed|room|rm|bay|ward)\s*#?\s*\d+[a-z]?(?-u:\b)"));

/// Clues that identify only beside a clinician's "my patient": where the patient lay.
fn clinician_clues(text: &Text) -> Vec<Finding> {
    BED_OR_ROOM
        .find_iter(text.raw)
        .map(|m| Finding {
            kind: Kind::OtherId,
            start: m.start(),
            end: m.end(),
            confidence: 0.4,
            why: "a bed or room number that can point to one patient",
        })
        .collect()
}

/// Overlapping findings become one span; the most confident finding names its kind and reason.
fn merge(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        match out.last_mut() {
            Some(last) if f.start < last.end => {
                last.end = last.end.max(f.end);
                if f.confidence > last.confidence {
                    last.kind = f.kind;
                    last.why = f.why;
                    last.confidence = f.confidence;
                }
            }
            _ => out.push(f),
        }
    }
    out
}

/// Byte offsets to code-point offsets, in one pass over the text.
fn to_code_points(raw: &str, findings: Vec<Finding>) -> Vec<Span> {
    let mut points: Vec<usize> = findings.iter().flat_map(|f| [f.start, f.end]).collect();
    points.sort_unstable();
    points.dedup();
    let mut map = Vec::with_capacity(points.len());
    let mut next = points.iter().peekable();
    let ends = raw.char_indices().map(|(b, _)| b).chain([raw.len()]);
    for (chars, byte) in ends.enumerate() {
        while let Some(&&p) = next.peek() {
            if p > byte {
                break;
            }
            map.push((p, chars));
            next.next();
        }
    }
    let at = |byte: usize| {
        map.binary_search_by_key(&byte, |&(b, _)| b)
            .map(|i| map[i].1)
            .unwrap_or(0)
    };
    findings
        .into_iter()
        .map(|f| Span {
            start: at(f.start),
            end: at(f.end),
            kind: f.kind,
            why: f.why.to_owned(),
            confidence: (f.confidence * 100.0).round() / 100.0,
            field: None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_reading;
