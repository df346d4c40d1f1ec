//! DATE: every element of a date more specific than the year. Numeric dates with a year are
//! found by linear-time regexes; month/day without a year only beside a date word ("on", "DOB",
//! "surgery"); dates with a month name ("March 14th", "the 14th of march", "mar. 14") by one pass
//! over the words. A year alone, a month alone, month + year, weekdays, times, fractions, ratios,
//! blood pressures, dosing schedules and codes are not dates.

use std::sync::LazyLock;

use regex::Regex;

use super::date_words::{strong_cue, unit};
use super::lexicon::month;
use super::numbers::ordinal;
use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "a date of birth or visit (day and month)";

/// m/d/y, d.m.y, m-d-yy.
static DMY: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(r"(?-u)\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})\b"));
/// y-m-d (ISO), with an optional time after.
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(r"(?-u)\b((?:19|20)\d\d)([/.-])(\d{1,2})([/.-])(\d{1,2})\b")
});
/// The feasts that fall on one day of the year, read by `FEAST_YEAR` and `FEAST_ON` (one list:
/// the two copies of session 17's first cut already disagreed on Hogmanay).
const FEASTS: &str = r"christmas (?:day|eve)|xmas (?:day|eve)|boxing day|new year(?:'|(?u:’))?s (?:day|eve)|hogmanay|valentine(?:'|(?u:’))?s day|halloween|guy fawkes night|bonfire night|st\.? patrick(?:'|(?u:’))?s day|independence day|canada day|australia day|anzac day|waitangi day|bastille day|burns night|st\.? andrew(?:'|(?u:’))?s day";

/// A feast with its year: "Christmas Day 2023", "on new year's eve 2019", "Boxing Day, 2021"
/// (session 14). A day and month with a year is a full date; the feast alone ("over
/// christmas") is a season.
static FEAST_YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(&format!(r"(?-u)\b(?:{FEASTS}),? (?:19|20)\d\d\b")));
/// A feast without its year, after "on" (session 17): "Mum died on Christmas Eve", "diagnosed
/// on Boxing Day". Held only after what happens to a person (`feast_event`); "on Christmas Day
/// we ate too much" is a season's talk.
static FEAST_ON: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(&format!(r"(?-u)\bon ((?:{FEASTS}))\b")));

/// A day of the month alone as an ordinal, after "on the", "till the", "for the", "is the"
/// (session 17): "had my stent done on the 2nd", "op is the 30th", "mri booked for the 29th".
/// Held only after what happens to a person (`day_event`) and when no noun follows ("the 2nd
/// dose", "the 3rd time", "the 1st floor"; "the 2nd of March" is `month_names`').
static ORDINAL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?-u)\b(?:on|till|until|til|by|for|from|since|is|was|before|after) the ((?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th))\b",
    )
});

/// What happens to a person on a day of the month, in the words before it.
fn day_event(w: &str) -> bool {
    feast_event(w)
        || matches!(
            w,
            "scan"
                | "mri"
                | "ct"
                | "appointment"
                | "appt"
                | "booked"
                | "scheduled"
                | "done"
                | "stent"
                | "biopsy"
                | "results"
                | "note"
                | "started"
                | "due"
                | "clinic"
                | "review"
                | "chemo"
                | "care"
                | "hospital"
                | "seen"
                | "went"
                | "consultant"
                | "referral"
                | "infusion"
                | "colonoscopy"
                | "endoscopy"
                | "bloods"
                | "procedure"
        )
}

/// What happens to a person on a day, in the words before the feast: a death, a birth, an
/// admission, a diagnosis, an operation, a fall.
fn feast_event(w: &str) -> bool {
    matches!(
        w,
        "died"
            | "passed"
            | "away"
            | "born"
            | "admitted"
            | "discharged"
            | "diagnosed"
            | "collapsed"
            | "fell"
            | "operated"
            | "surgery"
            | "op"
            | "operation"
            | "stroke"
            | "arrived"
            | "delivered"
            | "induced"
            | "rushed"
            | "lost"
            | "funeral"
            | "miscarried"
            | "intubated"
            | "transplant"
            | "seizure"
            | "attack"
            | "buried"
    )
}

