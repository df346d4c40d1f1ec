//! NAME by what a person does with the writer or has done for them, for names of origins the
//! lists lack, in any case: the one beside the writer in an outing ("efua and i went to the
//! clinic", "me and nyasha are doing the 5k"), the child or elder a carer takes somewhere
//! (`name_errands`), the circle the writer knows them from ("selam from work"), a member's
//! handle ("@wairimu"), a person with his or her family ("baraka and his wife"), and "she" or
//! "he" taking a word up. Words one letter off English and three-letter names, read in these
//! slots, are `name_near`'s.
//!
//! Members speak of their drugs as companions too ("me and methotrexate are not friends",
//! "humira and i are on a break"), so a word on no list beside the writer needs a verb of
//! something two people do together; a listed given name needs none (`name_roles::with_writer`).

use super::lexicon::{Doc, F_FUNCTION, F_NAME_WORD, F_RELATION, F_TITLE};
use super::name_company::{listed_as_word, person};
use super::name_doers::opens_clause;
use super::name_near::{known_name, person_here};
use super::names::{alpha, sep};

const NAMED: &str = "a person's name";

/// What two people do together, told by the words from `k` on: "went", "drove up", "took
/// turns", "are both", "are doing the 5k", "had a long talk"; not what one does with a drug
/// ("are on a break", "do not get along", "have a deal").
fn together(text: &Doc, k: usize) -> bool {
    // "kwame and i just got back", "we finally went": an adverb before the verb (session 14).
    let k = if matches!(
        text.lower_at(k),
        "just" | "finally" | "both" | "also" | "recently" | "always" | "often" | "then" | "even"
    ) && !matches!(text.lower_at(k + 1), "" | "and")
    {
        k + 1
    } else {
        k
    };
    let (v, a, b) = (text.lower_at(k), text.lower_at(k + 1), text.lower_at(k + 2));
    match v {
        "drove" | "walked" | "cried" | "laughed" | "talked" | "chatted" | "split" | "swapped"
        | "grabbed" | "sat" | "met" | "hosted" | "cooked" | "visited" | "spent" | "shared"
        | "flew" | "travelled" | "traveled" | "watched" | "married" | "both" | "baked"
        | "prayed" | "danced" | "hiked" | "swam" | "played" | "sang" | "live" | "lived"
        | "compare" | "compared" | "text" | "talk" | "chat" | "meet" | "worked" | "raised"
        | "adopted" | "argued" | "fought" | "joined" | "signed" | "volunteer" | "volunteered"
        | "carpool" => true,
        "go" | "went" => matches!(
            a,
            "to" | "for"
                | "out"
                | "back"
                | "there"
                // Session 14: "fatou and i went shopping", "went home together".
                | "shopping"
                | "swimming"
                | "walking"
                | "home"
                | "together"
                | "along"
                | "round"
                | "over"
                | "in"
        ),
        // Session 14: what two people did one day ("stayed up", "queued for hours", "had
        // lunch", "booked a holiday").
        "stayed" | "waited" | "queued" | "booked" | "moved" | "left" | "arrived" | "ate"
        | "decided" | "agreed" | "hugged" | "kissed" | "celebrated" | "ran" | "cycled" => true,
        "had"
            if matches!(
                a,
                "lunch" | "dinner" | "breakfast" | "tea" | "brunch" | "drinks"
            ) =>
        {
            true
        }
        "grew" => a == "up",
        "got" => matches!(
            a,
            "married" | "engaged" | "divorced" | "lost" | "separated" | "back" | "home" | "there"
        ),
        "took" => a == "turns",
        "used" => a == "to",
        "see" | "saw" => a == "the" && b == "same",
        "made" => a == "it",
        // "efua and i have the same consultant": two people share what a drug has not.
        "have" | "had" | "share" if a == "the" && b == "same" => true,
        // "are in the same boat", "were at uni together", "have been friends since school".
        "are" | "were" if matches!(a, "in" | "at") && matches!(b, "the" | "uni" | "school") => true,
        "have" if a == "been" && b == "friends" && text.lower_at(k + 3) == "since" => true,
        // "are both", "have been married 30 years", "will be at the conference".
        // "are doing ok", "were getting on fine": how one is, also beside a drug.
        "are" | "were"
            if matches!(
                b,
                "ok" | "okay" | "well" | "fine" | "great" | "good" | "better" | "alright"
            ) =>
        {
            false
        }
        "are" | "were" | "will" | "have" | "'re" => {
            matches!(
                if v == "will" || matches!(a, "been" | "so" | "really" | "very" | "still") {
                    b
                } else {
                    a
                },
                "both"
                    | "going"
                    | "doing"
                    | "hosting"
                    | "trying"
                    | "learning"
                    | "planning"
                    | "sharing"
                    | "married"
                    | "walking"
                    | "driving"
                    | "flying"
                    | "meeting"
                    | "visiting"
                    | "moving"
                    | "be"
                    | "expecting"
                    | "engaged"
                    | "neighbours"
                    | "neighbors"
                    // "tahu and i have been together 12 years".
                    | "together"
                    | "cousins"
                    | "roommates"
                    | "flatmates"
                    | "colleagues"
                    | "classmates"
                    | "texting"
                    | "talking"
                    | "chatting"
                    | "comparing"
                    | "swapping"
                    | "studying"
                    // Session 12: how two people feel ("oluwaseun and me are scared"); no drug
                    // or illness is.
                    | "scared"
                    | "worried"
                    | "terrified"
                    | "nervous"
                    | "heartbroken"
                    | "devastated"
                    | "gutted"
                    | "grieving"
                    | "praying"
                    | "hoping"
                    | "training"
                    | "volunteering"
                    | "caring"
                    | "living"
                    | "dating"
                    | "newlyweds"
                    | "twins"
                    | "siblings"
                    // Session 14: "Fatou and I are so tired": how two people are after a day.
                    | "tired"
                    | "exhausted"
                    | "knackered"
                    | "shattered"
                    | "excited"
                    | "thrilled"
                    | "relieved"
                    | "stressed"
                    | "upset"
                    | "off"
                    | "away"
                    | "home"
            ) && !(v == "will" && a != "be")
        }
        "had" => {
            a == "a"
                && matches!(
                    b,
                    "talk" | "chat" | "laugh" | "cry" | "walk" | "coffee" | "long" | "meal"
                )
        }
        _ => false,
    }
}

