//! Postcodes of other countries, and the town written beside them: UK "LS6 2QT", Canada "H2X
//! 3K8", Irish Eircode "D02 X285", Dutch "1015 CJ", and 4–6-digit codes beside a street, after
//! a town, or after the word that names them ("CEP", "C.P.", "PIN", "PLZ"). Linear regexes, and
//! a bounded walk back from each code.

use std::sync::LazyLock;

use regex::Regex;

use super::abroad::{capital_ok, name_word, particle, TOWN, ZIP};
use super::countries::country;
use super::illnesses::illness;
use super::lexicon::{month, Doc, F_ENGLISH, F_FUNCTION, F_NAME_WORD, F_STATE, F_STATE_ABBR};
use super::medicines::brand;
use super::names::mid_cap;
use super::places::{digits, sep};
use super::postcode_words::{code_cue, dutch_letters, region_abbr};
use super::street_words::{place_cue, quantity};
use super::{finding, Kind};
use crate::phi::Finding;

static UK: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(r"(?-u:\b)[a-z]{1,2}[0-9][a-z0-9]? ?[0-9][abd-hjlnp-uw-z]{2}(?-u:\b)")
});
static CANADA: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?-u:\b)[abceghj-nprstvxy][0-9][abceghj-nprstv-z] ?[0-9][abceghj-nprstv-z][0-9](?-u:\b)",
    )
});
static EIRCODE: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(r"(?-u:\b)(?:[acdefhknprtvwxy][0-9]{2}|d6w) ?[0-9acdefhknprtvwxy]{4}(?-u:\b)")
});
static DUBLIN: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(r"(?-u:\b)d(?:0[1-9]|1[0-8]|2[0-24]|6w)(?-u:\b)"));
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    // Dutch "1015 CJ"; 4–6 digits (Portuguese "3610-114"); Swedish, Czech, Slovak and Greek
    // "394 13"; Polish "53-320". Each only after a postcode word or beside a town (below).
    crate::phi::regex(
        r"(?-u:\b)[1-9][0-9]{3} ?[a-z]{2}(?-u:\b)|(?-u:\b)[0-9]{4,6}(?:-[0-9]{3})?(?-u:\b)|(?-u:\b)[0-9]{3} [0-9]{2}(?-u:\b)|(?-u:\b)[0-9]{2}-[0-9]{3}(?-u:\b)",
    )
});

