//! Named places inside a town, as other countries write them: barangays and puroks, Mexican
//! colonias, Indian nagars and layouts, "14th Cross", and named buildings ("Green Park
//! Apartments", "Lakshmi Nivas").

use super::abroad::{capital_ok, name_word, STREET, TOWN};
use super::lexicon::{Doc, F_ENGLISH, F_FUNCTION};
use super::places::{digits, sep};
use super::{finding, Kind};
use crate::phi::Finding;

/// "Brgy San Isidro", "Barangay Poblacion", "Col. Roma Norte", "Anna Nagar", "14th Cross".
pub(super) fn localities(text: &Doc, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for i in 0..n {
        let w = text.lower_word(i);
        let named = match w {
            "brgy" | "barangay" | "purok" | "sitio" | "colonia" => true,
            "col" => sep(text, i).starts_with('.'),
            _ => false,
        };
        if named {
            let mut last = None;
            let mut k = i + 1;
            while k < n && k <= i + 3 && name_word(text, k) && capital_ok(text, k) {
                last = Some(k);
                if !matches!(sep(text, k), " ") {
                    break;
                }
                k += 1;
            }
            if let Some(last) = last {
                out.push(finding(
                    Kind::Address,
                    text.words[i].start,
                    text.words[last].end,
                    0.7,
                    TOWN,
                ));
            }
            continue;
        }
        // "Green Park Apartments", "Sai Residency", "Lakshmi Nivas": a named building.
        if i > 0
            && matches!(
                w,
                "apartments"
                    | "residency"
                    | "residences"
                    | "towers"
                    | "nivas"
                    | "niwas"
                    | "bhavan"
                    | "mansions"
                    | "enclave"
                    | "villas"
                    | "condominium"
                    | "condo"
            )
            && name_word(text, i - 1)
            && capital_ok(text, i - 1)
            && !text.is(i - 1, F_FUNCTION)
        {
            let mut start = i - 1;
            if start > 0
                && sep(text, start - 1) == " "
                && name_word(text, start - 1)
                && text.cased
                && text.is_capitalised(start - 1)
            {
                start -= 1;
            }
            out.push(finding(
                Kind::Address,
                text.words[start].start,
                text.words[i].end,
                0.75,
                STREET,
            ));
        }
        if let Some((start, last)) = numbered_quarter(text, i) {
            out.push(finding(
                Kind::Address,
                text.words[start].start,
                text.words[last].end,
                0.7,
                TOWN,
            ));
        }
        let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal =
            !d.is_empty() && digits(d) && matches!(&w[d.len()..], "st" | "nd" | "rd" | "th");
        if ordinal && i + 1 < n && matches!(text.lower_word(i + 1), "cross" | "main") {
            out.push(finding(
                Kind::Address,
                text.words[i].start,
                text.words[i + 1].end,
                0.7,
                STREET,
            ));
        }
        if (w.len() > 7 && w.ends_with("nagar"))
            || (i > 0
                && matches!(w, "nagar" | "colony" | "layout" | "vihar" | "enclave")
                && name_word(text, i - 1))
        {
            let start = if w.len() > 7 { i } else { i - 1 };
            out.push(finding(
                Kind::Address,
                text.words[start].start,
                text.words[i].end,
                0.7,
                TOWN,
            ));
        }
    }
}

/// "Sector 15, Noida", "Block 12, Sector 62", "Lekki Phase 1, Lagos": a town's numbered
/// sector or phase, as India's and Nigeria's planned towns are divided. "Sector N" needs an
/// address's comma on one side (a block or house before it, a name after it); "Phase N" a
/// place's name on no English list before it and the clause closing after the number ("phase
/// 1 of the trial", "the Pfizer phase 3 results" are none). Returns the first and last word.
fn numbered_quarter(text: &Doc, i: usize) -> Option<(usize, usize)> {
    let n = text.words.len();
    let w = text.lower_word(i);
    if !matches!(w, "sector" | "phase") || i + 1 >= n || sep(text, i) != " " {
        return None;
    }
    let num = text.lower_word(i + 1);
    let d = num.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if d.is_empty() || d.len() > 3 || !digits(d) || num.len() - d.len() > 1 {
        return None;
    }
    let after = sep(text, i + 1);
    let closes = i + 2 >= n || after.starts_with([',', '.', '\n', ';', ')']);
    let plain = |k: usize| {
        name_word(text, k)
            && capital_ok(text, k)
            && !text.is(k, F_FUNCTION | F_ENGLISH)
            && !super::medicines::brand(text.lower_word(k))
            && !super::name_alone::organisation(text.lower_word(k))
            && text.word(k).chars().count() >= 3
    };
    // "Block 12, Sector 62", "Blk 5 Lot 12, Phase 2": a house or lot before a comma.
    let before = i > 0 && matches!(sep(text, i - 1), ", " | ",");
    let house = before && {
        let p = text.lower_word(i - 1);
        p.bytes().any(|b| b.is_ascii_digit())
    };
    if w == "sector" {
        // With no house before it, only a capitalised "Sector" ("sector 15, noida 201301
        // people came" may be a count).
        let town_after = text.cased
            && text.is_capitalised(i)
            && matches!(after, ", " | ",")
            && i + 2 < n
            && plain(i + 2);
        return (house || town_after).then_some((i, i + 1));
    }
    let named = i > 0 && sep(text, i - 1) == " " && plain(i - 1);
    if house && closes {
        return Some((i, i + 1));
    }
    (named && closes).then(|| (i - 1, i + 1))
}
