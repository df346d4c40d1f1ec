//! NAME by an errand: the child or elder a carer fetches, drops off, takes somewhere or is
//! proud of ("picked lindiwe up from nursery", "dropped kavya at school", "took haruto to the
//! allergy clinic", "took oluwatobi to the paediatrician"). Split from `name_writer`, which was
//! past 400 lines; its tests are in `name_writer_tests` with the other slots beside the writer.

use super::lexicon::Doc;
use super::name_company::{listed_as_word, person};
use super::name_near::person_here;
use super::names::sep;

const NAMED: &str = "a person's name";

/// Where children spend their day: a carer takes them there and fetches them.
fn childcare(w: &str) -> bool {
    matches!(
        w,
        "school" | "nursery" | "preschool" | "daycare" | "creche" | "kindy" | "kindergarten"
    )
}

/// Places a carer takes someone to.
fn destination(w: &str) -> bool {
    childcare(w)
        || matches!(
            w,
            "clinic"
                | "hospital"
                | "gp"
                | "doctor"
                | "doctors"
                | "dentist"
                | "appointment"
                | "appt"
                | "er"
                | "ward"
                | "park"
                | "physio"
                | "therapy"
                | "church"
        )
}

/// "took oluwatobi to the paediatrician", "taking kemi to see the gp": who a carer takes to a
/// clinician, from word `k` (after "to"), is seen there; a drug is taken to an appointment or a
/// clinic to be shown, not to a doctor ("took auvelity to my appointment").
fn to_be_seen(text: &Doc, k: usize) -> bool {
    let k = if matches!(text.lower_at(k), "the" | "my" | "our" | "a" | "see") {
        k + 1
    } else {
        k
    };
    let k = if text.lower_at(k) == "the" { k + 1 } else { k };
    matches!(
        text.lower_at(k),
        "doctor"
            | "doctors"
            | "gp"
            | "paediatrician"
            | "pediatrician"
            | "dentist"
            | "optician"
            | "hospital"
            | "er"
    )
}

/// Where children and people are taken and fetched, and drugs are not.
fn fetched_at(w: &str) -> bool {
    childcare(w)
        || matches!(
            w,
            "airport"
                | "station"
                | "practice"
                | "training"
                | "uni"
                | "college"
                | "park"
                | "playgroup"
        )
}

/// "picked lindiwe up from nursery", "dropped kavya at school", "took haruto to the allergy
/// clinic", "so proud of tevita": the one a carer fetches, takes somewhere or is proud of.
/// "took tramadol to sleep" is no errand: the place must follow.
pub(super) fn errand(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || listed_as_word(text, i) || sep(text, i - 1) != " " || sep(text, i) != " " {
        return None;
    }
    let next = text.lower_at(i + 1);
    let place_after = || (i + 2..i + 5).any(|k| destination(text.lower_at(k)));
    // Drugs are taken and picked up too ("took auvelity to my appointment", "picked litfulo
    // up from the pharmacy"): after those verbs, only where children and people are fetched.
    let fetched_from = || (i + 2..i + 5).any(|k| fetched_at(text.lower_at(k)));
    let seen = || to_be_seen(text, i + 2);
    let slot = match text.lower_at(i - 1) {
        "picked" => next == "up" && fetched_from(),
        "dropped" => matches!(next, "off" | "at"),
        "took" | "taking" => next == "to" && (fetched_from() || seen()),
        "drove" | "brought" | "walked" | "driving" => next == "to" && place_after(),
        "collected" | "fetched" => next == "from",
        "of" => i >= 2 && text.lower_at(i - 2) == "proud",
        _ => false,
    };
    // Only people are dropped off, fetched from somewhere or taken to be seen: a word one
    // letter off English too ("dropped rangi off": "range").
    let dropped = matches!(text.lower_at(i - 1), "dropped" | "collected" | "fetched")
        || (matches!(text.lower_at(i - 1), "took" | "taking") && seen());
    (slot
        && if dropped {
            person_here(text, i)
        } else {
            person(text, i)
        })
    .then_some((i, 0.6, NAMED))
}
