//! ADDRESS and ZIP outside the US: street forms of other languages ("rue des Lilas", "Calle
//! Mayor 12", "Via Roma 21", "Rua das Flores, 123", "Schillerstraße 14", "Keizersgracht 123"),
//! flats, blocks, plots and barangays, postcodes of their own shape (UK "LS6 2QT", Canada
//! "H2X 3K8", Irish Eircode "D02 X285", Dutch "1015 CJ") and 4–6-digit codes beside an address
//! or after the word that names them ("CEP", "C.P.", "PIN", "PLZ"), and the town between a street
//! and its postcode or after the code. Word passes with a bounded window, and linear regexes.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Doc, F_FUNCTION, F_NAME_WORD};
use super::places::{digits, sep};
use super::street_words::quantity;
use super::{finding, Kind};
use crate::phi::Finding;

const STREET: &str = "a street address";
const ZIP: &str = "a postcode";
const TOWN: &str = "a town or city";

/// Words that start a street's name in French, Spanish, Italian, Portuguese and Catalan
/// (strong: no English word reads so), and those that are English words too (weak).
fn street_prefix(w: &str) -> Option<bool> {
    Some(match w {
        "rue" | "calle" | "avenida" | "avda" | "rua" | "travessa" | "viale" | "corso"
        | "piazza" | "piazzale" | "vicolo" | "paseo" | "carrer" | "praça" | "praca" | "impasse"
        | "allée" | "chemin" | "calzada" | "privada" | "cerrada" | "callejón" | "callejon"
        | "rodovia" | "estrada" | "alameda" | "av" | "avinguda" | "ronda" | "traversa"
        | "largo" | "quai" | "strada" | "lungomare" | "boulevard" | "bd" | "bvd" | "bóthar"
        | "bothar" | "sráid" | "sraid" | "ascaill" | "cois" => true,
        "via" | "avenue" | "place" | "plaza" | "cours" | "camino" | "route" | "plaça" => false,
        _ => return None,
    })
}

/// Linking words inside a street's name ("rue des Lilas", "Calle de Alcalá", "Am Mühlbach").
fn particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "della"
            | "delle"
            | "dei"
            | "degli"
            | "des"
            | "du"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "la"
            | "le"
            | "les"
            | "los"
            | "las"
            | "di"
            | "y"
            | "e"
            | "der"
            | "den"
            | "van"
            | "von"
            | "d"
            | "l"
            | "sur"
            | "sous"
            | "en"
            | "na"
            | "an"
    )
}

/// German, Dutch and Nordic street words written onto the name ("Lindenweg", "Keizersgracht").
const GLUED: [&str; 22] = [
    "straße", "strasse", "str", "gasse", "weg", "allee", "platz", "damm", "ufer", "chaussee",
    "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg", "markt", "gata",
    "gatan", "vej",
];

fn glued_street(w: &str) -> bool {
    GLUED
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || GLUED.contains(&w)
}

/// A house number: 1–5 digits and at most one letter ("14", "9a", "123B").
fn house_no(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=5).contains(&d.len()) && digits(d) && w.len() - d.len() <= 1
}

/// Only spaces, a hyphen, an apostrophe or a comma between words `i` and `i + 1`.
fn close(text: &Doc, i: usize) -> bool {
    i + 1 < text.words.len()
        && matches!(
            sep(text, i),
            " " | "-" | "'" | "’" | ", " | "," | ". " | "  " | "/ " | " - "
        )
}

fn name_word(text: &Doc, k: usize) -> bool {
    let w = text.lower_word(k);
    text.word(k).chars().all(char::is_alphabetic)
        && (!text.is(k, F_FUNCTION) || particle(w))
        && !quantity(w)
}

fn capital_ok(text: &Doc, k: usize) -> bool {
    !text.cased || text.is_capitalised(k) || particle(text.lower_word(k))
}

