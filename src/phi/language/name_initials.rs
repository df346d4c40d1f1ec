//! NAME with a middle initial, whatever the name's origin ("Szabina J Gelencsér", "Faina D.
//! Yefremova", "emidio p lombardo"): split from `names`, whose other rules read a name's words
//! without the initial between them.

use super::lexicon::{Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_STATE, F_SURNAME};
use super::names::{
    acronym, alpha, first, hyphenated, initial, joined, sep, surname, unknown, FULL,
};

/// Given name, middle initial, surname, whatever their origin: "Szabina J Gelencsér", "Faina D.
/// Yefremova". Capitalised and no English word either side of a capital initial; in a post
/// without capitals both must be on the name lists ("emidio p lombardo").
pub(super) fn initialled(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let (m, k) = (i + 1, i + 2);
    if k >= text.words.len() || !joined(text, i) || !joined(text, m) || !initial(text, m) {
        return None;
    }
    let plain = |x: usize| {
        alpha(text, x)
            && text.word(x).chars().count() >= 2
            && !text.is(x, F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_STATE)
            && !acronym(text, x)
    };
    if !(plain(i) && plain(k)) {
        return None;
    }
    let listed = |x: usize| text.is(x, F_FIRST | F_SURNAME);
    let ok = if text.cased {
        text.is_capitalised(i)
            && text.is_capitalised(k)
            && text.word(m).chars().all(char::is_uppercase)
            // "Humira X Rinvoq": an "x" is "versus", and two words no list knows may be drugs.
            && !text.lower_word(m).eq("x")
            && (listed(i) || listed(k) || unlisted_initialled(text, i, m, k))
    } else {
        first(text, i) && surname(text, k)
    };
    ok.then_some((hyphenated(text, k), 0.75, FULL))
}

/// "Faina D. Yefremova", "Ravil G Yefimov": two words no list knows around an initial. With the
/// initial's dot, each needs only to be no English word ("Faina" is one letter off "faint");
/// without it, neither may be one letter off one either. Medicines by brand or stem are not
/// names ("Hepatitis B Vaccine").
fn unlisted_initialled(text: &Doc, i: usize, m: usize, k: usize) -> bool {
    let medicine = |x: usize| {
        let w = text.lower_word(x);
        super::medicines::brand(w) || super::medicines::stem(w)
    };
    if medicine(i) || medicine(k) || text.word(i).chars().count() < 3 {
        return false;
    }
    // Without the dot, one of the two must be no word one letter off English either ("Ravil G
    // Yefimov": "Ravil" is one letter off "ravel").
    sep(text, m).starts_with('.') || unknown(text, i) || unknown(text, k)
}
