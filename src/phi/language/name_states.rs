//! How only a person is: the states and doings after "is", "was" or "has been" that no drug,
//! test, town or thing is in ("is in hospital", "was nil by mouth", "is furious", "is asking
//! if…"). One list, read by every subject rule (`name_doers`, `name_subjects`,
//! `name_word_people`, `name_patients`); split from `name_doers` in session 20, when the
//! sentence subjects' own list of such states was merged into it.

use super::lexicon::Doc;

/// What only a person is doing, after "is" or "was": "asking if…", "refusing dialysis",
/// "crying" (a drug is "working", "failing", "helping"). Read by the subject rules here and
/// by the name-words' (`name_word_people`).
pub(super) fn only_people_doing(a: &str) -> bool {
    matches!(
        a,
        "asking"
            | "refusing"
            | "crying"
            | "begging"
            | "smiling"
            | "laughing"
            | "screaming"
            | "sobbing"
            // Session 19: "gianluca is rallying", "kang is settling down", "gonçalves is
            // grieving already", "Petrov is waiting on a biopsy".
            | "rallying"
            | "settling"
            | "sleeping"
            | "grieving"
            | "waiting"
            | "vomiting"
            | "talking"
            | "walking"
            | "fighting"
            | "recovering"
            | "sulking"
            | "panicking"
            // Session 21: "dorota is relapsing", "mum is sundowning again".
            | "relapsing"
            | "coping"
            | "shielding"
            | "sundowning"
            | "hallucinating"
            | "wandering"
            | "napping"
            | "snoring"
            | "teething"
    )
}

