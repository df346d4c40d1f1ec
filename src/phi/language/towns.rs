//! Towns and counties: a town before a state ("Springfield, IL", "port jessica nm"), after a
//! place cue ("moved to Port Jessica", "lives in east michelleburgh"), and "X County".

use super::lexicon::{
    ambiguous_abbr, two_word_state, Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION,
    F_STATE, F_STATE_ABBR, F_TITLE, F_TOWN,
};
use super::places::{sep, spaced, zip_shape};
use super::{finding, Kind};
use crate::phi::Finding;

const TOWN: &str = "a town or city";
const COUNTY: &str = "a county";

/// Whether word `i` (and maybe `i + 1`) is a US state: returns its last word.
fn state_at(text: &Doc, i: usize) -> Option<usize> {
    let w = text.lower_word(i);
    if i + 1 < text.words.len() && spaced(text, i) && two_word_state(w, text.lower_word(i + 1)) {
        return Some(i + 1);
    }
    if text.is(i, F_STATE) {
        return Some(i);
    }
    if text.is(i, F_STATE_ABBR) {
        let raw = text.word(i);
        let upper = raw.chars().all(|c| c.is_ascii_uppercase());
        let zip_next = text
            .words
            .get(i + 1)
            .is_some_and(|_| zip_shape(text, i + 1) && spaced(text, i));
        let comma = i > 0 && sep(text, i - 1).trim() == ",";
        let ok = if text.cased {
            upper && (comma || zip_next || !ambiguous_abbr(w))
        } else {
            zip_next || (comma && !ambiguous_abbr(w))
        };
        return ok.then_some(i);
    }
    None
}

/// Words that stop a town name when reading backwards from a state.
fn town_stop(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    text.is(i, F_FUNCTION)
        || matches!(
            w,
            "live"
                | "lives"
                | "living"
                | "moved"
                | "move"
                | "moving"
                | "near"
                | "outside"
                | "visit"
                | "visiting"
                | "go"
                | "went"
                | "drive"
                | "grew"
                | "born"
                | "raised"
                | "located"
                | "based"
                | "hospital"
                | "clinic"
                | "center"
                | "doctor"
                | "dr"
        )
}

fn place_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "to"
            | "from"
            | "near"
            | "at"
            | "of"
            | "outside"
            | "around"
            | "by"
            | "visiting"
            | "live"
            | "lives"
            | "towards"
            | "toward"
            | "into"
            | "hometown"
            | "town"
            | "city"
    )
}

fn city_shape(w: &str) -> bool {
    const ENDINGS: [&str; 24] = [
        "ville", "burgh", "borough", "boro", "town", "field", "port", "mouth", "view", "side",
        "stad", "berg", "bury", "haven", "chester", "ford", "furt", "shire", "land", "fort", "ton",
        "polis", "view", "burg",
    ];
    w.len() > 5 && ENDINGS.iter().any(|e| w.ends_with(e))
}

pub(super) fn towns(text: &Doc, out: &mut Vec<Finding>, ends: &mut [bool]) {
    let n = text.words.len();
    let mut i = 1;
    while i < n {
        // Town, ST: read the town backwards from the state.
        if let Some(state_end) = state_at(text, i) {
            let mut k = i;
            let comma = sep(text, i - 1).trim() == ",";
            while k > 0 && i - k < 3 {
                let c = k - 1;
                let gap = sep(text, c);
                let joined = if c + 1 == i {
                    matches!(gap.trim(), "" | ",")
                } else {
                    spaced(text, c)
                };
                let ok = joined
                    && text.word(c).chars().all(char::is_alphabetic)
                    && !town_stop(text, c)
                    && !text.is(c, F_STATE)
                    && (!text.cased || text.is_capitalised(c));
                if !ok {
                    break;
                }
                k = c;
            }
            let before_ok = k == 0
                || place_prep(text.lower_word(k - 1))
                || sep(text, k - 1).contains([',', '.', '\n', ':', '(', '!', '?']);
            if k < i && (before_ok || (text.cased && comma)) {
                out.push(finding(
                    Kind::Address,
                    text.words[k].start,
                    text.words[i - 1].end,
                    0.8,
                    TOWN,
                ));
            }
            ends[state_end] = true;
            i = state_end + 1;
            continue;
        }
        // County: "Orange County", "county of Kern".
        let w = text.lower_word(i);
        if matches!(w, "county" | "parish") && spaced(text, i - 1) {
            let c = i - 1;
            let name = text.lower_word(c);
            if text.word(c).chars().all(char::is_alphabetic)
                && !town_stop(text, c)
                && (!text.cased || text.is_capitalised(c))
                && !matches!(
                    name,
                    "the" | "our" | "this" | "that" | "same" | "next" | "home"
                )
            {
                out.push(finding(
                    Kind::Address,
                    text.words[c].start,
                    text.words[i].end,
                    0.75,
                    COUNTY,
                ));
            }
        }
        // Where a person lives, by a strong cue: "my mum lives in Tralee", "my aunty in Suva",
        // "moved my brother home to Kisumu", "he lives in Đà Nẵng" (session 15); or a place cue
        // then a town-shaped name: "moved to Port Jessica", "lives in east michelleburgh".
        let town = residence(text, i).or_else(|| {
            if town_cue(text, i) {
                town_after(text, i)
            } else {
                None
            }
        });
        if let Some(last) = town {
            out.push(finding(
                Kind::Address,
                text.words[i].start,
                text.words[last].end,
                0.7,
                TOWN,
            ));
            ends[last] = true;
            i = last + 1;
            continue;
        }
        i += 1;
    }
}

