//! Numbers that identify by their structure alone: Social Security numbers, payment card numbers
//! (Luhn), Medicare beneficiary identifiers, VINs (check digit), and long bare codes that are
//! almost never anything but an identifier.

use std::sync::LazyLock;

use regex::Regex;

use super::{found, shape, Finding, Kind, Text};
use crate::phi::regex;

static SSN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)[0-9]{3}[\- ][0-9]{2}[\- ][0-9]{4}(?-u:\b)"));
/// 13–19 digits, in one run or in groups split by single spaces or dashes (checked in code).
static CARD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)[0-9][0-9 \-]{11,30}[0-9](?-u:\b)"));
/// Medicare Beneficiary Identifier: 1AN9-AA9-AA99 style, letters from the CMS alphabet.
static MBI: LazyLock<Regex> = LazyLock::new(|| {
    let a = "[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]";
    let an = "[AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]";
    regex(&format!(
        r"(?-u:\b)[1-9]{a}{an}[0-9][\- ]?{a}{an}[0-9][\- ]?{a}{a}[0-9][0-9](?-u:\b)"
    ))
});
/// A word of letters and digits (or digits only) of identifier length.
static CODE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)[A-Za-z]{0,39}[0-9][A-Za-z0-9]{0,39}(?-u:\b)"));
/// An IBAN: country letters, two check digits, then 11–30 letters and digits, written in one
/// run or in groups of four (checked with ISO 13616's mod-97 in code).
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?-u:\b)[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?-u:\b)")
});
/// Digit groups joined by dashes ("10-519006-01", "7337-4311-58").
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)[A-Za-z]{0,4}[0-9]{1,8}(?:-[A-Za-z0-9]{1,8}){2,4}(?-u:\b)"));

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    ssns(text, out);
    cards(text, out);
    for m in MBI.find_iter(text.raw) {
        if free_standing(text.raw, m.start(), m.end()) {
            out.push(found(
                Kind::HealthPlanId,
                m.start(),
                m.end(),
                0.85,
                "a Medicare number",
            ));
        }
    }
    for m in IBAN.find_iter(text.raw) {
        if free_standing(text.raw, m.start(), m.end()) && iban_checks(m.as_str()) {
            out.push(found(
                Kind::Account,
                m.start(),
                m.end(),
                0.9,
                "a bank account number (IBAN)",
            ));
        }
    }
    codes(text, out);
    for m in DASHED.find_iter(text.raw) {
        let s = m.as_str();
        let digits = shape::digits_of(s).len();
        if digits >= 7
            && free_standing(text.raw, m.start(), m.end())
            && !shape::date_shaped(s)
            && !super::near_before(text, m.start(), 3, shape::NOT_PERSONAL)
        {
            out.push(found(
                Kind::OtherId,
                m.start(),
                m.end(),
                0.35,
                "an identifying number",
            ));
        }
    }
}

/// Not glued to more digits or letters by a separator ("123-45-6789-0").
fn free_standing(raw: &str, start: usize, end: usize) -> bool {
    let b = raw.as_bytes();
    let sep = |c: u8| matches!(c, b'-' | b'.' | b'/');
    let before = start >= 2 && sep(b[start - 1]) && b[start - 2].is_ascii_alphanumeric();
    let after = end + 1 < b.len() && sep(b[end]) && b[end + 1].is_ascii_alphanumeric();
    !before && !after
}

