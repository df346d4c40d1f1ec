//! ADDRESS and ZIP outside the US: street forms of other languages ("rue des Lilas", "Calle
//! Mayor 12", "Via Roma 21", "Rua das Flores, 123", "Schillerstraße 14", "Keizersgracht 123"),
//! flats, blocks, plots and barangays, postcodes of their own shape (UK "LS6 2QT", Canada
//! "H2X 3K8", Irish Eircode "D02 X285", Dutch "1015 CJ") and 4–6-digit codes beside an address
//! or after the word that names them ("CEP", "C.P.", "PIN", "PLZ"), and the town between a street
//! and its postcode or after the code. Word passes with a bounded window, and linear regexes.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Doc, F_ENGLISH, F_FIRST, F_FUNCTION};
use super::places::{digits, sep};
use super::street_words::quantity;
use super::{finding, Kind};
use crate::phi::Finding;

pub(super) const STREET: &str = "a street address";
pub(super) const ZIP: &str = "a postcode";
pub(super) const TOWN: &str = "a town or city";

/// Words that start a street's name in French, Spanish, Italian, Portuguese and Catalan
/// (strong: no English word reads so), and those that are English words too (weak).
fn street_prefix(w: &str) -> Option<bool> {
    Some(match w {
        "rue" | "calle" | "avenida" | "avda" | "rua" | "travessa" | "viale" | "corso"
        | "piazza" | "piazzale" | "vicolo" | "paseo" | "carrer" | "praça" | "praca" | "impasse"
        | "allée" | "chemin" | "calzada" | "privada" | "cerrada" | "callejón" | "callejon"
        | "rodovia" | "estrada" | "alameda" | "av" | "avinguda" | "ronda" | "traversa"
        | "largo" | "quai" | "strada" | "lungomare" | "boulevard" | "bd" | "bvd" | "bóthar"
        | "bothar" | "sráid" | "sraid" | "ascaill" | "cois"
        // Polish, Czech, Slovak, Croatian, Slovenian, Serbian, Bulgarian, Russian, Albanian.
        | "ul" | "ulica" | "aleja" | "plac" | "trg" | "ulitsa" | "prospekt" | "bulevar"
        | "rruga" | "náměstí" | "namesti" | "námestie" | "trieda"
        // Malay and Indonesian ("Jalan Ampang", "Jl. Sudirman", "Lorong Bunus").
        | "jalan" | "jln" | "jl" | "lorong" | "persiaran" | "lebuh" => true,
        "via" | "avenue" | "place" | "plaza" | "cours" | "camino" | "route" | "plaça" => false,
        _ => return None,
    })
}

/// Linking words inside a street's name ("rue des Lilas", "Calle de Alcalá", "Am Mühlbach").
pub(super) fn particle(w: &str) -> bool {
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

/// Street words that are only ever written onto the name in the Nordic countries, Finland, the
/// Baltic states and Iceland ("Søndergade", "Puruntie", "Kiannonkatu", "Hafnarstraeti"): never
/// a word alone, and a word that ends so is no street if it is an English word or a given
/// name ("renegade", "Hattie").
const GLUED_ONLY: [&str; 27] = [
    "gade", "stræde", "straede", "vænget", "vaenget", "veien", "vegen", "vägen", "vagen", "stien",
    "stigen", "gränd", "torget", "plads", "katu", "tie", "kuja", "polku", "braut", "straeti",
    "stræti", "iela", "gatve", "tänav", "tanav", "utca", "ulica",
];

fn glued_street(w: &str) -> bool {
    GLUED
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || GLUED.contains(&w)
}

fn glued_only(text: &Doc, i: usize) -> bool {
    let w = text.lower_word(i);
    GLUED_ONLY
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        && !text.is(i, F_ENGLISH | F_FIRST)
}

/// Street words written after the name as a word of their own, in lower case too: Hungarian
/// "Erzsébet tér 19.", "Király u. 15.", "Kossuth utca 3"; Slovenian "Celjska cesta 7"; Latvian
/// "Brīvības iela 5"; German "Berliner straße 5". (Nordic street words are written onto the
/// name, and alone they are surnames: "Ruth Gade".)
fn after_word(text: &Doc, i: usize) -> bool {
    match text.lower_word(i) {
        // "u." only where capitals tell it from chat's "u" ("thank u. 2 more").
        "u" => text.cased && sep(text, i).starts_with('.'),
        "utca" | "út" | "útja" | "tér" | "körút" | "ulica" | "cesta" | "iela" | "gatve"
        | "straße" | "strasse" => true,
        _ => false,
    }
}

/// A house number: 1–5 digits and at most one letter ("14", "9a", "123B").
pub(super) fn house_no(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=5).contains(&d.len()) && digits(d) && w.len() - d.len() <= 1
}

/// Only spaces, a hyphen, an apostrophe or a comma between words `i` and `i + 1`.
pub(super) fn close(text: &Doc, i: usize) -> bool {
    i + 1 < text.words.len()
        && matches!(
            sep(text, i),
            " " | "-" | "'" | "’" | ", " | "," | ". " | "  " | "/ " | " - "
        )
}