/// Postcodes, and the town written beside them.
pub(super) fn postcodes(text: &Doc, out: &mut Vec<Finding>) {
    let mut ends: Vec<usize> = out
        .iter()
        .filter(|f| f.kind == Kind::Address && f.confidence >= 0.5)
        .map(|f| f.end)
        .collect();
    ends.sort_unstable();
    // "at 16025 Johnny Radial", "at 9721 Dalmatinova 43": a house number that starts a street,
    // or one before a street, is no code before a town.
    let streets = super::disjoint(
        out.iter()
            .filter(|f| f.kind == Kind::Address && f.confidence >= 0.5)
            .map(|f| (f.start, f.end))
            .collect(),
    );
    let mut codes: Vec<(usize, usize, f32, bool)> = Vec::new();
    let raw = text.raw;
    let mut strong: Vec<(usize, usize)> = Vec::new();
    for m in UK.find_iter(&text.lower) {
        let inward = &m.as_str()[m.as_str().len() - 2..];
        if !matches!(inward, "st" | "nd" | "rd" | "th") {
            strong.push((m.start(), m.end()));
        }
    }
    for m in CANADA.find_iter(&text.lower) {
        // "Stage IIIB, T3N1M0": a tumour's TNM stage has a postcode's shape (session 14).
        // Session 17: written as one word with the stage's own digits (T0–4, N0–3, M0–1), it
        // is the stage wherever it stands ("Gleason 3+4=7, T2N0M0").
        let b = m.as_str().as_bytes();
        let shaped = b.len() == 6 && b[0] == b't' && b[2] == b'n' && b[4] == b'm';
        let stage_digits =
            shaped && matches!(b[1], b'0'..=b'4') && matches!(b[3], b'0'..=b'3') && b[5] <= b'1';
        let tnm = (shaped
            && text
                .text
                .words_before(m.start(), 4)
                .any(|w| matches!(w, "stage" | "staging" | "staged" | "tnm" | "pathology")))
            || stage_digits;
        if !tnm {
            strong.push((m.start(), m.end()));
        }
    }
    for m in EIRCODE.find_iter(&text.lower) {
        let tail = &m.as_str()[m.as_str().len() - 4..];
        if tail.bytes().any(|b| b.is_ascii_digit()) && tail.bytes().any(|b| b.is_ascii_alphabetic())
        {
            strong.push((m.start(), m.end()));
        }
    }
    for (s, e) in strong {
        // "Leeds LS6 2QT", "Kelowna BC V1Y 4R2": the town before a code of its own shape.
        if let (true, Some((s0, e0))) = town_before(text, &ends, text.word_at_or_after(s)) {
            out.push(finding(Kind::Address, s0, e0, 0.7, TOWN));
        }
        // "SW1A 2AA London", "D02 X285 Dublin": the town after a code of its own shape too.
        codes.push((s, e, 0.82, true));
    }
    // "If you're in D08 the pharmacy…", "we're in Dublin 15": Dublin's postal districts,
    // after a word of place or the city's name (session 14).
    for m in DUBLIN.find_iter(&text.lower) {
        let placed = text
            .text
            .words_before(m.start(), 1)
            .any(|w| matches!(w, "in" | "near" | "from" | "dublin" | "around"));
        if placed {
            codes.push((m.start(), m.end(), 0.8, false));
        }
    }
    for m in CODE.find_iter(&text.lower) {
        // "3204 ta": not a Dutch code, but its four digits may be a code of their own.
        let (m_start, mut m_end) = (m.start(), m.end());
        let mut dutch = m.as_str().ends_with(|c: char| c.is_ascii_alphabetic());
        // The boundaries are ASCII's (a Unicode one keeps the fast search off every post with
        // an accent): "6570 Jiřího" is four digits before a word, not a Dutch code.
        let glued = text.lower[m_end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if dutch && (glued || !dutch_letters(&m.as_str()[m.as_str().len() - 2..])) {
            dutch = false;
            m_end = m_start + 4;
        }
        let k = text.word_at_or_after(m_start);
        let (beside, town) = town_before(text, &ends, k);
        let cue = text.words_before(m_start, 3).any(code_cue)
            || text.lower[..m_start].trim_end().ends_with("c.p.");
        // "Finland 80896", "New Zealand 34694" closing an address's last line.
        let after_country = !dutch
            && k > 0
            && matches!(sep(text, k - 1), " " | ", " | ",")
            && country(text, k - 1)
            && line_ends(raw, m_end)
            && !year(m.as_str());
        let in_town = !dutch && !year(m.as_str()) && town_code(text, k) && !noun_after(text, m_end);
        let upper_dutch = dutch && text.cased && {
            let letters = &raw[m_end - 2..m_end];
            letters.bytes().all(|b| b.is_ascii_uppercase())
        };
        let after = text.word_at_or_after(m_end);
        let counted = !dutch && after < text.words.len() && quantity(text.lower_word(after));
        let state =
            !dutch && m_end - m_start == 4 && !year(m.as_str()) && australian_state(text, k);
        let pin = !dutch && indian_pin(text, m.as_str(), k) && line_ends(raw, m_end);
        let town_next = !dutch
            // "moved to 2019 Ford Fiesta", "in 2000 Sydney hosted the games": a code that reads
            // as a year is one.
            && !year(m.as_str())
            && placed(text, k)
            && town_after(text, m_end)
            && !super::overlaps(&streets, m_start, text.words[after].end);
        if !(beside || cue || upper_dutch || after_country || in_town || state || pin || town_next)
            || counted
        {
            continue;
        }
        if beside || state {
            if let Some((s0, e0)) = town {
                out.push(finding(Kind::Address, s0, e0, 0.7, TOWN));
            }
        }
        // "Melbourne VIC 3000": the town is before the state, not after the code.
        if pin && !(beside || state) {
            let t = &text.words[k - 1];
            out.push(finding(Kind::Address, t.start, t.end, 0.7, TOWN));
        }
        codes.push((m_start, m_end, 0.85, !state && !pin));
    }
    for (s, e, conf, town_after) in codes {
        out.push(finding(Kind::Zip, s, e, conf, ZIP));
        // "69003 Lyon", "1015 CJ Amsterdam", "28014 Madrid": the town after the code.
        if town_after {
            let k = text.word_at_or_after(e);
            if k < text.words.len()
                && matches!(sep_before(text, k), " " | ", ")
                && name_word(text, k)
                && !text.is(k, F_FUNCTION)
                && ((text.cased && text.titled) || !text.is(k, F_NAME_WORD))
                && town_capital_ok(text, k)
            {
                let mut last = k;
                if k + 1 < text.words.len()
                    && sep(text, k) == " "
                    && text.cased
                    && text.is_capitalised(k + 1)
                    && name_word(text, k + 1)
                {
                    last = k + 1;
                }
                out.push(finding(
                    Kind::Address,
                    text.words[k].start,
                    text.words[last].end,
                    0.7,
                    TOWN,
                ));
            }
        }
    }
}

/// A town's word `k` is capitalised as the writer capitalises names: "M14 5RB manchester" in a
/// post whose only capitals are codes and acronyms needs none (but is no English word).
fn town_capital_ok(text: &Doc, k: usize) -> bool {
    capital_ok(text, k) || (text.cased && !text.titled && !text.is(k, F_ENGLISH))
}

/// "moved to 75011 Paris", "we are in 3056 brunswick": a word of place right before the code
/// at word `k`.
fn placed(text: &Doc, k: usize) -> bool {
    k > 0 && sep(text, k - 1) == " " && {
        let w = text.lower_word(k - 1);
        // "is" and "on" only after "address" ("is 3000 Nuvigil a lot" is a dose).
        let address = k > 1 && matches!(text.lower_word(k - 2), "address" | "addr");
        w == "in" || (place_cue(w) && !matches!(w, "is" | "on")) || address
    }
}

/// "75011 Paris", "10115 berlin", "2000 Sydney, nsw": a town's name right after the code at
/// byte `end`: no English word ("to 1000 Oaks community"), nor a word that is also a name unless
/// a capital mid-sentence makes it one, no month, drug or illness ("to 4000 IU",
/// "from 1500 Humira", "at 2000 steps" are amounts), and no plural noun after it ("got to 5000
/// Instagram followers").
fn town_after(text: &Doc, end: usize) -> bool {
    let k = text.word_at_or_after(end);
    if k >= text.words.len() || text.gap_to(end, k) != " " {
        return false;
    }
    // "at 9721 Dalmatinova 43", "in 0269 Stensås terrasse 38": a house number after the name
    // makes it a street, and the first number a building's.
    let numbered = (k + 1..(k + 3).min(text.words.len()))
        .take_while(|&j| text.raw[text.words[j - 1].end..text.words[j].start] == *" ")
        .any(|j| text.lower_word(j).starts_with(|c: char| c.is_ascii_digit()));
    let w = text.lower_word(k);
    // A word that is also a name ("Sydney", "Florence") with a capital mid-sentence.
    let plain = !text.is(k, F_ENGLISH) && (!text.is(k, F_NAME_WORD) || mid_cap(text, k));
    w.chars().count() >= 3
        && !numbered
        && name_word(text, k)
        && !text.is(k, F_FUNCTION | F_STATE)
        && town_capital_ok(text, k)
        && plain
        && month(w).is_none()
        && !brand(w)
        && !illness(w)
        && !noun_after(text, text.words[k].end)
}

/// "in Bjert 6091", "near Quinta de São Tiago 3610-114", "in København K 1421": the code at word
/// `k` right after a town's name (no English word, no month) that follows a word about places.
fn town_code(text: &Doc, k: usize) -> bool {
    let mut j = k;
    let mut names = 0;
    while j > 0 && names < 5 {
        if !matches!(sep(text, j - 1), " " | ", ") {
            break;
        }
        let w = text.lower_word(j - 1);
        if names > 0 && particle(w) {
            j -= 1;
        } else if text.cased && text.word(j - 1).len() == 1 && text.is_capitalised(j - 1) {
            // A district letter: "København K".
            j -= 1;
        } else if name_word(text, j - 1)
            && capital_ok(text, j - 1)
            && !text.is(j - 1, F_FUNCTION | F_STATE | F_STATE_ABBR)
            && month(w).is_none()
            // The word before the code is no English word ("in Room 1234"); further back, a
            // capitalised one may be part of the name ("Vila Nova de Gaia").
            && (!text.is(j - 1, F_ENGLISH | F_NAME_WORD) || (names > 0 && mid_cap(text, j - 1)))
        {
            names += 1;
            j -= 1;
        } else {
            break;
        }
    }
    names > 0
        && j > 0
        && sep(text, j - 1) == " "
        && matches!(text.lower_word(j - 1), "in" | "near" | "from" | "at" | "to")
}

/// "in Ohio 3000 patients": a count of something, not a code (a plural English noun right
/// after it; "4230 last year" stays a code).
fn noun_after(text: &Doc, end: usize) -> bool {
    let k = text.word_at_or_after(end);
    if k >= text.words.len() || text.gap_to(end, k) != " " {
        return false;
    }
    let w = text.lower_word(k);
    text.is(k, F_ENGLISH)
        && !text.is(k, F_FUNCTION)
        && (w.ends_with('s') || matches!(w, "people" | "children" | "men" | "women"))
}

/// Nothing but spaces or closing punctuation between byte `end` and the end of its line.
fn line_ends(raw: &str, end: usize) -> bool {
    raw[end..]
        .chars()
        .take_while(|&c| c != '\n')
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ')' | ';'))
}

