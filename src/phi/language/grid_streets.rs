//! ADDRESS: streets named by a number, as Colombia, Venezuela and much of Latin America write
//! them: the street's kind and number, then "#" or "No." and the corner street's number and the
//! distance from it ("Carrera 7 #32-16", "Calle 72 No. 10-34", "Cra. 15 # 88-21", "Av. 68 Bis
//! # 22-10"). No street word of English reads so, and the "#N-N" tail is the shape's own. And
//! South Asia's numbered houses on numbered streets ("House 21, Street 7").

use std::sync::LazyLock;

use regex::Regex;

use super::abroad::STREET;
use super::{finding, Kind, Text};
use crate::phi::Finding;

static GRID: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?i)(?-u:\b)(?:calle|cll?|carrera|cra|kra|cr|avenida|av|diagonal|dg|transversal|tv|circular|circunvalar)\.? ?\d{1,3} ?[a-z]?(?: ?bis)?(?: ?[a-z])? ?(?:#|no\.?|n°|nº) ?\d{1,3} ?[a-z]? ?- ?\d{1,3}(?-u:\b)",
    )
});

/// Pakistan's and much of South Asia's house and street numbers: "House 21, Street 7", "H.
/// No. 5, St. 12", "House # 14-B, Street No. 3".
static HOUSE_STREET: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?i)(?-u:\b)(?:house|h\.? ?no)\.? ?(?:no\.? ?|# ?)?\d{1,4}(?:-?[a-z])?, ?(?:street|st)\.? ?(?:no\.? ?|# ?)?\d{1,3}(?-u:\b)",
    )
});

/// Whether a digit stands on each side of a hyphen (a space allowed): the "32-16" every grid
/// address ends with. Checked before the regex, whose short street words ("cr", "av") would
/// otherwise be looked for in every post. Each run of spaces is walked at most twice.
fn hyphenated_numbers(raw: &[u8]) -> bool {
    raw.iter().enumerate().any(|(k, &b)| {
        b == b'-'
            && raw[..k]
                .iter()
                .rev()
                .find(|&&c| c != b' ')
                .is_some_and(u8::is_ascii_digit)
            && raw[k + 1..]
                .iter()
                .find(|&&c| c != b' ')
                .is_some_and(u8::is_ascii_digit)
    })
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    if hyphenated_numbers(text.raw.as_bytes()) {
        for m in GRID.find_iter(text.raw) {
            out.push(finding(Kind::Address, m.start(), m.end(), 0.85, STREET));
        }
    }
    // "House 21, Street 7": a comma before the street's word.
    if text.lower.contains(", st") || text.lower.contains(",st") {
        for m in HOUSE_STREET.find_iter(text.raw) {
            out.push(finding(Kind::Address, m.start(), m.end(), 0.85, STREET));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streets(raw: &str) -> Vec<String> {
        super::super::test_support::detected(raw, detect)
    }

    #[test]
    fn numbered_streets_of_latin_america() {
        for (raw, want) in [
            ("she's at Carrera 7 #32-16, Bogotá", "Carrera 7 #32-16"),
            (
                "vivo en la Calle 72 No. 10-34 apto 301",
                "Calle 72 No. 10-34",
            ),
            ("cra. 15 # 88-21 barrio chico", "cra. 15 # 88-21"),
            ("Av. 68 Bis # 22-10", "Av. 68 Bis # 22-10"),
            ("House 21, Street 7, Islamabad", "House 21, Street 7"),
            ("h no 5, st 12 G-9", "h no 5, st 12"),
        ] {
            assert_eq!(streets(raw), [want], "{raw}");
        }
        for raw in [
            "calle 7 was closed",
            "my av 68 bpm reading",
            "the cr 15 # of tablets",
            "Carrera de la Mujer 5k run",
            "room 7 #32 on the ward",
            "house 3, street party next week",
            "the house, street 7 was closed",
        ] {
            assert!(streets(raw).is_empty(), "{raw}");
        }
    }
}
