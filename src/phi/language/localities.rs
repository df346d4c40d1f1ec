//! Named places inside a town, as other countries write them: barangays and puroks, Mexican
//! colonias, Indian nagars and layouts, "14th Cross", and named buildings ("Green Park
//! Apartments", "Lakshmi Nivas").

use super::abroad::{capital_ok, name_word, STREET, TOWN};
use super::lexicon::{Doc, F_FUNCTION};
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