/// "1999", "2024": a year, read as no postcode.
pub(super) fn year(code: &str) -> bool {
    code.len() == 4 && (code.starts_with("19") || code.starts_with("20"))
}

/// Walks back from the code at word `k` over commas, spaces, a region's abbreviation, the
/// word naming the code and up to three town words (a district number too: "Dublin 2", "Wuse
/// 2") to the end of a street. Returns whether a street ends there, and the town's byte range.
fn town_before(text: &Doc, ends: &[usize], k: usize) -> (bool, Option<(usize, usize)>) {
    let mut town: Option<(usize, usize)> = None;
    let mut j = k;
    for _ in 0..6 {
        if j == 0 {
            break;
        }
        let gap = sep(text, j - 1);
        if gap.is_empty()
            || !gap
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '-' | '.' | '/'))
        {
            break;
        }
        if ends.binary_search(&text.words[j - 1].end).is_ok() {
            return (true, town);
        }
        let w = text.lower_word(j - 1);
        if region_abbr(w) || code_cue(w) || matches!(w, "c" | "p") {
            j -= 1;
            continue;
        }
        let district = w.len() <= 2 && digits(w);
        if district || (name_word(text, j - 1) && capital_ok(text, j - 1)) {
            let (s0, e0) = (text.words[j - 1].start, text.words[j - 1].end);
            town = Some((s0, town.map_or(e0, |t| t.1)));
            j -= 1;
            continue;
        }
        break;
    }
    (false, town)
}