fn town_cue(text: &Doc, i: usize) -> bool {
    let p = text.lower_word(i - 1);
    let p2 = if i >= 2 { text.lower_word(i - 2) } else { "" };
    (p == "in"
        && matches!(
            p2,
            "live"
                | "lives"
                | "living"
                | "lived"
                | "up"
                | "based"
                | "located"
                | "reside"
                | "resides"
                | "house"
                | "home"
        ))
        || (p == "to" && matches!(p2, "moved" | "move" | "moving" | "relocated"))
        || matches!(p, "from" | "near" | "outside" | "hometown" | "hometown's")
}

/// A town name after a cue: a direction or "port/lake/new" word plus a name, or a town-shaped
/// word, or (in a cased post) capitalised words that are not a state.
fn town_after(text: &Doc, i: usize) -> Option<usize> {
    let n = text.words.len();
    let w = text.lower_word(i);
    if text.is(i, F_FUNCTION) || !text.word(i).chars().all(char::is_alphabetic) {
        return None;
    }
    if text.is(i, F_STATE) || (i + 1 < n && two_word_state(w, text.lower_word(i + 1))) {
        return None;
    }
    let prefix = matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "new"
            | "port"
            | "lake"
            | "fort"
            | "mount"
            | "st"
            | "saint"
            | "san"
            | "santa"
            | "los"
            | "las"
            | "el"
            | "glen"
            | "grand"
            | "palm"
    );
    if prefix && spaced(text, i) && i + 1 < n {
        let ok = text.word(i + 1).chars().all(char::is_alphabetic)
            && !text.is(i + 1, F_FUNCTION | F_STATE)
            && (!text.cased || (text.is_capitalised(i) && text.is_capitalised(i + 1)));
        return ok.then_some(i + 1);
    }
    let country = matches!(
        w,
        "finland"
            | "iceland"
            | "ireland"
            | "poland"
            | "switzerland"
            | "thailand"
            | "england"
            | "scotland"
            | "greenland"
            | "netherlands"
            | "holland"
            | "swaziland"
            | "canada"
            | "mexico"
            | "germany"
            | "france"
            | "spain"
            | "italy"
            | "japan"
            | "china"
            | "india"
            | "britain"
            | "wales"
            | "newfoundland"
            | "queensland"
            | "maryland"
            | "portland"
    );
    if city_shape(w) && !country && (!text.cased || text.is_capitalised(i)) {
        return Some(i);
    }
    None
}

/// A town written in lower case (session 16: "lives in tullamore", "my mum in gulberg"): in a
/// post that does not capitalise, or anywhere in lower case, a word of letters on no list of
/// English, names, states, countries, medicines or illnesses, and no ward's or unit's short
/// name. `residence` also asks that it be no typo of English ("hospitl"), a dearer look paid
/// only once a cue is found.
fn lower_town_word(text: &Doc, i: usize) -> bool {
    let w = text.word(i);
    let lw = text.lower_word(i);
    w.chars().count() >= 4
        && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !text.is(
            i,
            F_FUNCTION | F_STATE | F_ENGLISH | F_FIRST | F_RELATION | F_TITLE | F_NAME_WORD,
        )
        && !super::countries::country(text, i)
        && !super::name_alone::organisation(lw)
        && !super::medicines::brand(lw)
        && !super::medicines::stem(lw)
        && !super::medicines::disease_ending(lw)
        && !super::illnesses::illness(lw)
        && !matches!(
            lw,
            "nicu"
                | "picu"
                | "hdu"
                | "ccu"
                | "scbu"
                | "resus"
                | "majors"
                | "minors"
                | "rehab"
                | "hospice"
                | "hosp"
                | "remission"
                | "labour"
                | "theatre"
                | "recovery"
        )
}

