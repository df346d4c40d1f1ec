//! What a number-like value looks like, to tell identifiers from look-alikes that are not PHI:
//! dates and years (another detector's job), ZIP codes, ranges, doses and other measurements,
//! money, and codes that name a drug, a diagnosis or a public trial rather than a person.

/// Words that, right after a number, make it a measurement or a count.
const UNITS: &[&str] = &[
    "mg", "mcg", "ug", "g", "gm", "kg", "lb", "lbs", "pounds", "oz", "iu", "u", "unit", "units",
    "ml", "cc", "l", "mmol", "mmhg", "ng", "pg", "meq", "steps", "step", "cal", "calories", "kcal",
    "bpm", "hours", "hour", "hrs", "hr", "days", "day", "weeks", "wk", "wks", "months", "years",
    "yrs", "minutes", "mins", "min", "seconds", "sec", "times", "x", "pills", "tablets", "tabs",
    "doses", "people", "members", "patients", "dollars", "usd", "bucks", "miles", "mi", "km", "ft",
    "feet", "inches", "cm", "mm", "cells", "copies", "percent", "sq", "mile", "am", "pm", "cfu",
];

/// Words that, just before a value, say it is not a personal identifier.
pub(super) const NOT_PERSONAL: &[&str] = &[
    "lot",
    "lots",
    "batch",
    "batches",
    "ndc",
    "cpt",
    "hcpcs",
    "icd",
    "icd10",
    "nct",
    "model",
    "version",
    "ver",
    "v",
    "build",
    "firmware",
    "isbn",
    "doi",
    "pmid",
    "upc",
    "sku",
    "size",
    "dose",
    "step",
    "steps",
    "exp",
    "expiry",
    "expires",
    "expiration",
    "code",
    // Session 19: medicines' own numbers abroad (Germany's PZN, Canada's DIN, barcodes'
    // GTIN and EAN, the WHO's ATC) and "lote", a batch in Spanish and Portuguese.
    "pzn",
    "din",
    "gtin",
    "ean",
    "atc",
    "lote",
];

/// Whether the text right after `end` is a unit or a count ("40 mg", "10432 steps", "5%").
pub(super) fn unit_after(lower: &str, end: usize) -> bool {
    let rest = &lower.as_bytes()[end.min(lower.len())..];
    let rest = &rest[..rest.len().min(16)];
    let skip = rest.iter().take_while(|&&b| b == b' ').count();
    let rest = &rest[skip..];
    if rest.first().is_some_and(|&b| b == b'%' || b == b'/') {
        return true;
    }
    let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    len > 0 && std::str::from_utf8(&rest[..len]).is_ok_and(|w| UNITS.contains(&w))
}

/// Whether money or a measure sign is just before `start` ("$412", "#2 pencil" is not money).
pub(super) fn money_before(raw: &str, start: usize) -> bool {
    raw[..start]
        .trim_end_matches(' ')
        .ends_with(['$', '£', '€', '¥'])
}

/// Whether `s` is a date in a numeric spelling ("03-14-2012", "3/14/12", "2012-03-14",
/// "03142012", "20120314"), which the language detectors own.
pub(super) fn date_shaped(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['-', '/', '.', ' ']).collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [a, b, c] if a.len() == 4 && b.len() <= 2 && c.len() <= 2 => {
            matches!((num(b), num(c)), (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
        }
        [a, b, c] if a.len() <= 2 && b.len() <= 2 && (c.len() == 2 || c.len() == 4) => {
            matches!((num(a), num(b), num(c)), (Some(x), Some(y), Some(_))
                if (1..=31).contains(&x) && (1..=31).contains(&y) && (x <= 12 || y <= 12))
        }
        [d] if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) => {
            let (x, y, z) = (&d[..2], &d[2..4], &d[4..]);
            let (m, dd) = (num(x).unwrap_or(0), num(y).unwrap_or(0));
            let mdy = (1..=12).contains(&m)
                && (1..=31).contains(&dd)
                && (z.starts_with("19") || z.starts_with("20"));
            let dmy = (1..=12).contains(&dd)
                && (1..=31).contains(&m)
                && (z.starts_with("19") || z.starts_with("20"));
            let (yr, m2, d2) = (
                &d[..4],
                num(&d[4..6]).unwrap_or(0),
                num(&d[6..]).unwrap_or(0),
            );
            let ymd = (yr.starts_with("19") || yr.starts_with("20"))
                && (1..=12).contains(&m2)
                && (1..=31).contains(&d2);
            mdy || dmy || ymd
        }
        _ => false,
    }
}

