//! Lab tests and the clinic's measurements by the short names members quote them by ("eGFR 38",
//! "crp was 12", "A1C 52"). One list, read wherever such a name changes what a word or number
//! beside it is: a number after one is a result, not an identifier (`identifiers::context`) nor
//! an age (`language::age_words`); the name itself is no person's (`language::lexicon`,
//! `language::name_near`).

/// The names, lower case, one word each.
pub const LAB_TESTS: &[&str] = &[
    "hba1c",
    "a1c",
    "egfr",
    "gfr",
    "tsh",
    "t3",
    "t4",
    "ldl",
    "hdl",
    "inr",
    "crp",
    "esr",
    "psa",
    "ferritin",
    "b12",
    "hb",
    "hgb",
    "wbc",
    "rbc",
    "alt",
    "ast",
    "bun",
    "ca125",
    "cea",
    "bnp",
    "creatinine",
    "triglycerides",
    "lipase",
    "mcv",
    "rdw",
    "lft",
    "lfts",
    "ana",
    "bmi",
    "bp",
    "spo2",
    "fev1",
    "vitd",
    // Session 21: the apnoea-hypopnoea index a CPAP reports ("AHI down to 1.7").
    "ahi",
];

/// Whether a lower-case word is one of `LAB_TESTS`. The words it is asked about sit beside a
/// keyword, a number or in a short word's slot, so a scan of some forty short strings costs little.
pub fn is_lab_test(w: &str) -> bool {
    LAB_TESTS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lab_names_are_known_and_words_are_not() {
        for w in ["egfr", "a1c", "crp", "ferritin", "spo2"] {
            assert!(is_lab_test(w), "{w}");
        }
        for w in ["anna", "bill", "grace", "egfrs", "a1", "EGFR", ""] {
            assert!(!is_lab_test(w), "{w}");
        }
    }
}