/// "Calle de Alcalá 45", "Rua das Flores, 123", "via Garibaldi 8", "C/ Serrano 12": the prefix,
/// up to five name words, then the number. Returns the last word and a confidence.
fn prefixed(text: &Doc, i: usize) -> Option<(usize, f32)> {
    let n = text.words.len();
    let w = text.lower_word(i);
    let strong = if w == "c" && sep(text, i).starts_with('/') {
        true
    } else {
        street_prefix(w)?
    };
    if !close(text, i) || matches!(sep(text, i), ", " | ",") {
        return None;
    }
    let mut k = i + 1;
    let mut names = 0;
    while k < n && names < 6 {
        let lw = text.lower_word(k);
        // "Calle 5 de Mayo": a number inside the name.
        let inner_number = digits(lw) && k + 1 < n && text.lower_word(k + 1) == "de";
        if !(name_word(text, k) || inner_number)
            || (!capital_ok(text, k) && !inner_number && names == 0)
        {
            break;
        }
        names += 1;
        if !close(text, k) {
            k += 1;
            break;
        }
        k += 1;
        if k < n && house_no(text.lower_word(k)) {
            break;
        }
    }
    if names == 0 || names > 6 {
        return None;
    }
    let last_name = k - 1;
    let named_cap =
        (i + 1..=last_name).any(|m| text.is_capitalised(m) && !particle(text.lower_word(m)));
    if k < n && house_no(text.lower_word(k)) && close(text, last_name) {
        let unit_after = k + 1 < n && quantity(text.lower_word(k + 1)) && sep(text, k) == " ";
        if !unit_after {
            let conf = if strong || named_cap || !text.cased {
                0.85
            } else {
                0.6
            };
            return Some((unit_tail(text, k), conf));
        }
    }
    // No number: "rue des Lilas", "Calle Mayor". Only a strong prefix with a named street.
    (strong && (named_cap || !text.cased) && names <= 4).then_some((last_name, 0.6))
}

/// "12 rue des Lilas", "8, avenue Jean Jaurès": a number, then a prefixed name.
fn numbered(text: &Doc, i: usize) -> Option<(usize, f32)> {
    let n = text.words.len();
    if !house_no(text.lower_word(i)) || !close(text, i) || i + 2 >= n {
        return None;
    }
    if i > 0 && matches!(sep(text, i - 1), "." | "/" | "-" | ":") {
        return None;
    }
    let strong = street_prefix(text.lower_word(i + 1))?;
    let mut k = i + 2;
    let mut last = None;
    while k < n && k < i + 7 && name_word(text, k) && capital_ok(text, k) {
        last = Some(k);
        if !matches!(sep(text, k), " " | "-" | "'" | "’") {
            break;
        }
        k += 1;
    }
    let last = last?;
    let named_cap = (i + 2..=last).any(|m| text.is_capitalised(m));
    let conf = if strong || named_cap || !text.cased {
        0.85
    } else {
        return None;
    };
    Some((last, conf))
}

/// "40, Ogunlana Drive": a number, a comma, then a capitalised street with a suffix (as written
/// in Nigeria and India). Cased posts only: in lower case "3, long road" is too often a list.
fn comma_numbered(text: &Doc, i: usize) -> Option<(usize, f32)> {
    let n = text.words.len();
    if !text.cased || !house_no(text.lower_word(i)) || sep(text, i) != ", " {
        return None;
    }
    if i > 0 && matches!(sep(text, i - 1), "." | "/" | "-" | ":" | ",") {
        return None;
    }
    let mut k = i + 1;
    while k < n && k <= i + 4 && name_word(text, k) && text.is_capitalised(k) {
        let w = text.lower_word(k);
        if k > i + 1
            && (super::street_words::strong_suffix(w) || super::street_words::weak_suffix(w))
        {
            return Some((k, 0.8));
        }
        if sep(text, k) != " " {
            break;
        }
        k += 1;
    }
    None
}

/// "Schillerstraße 14", "Hauptstr. 5", "Keizersgracht 123", "Karl-Marx-Straße 12", "Am Mühlbach 5".
fn glued(text: &Doc, i: usize) -> Option<(usize, f32)> {
    let n = text.words.len();
    let w = text.lower_word(i);
    let k = i + 1;
    if k >= n || !house_no(text.lower_word(k)) || !matches!(sep(text, i), " " | ". " | ".") {
        return None;
    }
    if k + 1 < n && quantity(text.lower_word(k + 1)) {
        return None;
    }
    if glued_street(w) && text.word(i).chars().all(char::is_alphabetic) && capital_ok(text, i) {
        // A separate street word takes the name before it: "Berliner Straße 5".
        let start = if GLUED.contains(&w) && i > 0 && close(text, i - 1) {
            i - 1
        } else {
            i
        };
        return Some((unit_tail(text, k), 0.85)).map(|(e, c)| (e.max(start), c));
    }
    // "Am Mühlbach 5", "An der Alster 3", "Im Winkel 4": only written with capitals.
    if text.cased && text.is_capitalised(i) && i >= 1 {
        let p = text.lower_word(i - 1);
        let p2 = if i >= 2 { text.lower_word(i - 2) } else { "" };
        let prep = matches!(p, "am" | "im" | "zum" | "zur")
            || (matches!(p, "der" | "dem") && matches!(p2, "an" | "auf" | "in"));
        if prep && text.is_capitalised(i - 1) {
            return Some((unit_tail(text, k), 0.75));
        }
    }
    None
}

