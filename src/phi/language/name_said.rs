//! NAME said to be a name or a relation: "Zhang Min is my mother's name", "Kowalski is my
//! surname", "siosaia is my carer", "my daughter is Ximena". Split from `name_cues`, which was
//! past 400 lines; their tests are in `name_cues_tests` with the other cues'.

use super::lexicon::{Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_SURNAME};
use super::name_cues::extend;
use super::names::{alpha, common, first, joined, sep, unknown, FULL, GIVEN};

/// "Zhang Min is my mother's name", "Grace was her name", "Tolu is my name": one or two words
/// opening a sentence, then "is"/"was", a possessive, a relation and its "'s" or nothing, and
/// "name" or a kind of name ("surname", "maiden name"). The words may be any but function
/// words, digits or a drug.
pub(super) fn name_is(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if !text.starts_sentence(i) {
        return None;
    }
    // "Pain is my name lol": an English word only when a list holds it as a given name.
    let word = |k: usize| {
        alpha(text, k)
            && !text.is(k, F_FUNCTION)
            && (!text.is(k, F_ENGLISH) || text.is(k, F_FIRST))
            && !super::medicines::brand(text.lower_word(k))
    };
    if !word(i) {
        return None;
    }
    let end = if joined(text, i)
        && i + 2 < n
        && word(i + 1)
        && !matches!(text.lower_word(i + 1), "is" | "was")
    {
        i + 1
    } else {
        i
    };
    let at = |k: usize| text.lower_at(k);
    let mut k = end + 1;
    if !matches!(at(k), "is" | "was") || sep(text, end) != " " {
        return None;
    }
    k += 1;
    if !matches!(at(k), "my" | "his" | "her" | "our" | "their") {
        return None;
    }
    k += 1;
    // "my mother's", "my mums": the relation owning the name.
    if text.is(k, F_RELATION)
        || at(k)
            .strip_suffix('s')
            .is_some_and(super::lexicon::relation)
    {
        if matches!(sep(text, k), "'" | "’") && at(k + 1) == "s" {
            k += 1;
        }
        k += 1;
    }
    // "Kowalski is my surname", "Adaeze was her maiden name": the kinds of name too.
    let named = matches!(at(k), "name" | "surname" | "nickname")
        || (matches!(
            at(k),
            "last" | "first" | "middle" | "maiden" | "full" | "family" | "married" | "real"
        ) && at(k + 1) == "name");
    // "Patience is my middle name", "Chaos is my surname": a saying, for a word that is
    // English or a name that is a word too.
    let saying = at(k) != "name" && (i..=end).any(|w| text.is(w, F_ENGLISH | F_NAME_WORD));
    (k < n && named && !saying && sep(text, k - 1).ends_with(' ')).then_some((
        end,
        0.8,
        if end > i { FULL } else { GIVEN },
    ))
}

/// "siosaia is my carer", "Tupou is my husband.", "kiri my support worker is amazing": a word
/// that could be a person's (`person`: a listed name or one on no list, no English word, drug
/// or organisation) opening a sentence, said to be, or set beside, a possessed relation (one or
/// two words) that closes the clause or is followed by a verb. Faiths' names stay out ("Jesus
/// is my rock").
pub(super) fn is_relation(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 2 >= n {
        return None;
    }
    // The words after it first (cheap), then whether it starts a sentence and could be a name.
    let at = |k: usize| text.lower_at(k);
    let said = matches!(at(i + 1), "is" | "was") && sep(text, i) == " ";
    let k = if said { i + 2 } else { i + 1 };
    if at(k) != "my" || !matches!(sep(text, k - 1), " " | ", ") || (!said && sep(text, i) != " ") {
        return None;
    }
    if !text.starts_sentence(i)
        || matches!(
            text.lower_word(i),
            "jesus" | "god" | "allah" | "christ" | "buddha" | "krishna" | "lord"
        )
        || !super::name_company::person(text, i)
    {
        return None;
    }
    // The relation, in one word or two ("support worker", "home carer").
    let rel = if text.is(k + 1, F_RELATION) && k + 1 < n {
        k + 1
    } else if k + 2 < n && text.is(k + 2, F_RELATION) && sep(text, k + 1) == " " {
        k + 2
    } else {
        return None;
    };
    // "Duolingo is my teacher lol", "Calpol is my best friend": things are called friends,
    // teachers and therapists too; a word on no list of names needs a relation of kin or care.
    let figurative = figurative(at(rel));
    if figurative && !text.is(i, F_FIRST | F_SURNAME) {
        return None;
    }
    let rest = sep(text, rel).trim_start();
    let closes = rel + 1 >= n
        || rest.starts_with([',', '.', '!', '?', ';', ')', '\n'])
        || matches!(at(rel + 1), "and" | "who" | "now" | "here" | "x" | "lol");
    let verb = rel + 1 < n && super::name_typos::subject_verb(at(rel + 1));
    if !(closes || (!said && (verb || matches!(at(rel + 1), "is" | "was" | "has")))) {
        return None;
    }
    Some((i, 0.7, GIVEN))
}

/// Relations that things are given too: "Duolingo is my teacher lol", "Calpol is my best
/// friend", "Hope is my therapist".
pub(super) fn figurative(w: &str) -> bool {
    matches!(
        w,
        "friend"
            | "bestie"
            | "buddy"
            | "bff"
            | "teacher"
            | "tutor"
            | "therapist"
            | "counsellor"
            | "counselor"
            | "physio"
            | "coach"
            | "mentor"
            | "boss"
            | "partner"
            | "sponsor"
            | "doctor"
            | "consultant"
            | "specialist"
            | "manager"
            | "baby"
            | "boo"
    )
}

/// "my daughter is Ximena", "my sons are mateo and thiago": a listed given name (no English
/// word) after a possessed relation and "is", "are" or "was".
pub(super) fn relation_is(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i < 3
        || !matches!(text.lower_word(i - 1), "is" | "are" | "was" | "were")
        || !(text.is(i - 2, F_RELATION)
            || text
                .lower_word(i - 2)
                .strip_suffix('s')
                .is_some_and(super::lexicon::relation))
        // "my support worker is": a relation of two words.
        || !(matches!(
            text.lower_word(i - 3),
            "my" | "our" | "his" | "her" | "their"
        ) || (i >= 4
            && matches!(
                text.lower_word(i - 4),
                "my" | "our" | "his" | "her" | "their"
            )))
        // "my carer is ngaio": a word on no list too, closing the clause.
        || !(first(text, i)
            || (unknown(text, i)
                && super::name_company::plain(text, i)
                && (i + 1 == text.words.len()
                    || sep(text, i).trim_start().starts_with([',', '.', '!', '?', ';']))))
        || common(text, i)
        || text.is(i, F_ENGLISH)
        || (text.lower_among_capitals(i))
        || sep(text, i - 1) != " "
    {
        return None;
    }
    let end = extend(text, i);
    Some((end, 0.75, if end > i { FULL } else { GIVEN }))
}
