//! NAME by the place a name takes most often in a member's post: a sentence's first word, its
//! subject ("Dmitri has more or less stopped eating", "Femke's genetic results came back",
//! "Okoro - still on oxygen overnight"). A name of the lists of every origin does not hold a
//! post alone (`names::lone`: too many are words in some language), but a capitalised word that
//! opens an English sentence and then does, has or is something is a subject, and the
//! subjects such a word can be are few: a person, a town ("Boston has great hospitals"), a
//! drug or a brand (`name_company::plain` leaves the listed ones out) or a word of another
//! language (whose sentence goes on in that language, not in English).
//!
//! Session 17, from probe set 14's misses; towns are told apart by GeoNames' list (`F_TOWN`).

use super::lexicon::{
    Doc, F_CENSUS_FIRST, F_FIRST, F_FUNCTION, F_RELATION, F_STATE, F_TITLE, F_TOWN,
};
use super::name_company::{plain, plain_in_any_case, thing};
use super::name_states::{after_is, in_state, only_people_doing};
use super::names::{acronym, alpha, sep, unknown, GIVEN};

/// A past participle after "has" or "had": what happened to or was done by the subject ("has
/// decided", "had gone"). Towns and drugs "have" things ("has great hospitals", "has side
/// effects"), which stay out.
fn participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "been"
                | "got"
                | "gotten"
                | "gone"
                | "had"
                | "done"
                | "taken"
                | "begun"
                | "become"
                | "come"
                | "made"
                | "lost"
                | "left"
                | "fallen"
                | "given"
                | "written"
                | "sent"
                | "spent"
                | "kept"
                | "slept"
                | "eaten"
                | "finally"
                | "just"
                | "now"
                | "always"
                | "never"
                | "already"
                | "also"
                | "her"
                | "his"
                | "another"
                | "two"
                | "three"
        )
}

/// A verb after the subject that a town's or a drug's name rarely takes as a sentence's
/// second word ("Tatiane found a trial", "Ploy ran the half marathon", "Imani turned
/// sixteen"), or "is"/"has" before a state or a participle: `Some(true)` when only a person
/// does it (a word on no list may be the subject then), `Some(false)` when a drug or a test
/// may do it too ("Kaftrio has been a game changer", "Oncotype came back 18").
fn does(text: &Doc, j: usize) -> Option<bool> {
    let (v, a, b) = (text.lower_at(j), text.lower_at(j + 1), text.lower_at(j + 2));
    let only_people = match v {
        // How only a person is, as every subject rule reads it ("is terrified", "is in
        // hospital", "is asking"), or home or eating, which a sentence's first word is only
        // of a person (a town is "home to", a clause's subject may be a pet that eats).
        "is" | "was"
            if in_state(text, j + 1) || only_people_doing(a) || matches!(a, "home" | "eating") =>
        {
            true
        }
        "is" | "was" if after_is(a, b) => false,
        "has" | "had" if participle(a) => false,
        "got" | "gets"
            if matches!(
                a,
                "the" | "her" | "his" | "a" | "an" | "home" | "back" | "out"
                    // Session 22: "begum got moved to icu", "got admitted".
                    | "moved" | "admitted" | "discharged" | "transferred" | "sent"
            ) =>
        {
            false
        }
        "turned" | "started" | "starts" | "stopped" | "finished" | "needs" | "needed" | "will"
        | "does" | "did" | "seems" | "seemed" | "looks" | "looked" | "keeps" | "kept" => false,
        "came" | "comes" | "went" | "goes" if matches!(a, "to" | "home" | "in" | "round") => {
            a != "in"
        }
        // What only a person does is `name_doers::people_verb`'s ("translated", "taught",
        // "said", "refused"…), asked first by `sentence_subject`; these are the verbs it
        // leaves to a sentence's first word.
        "found" | "ran" | "wants" | "wanted" | "loves" | "loved" | "hates" | "hated" | "knows"
        | "knew" | "feels" | "felt" | "tried" | "tries" | "drives" | "called" | "sends"
        | "sent" | "brought" | "made" | "met" | "won" | "lost" | "fell" | "walked" | "ate" => true,
        // Session 19 (probe set 24): any English past tense before its object ("Gareth
        // knitted a little hat", "Efua baked us a cake"), unless things and drugs do it too
        // ("Keytruda shrank the tumour" is no "-ed"; "Humira caused a rash", "Stelara worked
        // a treat").
        _ if person_past(text, j, a) => false,
        // Session 22 (probe sets 20 and 39): what a body does, and the verbs of a day's
        // news, which a town's or a drug's name does not take as its sentence's second word
        // ("Uwe sat by the bed till the end", "Ioane brings her frozen grapes", "Bogdan used
        // to be the loudest man", "Seonaidh comes on Tuesdays", "Bukola picked up the
        // prescription"); a listed name only.
        "sat" | "sits" | "brings" | "comes" | "used" | "died" | "dies" | "passed" | "slept"
        | "sleeps" | "woke" | "wakes" | "stayed" | "stays" | "cried" | "cries" | "smiled"
        | "laughed" | "laughs" | "hugged" | "squeezed" | "picked" | "filled" | "eats" | "drank"
        | "walks" | "talks" | "talked" | "spoke" | "speaks" | "sang" | "sings" | "prayed"
        | "prays" | "knits" | "watched" | "played" | "plays" | "wore" | "works" | "worked"
        | "lives" | "lived" => false,
        _ => return None,
    };
    Some(only_people)
}