/// A date written with spaces or run together after a birth word: "dob 3 14 1961", "dob 03141961".
static BIRTH_SPACED: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?-u)\b(?:dob|d\.o\.b\.?|born(?: on)?|birthday|birth date|date of birth)[:\s]+(\d{1,2}) (\d{1,2}) (\d{4}|\d{2})\b|\b(?:dob|d\.o\.b\.?|date of birth)[:\s]+(\d\d)(\d\d)(\d{4})\b",
    )
});

pub(super) fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

pub(super) fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

/// Whether the text just after `end` continues a longer number chain ("1/2/3/4", "1.2.3.4").
pub(super) fn chained(text: &Text, start: usize, end: usize) -> bool {
    let b = text.raw.as_bytes();
    let before = start > 0 && matches!(b[start - 1], b'/' | b'-' | b'.' | b':' | b'+' | b'$');
    let after = end + 1 < b.len()
        && matches!(b[end], b'/' | b'-' | b'.' | b':' | b',')
        && b[end + 1].is_ascii_digit();
    before || after
}

pub(super) fn next_word<'t>(text: &'t Text, end: usize) -> &'t str {
    let i = text.word_at_or_after(end);
    if i < text.words.len() {
        text.lower_word(i)
    } else {
        ""
    }
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    for c in DMY.captures_iter(text.raw) {
        let (Some(all), Some(a), Some(s1), Some(b), Some(s2), Some(y)) =
            (c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5))
        else {
            continue;
        };
        let (a, b) = (num(a.as_str()), num(b.as_str()));
        if s1.as_str() != s2.as_str()
            || chained(text, all.start(), all.end())
            || !(valid(a, b) || valid(b, a))
        {
            continue;
        }
        // "1.2.33" or "2-1-10" need a 4-digit year or a date word before them.
        let short = y.as_str().len() == 2;
        // Session 18: "we lost our baby on 28.10.23": right after "on" or "since" a day and
        // month with a two-digit year are a date (a version number follows "version" or "v").
        let on_day = text
            .words_before(all.start(), 1)
            .any(|w| matches!(w, "on" | "since"));
        if short
            && s1.as_str() != "/"
            && !on_day
            && !text.words_before(all.start(), 4).any(strong_cue)
        {
            continue;
        }
        out.push(finding(Kind::Date, all.start(), all.end(), 0.9, WHY));
    }
    for c in YMD.captures_iter(text.raw) {
        let (Some(all), Some(s1), Some(m), Some(s2), Some(d)) =
            (c.get(0), c.get(2), c.get(3), c.get(4), c.get(5))
        else {
            continue;
        };
        if s1.as_str() == s2.as_str()
            && valid(num(m.as_str()), num(d.as_str()))
            && !chained(text, all.start(), all.end())
        {
            out.push(finding(Kind::Date, all.start(), all.end(), 0.9, WHY));
        }
    }
    super::short_dates::detect(text, out);
    for c in BIRTH_SPACED.captures_iter(&text.lower) {
        let groups = if c.get(1).is_some() { (1, 2) } else { (4, 5) };
        let (Some(m), Some(d), Some(y)) = (c.get(groups.0), c.get(groups.1), c.get(groups.0 + 2))
        else {
            continue;
        };
        let (m, d) = (num(m.as_str()), num(d.as_str()));
        if valid(m, d) || valid(d, m) {
            let start = c.get(groups.0).map_or(0, |g| g.start());
            out.push(finding(Kind::Date, start, y.end(), 0.8, WHY));
        }
    }
    month_names(text, out);
    months_of_other_languages(text, out);
    for m in FEAST_YEAR.find_iter(&text.lower) {
        out.push(finding(Kind::Date, m.start(), m.end(), 0.85, WHY));
    }
    for c in ORDINAL_DAY.captures_iter(&text.lower) {
        let (Some(all), Some(day)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let rest = text.raw[day.end()..].trim_start_matches(' ');
        let k = text.word_at_or_after(day.end());
        let next = if k < text.words.len() {
            text.lower_word(k)
        } else {
            ""
        };
        let closes = rest.is_empty()
            || rest.starts_with([',', '.', '!', '?', ';', ')', '\n'])
            || (text.raw[day.end()..].starts_with(' ')
                && matches!(
                    next,
                    "and"
                        | "n"
                        | "so"
                        | "but"
                        | "at"
                        | "i"
                        | "we"
                        | "he"
                        | "she"
                        | "with"
                        | "after"
                        | "finally"
                        | "still"
                        | "now"
                        | "then"
                        | "too"
                        | "if"
                ));
        if closes && text.words_before(all.start(), 8).any(day_event) {
            out.push(finding(Kind::Date, day.start(), day.end(), 0.7, WHY));
        }
    }
    for c in FEAST_ON.captures_iter(&text.lower) {
        let (Some(all), Some(feast)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if text.words_before(all.start(), 6).any(feast_event) {
            out.push(finding(Kind::Date, feast.start(), feast.end(), 0.75, WHY));
        }
    }
}

/// Month names in Spanish, Portuguese, Italian and French (folded to ASCII, as Dutch and
/// German ones mostly match English or the numeric forms).
fn foreign_month(w: &str) -> bool {
    matches!(
        w,
        "enero"
            | "febrero"
            | "marzo"
            | "abril"
            | "mayo"
            | "junio"
            | "julio"
            | "agosto"
            | "septiembre"
            | "setiembre"
            | "octubre"
            | "noviembre"
            | "diciembre"
            | "janeiro"
            | "fevereiro"
            | "marco"
            | "março"
            | "maio"
            | "junho"
            | "julho"
            | "setembro"
            | "outubro"
            | "novembro"
            | "dezembro"
            | "gennaio"
            | "febbraio"
            | "aprile"
            | "maggio"
            | "giugno"
            | "luglio"
            | "settembre"
            | "ottobre"
            | "dicembre"
            // Tagalog's ("Hunyo", "Setyembre"); "Enero", "Abril", "Mayo", "Agosto" are
            // Spanish's too.
            | "pebrero"
            | "marso"
            | "hunyo"
            | "hulyo"
            | "setyembre"
            | "oktubre"
            | "nobyembre"
            | "disyembre"
            // Session 17: Polish, in the genitive a date takes ("15 stycznia") and as written
            // alone.
            | "stycznia"
            | "lutego"
            | "marca"
            | "kwietnia"
            | "maja"
            | "czerwca"
            | "lipca"
            | "sierpnia"
            | "września"
            | "wrzesnia"
            | "października"
            | "pazdziernika"
            | "listopada"
            | "grudnia"
            | "janvier"
            | "fevrier"
            | "février"
            | "avril"
            | "juin"
            | "juillet"
            | "aout"
            | "août"
            | "septembre"
            | "octobre"
            | "decembre"
            | "décembre"
    )
}

/// German month names ("März" folded or not); "april", "august" and the rest that English
/// shares are the English rules' unless written "14. August".
fn german_month(w: &str) -> bool {
    matches!(
        w,
        "januar"
            | "jänner"
            | "jaenner"
            | "februar"
            | "märz"
            | "maerz"
            | "marz"
            | "april"
            | "mai"
            | "juni"
            | "juli"
            | "august"
            | "september"
            | "oktober"
            | "november"
            | "dezember"
    )
}

/// "30 de abril de 1962", "12 de março de 1948", "3 maggio 1950", "14 juillet 1939": a day,
/// "de" or nothing, another language's month, then "de"/"del" and a year or the year alone. A
/// month word with no year after it needs "de" before it ("el 3 de mayo"), as "3 mars" may be
/// chocolate.
fn months_of_other_languages(text: &Text, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for m in 1..n {
        let german = german_month(text.lower_word(m));
        if !foreign_month(text.lower_word(m)) && !german {
            continue;
        }
        // Session 17: the month before the day after a preposition of time, Tagalog's "noong
        // Hunyo 12" and a member's "on agosto 15".
        if !german
            && matches!(
                text.lower_word(m - 1),
                "noong" | "sa" | "on" | "since" | "from" | "until"
            )
            && m + 1 < n
            && near(text, m, m + 1)
            && text.lower_word(m + 1).as_bytes()[0].is_ascii_digit()
        {
            if let Some((_, end, _)) = day_at(text, m + 1) {
                out.push(finding(
                    Kind::Date,
                    text.words[m].start,
                    text.words[end].end,
                    0.8,
                    WHY,
                ));
                continue;
            }
        }
        let mut k = m - 1;
        // "14 de marzo", "3 di maggio", Tagalog's "ika-5 ng Hunyo".
        let de = matches!(text.lower_word(k), "de" | "di" | "ng");
        if de {
            let Some(before) = k.checked_sub(1) else {
                continue;
            };
            k = before;
        }
        if !near(text, k, k + 1) || day_at(text, k).is_none_or(|(_, end, _)| end != k) {
            continue;
        }
        if !text.lower_word(k).as_bytes()[0].is_ascii_digit() {
            continue;
        }
        let mut y = m + 1;
        if y < n && matches!(text.lower_word(y), "de" | "del") && near(text, y - 1, y) {
            y += 1;
        }
        let year = y < n
            && near(text, y - 1, y)
            && text.lower_word(y).len() == 4
            && text.lower_word(y).bytes().all(|b| b.is_ascii_digit())
            && matches!(&text.lower_word(y)[..2], "19" | "20");
        // "am 14. Mai", "le 3 mai", "il 3 maggio", "el 14 mayo": an article or a preposition of
        // time before the day; "14. Mai": German's full stop after the day.
        let gap = &text.raw[text.words[k].end..text.words[k + 1].start];
        // Not a numbered list's item ("2. Mai" opening a line).
        let opens_line = text.raw[..text.words[k].start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n')
            || k == 0;
        let dotted = german && gap == ". " && !de && !opens_line;
        let articled = k > 0
            && matches!(
                text.lower_word(k - 1),
                "le" | "el"
                    | "il"
                    | "am"
                    | "vom"
                    | "ab"
                    | "bis"
                    | "au"
                    | "du"
                    | "dal"
                    | "al"
                    | "depuis"
                    | "desde"
                    | "hasta"
                    | "dia"
                    | "jusqu"
                    // Tagalog's ordinal prefix: "sa ika-5 ng Hunyo".
                    | "ika"
                    // Session 17: English's and Polish's, where members mix the languages
                    // ("her cirugia on 15 agosto", "od 15 stycznia leży w szpitalu").
                    | "on"
                    | "since"
                    | "from"
                    | "until"
                    | "till"
                    | "od"
                    | "do"
                    | "dnia"
            )
            && text.raw[text.words[k - 1].end..text.words[k].start] == *" ";
        if !(year || de || dotted || articled) {
            continue;
        }
        let end = if year { y } else { m };
        out.push(finding(
            Kind::Date,
            text.words[k].start,
            text.words[end].end,
            0.8,
            WHY,
        ));
    }
}

/// A day of the month at word `i`: "14", "14th", "fourteenth", "twenty-first".
pub(super) fn day_at(text: &Text, i: usize) -> Option<(u32, usize, bool)> {
    let w = text.lower_word(i);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let d = num(digits);
        let ordinal_suffix = matches!(suffix, "st" | "nd" | "rd" | "th");
        return ((1..=31).contains(&d) && (suffix.is_empty() || ordinal_suffix)).then_some((
            d,
            i,
            ordinal_suffix,
        ));
    }
    ordinal(text, i).map(|(d, end)| (d, end, true))
}

/// A 4-digit year (or 'yy) right after word `i`, joined by a space or comma.
fn year_after(text: &Text, i: usize) -> Option<usize> {
    let j = i + 1;
    let w = text.words.get(j)?;
    let gap = &text.raw[text.words[i].end..w.start];
    let y = text.lower_word(j);
    let ok_gap = gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | ',' | '\''));
    let ok_year = (y.len() == 4 && (y.starts_with("19") || y.starts_with("20")))
        || (y.len() == 2 && gap.contains('\''));
    (ok_gap && ok_year && y.bytes().all(|b| b.is_ascii_digit())).then_some(j)
}

