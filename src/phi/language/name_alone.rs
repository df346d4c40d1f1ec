//! NAME with no cue before it: a full name written as two capitalised words no list knows
//! ("Tomomi Nishiyama lives at…"), a name after a verb of saying ("…," says Bergqvist.), and a
//! name as the subject of a verb only people do ("Enrico shouted at…", "Sofie lives on…").
//! The name lists cannot hold every name of every origin, so these read the shape of the
//! sentence instead; each has guards for the words that take the same shape (places after a
//! place word, drugs and diseases by their stems, organisations and insurers).

use super::countries::{country, demonym};
use super::lexicon::fold;
use super::lexicon::{
    Doc, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_STATE, F_SURNAME, F_TITLE,
    F_WORLD,
};
use super::medicines;
use super::name_places::after_place_word;
use super::names::{acronym, alpha, cap, hyphenated, mid_cap, sep, unknown, FULL, GIVEN};
use crate::phi::Finding;

/// Capitalised (the writer using capitals), letters only, no English word nor a word that
/// reads as a name but is one (months, states, chat words), no drug or disease by its stem.
pub(super) fn name_like(text: &Doc, i: usize) -> bool {
    cap(text, i)
        && alpha(text, i)
        && text.word(i).chars().count() >= 2
        && !acronym(text, i)
        && !text.is(
            i,
            F_ENGLISH | F_NAME_WORD | F_FUNCTION | F_STATE | F_RELATION | F_TITLE,
        )
        && !medicine(text.lower_word(i))
        && !organisation(text.lower_word(i))
        // Session 18: "Hodgkin, can someone explain…": a disease by its discoverer's name.
        && !super::name_words::eponym(text.lower_word(i))
}

/// A medicine by its brand or its stem, or a disease by its ending (folded: "Xeljanz").
fn medicine(w: &str) -> bool {
    medicines::brand(w) || medicines::stem(w)
}

/// Insurers, drug makers and sites that speak in a post as people do ("Aetna said no", "says
/// Medicare."): no person's name, though no English list holds them.
pub(super) fn organisation(w: &str) -> bool {
    matches!(
        w,
        "medicare"
            // Session 18: charities members thank as they thank people.
            | "macmillan"
            // Session 21: shops and chains by a founder's name, and a helpline.
            | "nandos"
            | "macys"
            | "watsons"
            | "drogasil"
            | "raia"
            | "kipling"
            | "sadag"
            | "rpa"
            | "samaritans"
            | "maggies"
            | "barnardos"
            | "mencap"
            | "medicaid"
            | "aetna"
            | "cigna"
            | "humana"
            | "optum"
            | "anthem"
            | "tricare"
            | "kaiser"
            | "bupa"
            | "medibank"
            | "pfizer"
            // Session 19: device makers members deal with as with people ("Abbott replaced
            // my failed sensor").
            | "abbott"
            | "medtronic"
            | "roche"
            | "insulet"
            | "sanofi"
            | "bayer"
            | "moderna"
            | "abbvie"
            | "novartis"
            | "janssen"
            | "novo"
            | "nordisk"
            | "lilly"
            | "amgen"
            | "genentech"
            | "google"
            | "facebook"
            | "reddit"
            | "webmd"
            | "youtube"
            | "tiktok"
            | "instagram"
            | "chatgpt"
            | "alexa"
            | "siri"
            // Makes of car and shops: "a silver Honda", "my Uber driver".
            | "honda"
            | "toyota"
            | "nissan"
            | "mazda"
            | "subaru"
            | "suzuki"
            | "mitsubishi"
            | "hyundai"
            | "kia"
            | "lexus"
            | "tesla"
            | "volvo"
            | "audi"
            | "porsche"
            | "peugeot"
            | "renault"
            | "citroen"
            | "fiat"
            | "skoda"
            | "chevy"
            | "chevrolet"
            | "uber"
            | "lyft"
            | "walmart"
            | "costco"
            | "kroger"
            | "walgreens"
            | "tesco"
            | "sainsbury"
            | "sainsburys"
            | "aldi"
            | "lidl"
            | "ikea"
            | "amazon"
            // Studios and streaming services: "the Netflix film".
            | "netflix"
            | "hulu"
            | "disney"
            | "pixar"
            | "hbo"
            | "bbc"
            | "marvel"
            | "spotify"
    )
}

