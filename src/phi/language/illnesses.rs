//! What people are ill with, as members write it: an illness a person "has" or "got" ("has
//! eczema", "has a chest infection", "has heart failure", "has stage 3", "got the flu"), and
//! illnesses by the short names that stand where a subject would ("copd was diagnosed"). Read
//! by `name_patients`: only a person has an illness, a drug has one only as what it treats or
//! risks ("tremfya has psoriasis approval", "humira has gout listed as a side effect"), so
//! the illness must close its phrase.

use super::lexicon::Doc;
use super::medicines::disease_ending;
use super::names::sep;

/// Illnesses by their everyday one-word names: those with a Latin or Greek ending
/// ("tonsillitis", "bronchiolitis", "endometriosis", "glaucoma") are `disease_ending`'s.
fn illness_word(w: &str) -> bool {
    illness(w)
        || disease_ending(w)
        || matches!(
            w,
            "asthma"
                | "eczema"
                | "diabetes"
                | "epilepsy"
                | "autism"
                | "cancer"
                | "lupus"
                | "psoriasis"
                | "migraines"
                | "anxiety"
                | "depression"
                | "dementia"
                | "croup"
                | "reflux"
                | "colic"
                | "jaundice"
                | "measles"
                | "mumps"
                | "rubella"
                | "chickenpox"
                | "shingles"
                | "pneumonia"
                | "sepsis"
                | "flu"
                | "covid"
                | "cold"
                | "fever"
                | "cough"
                | "rash"
                | "tumour"
                | "tumor"
                | "lump"
                | "uti"
                | "seizures"
                | "cf"
                | "ms"
                | "crohns"
                | "endo"
                | "fibro"
                | "leukaemia"
                | "leukemia"
                | "scoliosis"
                | "gout"
                | "hives"
                | "mono"
                | "strep"
                | "coeliac"
                | "celiac"
                | "rsv"
                | "norovirus"
                | "malaria"
                | "tb"
                | "hiv"
                | "t1d"
                | "t2d"
                | "pots"
                | "ocd"
                | "bipolar"
                | "schizophrenia"
                | "anorexia"
                | "bulimia"
                | "dyslexia"
                | "dyspraxia"
                | "insomnia"
                | "sciatica"
                | "angina"
                | "vertigo"
                | "tinnitus"
                | "alopecia"
                | "vitiligo"
                | "rosacea"
                | "impetigo"
                | "scabies"
                | "thrush"
                | "parkinsons"
                | "alzheimers"
                | "hashimotos"
                | "cataracts"
                | "gallstones"
                | "hypothyroidism"
                | "hyperthyroidism"
                | "haemophilia"
                | "hemophilia"
                | "hydrocephalus"
                | "narcolepsy"
                // Session 16: what befalls a person as an event ("had a stroke", "had a fit").
                | "stroke"
                | "seizure"
                | "fit"
                | "tia"
                | "miscarriage"
        )
}

/// The last word of an illness named in two or three words: "chest infection", "heart
/// failure", "cerebral palsy", "sickle cell", "glandular fever", "strep throat", "down
/// syndrome", "kidney stones", "a heart condition".
fn illness_head(w: &str) -> bool {
    matches!(
        w,
        "disease"
            | "syndrome"
            | "palsy"
            | "disorder"
            | "infection"
            | "failure"
            | "fever"
            | "throat"
            | "cell"
            | "stones"
            | "condition"
            | "deficiency"
            | "allergy"
            | "allergies"
            | "bug"
            | "virus"
            | "cancer"
            | "tumour"
            | "tumor"
            | "dystrophy"
            | "bifida"
            // Session 16: "a heart attack", "a brain bleed", "a mini stroke".
            | "attack"
            | "bleed"
            | "stroke"
    )
}

/// Words that close the phrase after an illness a person has: "has croup again", "has stage
/// 3 and…", "has eczema on her hands". A drug's illness goes on to a noun ("has psoriasis
/// approval") or to "as" ("has gout as a side effect").
fn closes_illness(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "so"
            | "now"
            | "again"
            | "too"
            | "since"
            | "from"
            | "on"
            | "in"
            | "at"
            | "which"
            | "that"
            | "stage"
            | "after"
            | "atm"
            | "rn"
            | "currently"
            | "already"
            | "poor"
            | "bless"
            | "ugh"
            // Session 16: "had TB twice", "had a stroke last year", "had a fit this morning",
            // "had covid when she was 3": when it was, which a drug's listed illness never
            // takes.
            | "twice"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "recently"
            | "when"
            | "during"
            | "before"
            | "aged"
            | "years"
            | "months"
            | "weeks"
    )
}

