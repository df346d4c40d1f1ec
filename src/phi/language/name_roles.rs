//! NAME: one capitalised word whose role the words around it give, where no list knows it:
//! the maker of a work ("unlike the Dratchev novel", "the Ruoho album"), a former member ("ex-
//! Zombie Kastner", "ex-Marine Okafor"), and a person by their character ("Irenka is very
//! reliable", "why is Glyceria so impulsive?"). A word of a thing takes the first two shapes
//! too ("the Netflix film", "ex-Google engineers"), so each asks for a word no list holds as
//! English, a drug or an organisation (`name_like`), listed as a name or on no list.
//!
//! In any case, a given name beside the writer or their relation: "me and thandeka", "Kemal and I",
//! "emeka, my brother", and a Korean or Chinese given name in two hyphenated parts after a
//! relation ("my friend Jun-seo", "my daughter min-ji").
//!
//! Adjectives of character split in two: those said only of people ("stubborn", "impulsive")
//! take any such word; those said of things too ("reliable", "amazing") only a listed given
//! name ("Sunniva is very reliable", not "Dexcom is very reliable").

use super::countries::{country, demonym};
use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_STATE, F_SURNAME, F_TITLE,
    F_WORLD,
};
use super::medicines;
use super::name_alone::name_like;
use super::name_places::after_place_word;
use super::names::{alpha, hyphenated, sep, unknown};

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
    if !text.cased {
        return None;
    }
    let w = |k: usize| text.lower_at(k);
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
    // The sentence's shape first, the word's look-ups last: they cost the most.
    if !(character(a) || quality(a)) || !person_like(text, i) {
        return None;
    }
    let ok = (character(a) && given_or_unknown(text, i))
        || (quality(a) && text.is(i, F_FIRST | F_WORLD));
    ok.then_some((i, 0.6, NAMED))
}

/// A word that can stand for a person in any case: letters, no word of any list but the
/// names' (no English word, relation, title, state, drug or insurer), listed as a given name.
/// A word on no list is not enough here: members speak of their drugs as companions ("me and
/// methotrexate"), and no list holds every drug.
fn person_word(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    alpha(text, i)
        && w.chars().count() >= 3
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_RELATION | F_TITLE | F_STATE,
        )
        && !medicines::brand(w)
        && !medicines::stem(w)
        && !name_like_organisation(text, i)
        && (!text.cased || text.is_capitalised(i))
        && text.is(i, F_FIRST)
}

/// An insurer, maker or site, as `name_like` reads them (capitalised or not).
fn name_like_organisation(text: &Doc, i: usize) -> bool {
    super::name_alone::organisation(text.lower_word(i))
}

/// Word `i` is joined by "and" to the writer after it: "Kemal and I", "kemal and me", "daisy
/// and i" where no name has a capital. The one test of it, for the name-words' rule too
/// (`name_word_people`).
pub(super) fn and_writer(text: &Doc, i: usize) -> bool {
    let n = text.words.len();
    let spaced = |k: usize| k + 1 < n && sep(text, k) == " ";
    spaced(i) && spaced(i + 1) && text.lower_word(i + 1) == "and" && {
        let me = text.lower_word(i + 2);
        me == "me" || (me == "i" && (text.word(i + 2) == "I" || !text.cased))
    }
}

/// "me and thandeka", "Kemal and I went", "with kemal and me": a given name joined by "and" to the
/// writer is a person.
pub(super) fn with_writer(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    let w = |k: usize| text.lower_at(k);
    let spaced = |k: usize| k + 1 < n && sep(text, k) == " ";
    let before = i >= 2 && w(i - 1) == "and" && w(i - 2) == "me" && spaced(i - 2) && spaced(i - 1);
    let after = and_writer(text, i);
    // Session 18: "me and bex are doing the Race for Life": before what the two do together, a
    // short or one-letter-off word no list knows is a name too.
    // Session 19: and "onyekachi and I have spare t-shirts", "agarwal and i went".
    let together = |k: usize| {
        spaced(k - 1)
            && matches!(
                w(k),
                "are" | "were" | "went" | "have" | "had" | "both" | "got" | "r" | "did" | "started"
            )
    };
    // Opening a sentence, a word no list knows may be a drug ("trintellix and i have been
    // friends"): there, a listed name only.
    let listed = text.is(i, F_FIRST | F_SURNAME);
    if ((before && spaced(i) && together(i + 1)) || (after && listed && together(i + 3)))
        // The slot speaks for the word whatever the case.
        && super::name_near::person_any_case(text, i)
    {
        return Some((i, 0.6, NAMED));
    }
    // Session 14: "Dieter und ich", "Marie et moi", "Juan y yo", "João e eu", "Jan en ik",
    // "Ahmet ve ben": the same pair in the languages members mix into their English, where
    // only a person stands before it.
    let abroad = spaced(i) && spaced(i + 1) && super::foreign::and_i(w(i + 1), w(i + 2));
    if abroad && super::name_company::person(text, i) {
        return Some((i, 0.6, NAMED));
    }
    // Session 14: "just me and Oksana tonight": a capital inside a sentence, from a writer who
    // uses capitals, marks a name the lists lack as `person_word` marks a listed one.
    let capital = text.cased
        && !text.starts_sentence(i)
        && text.is_capitalised(i)
        && super::name_company::person(text, i);
    let hyphened = super::names::hyphen_tail(text, i);
    ((before || after) && (person_word(text, i) || capital || hyphened)).then_some((i, 0.6, NAMED))
}

