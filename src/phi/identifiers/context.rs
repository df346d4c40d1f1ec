//! Keyword-led identifiers: a word that names an identifier ("MRN", "member id", "acct no.",
//! "serial", "plate", "username") followed within a few words by a value that looks like one
//! ("00123456", "W123456789", "123-456-789", "four one two…"). The keyword decides the kind.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::keywords::{keyword, Cue, Mode, ABBREVIATIONS, FILLER_SET, NOT_A_USERNAME};
use super::spoken::Spoken;
use super::{contact, found, shape, Finding, Kind, Text};

pub(super) fn detect(text: &Text, spoken: &[Spoken], out: &mut Vec<Finding>) {
    // Each word is looked up once; the look-ahead after each keyword reads these.
    let words: Vec<Word> = (0..text.words.len()).map(|i| classify(text, i)).collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(cue) = w.cue {
            if let Some(f) = follow(text, &words, spoken, i + 1, &cue) {
                out.push(f);
            }
        }
    }
}

/// What a word is to this detector.
#[derive(Clone, Copy)]
struct Word {
    cue: Option<Cue>,
    filler: bool,
    /// "lot", "NDC", "CPT"…: what follows is not a personal identifier.
    stop: bool,
    digits: bool,
}

static NOT_PERSONAL_SET: LazyLock<HashSet<&'static str, crate::phi::fast_hash::FxBuild>> =
    LazyLock::new(|| shape::NOT_PERSONAL.iter().copied().collect());

fn classify(text: &Text, i: usize) -> Word {
    let word = text.lower_word(i);
    let short = word.len() <= 16;
    Word {
        cue: keyword(text, i),
        filler: short && FILLER_SET.contains(word),
        stop: short && NOT_PERSONAL_SET.contains(word),
        digits: word.bytes().any(|b| b.is_ascii_digit()),
    }
}

/// A value after the keyword that ends before word `first`: within a few words, before the
/// sentence ends.
fn follow(
    text: &Text,
    words: &[Word],
    spoken: &[Spoken],
    first: usize,
    cue: &Cue,
) -> Option<Finding> {
    let reach = if cue.strong { 6 } else { 2 };
    let from = text.words[first - 1].end;
    let keyword_word = text.lower_word(first - 1);
    let mut skipped = 0;
    let mut prev_end = from;
    for (i, word) in words.iter().enumerate().skip(first).take(12) {
        let w = text.words[i];
        let gap = &text.raw[prev_end..w.start];
        // "confirmation code QX7P2M", "booking code …": "code" right after a word that names
        // a reference is that reference's, not a public code's ("ICD code", "promo code").
        let own_code = i == first
            && text.lower_word(i) == "code"
            && matches!(
                keyword_word,
                "confirmation" | "conf" | "booking" | "reference" | "ref" | "tracking"
            );
        if w.start >= from + 64 || sentence_ends(gap, text, i) || (word.stop && !own_code) {
            return None;
        }
        let near = skipped == 0;
        let plain = !word.filler && word.cue.is_none();
        let run = spoken
            .binary_search_by_key(&w.start, |r| r.start)
            .ok()
            .and_then(|k| spoken.get(k));
        if let Some(run) = run {
            if let Some(f) = judge_spoken(text, run, cue, near) {
                return Some(f);
            }
        } else if !word.filler || word.digits {
            if let Some(f) = value_at(text, i, cue, near, keyword_word) {
                return Some(f);
            }
        }
        if plain {
            skipped += 1;
            if skipped > reach {
                return None;
            }
        }
        prev_end = w.end;
    }
    None
}

fn sentence_ends(gap: &str, text: &Text, i: usize) -> bool {
    // A label and its value: "Phone:\n0496 46 46 70".
    if gap.trim_start_matches([' ', '\t']).starts_with(':') && !gap.contains("\n\n") {
        return gap.contains(['?', '!', ';']);
    }
    if gap.contains(['\n', '?', '!', ';']) {
        return true;
    }
    match gap.find('.') {
        Some(dot) if i > 0 && gap[dot..].contains(' ') => {
            !ABBREVIATIONS.contains(&text.lower_word(i - 1))
        }
        _ => false,
    }
}