pub(super) fn name_word(text: &Doc, k: usize) -> bool {
    let w = text.lower_word(k);
    text.word(k).chars().all(char::is_alphabetic)
        && (!text.is(k, F_FUNCTION) || particle(w))
        && !quantity(w)
}

pub(super) fn capital_ok(text: &Doc, k: usize) -> bool {
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
    if (glued_street(w) || glued_only(text, i))
        && text.word(i).chars().all(char::is_alphabetic)
        && capital_ok(text, i)
    {
        // A separate street word takes the name before it: "Berliner Straße 5".
        let start = if GLUED.contains(&w) && i > 0 && close(text, i - 1) {
            i - 1
        } else {
            i
        };
        return Some((unit_tail(text, k), 0.85)).map(|(e, c)| (e.max(start), c));
    }
    // "Erzsébet tér 19.", "Kálmán Imre u. 12.": a capitalised name, then the street word.
    if after_word(text, i)
        && i >= 1
        && close(text, i - 1)
        && !matches!(sep(text, i - 1), ", " | ",")
        && name_word(text, i - 1)
        && !text.is(i - 1, F_FUNCTION)
        && (if text.cased {
            text.is_capitalised(i - 1)
        } else {
            !text.is(i - 1, F_ENGLISH)
        })
    {
        return Some((unit_tail(text, k), 0.8));
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

/// "12 Hauptstraße", "12 Rosenweg", "4 Kerkstraat": a German or Dutch street written in
/// English order, the house number first. Only a compound street word (not "weg" or "markt"
/// alone), no English word or given name ("12 renegade"), and no count after it.
fn number_glued(text: &Doc, i: usize) -> Option<(usize, f32)> {
    let n = text.words.len();
    let k = i + 1;
    if k >= n || !house_no(text.lower_word(i)) || sep(text, i) != " " {
        return None;
    }
    if i > 0 && matches!(sep(text, i - 1), "." | "/" | "-" | ":") {
        return None;
    }
    let w = text.lower_word(k);
    let compound = GLUED
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || glued_only(text, k);
    let named = compound
        && text.word(k).chars().all(char::is_alphabetic)
        && capital_ok(text, k)
        && !text.is(k, F_ENGLISH | F_FIRST | F_FUNCTION);
    // "62314 Mellemvej 32": a number after the street is the house's, and the one before it
    // a postcode (`glued` reads it); five digits are a postcode too.
    let after = k + 1 < n
        && (quantity(text.lower_word(k + 1)) || house_no(text.lower_word(k + 1)))
        && sep(text, k) == " ";
    if !named || after || text.lower_word(i).len() > 4 {
        return None;
    }
    Some((k, 0.8))
}

/// The start word of a `glued` street (one word back for "Berliner Straße", "Am Mühlbach").
fn glued_start(text: &Doc, i: usize) -> usize {
    let w = text.lower_word(i);
    if GLUED.contains(&w) && i > 0 && close(text, i - 1) {
        return i - 1;
    }
    if after_word(text, i) && i >= 1 {
        // "Kálmán Imre u.": a second capitalised name word before the first.
        let two = i >= 2
            && sep(text, i - 2) == " "
            && name_word(text, i - 2)
            && !text.is(i - 2, F_FUNCTION)
            && text.cased
            && text.is_capitalised(i - 2);
        return if two { i - 2 } else { i - 1 };
    }
    if !glued_street(w) && !glued_only(text, i) && i >= 1 {
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
        r"(?i)(?-u:\b)(?:flat|apto|apartamento|appartement|piso|depto|dpto|departamento|plot|h\.? ?no|house no|blk|bloc|block \d{1,3} lot)\.? ?(?:no\.? ?)?#? ?\d{1,5}[a-z]?(?-u:\b)(?: ?,? lot \d{1,4})?|(?-u:\b)\d{1,2}[º°ª] ?(?:izq|izda|dcha|der|drcha|[a-d])(?-u:\b)",
    )
});
pub(super) fn detect(text: &Doc, blocked: &[(usize, usize)], out: &mut Vec<Finding>) {
    let first = out.len();
    let n = text.words.len();
    let mut i = 0;
    while i < n {
        let found = prefixed(text, i)
            .map(|f| (i, f))
            .or_else(|| numbered(text, i).map(|f| (i, f)))
            .or_else(|| comma_numbered(text, i).map(|f| (i, f)))
            .or_else(|| number_glued(text, i).map(|f| (i, f)))
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
        // Session 21: "Temp 38.5°C", "it was 5°C out": the degree sign before a C is Celsius;
        // a Spanish floor and door are written with the ordinal sign ("3º C", "2ª B").
        if m.as_str().ends_with("°c") {
            continue;
        }
        out.push(finding(Kind::Address, m.start(), m.end(), 0.6, STREET));
    }
    super::localities::localities(text, out);
    super::postcodes::postcodes(text, out);
    let found = out.split_off(first);
    out.extend(
        found
            .into_iter()
            .filter(|f| !super::overlaps(blocked, f.start, f.end)),
    );
}

#[cfg(test)]
#[path = "abroad_tests.rs"]
mod tests;
