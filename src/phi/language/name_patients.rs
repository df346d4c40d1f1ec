//! NAME by what happens to a patient, for names of origins the lists lack, in any case: the
//! subject of a diagnosis, a birth, an admission or an age ("tendai was diagnosed at 4",
//! "koa was born at 32 weeks", "ikaika is 6 and has asthma"), of what is done to his or her
//! body or life ("sunniva had her surgery", "njambi just finished her last round"), and the
//! owner of a relative, a home or an occasion ("efua's wedding", "tendai's mum").
//!
//! Drugs and illnesses are subjects in members' posts too ("prednisone is 5mg now",
//! "ozempic killed his appetite", "humira has been in short supply"), but they are not
//! diagnosed, born or admitted, have no age in years, and own no mum or wedding: only those
//! verbs and nouns count here.

use super::illnesses::{illness, sick_with};
use super::lexicon::{
    plain_given_name, Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_SURNAME,
};
use super::name_company::{listed_as_word, person};
use super::name_doers::opens_clause;
use super::name_near::person_here;
use super::name_typos::subject_verb;
use super::names::sep;

const NAMED: &str = "a person's name";

/// What happens only to a person, said by the words from `k` on (after its subject).
fn happens_to_person(text: &Doc, k: usize) -> bool {
    // "njambi just finished her…", "bheki still woke up…".
    let k = k + usize::from(matches!(
        text.lower_at(k),
        "just" | "finally" | "still" | "also" | "only"
    ));
    let (v, a, b) = (text.lower_at(k), text.lower_at(k + 1), text.lower_at(k + 2));
    // Session 16: "kemi has been poorly all week", "tendai has been admitted again": what a
    // person has been, as what they are.
    let (v, a, b, k) = if matches!(v, "has" | "had") && a == "been" {
        ("was", b, text.lower_at(k + 3), k + 1)
    } else {
        (v, a, b, k)
    };
    // "was so poorly", "is really unwell".
    let (a, b) = if matches!(v, "was" | "is") && matches!(a, "so" | "very" | "really" | "quite") {
        (b, text.lower_at(k + 3))
    } else {
        (a, b)
    };
    if matches!(v, "has" | "had" | "got" | "gets" | "caught" | "developed")
        && sick_with(text, k + 1)
    {
        return true;
    }
    let possessed = matches!(a, "her" | "his") && !b.is_empty();
    // "priyanka starts chemo next week", "tendai had her first infusion", "mehmet is on
    // dialysis", "nomvula is having a hard time": a treatment a body undergoes, or a person's
    // time of it. A drug is given, not started or had as a treatment.
    let treated = |k: usize| {
        let k = k + usize::from(matches!(
            text.lower_at(k),
            "her" | "his" | "a" | "the" | "an"
        ));
        let k = k + usize::from(matches!(
            text.lower_at(k),
            "first" | "last" | "next" | "second"
        ));
        treatment(text.lower_at(k))
    };
    if matches!(
        v,
        "starts"
            | "started"
            | "starting"
            | "begins"
            | "began"
            | "finishes"
            | "finished"
            | "completed"
            | "had"
            | "needs"
    ) && treated(k + 1)
    {
        return true;
    }
    if matches!(v, "is" | "was")
        && (super::name_states::in_state(text, k + 1)
            || (a == "on"
                && (b == "chemo" || (b == "the" && text.lower_at(k + 3) == "transplant")))
            || (a == "having"
                && matches!(b, "a" | "such")
                && matches!(
                    text.lower_at(k + 3),
                    "hard" | "rough" | "tough" | "horrible"
                )
                && matches!(text.lower_at(k + 4), "time" | "day" | "week" | "night")))
    {
        return true;
    }
    match v {
        "was" | "were" | "is" | "got" => {
            done_to_person(a)
                // "amara was poorly all night", "koa got sick": a drug is not ill.
                || (matches!(
                    a,
                    "allergic" | "sick" | "unwell" | "poorly" | "pregnant" | "teething"
                )
                    // "was poorly tolerated", "is poorly controlled": a drug's or an
                    // illness's manner.
                    && !b.ends_with("ed"))
                || (a == "in" && b == "remission")
                || (a == "home" && b == "from")
                || (a == "having"
                    && matches!(
                        b,
                        "chemo" | "surgery" | "dialysis" | "radiotherapy" | "her" | "his"
                    ))
                || (v == "got" && possessed)
        }
        "has" | "had" | "gets" | "finished" | "started" | "loves" | "missed" | "broke" => possessed,
        "woke" => a == "up",
        "goes" | "went" => a == "back" && matches!(b, "to" | "into"),
        _ => false,
    }
}

