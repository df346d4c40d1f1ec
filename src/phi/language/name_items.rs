//! NAME as an item of a list a member writes about people: a name with an age in brackets
//! ("- Chinonso (7) - asthma under control"), and one-word bullet items beside a listed given
//! name ("Who's coming?\n* Thabo\n* Ingrid\n* Nasser"). Items of symptoms, drugs and tasks are
//! English words or things, which `name_company::person` turns away.

use super::lexicon::{Doc, F_ENGLISH};
use super::name_company::{listed_as_word, person};
use super::names::{common, first, sep, GIVEN};

/// "Chinonso (7)", "Somto (4) - eczema", "Mateo (12), Thiago (9)": a word with a child's or an
/// adult's age in brackets after it, opening its line, sentence or item.
pub(super) fn aged(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 1 >= n {
        return None;
    }
    // Session 18: "Dawn (age 7) starts chemo", "tash age 7 starts chemo": the age with its
    // word, in brackets or not.
    let worded = matches!(text.lower_word(i + 1), "age" | "aged") && i + 2 < n;
    let bracket = matches!(sep(text, i), " (" | "(");
    let k = if worded { i + 2 } else { i + 1 };
    let closes = if bracket {
        sep(text, k).starts_with(')') || (k + 1 == n && text.raw.ends_with(')'))
    } else {
        worded && sep(text, i) == " " && sep(text, i + 1) == " "
    };
    let age = text.lower_word(k);
    if !(1..=3).contains(&age.len()) || !age.bytes().all(|b| b.is_ascii_digit()) || !closes {
        return None;
    }
    // A name that is a word too, capitalised, with "age" in brackets: only a person is aged.
    let word_name = bracket && worded && text.cased && super::name_mentions::word_name(text, i);
    if listed_as_word(text, i) && !word_name {
        return None;
    }
    let opens = text.starts_sentence(i)
        || (i > 0 && (sep(text, i - 1).contains(',') || text.lower_word(i - 1) == "and"));
    (opens && age.parse::<u32>().is_ok_and(|a| a <= 120) && (word_name || person(text, i)))
        .then_some((i, 0.7, GIVEN))
}

/// The one word on a bullet line ("- Thabo", "* ingrid", "• Nasser"), if it is alone there.
fn bullet_item(text: &Doc, k: usize) -> bool {
    let before = if k == 0 {
        &text.raw[..text.words[0].start]
    } else {
        sep(text, k - 1)
    };
    let line_start = k == 0 || before.contains('\n');
    let marked = before
        .rsplit('\n')
        .next()
        .is_some_and(|l| matches!(l.trim(), "-" | "*" | "•" | "–"));
    let line_end = k + 1 == text.words.len() || sep(text, k).contains('\n');
    line_start && marked && line_end
}

/// "* Thabo\n* Ingrid\n* Nasser": a one-word bullet item that could be a person, next to an
/// item that is a listed given name (no word, capitalised when the writer uses capitals).
pub(super) fn bulleted(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if listed_as_word(text, i) || !bullet_item(text, i) {
        return None;
    }
    let named = |k: usize| {
        bullet_item(text, k)
            && first(text, k)
            && !common(text, k)
            && !text.is(k, F_ENGLISH)
            && (!text.cased || text.is_capitalised(k))
    };
    let beside = (i > 0 && named(i - 1)) || (i + 1 < text.words.len() && named(i + 1));
    (beside && person(text, i)).then_some((i, 0.6, GIVEN))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::found;
    use super::*;

    #[test]
    fn names_with_an_age_in_brackets() {
        for (raw, want) in [
            ("Kids update:\n- Chinonso (7) - asthma", vec!["Chinonso"]),
            (
                "Kids update:\n- Chinonso (7) - asthma\n- Somto (4) - eczema",
                vec!["Chinonso", "Somto"],
            ),
            (
                "my two, Mateo (12) and Thiago (9), both have it",
                vec!["Mateo", "Thiago"],
            ),
        ] {
            assert_eq!(found(raw, aged), want, "{raw}");
        }
        for raw in [
            "- Stelara (90) every 8 weeks",
            "- Fatigue (3) out of 10",
            "Results:\n- Potassium (4) fine",
            "- Tremfya (100mg) monthly",
            "took Ozempic (1) today",
        ] {
            assert!(found(raw, aged).is_empty(), "{raw}");
        }
    }

    #[test]
    fn bullet_items_beside_a_name() {
        assert_eq!(
            found(
                "Who's coming to the meetup?\n* Thabo\n* Ingrid\n* Nasser",
                bulleted
            ),
            // Session 22: Ingrid too, now that her neighbours are on a list.
            ["Thabo", "Ingrid", "Nasser"]
        );
        for raw in [
            "Symptoms:\n* Rash\n* Fever\n* Grace",
            "Meds:\n- Humira\n- Methotrexate\n- Folate",
            "- walking\n- Emily took me\n- Tovrazine",
        ] {
            assert!(found(raw, bulleted).is_empty(), "{raw}");
        }
    }
}