/// The start word of a `glued` street (one word back for "Berliner Straße", "Am Mühlbach").
fn glued_start(text: &Doc, i: usize) -> usize {
    let w = text.lower_word(i);
    if GLUED.contains(&w) && i > 0 && close(text, i - 1) {
        return i - 1;
    }
    if !glued_street(w) && i >= 1 {
        let p = text.lower_word(i - 1);
        if matches!(p, "der" | "dem") && i >= 2 {
            return i - 2;
        }
        return i - 1;
    }
    i
}

/// A flat or floor after the number: ", apto 45", ", 3º izq", " bis".
fn unit_tail(text: &Doc, k: usize) -> usize {
    let n = text.words.len();
    if k + 2 < n && matches!(sep(text, k), ", " | " " | ",") {
        let u = text.lower_word(k + 1);
        if matches!(
            u,
            "apto" | "apt" | "ap" | "piso" | "depto" | "dpto" | "flat" | "bis" | "ter" | "int"
        ) && house_no(text.lower_word(k + 2))
        {
            return k + 2;
        }
    }
    k
}

static UNITS: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?i)\b(?:flat|apto|apartamento|appartement|piso|depto|dpto|departamento|plot|h\.? ?no|house no|blk|bloc|block \d{1,3} lot)\.? ?(?:no\.? ?)?#? ?\d{1,5}[a-z]?\b(?: ?,? lot \d{1,4})?|\b\d{1,2}[º°ª] ?(?:izq|izda|dcha|der|drcha|[a-d])\b",
    )
});
static UK: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(r"\b[a-z]{1,2}[0-9][a-z0-9]? ?[0-9][abd-hjlnp-uw-z]{2}\b"));
static CANADA: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"\b[abceghj-nprstvxy][0-9][abceghj-nprstv-z] ?[0-9][abceghj-nprstv-z][0-9]\b",
    )
});
static EIRCODE: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(r"\b(?:[acdefhknprtvwxy][0-9]{2}|d6w) ?[0-9acdefhknprtvwxy]{4}\b")
});
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    // Dutch "1015 CJ"; 4–6 digits (Portuguese "3610-114"); Swedish, Czech, Slovak and Greek
    // "394 13"; Polish "53-320". Each only after a postcode word or beside a town (below).
    crate::phi::regex(
        r"\b[1-9][0-9]{3} ?[a-z]{2}\b|\b[0-9]{4,6}(?:-[0-9]{3})?\b|\b[0-9]{3} [0-9]{2}\b|\b[0-9]{2}-[0-9]{3}\b",
    )
});

/// Words that name a postcode just before it.
fn code_cue(w: &str) -> bool {
    matches!(
        w,
        "postcode"
            | "postcodes"
            | "postal"
            | "pincode"
            | "pin"
            | "cep"
            | "cp"
            | "plz"
            | "eircode"
            | "codigo"
            | "código"
            | "postleitzahl"
            | "postnummer"
            | "postnr"
            | "zip"
            | "zipcode"
    )
}

/// State, province and territory abbreviations written between a town and its postcode.
fn region_abbr(w: &str) -> bool {
    matches!(
        w,
        "nsw"
            | "vic"
            | "qld"
            | "wa"
            | "sa"
            | "tas"
            | "act"
            | "nt"
            | "qc"
            | "on"
            | "bc"
            | "ab"
            | "mb"
            | "ns"
            | "nb"
            | "sk"
            | "pe"
            | "nl"
            | "yt"
            | "cdmx"
            | "sp"
            | "rj"
            | "mg"
    )
}

