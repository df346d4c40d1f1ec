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
use super::name_words::eponym;
use super::name_writer::{person_here, taken_up};
use super::names::{acronym, alpha, mid_cap, sep, unknown, GIVEN};

const NAMED: &str = "a person's name";

/// Words that read as names to the lists' eyes but are things members live with: assistants
/// and sites they "ask" or "talk to", chat words, and illnesses by their short names.
fn thing(w: &str) -> bool {
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
            | "covid"
            | "omicron"
            | "fibro"
            | "endo"
            | "crohns"
            | "hashimotos"
            | "tmrw"
            | "tomoz"
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
            | "lovey"
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
    let w = text.lower_word(i);
    w.chars().count() >= 3
        && alpha(text, i)
        && !acronym(text, i)
        && (!names_cased(text) || text.is_capitalised(i))
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_RELATION | F_TITLE | F_STATE | F_STATE_ABBR,
        )
        && !thing(w)
        && !medicines::brand(w)
        // A disease's or drug's ending, unless a list holds the word as a given name
        // ("Ifeoma", "Chioma" end as "lymphoma" does).
        && (!medicines::stem(w) || text.is(i, F_FIRST))
        && !organisation(w)
        && !eponym(w)
        && !demonym(w)
        && !country(text, i)
}

/// Word `i` may be a person here: `plain`, and a listed name (any origin; "so daoud rang") or
/// a word no list knows. A capital mid-sentence is evidence enough for a word one letter off English
/// ("Had coffee with Palesa"). `unknown`, which spends the post's typo budget, goes last.
pub(super) fn person(text: &Doc, i: usize) -> bool {
    plain(text, i) && (text.is(i, F_FIRST | F_SURNAME) || mid_cap(text, i) || unknown(text, i))
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
    )
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
        company_verb(p2) || company_verb(p3)
    } else if !spaced {
        // "me & chinedu".
        p1 == "me" && sep(text, i - 1) == " & "
    } else {
        match p1 {
            "to" => {
                matches!(
                    p2,
                    "talked" | "talking" | "spoke" | "speaking" | "chatted" | "thanks" | "shoutout"
                ) || (p2 == "out" && p3 == "shout")
            }
            // "got a lift from chiamaka", "a text from rudo".
            "from" => matches!(p2, "lift" | "ride" | "text" | "hug" | "visit" | "card"),
            "for" => matches!(
                p2,
                "waiting" | "waited" | "grateful" | "thankful" | "praying" | "pray"
            ),
            "texted" | "txted" | "texting" | "messaged" | "messaging" | "rang" | "phoned"
            | "hugged" | "told" | "asked" | "owe" | "without" | "remember" | "thank" => true,
            // "i called sipho", "we finally called rudo"; not "it's called rinvoq" (a naming).
            "called" => matches!(p2, "i" | "we" | "she" | "he" | "finally" | "just" | "then"),
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
        ) || (p1 == "to" && p2 != "thanks"));
    let who = |i| {
        if only_person {
            person_here(text, i)
        } else {
            person(text, i)
        }
    };
    (slot && closes && who(i)).then_some((i, 0.6, NAMED))
}

/// Words that open a clause before its subject, in speech and in chat: "i think kemal is
/// right", "lol xiaoling says", "so thilini rang", "Honestly Ishaan is".
fn clause_opener(w: &str) -> bool {
    matches!(
        w,
        "think"
            | "believe"
            | "what"
            | "thought"
            | "guess"
            | "reckon"
            | "bet"
            | "hope"
            | "know"
            | "lol"
            | "ok"
            | "okay"
            | "so"
            | "then"
            | "and"
            | "but"
            | "honestly"
            | "omg"
            | "because"
            | "bc"
            | "cos"
            | "cuz"
            | "coz"
            | "when"
            | "until"
            | "if"
            | "that"
            | "eventually"
            | "apparently"
            | "luckily"
            | "sadly"
            | "anyway"
            | "yesterday"
            | "today"
            | "tonight"
            | "later"
            | "finally"
    )
}

/// Word `i` opens a clause: a sentence's start, after a comma, or after a word opening one.
pub(super) fn opens_clause(text: &Doc, i: usize) -> bool {
    text.starts_sentence(i)
        || (i > 0
            && (sep(text, i - 1).contains(',')
                || (sep(text, i - 1) == " " && clause_opener(text.lower_word(i - 1)))))
}