/// "Melbourne VIC 3000", "parramatta nsw 2150": four digits right after an Australian state's
/// abbreviation, itself after a word (the town). In capitals any of them; in lower case only
/// those that are no word or name ("vic", "sa", "wa", "act", "nt" are).
fn australian_state(text: &Doc, k: usize) -> bool {
    if k < 2 || sep(text, k - 1) != " " || !matches!(sep(text, k - 2), " " | ", ") {
        return false;
    }
    let w = text.word(k - 1);
    let upper = matches!(
        w,
        "NSW" | "VIC" | "QLD" | "WA" | "SA" | "TAS" | "ACT" | "NT"
    );
    let lower = matches!(w, "nsw" | "qld" | "tas");
    (upper || lower) && text.word(k - 2).chars().all(char::is_alphabetic)
}

/// "…, Sector 15, Noida 201301", "…, Bengaluru - 560001": India's six-digit PIN (its first
/// digit 1–8) after a town that follows a comma (an address's last part), closing the line.
/// The town is a capitalised word (in a cased post) that is no English word.
fn indian_pin(text: &Doc, code: &str, k: usize) -> bool {
    let b = code.as_bytes();
    b.len() == 6
        && b.iter().all(u8::is_ascii_digit)
        && (b'1'..=b'8').contains(&b[0])
        && k >= 2
        && matches!(sep(text, k - 1), " " | " - " | ", ")
        && sep(text, k - 2).trim() == ","
        && text.word(k - 1).chars().count() >= 3
        && name_word(text, k - 1)
        && capital_ok(text, k - 1)
        && !text.is(k - 1, F_ENGLISH | F_FUNCTION)
        && !super::medicines::brand(text.lower_word(k - 1))
}

/// What lies just before word `k`.
fn sep_before<'t>(text: &'t Doc, k: usize) -> &'t str {
    let start = if k == 0 { 0 } else { text.words[k - 1].end };
    text.gap_to(start, k)
}

#[cfg(test)]
#[path = "postcodes_tests.rs"]
mod tests;
