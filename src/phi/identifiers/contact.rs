//! Phone and fax numbers: North American forms, "+" international forms, national forms of other
//! countries, spelled-out digits,
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

/// A number written the way it is dialled inside its own country, outside North America: groups of
/// 2–6 digits, the last up to 8 (the first maybe in brackets) joined by a space, dot or hyphen, or one unbroken run
/// that starts with a trunk 0. Which of these is a phone is decided in [`abroad`].
static NATIONAL_ABROAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\([0-9]{1,5}\) ?|(?-u:\b)[0-9]{2,6}[ .\-])(?:[0-9]{2,6}[ .\-]){0,3}[0-9]{2,8}(?-u:\b)|(?-u:\b)0[0-9]{8,11}(?-u:\b)",
    )
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
    "answering",
    "messages",
    "line",
    "desk",
    "office",
    "home",
    "work",
];
const FAX_CUES: &[&str] = &["fax", "faxes", "faxed", "faxing", "facsimile", "efax"];
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
            || super::near_before(text, m.start(), 6, FAX_CUES)
            || labelled_after(text, m.end());
        let base = if digits.len() == 7 {
            // "020 7946" of "020 7946 0958" is the start of a number abroad, judged below.
            let longer = matches!(
                text.raw.as_bytes()[m.end()..],
                [b' ' | b'.' | b'-', d, e, ..] if d.is_ascii_digit() && e.is_ascii_digit()
            );
            // "0800 808 0000": "808 0000" is the end of a number abroad, judged as a whole.
            let inside = matches!(
                text.raw.as_bytes()[..m.start()],
                [.., d, b' ' | b'.' | b'-'] if d.is_ascii_digit()
            );
            if !cued || longer || inside || shape::unit_after(&text.lower, m.end()) {
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
    for m in NATIONAL_ABROAD.find_iter(text.raw) {
        if let Some(base) = abroad(text, m.start(), m.as_str()) {
            let digits = shape::digits_of(m.as_str());
            if let Some(f) = number_finding(text, m.start(), m.end(), &digits, base) {
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

/// How sure we are that `number` (at `start`) is a phone number in a national format abroad, or
/// None. The shapes, from the numbering plans:
/// - a trunk 0 and 10–11 digits in groups or one run: the UK (020 7946 0958, 07700 900123),
///   France (06 12 34 56 78), Germany (030 1234 5678), Australia (0412 345 678), the Netherlands,
///   Italy, the Philippines (0917 123 4567), Nigeria (0803 123 4567), Ireland and New Zealand's
///   mobiles;
/// - an area code in brackets and 9–11 digits in all: Brazil ((11) 91234-5678), Australia
///   ((02) 9876 5432), Ireland ((01) 234 5678);
/// - ten digits as 5 + 5 starting 6–9 (an Indian mobile, 98765 43210), or as 2 + 4 + 4 (a Mexican
///   number, 55 1234 5678);
/// - 9–12 digits in any of these groupings after a word about calling ("mobile 612 34 56 78").
///
/// Not: North American shapes (detected above), anything right after "+" or inside a longer run,
/// dates, IPv4 addresses, drug codes (NDC), amounts or measures.
fn abroad(text: &Text, start: usize, number: &str) -> Option<f32> {
    let end = start + number.len();
    let raw = text.raw.as_bytes();
    if start > 0 && matches!(raw[start - 1], b'+' | b'$' | b'#' | b'.' | b',') {
        return None;
    }
    if !free_standing(text.raw, start, end)
        || shape::unit_after(&text.lower, end)
        || shape::date_shaped(number)
    {
        return None;
    }
    let groups: Vec<&str> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    let sizes: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    // An IPv4 address, or a North American number the detector above has already judged.
    let dotted_quad = groups.len() == 4 && sizes.iter().all(|&n| n <= 3) && number.contains('.');
    let nanp = matches!(sizes.as_slice(), [3, 3, 4] | [3, 4] | [1, 3, 3, 4]);
    // A drug's National Drug Code: three groups joined by hyphens, the last of one or two digits
    // (0083-3324-80, 02239-9853-44).
    let ndc = sizes.len() == 3 && sizes[2] <= 2 && number.matches('-').count() == 2;
    let cued = super::near_before(text, start, 4, PHONE_CUES)
        || super::near_before(text, start, 6, FAX_CUES)
        || labelled_after(text, end);
    // Eight digits in groups are a whole number in Denmark, Norway, Cyprus or Estonia ("78 651
    // 450"): only where a word says it is one.
    let eight = digits == 8 && cued && groups.len() >= 2;
    if dotted_quad || nanp || ndc || !((9..=12).contains(&digits) || eight) {
        return None;
    }
    let trunk = number.trim_start_matches('(').starts_with('0');
    let bracketed = number.starts_with('(');
    let first = groups[0].as_bytes()[0];
    let shape = match sizes.as_slice() {
        _ if trunk && (10..=11).contains(&digits) => Some(0.8),
        _ if bracketed && (9..=11).contains(&digits) => Some(0.8),
        [5, 5] if (b'6'..=b'9').contains(&first) => Some(0.7),
        [2, 4, 4] if first != b'0' => Some(0.65),
        _ => None,
    };
    match (shape, cued) {
        (Some(base), true) => Some(f32::max(base, 0.85)),
        (Some(base), false) => Some(base),
        // Any grouping after a word about calling: a Spanish 612 34 56 78, an Irish 087 123 4567.
        (None, true) if groups.len() >= 2 || trunk => Some(0.8),
        (None, _) => None,
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

/// Whether `digits` dial a service line that no one person holds: the UK's freephone 0800 and
/// 0808 and non-geographic 0300, 0333, 0345 and 0370 ranges (charities, the NHS, councils; ten
/// or eleven digits, or after +44), Ireland's and Australia's freecall 1800 and local-rate 1300
/// (ten digits), New Zealand's 0800 and 0508 (ten or eleven).
fn service_line(digits: &[u8]) -> bool {
    let uk = |d: &[u8]| {
        [&b"800"[..], b"808", b"300", b"333", b"345", b"370"]
            .iter()
            .any(|p| d.starts_with(p))
    };
    match digits {
        [b'0', rest @ ..] if (9..=10).contains(&rest.len()) => uk(rest) || rest.starts_with(b"508"),
        [b'4', b'4', rest @ ..] if (9..=10).contains(&rest.len()) => uk(rest),
        [b'1', b'8' | b'3', b'0', b'0', ..] => digits.len() == 10,
        _ => false,
    }
}

/// "ring 0300 555 1234 that is my brother", "0345 … (my sister's)": the words after a number
/// say whose it is (session 16).
fn owned_after(text: &Text, end: usize) -> bool {
    let ahead = super::ahead(&text.lower, end, 24);
    let ahead = ahead.trim_start_matches([' ', ',', '-', '(']);
    [
        "that is my",
        "thats my",
        "that's my",
        "that’s my",
        "its my",
        "it's my",
        "is my",
        "my ",
    ]
    .iter()
    .any(|p| ahead.starts_with(p))
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
    // In "930.167.3943 fax\n+447700677662 mobile" the fax labels the first number only.
    let fax =
        fax_after(text, end) || cue_before(text, start).is_some_and(|w| FAX_CUES.contains(&w));
    // Freephone and charities' and public bodies' non-geographic lines abroad, like North
    // America's toll-free ones: a business's or a helpline's unless tied to a person. No one
    // faxes a helpline: a fax number is an office's, held as every fax is.
    if service_line(digits)
        && !fax
        && !super::near_before(text, start, 5, PERSONAL_CUES)
        && !owned_after(text, end)
    {
        return None;
    }
    Some(if fax {
        found(Kind::Fax, start, end, base.max(0.8), FAX_WHY)
    } else {
        found(Kind::Phone, start, end, base, PHONE_WHY)
    })
}

/// The nearest word about calling or faxing within six words before `start` that belongs to
/// this number: not one behind another number, nor one that labels the number before it on its
/// line ("(579)888-3058 fax\n001-518-640-0854": the fax is the first). A fax word further back
/// in the sentence still names it when no word of calling comes between, only a place's
/// ("fax the referral to Dr Huang's office at …", "the pharmacy faxes his repeat list to …").
fn cue_before<'t>(text: &'t Text, start: usize) -> Option<&'t str> {
    let end = text.word_at_or_after(start);
    let mut place = None;
    for k in (end.saturating_sub(12)..end).rev() {
        let w = text.lower_word(k);
        if w.bytes().all(|b| b.is_ascii_digit()) {
            return place;
        }
        if k + 6 < end || place.is_some() {
            let ends_sentence = text.raw[text.words[k].end..text.words[k + 1].start]
                .contains(['.', '!', '?', '\n']);
            if ends_sentence || (PHONE_CUES.contains(&w) && !PLACES.contains(&w)) {
                return place;
            }
            if FAX_CUES.contains(&w) {
                return Some(w);
            }
            continue;
        }
        if PHONE_CUES.contains(&w) || FAX_CUES.contains(&w) {
            // A cue closing the line of a number ("… 3058 fax\n") labels that one; between two
            // numbers on one line ("Phone 412-555-0100 Fax 412-555-0199") it opens the second.
            let labels_previous = k > 0
                && text.lower_word(k - 1).bytes().all(|b| b.is_ascii_digit())
                && !text.raw[text.words[k - 1].end..text.words[k].start].contains('\n')
                && text.raw[text.words[k].end..start].contains('\n');
            if labels_previous {
                return None;
            }
            if !PLACES.contains(&w) {
                return Some(w);
            }
            place = Some(w);
        }
    }
    place
}

/// Phone cues that name where a number rings, not that it is called: a fax word before them
/// in the sentence still names a fax ("fax it to the office on …").
const PLACES: &[&str] = &["office", "home", "work", "desk", "line", "number"];

/// "416 60 039 office", "28-64-66-98 mobile": a word after a number, on its line, names it a
/// phone (unless it labels the next one: "Office: …").
fn labelled_after(text: &Text, end: usize) -> bool {
    let i = text.word_at_or_after(end);
    i < text.words.len()
        && matches!(
            text.lower_word(i),
            "office" | "mobile" | "cell" | "home" | "work" | "landline" | "phone" | "tel" | "fax"
        )
        && !text.raw[text.words[i].end..]
            .trim_start_matches(' ')
            .starts_with(':')
        && !text.gap_to(end, i).contains('\n')
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
        && !text.gap_to(end, i).contains('\n')
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
#[path = "contact_tests.rs"]
mod tests;
