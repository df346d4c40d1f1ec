//! Names that the lists' test for a typo would turn away, read only where a person stands
//! (after "texted", beside the writer, as a patient): words one letter off an English word
//! that no such slot takes ("texted sipho": "siphon"), and three-letter names ("uju", "tui").
//! Split from `name_writer`, whose rules and others' (`name_company`, `name_doers`,
//! `name_patients`, `name_typos`) ask them.

use super::lexicon::{fold, near_filler, Doc};
use super::name_company::{person, plain};

/// Words that stand where a person's name would and are no name: one letter off one of them is
/// a typo ("texted evryone", "rang bakc", "told docter"), beside function words and relations.
const FILLERS: &[&str] = &[
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "nobody",
    "people",
    "folks",
    "doctor",
    "doctors",
    "doc",
    "nurse",
    "nurses",
    "staff",
    "team",
    "office",
    "clinic",
    "surgery",
    "pharmacy",
    "hospital",
    "helpline",
    "back",
    "home",
    "work",
    "round",
    "ahead",
    "later",
    "earlier",
    "everything",
    "nothing",
    "something",
    "google",
    "mum",
    "mom",
    "dad",
    // What closes a sentence after a relation: "my mum aswel.", "my son either."
    "aswell",
    "anymore",
    "either",
    "instead",
];

/// Word `i` could be a name by what it is not (`plain`), but is one letter off an English word
/// that no person's slot takes (not a function word, relation or `FILLERS`): read only where a
/// person stands. Spends the post's budget of typo checks.
pub(super) fn near_name(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    if !(4..=14).contains(&w.chars().count()) || !plain(text, i) || w.ends_with("ly") {
        return false;
    }
    let left = text.typo_checks.get();
    if left == 0 {
        return false;
    }
    text.typo_checks.set(left - 1);
    let folded = fold(w);
    folded.is_ascii() && !near_filler(&folded, FILLERS)
}

/// Whether word `i`, in a slot only a person fills, is a name: `person`, or a word one letter
/// off English that no such slot takes (`near_name`).
pub(super) fn person_here(text: &Doc, i: usize) -> bool {
    person(text, i) || near_name(text, i) || short_name(text, i)
}

/// Three letters with a vowel, on no list, no chat word or clinic abbreviation: a short name
/// ("yaw", "uju", "ife") where only a person stands. Every such word is one letter off some
/// English word, so `near_name` cannot read it.
fn short_name(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    w.len() == 3
        && w.bytes()
            .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
        && !matches!(
            w,
            "omg"
                | "lol"
                | "imo"
                | "ily"
                | "afk"
                | "irl"
                | "ikr"
                | "obv"
                | "tho"
                | "ofc"
                | "ugh"
                | "aww"
                | "bae"
                | "fam"
                | "ooh"
                | "eek"
                | "yup"
                | "nah"
                | "meh"
                | "aha"
                | "umm"
                | "ish"
                | "yea"
                | "yep"
                | "tbh"
                | "btw"
                | "ent"
                | "obs"
                | "icu"
                | "npo"
                | "prn"
                | "bid"
                | "tid"
                | "qid"
                | "ivf"
                | "iud"
                | "ibs"
                | "ibd"
                | "eds"
                | "cfs"
                | "uti"
                | "ecg"
                | "eeg"
                | "emg"
                | "mri"
                | "pet"
                | "lft"
                | "tsh"
                | "ana"
                | "esr"
                | "crp"
        )
        && plain(text, i)
}