fn judge_spoken(text: &Text, run: &Spoken, cue: &Cue, near: bool) -> Option<Finding> {
    let n = run.digits.len();
    match cue.mode {
        Mode::Dial | Mode::SoftDial => {
            let base = if near { 0.85 } else { 0.7 };
            if (7..=15).contains(&n) {
                let digits = run.digits.as_bytes();
                return contact::number_finding(text, run.start, run.end, digits, base)
                    .map(|f| as_fax_if_named(f, cue));
            }
            None
        }
        Mode::Social if n == 9 => Some(found(Kind::Ssn, run.start, run.end, 0.9, cue.why)),
        Mode::Insurance => (n == 9 && shape::luhn(run.digits.as_bytes()))
            .then(|| found(Kind::Ssn, run.start, run.end, 0.9, cue.why)),
        _ if n >= 5 => Some(found(
            cue.kind,
            run.start,
            run.end,
            confidence(cue, near),
            cue.why,
        )),
        _ => None,
    }
}

/// A number after "fax" is a fax number, whatever the words around it say.
fn as_fax_if_named(f: Finding, cue: &Cue) -> Finding {
    if cue.kind == Kind::Fax {
        Finding {
            kind: Kind::Fax,
            why: cue.why,
            ..f
        }
    } else {
        f
    }
}

fn confidence(cue: &Cue, near: bool) -> f32 {
    // A keyword says more than a shape alone: these outrank the shape detectors' guesses.
    match (cue.strong, near) {
        (true, true) => 0.95,
        (false, true) => 0.8,
        (true, false) => 0.7,
        (false, false) => 0.6,
    }
}

/// The identifier starting at word `i`, if it looks like one for this keyword.
fn value_at(text: &Text, i: usize, cue: &Cue, near: bool, keyword: &str) -> Option<Finding> {
    // "on a pump, HbA1c 52", "meter says eGFR 38": a lab test's name and its result after a
    // keyword are a measurement, no identifier (session 14).
    if crate::phi::labs::is_lab_test(text.lower_word(i)) {
        return None;
    }
    // Session 21: "kia ora hba1c 60": the Māori greeting, not the car maker.
    if keyword == "kia" && text.lower_word(i) == "ora" {
        return None;
    }
    if matches!(cue.mode, Mode::Username | Mode::Handle) {
        let vague = cue.mode == Mode::Handle || matches!(keyword, "handle" | "login" | "log");
        return username_at(text, i, near, cue, vague);
    }
    if cue.kind == Kind::Vehicle {
        if let Some(end) = british_plate(text, i)
            .or_else(|| indian_plate(text, i))
            .or_else(|| plate(text, i))
        {
            let start = text.words[i].start;
            return Some(found(cue.kind, start, end, confidence(cue, near), cue.why));
        }
    }
    let phone = matches!(cue.mode, Mode::Dial | Mode::SoftDial);
    let raw = text.raw;
    // "0800 808 0000": a number's later groups are judged with its first, not alone.
    if phone
        && i > 0
        && text.word(i - 1).bytes().all(|b| b.is_ascii_digit())
        && matches!(
            &raw[text.words[i - 1].end..text.words[i].start],
            " " | "-" | "."
        )
    {
        return None;
    }
    let mut start = text.words[i].start;
    let mut end = text.words[i].end;
    let (mut digits, mut letters, mut groups) = (0usize, 0usize, 0usize);
    let mut j = i;
    loop {
        let word = text.word(j);
        if !word.is_ascii() {
            break;
        }
        let d = word.bytes().filter(u8::is_ascii_digit).count();
        if phone && d != word.len() {
            break;
        }
        digits += d;
        letters += word.len() - d;
        groups += 1;
        end = text.words[j].end;
        let Some(next) = text.words.get(j + 1) else {
            break;
        };
        let gap = &raw[end..next.start];
        let next_word = text.word(j + 1);
        let next_digits = next_word.bytes().any(|b| b.is_ascii_digit());
        let joins = if phone {
            next_word.bytes().all(|b| b.is_ascii_digit())
                && gap.len() <= 3
                && gap
                    .bytes()
                    .all(|b| matches!(b, b' ' | b'-' | b'.' | b'(' | b')'))
                && !gap.starts_with(". ")
        } else {
            let next_all_digits = next_word.bytes().all(|b| b.is_ascii_digit());
            match gap {
                "-" => next_word.is_ascii(),
                // "KLM/48213", "AB/2024/0117": a reference in parts, not a date's "3/4".
                "/" => {
                    next_word.is_ascii()
                        && ((word.len() >= 2 && next_word.len() >= 3 && (next_digits || d > 0))
                            // "DWP/8831/22", "MH/2291/b": a reference's short last part
                            // after two joined ones.
                            || (groups >= 2 && d >= 3 && !next_word.is_empty())
                            // Session 20: a case's number and its year, "36904/24",
                            // "inv63762/24" (a date's parts are shorter).
                            || (next_word.len() == 2 && next_all_digits && d >= 5))
                }
                " " => next_digits && (d > 0 || (groups == 1 && near && code_prefix(text, j))),
                "." => d == word.len() && next_all_digits && next_word.len() >= 3,
                _ => false,
            }
        };
        if !joins || groups >= 8 || next.end - start > 48 {
            break;
        }
        j += 1;
    }
    if groups == 0 {
        return None;
    }
    let b = raw.as_bytes();
    if phone && start > 0 && matches!(b[start - 1], b'+' | b'(') {
        start -= 1;
    }
    let value = &raw[start..end];
    if phone {
        let all = shape::digits_of(value);
        let nanp = all.len() == 10 || (all.len() == 11 && all[0] == b'1');
        let seven = all.len() == 7 && groups == 2;
        let ok = match cue.mode {
            Mode::SoftDial => nanp || seven || (groups >= 2 && (8..=13).contains(&all.len())),
            _ => (7..=15).contains(&all.len()) && !shape::date_shaped(value),
        };
        if !ok || shape::unit_after(&text.lower, end) || shape::range_shaped(value) {
            return None;
        }
        let base = if near { 0.85 } else { 0.7 };
        return contact::number_finding(text, start, end, &all, base)
            .map(|f| as_fax_if_named(f, cue));
    }
    if cue.mode == Mode::Insurance {
        // "046 454 286", "046-454-286", "046454286": one run or three threes, Luhn-valid.
        let all = shape::digits_of(value);
        let sin = all.len() == 9 && letters == 0 && (groups == 1 || groups == 3);
        return (sin && shape::luhn(&all))
            .then(|| found(Kind::Ssn, start, end, confidence(cue, near), cue.why));
    }
    // "acct ending in 4471", "the card ending 8823": a card's or account's last four digits
    // are what its owner gives to name it.
    let last_four = cue.kind == Kind::Account
        && letters == 0
        && digits == 4
        && groups == 1
        && ending_before(text, i)
        && !shape::unit_after(&text.lower, end);
    if !last_four && !id_like(text, start, end, (digits, letters), near, cue.strong) {
        return None;
    }
    // An NHS number has ten digits: "call nhs 111 or 0300 123 1053" gives a phone line.
    if keyword == "nhs" && letters == 0 && digits != 10 {
        return None;
    }
    if cue.mode == Mode::Social {
        return Some(if digits == 9 && letters == 0 {
            found(
                Kind::Ssn,
                start,
                end,
                if near { 0.95 } else { 0.8 },
                cue.why,
            )
        } else {
            found(Kind::OtherId, start, end, 0.6, "an identifying number")
        });
    }
    Some(found(cue.kind, start, end, confidence(cue, near), cue.why))
}