/// "emeka my brother drove me", "Emeka, my brother, …", "Khadija (my daughter)": a word before
/// "my" and a relation,
/// opening a sentence or after a comma.
pub(super) fn apposed(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // Session 14: "our" too ("tavita our youngest had grommets"), and "my" in the languages
    // members mix into their English ("Stefano mio padre", "Dieter mein Mann").
    if i + 2 >= n
        || !(text.is(i + 2, F_RELATION) || matches!(text.lower_word(i + 2), "padre" | "mann"))
    {
        return None;
    }
    // Session 15: someone else's relation, set off by commas or brackets on both sides
    // ("Nomvula, his wife, is exhausted", "Thabo (her son) drove").
    let theirs = matches!(text.lower_word(i + 1), "his" | "her" | "their")
        && matches!(sep(text, i), ", " | " (" | "(")
        && (i + 3 >= n || sep(text, i + 2).starts_with([',', ')']));
    if !theirs
        && !matches!(
            text.lower_word(i + 1),
            "my" | "our" | "mio" | "mia" | "mi" | "mon" | "ma" | "mein" | "meine" | "moja" | "moj"
        )
    {
        return None;
    }
    // "Khadija (my daughter) set up", "Dobroslava (my mum) is refusing" too.
    if !matches!(sep(text, i), " " | ", " | " (" | "(") || sep(text, i + 1) != " " {
        return None;
    }
    let opens = text.starts_sentence(i) || sep(text, i - 1).contains(',');
    // A word on no list too: no one calls a drug "my carer" or "my neighbour"; but a drug is
    // what "my doctor says" or "my rheumy prescribed" is about.
    let about = i + 3 < n
        && matches!(
            text.lower_word(i + 3),
            "says"
                | "said"
                | "thinks"
                | "reckons"
                | "told"
                | "suggested"
                | "wants"
                | "recommended"
                | "recommends"
                | "prescribed"
                | "put"
                | "switched"
                | "started"
                | "added"
                | "upped"
        );
    // "rangi my partner has been amazing": before what its subject does, the relation is
    // the word's apposition, so a word one letter off English counts too ("range").
    let does = i + 3 < n && super::name_typos::subject_verb(text.lower_word(i + 3));
    let who = person_word(text, i)
        || super::names::hyphen_tail(text, i)
        || (!about && super::name_company::person(text, i))
        || (!about && does && super::name_near::person_here(text, i));
    (opens && who).then_some((i, 0.6, NAMED))
}

/// "Tesfaye and Abebe (my two brothers)", "Hope and Faith (my twin girls)", "Sipho and
/// Thandi, our kids, …": two words joined by "and" opening a clause, then a plural relation of
/// the writer's set off by a bracket or a comma (session 15). Both are people: the span runs
/// over the pair. Each word needs a capital where the writer uses capitals, and letters.
pub(super) fn apposed_pair(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i + 5 >= n
        || text.lower_word(i + 1) != "and"
        || sep(text, i) != " "
        || sep(text, i + 1) != " "
        || !matches!(sep(text, i + 2), " (" | ", " | " - " | " – " | " — ")
        || !matches!(text.lower_word(i + 3), "my" | "our")
    {
        return None;
    }
    let opens = text.starts_sentence(i) || (i > 0 && sep(text, i - 1).contains(','));
    let word = |k: usize| {
        alpha(text, k)
            && text.word(k).chars().count() >= 2
            && (!text.cased || text.is_capitalised(k))
            && !text.is(k, F_FUNCTION | F_RELATION | F_TITLE)
    };
    // "my two brothers", "our twin girls", "my kids": a plural relation, one word in between.
    let plural = |k: usize| {
        let w = text.lower_word(k);
        text.is(k, F_RELATION)
            && (w.ends_with('s') || matches!(w, "children" | "grandchildren" | "twins"))
            || w.strip_suffix('s').is_some_and(super::lexicon::relation)
            || matches!(w, "girls" | "boys" | "kids" | "parents" | "grandparents")
    };
    let related = plural(i + 4)
        || (matches!(
            text.lower_word(i + 4),
            "two" | "three" | "twin" | "little" | "youngest" | "eldest" | "older" | "younger"
        ) && plural(i + 5));
    (related && opens && word(i) && word(i + 2)).then_some((i + 2, 0.6, NAMED))
}

