//! NAME by the slot a sentence gives a person (session 18, from probe set 20: the places a
//! forum's posts put a person, in every case): "in memory of Özlem", "a candle for wojciech",
//! "tagging Eilidh", "waiting for abebe to come out of theatre", "our tendai is on the
//! transplant list". Split from `name_mentions`, whose word tests it shares.

use super::lexicon::Doc;
use super::name_company::listed_as_word;
use super::name_mentions::{at, word_name, NAMED};
use super::name_near::person_here;
use super::names::sep;

/// "in memory of Özlem", "lighting a candle for wojciech", "so proud of ruby", "sitting with
/// frank in a&e", "tagging Eilidh because", "if joost reads this", "waiting for abebe to come
/// out of theatre", "anyone in touch with Arjun?", "we lost will last night", "our tendai is
/// on the transplant list": the words before word `i` (and, for some, the word after it) make
/// a slot only a person fills (session 18, from probe set 20: the places a forum's posts put
/// a person, in every case). Drugs, towns and things are in no one's memory, keep no one
/// waiting and are not tagged.
pub(super) fn persons_slot(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // "niamh and the team at the stoma clinic have been amazing": a person and their team,
    // opening the sentence.
    let with_team = text.starts_sentence(i)
        && i + 3 < n
        && at(text, i + 1) == "and"
        && matches!(at(text, i + 2), "the" | "his" | "her")
        && matches!(at(text, i + 3), "team" | "staff" | "nurses")
        && !text.is(i, super::lexicon::F_TOWN);
    if !with_team && (i == 0 || sep(text, i - 1) != " ") {
        return None;
    }
    let (p1, p2, p3) = if i == 0 {
        ("", "", "")
    } else {
        (
            at(text, i - 1),
            if i >= 2 { at(text, i - 2) } else { "" },
            if i >= 3 { at(text, i - 3) } else { "" },
        )
    };
    let next = at(text, i + 1);
    let gap = if i + 1 < n { sep(text, i) } else { "" };
    let closes = i + 1 == n || !gap.trim().is_empty();
    let slot = with_team
        || match (p2, p1) {
            ("memory", "of")
            | ("candle", "for" | "4")
            | ("cancerversary" | "anniversary", "to") => true,
            (_, "tagging") => true,
            // "For Venkatesh, who never gave up", "update on shaz still in hospital", "seen by
            // tesfaye bekele at the clinic", "Could Crystal please DM me".
            ("waiting", "for") => next == "to",
            (_, "for") => next == "who" || (gap.trim() == "," && at(text, i + 1) == "who"),
            ("update", "on") | ("seen", "by") => true,
            (_, "could" | "would" | "can") => next == "please",
            ("proud", "of") | ("check", "on") | ("touch", "with") => true,
            ("sitting" | "sat" | "spoke" | "talked" | "chatted", "with")
            | ("spoke" | "talked" | "chatted", "to") => true,
            (_, "if") => matches!(next, "reads" | "sees") && text.starts_sentence(i - 1),
            (_, "remember") => gap.trim_start().starts_with('?'),
            (_, "seeing" | "saw") => matches!(next, "so" | "in" | "at" | "today" | "yesterday"),
            (_, "took") => matches!(next, "for" | "to") && !matches!(at(text, i + 2), "be" | "get"),
            (_, "lost") => {
                matches!(next, "last" | "yesterday" | "today" | "this" | "on")
                    && matches!(p2, "we" | "i" | "they" | "just")
            }
            // Not a word ("Our Lady was good to us").
            (_, "our") => matches!(next, "is" | "was" | "has" | "had") && !listed_as_word(text, i),
            (_, "thanks" | "thank") => next == "for" && text.starts_sentence(i - 1),
            ("hugs" | "love", "to") => closes,
            ("welcome", _) => false,
            _ => {
                // "welcome to the group yui tanaka".
                matches!(p1, "group" | "forum" | "club")
                    && p2 == "the"
                    && p3 == "to"
                    && i >= 4
                    && at(text, i - 4) == "welcome"
            }
        };
    if !slot || (listed_as_word(text, i) && !word_name(text, i)) {
        return None;
    }
    // A name of the lists, a word no list knows, or a short one ("mo", "gaz"); a name that
    // is a word too only with its capital ("Tagging Eilidh", "lost will" stays a will).
    // The slot speaks whatever the case: a writer who capitalises sentences may not
    // capitalise a friend ("Waiting for abebe to come out of theatre").
    let who = person_here(text, i)
        || super::name_near::person_any_case(text, i)
        || (text.word(i).len() == 2
            && text.is(i, super::lexicon::F_FIRST)
            && !text.is(i, super::lexicon::F_FUNCTION | super::lexicon::F_ENGLISH))
        // Not at a clause's start, a verb's shape says nothing ("spoke to Mark at…").
        || (word_name(text, i) && text.cased && text.is_capitalised(i) && !with_team);
    if !who {
        return None;
    }
    // "yui tanaka", "tesfaye bekele": a surname after it.
    let end = if i + 1 < n
        && gap == " "
        && (text.is(i + 1, super::lexicon::F_SURNAME) || super::names::unknown(text, i + 1))
        && !text.is(
            i + 1,
            super::lexicon::F_ENGLISH | super::lexicon::F_FUNCTION,
        )
        && super::names::alpha(text, i + 1)
    {
        i + 1
    } else {
        i
    };
    Some((end, 0.6, NAMED))
}