/// "ending in" or "ending" (also "ends in") just before word `i`.
fn ending_before(text: &Text, i: usize) -> bool {
    let w = |k: usize| if k < i { text.lower_word(k) } else { "" };
    i >= 1
        && (matches!(w(i - 1), "ending" | "ends")
            || (i >= 2 && w(i - 1) == "in" && matches!(w(i - 2), "ending" | "ends")))
}

/// "KD19 XYZ", "yk68 tru": a British registration after a vehicle's cue (two letters, two
/// digits, a space, three letters), whose last group has no digit to join it by; the end of
/// the plate, if word `i` opens one. The three letters are no common word ("ab12 the").
fn british_plate(text: &Text, i: usize) -> Option<usize> {
    let w = text.word(i).as_bytes();
    let next = text.words.get(i + 1)?;
    let tail = text.word(i + 1).as_bytes();
    let front = w.len() == 4
        && w[..2].iter().all(u8::is_ascii_alphabetic)
        && w[2..].iter().all(u8::is_ascii_digit);
    let back = tail.len() == 3
        && tail.iter().all(u8::is_ascii_alphabetic)
        && (tail.iter().all(u8::is_ascii_uppercase) || code_prefix(text, i + 1));
    (front && back && &text.raw[text.words[i].end..next.start] == " ").then_some(next.end)
}

