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
