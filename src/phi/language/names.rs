//! NAME: people's names. One pass over the words with a small window either side: a given name
//! followed by a surname, a title and a surname, a given name tied to a person by what comes
//! before it ("my daughter", "my name is", "thanks,", a signature line), or a given name that is
//! not also an English word. Capitals count only when the writer uses them (`text.cased`).

use super::lexicon::{
    Doc, F_CENSUS_FIRST, F_ENGLISH, F_FIRST, F_FUNCTION, F_NAME_WORD, F_RELATION, F_STATE,
    F_STATE_ABBR, F_SURNAME, F_TITLE, F_TOWN, F_WORLD,
};
use super::name_alone::{listed_alone, particled, repeated, unlisted_pair};
use super::name_company::company;
use super::name_cues::{cued, labelled};
use super::name_doers::doer;
use super::name_initials::initialled;
use super::name_items::{aged, bulleted};
use super::name_lists::{coordinated, listed_after};
use super::name_mentions;
use super::name_patients;
use super::name_places::{after_place_word, excluded, town_article};
use super::name_roles;
use super::name_said::{is_relation, name_is, relation_is};
use super::name_self::{addressed, from_place, greeted, here, self_named, signed};
use super::name_speech::{self, attributed, called_to, speaker, vocative};
use super::name_subjects;
use super::name_titles::{kunya, titled};
use super::name_verbs::{given_to, subject};
use super::name_word_people;
use super::name_writer;
use super::{finding, Kind};
use crate::phi::Finding;

pub(super) const FULL: &str = "a person's full name";
pub(super) const GIVEN: &str = "a person's first name";
const AGAIN: &str = "a person's name, named again";
const TOWN: &str = "a town or city";

