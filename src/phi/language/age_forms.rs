//! AGE_OVER_89 written other than as an English number of years: the nouns for a decade or a
//! century of life ("a nonagenarian", "my centenarian grandmother"), and other languages' "N
//! years (old)" ("tiene 93 años", "ist 95 Jahre alt", "a 92 ans", "ha 96 anni", "heeft 91 jaar").
//! Kept apart from `ages`, which reads English numbers and their English cues.
//!
//! Safe Harbor (45 CFR 164.514(b)(2)(i)(C)) lets ages over 89 stand only as the single category
//! "90 or older"; a nonagenarian (90–99) or a centenarian (100+) says more than that, as "in her
//! 90s" does (held by `ages`). Plural nouns ("nonagenarians are at risk") speak of a group and
//! are left alone.

use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "an age over 89";

/// Other languages' words for years of age after a number: Spanish, Portuguese, Italian,
/// French, German, Dutch, the Scandinavian languages, Polish.
fn years_word(w: &str) -> bool {
    matches!(
        w,
        "años" | "anos" | "anni" | "ans" | "jahre" | "jaar" | "år" | "ar" | "lat" | "let"
    )
}

/// Words before the number that say someone has or reaches the age ("tiene", "ist", "a",
/// "heeft", "har", "ma"), or that tie it to a person ("de" in "mi abuelo de 94 años").
fn has_age(w: &str) -> bool {
    matches!(
        w,
        "tiene"
            | "tenía"
            | "tenia"
            | "cumplió"
            | "cumplio"
            | "cumple"
            | "de"
            | "con"
            | "tem"
            | "fez"
            | "completou"
            | "ha"
            | "aveva"
            | "compiuto"
            | "di"
            | "ist"
            | "wird"
            | "wurde"
            | "war"
            | "mit"
            | "a"
            | "avait"
            | "aura"
            | "eu"
            | "heeft"
            | "werd"
            | "wordt"
            | "van"
            | "er"
            | "har"
            | "blev"
            | "fyller"
            | "fylte"
            | "ma"
            | "miała"
            | "skończyła"
            | "skończył"
    )
}

/// Words that make "N years" a span of time, not an age: "hace 95 años", "vor 95 Jahren",
/// "il y a 92 ans", "95 anni fa", "95 jaar geleden", "más de 90 años" (a history).
fn time_ago(before: &[&str], after: &str) -> bool {
    matches!(
        before.first().copied(),
        Some("hace" | "vor" | "durante" | "depuis" | "pendant" | "per" | "por" | "seit")
    ) || (before.first() == Some(&"a") && before.get(1) == Some(&"y"))
        || matches!(
            before.get(1).copied(),
            Some("más" | "mas" | "menos" | "hace" | "plus" | "moins" | "mehr" | "über" | "uber")
        )
        || matches!(
            after,
            "fa" | "geleden" | "siden" | "sedan" | "temu" | "atrás" | "atras" | "ago"
        )
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for i in 0..n {
        let w = text.lower_word(i);
        if matches!(w, "nonagenarian" | "centenarian" | "supercentenarian") {
            let (s, e) = (text.words[i].start, text.words[i].end);
            out.push(finding(Kind::AgeOver89, s, e, 0.75, WHY));
            continue;
        }
        if !(2..=3).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let v: u32 = w.parse().unwrap_or(0);
        // Full lower case (the text's copy folds ASCII only: "AÑOS"), paid only for 90–125.
        if !(90..=125).contains(&v)
            || i + 1 >= n
            || !years_word(&text.lower_word(i + 1).to_lowercase())
        {
            continue;
        }
        let (s, e) = (text.words[i].start, text.words[i].end);
        if &text.raw[e..text.words[i + 1].start] != " " {
            continue;
        }
        let before: Vec<String> = text.words_before(s, 2).map(str::to_lowercase).collect();
        let before: Vec<&str> = before.iter().map(String::as_str).collect();
        let after = if i + 2 < n {
            text.lower_word(i + 2).to_lowercase()
        } else {
            String::new()
        };
        let after = after.as_str();
        if time_ago(&before, after) {
            continue;
        }
        let old = matches!(after, "alt" | "oud" | "gammel" | "gammal");
        if old || before.first().is_some_and(|w| has_age(w)) {
            out.push(finding(Kind::AgeOver89, s, e, 0.8, WHY));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(raw: &str) -> Vec<String> {
        super::super::test_support::detected(raw, detect)
    }

    #[test]
    fn nouns_of_a_decade_of_life_and_ages_in_other_languages() {
        for (raw, want) in [
            ("my nan is a nonagenarian with copd", "nonagenarian"),
            ("My great grandmother is a Centenarian now", "Centenarian"),
            ("my abuela tiene 93 años", "93"),
            ("mi abuelo de 94 años tiene diabetes", "94"),
            ("minha avó tem 97 anos", "97"),
            ("meine Oma ist 95 Jahre alt", "95"),
            ("ma grand-mère a 92 ans", "92"),
            ("mia nonna ha 96 anni", "96"),
            ("mijn opa is 91 jaar oud", "91"),
            ("mormor er 98 år", "98"),
            ("MI ABUELA TIENE 93 AÑOS", "93"),
        ] {
            let found = ages(raw);
            assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
        }
    }

    #[test]
    fn groups_spans_of_time_and_younger_ages_are_not_held() {
        for raw in [
            "nonagenarians are at higher risk of falls",
            "a study of centenarians in Okinawa",
            "hace 95 años que existe el hospital",
            "il y a 92 ans",
            "vor 95 Jahren wurde das Haus gebaut",
            "la clinica fu fondata 96 anni fa",
            "95 jaar geleden",
            "el hospital tiene más de 90 años de historia",
            "mi abuela tiene 89 años",
            "durante 93 años",
            "tiene 93 pacientes",
            "1993 años",
        ] {
            assert_eq!(ages(raw), Vec::<String>::new(), "{raw}");
        }
    }
}
