//! ADDRESS: a place given as the corner where two streets cross ("at the corner of Bygget 64
//! and Komel Club", "the corner of heiligengeistbrücke 77 and minik courts"): smaller than a
//! town, so an identifier (Safe Harbor item B), with or without house numbers.

use super::lexicon::{Doc, F_FUNCTION};
use super::places::{digits, sep};
use super::street_words::{strong_suffix, weak_suffix};
use super::{finding, Kind};
use crate::phi::Finding;

const CORNER: &str = "a street corner";

/// Each "corner of A and B" in the post, from "the" (when written) to the end of B.
pub(super) fn detect(text: &Doc, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for k in 0..n.saturating_sub(2) {
        if text.lower_word(k) != "corner" || text.lower_word(k + 1) != "of" {
            continue;
        }
        let Some(and) = street_part(text, k + 2, true) else {
            continue;
        };
        if and + 1 >= n || !matches!(text.lower_word(and), "and" | "&") {
            continue;
        }
        let Some(after) = street_part(text, and + 1, false) else {
            continue;
        };
        let last = after - 1;
        // Lower case says nothing: a number or a street word must show the streets.
        let shown = (k + 2..=last).any(|m| {
            let w = text.lower_word(m);
            digits(w) || strong_suffix(w) || weak_suffix(w)
        });
        if !text.cased && !shown {
            continue;
        }
        let start = if k > 0 && text.lower_word(k - 1) == "the" {
            k - 1
        } else {
            k
        };
        out.push(finding(
            Kind::Address,
            text.words[start].start,
            text.words[last].end,
            0.7,
            CORNER,
        ));
    }
}

/// Reads a street's name from word `i`: one to four words, each capitalised where the writer
/// uses capitals, a number, or a street word, with only spaces or dots between them. Returns
/// the index just past it (the "and" when `before_and`), or None when it is no street's name
/// ("the corner of my eye", "the corner of the room").
fn street_part(text: &Doc, i: usize, before_and: bool) -> Option<usize> {
    let n = text.words.len();
    let mut k = i;
    while k < n && k < i + 4 {
        let w = text.lower_word(k);
        let named = digits(w)
            || strong_suffix(w)
            || weak_suffix(w)
            || (text.is_capitalised(k) || !text.cased) && !text.is(k, F_FUNCTION);
        if !named || (before_and && matches!(w, "and")) {
            break;
        }
        k += 1;
        if k < n && !sep(text, k - 1).chars().all(|c| c == ' ' || c == '.') {
            break;
        }
    }
    if k == i {
        return None;
    }
    if before_and {
        (k < n && matches!(text.lower_word(k), "and")).then_some(k)
    } else {
        Some(k)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::spans;
    use super::*;

    fn corners(raw: &str) -> Vec<String> {
        spans(raw, detect)
    }

    /// Two streets crossing, named with or without numbers and street words, in any case.
    #[test]
    fn street_corners_are_addresses() {
        for (raw, want) in [
            (
                "it is the corner of Bygget 64 and Komel Club",
                "the corner of Bygget 64 and Komel Club",
            ),
            (
                "the corner of heiligengeistbrücke 77 and minik courts",
                "the corner of heiligengeistbrücke 77 and minik courts",
            ),
            (
                "stop at the corner of 11 Botley Road St. and Herceg Gateway St.",
                "the corner of 11 Botley Road St. and Herceg Gateway St",
            ),
            (
                "we live on the corner of Main and Elm.",
                "the corner of Main and Elm",
            ),
        ] {
            assert_eq!(corners(raw), [want], "{raw}");
        }
    }

    /// Corners of rooms, eyes and mouths are not streets'.
    #[test]
    fn other_corners_are_not_streets() {
        for raw in [
            "out of the corner of my eye and then",
            "the corner of the room and the window",
            "in the corner of her mouth and lips",
            "the corner of main and elm",
        ] {
            assert!(corners(raw).is_empty(), "{raw}: {:?}", corners(raw));
        }
    }
}