/// "… has eczema", "… had croup again", "… has stage 3", "… got a uti", "… has a chest
/// infection", "… has the flu": an illness a person has, from word `k` on, closing its
/// phrase ("tremfya has psoriasis approval" goes on to a noun: a drug has an illness only as
/// what it treats).
pub(super) fn sick_with(text: &Doc, k: usize) -> bool {
    let mut j = k;
    if matches!(text.lower_at(j), "a" | "an" | "the") {
        j += 1;
    }
    // Session 16: "had 4 seizures today", "has had two falls": a count of what befalls a body.
    let counted = |w: &str| {
        (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                w,
                "two" | "three" | "four" | "five" | "six" | "several" | "multiple"
            )
    };
    if counted(text.lower_at(j))
        && matches!(
            text.lower_at(j + 1),
            "seizures" | "fits" | "falls" | "strokes" | "infections" | "utis" | "miscarriages"
        )
    {
        j += 1;
        let closes = j + 1 >= text.words.len()
            || !sep(text, j).trim().is_empty()
            || closes_illness(text.lower_at(j + 1));
        return closes;
    }
    let staged = matches!(text.lower_at(j), "stage" | "type")
        && text
            .lower_at(j + 1)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit());
    let sick = if staged {
        j += 1;
        true
    } else if illness_word(text.lower_at(j)) {
        true
    } else {
        // Up to two words before the illness's last word, in one phrase: "heart failure",
        // "a really bad chest infection".
        match (j + 1..j + 3).find(|&h| illness_head(text.lower_at(h))) {
            Some(h) if (j..h).all(|m| sep(text, m) == " " && !illness_head(text.lower_at(m))) => {
                j = h;
                true
            }
            _ => false,
        }
    };
    // "strep throat", "sickle cell disease": an illness's name goes on to its last word.
    while sick && sep(text, j) == " " && illness_head(text.lower_at(j + 1)) {
        j += 1;
    }
    let closes = j + 1 >= text.words.len()
        || !sep(text, j).trim().is_empty()
        || closes_illness(text.lower_at(j + 1));
    sick && closes
}

/// Illnesses by the short names members write in lower case, which are diagnosed and "had"
/// as people are ("copd was diagnosed in 2019", "pcos had her…" is no one).
pub(super) fn illness(w: &str) -> bool {
    matches!(
        w,
        "copd"
            | "gerd"
            | "pcos"
            | "pmdd"
            | "adhd"
            | "mcas"
            | "sibo"
            | "nafld"
            | "ptsd"
            | "afib"
            | "ckd"
            | "cfs"
            | "ibs"
            | "ibd"
            | "hsd"
            | "eds"
            | "mecfs"
            | "hidradenitis"
            | "cptsd"
    )
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Doc;
    use super::sick_with;
    use crate::phi::text::Text;

    /// Whether the words after "has" in `raw` name an illness a person has.
    fn has(raw: &str) -> bool {
        let text = Text::new(raw);
        let doc = Doc::new(&text);
        (0..doc.words.len())
            .find(|&k| matches!(doc.lower_word(k), "has" | "got" | "had"))
            .is_some_and(|k| sick_with(&doc, k + 1))
    }

    #[test]
    fn illnesses_a_person_has() {
        for raw in [
            "x has tonsillitis again",
            "x has bronchiolitis and is on oxygen",
            "x has a chest infection so we are home",
            "x has kidney disease stage 3",
            "x has heart failure and is struggling",
            "x has sickle cell and is in hospital",
            "x has coeliac so we cook separately",
            "x has cerebral palsy and uses a chair",
            "x has an ear infection, poor kid",
            "x has strep throat again",
            "x has the flu so im on my own",
            "x has covid again",
            "x has glandular fever",
            "x has stage 3, please pray",
            "x got a uti",
        ] {
            assert!(has(raw), "{raw}");
        }
    }

    #[test]
    fn illnesses_a_drug_treats_or_risks() {
        for raw in [
            "x has psoriasis approval in kids",
            "x has gout listed as a side effect",
            "x has shingles as a risk",
            "x has a shortage",
            "x has a copay card",
            "x has cancer warnings on the box",
            "x has a sliding scale.",
            "x has heart disease warnings",
        ] {
            assert!(!has(raw), "{raw}");
        }
    }
}
