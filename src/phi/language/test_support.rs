//! What the detectors' tests share: a rule's or a detector's findings in a post, as the text
//! they cover.

use super::lexicon::Doc;
use crate::phi::text::Text;
use crate::phi::Finding;

/// A word rule: where the name it finds at a word ends, with its confidence and reason.
pub(super) type Rule = fn(&Doc, usize) -> Option<(usize, f32, &'static str)>;

/// What `rule` finds in `raw`, tried at every word.
pub(super) fn found(raw: &str, rule: Rule) -> Vec<String> {
    let text = Text::new(raw);
    let doc = Doc::new(&text);
    (0..doc.words.len())
        .filter_map(|i| {
            rule(&doc, i).map(|(end, _, _)| raw[doc.words[i].start..doc.words[end].end].to_string())
        })
        .collect()
}

/// What a detector that reads the text finds in `raw`.
pub(super) fn detected(raw: &str, detect: fn(&Text, &mut Vec<Finding>)) -> Vec<String> {
    let text = Text::new(raw);
    let mut out = Vec::new();
    detect(&text, &mut out);
    out.iter()
        .map(|f| raw[f.start..f.end].to_string())
        .collect()
}

/// What a detector that reads the words finds in `raw`.
pub(super) fn spans(raw: &str, detect: fn(&Doc, &mut Vec<Finding>)) -> Vec<String> {
    let text = Text::new(raw);
    let doc = Doc::new(&text);
    let mut out = Vec::new();
    detect(&doc, &mut out);
    out.iter()
        .map(|f| raw[f.start..f.end].to_string())
        .collect()
}

/// The spans a finding at `confidence` 0.5 or more covers: what the scanner would hold for.
fn held_spans(raw: &str, out: &[Finding]) -> Vec<String> {
    out.iter()
        .filter(|f| f.confidence >= 0.5)
        .map(|f| raw[f.start..f.end].to_string())
        .collect()
}

/// What a detector that reads the text would hold `raw` for.
pub(super) fn held(raw: &str, detect: fn(&Text, &mut Vec<Finding>)) -> Vec<String> {
    let text = Text::new(raw);
    let mut out = Vec::new();
    detect(&text, &mut out);
    held_spans(raw, &out)
}

/// A detector that reads the words outside the spans it is given (well-known institutions').
pub(super) type OutsideDetector = fn(&Doc, &[(usize, usize)], &mut Vec<Finding>);

/// What such a detector would hold `raw` for, outside well-known institutions' names.
pub(super) fn held_outside_institutions(raw: &str, detect: OutsideDetector) -> Vec<String> {
    let text = Text::new(raw);
    let doc = Doc::new(&text);
    let mut out = Vec::new();
    detect(&doc, &super::lexicon::institutions(&text), &mut out);
    held_spans(raw, &out)
}