/// Whether `s` is a ZIP or ZIP+4 ("12345", "12345-6789").
pub(super) fn zip_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    (b.len() == 5 && digits(b))
        || (b.len() == 10 && b[5] == b'-' && digits(&b[..5]) && digits(&b[6..]))
}

/// Whether `s` is two small numbers joined by a dash, a range ("150-200", "4-6").
pub(super) fn range_shaped(s: &str) -> bool {
    let mut parts = s.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => {
            a.len() <= 4
                && b.len() <= 4
                && matches!((a.parse::<u32>(), b.parse::<u32>()), (Ok(x), Ok(y)) if x < y)
        }
        _ => false,
    }
}

/// Whether a letters-and-digits word is a number glued to a unit or an ordinal ("2000iu",
/// "40mg", "1st", "10k").
pub(super) fn glued_unit(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    // Session 22: seven digits or more and a letter are an identifier's shape, no quantity
    // ("pps 7500436x", "crn 712104165x"; a dose runs to "100000iu").
    if digits == 0 || digits >= 7 {
        return false;
    }
    let tail = &word[digits..];
    tail.bytes().all(|b| b.is_ascii_alphabetic())
        && UNITS
            .iter()
            .chain(&["st", "nd", "rd", "th", "k", "s", "mgs"])
            .any(|u| u.eq_ignore_ascii_case(tail))
}

/// Public codes that look like identifiers but name no one: trial registrations, and a name
/// glued to a small number ("COVID-19", "HLA-B27", "SARS-CoV-2").
pub(super) fn public_code(value: &str) -> bool {
    if ["NCT", "ISRCTN", "EUCTR", "ACTRN", "PMID", "PMC"]
        .iter()
        .any(|p| {
            value
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
                && value[p.len()..].bytes().all(|b| b.is_ascii_digit())
        })
    {
        return true;
    }
    let digits = value.bytes().filter(u8::is_ascii_digit).count();
    digits <= 3
        && value.contains('-')
        && value
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic())
}

/// An ICD-10 diagnosis code, with or without its dot ("M05.79", "M0579", "J441", "G43.709"):
/// one letter then two to four digits (five with the dot). It names a condition, not a person;
/// record and plan numbers are longer.
pub(super) fn icd_shaped(value: &str) -> bool {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: String = chars.filter(|&c| c != '.').collect();
    first.is_ascii_alphabetic()
        && (2..=if value.contains('.') { 5 } else { 4 }).contains(&rest.len())
        && rest.bytes().all(|b| b.is_ascii_digit())
        && value.matches('.').count() <= 1
}

/// Luhn check over a string of ASCII digits.
pub(super) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    !digits.is_empty() && sum % 10 == 0
}

/// The ASCII digits of `s`.
pub(super) fn digits_of(s: &str) -> Vec<u8> {
    s.bytes().filter(u8::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_zips_ranges_and_units_are_recognised() {
        for d in [
            "03-14-2012",
            "3/14/12",
            "2012-03-14",
            "14.03.2012",
            "03142012",
            "20120314",
        ] {
            assert!(date_shaped(d), "{d}");
        }
        for d in ["32-72-474", "123-45-6789", "12345678", "5119-3999-40"] {
            assert!(!date_shaped(d), "{d}");
        }
        assert!(zip_shaped("12345") && zip_shaped("12345-6789") && !zip_shaped("123456"));
        assert!(range_shaped("150-200") && !range_shaped("200-150") && !range_shaped("1-0-1"));
        assert!(
            unit_after("took 40 mg", 7)
                && unit_after("10432 steps", 5)
                && !unit_after("1234 is", 4)
        );
        assert!(glued_unit("2000IU") && glued_unit("1st") && !glued_unit("E7046044"));
        assert!(
            public_code("NCT04280705")
                && public_code("COVID-19")
                && !public_code("MMJ-4649-8214")
                && icd_shaped("M0579")
                && icd_shaped("G43.709")
                && !icd_shaped("E1234567")
        );
        assert!(luhn(b"4111111111111111") && !luhn(b"4111111111111112"));
    }
}