/// Words that, after a capitalised pair, make it a place or an organisation: "Kuala Lumpur
/// city", "Mhealthcoach Xignite inc".
fn place_or_body_after(w: &str) -> bool {
    matches!(
        w,
        "inc"
            | "llc"
            | "ltd"
            | "plc"
            | "corp"
            | "gmbh"
            | "city"
            | "province"
            | "region"
            | "district"
            | "county"
            | "river"
            | "airport"
            | "station"
            | "hospital"
            | "clinic"
            | "university"
            | "syndrome"
            | "disease"
    )
}

/// "Tomomi Nishiyama lives at…", "change it to Bekbolat Musliyevich": two capitalised words
/// side by side, each a listed name or on no list at all, neither an English word nor one
/// letter off one (a typo), in a post that uses lower case too. Not part of a longer run of capitalised words (a title, an
/// organisation: "Google Public Data Explorer"), not after a word of place ("in Kuala
/// Lumpur"), not before a word that makes it a place or a body.
pub(super) fn unlisted_pair(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let k = i + 1;
    let n = text.words.len();
    if !text.cased || k >= n || sep(text, i) != " " || !name_like(text, i) || !name_like(text, k) {
        return None;
    }
    // A capitalised word before, in the same sentence, makes a longer run (capitals as
    // written, a Title Case line's too: `title_case`); not a job written before a name
    // ("Producer Liviana Palerma explained").
    if i > 0
        && !text.starts_sentence(i)
        && text.text.is_capitalised(i - 1)
        && !role(text.lower_word(i - 1))
    {
        return None;
    }
    if k + 1 < n {
        let after = sep(text, k);
        if after == " " && text.text.is_capitalised(k + 1) && text.word(k + 1).len() > 1 {
            return None;
        }
        if place_or_body_after(text.lower_word(k + 1)) {
            return None;
        }
    }
    if after_place_word(text, i) {
        return None;
    }
    // A listed name or a word no list knows, either side (`pair` in `names` takes the listed
    // ones mid-sentence; this one also at a sentence's or a line's start). `unknown` last: it
    // costs a few hundred look-ups (bounded per post).
    // One of the two may be one letter off an English word ("Gyala", "Maha"): beside a name,
    // a capitalised word that is not itself English is no typo. Both so is a typo in a title.
    let strict = |m: usize| text.is(m, F_FIRST | F_SURNAME) || unknown(text, m);
    let loose = |m: usize| text.word(m).chars().count() >= 3;
    ((strict(i) && loose(k)) || (loose(i) && strict(k))).then_some((hyphenated(text, k), 0.6, FULL))
}

/// Jobs written before a person's name like a title: "Producer Liviana Palerma", "Coach
/// Okonkwo Adeyemi" (the titles of address, "Dr", "Mrs", are in `lexicon`'s TITLE).
fn role(w: &str) -> bool {
    matches!(
        w,
        "producer"
            | "director"
            | "singer"
            | "songwriter"
            | "author"
            | "writer"
            | "novelist"
            | "poet"
            | "actor"
            | "actress"
            | "artist"
            | "composer"
            | "drummer"
            | "guitarist"
            | "coach"
            | "manager"
            | "editor"
            | "reporter"
            | "journalist"
            | "photographer"
            | "chef"
            | "founder"
            | "ceo"
            | "chairman"
            | "chairwoman"
            | "president"
            | "senator"
            | "governor"
            | "mayor"
            | "judge"
            | "officer"
            | "detective"
            | "captain"
            | "sergeant"
            | "lieutenant"
            | "councillor"
            | "councilman"
            | "councilwoman"
            | "minister"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "lawyer"
            | "attorney"
    )
}

/// The particle that opens a surname: Dutch, German, Arabic ("ten Pas", "von Bülow", "ibn Said").
fn first_particle(w: &str) -> bool {
    matches!(
        w,
        "van" | "von" | "ten" | "ter" | "zu" | "bin" | "binti" | "ibn" | "al"
    )
}

/// "Willemine ten Pas", "Maika van de Noort", "Ludwig von Bülow", "Omar ibn Said": a given name
/// (listed, or on no list), a Dutch, German or Arabic particle (and "de", "der" after it), a
/// capitalised surname. Spanish, Portuguese and French "de", "del", "da" are left out: they
/// name towns far more often ("Chiclana de la Frontera", "Villafranca del Cid").
pub(super) fn particled(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    // The particle first: it is the rare part.
    if i + 2 >= n
        || !first_particle(text.word(i + 1))
        || sep(text, i) != " "
        || !name_like(text, i)
        || after_place_word(text, i)
    {
        return None;
    }
    if i > 0 && place_before(text, i - 1) {
        return None;
    }
    let particle = |k: usize| {
        k < n
            && if k == i + 1 {
                first_particle(text.word(k))
            } else {
                matches!(text.word(k), "de" | "der" | "den" | "dem" | "zu")
            }
    };
    let mut k = i + 1;
    while k < i + 3 && particle(k) && sep(text, k) == " " {
        k += 1;
    }
    if k == i + 1
        || k >= n
        || !cap(text, k)
        || !alpha(text, k)
        || text.word(k).chars().count() < 2
        || text.is(k, F_FUNCTION)
        || !(text.is(i, F_FIRST) || unknown(text, i))
    {
        return None;
    }
    Some((hyphenated(text, k), 0.6, FULL))
}