/// What is done to a person and to no drug or thing, after "was", "is", "got" or "has been":
/// "diagnosed", "admitted", "discharged", "intubated", "born", "christened".
pub(super) fn done_to_person(w: &str) -> bool {
    matches!(
        w,
        "diagnosed"
            | "born"
            | "admitted"
            | "readmitted"
            | "discharged"
            | "hospitalised"
            | "hospitalized"
            | "intubated"
            | "ventilated"
            | "sectioned"
            | "sedated"
            | "resuscitated"
            | "buried"
            | "cremated"
            | "christened"
            | "baptised"
            | "baptized"
            // Session 21: "mirela was told his psa is rising": only a person is told.
            | "told"
            | "misdiagnosed"
            | "reassured"
            | "bullied"
    )
}

/// Treatments a person undergoes, which no drug "starts" or "has".
fn treatment(w: &str) -> bool {
    matches!(
        w,
        "chemo"
            | "chemotherapy"
            | "surgery"
            | "dialysis"
            | "radiotherapy"
            | "radiation"
            | "immunotherapy"
            | "infusion"
            | "transplant"
            | "op"
            | "operation"
            | "biopsy"
            | "transfusion"
    )
}

/// Every rule of this module at word `i`, in the order `names::detect` tries them.
pub(super) fn as_patient(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    patient(text, i)
        .or_else(|| owner(text, i))
        .or_else(|| introduced(text, i))
        .or_else(|| on_ward(text, i))
}

/// "Petrović bed 4 spiked", "Okonkwo on ward 7", "Oduya NBM from midnight", "Mensah for CT
/// head": a patient in a clinician's handover, by the bed, bay or ward after the name, a
/// state only a patient is in, or a scan they are sent for (session 15). A ward or a bay is
/// "Ward 7" alone; a drug is "for RA", never "bed 4"; a scan needs a listed name, as hospitals
/// are sent patients "for MRI" too.
pub(super) fn on_ward(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 2 >= n || sep(text, i) != " " || !text.is_capitalised(i) || listed_as_word(text, i) {
        return None;
    }
    let numbered = |k: usize| {
        k < n
            && text
                .word(k)
                .starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
            && text.word(k).len() <= 3
    };
    let (a, b) = (text.lower_at(i + 1), text.lower_at(i + 2));
    let placed = (matches!(a, "bed" | "bay" | "room" | "cubicle") && numbered(i + 2))
        || (a == "on" && matches!(b, "ward" | "bay") && numbered(i + 3))
        || (a == "in" && matches!(b, "bed" | "bay" | "cubicle") && numbered(i + 3));
    let state = a == "nbm" || (a == "nil" && b == "by" && text.lower_at(i + 3) == "mouth");
    let sent = a == "for"
        && matches!(
            b,
            "ct" | "mri" | "echo" | "ogd" | "theatre" | "angio" | "ercp" | "cxr" | "dexa" | "ecg"
        )
        && text.is(i, F_FIRST | F_SURNAME);
    (((placed || state) && person_here(text, i)) || (sent && person(text, i)))
        .then_some((i, 0.6, NAMED))
}

