//! ADDRESS: a street written as its name and house number with no street word, as much of
//! Europe writes it ("Allika 46", "Pivovarská 276", "Edeby 55"). The shape alone is a drug
//! and its dose or a product and its model, so it counts only where an address is expected:
//! after "lives at", "address:" and the like, or opening an address block's line above an
//! apartment or suite line. Britain's streets named with an article ("27 The Crescent") count
//! in the same places.

use super::abroad::{house_no, STREET};
use super::lexicon::{Doc, F_ENGLISH, F_FUNCTION, F_NAME_WORD, F_SURNAME};
use super::medicines;
use super::places::{digits, sep};
use super::street_words::{strong_suffix, weak_suffix};
use super::{finding, Kind};
use crate::phi::Finding;

/// Words that, with "at" or "on" after them, say an address comes next.
fn dwelling(w: &str) -> bool {
    matches!(
        w,
        "lives" | "live" | "living" | "lived" | "located" | "based" | "moved" | "stays" | "staying"
    )
}

/// Word `i` is preceded by an address cue: "lives at", "located on", "address:", "address
/// is", "my address it is".
fn cued(text: &Doc, i: usize) -> bool {
    let w = |k: usize| text.lower_word(k);
    if i >= 2 && matches!(w(i - 1), "at" | "on") && dwelling(w(i - 2)) {
        return true;
    }
    (1..=3).any(|back| {
        i >= back
            && w(i - back) == "address"
            && (back == 1 && sep(text, i - 1).trim() == ":"
                || (back >= 2 && matches!(w(i - back + 1), "is" | "it")))
    })
}

/// Word `i` opens its line, and the next line starts with an apartment, suite or unit.
fn above_a_unit(text: &Doc, i: usize, last: usize) -> bool {
    let opens = i == 0 || sep(text, i - 1).contains('\n');
    let next = last + 1;
    opens
        && next < text.words.len()
        && sep(text, last).contains('\n')
        && matches!(
            text.lower_word(next),
            "apt" | "apartment" | "suite" | "unit" | "flat" | "box" | "floor"
        )
}

/// The street's name: a capitalised word that is no English word, no name-word and no
/// medicine, then up to two more words of letters ("Trenerys gate", "Mekanikusv").
fn street_name(text: &Doc, i: usize) -> Option<usize> {
    let w = text.lower_word(i);
    let ok = text.word(i).chars().count() >= 3
        && text.word(i).chars().all(char::is_alphabetic)
        && (!text.cased || text.is_capitalised(i))
        && !text.is(i, F_ENGLISH | F_NAME_WORD | F_FUNCTION)
        && !medicines::brand(w)
        && !medicines::stem(w);
    if !ok {
        return None;
    }
    let mut k = i;
    while k + 1 < text.words.len()
        && k < i + 2
        && sep(text, k) == " "
        && text.word(k + 1).chars().all(char::is_alphabetic)
    {
        k += 1;
    }
    Some(k)
}

/// "lives at 92597 Jahu 80, Liiva", "20789 Allika 46\n Suite 501": an optional leading number
/// (a postcode or building), the street's name, its house number, then the end of the clause.
pub(super) fn detect(text: &Doc, out: &mut Vec<Finding>) {
    let n = text.words.len();
    let mut i = 0;
    while i < n {
        let Some((start, last)) = bare_street(text, i).or_else(|| the_street(text, i)) else {
            i += 1;
            continue;
        };
        out.push(finding(
            Kind::Address,
            text.words[start].start,
            text.words[last].end,
            0.7,
            STREET,
        ));
        i = last + 1;
    }
}

/// "lives at 27 The Crescent", "moved to 14 the Paddocks, near the river", "address is 2 The
/// Mews": Britain's and Ireland's streets named with an article after a house number, where an
/// address is expected (`cued`, or "moved to"/"into"). One or two words after "the", the last
/// a street word, or in a cased post a capitalised plural ("The Maltings"); the phrase closes
/// there ("lives at 10 the Green Room cafe" goes on to a noun, "woke at 3 the next day" has
/// no cue).
fn the_street(text: &Doc, i: usize) -> Option<(usize, usize)> {
    let n = text.words.len();
    let w = |k: usize| text.lower_word(k);
    if i + 2 >= n || !house_no(w(i)) || w(i + 1) != "the" || sep(text, i) != " " {
        return None;
    }
    let moved = i >= 2 && matches!(w(i - 1), "to" | "into") && w(i - 2) == "moved";
    if !(moved || cued(text, i)) {
        return None;
    }
    let named = |k: usize| {
        text.word(k).chars().all(char::is_alphabetic)
            && !text.is(k, F_FUNCTION)
            && (!text.cased || text.is_capitalised(k))
    };
    let street = |k: usize| {
        let word = w(k);
        strong_suffix(word)
            || weak_suffix(word)
            || (text.cased && word.len() > 4 && word.ends_with('s'))
    };
    // Without capitals, one word only: "moved to 3 the hard way" is a manner.
    let words = if text.cased { 2 } else { 1 };
    let last = (i + 2..(i + 2 + words).min(n))
        .take_while(|&k| named(k) && (k == i + 2 || sep(text, k - 1) == " "))
        .filter(|&k| street(k))
        .last()?;
    let closes = last + 1 == n
        || sep(text, last)
            .trim_start()
            .starts_with([',', '.', '!', '?', ';', ')', '\n'])
        || sep(text, last).contains('\n')
        || text.is(last + 1, F_FUNCTION)
        || (text.cased && !text.is_capitalised(last + 1));
    closes.then_some((i, last))
}