/// A state only a person is in, said from word `k` on ("is in hospital", "has been in
/// labour", "was nil by mouth", "is on dialysis"): drugs and things are "in the fridge" and
/// "on the list", never these.
pub(super) fn in_state(text: &Doc, k: usize) -> bool {
    let w = |j: usize| text.lower_at(j);
    // "is back in hospital", "is still on oxygen", "is now in recovery".
    let k = k + usize::from(matches!(w(k), "back" | "still" | "now" | "currently"));
    // Session 19: "is so anxious", "is much brighter", "is a bit confused".
    let k = k + usize::from(matches!(
        w(k),
        "so" | "very" | "really" | "more" | "much" | "quite"
    ));
    let k = if w(k) == "a" && w(k + 1) == "bit" {
        k + 2
    } else {
        k
    };
    match w(k) {
        "in" if matches!(
            w(k + 1),
            "denial" | "isolation" | "pain" | "agony" | "tears"
        ) =>
        {
            true
        }
        "on" if w(k + 1) == "a" && matches!(w(k + 2), "syringe" | "commode" | "catheter") => true,
        "on" if w(k + 1) == "cycle" || w(k + 1) == "the" && w(k + 2) == "catheter" => true,
        // Session 16: "aroha is in the NICU", "is in intensive care".
        "in" if w(k + 1) == "the"
            && matches!(w(k + 2), "nicu" | "picu" | "icu" | "hdu" | "ccu" | "scbu") =>
        {
            true
        }
        "in" if w(k + 1) == "intensive" && w(k + 2) == "care" => true,
        // Session 17: "is back on the ward", "is on the haematology ward", "in the day unit".
        "on" | "in"
            if w(k + 1) == "the"
                && (matches!(w(k + 2), "ward" | "unit" | "wards")
                    || matches!(w(k + 3), "ward" | "unit")) =>
        {
            true
        }
        "in" => {
            matches!(
                w(k + 1),
                "hospital"
                    | "hosp"
                    | "icu"
                    | "hospice"
                    | "rehab"
                    | "labour"
                    | "labor"
                    | "theatre"
                    | "surgery"
                    | "recovery"
                    | "resus"
                    | "nicu"
                    | "picu"
                    | "hdu"
                    | "scbu"
            ) || (w(k + 1) == "a" && w(k + 2) == "coma")
        }
        // Session 18: "rustam is out of icu", "abebe is off the ventilator".
        "out" => {
            w(k + 1) == "of"
                && matches!(
                    w(k + 2),
                    "icu"
                        | "hospital"
                        | "hosp"
                        | "surgery"
                        | "theatre"
                        | "recovery"
                        | "hdu"
                        | "resus"
                        | "intensive"
                        | "nicu"
                        | "picu"
                        | "isolation"
                )
        }
        "off" => {
            let x = if w(k + 1) == "the" {
                w(k + 2)
            } else {
                w(k + 1)
            };
            matches!(
                x,
                "ventilator" | "vent" | "oxygen" | "cpap" | "bipap" | "drip"
            )
        }
        "on" => {
            matches!(w(k + 1), "dialysis" | "oxygen" | "hospice")
                || (w(k + 1) == "life" && w(k + 2) == "support")
                || (w(k + 1) == "a" && w(k + 2) == "ventilator")
        }
        "nil" => w(k + 1) == "by" && w(k + 2) == "mouth",
        "unconscious" | "intubated" | "sedated" | "ventilated" => true,
        // Session 19 (probe set 27, a name as the subject of what befalls a person): how a
        // person feels and is, which no drug, test or town is ("Oisín is furious with the
        // GP", "Hoffmann is anxious about the results", "jade is end of life", "lootte is
        // in denial", "Destiny is on a syringe driver", "sujon is in isolation").
        "furious" | "anxious" | "terrified" | "overwhelmed" | "exhausted" | "confused"
        | "agitated" | "distressed" | "frail" | "bedbound" | "bedridden" | "breathless"
        | "jaundiced" | "dehydrated" | "constipated" | "incontinent" | "lucid" | "drowsy"
        | "delirious" | "heartbroken" | "devastated" | "grumpy" | "brighter" | "poorly"
        | "unwell" | "tearful" | "homesick" | "lonely" | "frightened" | "petrified" | "gutted"
        | "exhausting" => true,
        // Session 21 (probe set 39): what a person is born or diagnosed as ("Jürgen is
        // autistic", "pearl is nonverbal", "tolga is restricting"), and "the bravest".
        "autistic" | "nonverbal" | "non-verbal" | "epileptic" | "diabetic" | "asthmatic"
        | "housebound" | "immunocompromised" | "neurodivergent" | "dyslexic" | "restricting"
        | "bravest" | "strongest" => true,
        "finally" if w(k + 1) == "in" && w(k + 2) == "remission" => true,
        // Session 20: the sentence subjects' list (`name_subjects`), merged here so that one
        // list says how only a person is.
        "awake" | "asleep" | "scared" | "nervous" | "pregnant" => true,
        "fed" => w(k + 1) == "up",
        "end" => w(k + 1) == "of" && w(k + 2) == "life",
        _ => false,
    }
}

/// What follows "is" or "was" that a person is mostly in, though a pet or a plan may be too:
/// "is back", "is still", "is starting", "is 6 weeks post transplant". Towns "are lovely" and
/// drugs "are working": an adjective after "is" says nothing, an "-ing" word of a town's or
/// drug's says too little ("is getting", "is working", "is helping", "is going"). What only a
/// person is comes first (`in_state`, `only_people_doing`).
pub(super) fn after_is(a: &str, b: &str) -> bool {
    match a {
        "back" | "home" | "out" | "awake" | "asleep" | "due" | "having" | "still" | "now"
        | "finally" | "starting" | "eating" | "feeling" | "struggling" | "doing" | "asking"
        | "scared" | "terrified" | "nervous" | "allergic" | "pregnant" | "off" => true,
        "in" | "on" => {
            matches!(
                b,
                "hospital" | "icu" | "the" | "a" | "intensive" | "hospice" | "dialysis" | "oxygen"
            ) || (a == "on" && matches!(b, "his" | "her" | "their"))
        }
        _ => {
            (a.len() > 4
                && a.ends_with("ing")
                && !matches!(
                    a,
                    "getting"
                        | "working"
                        | "helping"
                        | "going"
                        | "being"
                        | "running"
                        | "raining"
                        | "hosting"
                        | "opening"
                        | "closing"
                        | "changing"
                        | "growing"
                        | "booming"
                ))
                || (a.bytes().all(|c| c.is_ascii_digit()) && (1..=3).contains(&a.len()))
        }
    }
}