/// "efua and i went", "Thulani and I took turns", "me and nyasha are doing the 5k", "me & rudo
/// both": a word that may be a person joined to the writer, before what two people do together.
pub(super) fn beside_writer(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if listed_as_word(text, i) {
        return None;
    }
    // "efua and i …": the writer after the word, "and" (or "&") between.
    let writer_at = if sep(text, i) == " & " {
        Some(i + 1)
    } else if sep(text, i) == " " && text.lower_at(i + 1) == "and" && sep(text, i + 1) == " " {
        Some(i + 2)
    } else {
        None
    };
    // "with efua and me", "invited tendai and me": the two as one object need no verb.
    let object = i > 0
        && matches!(
            text.lower_at(i - 1),
            "with" | "for" | "to" | "invited" | "joined" | "visited" | "took"
        );
    let before_writer = writer_at.is_some_and(|me| {
        let w = text.lower_at(me);
        (object && w == "me")
            || (matches!(w, "i" | "me") && sep(text, me) == " " && together(text, me + 1))
    });
    // "me and nyasha are doing …".
    let after_writer = i >= 2
        && text.lower_at(i - 1) == "and"
        && text.lower_at(i - 2) == "me"
        && sep(text, i - 2) == " "
        && sep(text, i - 1) == " "
        && sep(text, i) == " "
        && together(text, i + 1);
    // What two people do together is a slot only a person fills: a near-English word too.
    ((before_writer || after_writer) && person_here(text, i)).then_some((i, 0.6, NAMED))
}

/// Every rule of this module at word `i`, in the order `names::detect` tries them.
pub(super) fn around_writer(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    beside_writer(text, i)
        .or_else(|| super::name_errands::errand(text, i))
        .or_else(|| known_from(text, i))
        .or_else(|| mentioned(text, i))
        .or_else(|| with_family(text, i))
}

/// Where people are from when a writer tells them apart: "selam from work", "ngaire from
/// church", "pita from next door". A drug comes "from the pharmacy", which is not here.
fn circle(a: &str, b: &str) -> bool {
    matches!(
        a,
        "work" | "church" | "school" | "uni" | "college" | "group" | "mosque" | "temple"
    ) || (a == "next" && b == "door")
        || (matches!(a, "my" | "our" | "the")
            && matches!(b, "group" | "church" | "ward" | "street"))
}

