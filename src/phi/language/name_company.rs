//! NAME by the company a word keeps, for names no cue before them marks and no list may hold,
//! typed in any case: the one the writer is with, talks to, waits for or thanks ("hanging out
//! with thandeka", "talked to mekdes", "thanks to losana"), the subject of what only people do
//! inside a sentence ("i think kemal is right", "lol xiaoling says"). The writer's own name
//! is in `name_self`.
//!
//! The word must be a listed given name (any origin) or a word no list knows (`unknown`: no
//! English word nor one letter off one), and neither a drug, an insurer or a tool, a country,
//! a chat word nor a disease: members keep company with their drugs too ("sat with my
//! humira"), so a word that is a thing must stay one.

use super::countries::{country, demonym};
use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_STATE, F_STATE_ABBR, F_SURNAME,
    F_TITLE,
};
use super::medicines;
use super::name_alone::organisation;
use super::name_near::person_here;
use super::name_words::eponym;
use super::names::{acronym, alpha, cap, joined, mid_cap, sep, surname_after, unknown};

const NAMED: &str = "a person's name";

/// Words that read as names to the lists' eyes but are things members live with: assistants
/// and sites they "ask" or "talk to", chat words, and illnesses by their short names.
pub(super) fn thing(w: &str) -> bool {
    matches!(
        w,
        "chatgpt"
            | "alexa"
            | "siri"
            | "google"
            | "gemini"
            | "copilot"
            | "reddit"
            | "youtube"
            | "tiktok"
            | "insta"
            | "instagram"
            | "facebook"
            | "whatsapp"
            | "zoom"
            | "mychart"
            | "webmd"
            // Session 22: malted and energy drinks members live on ("horlicks keeps me going").
            | "horlicks"
            | "ovaltine"
            | "bournvita"
            | "complan"
            | "lucozade"
            | "ribena"
            | "covid"
            | "omicron"
            // Session 17: units and schemes by their short names ("the nicu nurse said",
            // "does sha cover dialysis", Kenya's Social Health Authority).
            | "nicu"
            | "picu"
            | "scbu"
            | "hdu"
            | "ccu"
            | "sha"
            | "fibro"
            | "endo"
            | "crohns"
            | "hashimotos"
            // Session 12: treatments patients shorten, not on the English list ("chemo and me
            // are grieving my hair").
            | "chemo"
            | "physio"
            | "rads"
            | "immuno"
            | "meds"
            | "tmrw"
            | "tomoz"
            // Session 14: watches and trackers members quote ("thanks garmin", "my fitbit says").
            | "garmin"
            | "fitbit"
            | "oura"
            | "whoop"
            | "strava"
            | "dexcom"
            | "libre"
            | "omnipod"
            | "nite"
            | "lmao"
            | "lmfao"
            | "yall"
            | "gonna"
            | "wanna"
            | "gotta"
            | "kinda"
            | "dunno"
            | "hubby"
            | "wifey"
            | "bestie"
            | "hunni"
            | "hunny"
            | "hunnie"
            | "babes"
            | "bae"
            | "lovey"
            // Chat words, blessings and sign-offs of many languages, not on the English list:
            // "x mwah", "- namaste", "- tldr".
            | "mwah"
            | "namaste"
            | "inshallah"
            | "inshaallah"
            | "mashallah"
            | "alhamdulillah"
            | "shalom"
            | "salaam"
            | "asante"
            | "tldr"
            | "ttyl"
            | "ttfn"
            | "gtg"
            | "imho"
            | "fwiw"
            | "afaik"
            | "iirc"
            | "nvm"
            | "thnx"
            | "thanx"
            | "xoxo"
            | "hugz"
            | "luv"
    )
}

/// Whether the writer capitalises names: capitals beyond acronyms ("so thilini rang the GP" is
/// written in lower case).
fn names_cased(text: &Doc) -> bool {
    text.cased && text.titled
}

/// The first check of every rule here, one look-up: most words of a post are English or
/// function words, which none of these rules takes for a name.
pub(super) fn listed_as_word(text: &Doc, i: usize) -> bool {
    text.is(
        i,
        F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_RELATION | F_TITLE | F_STATE | F_STATE_ABBR,
    )
}

/// Word `i` could be a name by what it is not: letters, three or more, capitalised when the
/// writer uses capitals, on no list but the names', no drug, insurer, tool, illness, country
/// or people.
pub(super) fn plain(text: &Doc, i: usize) -> bool {
    (!names_cased(text) || text.is_capitalised(i)) && plain_in_any_case(text, i)
}

