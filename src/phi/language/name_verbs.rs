//! NAME by the verb beside it: a name opening a sentence as the subject of what only people do
//! ("Enrico shouted at…", "Sofie lives on Via dei Fiorentini", "Sipho came with me"), and a
//! name given or told
//! something of its own ("had given Belle his address").

use super::lexicon::{Doc, F_CENSUS_FIRST, F_FIRST, F_SURNAME};
use super::name_alone::name_like;
use super::name_speech::given_not_word;
use super::names::{cap, common, first, sep, unknown, GIVEN};

/// "Enrico shouted at Gary", "Sofie lives on Via dei Fiorentini", "Tomomi is from Hawkins": a
/// name (listed, or no word any list knows) opening a sentence as the subject of a verb that
/// only a person does. Drugs "work" and "help", insurers "say" and "deny": those verbs are not
/// here.
pub(super) fn subject(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // At a sentence's start, or after a word that opens one ("Yesterday Ngaire drove me").
    let opens = text.starts_sentence(i)
        || (i > 0
            && text.starts_sentence(i - 1)
            && sep(text, i - 1) == " "
            && opener(text.lower_word(i - 1)));
    if i + 1 >= n || !opens || sep(text, i) != " " || !name_like(text, i) {
        return None;
    }
    let verb = text.lower_word(i + 1);
    let next = if i + 2 < n && sep(text, i + 1) == " " {
        text.lower_word(i + 2)
    } else {
        ""
    };
    // Verbs only people do: any name, listed or on no list.
    let only_people = matches!(
        verb,
        "shouted"
            | "yelled"
            | "screamed"
            | "whispered"
            | "married"
            | "texted"
            | "smiled"
            | "laughed"
            | "cried"
            | "sobbed"
            | "hugged"
    ) || (verb == "began" && matches!(next, "writing" | "singing" | "painting"))
        || carried_me(verb, next);
    // Verbs a thing can take too ("Skyrizi lives in my fridge", "Rinvoq is from AbbVie"): a
    // listed name only.
    let mostly_people = matches!(verb, "lives" | "lived")
        || (matches!(verb, "is" | "was" | "comes" | "came") && next == "from")
        || (verb == "spent" && matches!(next, "a" | "the" | "two" | "three" | "years"))
        || (verb == "grew" && next == "up");
    // "lives on Via dei Fiorentini", "lives at 12 Rua Mina": a drug lives in a fridge, not on
    // or at a street; any name.
    let at_home = matches!(verb, "lives" | "lived") && matches!(next, "on" | "at");
    let listed = text.is(i, F_FIRST | F_SURNAME);
    if !(((only_people || at_home) && (listed || unknown(text, i))) || (mostly_people && listed)) {
        return None;
    }
    Some((i, 0.6, GIVEN))
}

/// Words that open a sentence before its subject: "Yesterday Ngaire drove me".
fn opener(w: &str) -> bool {
    matches!(
        w,
        "yesterday"
            | "today"
            | "tonight"
            | "then"
            | "later"
            | "also"
            | "luckily"
            | "thankfully"
            | "finally"
            | "and"
            | "but"
            | "so"
    )
}

/// What a person does for the writer, and a drug or a clinic does not: "drove me", "came with
/// me", "picked us up", "sat with me", "visited me", "brought me soup", "cooked for us".
fn carried_me(verb: &str, next: &str) -> bool {
    let me = matches!(next, "me" | "us" | "mum" | "mom" | "dad");
    match verb {
        "drove" | "picked" | "visited" | "brought" | "walked" | "hugged" | "kissed" => me,
        "came" | "sat" | "stayed" | "went" => next == "with",
        "cooked" => matches!(next, "for" | "dinner" | "me" | "us"),
        _ => false,
    }
}

/// "Scott had given Belle his address", "I sent Oyelaran my notes": a name between a verb of
/// giving or telling and a possessive is the one given to. A Census given name even if it is
/// a word too ("Belle", "Angel"), or a name-shaped word on a list or on none; in a post without
/// capitals, a listed given name that is no word ("cormac had given cormac his address").
pub(super) fn given_to(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || i + 1 >= text.words.len() || sep(text, i - 1) != " " || sep(text, i) != " " {
        return None;
    }
    let giving = matches!(
        text.lower_word(i - 1),
        "give"
            | "gives"
            | "gave"
            | "given"
            | "giving"
            | "send"
            | "sends"
            | "sent"
            | "hand"
            | "handed"
            | "show"
            | "showed"
            | "shown"
            | "tell"
            | "told"
            | "offered"
            | "emailed"
            | "texted"
            | "lent"
            | "paid"
    );
    let possessive = matches!(
        text.lower_word(i + 1),
        "his" | "her" | "their" | "my" | "our" | "your"
    );
    if !giving || !possessive {
        return None;
    }
    let named = if text.cased {
        cap(text, i)
            && ((text.is(i, F_CENSUS_FIRST) && given_not_word(text, i))
                || (name_like(text, i) && (text.is(i, F_FIRST | F_SURNAME) || unknown(text, i))))
    } else {
        first(text, i) && !common(text, i)
    };
    named.then_some((i, 0.6, GIVEN))
}

#[cfg(test)]
mod tests {
    use super::super::name_cues::tests::{finds, names};

    /// The one given or told something of their own: between a verb of giving and a
    /// possessive, a given name even if a word, or a name on no list.
    #[test]
    fn names_given_to() {
        finds(&[
            ("Scott had given Belle his address.", "Belle"),
            ("I sent Oyelaran my notes from the visit", "Oyelaran"),
            ("cormac had given cormac his address", "cormac"),
        ]);
        for raw in [
            "I gave Humira my best shot",
            "we gave Medicare our details",
            "they sent Monday their answer",
            "I told everyone my news",
            "gave it my all",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }

    /// What people do for the writer ("drove me", "came with me"), at a sentence's start or
    /// after a word opening it; not a drug, a clinic or a month.
    #[test]
    fn subjects_who_carried_the_writer() {
        finds(&[
            ("Yesterday Ngaire drove me to the infusion", "Ngaire"),
            ("Nomvula came with me to the appointment", "Nomvula"),
            ("Thankfully Oyelaran picked me up after", "Oyelaran"),
        ]);
        for raw in [
            "Humira came with me on holiday",
            "Yesterday Kaiser called me",
            "Yesterday Aetna drove me mad",
            "Today Rinvoq came with a new card",
            "Yesterday March came with snow",
            "Then Uber drove me home",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }

    /// Living on or at a street, and beginning to write, are only people's: a name on no list
    /// too. A drug lives in a fridge.
    #[test]
    fn subjects_at_home_and_writing() {
        finds(&[
            ("Timotea lives on Via dei Fiorentini 17.", "Timotea"),
            ("Järvilehto began writing as a teenager.", "Järvilehto"),
        ]);
        for raw in [
            "Skyrizi lives in my fridge.",
            "Tremfya lives on the top shelf.",
        ] {
            assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
        }
    }
}
