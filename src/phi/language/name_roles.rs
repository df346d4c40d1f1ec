//! NAME: one capitalised word whose role the words around it give, where no list knows it:
//! the maker of a work ("unlike the Dratchev novel", "the Ruoho album"), a former member ("ex-
//! Zombie Kastner", "ex-Marine Okafor"), and a person by their character ("Irenka is very
//! reliable", "why is Glyceria so impulsive?"). A word of a thing takes the first two shapes
//! too ("the Netflix film", "ex-Google engineers"), so each asks for a word no list holds as
//! English, a drug or an organisation (`name_like`), listed as a name or on no list.
//!
//! Adjectives of character split in two: those said only of people ("stubborn", "impulsive")
//! take any such word; those said of things too ("reliable", "amazing") only a listed given
//! name ("Sunniva is very reliable", not "Dexcom is very reliable").

use super::countries::{country, demonym};
use super::lexicon::{Doc, F_FIRST, F_SURNAME, F_WORLD};
use super::name_alone::name_like;
use super::name_places::after_place_word;
use super::names::{hyphenated, sep, unknown};

const NAMED: &str = "a person's name";

/// Nouns for a creative work named after its maker.
fn work(w: &str) -> bool {
    matches!(
        w,
        "novel"
            | "novels"
            | "biography"
            | "memoir"
            | "album"
            | "albums"
            | "film"
            | "films"
            | "movie"
            | "symphony"
            | "concerto"
            | "sonata"
            | "opera"
            | "painting"
            | "paintings"
            | "portrait"
            | "poem"
            | "poems"
            | "trilogy"
            | "essay"
            | "essays"
            | "play"
            | "sculpture"
            | "songbook"
    )
}

/// Adjectives said of a person's character and of nothing else.
fn character(w: &str) -> bool {
    matches!(
        w,
        "impulsive"
            | "stubborn"
            | "shy"
            | "brave"
            | "grumpy"
            | "cheerful"
            | "rude"
            | "lazy"
            | "clever"
            | "honest"
            | "generous"
            | "jealous"
            | "moody"
            | "loyal"
            | "caring"
            | "selfish"
            | "thoughtful"
            | "polite"
            | "bossy"
            | "cheeky"
            | "naughty"
            | "arrogant"
            | "kindhearted"
            | "talented"
            | "smart"
            | "nosy"
            | "sassy"
    )
}

/// Adjectives said of people and of things alike.
fn quality(w: &str) -> bool {
    matches!(
        w,
        "reliable"
            | "dependable"
            | "trustworthy"
            | "amazing"
            | "wonderful"
            | "kind"
            | "nice"
            | "sweet"
            | "funny"
            | "lovely"
            | "helpful"
            | "strong"
            | "patient"
            | "annoying"
            | "difficult"
    )
}

fn degree(w: &str) -> bool {
    matches!(
        w,
        "very" | "so" | "really" | "always" | "too" | "quite" | "extremely" | "such"
    )
}

/// A name's shape (`name_like`), and no country nor people ("the English novel"), not after a
/// word of place ("the clinic in Madison was nice").
fn person_like(text: &Doc, i: usize) -> bool {
    name_like(text, i)
        && !country(text, i)
        && !demonym(text.lower_word(i))
        && !after_place_word(text, i)
}

/// Listed as a given name (any country), or on no list at all.
fn given_or_unknown(text: &Doc, i: usize) -> bool {
    text.is(i, F_FIRST | F_WORLD) || unknown(text, i)
}

/// Listed as a name of any kind, or on no list at all.
fn named_or_unknown(text: &Doc, i: usize) -> bool {
    text.is(i, F_FIRST | F_SURNAME | F_WORLD) || unknown(text, i)
}

/// "the Dratchev novel", "the Ruoho album": a name between "the" and a work.
pub(super) fn maker(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if !text.cased || i == 0 || i + 1 >= n || !work(text.lower_word(i + 1)) {
        return None;
    }
    if text.lower_word(i - 1) != "the" || sep(text, i - 1) != " " || sep(text, i) != " " {
        return None;
    }
    (person_like(text, i) && named_or_unknown(text, i)).then_some((i, 0.6, NAMED))
}

/// "ex-Zombie Kastner", "ex-Marine Okafor": a name after a former group's word.
pub(super) fn former(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if !text.cased || i < 2 || sep(text, i - 1) != " " || sep(text, i - 2) != "-" {
        return None;
    }
    if text.lower_word(i - 2) != "ex" || !text.is_capitalised(i - 1) {
        return None;
    }
    let next_cap = i + 1 < text.words.len()
        && sep(text, i) == " "
        && text.is_capitalised(i + 1)
        && !text.starts_sentence(i + 1);
    (!next_cap && person_like(text, i) && named_or_unknown(text, i))
        .then(|| (hyphenated(text, i), 0.6, NAMED))
}

