//! NAME by the names a word is listed with: "our founders: Kónya, Becker and Vasquez", "my
//! twins ngozi and tunde". Each word capitalised (when the writer uses capitals) and no English
//! word; lists after a word of place are read as towns.

use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_STATE, F_SURNAME, F_TITLE,
};
use super::name_cues::extend;
use super::names::{acronym, alpha, cap, common, first, sep, unknown, GIVEN};

/// A capitalised word no English word, the writer using capitals, on no list of words.
fn name_shaped(text: &Doc, m: usize) -> bool {
    cap(text, m)
        && alpha(text, m)
        && text.word(m).chars().count() >= 2
        && !text.is(
            m,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_STATE | F_RELATION | F_TITLE,
        )
        && !acronym(text, m)
}

/// The word listed with word `i` ("X, Y", "X and Y", "X & Y", "X, and Y"), on either side.
fn coordinate(text: &Doc, i: usize, right: bool) -> Option<usize> {
    let n = text.words.len();
    let (a, b) = if right {
        (i, i + 1)
    } else {
        (i.checked_sub(1)?, i)
    };
    if b >= n {
        return None;
    }
    if matches!(sep(text, a), ", " | " & ") {
        return Some(if right { b } else { a });
    }
    // "X and Y": the linking word sits between them.
    let (a, b) = if right {
        (i, i + 2)
    } else {
        (i.checked_sub(2)?, i)
    };
    if b >= n || !matches!(text.lower_word(a + 1), "and" | "or") {
        return None;
    }
    let s1 = sep(text, a);
    (matches!(s1, " " | ", ") && sep(text, a + 1) == " ").then_some(if right { b } else { a })
}

/// Whether the list word `i` is in follows a word about places: "in Lagos, Abuja and Kano",
/// "moved to Leeds or Bradford" (towns are surnames too). "thanks to X and Y" stays people.
fn placed(text: &Doc, i: usize) -> bool {
    let mut head = i;
    for _ in 0..8 {
        match coordinate(text, head, false) {
            Some(j) if name_shaped(text, j) => head = j,
            _ => break,
        }
    }
    if head == 0 {
        return false;
    }
    let p = text.lower_word(head - 1);
    let p2 = if head >= 2 {
        text.lower_word(head - 2)
    } else {
        ""
    };
    matches!(
        p,
        "in" | "near"
            | "around"
            | "across"
            | "between"
            | "via"
            | "from"
            | "at"
            | "visited"
            | "visiting"
            | "outside"
            | "towards"
            | "toward"
    ) || (p == "to"
        && !matches!(
            p2,
            "thanks"
                | "thank"
                | "talk"
                | "talked"
                | "spoke"
                | "speak"
                | "said"
                | "wrote"
                | "tribute"
        ))
}

/// Names listed together: "our founders: Kónya, Becker and Vasquez", "Marrero and Murphy".
/// Each capitalised, none an English word, one at least on a name list and the other on one
/// or no word at all. Places listed together are blocked where known ("Leeds and Bradford"
/// stay a risk: both are surnames).
pub(super) fn coordinated(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if !text.cased || !name_shaped(text, i) {
        return None;
    }
    let listed = |m: usize| text.is(m, F_FIRST | F_SURNAME);
    if placed(text, i) {
        return None;
    }
    for right in [true, false] {
        let Some(j) = coordinate(text, i, right) else {
            continue;
        };
        if !name_shaped(text, j) {
            continue;
        }
        let ok = (listed(i) && (listed(j) || unknown(text, j))) || (listed(j) && unknown(text, i));
        if ok {
            return Some((i, 0.6, GIVEN));
        }
    }
    None
}

/// A given name listed right after a name just held: "my twins ngozi and chidi", "Aoife, Cian".
/// Listed, no English word, capitalised when the writer uses capitals.
pub(super) fn listed_after(
    text: &Doc,
    i: usize,
    last_held: Option<usize>,
) -> Option<(usize, f32, &'static str)> {
    let last = last_held?;
    let j = coordinate(text, i, false)?;
    (j == last
        && first(text, i)
        && !common(text, i)
        && !text.is(i, F_ENGLISH)
        && (!text.cased || text.is_capitalised(i)))
    .then_some((extend(text, i), 0.7, GIVEN))
}