/// `blocked`: sorted, disjoint byte ranges already taken (institutions, street addresses).
pub(super) fn detect(text: &Doc, blocked: &[(usize, usize)], out: &mut Vec<Finding>) {
    let n = text.words.len();
    let first = out.len();
    let mut i = 0;
    // The last word of the last name held, for names listed after it ("aoife and cian").
    let mut last_held: Option<usize> = None;
    while i < n {
        let found = titled(text, i)
            .or_else(|| full_name(text, i))
            .or_else(|| reversed(text, i))
            .or_else(|| initialled(text, i))
            .or_else(|| pair(text, i))
            // Before the cues, which read one word: "ask Maika van de Noort" is all of it.
            .or_else(|| particled(text, i))
            .or_else(|| labelled(text, i))
            .or_else(|| cued(text, i))
            .or_else(|| relation_is(text, i))
            .or_else(|| name_is(text, i))
            .or_else(|| is_relation(text, i))
            .or_else(|| coordinated(text, i))
            .or_else(|| here(text, i))
            .or_else(|| speaker(text, i))
            .or_else(|| attributed(text, i))
            .or_else(|| subject(text, i))
            .or_else(|| given_to(text, i))
            .or_else(|| company(text, i))
            .or_else(|| doer(text, i))
            .or_else(|| self_named(text, i))
            .or_else(|| signed(text, i))
            .or_else(|| greeted(text, i))
            .or_else(|| addressed(text, i))
            .or_else(|| from_place(text, i))
            .or_else(|| aged(text, i))
            .or_else(|| bulleted(text, i))
            .or_else(|| unlisted_pair(text, i))
            .or_else(|| kunya(text, i))
            .or_else(|| called_to(text, i))
            .or_else(|| vocative(text, i))
            .or_else(|| name_speech::spoken_to_you(text, i))
            .or_else(|| name_speech::opening_to_you(text, i))
            .or_else(|| listed_after(text, i, last_held))
            .or_else(|| listed_alone(text, i))
            .or_else(|| name_roles::maker(text, i))
            .or_else(|| name_roles::former(text, i))
            .or_else(|| name_roles::by_character(text, i))
            .or_else(|| name_roles::with_writer(text, i))
            .or_else(|| name_roles::apposed(text, i))
            .or_else(|| name_roles::apposed_pair(text, i))
            .or_else(|| name_roles::hyphen_given(text, i))
            .or_else(|| name_roles::honoured(text, i))
            .or_else(|| name_writer::around_writer(text, i))
            .or_else(|| name_patients::as_patient(text, i))
            .or_else(|| name_word_people::word_person(text, i))
            .or_else(|| name_mentions::mentioned(text, i))
            .or_else(|| name_subjects::sentence_subject(text, i))
            .or_else(|| name_subjects::pair_subject(text, i))
            .or_else(|| name_subjects::initials_subject(text, i))
            .or_else(|| lone(text, i));
        match found {
            Some((end, confidence, why))
                if !excluded(text, i, end, blocked) && !crosses_sentence(text, i, end) =>
            {
                if confidence >= 0.5 {
                    last_held = Some(end);
                }
                let (kind, start, why) = match town_article(text, i) {
                    Some(article) => (Kind::Address, text.words[article].start, TOWN),
                    // "Ji-woo and I", "Min-jun's mum": a slot read at a hyphenated name's
                    // second part holds the whole name.
                    None if hyphen_tail(text, i) => (Kind::Name, text.words[i - 1].start, why),
                    None => (Kind::Name, text.words[i].start, why),
                };
                out.push(finding(kind, start, text.words[end].end, confidence, why));
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    for k in repeated(text, &out[first..]) {
        if !excluded(text, k, k, blocked) {
            let (s, e) = (text.words[k].start, text.words[k].end);
            out.push(finding(Kind::Name, s, e, 0.6, AGAIN));
        }
    }
}

/// What lies between word `i` and word `i + 1`.
pub(super) fn sep<'t>(text: &'t Doc, i: usize) -> &'t str {
    let end = text.words[i].end;
    let next = text.words.get(i + 1).map_or(text.raw.len(), |w| w.start);
    &text.raw[end..next]
}

/// Words `i` and `i + 1` read as one name: only spaces (or an initial's dot) between them.
pub(super) fn joined(text: &Doc, i: usize) -> bool {
    i + 1 < text.words.len() && {
        let s = sep(text, i);
        s.len() <= 3
            && s.chars().all(|c| c == ' ' || c == '.' || c == '\t')
            && !s.is_empty()
            // Session 18: a full stop after a word of more than one letter ends a sentence
            // unless the word is a title ("Dr. Okafor"): "In memory of Ozlem. Forever missed"
            // is no name "Ozlem Forever", and reading it as one, then dropping it for crossing
            // the sentence, left no rule to read "Ozlem" alone.
            && (!s.contains('.')
                || text.word(i).chars().count() == 1
                || text.is(i, super::lexicon::F_TITLE))
    }
}

pub(super) fn alpha(text: &Doc, i: usize) -> bool {
    let w = text.word(i);
    // ASCII words, nearly all of them, in one pass over bytes.
    if w.is_ascii() {
        return w.bytes().all(|b| b.is_ascii_alphabetic());
    }
    w.chars()
        .all(|c| c.is_alphabetic() || crate::phi::text::joining_mark(c))
}

/// Word `i` is the second part of a given name in two short hyphenated parts ("Ji-woo",
/// "Min-jun", "Jun-jun", "Seo-yeon", "Anne-Marie"): both parts letters, two to six of them,
/// the first capitalised when the writer uses capitals, not both English words, no prefix
/// ("pre-op", "co-op", "x-ray") and no compound's tail ("follow-up", "check-in"). Session 14.
pub(super) fn hyphen_tail(text: &Doc, i: usize) -> bool {
    if i == 0 || sep(text, i - 1) != "-" || !alpha(text, i) || !alpha(text, i - 1) {
        return false;
    }
    let (a, b) = (text.lower_word(i - 1), text.lower_word(i));
    let short = |w: &str| (2..=6).contains(&w.chars().count());
    let prefix = matches!(
        a,
        "pre"
            | "post"
            | "co"
            | "re"
            | "non"
            | "self"
            | "anti"
            | "ex"
            | "x"
            | "t"
            | "e"
            | "mid"
            | "sub"
            | "semi"
            | "multi"
            | "over"
            | "under"
            | "well"
            | "half"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "long"
            | "short"
            | "high"
            | "low"
            | "all"
            | "full"
            | "part"
            | "one"
            | "two"
            | "three"
            | "day"
            | "bi"
    );
    let tail = matches!(
        b,
        "op" | "up"
            | "in"
            | "on"
            | "off"
            | "ups"
            | "like"
            | "free"
            | "old"
            | "year"
            | "based"
            | "term"
            | "time"
            | "care"
            | "day"
            | "aid"
            | "out"
            | "ray"
            | "cell"
            | "line"
            | "ish"
            | "fi"
            | "hop"
            | "ha"
            | "oh"
            | "go"
            | "yo"
            | "hum"
            | "so"
    );
    let both_english = text.is(i - 1, F_ENGLISH) && text.is(i, F_ENGLISH);
    let word_like = prefix || tail || both_english || text.is(i - 1, F_FUNCTION);
    short(a) && short(b) && !word_like && (!text.cased || text.is_capitalised(i - 1))
}

/// A word in a script that writes a name in two to four characters: Chinese, Japanese and
/// Korean ("王秀英", "田中", "김민준"). No list holds them, and no English word is one.
pub(super) fn east_asian(w: &str) -> bool {
    w.chars().all(|c| {
        matches!(c,
            '\u{3040}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{F900}'..='\u{FAFF}')
    })
}

pub(super) fn first(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    w.len() >= 2
        && text.is(i, F_FIRST)
        && !text.is(i, F_FUNCTION)
        && alpha(text, i)
        && !acronym(text, i)
}

/// "TSH", "MRN", "CGM": capitals only, in a post that uses lower case too.
pub(super) fn acronym(text: &Doc, i: usize) -> bool {
    let w = text.word(i);
    text.cased && w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn surname(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    w.len() >= 2 && text.is(i, F_SURNAME) && !text.is(i, F_FUNCTION) && alpha(text, i)
}

/// Whether a name read from word `i` to `end` runs over a sentence's end: "…my doctor. Chest
/// pains…", "…in Melbourne. Stage 2…" (session 14). A full stop inside a name follows only an
/// initial ("J. Smith") or a title's abbreviation ("Dr. Okafor", "St. John").
fn crosses_sentence(text: &Doc, i: usize, end: usize) -> bool {
    (i..end).any(|k| {
        let gap = sep(text, k);
        let stops = gap.starts_with(['.', '!', '?']) && gap.ends_with([' ', '\n']);
        stops
            && text.word(k).chars().count() > 1
            && !matches!(
                text.lower_word(k),
                "dr" | "mr"
                    | "mrs"
                    | "ms"
                    | "mx"
                    | "st"
                    | "prof"
                    | "fr"
                    | "rev"
                    | "jr"
                    | "sr"
                    | "mt"
                    | "sgt"
                    | "capt"
                    | "col"
                    | "lt"
                    | "gen"
            )
    })
}

pub(super) fn common(text: &Doc, i: usize) -> bool {
    text.is(i, F_NAME_WORD | F_FUNCTION)
}

/// A name that is first of all an everyday word ("will", "grace", "mark", "summer"): as the first
/// word of a pair it needs a surname that is not a word too. Rarer name-words ("john", "carter")
/// pair up as names even in an all-lower-case post ("john smith from my church").
fn everyday(text: &Doc, i: usize) -> bool {
    text.is(i, F_FUNCTION)
        || super::name_words::everyday_word(text.lower_word(i))
        // A name from another country's list that is an English word ("doctor", "summer").
        || (text.is(i, F_WORLD) && text.is(i, F_NAME_WORD))
        // "my son said": a relation word does not start a name.
        || (text.is(i, F_RELATION) && text.is(i, F_NAME_WORD))
}

/// Capitalised, in a post that uses capitals.
pub(super) fn cap(text: &Doc, i: usize) -> bool {
    text.cased && text.is_capitalised(i)
}

/// Capitalised in the middle of a sentence: a real signal in a cased post.
pub(super) fn mid_cap(text: &Doc, i: usize) -> bool {
    cap(text, i) && !text.starts_sentence(i)
}

/// A single-letter middle initial ("John Q. Public", "Ken N Fukuda").
pub(super) fn initial(text: &Doc, i: usize) -> bool {
    // Counted in characters: "Halldór Ó Árnþórsson".
    let mut chars = text.word(i).chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.next().is_none()
        // In lower case, "a" and "i" are words ("see a doctor", "kofi i think").
        && (cap(text, i) || (!text.cased && !matches!(text.lower_word(i), "a" | "i")))
}

/// Word `k` may be someone's surname after a given name.
pub(super) fn surname_after(text: &Doc, k: usize, first_common: bool) -> bool {
    if !alpha(text, k) || text.is(k, F_FUNCTION) || text.word(k).len() < 2 {
        return false;
    }
    if acronym(text, k) {
        return false;
    }
    // Session 17: "jasmine tea", "rose water", "olive oil", "holly bush": a flower's or a
    // fruit's name before what is made of it or grows, no surname.
    if matches!(
        text.lower_word(k),
        "tea"
            | "teas"
            | "rice"
            | "oil"
            | "water"
            | "honey"
            | "tree"
            | "trees"
            | "bush"
            | "flower"
            | "flowers"
            | "petals"
            | "perfume"
            | "scent"
            | "syrup"
            | "jam"
            | "cream"
            | "candle"
            | "candles"
            | "soap"
            | "lotion"
            | "juice"
            | "wine"
            | "gin"
            | "seeds"
            | "plant"
            | "plants"
            | "garden"
    ) {
        return false;
    }
    if text.cased && text.is_capitalised(k) {
        // A capitalised word after a capitalised given name: a surname even if the lists don't
        // know it, unless it is a common word and the given name is one too.
        return !(first_common && common(text, k));
    }
    if text.cased {
        return false;
    }
    // Session 22: after a name that is a word too, a town is no surname in lower case ("is it
    // true rome has a centre").
    if first_common && text.is(k, F_TOWN) {
        return false;
    }
    // "my consultant nwosu said no": a verb a subject takes is no surname in lower case, even
    // where a list holds it as one ("said", "will").
    if text.is(k, F_ENGLISH) && super::name_typos::subject_verb(text.lower_word(k)) {
        return false;
    }
    surname(text, k) && !(first_common && common(text, k))
}

/// Given name, optional middle name or initial, surname. Returns the last word index.
fn full_name(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    if !first(text, i) || !joined(text, i) || super::name_company::thing(text.lower_word(i)) {
        return None;
    }
    // "North America", "South Korea": a country or a continent, no surname (session 18).
    if super::countries::country(text, i + 1) {
        return None;
    }
    // Session 17: a name of another country's list that is an English word here, chat's
    // dropped g included ("goin round in circles"), pairs only with a surname that is no word.
    let first_common = everyday(text, i) || (text.is(i, F_ENGLISH) && !text.is(i, F_CENSUS_FIRST));
    if text.cased && !text.is_capitalised(i) {
        return None;
    }
    // Session 20: "on a sunday morning", "since june last": in a post without capitals a day or
    // a month before an English word is the calendar's ("Sunday" and "June" are given names).
    if !text.cased
        && (super::day_dates::weekday(text.lower_word(i))
            || super::lexicon::month(text.lower_word(i)).is_some())
        && text.is(i + 1, F_ENGLISH)
    {
        return None;
    }
    if first_common && text.cased && text.starts_sentence(i) && !mid_cap(text, i + 1) {
        return None;
    }
    let conf = if first_common { 0.75 } else { 0.9 };
    // With a middle name or initial.
    if i + 2 < text.words.len() && joined(text, i + 1) {
        let m = i + 1;
        let middle = initial(text, m)
            || ((first(text, m) || surname(text, m))
                && !text.is(m, F_FUNCTION)
                && (!text.cased || text.is_capitalised(m)));
        if middle && surname_after(text, i + 2, first_common) {
            return Some((hyphenated(text, i + 2), conf, FULL));
        }
    }
    if surname_after(text, i + 1, first_common) {
        return Some((hyphenated(text, i + 1), conf, FULL));
    }
    None
}

/// Extends a surname over "-Jones" or "'Brien".
pub(super) fn hyphenated(text: &Doc, k: usize) -> usize {
    if k + 1 < text.words.len()
        && matches!(sep(text, k), "-" | "'" | "’")
        && alpha(text, k + 1)
        && (!text.cased
            || text.is_capitalised(k + 1)
            // "Hauta-aho", "Takemitsu-san": a lower-case part after a hyphen, no English word.
            || (sep(text, k) == "-" && !text.is(k + 1, F_ENGLISH | F_FUNCTION)))
        && !(sep(text, k) != "-" && text.lower_word(k + 1) == "s")
    {
        k + 1
    } else {
        k
    }
}

/// Two capitalised words mid-sentence, one on a name list and the other on a list or on none,
/// neither an English word: "Does anyone know Tochukwu Balogun?". In lower case, an unknown
/// word then a listed surname: "shout out to tochukwu balogun".
fn pair(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let k = i + 1;
    if !joined(text, i) || !alpha(text, i) || !alpha(text, k) || text.word(k).len() < 2 {
        return None;
    }
    let plain = |m: usize| !text.is(m, F_ENGLISH | F_NAME_WORD | F_FUNCTION) && !acronym(text, m);
    let listed = |m: usize| text.is(m, F_FIRST | F_SURNAME);
    if !(plain(i) && plain(k)) {
        return None;
    }
    if text.cased {
        // At a sentence's start the capital says nothing: the second word must be a listed
        // surname ("Weronika Martinsen will be talking").
        let placed = mid_cap(text, i) || (cap(text, i) && text.is(k, F_SURNAME));
        let both = placed && text.is_capitalised(k) && (listed(i) || listed(k));
        let known = (listed(i) || unknown(text, i)) && (listed(k) || unknown(text, k));
        return (both && known).then_some((hyphenated(text, k), 0.7, FULL));
    }
    (surname(text, k) && !listed(i) && unknown(text, i)).then_some((hyphenated(text, k), 0.6, FULL))
}

/// A word no list knows, after a relation or "named": a name of an origin the lists lack ("my
/// mother-in-law tochukwu"). Not an English word nor one letter off one (a typo), not a chat
/// word, a state or a code.
pub(super) fn unknown(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    let len = w.chars().count();
    let lengths = if east_asian(w) { 2..=4 } else { 4..=14 };
    if !lengths.contains(&len)
        || !alpha(text, i)
        || acronym(text, i)
        || text.is(
            i,
            F_ENGLISH
                | F_NAME_WORD
                | F_FUNCTION
                | F_RELATION
                | F_TITLE
                | F_STATE
                | F_STATE_ABBR
                | F_FIRST
                | F_SURNAME,
        )
    {
        return false;
    }
    match text.unknown_seen[i].get() {
        1 => return false,
        2 => return true,
        _ => {}
    }
    let left = text.typo_checks.get();
    if left == 0 {
        return false;
    }
    text.typo_checks.set(left - 1);
    let folded = super::lexicon::fold(w);
    // A word of another script that no list holds ("王秀英", "김민준") is no English typo:
    // after a cue it is a name as much as a Latin one (session 14).
    let answer = if folded.is_ascii() {
        !super::lexicon::near_english(&folded)
    } else {
        !folded.chars().any(|c| c.is_ascii_alphabetic())
    };
    text.unknown_seen[i].set(if answer { 2 } else { 1 });
    answer
}

/// "Okonkwo, Chinedu", "NGUYEN, Lan": a surname, a comma, a given name, neither an English word.
/// One of the two may be on no list ("Nwosu, Chioma", "okeke, chinwe") when the pair stands
/// as a form's or a list's entry: opening a line or after a label's colon, and closing its
/// clause (the line's end, a mark, a bracket).
fn reversed(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    let k = i + 1;
    if k >= text.words.len()
        || !matches!(sep(text, i), "," | ", ")
        || common(text, i)
        || common(text, k)
        || (text.cased && !(text.is_capitalised(i) && text.is_capitalised(k)))
    {
        return None;
    }
    if surname(text, i) && first(text, k) {
        return Some((k, 0.7, FULL));
    }
    // The looser pair: one listed as its place says (a surname first, a given name second),
    // the other a word no list knows.
    let pair = (surname(text, i) && unknown(text, k)) || (unknown(text, i) && first(text, k));
    // Neither a place, a people, a drug nor a chat word ("Lagos, Nigeria", "humira, skyrizi").
    let plain = super::name_company::plain;
    if !pair || !plain(text, i) || !plain(text, k) {
        return None;
    }
    let opens = i == 0 || {
        let gap = sep(text, i - 1);
        gap.contains('\n') || gap.trim_end().ends_with(':')
    };
    // Not a comma: "They had 6: Gaetane, Hannah, Anthony…" is a list of given names.
    let after = sep(text, k).trim_start_matches(' ');
    let closes = k + 1 == text.words.len()
        || after.starts_with(['\n', '.', ';', '(', ')', '!', '-'])
        || (after.starts_with(',') && text.word(k + 1).starts_with(|c: char| c.is_ascii_digit()));
    (opens && closes).then_some((k, 0.7, FULL))
}

/// A given name on its own that is not also an English word: "Sarah", "emily".
fn lone(text: &Doc, i: usize) -> Option<(usize, f32, &'static str)> {
    // Names from the lists of every origin count only beside a cue or another name: alone,
    // too many of them are words in some language ("sonata", "memphis").
    if !first(text, i) || text.word(i).len() < 3 || after_place_word(text, i) {
        return None;
    }
    // "easter weekend in hospital": feasts and seasons some lists hold as names are, alone, the
    // feast.
    if super::name_words::feast(text.lower_word(i)) {
        return None;
    }
    if text.is(i, F_WORLD) && !text.is(i, F_CENSUS_FIRST) {
        // …unless the post makes it someone's: "Franciska's kid", capitalised mid-sentence
        // and possessive ("Crohn's", "Hashimoto's" are blocked as eponyms in `excluded`).
        let possessive = i + 1 < text.words.len()
            && matches!(sep(text, i), "'" | "’")
            && text.lower_word(i + 1) == "s";
        // "kwame's mum", "Priya's wedding": a relation or a day of one's life after the
        // possessive makes it a person's, at a sentence's start or in lower case too.
        let kin = possessive
            && i + 2 < text.words.len()
            && (text.is(i + 2, F_RELATION)
                || matches!(
                    text.lower_word(i + 2),
                    "wedding" | "birthday" | "funeral" | "diagnosis" | "surgery" | "graduation"
                ));
        if possessive && (mid_cap(text, i) || kin) && !common(text, i) {
            return Some((i, 0.6, GIVEN));
        }
        return world_mid_sentence(text, i).then_some((i, 0.6, GIVEN));
    }
    let name_word = common(text, i);
    if text.cased && !text.is_capitalised(i) {
        return (!name_word).then_some((i, 0.35, GIVEN));
    }
    if name_word {
        // "Grace" mid-sentence in a cased post: a weak clue for a clinician's post.
        let month = super::lexicon::month(text.lower_word(i)).is_some();
        return (mid_cap(text, i) && !month).then_some((i, 0.35, GIVEN));
    }
    Some((i, if text.cased { 0.6 } else { 0.55 }, GIVEN))
}

/// Session 19: a given name from another country's list, capitalised in the middle of a
/// sentence of a post that uses capitals ("visiting Mick, he's", "because Waqar wasn't
/// invited", "Remembering Lerato today"): the capital is the writer saying it is a name. Not a
/// word a list holds as English or as a name-word, a town, a brand or drug, an organisation,
/// nor a word in a sentence of another language (where capitals mean other things).
fn world_mid_sentence(text: &Doc, i: usize) -> bool {
    mid_cap(text, i)
        && !text.foreign(i)
        && !text.is(i, F_TOWN | F_STATE | F_STATE_ABBR)
        && super::name_alone::name_like(text, i)
        // Not a people ("Danish food"), a country, a tool or a handle.
        && super::name_company::plain_in_any_case(text, i)
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
