//! ADDRESS and ZIP: street addresses (number, street name, USPS Publication 28 suffix, unit),
//! PO boxes, towns before a state ("Springfield, IL") or after a place cue ("we moved to Port
//! Jessica", "lives in east michelleburgh"), counties, and 5-digit ZIP codes beside a state, an
//! address or the word "zip". A state alone, a count ("3 falls this year") or a clinic is not.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Doc, F_FIRST, F_FUNCTION, F_SURNAME};
use super::street_words::{place_cue, quantity, strong_suffix, unit_word, weak_suffix};
use super::towns::towns;
use super::{finding, Kind};
use crate::phi::Finding;

const STREET: &str = "a street address";
const ZIP: &str = "a ZIP code";

static PO_BOX: LazyLock<Regex> = LazyLock::new(|| {
    // "PO Box 123", "Postbox 53", and the words other countries use: Danish and Norwegian
    // "Postboks", German "Postfach", Spanish "Apartado", Portuguese "Caixa Postal".
    crate::phi::regex(
        r"(?-u)\b(?:(?:p\.? ?o\.?|post office|post) ?box|postboks|postfach|apartado|caixa postal) #? ?\d{1,6}\b",
    )
});
static UNIT_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(r"(?-u)\b(?:apt|apartment|suite|ste)\.? ?#? ?\d{1,5}[a-z]?\b")
});

pub(super) fn sep<'t>(text: &'t Doc, i: usize) -> &'t str {
    let next = text.words.get(i + 1).map_or(text.raw.len(), |w| w.start);
    &text.raw[text.words[i].end..next]
}

/// Only spaces (or an abbreviation's dot) between words `i` and `i + 1`.
pub(super) fn spaced(text: &Doc, i: usize) -> bool {
    i + 1 < text.words.len() && matches!(sep(text, i), " " | ". " | "  " | "\t")
}

pub(super) fn digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

fn house_number(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=6).contains(&d.len()) && digits(d) && w.len() - d.len() <= 1
}

fn ordinal_street(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits(d) && d.len() <= 3 && matches!(&w[d.len()..], "st" | "nd" | "rd" | "th")
}

/// `blocked`: sorted, disjoint byte ranges of famous institutions, never a town.
pub(super) fn detect(text: &Doc, blocked: &[(usize, usize)], out: &mut Vec<Finding>) {
    let first = out.len();
    // Whether each word ends a street, town or state (a ZIP may follow it).
    let mut ends = vec![false; text.words.len()];
    let n = text.words.len();
    let mut i = 0;
    while i < n {
        match street(text, i) {
            Some((last, conf)) => {
                out.push(finding(
                    Kind::Address,
                    text.words[i].start,
                    text.words[last].end,
                    conf,
                    STREET,
                ));
                ends[last] = true;
                i = last + 1;
            }
            None => i += 1,
        }
    }
    for m in PO_BOX.find_iter(&text.lower) {
        out.push(finding(Kind::Address, m.start(), m.end(), 0.85, STREET));
        if let Some(e) = ends.get_mut(text.word_at_or_after(m.end()).saturating_sub(1)) {
            *e = true;
        }
    }
    for m in UNIT_ALONE.find_iter(&text.lower) {
        out.push(finding(Kind::Address, m.start(), m.end(), 0.55, STREET));
    }
    towns(text, out, &mut ends);
    zips(text, out, &ends);
    let found = out.split_off(first);
    out.extend(
        found
            .into_iter()
            .filter(|f| !super::overlaps(blocked, f.start, f.end)),
    );
}