pub(super) fn detect(text: &Doc, blocked: &[(usize, usize)], out: &mut Vec<Finding>) {
    let first = out.len();
    let n = text.words.len();
    let mut i = 0;
    while i < n {
        let found = prefixed(text, i)
            .map(|f| (i, f))
            .or_else(|| numbered(text, i).map(|f| (i, f)))
            .or_else(|| comma_numbered(text, i).map(|f| (i, f)))
            .or_else(|| glued(text, i).map(|f| (glued_start(text, i), f)));
        match found {
            Some((start, (last, conf))) => {
                out.push(finding(
                    Kind::Address,
                    text.words[start].start,
                    text.words[last].end,
                    conf,
                    STREET,
                ));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    for m in UNITS.find_iter(&text.lower) {
        let next = text.word_at_or_after(m.end());
        if next < n && quantity(text.lower_word(next)) && m.as_str().starts_with(['f', 'p']) {
            continue;
        }
        out.push(finding(Kind::Address, m.start(), m.end(), 0.6, STREET));
    }
    localities(text, out);
    postcodes(text, out);
    let found = out.split_off(first);
    out.extend(
        found
            .into_iter()
            .filter(|f| !super::overlaps(blocked, f.start, f.end)),
    );
}

/// "Brgy San Isidro", "Barangay Poblacion", "Col. Roma Norte", "Anna Nagar", "14th Cross".
fn localities(text: &Doc, out: &mut Vec<Finding>) {
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

/// Postcodes, and the town written beside them.
fn postcodes(text: &Doc, out: &mut Vec<Finding>) {
    let mut ends: Vec<usize> = out
        .iter()
        .filter(|f| f.kind == Kind::Address && f.confidence >= 0.5)
        .map(|f| f.end)
        .collect();
    ends.sort_unstable();
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
        strong.push((m.start(), m.end()));
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
        codes.push((s, e, 0.82, false));
    }
    for m in CODE.find_iter(&text.lower) {
        // "3204 ta": not a Dutch code, but its four digits may be a code of their own.
        let (m_start, mut m_end) = (m.start(), m.end());
        let mut dutch = m.as_str().ends_with(|c: char| c.is_ascii_alphabetic());
        if dutch && !dutch_letters(&m.as_str()[m.as_str().len() - 2..]) {
            dutch = false;
            m_end = m_start + 4;
        }
        let k = text.word_at_or_after(m_start);
        let (beside, town) = town_before(text, &ends, k);
        let cue = text.words_before(m_start, 3).any(code_cue)
            || text.lower[..m_start].trim_end().ends_with("c.p.");
        let upper_dutch = dutch && text.cased && {
            let letters = &raw[m_end - 2..m_end];
            letters.bytes().all(|b| b.is_ascii_uppercase())
        };
        let after = text.word_at_or_after(m_end);
        let counted = !dutch && after < text.words.len() && quantity(text.lower_word(after));
        if !(beside || cue || upper_dutch) || counted {
            continue;
        }
        if beside {
            if let Some((s0, e0)) = town {
                out.push(finding(Kind::Address, s0, e0, 0.7, TOWN));
            }
        }
        codes.push((m_start, m_end, 0.85, true));
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
                && (text.cased || !text.is(k, F_NAME_WORD))
                && capital_ok(text, k)
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

/// Whether the two letters of "1234 AB" can be a Dutch postcode's: never SA, SD or SS, and not
/// a unit or a short word ("2000 iu", "3204 ta", "1999 im").
fn dutch_letters(l: &str) -> bool {
    !matches!(
        l,
        "sa" | "sd"
            | "ss"
            | "ta"
            | "to"
            | "in"
            | "on"
            | "at"
            | "is"
            | "it"
            | "am"
            | "pm"
            | "an"
            | "as"
            | "be"
            | "by"
            | "do"
            | "go"
            | "he"
            | "hi"
            | "if"
            | "me"
            | "my"
            | "no"
            | "of"
            | "ok"
            | "or"
            | "so"
            | "up"
            | "us"
            | "we"
            | "iu"
            | "mg"
            | "ml"
            | "kg"
            | "km"
            | "lb"
            | "xx"
            | "ty"
            | "np"
            | "yo"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "im"
            | "ur"
            | "bc"
            | "ad"
            | "mi"
            | "ft"
            | "cm"
            | "mm"
            | "hr"
            | "ms"
            | "mr"
            | "dr"
            | "ie"
            | "eg"
    )
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

/// What lies just before word `k`.
fn sep_before<'t>(text: &'t Doc, k: usize) -> &'t str {
    let start = if k == 0 { 0 } else { text.words[k - 1].end };
    &text.raw[start..text.words[k].start]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(raw: &str) -> Vec<(Kind, String)> {
        let text = crate::phi::text::Text::new(raw);
        let doc = Doc::new(&text);
        let mut out = Vec::new();
        // As `language::detect` runs them: US-style streets first, whose ends a postcode follows.
        super::super::places::detect(&doc, &[], &mut out);
        detect(&doc, &[], &mut out);
        out.iter()
            .filter(|f| f.confidence >= 0.5)
            .map(|f| (f.kind, raw[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn finds_streets_and_postcodes_of_other_countries() {
        for (raw, kind, want) in [
            (
                "send it to 12 rue des Lilas, 69003 Lyon",
                Kind::Address,
                "12 rue des Lilas",
            ),
            (
                "send it to 12 rue des Lilas, 69003 Lyon",
                Kind::Zip,
                "69003",
            ),
            (
                "send it to 12 rue des Lilas, 69003 Lyon",
                Kind::Address,
                "Lyon",
            ),
            (
                "we live at Calle de Alcalá 45, 28014 Madrid",
                Kind::Address,
                "Calle de Alcalá 45",
            ),
            (
                "via garibaldi 8, 20121 milano",
                Kind::Address,
                "via garibaldi 8",
            ),
            ("via garibaldi 8, 20121 milano", Kind::Zip, "20121"),
            (
                "Rua das Flores, 123, apto 45 - São Paulo, CEP 01310-100",
                Kind::Address,
                "Rua das Flores, 123, apto 45",
            ),
            (
                "Rua das Flores, 123, apto 45 - São Paulo, CEP 01310-100",
                Kind::Zip,
                "01310-100",
            ),
            (
                "my mum lives at Schillerstraße 14, 80336 München",
                Kind::Address,
                "Schillerstraße 14",
            ),
            ("hauptstr. 5 in the village", Kind::Address, "hauptstr. 5"),
            ("Keizersgracht 123, 1015 CJ Amsterdam", Kind::Zip, "1015 CJ"),
            ("lindelaan 12, 3512 ab utrecht", Kind::Zip, "3512 ab"),
            ("post it to Leeds LS6 2QT please", Kind::Zip, "LS6 2QT"),
            ("we're in h2x 3k8 now", Kind::Zip, "h2x 3k8"),
            ("Eircode D02 X285", Kind::Zip, "D02 X285"),
            ("Blk 5 Lot 12, Mabini St", Kind::Address, "Blk 5 Lot 12"),
            ("Col. Roma Norte, C.P. 06700", Kind::Zip, "06700"),
            (
                "Col. Roma Norte, C.P. 06700",
                Kind::Address,
                "Col. Roma Norte",
            ),
            (
                "Flat 302, Sai Residency, Indiranagar, Bengaluru 560038",
                Kind::Address,
                "Flat 302",
            ),
            ("pin code 560038", Kind::Zip, "560038"),
            ("postnummer: 114 55 stockholm", Kind::Zip, "114 55"),
            ("postal code 602 00 in brno", Kind::Zip, "602 00"),
            ("kod pocztowy, postcode 53-320", Kind::Zip, "53-320"),
            ("C/ Serrano 12, 3º izq", Kind::Address, "C/ Serrano 12"),
            ("Am Mühlbach 5, Berlin", Kind::Address, "Am Mühlbach 5"),
            (
                "send it to 40, Ogunlana Drive, Surulere",
                Kind::Address,
                "40, Ogunlana Drive",
            ),
            (
                "Calle 5 de Mayo 120, Col. Centro",
                Kind::Address,
                "Calle 5 de Mayo 120",
            ),
            ("27 Kowhai Road, Hamilton 3204 ta", Kind::Zip, "3204"),
            (
                "27 Kowhai Road, Hamilton 3204 ta",
                Kind::Address,
                "Hamilton",
            ),
            ("22 Mill Lane, Bristol BS3 4EX", Kind::Address, "Bristol"),
            (
                "12 Pearse Street, Dublin 2, D02 X285",
                Kind::Address,
                "Dublin 2",
            ),
            (
                "i'm at 3 Bóthar na Trá, Galway",
                Kind::Address,
                "3 Bóthar na Trá",
            ),
            (
                "Flat 302, Green Park Apartments",
                Kind::Address,
                "Green Park Apartments",
            ),
            (
                "plot 7 Aminu Kano Crescent, Wuse 2, Abuja 900288",
                Kind::Address,
                "Wuse 2, Abuja",
            ),
        ] {
            let got = found(raw);
            assert!(
                got.iter().any(|(k, t)| *k == kind && t == want),
                "{raw}: want {kind:?} {want:?}, got {got:?}"
            );
        }
    }

    #[test]
    fn words_and_numbers_that_are_not_addresses_abroad() {
        for raw in [
            "took 2000 iu of vitamin d and 1000 mg of calcium",
            "walked 5000 steps, hba1c 48 mmol/mol, b12 180",
            "sent it via email 2 times and via the portal",
            "a flat 3 weeks of feeling rubbish",
            "the high street pharmacy never has it",
            "ww2 2nd wave of covid19 3rd dose",
            "type 1 since 1998, dx in 2012 ok",
            "rue is a herb, avenue of treatment, place 2 drops in each eye",
            "my a1c is 6.8 and my tsh 4.5",
            "bp was 120 80 this morning, score 12-150 on the scale",
            "between 100 and 200 people, 18-250 mg a day",
        ] {
            assert_eq!(found(raw), Vec::<(Kind, String)>::new(), "{raw}");
        }
    }
}
