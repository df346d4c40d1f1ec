//! NAME: a given name that is also an English word ("Will", "Hope", "Dawn", "Precious",
//! "Blessing", "Frank") where only a person fits. Every other rule leaves such words alone
//! unless a cue stands before them ("my daughter Hope"); here the words after them decide:
//! a relation set beside them ("Dawn, my wife,", "Precious (my daughter)"), a death, a
//! discharge or a labour ("Joy died peacefully", "Mercy has been in labour"), a body or a
//! treatment of their own ("Will had his second round", "Frank is refusing his tablets"), an
//! age ("Hope is 6 and has type 1"), the writer beside them ("Blessing and I"). Hope, faith and
//! grace are "what keeps me going", wills are read and bills are paid: none of that counts.

use super::lexicon::{Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_TITLE};
use super::names::{alpha, sep, GIVEN};

/// Word `i` is a listed given name that is an English word too, with its capital where the
/// writer uses capitals.
fn name_word(text: &Doc, i: usize) -> bool {
    text.is(i, F_FIRST)
        && text.is(i, F_NAME_WORD | F_ENGLISH)
        // "Doctor says", "Sister was lovely", "Nanny is 94": titles and kin speak for
        // themselves. Of the function words only "will" is a name too: a modal takes a bare
        // verb, never "had", "is" or "said", which every rule here needs after it.
        && !text.is(i, F_TITLE | F_RELATION)
        && (!text.is(i, F_FUNCTION) || text.lower_word(i) == "will")
        && alpha(text, i)
        && (!text.cased || text.is_capitalised(i))
        && !calendar(text.lower_word(i))
}

/// Months and days that are names too ("June", "April", "May"): a date's words first.
fn calendar(w: &str) -> bool {
    super::lexicon::month(w).is_some() || super::day_dates::weekday(w)
}

/// Name-words that are verbs taking "my …" after them at a sentence's start: "Hope my
/// daughter is ok", "Will my son need surgery?", "Bless my mum".
pub(super) fn takes_my(w: &str) -> bool {
    matches!(
        w,
        "hope"
            | "will"
            | "may"
            | "can"
            | "bless"
            | "pray"
            | "trust"
            | "love"
            | "miss"
            | "thank"
            | "mark"
            | "bill"
            | "sue"
            | "rob"
            | "pat"
            | "grant"
            | "chase"
    )
}

/// "Dawn, my wife, has…", "Precious (my daughter) is…", "Patience my mother in law is…":
/// a relation set beside the word. Without a comma or a bracket the word must be no verb
/// that takes "my" ("Hope my daughter is ok").
fn beside_relation(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    if i + 2 >= n || !matches!(text.lower_word(i + 1), "my" | "our") {
        return false;
    }
    let rel = if text.is(i + 2, F_RELATION) {
        // "my twin sister", "my step mum": a relation of two words.
        if i + 3 < n && text.is(i + 3, F_RELATION) && sep(text, i + 2) == " " {
            i + 3
        } else if i + 4 < n
            && sep(text, i + 2) == "-"
            && text.lower_word(i + 3) == "in"
            && sep(text, i + 3) == "-"
            && text.lower_word(i + 4) == "law"
        {
            // Session 17: "Rose, my mother-in-law, is 95".
            i + 4
        } else {
            i + 2
        }
    } else if i + 3 < n
        && matches!(
            text.lower_word(i + 2),
            "twin" | "little" | "baby" | "big" | "eldest" | "youngest" | "two" | "three"
        )
        && text.is(i + 3, F_RELATION)
    {
        i + 3
    } else {
        return false;
    };
    match sep(text, i) {
        ", " | " (" | "(" | " - " | " – " | " — " => {
            // The apposition closes, or its subject's verb follows it.
            let after = if rel + 1 < n { sep(text, rel) } else { "" };
            rel + 1 >= n
                || after.starts_with([',', ')', '.', '!', '?'])
                || super::name_typos::subject_verb(text.lower_word(rel + 1))
        }
        " " => {
            !takes_my(text.lower_word(i))
                && rel + 1 < n
                && sep(text, rel) == " "
                && (super::name_typos::subject_verb(text.lower_word(rel + 1))
                    // "Patience my mother in law is staying".
                    || (text.lower_word(rel + 1) == "in"
                        && rel + 3 < n
                        && text.lower_word(rel + 2) == "law"
                        && super::name_typos::subject_verb(text.lower_word(rel + 3))))
        }
        _ => false,
    }
}

