//! ADDRESS: a street named with no house number ("we live on Elm Street", "the shows on
//! Tarsicio Isle Street", "my mum lives on maple avenue"). Safe Harbor's item (B) counts every
//! geographic subdivision smaller than a state, a street among them. Without this rule such a
//! street was missed, or held as a person ("Isaac Lodge Street", a given name and a surname).
//!
//! Only the suffix written out in full counts ("St", "Dr" and "Ct" are saints, doctors and
//! courts), after a word of place ("on", "off", "along", "near"…); in a post with no capitals,
//! only after a verb of living ("lives on elm street"). Streets that stand for an institution or
//! an idea ("Wall Street", "Downing Street", "a trip down Memory Lane") are left alone.

use super::abroad::STREET;
use super::lexicon::{month, Doc, F_FUNCTION};
use super::medicines;
use super::places::sep;
use super::{finding, Kind};
use crate::phi::Finding;

/// Street words written out in full (USPS Publication 28 suffixes and the Commonwealth's).
fn full_suffix(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "avenue"
            | "road"
            | "lane"
            | "drive"
            | "boulevard"
            | "terrace"
            | "parkway"
            | "crescent"
    )
}

/// Words just before a street's name that say a place follows.
fn place_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "off" | "along" | "near" | "onto" | "at" | "to" | "from" | "in"
    )
}

/// Words before "on" or "in" that say someone lives there.
fn living(w: &str) -> bool {
    matches!(
        w,
        "live" | "lives" | "lived" | "living" | "moved" | "house" | "home" | "apartment" | "flat"
    )
}

/// Session 20: what a street has that is nobody's, before "on" ("the traffic on Oxford Street",
/// "roadworks on Victoria Road", "the shops on Bridge Street"): the street as a town's, told of
/// in passing, not where someone lives or was.
fn traffic(w: &str) -> bool {
    matches!(
        w,
        "traffic"
            | "roadworks"
            | "congestion"
            | "diversion"
            | "closure"
            | "parking"
            | "shops"
            | "shopping"
            | "queues"
            | "queue"
            | "buses"
            | "lights"
            | "potholes"
    )
}

/// First words of streets that name an institution, a trade or an idea rather than a place,
/// and the generic high street: general knowledge, not a gazetteer.
fn metonym(w: &str) -> bool {
    matches!(
        w,
        "wall"
            | "sesame"
            | "downing"
            | "harley"
            | "fleet"
            | "bourbon"
            | "madison"
            | "abbey"
            | "penny"
            | "memory"
            | "easy"
            | "lovers"
            | "electric"
            | "main"
            | "high"
            | "civic"
            | "silk"
    )
}

pub(super) fn detect(text: &Doc, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for k in 1..n {
        if !full_suffix(text.lower_word(k)) || (text.cased && !text.is_capitalised(k)) {
            continue;
        }
        // "Drive-thru", "Road-trip": a compound, not a street.
        if k + 1 < n && sep(text, k).starts_with('-') {
            continue;
        }
        // The name: one to three words of letters before the suffix, spaced, capitalised in a
        // cased post, none a function word or a month.
        let mut first = k;
        while first > 0
            && k - first < 3
            && sep(text, first - 1) == " "
            && name_word(text, first - 1)
        {
            first -= 1;
        }
        if first == k || first == 0 || metonym(text.lower_word(first)) {
            continue;
        }
        let before = text.lower_word(first - 1);
        if !place_word(before) || !matches!(sep(text, first - 1), " ") {
            continue;
        }
        let lived = first >= 2 && living(text.lower_word(first - 2));
        if first >= 2 && traffic(text.lower_word(first - 2)) {
            continue;
        }
        if !text.cased && !lived {
            continue;
        }
        let conf = if lived { 0.8 } else { 0.7 };
        out.push(finding(
            Kind::Address,
            text.words[first].start,
            text.words[k].end,
            conf,
            STREET,
        ));
    }
}

fn name_word(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    text.word(i).chars().all(char::is_alphabetic)
        && (!text.cased || text.is_capitalised(i))
        && !text.is(i, F_FUNCTION)
        && month(w).is_none()
        && !medicines::brand(w)
        && !medicines::stem(w)
        && !place_word(w)
        && !full_suffix(w)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::spans;
    use super::*;

    fn streets(raw: &str) -> Vec<String> {
        spans(raw, detect)
    }

    /// A street's name and its word, no number: capitalised after a word of place, in lower
    /// case after a verb of living, with diacritics.
    #[test]
    fn streets_named_without_a_number() {
        for (raw, want) in [
            ("we live on Elm Street now", "Elm Street"),
            (
                "my mum lives on Maple Avenue in the blue house",
                "Maple Avenue",
            ),
            (
                "the early shows on Tarsicio Isle Street were important",
                "Tarsicio Isle Street",
            ),
            ("the shows on Isaac Lodge Street", "Isaac Lodge Street"),
            ("he lives on maple avenue", "maple avenue"),
            ("we moved to Kings Road last spring", "Kings Road"),
            ("she's at Miletić Dale Street", "Miletić Dale Street"),
            ("WE LIVE ON ELM STREET", "ELM STREET"),
        ] {
            let got = streets(raw);
            assert!(got.iter().any(|g| g == want), "{raw}: {got:?}");
        }
    }

    /// Streets that stand for something else, abbreviations, roads as ideas, lower case with no
    /// verb of living, and a suffix with no name.
    #[test]
    fn streets_that_name_no_place() {
        for raw in [
            "a Wall Street analyst said",
            "the view from Downing Street",
            "a trip down Memory Lane",
            "the shops on Main Street",
            // Session 20: a street's traffic or shops, told of in passing.
            "The traffic on Oxford Street made us late for clinic",
            "Roadworks on Victoria Road made me late for the tribunal",
            "the road to recovery",
            "on the road again",
            "we drove on the Road",
            "I saw Dr Smith on St Patrick's day",
            "the long road to remission is hard",
            "talked to a friend in street clothes",
            "on May Street", // a month
            "my hopes are on Drive",
            "I was on Tysabri Drive-thru infusions",
            "I'm on Humira Road trips are hard",
        ] {
            assert!(streets(raw).is_empty(), "{raw}: {:?}", streets(raw));
        }
    }
}
