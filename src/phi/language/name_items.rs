//! NAME as an item of a list a member writes about people: a name with an age in brackets
//! ("- Chinonso (7) - asthma under control"), and one-word bullet items beside a listed given
//! name ("Who's coming?\n* Thabo\n* Ingrid\n* Nasser"). Items of symptoms, drugs and tasks are
//! English words or things, which `name_company::person` turns away.

use super::lexicon::{Doc, F_ENGLISH, F_RELATION};
use super::name_company::{listed_as_word, person};
use super::name_near::person_here;
use super::name_typos::subject_verb;
use super::names::{common, first, sep, GIVEN};

/// "Chinonso (7)", "Somto (4) - eczema", "Mateo (12), Thiago (9)": a word with a child's or an
/// adult's age in brackets after it, opening its line, sentence or item. "kemi, 7, has type 1",
/// "my son Dawit, 4, was born early": an age set off by commas, the word opening its sentence
/// or after a relation, before a verb its subject takes ("Libre, 3, sensors" is none).
pub(super) fn aged(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    let bracketed = matches!(sep(text, i), " (" | "(");
    let commas = sep(text, i) == ", ";
    if i + 1 >= n || !(bracketed || commas) || listed_as_word(text, i) {
        return None;
    }
    let age = text.lower_word(i + 1);
    let closes = if bracketed {
        sep(text, i + 1).starts_with(')') || (i + 2 == n && text.raw.ends_with(')'))
    } else {
        i + 2 < n
            && sep(text, i + 1) == ", "
            && (subject_verb(text.lower_word(i + 2))
                || matches!(text.lower_word(i + 2), "from" | "who"))
    };
    if !(1..=3).contains(&age.len()) || !age.bytes().all(|b| b.is_ascii_digit()) || !closes {
        return None;
    }
    let opens = if bracketed {
        text.starts_sentence(i)
            || (i > 0 && (sep(text, i - 1).contains(',') || text.lower_word(i - 1) == "and"))
    } else {
        text.starts_sentence(i) || (i > 0 && text.is(i - 1, F_RELATION))
    };
    // Set off by commas, a person's slot: a name one letter off English ("kemi") or of three
    // letters counts too.
    let someone = if bracketed {
        person(text, i)
    } else {
        person_here(text, i)
    };
    (opens && age.parse::<u32>().is_ok_and(|a| a <= 120) && someone).then_some((i, 0.7, GIVEN))
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

    /// Session 13: an age set off by commas.
    #[test]
    fn names_with_an_age_between_commas() {
        for (raw, want) in [
            ("kemi, 7, has type 1", vec!["kemi"]),
            ("Oluwatobi, 12, was diagnosed last year", vec!["Oluwatobi"]),
            ("my son Dawit, 4, was born early", vec!["Dawit"]),
            ("Tariq, 45, from Leeds here", vec!["Tariq"]),
        ] {
            assert_eq!(found(raw, aged), want, "{raw}");
        }
        for raw in [
            "Stelara, 90, every 8 weeks",
            "Mum, 93, has dementia",
            "Fatigue, 3, has been worse",
            "Libre, 3, sensors arrived",
            "scores were 5, 7, 9 and 12",
            "we counted, 4, 5, 6 and so on",
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
            ["Thabo", "Nasser"]
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