/// "selam from work brought me soup", "thanks to ngaire from church": a word that may be a
/// person, told apart by the circle the writer knows them from.
pub(super) fn known_from(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if listed_as_word(text, i) || sep(text, i) != " " || text.lower_at(i + 1) != "from" {
        return None;
    }
    // The circle closes the phrase ("selam from work brought me soup"); "sunosi from work
    // insurance" goes on to a noun.
    let last = if matches!(text.lower_at(i + 2), "next" | "my" | "our" | "the") {
        i + 3
    } else {
        i + 2
    };
    let after = text.lower_at(last + 1);
    let closes = last + 1 >= text.words.len()
        || sep(text, last) != " "
        || text.is(last + 1, F_FUNCTION)
        || after.ends_with("ed")
        || matches!(
            after,
            "brought"
                | "came"
                | "sent"
                | "made"
                | "took"
                | "gave"
                | "said"
                | "told"
                | "got"
                | "went"
                | "rang"
                | "drove"
                | "lent"
                | "says"
                | "keeps"
        );
    let found = sep(text, i + 1) == " "
        && circle(text.lower_at(i + 2), text.lower_at(i + 3))
        && closes
        && (i == 0 || !matches!(text.lower_at(i - 1), "the" | "a" | "my" | "our" | "some"))
        // Only people are from a circle: a word one letter off English too ("selam": "slam",
        // "inti": "into").
        && known_name(text, i);
    found.then_some((i, 0.6, NAMED))
}

/// "@wairimu thank you": a member addressed by the handle they post under, read as a name
/// when it could be one ("@everyone", "@mods" are words).
pub(super) fn mentioned(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let start = text.words[i].start;
    let before = &text.raw[..start];
    let at_sign = before
        .strip_suffix('@')
        .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
    (at_sign && !listed_as_word(text, i) && person(text, i)).then_some((i, 0.6, NAMED))
}

/// "baraka and his wife", "sikya and her mum": a word joined by "and" to his or her relative;
/// a drug's companions are "its" ("humira and its side effects"). Opening a clause, a name
/// that is also a word counts too ("hone and his sister came", "rose and her mum were
/// there"): no thing has a sister.
pub(super) fn with_family(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let found = sep(text, i) == " "
        && text.lower_at(i + 1) == "and"
        && sep(text, i + 1) == " "
        && matches!(text.lower_at(i + 2), "his" | "her")
        && sep(text, i + 2) == " "
        && text.is(i + 3, F_RELATION)
        && ((!listed_as_word(text, i) && person(text, i))
            || (opens_clause(text, i) && name_word(text, i)));
    found.then_some((i, 0.6, NAMED))
}

/// Word `i` is a name that is also an English word ("hone", "rose", "pearl"), and no
/// function word, relation or title, written as a name is where the writer uses capitals.
fn name_word(text: &Doc, i: usize) -> bool {
    text.is(i, F_NAME_WORD)
        && !text.is(i, F_FUNCTION | F_RELATION | F_TITLE)
        && text.lower_word(i).len() >= 3
        && alpha(text, i)
        && (!text.cased || !text.titled || text.is_capitalised(i))
}

/// Whether "she" or "he" opens a clause, or "her" or "him" stands, within the next dozen
/// words from `k` after what one does to a person ("owe her", "thank him"), before any other
/// person, thing or "it" could be what it stands for ("rudo saved my life when i collapsed,
/// she…", "…, i owe her everything"; not "rinvoq saved my life, my rheumy says she…", "…,
/// it works").
pub(super) fn taken_up(text: &Doc, k: usize) -> bool {
    let n = text.words.len();
    for j in k..(k + 12).min(n) {
        let w = text.lower_word(j);
        let other = matches!(w, "it" | "its" | "they" | "them" | "this" | "that")
            || text.is(j, F_RELATION | F_TITLE);
        if other || (j > k && text.is_capitalised(j) && !text.starts_sentence(j)) {
            return false;
        }
        // "kirra saved my life, i owe her everything": a drug is no "her" or "him" that one
        // owes, thanks or hugs.
        if matches!(w, "her" | "him")
            && j > k + 2
            && matches!(
                text.lower_word(j - 1),
                "owe" | "thank" | "thanked" | "hugged" | "hug" | "love" | "miss" | "told"
            )
        {
            return true;
        }
        if matches!(w, "she" | "he") && j > k {
            let gap = sep(text, j - 1);
            let opens = gap.contains([',', '.', '!', '?', ';', '\n', '-'])
                || matches!(
                    text.lower_word(j - 1),
                    "and" | "because" | "cos" | "when" | "so"
                );
            return opens;
        }
    }
    false
}

#[cfg(test)]
#[path = "name_writer_tests.rs"]
mod tests;