/// "… is a rock", "… has been my rock", "… was an angel": what only a person is called (a drug
/// is "a lifesaver", "a godsend", "a game changer").
fn praised(a: &str, b: &str, c: &str) -> bool {
    let (article, noun) = if a == "been" { (b, c) } else { (a, b) };
    matches!(article, "a" | "an" | "my" | "our" | "such")
        && matches!(
            noun,
            "rock"
                | "angel"
                | "saint"
                | "legend"
                | "hero"
                | "gem"
                | "trooper"
                | "champ"
                | "sweetheart"
                | "superstar"
                | "warrior"
        )
}

/// What only a person does, said of word `i` by the words after it, and whether a listed
/// given name is needed (drugs "save lives" and are "a nightmare"; only people "say", "text"
/// or are "in hospital").
fn people_verb(text: &Doc, i: usize) -> Option<bool> {
    let n = text.words.len();
    let w = |k: usize| if k < n { text.lower_word(k) } else { "" };
    let (v, a, b) = (w(i + 1), w(i + 2), w(i + 3));
    let only_people = match v {
        "said" | "says" | "told" | "tells" | "texted" | "rang" | "rings" | "reckons" | "thinks"
        | "recommended" | "convinced" | "reminded" | "asked" | "asks" | "cried" | "laughed"
        | "drove" | "visited" | "cooked" | "wrote" | "writes" => true,
        "keeps" | "kept" => matches!(
            a,
            "telling" | "asking" | "reminding" | "saying" | "calling" | "texting" | "nagging"
        ),
        "calls" | "called" => matches!(a, "me" | "us"),
        // "farrukh turned 7 today": an age.
        "turned" => a.bytes().all(|b| b.is_ascii_digit()) && (1..=3).contains(&a.len()),
        // "Aizhan started her first day of school", "tomas starts nursery".
        "started" | "starts" => {
            matches!(
                a,
                "school" | "nursery" | "preschool" | "kindergarten" | "kindy" | "daycare" | "uni"
            ) || (matches!(a, "her" | "his") && matches!(b, "first" | "new"))
        }
        "picked" => matches!(a, "me" | "us") && b == "up",
        "came" | "comes" => matches!(a, "in" | "over" | "round" | "by"),
        "shows" | "showed" => a == "up",
        "passed" => a == "away",
        "can" | "could" => matches!(a, "visit" | "drive" | "come"),
        "from" => {
            matches!(a, "my" | "the")
                && matches!(
                    b,
                    "support" | "group" | "church" | "work" | "pharmacy" | "clinic" | "ward"
                )
        }
        "is" | "was" => {
            matches!(a, "right" | "wrong" | "coming")
                || (a == "in" && matches!(b, "hospital" | "icu" | "hospice" | "rehab"))
        }
        _ => false,
    } || (matches!((v, a), ("is" | "was", _) | ("has" | "had", "been"))
        && praised(a, b, w(i + 4)));
    if only_people {
        return Some(false);
    }
    let mostly_people = match v {
        "saved" | "found" => true,
        "is" | "was" => {
            matches!(a, "the" | "a") && matches!(b, "reason" | "nightmare" | "saint" | "only")
        }
        "has" => a == "been",
        _ => false,
    };
    mostly_people.then_some(true)
}

/// "i think kemal is right", "lol xiaoling says i worry", "> Ousmane said the pump failed",
/// "Sorry for the delay, Gurpreet was in hospital": the subject of a verb only people take,
/// at a clause's start (a sentence's, a comma's, or after a word opening one), not after a
/// determiner ("the ozempic said" is no one).
pub(super) fn doer(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if i + 1 >= text.words.len() || listed_as_word(text, i) || sep(text, i) != " " {
        return None;
    }
    if !opens_clause(text, i) {
        return None;
    }
    let listed_only = people_verb(text, i)?;
    // "> Rangi wrote:", a quoted reply's header: any word that could be a name.
    let header = matches!(text.lower_word(i + 1), "wrote" | "writes")
        && i + 2 < text.words.len()
        && sep(text, i + 1).starts_with(':');
    let ok = if header {
        plain(text, i)
    } else if listed_only {
        // A word on no list, when "she" or "he" takes it up after ("rudo saved my life, she
        // drove me in"): drugs are "it".
        (text.is(i, F_FIRST) && person(text, i)) || (taken_up(text, i + 1) && person_here(text, i))
    } else {
        // Only people say or text: a word one letter off English that no subject's place
        // takes is a name there ("lol mpho says").
        person_here(text, i)
    };
    ok.then_some((i, 0.6, GIVEN))
}

#[cfg(test)]
#[path = "name_company_tests.rs"]
mod tests;