/// Words `i` and `j` are close: only spaces, commas, dots or hyphens between.
fn near(text: &Text, i: usize, j: usize) -> bool {
    j < text.words.len() && {
        let gap = &text.raw[text.words[i].end..text.words[j].start];
        gap.len() <= 3
            && gap
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '.' | '-' | '\t'))
    }
}

fn month_names(text: &Text, out: &mut Vec<Finding>) {
    let n = text.words.len();
    let mut i = 0;
    while i < n {
        let w = text.lower_word(i);
        let Some(_) = month(w) else {
            i += 1;
            continue;
        };
        // "may" is a word first: it needs a capital in a cased post and a plain day after it.
        let may = w == "may" && text.cased && !text.is_capitalised(i);
        // Month then day: "March 14", "mar. 14th", "march the fourteenth".
        let mut j = i + 1;
        if j < n && near(text, i, j) && text.lower_word(j) == "the" {
            j += 1;
        }
        if j < n && near(text, j - 1, j) && !may {
            if let Some((_, end, ord)) = day_at(text, j) {
                let word_day = !text.lower_word(j).as_bytes()[0].is_ascii_digit();
                let quantity = end + 1 < n && unit(text.lower_word(end + 1)) && !ord;
                let may_verb = w == "may" && word_day && !(text.cased && text.is_capitalised(i));
                let time = text.raw[text.words[end].end..].starts_with(':');
                if !quantity && !may_verb && !time {
                    let last = year_after(text, end).unwrap_or(end);
                    out.push(finding(
                        Kind::Date,
                        text.words[i].start,
                        text.words[last].end,
                        0.8,
                        WHY,
                    ));
                    i = last + 1;
                    continue;
                }
            }
        }
        // Day then month: "14 March", "the 14th of march", "fourteenth of May".
        if let Some(found) = day_before(text, i) {
            let last = year_after(text, i).unwrap_or(i);
            out.push(finding(Kind::Date, found, text.words[last].end, 0.8, WHY));
        } else if let Some(last) = year_after(text, i).filter(|_| !may) {
            // Session 17: a month and its year, "diagnosed in March 2023", "sectioned in
            // October 2021": Safe Harbor keeps the year alone, and every writer of the probe
            // sets marked such a month (18 of 18, none in a harmless post). An awareness
            // month's or an office's dates are left out after (`impersonal_dates`).
            out.push(finding(
                Kind::Date,
                text.words[i].start,
                text.words[last].end,
                0.7,
                WHY,
            ));
            i = last + 1;
            continue;
        }
        i += 1;
    }
}