/// `plain` whatever the case: where the place itself marks a name ("… — bisi" signing a post
/// whose writer uses capitals elsewhere).
pub(super) fn plain_in_any_case(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    w.chars().count() >= 3
        && alpha(text, i)
        && !acronym(text, i)
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_RELATION | F_TITLE | F_STATE | F_STATE_ABBR,
        )
        && !thing(w)
        // Kin by words the relation list lacks ("grampa is 72", "pops and i went"): people
        // the ages' rules know, not names.
        && !super::age_words::person(w)
        && !super::age_words::singular_person(w)
        && !medicines::brand(w)
        // A disease's or drug's ending, unless a list holds the word as a given name
        // ("Ifeoma", "Chioma" end as "lymphoma" does).
        && (!medicines::stem(w) || text.is(i, F_FIRST))
        && !organisation(w)
        && !eponym(w)
        && !demonym(w)
        && !country(text, i)
        && !handle(text.word(i))
}

/// A forum handle written in CamelCase of English words ("FoggyBrainMum", "TiredDad",
/// "SpoonieLife"): no one's name, though no list holds it (session 18). A name's own capitals
/// ("McDonald", "LaToya", "DeShawn", "VanDyke") start with a particle or a part no word is.
pub(super) fn handle(raw: &str) -> bool {
    let b = raw.as_bytes();
    if b.len() < 6 || !b[0].is_ascii_uppercase() || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut parts = 0;
    let mut start = 0;
    for k in 1..=b.len() {
        if k == b.len() || (b[k].is_ascii_uppercase() && b[k - 1].is_ascii_lowercase()) {
            let part = raw[start..k].to_ascii_lowercase();
            let particle = start == 0
                && matches!(
                    part.as_str(),
                    "mc" | "mac" | "van" | "von" | "de" | "di" | "da" | "del" | "la" | "le" | "st"
                );
            if particle || part.len() < 3 || !super::lexicon::english(&part) {
                return false;
            }
            parts += 1;
            start = k;
        }
    }
    parts >= 2
}

/// Word `i` may be a person here: `plain`, and a listed name (any origin; "so daoud rang") or
/// a word no list knows. A capital mid-sentence is evidence enough for a word one letter off English
/// ("Had coffee with Palesa"). `unknown`, which spends the post's typo budget, goes last.
pub(super) fn person(text: &Doc, i: usize) -> bool {
    plain(text, i) && (text.is(i, F_FIRST | F_SURNAME) || mid_cap(text, i) || unknown(text, i))
}

/// Word `k` of the post, lower case, or "" past its end.
fn at_word<'t>(text: &'t Doc, k: usize) -> &'t str {
    if k < text.words.len() {
        text.lower_word(k)
    } else {
        ""
    }
}

/// The word `k` words before `i`, or "" before the post.
fn back<'t>(text: &'t Doc, i: usize, k: usize) -> &'t str {
    if i >= k {
        text.lower_word(i - k)
    } else {
        ""
    }
}

/// Verbs after which "with" names company, not an illness or a tool ("hanging out with",
/// "sat with", "a walk with"; not "diagnosed with", "living with", "dealing with").
fn company_verb(w: &str) -> bool {
    matches!(
        w,
        "out"
            | "hanging"
            | "hung"
            | "sat"
            | "sitting"
            | "went"
            | "going"
            | "came"
            | "coming"
            | "weekend"
            | "day"
            | "evening"
            | "night"
            | "walk"
            | "coffee"
            | "lunch"
            | "dinner"
            | "drinks"
            | "chat"
            | "chatted"
            | "talked"
            | "spoke"
            | "stayed"
            | "staying"
            | "met"
            | "clinic"
            | "hospital"
            | "appointment"
            | "pharmacy"
            | "phone"
            | "call"
            | "group"
            | "afternoon"
            | "morning"
            | "along"
            | "together"
            | "chatting"
            | "talking"
            | "shopping"
            | "laughing"
            | "crying"
    )
}

/// "…when it happened", "…at the time", "…all day": the words after "was with X" that make
/// it a moment spent with a person.
fn at_moment(text: &Doc, k: usize) -> bool {
    let (a, b) = (at_word(text, k), at_word(text, k + 1));
    matches!(
        a,
        "when" | "while" | "whe" | "wen" | "all" | "yesterday" | "today" | "tonight"
    ) || (a == "at" && b == "the" && at_word(text, k + 2) == "time")
        || (a == "the" && matches!(b, "whole" | "night" | "day"))
        || (a == "last" && matches!(b, "night" | "week"))
}

/// "with" just before word `i`.
fn with_before(text: &Doc, i: usize) -> bool {
    i > 0 && back(text, i, 1) == "with" && sep(text, i - 1) == " "
}