/// A street address starting at word `i`: number, optional direction, 1–3 name words, suffix,
/// optional unit. Returns the last word and a confidence.
fn street(text: &Doc, i: usize) -> Option<(usize, f32)> {
    let n = text.words.len();
    if !house_number(text.lower_word(i)) || !spaced(text, i) {
        return None;
    }
    // "3/41 Wattle Grove" (unit 3 at number 41, as Australians write it) is an address.
    let unit_slash = i > 0 && sep(text, i - 1) == "/" && digits(text.lower_word(i - 1));
    if i > 0 && matches!(sep(text, i - 1), "." | "," | "/" | "-" | ":") && !unit_slash {
        return None;
    }
    // "my 6 kids drive me mad", "our 2 dogs walk…": a number after a possessive counts what
    // someone has.
    if i > 0
        && matches!(
            text.lower_word(i - 1),
            "my" | "our" | "his" | "her" | "their" | "your"
        )
    {
        return None;
    }
    let cue = text.words_before(text.words[i].start, 2).any(place_cue);
    let mut j = i + 1;
    if matches!(
        text.lower_word(j),
        "n" | "s" | "e" | "w" | "ne" | "nw" | "se" | "sw" | "north" | "south" | "east" | "west"
    ) && spaced(text, j)
    {
        j += 1;
    }
    let first_name_word = j;
    for k in first_name_word..(first_name_word + 4).min(n) {
        let w = text.lower_word(k);
        if k > first_name_word && (strong_suffix(w) || weak_suffix(w)) {
            let names = first_name_word..k;
            let ok_names = names.clone().all(|m| {
                let nw = text.lower_word(m);
                (text.word(m).chars().all(char::is_alphabetic) || ordinal_street(nw))
                    && !text.is(m, F_FUNCTION)
                    && !quantity(nw)
                    && (!text.cased || text.is_capitalised(m) || ordinal_street(nw))
            });
            if !ok_names {
                return None;
            }
            let known_name = names.clone().any(|m| text.is(m, F_FIRST | F_SURNAME));
            let suffix_cap = !text.cased || text.is_capitalised(k);
            let mut last = k;
            // Unit: "Apt. 4B", "Suite 773", "# 12".
            if k + 2 < n + 1 && k + 1 < n {
                let gap = sep(text, k);
                let u = text.lower_word(k + 1);
                if gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | ',' | '.' | '#')) {
                    if unit_word(u) && k + 2 < n && text.lower_word(k + 2).len() <= 6 {
                        last = k + 2;
                    } else if gap.contains('#') && u.len() <= 6 {
                        last = k + 1;
                    }
                }
            }
            let long_number = text.lower_word(i).len() >= 3;
            // "66029 138 Consul Place": a building's or delivery office's number before the
            // house number, or an apartment or suite on the next line, make it an address.
            let lead_number = i > 0
                && sep(text, i - 1) == " "
                && (3..=6).contains(&text.lower_word(i - 1).len())
                && digits(text.lower_word(i - 1))
                && !super::postcodes::year(text.lower_word(i - 1));
            let unit_below = last == k
                && k + 1 < n
                && sep(text, k).contains('\n')
                && matches!(
                    text.lower_word(k + 1),
                    "apt" | "apartment" | "suite" | "ste" | "unit"
                );
            let conf = if strong_suffix(w) && suffix_cap {
                0.85
            } else if weak_suffix(w)
                && suffix_cap
                && (cue
                    || last > k
                    || lead_number
                    || unit_below
                    || (text.cased && known_name)
                    || (long_number && known_name)
                    || home_after(text, last))
            {
                0.8
            } else {
                return None;
            };
            return Some((last, conf));
        }
        let ok = text.word(k).chars().all(char::is_alphabetic) || ordinal_street(w);
        if !ok || text.is(k, F_FUNCTION) || (k + 1 < n && !spaced(text, k)) {
            return None;
        }
    }
    None
}