/// "ikaika is 6 and has asthma", "ngaio is 4 months old": an age, not a dose ("prednisone is
/// 5mg", "humira is 40 a shot" has no closing word).
fn age_after(text: &Doc, k: usize) -> bool {
    let n = text.words.len();
    if text.lower_at(k) != "is" || k + 1 >= n || sep(text, k) != " " {
        return false;
    }
    let num = text.lower_at(k + 1);
    let young = !num.is_empty()
        && num.len() <= 3
        && num.bytes().all(|b| b.is_ascii_digit())
        && num.parse::<u32>().is_ok_and(|y| (1..=110).contains(&y));
    // "is 0.3%" is a decimal: the mark after the number must end the clause.
    let gap = sep(text, k + 1);
    let decimal = matches!(gap, "." | ",")
        && text
            .words
            .get(k + 2)
            .is_some_and(|w| text.raw[w.start..].starts_with(|c: char| c.is_ascii_digit()));
    let closed = k + 2 == n
        || (!decimal && gap.trim().starts_with([',', '.', '!', '?', ';']))
        || (sep(text, k + 1) == " "
            && matches!(
                text.lower_at(k + 2),
                "and" | "now" | "today" | "months" | "years" | "yrs" | "weeks" | "next" | "but"
            ));
    young && closed
}

/// "tendai was diagnosed at 4", "sunniva had her surgery yesterday", "ikaika is 6 and…": word
/// `i`, opening a clause, is the subject of what happens only to a person.
pub(super) fn patient(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i + 1 >= text.words.len() || listed_as_word(text, i) || sep(text, i) != " " {
        return None;
    }
    if !opens_clause(text, i) || illness(text.lower_word(i)) {
        return None;
    }
    let found = if happens_to_person(text, i + 1) {
        // Only a person stands there: a word one letter off English too ("hine").
        person_here(text, i)
    } else {
        age_after(text, i + 1) && person(text, i)
    };
    found.then_some((i, 0.6, NAMED))
}

/// "shreya, 34, newly diagnosed with ms": a word opening a line, set off with an age by
/// commas, as members introduce themselves or the one they care for ("Humira, 40mg" has a
/// unit, "Stelara, 90" no closing comma). After a relation too ("my son Dawit, 4, was born
/// early"), and a name one letter off English or of three letters when a verb its subject
/// takes, "from" or "who" follows ("kemi, 7, has type 1"), as only a person stands there.
pub(super) fn introduced(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    let opens = text.starts_sentence(i) || (i > 0 && text.is(i - 1, F_RELATION));
    if i + 2 >= n || !opens || listed_as_word(text, i) {
        return None;
    }
    let age = text.lower_at(i + 1);
    let next = text.lower_at(i + 2);
    let said = || subject_verb(next) || matches!(next, "from" | "who");
    let found = sep(text, i) == ", "
        && (1..=3).contains(&age.len())
        && age.bytes().all(|b| b.is_ascii_digit())
        && age.parse::<u32>().is_ok_and(|y| y <= 110)
        && sep(text, i + 1).starts_with(',')
        && (person(text, i) || (said() && person_here(text, i)));
    found.then_some((i, 0.6, NAMED))
}

/// "ayeshas wedding was lovely", "tendais mum came round": chat's possessive without its
/// apostrophe ("crohns nurse" is an illness's).
pub(super) fn owner(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // "ayeshas wedding was lovely", "tendais mum came round": chat's possessive without its
    // apostrophe, when the word less its "s" is a listed given name that is no word, and the
    // word itself is on no list.
    let w = text.lower_at(i);
    // Session 16: "hamishs been off his food" (has been), "bexs little boy".
    let chat_owned = |k: usize| {
        super::name_mentions::owned(text, k)
            || text.lower_at(k) == "been"
            || (text.lower_at(k) == "little"
                && matches!(text.lower_at(k + 1), "boy" | "girl" | "one" | "man"))
    };
    if i + 1 < text.words.len()
        && w.len() >= 5
        && sep(text, i) == " "
        && chat_owned(i + 1)
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FIRST | F_SURNAME | F_FUNCTION,
        )
        && (!text.cased || text.is_capitalised(i) || !text.is_capitalised(i + 1))
        && w.strip_suffix('s').is_some_and(plain_given_name)
    {
        return Some((i, 0.6, NAMED));
    }
    // The possessive with its apostrophe ("tendai's mum rang me") is `name_mentions::possessed`'s.
    None
}

#[cfg(test)]
#[path = "name_patients_tests.rs"]
mod tests;
