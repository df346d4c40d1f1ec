//! NAME by the names a word is listed with: "our founders: Kónya, Becker and Vasquez", "my
//! twins ngozi and tunde". Each word capitalised (when the writer uses capitals) and no English
//! word; lists after a word of place are read as towns.

use super::lexicon::month;
use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_STATE, F_SURNAME, F_TITLE,
};
use super::medicines;
use super::name_cues::extend;
use super::names::{acronym, alpha, common, first, sep, unknown, GIVEN};

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

/// The single words listed with word `i`, `i` included, in order: at most eight either side.
fn members(text: &Doc, i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut k = i;
    for _ in 0..8 {
        match coordinate(text, k, false) {
            Some(j) => {
                out.insert(0, j);
                k = j;
            }
            None => break,
        }
    }
    k = i;
    for _ in 0..8 {
        match coordinate(text, k, true) {
            Some(j) => {
                out.push(j);
                k = j;
            }
            None => break,
        }
    }
    out
}

/// How a word listed with others reads as a name.
#[derive(Clone, Copy, PartialEq)]
enum Member {
    /// On a name list and no word of any kind: "Morrison", "Kastner".
    Listed,
    /// On a name list and an English word too: "Graves", "Reed", "White".
    Word,
    /// On no list at all, nor one letter off an English word: "Monjeau", "Šušulić".
    Unknown,
    /// Anything else: a word, a drug, a month, a place.
    Other,
}

/// Word `m` as a member of a list: capitalised when the writer uses capitals; in a post
/// without capitals only given names count as listed ("silvana, adam, chad and caleb").
fn member(text: &Doc, m: usize) -> Member {
    let w = text.lower_word(m);
    if !alpha(text, m)
        || text.word(m).chars().count() < 2
        || acronym(text, m)
        || (text.cased && !text.is_capitalised(m))
        || text.is(m, F_FUNCTION | F_STATE | F_RELATION | F_TITLE)
        || month(w).is_some()
        || medicines::brand(w)
        || medicines::stem(w)
        || in_a_run(text, m)
    {
        return Member::Other;
    }
    let listed = text.is(
        m,
        if text.cased {
            F_FIRST | F_SURNAME
        } else {
            F_FIRST
        },
    );
    let word = text.is(m, F_ENGLISH | F_NAME_WORD);
    match (listed, word) {
        (true, false) => Member::Listed,
        (true, true) => Member::Word,
        _ if unknown(text, m) => Member::Unknown,
        // Session 14: in a writer's capitals, a short name ("Olu, Kemi, Segun") and one a
        // letter off English ("Nomvula, Sipho and Lindiwe": "siphon") are members too; the
        // list still needs enough that no list knows.
        _ if text.cased
            && (super::name_near::short_name(text, m) || super::name_near::near_name(text, m)) =>
        {
            Member::Unknown
        }
        _ => Member::Other,
    }
}

/// Word `m` is one of several capitalised words side by side: a member of many words ("Lucid
/// and Loveland Technologies"), a firm's or a title's, not one name.
fn in_a_run(text: &Doc, m: usize) -> bool {
    // Capitals as written: a run on a Title Case line is a run too (`title_case`).
    let capital = |k: usize| text.text.is_capitalised(k) && text.word(k).chars().count() > 1;
    text.cased
        && ((m + 1 < text.words.len() && sep(text, m) == " " && capital(m + 1))
            || (m > 0 && sep(text, m - 1) == " " && capital(m - 1)))
}

/// Whether a list follows a word about places: "in Lagos, Abuja and Kano", "moved to Leeds
/// or Bradford" (towns are surnames too). "thanks to X and Y" stays people.
fn placed(text: &Doc, head: usize) -> bool {
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

/// Names listed together: "our founders: Kónya, Becker and Vasquez", "Monjeau, Graves and
/// Reed", "Park and Mann", "they had 6: silvana, adam, chad and caleb". Every member reads as a
/// name (listed, or on no list at all), and the list holds enough that are no English word: one
/// listed name, or in a list of three or more a word no list knows; in a post without capitals,
/// two listed given names. "Rose, Lily and Daisy" are all words, and stay flowers.
pub(super) fn coordinated(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // Cheapest first: most words stand in no list, and `member` may look a word up for typos.
    if coordinate(text, i, true).is_none() && coordinate(text, i, false).is_none() {
        return None;
    }
    let all = members(text, i);
    if all.len() < 2 || placed(text, all[0]) || member(text, i) == Member::Other {
        return None;
    }
    let (mut listed, mut unlisted) = (0, 0);
    for &m in &all {
        match member(text, m) {
            Member::Listed => listed += 1,
            Member::Unknown => unlisted += 1,
            Member::Word => {}
            Member::Other => return None,
        }
    }
    let enough = if text.cased {
        listed >= 1 || (all.len() >= 3 && unlisted >= 1)
    } else {
        listed >= 2
    };
    enough.then_some((i, 0.6, GIVEN))
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
    // A word on no list counts too ("Seo-yeon and Jiho"), when it is no drug, tool or place.
    (j == last
        && ((first(text, i)
            && !common(text, i)
            && !text.is(i, F_ENGLISH)
            && (!text.cased || text.is_capitalised(i)))
            || super::name_company::person(text, i)))
    .then_some((extend(text, i), 0.7, GIVEN))
}