/// Whether word `i` could open a town's name: a capital in a post with capitals, letters, no
/// English or function word, no state, country, acronym or listed given name.
fn town_word(text: &Doc, i: usize) -> bool {
    let w = text.word(i);
    text.cased
        && text.is_capitalised(i)
        && w.chars().count() >= 2
        && w.chars().all(char::is_alphabetic)
        && !w.chars().all(char::is_uppercase)
        && !text.is(
            i,
            F_FUNCTION | F_STATE | F_ENGLISH | F_FIRST | F_RELATION | F_TITLE,
        )
        && !super::countries::country(text, i)
        && !super::name_alone::organisation(text.lower_word(i))
}

/// A town where someone lives, after a cue no place but a home takes: "lives in", "living
/// in", "based in", "home to", "moved to", or a person's relation and "in" ("my mum in
/// Tralee", "my aunty Losana in Suva"). The town's name runs over capitalised words that
/// follow ("Đà Nẵng"). Returns its last word.
fn residence(text: &Doc, i: usize) -> Option<usize> {
    // Session 18: after "lives in" or "moved to", a capitalised English word is a town too
    // ("my sister lives in Limerick", "moved to Reading"): no word but a place lives there.
    let living = i >= 2
        && matches!(
            (text.lower_word(i - 1), text.lower_word(i - 2)),
            ("in", "lives" | "living" | "lived" | "live" | "based" | "resides")
                | ("to", "moved" | "relocated")
        )
        && text.cased
        && text.is_capitalised(i)
        && text.is(i, F_ENGLISH)
        && !text.is(i, F_FUNCTION | F_STATE | F_RELATION | F_TITLE)
        && !super::countries::country(text, i)
        // What one lives in that is no place ("lives in Fear of the next relapse").
        && !matches!(
            text.lower_word(i),
            "fear" | "hope" | "denial" | "pain" | "limbo" | "remission" | "agony" | "peace"
                | "terror" | "dread" | "constant" | "chronic" | "fact" | "reality"
        );
    // The writer's own town before "originally" or "based", whatever stands before the cue
    // (session 22: at a post's start, "From Pau originally, now having chemo in Colmar", and
    // after an apostrophe's "I'm", "I'm Ilorin based"): the one place that reads these cues.
    if i >= 1
        && i + 1 < text.words.len()
        && (town_word(text, i) || lower_town_word(text, i) || listed_town(text, i))
        && sep(text, i - 1) == " "
    {
        let (p, next) = (text.lower_word(i - 1), text.lower_word(i + 1));
        if (p == "from" && next == "originally")
            || (next == "based" && matches!(p, "m" | "im" | "were" | "re"))
        {
            return Some(i);
        }
    }
    if i < 2
        || !(town_word(text, i) || lower_town_word(text, i) || listed_town(text, i) || living)
        || sep(text, i - 1) != " "
        || sep(text, i - 2) != " "
    {
        return None;
    }
    // Session 16: a town in lower case needs a cue of living itself ("lives in tullamore",
    // "im in papakura", "my mum in gulberg", "moved to braga").
    let lower = !(town_word(text, i) || (text.cased && listed_town(text, i)) || living);
    let (p, p2) = (text.lower_word(i - 1), text.lower_word(i - 2));
    let p3 = if i >= 3 { text.lower_word(i - 3) } else { "" };
    // Kin and friends: a clinician's town is where they work ("my neurologist in Edmonton").
    // Session 18: kin in the plural and the words for kin the relation list lacks, after a
    // possessive ("my parents in Izmir", "my lola in Cebu", "our folks in Limerick").
    let kin = |k: usize| {
        let w = text.lower_word(k);
        (text.is(k, F_RELATION) && !clinician(w))
            || w.strip_suffix('s')
                .is_some_and(|one| super::lexicon::relation(one) && !clinician(one))
            || matches!(
                w,
                "parents" | "grandparents" | "lola" | "lolo" | "folks" | "inlaws"
            )
    };
    let relation_before = |k: usize| {
        kin(k)
            && k >= 1
            && matches!(
                text.lower_word(k - 1),
                "my" | "our" | "his" | "her" | "their"
            )
    };
    let p4 = if i >= 4 { text.lower_word(i - 4) } else { "" };
    // Session 16: where someone lives in the other languages members write ("vive en
    // Campinas", "wohnt in Bielefeld", "nakatira sa Batangas"), and Swahili's "anaishi Nyeri",
    // whose verb holds the "in".
    let abroad = matches!(p, "en" | "em" | "in" | "à" | "a" | "sa")
        && matches!(
            p2,
            "vive"
                | "viven"
                | "vivo"
                | "mora"
                | "moram"
                | "moro"
                | "wohnt"
                | "wohnen"
                | "lebt"
                | "leben"
                | "woont"
                | "wonen"
                | "habite"
                | "vit"
                | "abita"
                | "nakatira"
        );
    if (abroad || matches!(p, "anaishi" | "naishi" | "wanaishi" | "tunaishi")) && town_word(text, i)
    {
        return Some(i);
    }
    let cued = match p {
        // Session 16: "I'm in Leeds", "We are in Ibadan", "lives on her own in Tobermory",
        // "her flat in Drogheda", "came home to Enugu".
        "in" if (p2 == "m" && p3 == "i")
            || (p2 == "are" && p3 == "we")
            // Session 20: "we're in umlazi".
            || (p2 == "re" && p3 == "we")
            || (p2 == "own" && matches!(p3, "her" | "his" | "their" | "my") && p4 == "on")
            || (matches!(
                p2,
                "flat" | "house" | "home" | "bungalow" | "apartment" | "cottage"
            ) && matches!(p3, "her" | "his" | "their" | "my" | "our")) =>
        {
            true
        }
        "to" if p2 == "home"
            && matches!(p3, "came" | "come" | "coming" | "went" | "going" | "back") =>
        {
            true
        }
        // Session 17: a writer introducing themselves by their town near the post's start,
        // "otieno from kisumu here", "tammy from dothan, call me", "jamie here, 23 fae dundee,":
        // the town closes the introduction.
        "from" | "fae"
            if i <= 7
                && (sep(text, i).trim_start().starts_with([',', '.', '!'])
                    || (i + 1 < text.words.len() && text.lower_word(i + 1) == "here")
                    || i + 1 == text.words.len())
                // A name before "from", not "Greetings from Lagos!" nor "metformin from
                // lloyds,"; session 21: nor a hail that is also a name ("Kia ora from
                // Rarotonga, here on holiday").
                && !super::name_self::greeting(p2)
                && (super::name_company::plain_in_any_case(text, i - 2)
                    // Session 21: not a greeting that is also a name ("Kia ora from
                    // Rarotonga, here on holiday").
                    || (text.is(i - 2, F_FIRST) && !text.is(i - 2, F_ENGLISH))
                    // Session 18: "dafydd here, 61 from aberystwyth,": the writer's age.
                    || (i >= 3
                        && sep(text, i - 3).trim() == ","
                        && text.lower_word(i - 2).len() == 2
                        && text.lower_word(i - 2).bytes().all(|b| b.is_ascii_digit()))) =>
        {
            true
        }
        // "she lives with us in peckham", "i stay in ibadan".
        "in" if (p2 == "us" && p3 == "with" && matches!(p4, "lives" | "living" | "lived"))
            || (p2 == "stay" && p3 == "i") =>
        {
            true
        }
        // "im in sandton", "i live in ikeja too": the writer's own town.
        "in" if lower && matches!(p2, "im") => true,
        // Session 20 (probe set 32): where the writer is, said from a direction opening the
        // post or after "we're"/"I'm" ("out in kamloops the wait…", "we're up in Gisborne").
        // Not "here in Manila": read so, it held 23 of our own corpus's 520 harmless posts,
        // whose writer left such towns unmarked.
        "in" if matches!(p2, "up" | "down" | "out" | "over")
            && (i == 2 || matches!(p3, "re" | "m" | "im" | "were" | "live" | "lives")) =>
        {
            true
        }
        // Session 22: where kin come from ("Mum's from Omagh", "my dad is from Lagos"), a
        // town of GeoNames' list.
        "from"
            if listed_town(text, i)
                && i >= 3
                && (matches!(p2, "s" | "is" | "was") && kin(i - 3)) =>
        {
            true
        }
        // "lives just outside Tralee".
        "outside" if p2 == "just" && matches!(p3, "lives" | "live" | "living") => true,
        "in" if lower && p2 == "out" && matches!(p3, "lives" | "living") => true,
        // "my sister tendai in chitungwiza", "grandad in mangere", "wanjiru and family in
        // kiambu": kin, or kin and a name, before the town; in lower case no possessive is
        // written before kin.
        "in" if lower
            && (text.is(i - 2, F_RELATION) && !clinician(p2)
                || (i >= 3
                    && relation_before(i - 3)
                    && !text.is(i - 2, F_ENGLISH | F_FUNCTION))) =>
        {
            true
        }
        "in" => {
            matches!(
                p2,
                "lives" | "living" | "lived" | "live" | "based" | "resides" | "stays" | "staying"
            ) || relation_before(i - 2)
                // Session 16: "lives alone in Nsukka", "stays alone in Powai", "the care
                // home in Porthmadog" (a home is where its residents live).
                || (p2 == "alone"
                    && matches!(p3, "lives" | "living" | "lived" | "stays" | "staying"))
                || (p2 == "home" && matches!(p3, "care" | "nursing" | "residential"))
                // "my aunty Losana in Suva", "my da Pádraig down in Tralee".
                || (i >= 3 && relation_before(i - 3) && text.is_capitalised(i - 2))
                || (p2 == "down" || p2 == "up") && i >= 4 && relation_before(i - 4)
                // Session 22 (probe sets 36-44): where a person is treated, a town of
                // GeoNames' list right after the treatment ("Being seen in Trento for the
                // trial", "Dad gets dialysis in Hartlepool", "now having chemo in Colmar").
                // A hospital's town stays the institution's ("the clinic in Rochester").
                || (listed_town(text, i) && treated(p2))
        }
        "to" => {
            (p2 == "home"
                && matches!(
                    p3,
                    "moved" | "brother" | "sister" | "mum" | "dad" | "him" | "her"
                ))
                || matches!(p2, "moved" | "relocated" | "emigrated" | "retired")
        }
        _ => false,
    };
    // Session 17: a town of GeoNames' list after "in", in a sentence about the writer's people
    // and no trip ("my mum with vascular dementia in Leeds", "fell at home in Rochdale", "our
    // school in Kumasi"); a conference, a holiday or the weather "in Lisbon" is no one's home.
    // A hospital's or clinic's town is the institution's address, public ("treated at the
    // Mayo Clinic in Rochester").
    let institution = matches!(
        p2,
        "hospital" | "clinic" | "centre" | "center" | "infirmary" | "institute" | "university"
    );
    let cued = cued || (p == "in" && !institution && listed_town(text, i) && about_home(text, i));
    // A town on GeoNames' list is no typo of English ("WE LIVE IN THIKA").
    if !cued || (lower && !listed_town(text, i) && super::lexicon::near_english(text.lower_word(i)))
    {
        return None;
    }
    let mut last = i;
    while last + 1 < text.words.len()
        && last < i + 2
        && sep(text, last) == " "
        && town_word(text, last + 1)
    {
        last += 1;
    }
    // "moved to Sydney NSW 2019": a state after the town is read from the state (here and in
    // `abroad`), which tells its postcode from a year.
    let state_after = last + 1 < text.words.len() && {
        let w = text.word(last + 1);
        text.is(last + 1, F_STATE | F_STATE_ABBR)
            // In a post in capitals every short word is ("WE LIVE IN THIKA, THE NEAREST").
            || (text.cased
                && (2..=3).contains(&w.len())
                && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    if state_after {
        return None;
    }
    Some(last)
}

/// A treatment a person is given in a town ("seen in", "dialysis in", "chemo in").
fn treated(w: &str) -> bool {
    matches!(
        w,
        "seen"
            | "treated"
            | "dialysis"
            | "haemodialysis"
            | "hemodialysis"
            | "chemo"
            | "chemotherapy"
            | "radiotherapy"
            | "radiation"
            | "transplant"
            | "rehab"
            | "operated"
            | "hospitalised"
            | "hospitalized"
            | "admitted"
            | "infusions"
    )
}

/// Word `i` is a town of GeoNames' list (no English word: "Bath", "Reading" are not on it),
/// capitalised where the writer capitalises.
fn listed_town(text: &Doc, i: usize) -> bool {
    text.is(i, F_TOWN)
        && (!text.cased || text.is_capitalised(i))
        && text.word(i).chars().all(char::is_alphabetic)
        && !text.is(i, F_FUNCTION | F_STATE)
        && !super::countries::country(text, i)
}

/// The sentence of word `i`, up to it, speaks of the writer's people or their home (a relation,
/// a home, a fall, a school, a carer) and of no trip, event or news, anywhere in the sentence.
/// The writer's own town is not read here: probe set 2's writer, like some, counts where the
/// writer is as no one's address. The explicit "I'm in", "we are in" and (session 20) "we're
/// in" cues of `residence` hold it: most writers of the held-out sets mark it.
fn about_home(text: &Doc, i: usize) -> bool {
    let mut start = i;
    while start > 0 && i - start < 14 && !text.starts_sentence(start) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < text.words.len() && end - i < 14 && !text.starts_sentence(end) {
        end += 1;
    }
    let trip = (start..end).any(|k| {
        matches!(
            text.lower_word(k),
            "holiday"
                | "holidays"
                | "vacation"
                | "trip"
                | "trips"
                | "conference"
                | "congress"
                | "flight"
                | "flew"
                | "fly"
                | "flying"
                | "visit"
                | "visiting"
                | "visited"
                | "weekend"
                | "festival"
                | "cruise"
                | "marathon"
                | "match"
                | "weather"
                | "news"
                | "wedding"
                | "concert"
                | "airport"
                | "hotel"
                | "tour"
                | "abroad"
                | "study"
                | "trial"
                | "research"
                | "university"
                | "uni"
                | "team"
                | "born"
                | "raised"
                | "grew"
                | "summit"
                | "meeting"
                | "event"
                | "honeymoon"
                | "stadium"
                | "game"
        )
    });
    let home = (start..i).any(|k| {
        let w = text.lower_word(k);
        (text.is(k, F_RELATION) && !clinician(w))
            || matches!(
                w,
                "home"
                    | "house"
                    | "flat"
                    | "bungalow"
                    | "fell"
                    | "school"
                    | "carer"
                    | "caring"
                    | "grandad"
                    | "granny"
                    | "nan"
                    | "nana"
            )
    });
    home && !trip
}

/// "Blacktown 2148", "Powai, 400076": a town just before the postcode a detector found is the
/// address's town (session 16). Reads the codes among `out[first..]`.
pub(super) fn towns_before_codes(text: &Doc, out: &mut Vec<Finding>, first: usize) {
    let mut found = Vec::new();
    for f in out[first..].iter().filter(|f| f.kind == Kind::Zip) {
        let k = text.text.word_at_or_after(f.start);
        if k == 0 || k >= text.words.len() || text.words[k].start != f.start {
            continue;
        }
        let t = k - 1;
        if !matches!(sep(text, t), " " | ", ") || !town_word(text, t) {
            continue;
        }
        let covered = |j: usize| {
            out.iter()
                .any(|g| g.start < text.words[j].end && text.words[j].start < g.end)
        };
        if covered(t) {
            continue;
        }
        let mut s = t;
        if s > 0 && sep(text, s - 1) == " " && town_word(text, s - 1) && !covered(s - 1) {
            s -= 1;
        }
        found.push(finding(
            Kind::Address,
            text.words[s].start,
            text.words[t].end,
            0.7,
            TOWN,
        ));
    }
    out.extend(found);
}

/// Session 16: the town after "lives in" in scripts without the Latin words the cues above
/// read: Chinese "住在成都", Arabic "وتعيش في الزرقاء" (a word after the verb and "in").
pub(super) fn in_scripts(text: &crate::phi::text::Text, out: &mut Vec<Finding>) {
    static LIVES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::phi::regex(
            r"住在(\p{Han}{2})|(?:تعيش|يعيش|أعيش|نعيش|يعيشون|ساكنة|ساكن)\sفي\s(\p{Arabic}+)",
        )
    });
    if text.raw.is_ascii() {
        return;
    }
    for c in LIVES.captures_iter(text.raw) {
        if let Some(m) = c.get(1).or_else(|| c.get(2)) {
            out.push(finding(Kind::Address, m.start(), m.end(), 0.7, TOWN));
        }
    }
}

/// Relations that are clinicians: "my neuro in Taipei" is where the neuro works.
fn clinician(w: &str) -> bool {
    w.ends_with("ologist")
        || w.ends_with("ician")
        || w.ends_with("iatrist")
        || matches!(
            w,
            "gp" | "doc"
                | "doctor"
                | "neuro"
                | "rheumy"
                | "cardio"
                | "gastro"
                | "onc"
                | "derm"
                | "consultant"
                | "specialist"
                | "surgeon"
                | "nurse"
                | "physio"
                | "physiotherapist"
                | "therapist"
                | "dentist"
                | "pharmacist"
                | "midwife"
                | "registrar"
                | "practitioner"
        )
}