/// The start of a day written before the month at word `m`.
fn day_before(text: &Text, m: usize) -> Option<usize> {
    let mut k = m.checked_sub(1)?;
    if text.lower_word(k) == "of" {
        k = k.checked_sub(1)?;
    }
    if !near(text, k, k + 1) {
        return None;
    }
    // An ordinal word may be two words ("twenty first"): try the longer reading first.
    for start in [k.saturating_sub(1), k] {
        if let Some((_, end, ord)) = day_at(text, start) {
            if end == k {
                let digits = text.lower_word(start).as_bytes()[0].is_ascii_digit();
                // "3 may" reads as a verb phrase too: it needs an ordinal or a capital.
                let plain_month =
                    text.lower_word(m) != "may" || (text.cased && text.is_capitalised(m));
                if ord || (digits && plain_month) {
                    return Some(text.words[start].start);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(raw: &str) -> Vec<String> {
        super::super::test_support::held(raw, detect)
    }

    #[test]
    fn finds_dates_in_many_spellings() {
        for (raw, want) in [
            // Session 14: a feast that falls on one day, with its year.
            (
                "He was admitted to ICU on Christmas Day 2023",
                "Christmas Day 2023",
            ),
            ("Boxing Day, 2021 was when she died", "Boxing Day, 2021"),
            // Session 18: a day and month with a two-digit year right after "on".
            ("we lost our baby on 28.10.23", "28.10.23"),
            ("since 3-4-21 she has not walked", "3-4-21"),
            // Session 17: a feast's day without its year, after what befell a person.
            (
                "Mum died on Christmas Eve and I'm dreading it",
                "Christmas Eve",
            ),
            ("Our son was diagnosed on Boxing Day, so", "Boxing Day"),
            // Session 17: a month and its year.
            (
                "My husband was diagnosed with ALS in March 2023, the same week",
                "March 2023",
            ),
            (
                "I was sectioned in October 2021 after a manic episode",
                "October 2021",
            ),
            // Session 17: a day of the month alone, after what befalls a person.
            ("had ma stent done on the 2nd n still gettin twinges", "2nd"),
            ("the surgeon says op is the 30th, anyone had one", "30th"),
            ("mri booked for the 29th finally", "29th"),
            // The post's last word (a first cut read past the end and panicked).
            ("mri booked for the 29th.", "29th"),
            ("mri booked for the 29th", "29th"),
            // Session 17: Polish months, English's prepositions before another language's
            // month, and Tagalog's month before the day.
            ("Moja mama od 15 stycznia leży w szpitalu", "15 stycznia"),
            ("mi mama has her cirugia on 15 agosto pls pray", "15 agosto"),
            (
                "na-confine sa Batangas noong Hunyo 12 dahil sa pneumonia",
                "Hunyo 12",
            ),
            ("DOB 03/14/2012", "03/14/2012"),
            ("born 3/14/12 at mercy", "3/14/12"),
            ("surgery on 2012-03-14 went fine", "2012-03-14"),
            ("geboren 14.03.2012", "14.03.2012"),
            ("admitted March 14, 2012", "March 14, 2012"),
            ("my appt is march 14th", "march 14th"),
            ("we met on 14 March", "14 March"),
            ("it was the 14th of March", "14th of March"),
            ("scheduled for Mar. 14", "Mar. 14"),
            ("infusion on march fourteenth", "march fourteenth"),
            ("see you on 3/14", "3/14"),
            ("discharged 3/14 finally", "3/14"),
            ("dob 3 14 1961", "3 14 1961"),
            ("born on the twenty-first of june", "twenty-first of june"),
            ("my surgery is sept 3rd", "sept 3rd"),
            ("her bday is dec 25", "dec 25"),
            ("came home on May 15", "May 15"),
            ("scan is on 11/13 at 9", "11/13"),
            ("february 4 2025 was the day", "february 4 2025"),
            ("the 3rd of may was rough", "3rd of may"),
            // Session 10: other languages' months.
            ("she was born on 30 de abril de 1962", "30 de abril de 1962"),
            ("nació el 3 de mayo de 1950", "3 de mayo de 1950"),
            ("nasceu em 12 de março de 1948", "12 de março de 1948"),
            ("nata il 3 maggio 1950", "3 maggio 1950"),
            ("née le 14 juillet 1939", "14 juillet 1939"),
            ("Ooperahan si Nanay sa ika-5 ng Hunyo", "5 ng Hunyo"),
            // Session 11: German's full stop after the day, an article before it.
            ("termin am 14. Mai um 9", "14. Mai"),
            ("next infusion 2. März", "2. März"),
            ("rdv le 3 mai pour le scanner", "3 mai"),
            ("la cita es el 14 mayo", "14 mayo"),
            ("la cita es el 5 de junio", "5 de junio"),
        ] {
            let found = dates(raw);
            assert!(found.iter().any(|f| f == want), "{raw}: {found:?}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for raw in [
            // Session 17: a feast's day with no one's event before it.
            "on Christmas Day we ate far too much",
            "the clinic is closed on Boxing Day",
            "my scan was the 3rd time they found nothing",
            "booked for the 2nd dose of the vaccine",
            "on the 1st I start a new job",
            "take 1/2 tablet at night",
            "on 1/2 tablet now",
            "ratio 1:10 and ANA 1:320",
            "BP 130/85 pulse 88",
            "about 2/3 of my meds",
            // Session 17: a month with its year is held now ("better by June 2020"); a year
            // alone is not.
            "diagnosed in 2019, flare in May, better by 2020",
            "last Tuesday and next Thursday at 8:30 or 10:15",
            "schedule is 1-0-1 and 2-1-0",
            "sliding scale 150-200 = 2 units, take 1-2 tablets every 4-6 hours",
            "code M05.79 and G43.709, NDC 12345-6789-01 and 0002-1433-80",
            "version 1.2.3.4 and 1/1/1/1/1/1",
            "I may 2x the dose. You may ask. march 2 miles",
            "pain was 7/10 for days",
            "on call 24/7 for three weeks",
            "carbidopa-levodopa 25/100 three times a day, percocet 5/325",
            "for 3-4 days since 2-3 weeks",
            "every June my allergies act up",
            // Session 10: a month word of another language with neither "de" nor a year.
            "ate 3 mars bars and 2 twix",
            // Session 11: a German or French month word with neither a dot nor an article.
            "we had 3 mai tais at the party",
            "took 2 juni tablets, whatever they are",
            "our group:\n1. Anna\n2. Mai\n3. Lea",
            "took 2 mayo packets",
            "de abril a mayo 1962 was hard",
        ] {
            assert_eq!(dates(raw), Vec::<String>::new(), "{raw}");
        }
    }
}