/// "Memory is my mum's carer", "Grace was my sister": a relation of kin or care said of the
/// word (hope is "my therapist" and faith "my rock": things are called those too).
fn said_relation(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    let w = |k: usize| text.lower_at(k);
    // Session 18: "has been" too ("Memory has been Dad's carer for three years").
    let k = match (w(i + 1), w(i + 2)) {
        ("is" | "was", _) => i + 2,
        ("has", "been") => i + 3,
        _ => return false,
    };
    let rel = if w(k) == "my" {
        // "my mum's carer": the relation of a relation.
        if text.is(k + 1, F_RELATION) && sep(text, k + 1).starts_with('\'') {
            k + 3
        } else {
            k + 1
        }
    } else if text.is(k, F_RELATION) && sep(text, k).starts_with('\'') && w(k + 1) == "s" {
        // "Dad's carer", "Mum's nurse": a relation's relation without "my".
        k + 2
    } else {
        return false;
    };
    rel < n
        && text.is(rel, F_RELATION)
        && !super::name_said::figurative(w(rel))
        && (rel + 1 >= n
            || sep(text, rel)
                .trim_start()
                .starts_with([',', '.', '!', '?', ';'])
            || matches!(w(rel + 1), "and" | "who" | "now" | "but" | "for" | "since"))
}

/// What only a person does or has done to them, said by the words after word `i`: a death,
/// a birth, a discharge, a labour, an age, or a verb with "his" or "her" straight after it.
pub(super) fn person_predicate(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    let w = |k: usize| text.lower_at(k);
    // An adverb between the subject and its verb: "Joy peacefully died", "Will finally had".
    let j = i + usize::from(matches!(
        w(i + 1),
        "just" | "finally" | "also" | "still" | "actually" | "sadly" | "suddenly" | "eventually"
    ));
    let (v, a, b) = (w(j + 1), w(j + 2), w(j + 3));
    let done_to = super::name_patients::done_to_person;
    // "his first seizure", "her tablets": what is theirs, not "had her in tears".
    let theirs = |k: usize| {
        matches!(w(k), "his" | "her") && k + 1 < n && !text.is(k + 1, super::lexicon::F_FUNCTION)
    };
    // "is 6 and has type 1", "is 14.", "is 96 yo": an age, not "30 degrees" or "6 weeks away".
    let age = |k: usize| {
        let x = w(k);
        !x.is_empty()
            && x.len() <= 3
            && x.bytes().all(|c| c.is_ascii_digit())
            && (k + 1 >= n
                || sep(text, k)
                    .trim_start()
                    .starts_with([',', '.', '!', '?', ';'])
                || matches!(w(k + 1), "and" | "yo" | "now" | "today" | "tomorrow")
                // Session 16: "aunt rose is 90 on sunday", "is 96 next week": a birthday.
                || (x.parse::<u32>().is_ok_and(|v| v <= 110)
                    && matches!(w(k + 1), "on" | "next" | "this")
                    && (super::day_dates::weekday(w(k + 2))
                        || matches!(w(k + 2), "week" | "month" | "year" | "saturday" | "sunday")))
                || (matches!(w(k + 1), "years" | "year") && matches!(w(k + 2), "old" | "and" | "")))
    };
    // Session 16: "Dot is ninety today!!": an age over 89 in words, on its day.
    let age_in_words = |k: usize| {
        (w(k) == "ninety" || w(k).starts_with("ninety-") || w(k) == "hundred")
            && matches!(
                w(k + 1),
                "today" | "tomorrow" | "now" | "on" | "next" | "this" | ""
            )
    };
    match v {
        "died" | "passed" => v == "died" || a == "away",
        "is" | "was" => {
            done_to(a)
                || super::name_states::in_state(text, j + 2)
                || (a.ends_with("ing") && theirs(j + 3))
                || age(j + 2)
                || age_in_words(j + 2)
                // Session 16: "Will is refusing dialysis", "Precious is asking if…".
                || super::name_states::only_people_doing(a)
                // Session 18: "Rusty was the one who found him".
                || (a == "the" && b == "one" && w(j + 4) == "who")
                // "Bill is home from the hospice for the weekend".
                || (a == "home" && matches!(b, "from" | "again" | "today" | "tonight" | "after"))
                // "Hunter is a fighter".
                || (a == "a" && matches!(b, "fighter" | "warrior" | "trooper"))
        }
        // "Sunny had a better night": a night of their own.
        "has" | "had"
            if a == "a"
                && matches!(
                    b,
                    "better"
                        | "good"
                        | "bad"
                        | "rough"
                        | "restless"
                        | "settled"
                        | "peaceful"
                        | "comfortable"
                        | "awful"
                        | "terrible"
                        | "quiet"
                )
                && matches!(w(j + 4), "night" | "day" | "sleep") =>
        {
            true
        }
        // "Iris has stopped eating": what a body stops doing.
        // Session 18: "Pat has been struggling", "Amber has been moved to HDU".
        "has" | "had"
            if a == "been"
                && (b == "struggling"
                    || (b == "moved"
                        && w(j + 4) == "to"
                        && matches!(
                            w(j + 5),
                            "hdu" | "icu" | "itu" | "hospice" | "palliative"
                        ))) =>
        {
            true
        }
        "has" | "had"
            if a == "stopped"
                && matches!(
                    b,
                    "eating"
                        | "drinking"
                        | "talking"
                        | "walking"
                        | "breathing"
                        | "sleeping"
                        | "responding"
                        | "swallowing"
                ) =>
        {
            true
        }
        "has" | "had" => {
            theirs(j + 2)
                || (a == "been" && (done_to(b) || super::name_states::in_state(text, j + 3)))
                // Session 16: "bill has had 3 falls", "faith has dementia": an illness or
                // what befalls a body, which bills and hopes never have.
                || super::illnesses::sick_with(text, j + 2)
                || (a == "had" && super::illnesses::sick_with(text, j + 3))
        }
        "got" | "gets" => {
            done_to(a)
                || theirs(j + 2)
                // Session 18: "Penny got the all clear!!".
                || (a == "the" && b == "all" && w(j + 4) == "clear")
        }
        // "Sue can't swallow tablets": what a body cannot do.
        "can" | "cant"
            if (v == "cant" || a == "t")
                && matches!(
                    if v == "cant" { a } else { b },
                    "swallow" | "breathe" | "walk" | "stand" | "talk"
                ) =>
        {
            true
        }
        // Session 18: "Drew still in recovery": chat drops the "is" after an adverb.
        "in" | "on" | "out" | "off" if j > i => super::name_states::in_state(text, j + 1),
        "keeps" | "kept" | "refuses" | "refused" | "lost" | "broke" | "needs" | "needed"
        | "took" | "takes" | "started" | "finished" | "misses" | "missed" | "did" | "does" => {
            theirs(j + 2)
        }
        "turned" => age(j + 2),
        _ => false,
    }
}