/// "unlike the Christiansen novel", "why is Katrine so impulsive?": one capitalised word in
/// the middle of a sentence that a list holds as a surname, or as a given name of another
/// country, and that is no word of any kind (English, name-word, drug, body), not in a run of
/// capitalised words and not after a word of place.
pub(super) fn listed_alone(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let n = text.words.len();
    if !text.cased
        || !text.is(i, F_SURNAME | F_WORLD)
        || text.starts_sentence(i)
        || text.word(i).chars().count() < 4
        || !name_like(text, i)
        || after_place_word(text, i)
        || country(text, i)
        || demonym(text.lower_word(i))
    {
        return None;
    }
    // Runs of capitals as written (`title_case`): a title's or a firm's words side by side.
    if i > 0 && (text.text.is_capitalised(i - 1) || place_before(text, i - 1)) {
        return None;
    }
    if i + 1 < n {
        let after = sep(text, i);
        if after.trim().is_empty() && text.text.is_capitalised(i + 1) {
            return None;
        }
        if place_or_body_after(text.lower_word(i + 1)) {
            return None;
        }
    }
    Some((hyphenated(text, i), 0.6, GIVEN))
}

/// Word `k` puts a place after it: "from Portugal", "home city Messina", "University of
/// Nicosia" (a capitalised word or a place noun before "of").
fn place_before(text: &Doc, k: usize) -> bool {
    let place_noun = |w: &str| {
        matches!(
            w,
            "city"
                | "town"
                | "village"
                | "capital"
                | "island"
                | "province"
                | "county"
                | "country"
                | "region"
                | "state"
        )
    };
    match text.lower_word(k) {
        "from" => true,
        "of" => k > 0 && (text.is_capitalised(k - 1) || place_noun(text.lower_word(k - 1))),
        w => place_noun(w),
    }
}

/// A name held once is the same person when its words come again: "directed by Maciej
/// Borkowski and starring Borkowski", "my name is borna jerković but everyone calls me borna".
/// Returns the later words equal to a word of a name in `held` (folded; capitalised where the
/// writer uses capitals; no English word unless capitalised mid-sentence), outside `held`.
pub(super) fn repeated(text: &Doc, held: &[Finding]) -> Vec<usize> {
    let mut words: Vec<String> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for f in held.iter().filter(|f| f.confidence >= 0.5) {
        covered.push((f.start, f.end));
        let (a, b) = (text.word_at_or_after(f.start), text.word_at_or_after(f.end));
        for k in a..b.min(text.words.len()) {
            if text.word(k).chars().count() >= 3 && !text.is(k, F_FUNCTION | F_TITLE) {
                words.push(folded(text, k));
            }
        }
    }
    // A post names few people: a short list is searched faster than a set is built, and a
    // post naming very many is held already.
    if words.is_empty() || words.len() > 32 {
        return Vec::new();
    }
    covered.sort_unstable();
    let mut again = Vec::new();
    for k in 0..text.words.len() {
        let w = text.word(k);
        if w.len() < 3 || w.len() > 40 || !alpha(text, k) {
            continue;
        }
        let plain = !text.is(k, F_ENGLISH | F_NAME_WORD | F_FUNCTION);
        let ok = if text.cased {
            text.is_capitalised(k) && (plain || mid_cap(text, k))
        } else {
            plain
        };
        if ok
            && !super::overlaps(&covered, text.words[k].start, text.words[k].end)
            && words.contains(&folded(text, k))
        {
            again.push(k);
        }
    }
    again
}

/// Word `k` in lower case without diacritics, as the name lists hold it.
fn folded(text: &Doc, k: usize) -> String {
    let w = text.lower_word(k);
    if w.is_ascii() {
        w.to_string()
    } else {
        fold(w)
    }
}

#[cfg(test)]
#[path = "name_alone_tests.rs"]
mod tests;
