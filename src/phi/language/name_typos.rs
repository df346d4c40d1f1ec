//! Words one letter off English after a relation: a name the lists lack that reads like a
//! typo ("my nephew dawit is home": "davit"), and a relation word misspelt ("my neice"). Both
//! spend the post's budget of typo checks; both are read by `name_cues::cued`.

use super::lexicon::{Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_SURNAME};
use super::names::{acronym, alpha, sep};

/// "my nephew dawit is home", "my aunty salote is a nurse": after a relation, a word on no list
/// that is only one letter off an English word ("davit", "salute"), when "is", "was", "has" or
/// "had" follows it: a misspelt word there would be a verb, and no verb comes before "is".
pub(super) fn near_word_is(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    let n = text.words.len();
    // Session 16: "my aunty funmi still thinks…": an adverb between the name and its verb.
    let v = i
        + 1
        + usize::from(
            i + 2 < n
                && matches!(
                    text.lower_word(i + 1),
                    "still" | "just" | "finally" | "also" | "always" | "never" | "really" | "now"
                )
                && sep(text, i + 1) == " ",
        );
    v < n
        && sep(text, i) == " "
        && subject_verb(text.lower_word(v))
        && (4..=14).contains(&w.chars().count())
        && alpha(text, i)
        && !acronym(text, i)
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_RELATION | F_FIRST | F_SURNAME,
        )
        && !super::medicines::brand(w)
        && !super::medicines::stem(w)
        && !adverb_typo(w)
}

/// "my cousin sipho's wedding", "my aunt folake, who raised me", "so proud of my son taras.":
/// after a relation, a word one letter off English that closes its phrase as a name does (an
/// owner's "'s", ", who", the sentence's end after an object) and is no typo of a word that stands there
/// (a function word, "too", "everyone": `near_name`). A misspelt verb or noun is followed by
/// what it governs, not by these.
pub(super) fn near_word_closed(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    let gap = sep(text, i);
    let owner = matches!(gap, "'" | "’") && i + 1 < n && text.lower_word(i + 1) == "s";
    let who = gap == ", " && i + 1 < n && text.lower_word(i + 1) == "who";
    // At the sentence's end only when the relation is an object ("proud of my son taras."):
    // a subject there could be followed by its misspelt verb ("my daughter lovse.").
    let object = i >= 3
        && matches!(
            text.lower_word(i - 3),
            "of" | "with" | "to" | "for" | "from" | "about" | "at"
        );
    let ends = object
        && (i + 1 == n || gap.trim_start().starts_with(['.', '!', '?']) || gap.contains('\n'));
    (owner || who || ends)
        && !adverb_typo(text.lower_word(i))
        && !text.is(i, F_FIRST | F_SURNAME)
        && super::name_near::near_name(text, i)
}

/// What follows a name as its subject and not a misspelt word as its object: "is", "has",
/// and verbs a person does ("my nephew dawit started chemo"). A misspelt verb ("my son wnet
/// to school", "my daughter lovse who she is") is followed by what it governs.
pub(super) fn subject_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "has"
            | "had"
            | "started"
            | "starts"
            | "went"
            | "goes"
            | "got"
            | "gets"
            | "said"
            | "says"
            | "told"
            | "came"
            | "comes"
            | "lives"
            | "lived"
            | "needs"
            | "needed"
            | "takes"
            | "took"
            | "keeps"
            | "kept"
            | "arrived"
            | "passed"
            | "died"
            | "turned"
            | "rang"
            | "texted"
            | "drove"
            | "brought"
            | "helped"
            | "will"
            | "can"
            | "cant"
            | "could"
            | "does"
            | "did"
            | "didnt"
            | "doesnt"
            // Session 16: what only a person thinks, wants or asks.
            | "thinks"
            | "thought"
            | "wants"
            | "wanted"
            | "asked"
            | "asks"
            | "refuses"
            | "refused"
            // Session 21: the negatives, whole or split at the apostrophe ("my nonna tanko
            // won't take the blood thinners": "won", "t"), and what a body does.
            | "wont"
            | "won"
            | "doesn"
            | "didn"
            | "isn"
            | "wasn"
            | "hasn"
            | "couldn"
            | "wouldn"
            | "wouldnt"
            | "couldnt"
            | "isnt"
            | "wasnt"
            | "hasnt"
            | "sleeps"
            | "eats"
            | "loves"
            | "hates"
            | "misses"
            // Session 22 (probe set 47): "on the telly made me cry", "sasha made me get up".
            | "made"
            | "makes"
    )
}

/// Misspelt adverbs, which stand between a subject and "is" or "has" ("my son definately has
/// it", "my mum allways is"): "-ly" words and "always".
fn adverb_typo(w: &str) -> bool {
    w.ends_with("ly") || w.starts_with("alw") || w.starts_with("allw") || w.starts_with("awl")
}

/// "my neice", "our huband": a word one letter off a relation, after a possessive, that is no
/// word or name itself. Counts against the post's budget of typo checks.
pub(super) fn misspelt_relation(text: &Doc, k: usize) -> bool {
    let w = text.lower_word(k);
    if k == 0
        || !matches!(
            text.lower_word(k - 1),
            "my" | "our" | "his" | "her" | "their"
        )
        || !(4..=16).contains(&w.len())
        || !w.bytes().all(|b| b.is_ascii_lowercase())
        || text.is(
            k,
            F_ENGLISH | F_FUNCTION | F_FIRST | F_SURNAME | F_NAME_WORD | F_RELATION,
        )
    {
        return false;
    }
    let left = text.typo_checks.get();
    if left == 0 {
        return false;
    }
    text.typo_checks.set(left - 1);
    super::lexicon::near_relation(w)
}