/// "Irenka is very reliable", "Glyceria was so stubborn", "why is Glyceria so impulsive?".
pub(super) fn by_character(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if !text.cased || !person_like(text, i) {
        return None;
    }
    let w = |k: usize| if k < n { text.lower_word(k) } else { "" };
    let be = |k: usize| matches!(w(k), "is" | "was" | "s");
    // The adjective after "NAME is (very)" or after "is NAME (so)".
    let adjective = if be(i + 1) && sep(text, i) != "-" {
        if degree(w(i + 2)) {
            i + 3
        } else {
            i + 2
        }
    } else if i > 0 && be(i - 1) && degree(w(i + 1)) {
        i + 2
    } else {
        return None;
    };
    let a = w(adjective);
    let ok = (character(a) && given_or_unknown(text, i))
        || (quality(a) && text.is(i, F_FIRST | F_WORLD));
    ok.then_some((i, 0.6, NAMED))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phi::text::Text;

    /// A rule of this module: where the name it finds at a word ends.
    type Rule = fn(&Doc, usize) -> Option<(usize, f32, &'static str)>;

    fn found(raw: &str, rule: Rule) -> Vec<String> {
        let text = Text::new(raw);
        let doc = Doc::new(&text);
        (0..doc.words.len())
            .filter_map(|i| {
                rule(&doc, i)
                    .map(|(end, _, _)| raw[doc.words[i].start..doc.words[end].end].to_string())
            })
            .collect()
    }

    #[test]
    fn makers_of_works() {
        for (raw, want) in [
            ("Unlike the Dratchev novel, it's not dark.", "Dratchev"),
            (
                "unlike the Ásgeirsdóttir novel, it's short",
                "Ásgeirsdóttir",
            ),
            ("I prefer the Roeterdink album", "Roeterdink"),
            ("have you read the Christiansen biography?", "Christiansen"),
        ] {
            assert_eq!(found(raw, maker), [want], "{raw}");
        }
        for raw in [
            "the Netflix film was long",
            "the Humira film on youtube",
            "the Pride novel",
            "the English novel",
            "the Danish film was long",
            "the France album",
            "the Xeljanz play button",
            "unlike the dratchev novel", // no capitals anywhere: no shape to read
        ] {
            assert!(
                found(raw, maker).is_empty(),
                "{raw}: {:?}",
                found(raw, maker)
            );
        }
    }

    #[test]
    fn former_members() {
        for (raw, want) in [
            ("This song by ex-Zombie Kastner is a gem", "Kastner"),
            ("a song by ex-Zombie Ryhänen, sadly", "Ryhänen"),
            ("my neighbour, ex-Marine Okafor, helped", "Okafor"),
        ] {
            assert_eq!(found(raw, former), [want], "{raw}");
        }
        for raw in [
            "ex-Google engineers built it",
            "my ex-Navy SEAL brother",
            "an ex-Pfizer Lipitor rep",
            "the ex-Beatles Reunion Tour",
            "my ex-husband Mark", // a relation, read by `cued`
        ] {
            assert!(
                found(raw, former).is_empty(),
                "{raw}: {:?}",
                found(raw, former)
            );
        }
    }

    #[test]
    fn people_by_their_character() {
        for (raw, want) in [
            (
                "Sunniva is very reliable. You can always depend on her.",
                "Sunniva",
            ),
            ("Why is Vehbija so impulsive?", "Vehbija"),
            ("Honestly Shovda is so stubborn about meds", "Shovda"),
            ("Aniela was really kind to me", "Aniela"),
        ] {
            assert_eq!(found(raw, by_character), [want], "{raw}");
        }
        for raw in [
            "Dexcom is very reliable",
            "Humira is very reliable for me",
            "Rinvoq is so amazing",
            "Fatigue is so annoying",
            "Remission is so sweet",
            "Everything is very reliable",
            "Shovda is very reliable", // a quality of things too, and no list holds the word
            "the clinic in Madison was nice",
            "Why is Glyceria so impulsive?", // one letter off "glycerin": maybe a typo
        ] {
            assert!(
                found(raw, by_character).is_empty(),
                "{raw}: {:?}",
                found(raw, by_character)
            );
        }
    }
}