/// "Blessing and I just got back", "Will and I went", "daisy and i went": the word joined to
/// the writer (`name_roles::and_writer`) and a verb after them.
fn with_writer(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    i + 3 < n
        && super::name_roles::and_writer(text, i)
        && text.lower_word(i + 2) == "i"
        && (super::name_typos::subject_verb(text.lower_word(i + 3))
            || matches!(
                text.lower_word(i + 3),
                "just" | "both" | "have" | "had" | "went" | "are" | "were" | "got" | "finally"
            ))
}

/// A given name that is an English word, at a sentence's start (or after a comma), where the
/// words after it say it is a person.
pub(super) fn word_person(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i + 1 >= text.words.len() || !name_word(text, i) {
        return None;
    }
    // Session 16: after a word opening a clause too ("So Mark finally agreed").
    let opens = super::name_doers::opens_clause(text, i);
    if !opens {
        return None;
    }
    // "Will had his second round": a modal takes a bare verb, never "had" or "is".
    let found = beside_relation(text, i)
        || with_writer(text, i)
        || said_relation(text, i)
        || (sep(text, i) == " "
            && (person_predicate(text, i)
                // "Will said he'd come", "Hope texted me": what only people do. What a person
                // "is" or "has been" ("my rock", "so kind") is said of hope and faith too.
                // "Hope and me are all I have": what joins a word to the writer is said of
                // hope too.
                || (!matches!(text.lower_word(i + 1), "is" | "was" | "has" | "had" | "and" | "n" | "&")
                    && super::name_doers::people_verb(text, i) == Some(false))));
    found.then_some((i, 0.6, GIVEN))
}

#[cfg(test)]
#[path = "name_word_people_tests.rs"]
mod tests;