/// Session 22: a registration of another country after a vehicle's cue, in up to four groups
/// of letters and digits joined by hyphens or spaces ("LAG-644SK", "ZMH-142", "gv-512-eu",
/// "KS-R 52", "hb-gb 1524"): five to nine of them, two digits or more and a letter, no group
/// a common word nor more than three letters alone. Read apart from `id_like`, whose "COVID-19" rule would take it for a public
/// code. The end of the plate, if word `i` opens one.
fn plate(text: &Text, i: usize) -> Option<usize> {
    let (mut len, mut digits, mut groups, mut end) = (0, 0, 0, None);
    let mut j = i;
    while j < text.words.len() && groups < 4 {
        let w = text.word(j);
        if w.is_empty()
            || w.len() > 5
            || !w.bytes().all(|b| b.is_ascii_alphanumeric())
            || WORDY.contains(&w.to_ascii_lowercase().as_str())
            // A plate's groups of letters are short ("The reg was lovely, spent 40
            // minutes": "spent" is a word, and "reg" a registrar).
            || (w.len() > 3 && !w.bytes().any(|b| b.is_ascii_digit()))
        {
            break;
        }
        len += w.len();
        digits += w.bytes().filter(u8::is_ascii_digit).count();
        groups += 1;
        end = Some(text.words[j].end);
        let Some(next) = text.words.get(j + 1) else {
            break;
        };
        let gap = &text.raw[text.words[j].end..next.start];
        let next_word = text.word(j + 1);
        let joins = gap == "-"
            || (gap == " "
                && next_word.len() <= 5
                && next_word.bytes().any(|b| b.is_ascii_digit()));
        if !joins {
            break;
        }
        j += 1;
    }
    ((5..=9).contains(&len) && digits >= 2 && len > digits && groups >= 2)
        .then_some(end)
        .flatten()
}

/// An Indian registration in up to four groups: state, district, series, number ("KA 05 MN
/// 4417", "MH12 DE 1433", "dl-3c-ab-1234"). Session 14.
fn indian_plate(text: &Text, i: usize) -> Option<usize> {
    let mut joined = String::new();
    let mut end = None;
    for j in i..(i + 4).min(text.words.len()) {
        if j > i
            && !matches!(
                &text.raw[text.words[j - 1].end..text.words[j].start],
                " " | "-"
            )
        {
            break;
        }
        let w = text.word(j);
        if !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            break;
        }
        joined.push_str(w);
        if joined.len() > 10 {
            break;
        }
        let b = joined.as_bytes();
        // Two letters, one or two digits, one to three letters, four digits.
        let letters = |r: &[u8]| r.iter().all(u8::is_ascii_alphabetic);
        let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
        let n = b.len();
        let shaped = n >= 8
            && letters(&b[..2])
            && digits(&b[n - 4..])
            && (1..=2).any(|d| {
                let series = &b[2 + d..n - 4];
                digits(&b[2..2 + d]) && (1..=3).contains(&series.len()) && letters(series)
            });
        if shaped {
            end = Some(text.words[j].end);
        }
    }
    end
}

/// Words that, inside a dashed value, make it a phrase ("38-year-old", "2-day-old", "type-2").
const WORDY: &[&str] = &[
    "year", "years", "yr", "old", "month", "months", "week", "weeks", "day", "days", "hour",
    "hours", "minute", "minutes", "type", "stage", "grade", "level", "step", "dose", "times", "mg",
    "pack", "count", "point", "degree", "degrees", "lb", "pound", "inch", "foot", "mile", "per",
];

/// Whether word `j`, letters only, can open a code split by a space ("MGH 8337", "w 123456"):
/// short, and not a common word ("in 1949", "hit 101").
fn code_prefix(text: &Text, j: usize) -> bool {
    const COMMON: &[&str] = &[
        "in", "on", "at", "is", "was", "by", "for", "the", "and", "of", "to", "from", "hit", "got",
        "had", "has", "are", "be", "so", "my", "me", "it", "its", "s", "a", "an", "or", "but",
        "than", "then", "to", "up", "out", "off", "over", "about", "like", "all", "now", "due",
        "age", "aged", "took", "take", "ran", "run", "only", "just", "her", "his", "him", "our",
        "us", "we", "you", "was", "were", "did", "do", "does", "each", "per", "via", "with",
    ];
    let word = text.lower_word(j);
    word.len() <= 4 && !COMMON.contains(&word)
}

/// Whether `raw[start..end]` reads as an identifier rather than a measurement, date or code.
fn id_like(
    text: &Text,
    start: usize,
    end: usize,
    (digits, letters): (usize, usize),
    near: bool,
    strong: bool,
) -> bool {
    let value = &text.raw[start..end];
    let len = digits + letters;
    if !(4..=40).contains(&len)
        || shape::date_shaped(value)
        || shape::range_shaped(value)
        || shape::unit_after(&text.lower, end)
        || shape::money_before(text.raw, start)
        || shape::public_code(value)
        || shape::glued_unit(value)
        || shape::icd_shaped(value)
    {
        return false;
    }
    let split = value.contains(['-', ' ']);
    if split
        && (digits < 3
            || value
                .split(['-', ' '])
                .any(|g| WORDY.contains(&g.to_ascii_lowercase().as_str())))
    {
        return false;
    }
    if letters == 0 {
        // Five digits after a weak cue may be a ZIP code ("Boise, ID 83702").
        if near && strong {
            digits >= 5
        } else {
            digits >= 6 && !shape::zip_shaped(value)
        }
    } else if near {
        (digits >= 2 && len >= 5) || (digits >= 3 && len >= 4)
    } else {
        digits >= 4 && len >= 6
    }
}

