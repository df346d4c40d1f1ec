//! Phone and fax numbers: North American forms, "+" international forms, spelled-out digits,
//! with public hotlines and business toll-free lines left alone.

use std::sync::LazyLock;

use regex::Regex;

use super::spoken::Spoken;
use super::{found, shape, Finding, Kind, Text};
use crate::phi::regex;

const PHONE_WHY: &str = "a phone number";
const FAX_WHY: &str = "a fax number";

/// (412) 555-0199, 412-555-0199, 412.555.0199, 412 555 0199, +1 412 555 0199, 1-412-555-0199,
/// 4125550199; or 555-0199, a local number, which is a phone only beside a word about calling.
static NANP: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:(?:\+ ?1 ?[ .\-]? ?|(?-u:\b)1[ .\-]|(?-u:\b)1 ?)?(?:\([0-9]{3}\) ?[.\-]? ?|(?-u:\b)[0-9]{3}[ .\-] ?|(?-u:\b)[0-9]{3})[0-9]{3}[ .\-]?|(?-u:\b)[0-9]{3}[ .\-])[0-9]{4}(?:(?-u:\b)|x[0-9]{1,6}(?-u:\b))",
    )
});
/// +44 20 7946 0958, +41 (0)69 979 80 58, +447700900123.
static INTERNATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\+ ?[0-9]{1,3}(?:[ .\-]?\([0-9]{1,4}\))?(?:[ .\-]?[0-9]{1,6}){1,6}(?-u:\b)")
});

/// Words that, just before a number, say it is a phone number.
pub(super) const PHONE_CUES: &[&str] = &[
    "call",
    "calling",
    "called",
    "text",
    "texting",
    "txt",
    "cell",
    "cellphone",
    "phone",
    "mobile",
    "tel",
    "telephone",
    "ph",
    "number",
    "reach",
    "whatsapp",
    "signal",
    "landline",
    "dial",
    "ring",
    "contact",
    "voicemail",
    "sms",
    "line",
    "desk",
    "office",
    "home",
    "work",
];
const FAX_CUES: &[&str] = &["fax", "faxed", "faxing", "facsimile", "efax"];
/// Words that tie a toll-free number to a person rather than a business.
const PERSONAL_CUES: &[&str] = &[
    "cell",
    "cellphone",
    "mobile",
    "me",
    "wife",
    "husband",
    "mom",
    "dad",
    "son",
    "daughter",
    "personal",
    "direct",
    "him",
    "her",
    "sister",
    "brother",
    "partner",
    "myself",
];
const TOLL_FREE: &[&str] = &["800", "888", "877", "866", "855", "844", "833"];

static HOTLINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../../data/phi/hotlines.txt")
        .lines()
        .filter_map(|l| l.split('#').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
});

pub(super) fn detect(text: &Text, spoken: &[Spoken], out: &mut Vec<Finding>) {
    for m in NANP.find_iter(text.raw) {
        if !free_standing(text.raw, m.start(), m.end()) {
            continue;
        }
        let number = m.as_str().split('x').next().unwrap_or("");
        let digits = shape::digits_of(number);
        let cued = super::near_before(text, m.start(), 4, PHONE_CUES)
            || super::near_before(text, m.start(), 6, FAX_CUES);
        let base = if digits.len() == 7 {
            if !cued || shape::unit_after(&text.lower, m.end()) {
                continue;
            }
            0.7
        } else {
            let Some(n) = national(&digits).filter(|n| n.len() == 10) else {
                continue;
            };
            let separated = number.bytes().any(|b| !b.is_ascii_digit() && b != b'+');
            let plausible = (b'2'..=b'9').contains(&n[0]) && (b'2'..=b'9').contains(&n[3]);
            match (separated, plausible, cued) {
                (_, _, true) => 0.9,
                (true, true, false) => 0.85,
                (true, false, false) => 0.6,
                (false, true, false) => 0.55,
                (false, false, false) => continue,
            }
        };
        if let Some(f) = number_finding(text, m.start(), m.end(), &digits, base) {
            out.push(f);
        }
    }
    for m in INTERNATIONAL.find_iter(text.raw) {
        let digits = shape::digits_of(m.as_str());
        if (8..=15).contains(&digits.len())
            && !shape::date_shaped(m.as_str().trim_start_matches('+'))
        {
            if let Some(f) = number_finding(text, m.start(), m.end(), &digits, 0.8) {
                out.push(f);
            }
        }
    }
    for run in spoken {
        let national = national(run.digits.as_bytes());
        let cued = super::near_before(text, run.start, 5, PHONE_CUES)
            || super::near_before(text, run.start, 6, FAX_CUES);
        let base = match national.map(<[u8]>::len) {
            Some(10) => 0.8,
            Some(7) if cued => 0.7,
            _ => continue,
        };
        if let Some(f) = number_finding(text, run.start, run.end, run.digits.as_bytes(), base) {
            out.push(f);
        }
    }
}

/// The national part of a North American number: 10 digits, or 11 with a leading 1 (7 for a
/// local number).
fn national(digits: &[u8]) -> Option<&[u8]> {
    match digits.len() {
        11 if digits[0] == b'1' => Some(&digits[1..]),
        7 | 10 => Some(digits),
        _ => None,
    }
}