fn bare_street(text: &Doc, i: usize) -> Option<(usize, usize)> {
    let n = text.words.len();
    let lead = digits(text.lower_word(i)) && text.word(i).len() <= 6 && sep(text, i) == " ";
    let name = if lead { i + 1 } else { i };
    if name >= n {
        return None;
    }
    let name_end = street_name(text, name)?;
    // The house number: the word after the name (any of the name's words may be it).
    let number = (name + 1..=name_end + 1)
        .find(|&k| k < n && house_no(text.lower_word(k)) && sep(text, k - 1) == " ")?;
    let closes = number + 1 == n
        || sep(text, number).starts_with([',', '\n', '.'])
        || (sep(text, number) == " "
            && matches!(
                text.lower_word(number + 1),
                "st" | "apt" | "suite" | "street"
            ));
    if !closes {
        return None;
    }
    // "87818 Dalmatinova 68", "4241 Steinfelden 73": a building's or delivery office's number
    // (three to six digits, no year), one name and its house number need no cue: a count
    // ("took 2 Tylenol 500") has a short number and a drug.
    let lead_number = |w: &str| (3..=6).contains(&w.len()) && !super::postcodes::year(w);
    // The name no word one letter off English either ("500 Kilometres 2").
    let numbered = lead
        && name_end == name
        && number == name + 1
        && lead_number(text.lower_word(i))
        && (text.is(name, F_SURNAME) || super::names::unknown(text, name));
    (cued(text, i) || above_a_unit(text, i, number) || numbered).then_some((i, number))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::spans;
    use super::*;

    fn streets(raw: &str) -> Vec<String> {
        spans(raw, detect)
    }

    /// A street's name and number with no street word, where an address is expected; with
    /// diacritics or without, in lower case too.
    #[test]
    fn bare_streets_where_an_address_is_expected() {
        for (raw, want) in [
            ("Tiina lives at 92597 Jahu 80, Liiva", "92597 Jahu 80"),
            ("she lives at Pivovarská 276.", "Pivovarská 276"),
            ("my address is Kastanjelaan 14, Utrecht", "Kastanjelaan 14"),
            ("Address: Valdemarsgade 12\nCopenhagen", "Valdemarsgade 12"),
            ("20789 Allika 46\n Suite 501\n Riisa", "20789 Allika 46"),
            ("he lives on kaivokatu 9, helsinki", "kaivokatu 9"),
            // A building's or office's number before the name and its number: no cue needed.
            (
                "The bus drops you off at 87818 Dalmatinova 68 St.",
                "87818 Dalmatinova 68",
            ),
            (
                "return to 72134 Coronilla 3599\nNijmegen",
                "72134 Coronilla 3599",
            ),
        ] {
            let got = streets(raw);
            assert!(got.iter().any(|g| g == want), "{raw}: {got:?}");
        }
    }

    /// Session 13: streets named with an article, where an address is expected.
    #[test]
    fn streets_named_with_an_article() {
        for (raw, want) in [
            ("we live at 27 The Crescent, Bath", "27 The Crescent"),
            ("mum lives at 5 The Green", "5 The Green"),
            (
                "they moved to 14 the Paddocks, near the river",
                "14 the Paddocks",
            ),
            ("our address is 2 The Mews", "2 The Mews"),
            ("nan lives at 3 the close now", "3 the close"),
            ("we moved into 9 The Maltings last year", "9 The Maltings"),
            ("he lives at 12 The Old Orchard.", "12 The Old Orchard"),
            ("we've just moved to 11 The Spinney", "11 The Spinney"),
            ("dad lives at 22 The Meadows in Derby", "22 The Meadows"),
        ] {
            let got = streets(raw);
            assert!(got.iter().any(|g| g == want), "{raw}: {got:?}");
        }
        for raw in [
            "i woke at 3 the next day",
            "we live at 10 the Green Room cafe",
            "at 5 the Close was quiet",
            "she lives at 2 the most",
            "we moved to 3 the hard way",
            "living at 4 the Cottages Hotel",
            "lives at 6 the end of the road",
            "we live at 2 the most expensive street in town",
            "i moved to 2 the next week",
            "moved to 4 The Walking Dead season",
        ] {
            assert!(streets(raw).is_empty(), "{raw}: {:?}", streets(raw));
        }
    }

    /// Drugs and doses, products and models, counts: the same shape with no address cue, or
    /// with one but an English word or a medicine.
    #[test]
    fn doses_models_and_counts_are_not_streets() {
        for raw in [
            "I'm on Stelara 90 now",
            "she lives on Humira 40, every other week",
            "I live at Tremfya 100.",
            "Pixel 7\nApt to break",
            "we live at Building 4, Suite 12",
            "the Dexcom 7 arrived",
            // Counts, years and doses around a name.
            "took 2 Tylenol 500, then slept",
            "in 2019 Kowalczyk 3, the team lost",
            "we drove 500 Kilometres 2, then",
            "I took 200 Xeljanz 5.",
        ] {
            assert!(streets(raw).is_empty(), "{raw}: {:?}", streets(raw));
        }
    }

    /// Long runs of the trigger stay cheap (timed in release, see BENCHMARKS.md).
    #[test]
    fn repeated_triggers_finish() {
        let raw = "lives at 92597 Jahu 80, ".repeat(40_000);
        assert!(streets(&raw).len() <= 40_000);
    }
}