/// "my friend Jun-seo", "my daughter min-ji": a given name in two short hyphenated parts, no
/// function word and not both English words, after a relation.
pub(super) fn hyphen_given(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if i == 0 || i + 1 >= n || sep(text, i) != "-" || !text.is(i - 1, F_RELATION) {
        return None;
    }
    if sep(text, i - 1) != " " || (text.lower_among_capitals(i)) {
        return None;
    }
    let part = |k: usize| {
        let len = text.word(k).chars().count();
        alpha(text, k) && (2..=5).contains(&len) && !text.is(k, F_FUNCTION)
    };
    // One part may be an English word ("Min-ji"), not both ("ice-pack").
    let english = text.is(i, F_ENGLISH) && text.is(i + 1, F_ENGLISH);
    // Prefixes of English compounds ("re-booked", "co-signed", "x-ray", "pre-op", "e-mail").
    let prefix = matches!(
        text.lower_word(i),
        "re" | "co" | "pre" | "non" | "ex" | "x" | "e" | "de" | "un" | "mid" | "sub" | "anti"
    );
    (part(i) && part(i + 1) && !english && !prefix).then_some((i + 1, 0.7, NAMED))
}

/// Kin said after a name, which follows no thing ("meera didi", "ramesh uncle", "Seo-yeon
/// unnie"): with it, a listed given name that is a word too is a name.
fn kin_after_name(w: &str) -> bool {
    matches!(
        w,
        "ji" | "didi"
            | "bhaiya"
            | "bhai"
            | "bhabhi"
            | "aunty"
            | "auntie"
            | "uncle"
            | "chacha"
            | "chachi"
            | "khala"
            | "akka"
            | "amca"
            | "teyze"
            | "unnie"
            | "eonni"
            | "noona"
            | "nuna"
            | "oppa"
            | "hyung"
    )
}

/// The other honorifics and kin words after a name, which may follow a word too ("mama",
/// "anna", "san"): with them only a word that could be a name on its own counts.
fn honorific_after_name(w: &str) -> bool {
    matches!(
        w,
        "san"
            | "chan"
            | "kun"
            | "sama"
            | "sensei"
            | "ssi"
            | "nim"
            | "dayi"
            | "hala"
            | "abla"
            | "abi"
            | "hanim"
            | "bey"
            | "mama"
            | "mami"
            | "khanum"
            | "agha"
            | "anna"
            | "amma"
            | "paati"
            | "thatha"
            | "ajji"
            | "nani"
            | "dadi"
    )
}

/// "sharma ji told me to rest", "Tanaka-san helped me", "kim ssi": a name with the
/// honorific that follows it in Hindi, Japanese or Korean; and with the kin word that follows
/// a name in South Asian, Turkish, Persian and Nigerian English ("lakshmi aunty", "Kemal amca",
/// "meera didi", "ayse teyze", "ramesh uncle", "Hassan agha").
pub(super) fn honoured(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let after = if i + 1 < text.words.len() {
        text.lower_word(i + 1)
    } else {
        ""
    };
    let found = (kin_after_name(after) || honorific_after_name(after))
        && matches!(sep(text, i), " " | "-")
        // The honorific closes the name: "san" opens a place's ("San Diego").
        && (i + 2 == text.words.len() || !text.is_capitalised(i + 2) || !text.cased)
        && (super::name_company::person(text, i)
            || super::names::hyphen_tail(text, i)
            // Session 16: "sunny bhai", "Pinky didi": a listed given name that is a word too,
            // before kin no thing takes.
            || (kin_after_name(after)
                && text.is(i, super::lexicon::F_FIRST)
                && !text.is(i, super::lexicon::F_FUNCTION | super::lexicon::F_RELATION)));
    found.then_some((i, 0.6, NAMED))
}

#[cfg(test)]
#[path = "name_roles_tests.rs"]
mod tests;