/// "w nnamdi", "w/ kwadwo": the text-message "with", which no one writes of an illness
/// ("dx with …"), so it needs no verb before it.
fn chat_with_before(text: &Doc, i: usize) -> bool {
    i > 0 && back(text, i, 1) == "w" && matches!(sep(text, i - 1), " " | "/ " | "/")
}

/// Where only a person is visited, from word `k` on: "in hospital", "in icu", "at the
/// hospice", "at her place" ("visited rotorua at easter" is a town's visit).
fn visited_where(text: &Doc, k: usize) -> bool {
    let (a, b, c) = (at_word(text, k), at_word(text, k + 1), at_word(text, k + 2));
    let ward = |x: &str| {
        matches!(
            x,
            "hospital" | "icu" | "hospice" | "rehab" | "nicu" | "ward" | "prison" | "jail"
        )
    };
    match a {
        "in" => ward(b) || (b == "the" && ward(c)),
        "at" => {
            matches!(b, "home" | "hospice")
                || (matches!(b, "her" | "his" | "their")
                    && matches!(c, "place" | "house" | "flat" | "home"))
                || (b == "the" && (ward(c) || matches!(c, "care" | "nursing")))
        }
        _ => false,
    }
}

/// "hanging out with thandeka", "talked to mekdes", "thanks to losana", "texted sipho",
/// "waiting for chidinma", "without dinesh", "me n oluwaseun": word `i` in a slot that a
/// person fills.
pub(super) fn company(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i == 0 || listed_as_word(text, i) {
        return None;
    }
    let (p1, p2, p3) = (back(text, i, 1), back(text, i, 2), back(text, i, 3));
    let spaced = sep(text, i - 1) == " ";
    let slot = if chat_with_before(text, i) {
        true
    } else if with_before(text, i) {
        // The verb may stand a word or two back: "spent the weekend with", "went for a walk w".
        company_verb(p2)
            || company_verb(p3)
            // "i was with ayumi when the call came": being with someone at a moment (not
            // "i was with bupa for years", an insurer).
            || (matches!(p2, "was" | "were" | "been") && at_moment(text, i + 1))
    } else if !spaced {
        // "me & chinedu"; "me (afsaneh) and my mum": the writer naming themselves in
        // brackets, before the others they name.
        p1 == "me"
            && (sep(text, i - 1) == " & "
                || (sep(text, i - 1) == " ("
                    && sep(text, i) == ") "
                    && matches!(at_word(text, i + 1), "and" | "n" | "my")))
    } else {
        match p1 {
            "to" => {
                matches!(
                    p2,
                    "talked" | "talking" | "spoke" | "speaking" | "chatted" | "thanks" | "shoutout"
                ) || (p2 == "out" && p3 == "shout")
                    // "thanks again to ikaika", "thank you to wiremu".
                    || (p2 == "again" && matches!(p3, "thanks" | "thx"))
                    || (p2 == "you" && p3 == "thank")
                    // "sat next to afua at the infusion centre".
                    || (p2 == "next" && matches!(p3, "sat" | "sitting" | "sits" | "bed"))
                    // "according to Lwazi the pharmacy has pens" (session 15).
                    || p2 == "according"
            }
            // "got a lift from chiamaka", "a text from rudo".
            // "love from ngaire and the kids": a letter's sign-off.
            "from" => matches!(
                p2,
                "lift" | "ride" | "text" | "hug" | "visit" | "card" | "love" | "hugs"
            ),
            // "contact mpho dlamini on 082…": whom a reader should call, with the number or
            // address that follows ("contact dermnet for the pictures" is a site).
            "contact" => (i + 1..(i + 5).min(text.words.len())).any(|k| {
                text.word(k).starts_with(|c: char| c.is_ascii_digit())
                    || sep(text, k - 1).contains('@')
            }),
            "for" => {
                matches!(
                    p2,
                    "waiting" | "waited" | "grateful" | "thankful" | "praying" | "pray"
                ) || (matches!(p2, "ask" | "asked" | "asking")
                    // "ask for nandi at reception": a drug is asked for at the pharmacy.
                    && at_word(text, i + 1) == "at"
                    && matches!(at_word(text, i + 2), "reception" | "the" | "front")
                    && !matches!(at_word(text, i + 3), "pharmacy" | "chemist" | "clinic"))
            }
            "texted" | "txted" | "texting" | "messaged" | "messaging" | "rang" | "phoned"
            | "hugged" | "told" | "asked" | "owe" | "without" | "remember" | "thank" => true,
            // "i called sipho", "we finally called rudo"; not "it's called rinvoq" (a naming).
            "called" => matches!(p2, "i" | "we" | "she" | "he" | "finally" | "just" | "then"),
            // "we visited wanjiru at the hospice", "visiting kalani in icu": a town is visited
            // too, but not in hospital.
            "visited" | "visiting" | "visit" => visited_where(text, i + 1),
            // "bumped into tendai by the shops", "ran into sipho at group".
            "into" => matches!(
                p2,
                "bumped" | "ran" | "run" | "bump" | "bumping" | "running"
            ),
            // "i finally met xiaoling from the forum"; not "met criteria" (a word).
            "met" => matches!(p2, "i" | "we" | "finally" | "just" | "she" | "he" | "also"),
            // "saw dumisani at the pharmacy", "saw rudo at group".
            // Session 16: "seen wojciech on the neuro ward", "saw kemi in the waiting room".
            "saw" | "seen" => {
                (at_word(text, i + 1) == "at"
                    && matches!(
                        at_word(text, i + 2),
                        "the" | "group" | "church" | "work" | "school" | "clinic" | "pharmacy"
                    ))
                    || (matches!(at_word(text, i + 1), "on" | "in")
                        && at_word(text, i + 2) == "the"
                        && (3..6).any(|k| {
                            matches!(
                                at_word(text, i + k),
                                "ward"
                                    | "unit"
                                    | "bay"
                                    | "icu"
                                    | "nicu"
                                    | "room"
                                    | "lounge"
                                    | "corridor"
                                    | "hospice"
                            )
                        }))
            }
            // "ask fatou at the front desk": whom a reader should ask for, where people work.
            "ask" => {
                (at_word(text, i + 1) == "at"
                    && matches!(at_word(text, i + 2), "reception" | "the" | "front")
                    && !matches!(at_word(text, i + 3), "pharmacy" | "chemist" | "clinic"))
                    // "ask Bongani, he went through it" (session 15).
                    || (sep(text, i) == ", " && matches!(at_word(text, i + 1), "he" | "she"))
            }
            // "it was fetu who found the lump": only a person is "who".
            "was" | "s" => p2 == "it" && at_word(text, i + 1) == "who",
            // "cc tatenda since you asked", a reply copied to someone.
            "cc" => true,
            // "we lost abiodun last week", "missing thembeka so much".
            "lost" => matches!(p2, "we" | "i" | "they" | "just" | "sadly" | "family"),
            "missing" => true,
            "miss" => matches!(p2, "i" | "we" | "really" | "so" | "still"),
            // "Quoting Ifeoma: …", a reply's source.
            "quoting" => sep(text, i).starts_with(':'),
            // "me n oluwaseun", "me & kemal" (the "and" of `with_writer`, in chat).
            "n" => p2 == "me" && sep(text, i - 2) == " ",
            _ => false,
        }
    };
    // A name closes its phrase: "with nnamdi hes driving" and "with Palesa," both do; what
    // is followed by a possessive or a hyphen is more than a name ("with rudo's help").
    let closes = i + 1 == text.words.len() || !matches!(sep(text, i), "-" | "'" | "’");
    // Where only a person stands (not "without", "remember", "with"), a word one letter off
    // English that fits no such slot is a name too ("texted sipho", "rang folake").
    let only_person = spaced
        && (matches!(
            p1,
            "texted"
                | "txted"
                | "texting"
                | "messaged"
                | "messaging"
                | "rang"
                | "phoned"
                | "hugged"
                | "told"
                | "asked"
                | "thank"
                | "called"
                | "visited"
                | "visiting"
                | "visit"
                | "contact"
        ) || (p1 == "to" && p2 != "thanks")
            || (matches!(p1, "was" | "s") && p2 == "it"));
    // Session 15: after a verb only people take, a listed name of any origin in lower case
    // too, where the writer capitalises elsewhere ("I told mwangi to bring the card").
    let lower_listed = |i: usize| {
        only_person
            && text.is(i, F_FIRST | F_SURNAME)
            && !text.is(i, F_ENGLISH)
            && plain_in_any_case(text, i)
    };
    let who = |i| {
        if only_person {
            person_here(text, i) || lower_listed(i)
        } else {
            person(text, i)
        }
    };
    if !(slot && closes && who(i)) {
        return None;
    }
    // "I met Wiesława Szczęsna": a capitalised surname after the given name is the name's
    // too (in lower case, "i owe nokuthula big time" goes on to other words).
    let end = if joined(text, i) && cap(text, i + 1) && surname_after(text, i + 1, true) {
        i + 1
    } else {
        i
    };
    Some((end, 0.6, NAMED))
}

#[cfg(test)]
#[path = "name_company_tests.rs"]
mod tests;
