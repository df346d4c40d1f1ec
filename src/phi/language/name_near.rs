//! Names that the lists' test for a typo would turn away, read only where a person stands
//! (after "texted", beside the writer, as a patient): words one letter off an English word
//! that no such slot takes ("texted sipho": "siphon"), and three-letter names ("uju", "tui").
//! Split from `name_writer`, whose rules and others' (`name_company`, `name_doers`,
//! `name_patients`, `name_typos`) ask them.

use super::lexicon::{
    fold, near_filler, Doc, F_CENSUS_FIRST, F_FIRST, F_FUNCTION, F_RELATION, F_SURNAME, F_TITLE,
};
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
    near_name_but(text, i, F_FUNCTION | F_RELATION | F_TITLE, &[])
}

/// `near_name`, with the lists `flags` and the words `more` as the words a typo could be of.
fn near_name_but(text: &Doc, i: usize, flags: u16, more: &[&str]) -> bool {
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
    folded.is_ascii()
        && !near_filler(&folded, flags, |c| {
            FILLERS.contains(&c) || more.contains(&c)
        })
}

/// What follows a greeting, thanks or wish and is no one: one letter off one of these is a
/// typo ("thanks for this psot", "aww blessd"), beside `FILLERS` and function words.
const GREETED: &[&str] = &[
    "all",
    "guys",
    "folks",
    "there",
    "again",
    "ladies",
    "fellow",
    "aboard",
    "heaps",
    "loads",
    "lots",
    "much",
    "post",
    "posts",
    "info",
    "advice",
    "tip",
    "tips",
    "reply",
    "thread",
    "link",
    "update",
    "share",
    "story",
    "bless",
    "hugs",
    "sweet",
    "man",
    "mate",
    "babe",
    "hun",
    "poor",
    "cool",
    "great",
    "sure",
    "please",
    "same",
    "exactly",
    "lovely",
    "darling",
    "love",
    "buddy",
    "friend",
    "friends",
    "gang",
    "peeps",
    "girls",
    "lads",
    "dude",
    "sweetie",
    "luck",
    "well",
    "soon",
    "done",
    "morning",
    "night",
    "evening",
    "afternoon",
    "yeah",
    "thanks",
    "sorry",
    "true",
    "right",
    "totally",
    "agreed",
    "agree",
    "wow",
    "haha",
    "news",
    "group",
    "forum",
    "sharing",
    "video",
    "article",
    "answer",
    "help",
    "support",
    "words",
];

/// Word `i`, greeted, thanked or wished well with no comma ("thanks for this ashkan", "aww
/// lindelwa"), is a name: `person`, or one letter off an English word that no greeting takes
/// (`GREETED`): greetings name people or the group, and "ashcan" is neither.
pub(super) fn greeted_name(text: &Doc, i: usize) -> bool {
    // Chat greets by given names: a word only a surname list holds ("kool") is rather a word
    // misspelt, and one a greeting's word drawn out ("hunn", "blesss") is that word, unless
    // the US lists hold it as a given name.
    let surname_only = text.is(i, F_SURNAME) && !text.is(i, F_FIRST);
    // The check spends the post's typo budget; past it, such a word is read as drawn out.
    let drawn_out = !text.is(i, F_CENSUS_FIRST) && {
        let left = text.typo_checks.get();
        left == 0 || {
            text.typo_checks.set(left - 1);
            near_filler(&fold(text.lower_word(i)), 0, |c| GREETED.contains(&c))
        }
    };
    // Session 14: "hey vik ty for the link", "hi uju how are you": a short name greeted.
    !drawn_out
        && ((person(text, i) && !surname_only)
            || near_name_but(text, i, F_FUNCTION | F_RELATION | F_TITLE, GREETED)
            || short_name(text, i))
}

/// Word `i`, told apart by the circle the writer knows them from ("inti from church drove
/// me"), is a name: `person_here`, where a word one letter off a function word counts too
/// ("into"): no function word stands before "from church" and a verb.
pub(super) fn known_name(text: &Doc, i: usize) -> bool {
    person(text, i) || near_name_but(text, i, F_RELATION | F_TITLE, &[]) || short_name(text, i)
}

/// Word `i` may be a person whatever its case, where the slot speaks for it: a word of no
/// list of words, and a listed name, a short one ("bex", "gaz") or one no list knows. A writer
/// who capitalises sentences or a title may not capitalise a friend ("me and bex are doing
/// the Race for Life", "Waiting for abebe to come out of theatre"). Session 18: the one test
/// for the slots of `name_slots` and for "me and X are" (`name_roles::with_writer`).
pub(super) fn person_any_case(text: &Doc, i: usize) -> bool {
    super::name_company::plain_in_any_case(text, i)
        && (text.is(i, super::lexicon::F_FIRST | super::lexicon::F_SURNAME)
            || three_letter_name(text.lower_word(i))
            || super::names::unknown(text, i))
}

/// Whether word `i`, in a slot only a person fills, is a name: `person`, or a word one letter
/// off English that no such slot takes (`near_name`).
pub(super) fn person_here(text: &Doc, i: usize) -> bool {
    person(text, i) || near_name(text, i) || short_name(text, i)
}

/// Three letters with a vowel, on no list, no chat word or clinic abbreviation: a short name
/// ("yaw", "uju", "ife") where only a person stands. Every such word is one letter off some
/// English word, so `near_name` cannot read it.
pub(super) fn short_name(text: &Doc, i: usize) -> bool {
    three_letter_name(text.lower_word(i)) && plain(text, i)
}

/// Three letters with a vowel, none of chat's and the clinic's abbreviations ("lol", "icu") nor
/// a lab test's name ("crp"):
/// the shape of a short name ("uju", "tui") or a shortened one ("Bil").
pub(super) fn three_letter_name(w: &str) -> bool {
    w.len() == 3
        && w.bytes()
            .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
        && !matches!(
            w,
            "omg"
                // Session 22: kisses and hugs ("well done xox").
                | "xox"
                | "xxo"
                | "oxo"
                | "tba"
                | "tbc"
                | "fyi"
                | "idk"
                | "ffs"
                | "smh"
                | "wtf"
                | "gtg"
                | "brb"
                | "hmu"
                | "nvm"
                | "ngl"
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
        )
        && !crate::phi::labs::is_lab_test(w)
}
