//! What must hold of every scan, whatever the text: checked by the fuzz target
//! (`fuzz/fuzz_targets/phi.rs`) and by regression tests. Not used when serving.

use super::Scan;

/// `Ok` when every span lies inside `text` (offsets in code points, so they always fall on
/// character boundaries once turned into byte offsets), is not empty, the spans are sorted and
/// do not overlap, and `held` agrees with them.
pub fn check_scan(text: &str, scan: &Scan) -> Result<(), String> {
    let chars = text.chars().count();
    let mut last_end = 0;
    for s in &scan.spans {
        if s.start >= s.end {
            return Err(format!("empty or reversed span {}..{}", s.start, s.end));
        }
        if s.end > chars {
            return Err(format!(
                "span {}..{} past the end ({chars})",
                s.start, s.end
            ));
        }
        if s.start < last_end {
            return Err(format!(
                "span {}..{} overlaps the one before",
                s.start, s.end
            ));
        }
        last_end = s.end;
        // The same span as byte offsets: must land on char boundaries and slice cleanly.
        let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
        let (b0, b1) = (byte(s.start), byte(s.end));
        if text.get(b0..b1).is_none_or(str::is_empty) {
            return Err(format!(
                "span {}..{} does not slice the text",
                s.start, s.end
            ));
        }
        if s.why.is_empty() {
            return Err(format!("span {}..{} without a reason", s.start, s.end));
        }
    }
    if scan.held == scan.spans.is_empty() {
        return Err("held does not match the spans".into());
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::check_scan;
    use crate::phi::{scan, Writer};

    fn check_all(texts: impl Iterator<Item = String>) -> usize {
        let mut n = 0;
        for text in texts {
            for writer in [Writer::Member, Writer::Clinician] {
                let s = scan(&text, writer);
                if let Err(why) = check_scan(&text, &s) {
                    panic!("{why}\ntext: {text:?}\nscan: {s:?}");
                }
            }
            n += 1;
        }
        n
    }

    /// The development corpus and every XSS payload: spans in bounds, sorted, on char boundaries.
    #[test]
    fn spans_stay_inside_the_text_for_the_corpus_and_the_payloads() {
        let root = env!("CARGO_MANIFEST_DIR");
        let corpus = std::fs::read_to_string(format!("{root}/tests/data/phi-dev.jsonl")).unwrap();
        let texts = corpus.lines().filter_map(|l| {
            serde_json::from_str::<serde_json::Value>(l).ok()?["text"]
                .as_str()
                .map(str::to_owned)
        });
        assert!(check_all(texts) > 10);
        let payloads =
            std::fs::read_to_string(format!("{root}/tests/browser/data/xss-payloads.txt")).unwrap();
        assert!(check_all(payloads.lines().map(str::to_owned)) > 1000);
    }

    #[test]
    fn fuzz_regressions() {
        // Inputs the fuzzer (fuzz/fuzz_targets/phi.rs) once failed on go here.
        let found = [
            "",
            "\u{0}",
            "é1/2/2000é",
            "☃ 555-867-5309 ☃",
            "Dr\u{301}. Émile Zoë, 90 years old",
        ];
        assert!(check_all(found.iter().map(|s| s.to_string())) == found.len());
    }
}