/// The words after a street's last word `k` say someone lives there: "12 Fernhill Gardens is
/// where mum lives", "9 Cedar Glade was her old house", "4 Beech Close is our new home" (a cue
/// after the street, as `place_cue` is one before it).
fn home_after(text: &Doc, k: usize) -> bool {
    let at = |m: usize| {
        if m < text.words.len() {
            text.lower_word(m)
        } else {
            ""
        }
    };
    if !matches!(at(k + 1), "is" | "was" | "s") || sep(text, k).contains(['\n', '.', ',']) {
        return false;
    }
    if at(k + 2) == "where" {
        return matches!(
            at(k + 4),
            "live" | "lives" | "lived" | "living" | "stay" | "stays" | "grew"
        ) || matches!(at(k + 5), "live" | "lives" | "lived" | "living" | "stays");
    }
    let mut m = k + 2;
    if !matches!(at(m), "my" | "our" | "his" | "her" | "their") {
        return false;
    }
    m += 1;
    if matches!(at(m), "old" | "new" | "first" | "home") {
        m += 1;
    }
    matches!(
        at(m),
        "house" | "home" | "flat" | "address" | "place" | "bungalow"
    )
}

pub(super) fn zip_shape(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    w.len() == 5 && digits(w)
}

/// Three digits right after "zip is", "zip code is", "zip:": a ZIP's first three digits.
fn zip_prefix(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    if w.len() != 3 || !digits(w) || i == 0 || (i + 1 < text.words.len() && sep(text, i) == "-") {
        return false;
    }
    let mut before = text.words_before(text.words[i].start, 3);
    let zip = |w: &str| matches!(w, "zip" | "zipcode");
    match before.next() {
        Some("is") => before.take(2).any(zip),
        Some(w) => zip(w) && sep(text, i - 1).trim() == ":",
        None => false,
    }
}

fn zips(text: &Doc, out: &mut Vec<Finding>, ends: &[bool]) {
    let n = text.words.len();
    for i in 0..n {
        if !zip_shape(text, i) {
            // "my zip code is 880": its first three digits, named as the ZIP (which of them may
            // be kept depends on the area's population, not known here).
            if zip_prefix(text, i) {
                let (s, e) = (text.words[i].start, text.words[i].end);
                out.push(finding(Kind::Zip, s, e, 0.7, ZIP));
            }
            continue;
        }
        let mut end = text.words[i].end;
        // ZIP+4.
        if i + 1 < n && sep(text, i) == "-" {
            let w = text.lower_word(i + 1);
            if w.len() == 4 && digits(w) {
                end = text.words[i + 1].end;
            }
        }
        let raw = text.raw.as_bytes();
        if text.words[i].start > 0
            && matches!(
                raw[text.words[i].start - 1],
                b'-' | b'/' | b'.' | b'#' | b'$'
            )
        {
            continue;
        }
        let after_place = i > 0 && ends[i - 1] && matches!(sep(text, i - 1).trim(), "" | ",");
        let cue = text.words_before(text.words[i].start, 3).any(|w| {
            matches!(
                w,
                "zip" | "zipcode" | "zipcodes" | "postal" | "postcode" | "zips"
            )
        });
        // "anyone near 30305?", "we're in 30305", "the 30305 area": a place cue right beside it.
        let counted = i + 1 < n
            && matches!(
                text.lower_word(i + 1),
                "steps"
                    | "lbs"
                    | "pounds"
                    | "units"
                    | "mg"
                    | "mcg"
                    | "iu"
                    | "calories"
                    | "people"
                    | "dollars"
                    | "miles"
                    | "feet"
                    | "ft"
                    | "words"
                    | "cells"
                    | "copies"
            );
        let near = !counted
            && text
                .words_before(text.words[i].start, 1)
                .any(|w| matches!(w, "near" | "in"));
        let area = i + 1 < n
            && matches!(
                text.lower_word(i + 1),
                "area" | "neighborhood" | "neighbourhood"
            );
        if after_place || cue {
            out.push(finding(Kind::Zip, text.words[i].start, end, 0.85, ZIP));
        } else if near || area {
            out.push(finding(Kind::Zip, text.words[i].start, end, 0.6, ZIP));
        }
    }
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