/// A username at word `i`. After a vague keyword ("handle", "login") it must look like one
/// (digits, "_", "." or "@" in it).
fn username_at(text: &Text, i: usize, near: bool, cue: &Cue, vague: bool) -> Option<Finding> {
    let raw = text.raw.as_bytes();
    let mut start = text.words[i].start;
    if start > 0 && raw[start - 1] == b'@' {
        start -= 1;
    }
    let mut end = start;
    while end < raw.len()
        && end - start < 40
        && (raw[end].is_ascii_alphanumeric() || matches!(raw[end], b'_' | b'.' | b'-' | b'@'))
    {
        end += 1;
    }
    while end > start && matches!(raw[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let name = &text.lower[start..end];
    if name.len() < 3 || NOT_A_USERNAME.contains(&name) || FILLER_SET.contains(name) {
        return None;
    }
    let marked = name
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'@'));
    if !(marked || (near && !vague)) {
        return None;
    }
    Some(found(
        cue.kind,
        start,
        end,
        if near { 0.85 } else { 0.6 },
        cue.why,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(s: &str) -> Vec<(Kind, String)> {
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
    fn keyword_led_values_hold() {
        for (s, kind, want) in [
            ("MRN: 00123456", Kind::Mrn, "00123456"),
            ("mrn#1234567 at the desk", Kind::Mrn, "1234567"),
            ("member id W123456789", Kind::HealthPlanId, "W123456789"),
            ("acct no. 123-456-789", Kind::Account, "123-456-789"),
            ("my license is 123 456 789", Kind::License, "123 456 789"),
            ("plate abc 1234 silver honda", Kind::Vehicle, "abc 1234"),
            (
                "pump serial number is NG1234567H",
                Kind::DeviceId,
                "NG1234567H",
            ),
            ("my username is jdoe_77", Kind::OtherId, "jdoe_77"),
            ("ssn is 123456789", Kind::Ssn, "123456789"),
            ("claim # 10-519006-01 denied", Kind::OtherId, "10-519006-01"),
            (
                "mrn is four five six seven eight nine one",
                Kind::Mrn,
                "four five six seven eight nine one",
            ),
            ("Phone:\n0496 46 46 70", Kind::Phone, "0496 46 46 70"),
            // Session 20: a case's number with its year; a plate by its name abroad.
            (
                "Case number 36904/24 with the coroner",
                Kind::OtherId,
                "36904/24",
            ),
            (
                "placa mpt-4832, preciso da isenção",
                Kind::Vehicle,
                "mpt-4832",
            ),
            (
                "Fallnummer YYY-42441, falls die Klinik",
                Kind::Mrn,
                "YYY-42441",
            ),
            (
                "national ID no. 3905-3591-0282-4311",
                Kind::Ssn,
                "3905-3591-0282-4311",
            ),
            ("IRD no. is 812-377-798", Kind::Ssn, "812-377-798"),
            // Session 20: a state's number for a person abroad is that country's SSN.
            ("her PPS no 1234567TA", Kind::Ssn, "1234567TA"),
            ("CPF 123.456.789-09", Kind::Ssn, "123.456.789-09"),
            ("his aadhaar 4567 8912 3456", Kind::Ssn, "4567 8912 3456"),
        ] {
            let got = held(s);
            assert!(got.contains(&(kind, want.to_owned())), "{s}: {got:?}");
        }
    }

    #[test]
    fn keywords_without_identifiers_do_not_hold() {
        for s in [
            "my plan is 2000 IU a day",
            "the card said take 1-2 tablets every 4-6 hours",
            "I'm 67 and just started on Medicare this year",
            "my sliding scale plan is 150-200 = 2 units",
            "pump settings basal 0.85 units from 8:30",
            "insurance paid $1234 of the bill in 2019",
            "i can't handle it anymore",
            "the login page is broken again",
            "my account was charged for 12 months",
            "member since 2019, zip 15213",
            "the car has 120000 miles on it",
            "the tax year 2024/25 was rough",
            "the national id scheme is a mess",
        ] {
            assert_eq!(held(s), [], "{s}");
        }
    }
}