/// Word `j` is an English past tense before its object `a` ("knitted a", "baked us"), not one
/// that things take too (`thing_past`).
pub(super) fn person_past(text: &Doc, j: usize, a: &str) -> bool {
    let v = text.lower_at(j);
    v.len() > 4
        && v.ends_with("ed")
        && text.is(j, super::lexicon::F_ENGLISH)
        && !thing_past(v)
        && matches!(
            a,
            "a" | "the" | "me" | "us" | "my" | "our" | "her" | "his" | "their" | "up" | "all"
        )
}

/// Past tenses a drug, a test, a machine or an institution takes as often as a person: "worked
/// a treat", "caused a rash", "showed the lesions", "cleared the infection", "alarmed all
/// night", "approved the claim".
fn thing_past(v: &str) -> bool {
    matches!(
        v,
        "worked"
            | "helped"
            | "failed"
            | "arrived"
            | "returned"
            | "improved"
            | "dropped"
            | "expired"
            | "crashed"
            | "alarmed"
            | "beeped"
            | "started"
            | "stopped"
            | "finished"
            | "changed"
            | "showed"
            | "caused"
            | "triggered"
            | "reduced"
            | "increased"
            | "lowered"
            | "raised"
            | "lasted"
            | "cleared"
            | "covered"
            | "approved"
            | "denied"
            | "rejected"
            | "confirmed"
            | "revealed"
            | "detected"
            | "included"
            | "required"
            | "needed"
            | "offered"
            | "provided"
            | "released"
            | "launched"
            | "announced"
            | "published"
            | "closed"
            | "opened"
            | "reported"
            | "listed"
            | "charged"
            | "billed"
            | "hosted"
            | "treated"
            | "saved"
            | "ruined"
            | "messed"
            | "killed"
            | "wiped"
            | "knocked"
            | "affected"
            | "damaged"
            | "blocked"
            | "flagged"
            | "picked"
            | "measured"
            | "recorded"
            | "tracked"
            | "updated"
            | "crossed"
            | "reached"
            | "passed"
            | "hit"
            | "turned"
            | "replaced"
            | "refunded"
            | "shipped"
            | "delivered"
            | "posted"
    )
}

/// Word `i` opens a sentence of a post that capitalises names, is capitalised, could be a name
/// (`plain`), is a given name of the lists of every origin (the Census's hold a post alone,
/// `names::lone`) and no town's, and is the subject of what follows: a verb it `does`, a
/// possessive before a noun ("Makana's INR", "Abebe's sats keep dipping"), or a dash opening
/// the post's news ("Okoro - still on oxygen", "Aminu - still no letter").
pub(super) fn sentence_subject(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // Cheapest first: most words are no capital opening a sentence.
    let capital = text.cased && text.titled && text.text.is_capitalised(i);
    // Session 22 (probe set 22): a word a list holds as a given name, not capitalised, does
    // what a capital does where a clause opens: in a post without capitals for names ("kwame
    // got a signed shirt", "NIAMH IS ANGRY AT EVERYONE"), or after a word that opens a clause
    // in any post ("ok so begum got moved to icu", "so chioma is back on the catheter"). The
    // Census's given names too, which hold a capitalised word alone (`names::lone`) but no
    // lower-case one.
    let listed = !capital
        && text.is(i, F_FIRST)
        && (!(text.cased && text.titled) || (i > 0 && !text.starts_sentence(i)));
    let opens = i + 1 < n
        && if listed {
            super::name_doers::opens_clause(text, i)
        } else {
            capital && text.starts_sentence(i)
        };
    if !opens
        || text.is(i, F_TOWN)
        || (capital && text.is(i, F_CENSUS_FIRST))
        || text.foreign(i)
        || !(if listed {
            plain_in_any_case(text, i)
        } else {
            plain(text, i)
        })
    {
        return None;
    }
    let gap = sep(text, i);
    // "chidinma just messaged me": an adverb between the subject and its verb.
    let j = i
        + 1
        + usize::from(matches!(
            text.lower_at(i + 1),
            "just" | "finally" | "also" | "still"
        ));
    let subject = match gap {
        // The one place that says what only a person does, then what a sentence's first
        // word does.
        " " if super::name_doers::people_verb(text, i) == Some(false) => Some(true),
        " " => does(text, j),
        // A possessive before a word (not "Makana's." ending a sentence).
        "'" | "’" => {
            (text.lower_at(i + 1) == "s" && sep(text, i + 1) == " " && i + 2 < n).then_some(false)
        }
        // "Okoro - still on oxygen", "Stavros – day 4": the post's subject, then its news.
        " - " | " – " | " — " | ": " => (i == 0).then_some(false),
        _ => None,
    };
    // A word on no list and no typo of English ("Ubah", "Thenmozhi") stands where a listed
    // name does before what only a person does; asked last, as it spends the post's budget of
    // typo checks. Drugs, tests and campaigns the lists lack "have been a game changer",
    // "come back 18" and "start soon".
    let ok = match subject {
        Some(only_people) => text.is(i, F_FIRST) || (only_people && unknown(text, i)),
        None => false,
    };
    ok.then_some((i, 0.6, GIVEN))
}