/// Not the middle of a longer run of digits and separators ("12-345-678-9012", "1.2.3.4").
fn free_standing(raw: &str, start: usize, end: usize) -> bool {
    let b = raw.as_bytes();
    let before_ok = start == 0
        || !(b[start - 1].is_ascii_alphanumeric()
            || (matches!(b[start - 1], b'-' | b'.' | b'/' | b'+')
                && start >= 2
                && b[start - 2].is_ascii_digit()));
    let after_ok = end >= b.len()
        || !(b[end].is_ascii_alphanumeric()
            || (matches!(b[end], b'-' | b'.' | b'/')
                && end + 1 < b.len()
                && b[end + 1].is_ascii_digit()));
    before_ok && after_ok
}

/// A phone or fax finding for a number at `start..end`, unless it is a public hotline, or a
/// toll-free number not tied to a person. The span grows over an extension ("ext. 12").
pub(super) fn number_finding(
    text: &Text,
    start: usize,
    end: usize,
    digits: &[u8],
    base: f32,
) -> Option<Finding> {
    // Lines outside North America are listed with all their digits ("116123", "131114").
    if HOTLINES.iter().any(|h| h.as_bytes() == digits) {
        return None;
    }
    if let Some(n) = national(digits).filter(|n| n.len() == 10) {
        if HOTLINES.iter().any(|h| h.as_bytes() == n) {
            return None;
        }
        let toll_free = TOLL_FREE.iter().any(|t| t.as_bytes() == &n[..3]);
        if toll_free && !super::near_before(text, start, 5, PERSONAL_CUES) {
            return None;
        }
    }
    let end = end + extension(super::ahead(&text.lower, end, 24));
    let fax = text
        .words_before(start, 6)
        .find(|w| PHONE_CUES.contains(w) || FAX_CUES.contains(w))
        .is_some_and(|w| FAX_CUES.contains(&w))
        || fax_after(text, end);
    Some(if fax {
        found(Kind::Fax, start, end, base.max(0.8), FAX_WHY)
    } else {
        found(Kind::Phone, start, end, base, PHONE_WHY)
    })
}

/// "930.167.3943 fax": the word after a number names it, unless it labels the next one
/// ("Fax: …").
fn fax_after(text: &Text, end: usize) -> bool {
    let i = text.word_at_or_after(end);
    i < text.words.len()
        && FAX_CUES.contains(&text.lower_word(i))
        && !text.raw[text.words[i].end..]
            .trim_start_matches(' ')
            .starts_with(':')
        && !text.raw[end..text.words[i].start].contains('\n')
}

/// The length of an extension right after a number: ", ext. 12", " x12", " extension 4410".
fn extension(after: &str) -> usize {
    let rest = after.strip_prefix(',').unwrap_or(after);
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let Some(rest) = ["extension", "ext", "x"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return 0;
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest.strip_prefix('#').unwrap_or(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let boundary = !rest
        .as_bytes()
        .get(digits)
        .is_some_and(u8::is_ascii_alphanumeric);
    if (1..=6).contains(&digits) && boundary {
        after.len() - rest.len() + digits
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, String)> {
        let text = Text::new(s);
        let spoken = super::super::spoken::runs(&text);
        let mut out = Vec::new();
        detect(&text, &spoken, &mut out);
        out.retain(|f| f.confidence >= 0.5);
        out.iter()
            .map(|f| (f.kind, s[f.start..f.end].to_owned()))
            .collect()
    }

    #[test]
    fn phones_in_many_spellings() {
        for (s, want) in [
            ("call me at (412) 555-0199", "(412) 555-0199"),
            ("my cell 412-555-0199 anytime", "412-555-0199"),
            ("412.555.0199 is my number", "412.555.0199"),
            ("reach me on +1 (412) 555-0199", "+1 (412) 555-0199"),
            ("text 4125550199", "4125550199"),
            (
                "number is 1-412-555-0199 ext. 12 ok",
                "1-412-555-0199 ext. 12",
            ),
            ("my mum in london +44 20 7946 0958", "+44 20 7946 0958"),
            ("just call 555-0199 after six", "555-0199"),
        ] {
            let got = kinds(s);
            assert!(
                got.contains(&(Kind::Phone, want.to_owned())),
                "{s}: {got:?}"
            );
            assert!(got.iter().all(|(k, _)| *k == Kind::Phone), "{s}: {got:?}");
        }
        assert_eq!(kinds("fax the forms to 412 555 0199")[0].0, Kind::Fax);
        assert_eq!(
            kinds("four one two five five five zero one nine nine")[0].0,
            Kind::Phone
        );
    }

    #[test]
    fn hotlines_and_look_alikes_are_not_phones() {
        for s in [
            "Poison Help is 1-800-222-1222 if you double up",
            "call the nurse line at 1-888-555-0100 for refills",
            "call or text 988",
            "my schedule is 1-0-1 and sliding scale 150-200",
            "NDC 12345-6789-01 is the same drug",
            "born 03-14-2012, zip 15213-1234",
            "walked 10,432 steps at 8:30",
        ] {
            assert_eq!(kinds(s), [], "{s}");
        }
        assert_eq!(kinds("my cell is 1-800-555-0199").len(), 1);
    }
}