/// ISO 13616: the first four characters moved to the end, letters read as 10–35, the whole
/// number taken mod 97 must be 1. A random code passes one time in 97.
fn iban_checks(s: &str) -> bool {
    let b: Vec<u8> = s.bytes().filter(|c| *c != b' ').collect();
    if !(15..=34).contains(&b.len()) {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'a'..=b'z' => u32::from(c - b'a') + 10,
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

fn ssns(text: &Text, out: &mut Vec<Finding>) {
    for m in SSN.find_iter(text.raw) {
        let s = m.as_str();
        let (area, s1, group, s2, serial) = (&s[..3], &s[3..4], &s[4..6], &s[6..7], &s[7..]);
        if s1 != s2 || !free_standing(text.raw, m.start(), m.end()) {
            continue;
        }
        let valid = !matches!(area, "000" | "666")
            && !area.starts_with('9')
            && group != "00"
            && serial != "0000";
        if valid {
            let confidence = if s1 == "-" { 0.9 } else { 0.75 };
            out.push(found(
                Kind::Ssn,
                m.start(),
                m.end(),
                confidence,
                "a Social Security number",
            ));
        }
    }
}

fn cards(text: &Text, out: &mut Vec<Finding>) {
    for m in CARD.find_iter(text.raw) {
        if !free_standing(text.raw, m.start(), m.end()) {
            continue;
        }
        let mut s = m.as_str();
        // A card number may run into the next number ("4111 1111 1111 1111 12/25").
        for _ in 0..2 {
            if card_number(s) {
                let end = m.start() + s.len();
                out.push(found(
                    Kind::Account,
                    m.start(),
                    end,
                    0.85,
                    "a payment card number",
                ));
                break;
            }
            match s.rfind([' ', '-']) {
                Some(cut) => s = &s[..cut],
                None => break,
            }
        }
    }
}

/// 13–19 digits grouped like a card (one run, fours, or 4-6-5) that pass the Luhn check.
fn card_number(s: &str) -> bool {
    let groups: Vec<usize> = s.split([' ', '-']).map(str::len).collect();
    let digits = shape::digits_of(s);
    let grouped_like_a_card = groups.len() == 1
        || (groups[..groups.len() - 1].iter().all(|&g| g == 4) && groups[groups.len() - 1] > 0)
        || groups == [4, 6, 5]
        || groups == [4, 6, 4];
    (13..=19).contains(&digits.len()) && grouped_like_a_card && shape::luhn(&digits)
}

/// Values of letters to a VIN's check digit (ISO 3779); I, O and Q are not used.
fn vin_value(c: u8) -> Option<u32> {
    Some(match c.to_ascii_uppercase() {
        d @ b'0'..=b'9' => u32::from(d - b'0'),
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => return None,
    })
}

fn vin_checks(vin: &[u8]) -> bool {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let mut sum = 0;
    for (i, &c) in vin.iter().enumerate() {
        match vin_value(c) {
            Some(v) => sum += v * WEIGHTS[i],
            None => return false,
        }
    }
    let check = match sum % 11 {
        10 => b'X',
        d => b'0' + d as u8,
    };
    vin.len() == 17 && vin[8].to_ascii_uppercase() == check
}

/// Long codes with no keyword in sight: VINs, long digit runs, letters mixed with many digits.
fn codes(text: &Text, out: &mut Vec<Finding>) {
    for m in CODE.find_iter(text.raw) {
        let s = m.as_str();
        let b = s.as_bytes();
        let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
        let letters = b.len() - digits;
        if b.len() < 6
            || b.len() > 40
            || !free_standing(text.raw, m.start(), m.end())
            || shape::public_code(s)
            || shape::glued_unit(s)
            || shape::money_before(text.raw, m.start())
            || shape::unit_after(&text.lower, m.end())
            || super::near_before(text, m.start(), 2, shape::NOT_PERSONAL)
        {
            continue;
        }
        let (kind, confidence, why) = if b.len() == 17 && letters > 0 && vin_checks(b) {
            (Kind::Vehicle, 0.9, "a vehicle identification number")
        } else if letters == 0 {
            if shape::date_shaped(s) {
                continue;
            }
            match digits {
                6 => (
                    Kind::OtherId,
                    0.3,
                    "a long number that may identify someone",
                ),
                7 => (
                    Kind::OtherId,
                    0.4,
                    "a long number that may identify someone",
                ),
                8 => (
                    Kind::OtherId,
                    0.5,
                    "a long number that may identify someone",
                ),
                9..=12 => (
                    Kind::OtherId,
                    0.55,
                    "a long number that may identify someone",
                ),
                _ => (
                    Kind::OtherId,
                    0.6,
                    "a long number that may identify someone",
                ),
            }
        } else if digits >= 6 {
            (Kind::OtherId, 0.55, "a code that may identify someone")
        } else if digits >= 4 {
            (Kind::OtherId, 0.35, "a code that may identify someone")
        } else {
            continue;
        };
        out.push(found(kind, m.start(), m.end(), confidence, why));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(s: &str) -> Vec<(Kind, String)> {
        let text = Text::new(s);
        let mut out = Vec::new();
        detect(&text, &mut out);
        out.retain(|f| f.confidence >= 0.5);
        out.iter()
            .map(|f| (f.kind, s[f.start..f.end].to_owned()))
            .collect()
    }

    #[test]
    fn ibans_are_accounts() {
        for s in [
            "transfer from GB29NWBK60161331926819 please",
            "IBAN GB29 NWBK 6016 1331 9268 19",
            "iban de89370400440532013000",
            "FR1420041010050500013M02606 is mine",
        ] {
            let got = held(s);
            assert!(got.iter().any(|(k, _)| *k == Kind::Account), "{s}: {got:?}");
        }
        // Same shapes, wrong check digits: no IBAN (a long code may still be held otherwise).
        for s in ["GB28NWBK60161331926819", "DE88370400440532013000"] {
            let got = held(s);
            assert!(
                !got.iter().any(|(k, _)| *k == Kind::Account),
                "{s}: {got:?}"
            );
        }
    }

    #[test]
    fn structured_numbers_hold() {
        for (s, kind, want) in [
            ("it's 123-45-6789 ok", Kind::Ssn, "123-45-6789"),
            ("ssn 403 76 2214", Kind::Ssn, "403 76 2214"),
            (
                "card 4111 1111 1111 1111 exp",
                Kind::Account,
                "4111 1111 1111 1111",
            ),
            (
                "paid with 4111-1111-1111-1111",
                Kind::Account,
                "4111-1111-1111-1111",
            ),
            ("amex 3782 822463 10005", Kind::Account, "3782 822463 10005"),
            (
                "medicare 1EG4-TE5-MK73 on file",
                Kind::HealthPlanId,
                "1EG4-TE5-MK73",
            ),
            (
                "medicare 1eg4te5mk73 on file",
                Kind::HealthPlanId,
                "1eg4te5mk73",
            ),
            ("vin JMCSP50X42KVC1201", Kind::Vehicle, "JMCSP50X42KVC1201"),
            (
                "the kiosk stored c4a965e648cb64ee",
                Kind::OtherId,
                "c4a965e648cb64ee",
            ),
            ("it's W807836311 on the card", Kind::OtherId, "W807836311"),
        ] {
            let got = held(s);
            assert!(got.contains(&(kind, want.to_owned())), "{s}: {got:?}");
        }
    }

    #[test]
    fn look_alikes_do_not_hold() {
        for s in [
            "SSN area 000-12-3456 and 666-12-3456 are never issued",
            "trial NCT04280705 is public",
            "lot R8A7179 and NDC 12345-6789-01",
            "vitamin D 2000IU, 100000IU weekly loading dose",
            "birthday 03142012, zip 15213-1234, 12345",
            "platelets 142,000 and 10,432 steps, $1234567",
            "the JAK2 V617F mutation, HLA-B27, BRCA2, COVID-19",
        ] {
            assert_eq!(held(s), [], "{s}");
        }
    }
}