/// "J.P. is home!!", "A.J. is two weeks post transplant": a person's initials with their dots,
/// opening a sentence as its subject (session 17). Two capitals and dots are no drug's name,
/// and a clinic's abbreviations are written without dots ("GP", "CT", "MS").
pub(super) fn initials_subject(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    let letter = |k: usize| {
        k < n && {
            let mut c = text.word(k).chars();
            c.next().is_some_and(char::is_uppercase) && c.next().is_none()
        }
    };
    if i + 2 >= n
        || !letter(i)
        || sep(text, i) != "."
        || !letter(i + 1)
        || !text.starts_sentence(i)
        || sep(text, i + 1) != ". "
    {
        return None;
    }
    // Places written so ("U.S. has been", "U.K.", "N.Z.", "L.A.", "D.C.").
    let place = matches!(
        (text.lower_at(i), text.lower_at(i + 1)),
        ("u", "s" | "k")
            | ("n", "z" | "y" | "i")
            | ("e", "u")
            | ("d", "c")
            | ("l", "a")
            | ("s", "a")
    );
    if place {
        return None;
    }
    let j = i
        + 2
        + usize::from(matches!(
            text.lower_at(i + 2),
            "just" | "finally" | "also" | "still"
        ));
    let had_own = matches!(text.lower_at(j), "had" | "has")
        && matches!(text.lower_at(j + 1), "her" | "his" | "a" | "an" | "another");
    (does(text, j).is_some() || had_own).then_some((i + 1, 0.6, GIVEN))
}

/// "Shapla and Tanvir have set up a rota", "Ruaridh and Mhairi are coming down", "Grace and I
/// lost our little boy": two capitalised words opening a sentence, joined by "and", before a
/// plural verb, or a word and the writer. Each is a name of any list, a name-word included
/// ("Sue and Pat are running the raffle"), or on no list; neither is a town, a drug or a brand.
pub(super) fn pair_subject(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 3 >= n
        || !(text.cased && text.titled)
        || text.lower_at(i + 1) != "and"
        || !text.starts_sentence(i)
        || sep(text, i) != " "
        || sep(text, i + 1) != " "
        || sep(text, i + 2) != " "
        || text.foreign(i)
    {
        return None;
    }
    let one = |k: usize| {
        text.is_capitalised(k)
            && !text.is(k, F_TOWN)
            && if text.is(k, F_FIRST) {
                // A name-word is a name here ("Grace and I"); a function word is not ("This").
                alpha(text, k)
                    && !acronym(text, k)
                    && text.lower_word(k).len() >= 3
                    && !text.is(k, F_FUNCTION | F_RELATION | F_TITLE | F_STATE)
                    && !thing(text.lower_word(k))
            } else {
                // Session 18: a short name too ("Gaz and Tez took Dad to the football").
                plain(text, k)
                    && (unknown(text, k) || super::name_near::three_letter_name(text.lower_word(k)))
            }
    };
    if !one(i) {
        return None;
    }
    if text.word(i + 2) == "I" {
        return Some((i, 0.6, GIVEN));
    }
    let plural = matches!(
        text.lower_at(i + 3),
        "are" | "were" | "have" | "had" | "both" | "drive" | "took" | "take" | "came" | "went"
    );
    (plural && text.lower_word(i) != text.lower_word(i + 2) && one(i + 2)).then_some((
        i + 2,
        0.6,
        GIVEN,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::found;
    use super::{initials_subject, pair_subject, sentence_subject};

    #[test]
    fn a_listed_name_opening_a_sentence_as_its_subject() {
        for (raw, want) in [
            (
                "Dmitri has stopped eating and the nurse says it is normal.",
                "Dmitri",
            ),
            (
                "Femke's genetic results came back: it is Fabry disease.",
                "Femke",
            ),
            ("Solveig has started the new CF modulator.", "Solveig"),
            (
                "Makana's INR is all over the place since the antibiotics.",
                "Makana",
            ),
            ("Eilidh - bloods back, HbA1c down to 52.", "Eilidh"),
            (
                "Haruto is eating soft solids again after the surgery.",
                "Haruto",
            ),
            (
                "Henrique found a trial in São Paulo for his son.",
                "Henrique",
            ),
            ("So tired. Imani turned sixteen in the day unit.", "Imani"),
            (
                "Abdulrahman starts pulmonary rehab next week.",
                "Abdulrahman",
            ),
            // Session 19: an English past tense before its object.
            ("Gareth knitted a little hat for every baby.", "Gareth"),
            // Session 22: a listed name without its capital, where a clause opens.
            ("so tired today dmitri has stopped eating", "dmitri"),
            ("kwame got a signed shirt for the auction", "kwame"),
            ("NIAMH IS IN HOSPITAL AGAIN", "NIAMH"),
            ("ok so farida got moved to icu", "farida"),
            ("Long night. So chioma is in hospital again.", "chioma"),
            ("Dmitri sat by the bed till the end.", "Dmitri"),
            ("Bogdan used to be the loudest man in any room.", "Bogdan"),
            ("Tired. Dmitri is on his way from the airport.", "Dmitri"),
        ] {
            assert_eq!(found(raw, sentence_subject), vec![want], "{raw}");
        }
        for raw in [
            // Towns, a word of another language, a listed drug, lower case, mid-sentence.
            "London has great hospitals but the waits are long.",
            "Abbott replaced my failed sensor within 48 hours.",
            "Stelara worked a treat for two years.",
            "Boston's children's hospital is excellent.",
            "Berlin was lovely in May.",
            "Ozempic has stopped working for me.",
            "Mi madre está en el hospital.",
            "so tired today ozempic has stopped working",
            "ok so london has great hospitals",
            "Long night. So metformin is back on the list.",
            "Humira works well for me.",
            "London sat under snow all week.",
            "Stelara used to be a game changer.",
            "We saw Femke at the clinic and she is fine.",
            // The Census's names are `lone`'s; a subject with an adjective says nothing.
            "Sarah has decided to stop chemo.",
            "Solveig is lovely.",
            "Tell me. Eilidh - what does it mean?",
        ] {
            assert!(found(raw, sentence_subject).is_empty(), "{raw}");
        }
    }

    #[test]
    fn two_names_opening_a_sentence_before_a_plural_verb() {
        for (raw, want) in [
            (
                "Shapla and Tanvir have set up a rota for amma.",
                "Shapla and Tanvir",
            ),
            (
                "Sue and Pat are running the dementia cafe raffle again.",
                "Sue and Pat",
            ),
            (
                "Ruaridh and Mhairi are coming down to see their granny.",
                "Ruaridh and Mhairi",
            ),
            ("Grace and I lost our little boy at 19 weeks.", "Grace"),
            // Session 18: short names.
            ("Gaz and Tez took Dad to the football.", "Gaz and Tez"),
        ] {
            assert_eq!(found(raw, pair_subject), vec![want], "{raw}");
        }
        for raw in [
            "London and Paris are both on our list.",
            "This and that are what I worry about.",
            "Aspirin and Warfarin are both blood thinners.",
            "We and they are different.",
            "so sue and pat are running it",
        ] {
            assert!(found(raw, pair_subject).is_empty(), "{raw}");
        }
    }

    #[test]
    fn initials_with_their_dots_as_a_subject() {
        for (raw, want) in [
            ("J.P. is home!! eleven days on the stroke unit", "J.P"),
            ("A.J. is home and already asking about football", "A.J"),
            ("Update. M.K. had her PET on Monday", "M.K"),
        ] {
            assert_eq!(found(raw, initials_subject), vec![want], "{raw}");
        }
        for raw in [
            "GP is useless, CT was clear",
            "U.S. is expensive for insulin",
            "U.S. has been slow to approve it",
            "I have M.S. and it is hard",
            "the J.P. is home",
        ] {
            assert!(found(raw, initials_subject).is_empty(), "{raw}");
        }
    }
}
