//! DATE: a day and a month in digits with no year. Month first as the US writes it ("see you on
//! 3/14"), and day first as most of the world does ("appt on 14/3", "in since 28/02"), each
//! beside a word that dates something. Fractions, scores out of ten, doses, ratios, ranges,
//! "24/7" and "9/11" (the attacks, not a day in anyone's record) are not dates.

use std::sync::LazyLock;

use regex::Regex;

use super::date_words::{strong_cue, unit, weak_cue};
use super::dates::{chained, next_word, num, valid};
use super::day_dates::{after_date, time_preposition};
use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "a date of birth or visit (day and month)";
const WHY_WEAK: &str = "a day and month that may date a visit";

/// m/d or m-d (d/m too) without a year.
static MD: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(r"(?-u)\b(\d{1,2})([/-])(\d{1,2})\b"));

/// "1/2", "3/4", "7/10", "24/7": a share, a score out of ten or round the clock.
fn fraction(a: u32, b: u32) -> bool {
    // Session 19: a score out of ten is ten at most ("22/10" is the 22nd of October).
    a < b && b <= 8 || (b == 10 && a <= 10) || (a == 24 && b == 7)
}

/// Days that name a public event, not anyone's visit ("since 9/11 i have had anxiety").
fn event(a: u32, b: u32) -> bool {
    matches!((a, b), (9, 11) | (7, 7))
}

/// Whether a day-first date after only a preposition closes its phrase at byte `end`: the
/// end, punctuation, or a word that follows a date ("on 14/3 at 9", "till 15/5 we", "to 26/4
/// again"), not a noun it would count or size ("on 13/8 dosing", "by 16/9 aspect ratio", "up
/// to 18/6 fasting").
fn closes(text: &Text, end: usize) -> bool {
    let k = text.word_at_or_after(end);
    if k >= text.words.len() {
        return true;
    }
    let gap = text.gap_to(end, k);
    let next = text.lower_word(k);
    gap.trim().chars().any(|c| ".,!?;:)".contains(c))
        || gap.contains('\n')
        || after_date(next)
        || matches!(
            next,
            "again" | "thru" | "through" | "till" | "until" | "onwards" | "now" | "or" | "my"
        )
}

/// d.m. with the ordinal dot after the month, as German, Polish, Czech and Scandinavian
/// writers write a day without its year ("am 14.05.", "results on 12.03."). Session 14.
static DM_DOTTED: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(r"(?-u)\b(\d{1,2})\.(\d{1,2})\."));

fn dotted(text: &Text, out: &mut Vec<Finding>) {
    for c in DM_DOTTED.captures_iter(text.raw) {
        let (Some(all), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        // The dot closes the date: a space, a line's or the post's end after it ("12.03.2024"
        // is the full date's, "1.2.3." a list's numbering).
        let rest = &text.raw[all.end()..];
        // "am 14.05., hoffentlich": a comma may close the clause after it.
        if !(rest.is_empty()
            || rest.starts_with(char::is_whitespace)
            || rest.starts_with([',', ';']))
            || (all.start() > 0 && text.raw.as_bytes()[all.start() - 1] == b'.')
            || !valid(num(m.as_str()), num(d.as_str()))
        {
            continue;
        }
        // Session 21: "a1c 10.7.", "creatinine now 2.1 from 3.4.", "AHI down to 1.7.": a
        // result after a test's name, its sentence's full stop read as the ordinal dot.
        if text
            .words_before(all.start(), 6)
            .any(super::age_words::measure)
        {
            continue;
        }
        let cued = text.words_before(all.start(), 4).any(strong_cue)
            || text.words_before(all.start(), 2).any(|w| {
                time_preposition(w) || matches!(w, "am" | "vom" | "bis" | "seit" | "zum" | "ab")
            });
        if cued {
            out.push(finding(Kind::Date, all.start(), all.end() - 1, 0.7, WHY));
        }
    }
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    dotted(text, out);
    for c in MD.captures_iter(text.raw) {
        let (Some(all), Some(a), Some(s), Some(b)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let (a, b) = (num(a.as_str()), num(b.as_str()));
        // "14/3" reads only day first (no month 14); "3/4" both ways, so the US's way.
        let day_first = !valid(a, b) && valid(b, a);
        if chained(text, all.start(), all.end()) || !(valid(a, b) || day_first) {
            continue;
        }
        // Session 21: "pain 3/10 now", "mmse 24/30": a score after what it scores.
        if text.words_before(all.start(), 1).any(|w| {
            crate::phi::labs::is_lab_test(w)
                || matches!(w, "pain" | "mmse" | "moca" | "score" | "scored" | "rated")
        }) {
            continue;
        }
        let strong = text.words_before(all.start(), 4).any(strong_cue);
        let weak = text.words_before(all.start(), 2).any(weak_cue);
        // Day first, a weak cue must be one of time ("on", "since", "till"): "the score was
        // 21/7" and "it is 16/9" are no days.
        let timed = text.words_before(all.start(), 2).any(time_preposition);
        let next = next_word(text, all.end());
        let quantity = unit(next);
        // "back on 6/7 at 10": a time after it dates a share-shaped day.
        let at_a_time = next == "at" && text.words_before(all.start(), 1).any(time_preposition);
        let confidence = if s.as_str() == "-" {
            // "3-4 days", "1-2 tablets", "won 14-3": ranges and scores unless a date word says
            // otherwise.
            if strong && !day_first && !quantity && !fraction(a, b) && b > a + 2 {
                0.6
            } else {
                continue;
            }
        } else if quantity || (fraction(a, b) && !strong && !at_a_time) || (event(a, b) && !strong)
        {
            continue;
        } else if strong || (weak && !day_first) || (day_first && timed && closes(text, all.end()))
        {
            0.7
        } else {
            0.35
        };
        let why = if confidence >= 0.5 { WHY } else { WHY_WEAK };
        out.push(finding(Kind::Date, all.start(), all.end(), confidence, why));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{detected, held};
    use super::detect;

    fn dates(raw: &str) -> Vec<String> {
        held(raw, detect)
    }

    /// Session 14: a day and month with the ordinal dot after the month, as German and
    /// Polish write them; not a measurement or a version.
    /// Session 18: an embryo transfer dates its day.
    #[test]
    fn a_transfer_dates_its_day() {
        assert_eq!(dates("ivf transfer 11/07 now the two week wait"), ["11/07"]);
        assert!(dates("transfer 2/3 of the dose to the evening").is_empty());
    }

    #[test]
    fn day_and_month_dotted() {
        for (raw, want) in [
            ("Scan results came back on 12.03. and it shrank", "12.03"),
            ("Termin am 14.05. beim Kardiologen", "14.05"),
            ("Termin am 14.05., hoffentlich ist alles gut", "14.05"),
            ("last chemo 17/8! ringing the bell", "17/8"),
        ] {
            assert_eq!(dates(raw), [want], "{raw}");
        }
        for raw in [
            "my sugar was 12.03. yesterday",
            "version 1.2. is out",
            "born 12.03.1961",
            // Session 21: a result after a test's name, then the sentence's full stop.
            "new dx type 2, a1c 10.7. the clinic was amazing",
            "creatinine now 2.1 from 3.4. Dialysis is twice a week",
            "pain 3/10 now after the surgery, mmse 24/30",
        ] {
            assert!(!dates(raw).iter().any(|d| d.len() <= 5), "{raw}");
        }
    }

    #[test]
    fn day_first_after_a_time_word() {
        for (raw, want) in [
            ("my next appt is on 14/3 with the consultant", "14/3"),
            ("the scan is booked for 14/03 at 9", "14/03"),
            ("surgery on 21/6, so nervous", "21/6"),
            ("hes been in hospital since 28/2", "28/2"),
            ("op is on the 17/8", "17/8"),
            ("bloods due 30/1", "30/1"),
            ("till 15/5 we wont know", "15/5"),
            ("by 20/12 she should be home", "20/12"),
            ("his birthday is 23/9 and hes turning 5", "23/9"),
            ("off work from 13/11 thru christmas", "13/11"),
            ("they rescheduled me to 26/4 again", "26/4"),
            // A strong date word needs no closing word.
            ("bloods booked on 14/7 fasting", "14/7"),
            // Month first, as before.
            ("see you on 3/14", "3/14"),
            ("since 3/11 i have been off", "3/11"),
            // A share-shaped day with a time after it.
            ("i go back in on 6/7 at 10am", "6/7"),
            // Session 19: no score out of ten is over ten.
            ("she was sent home with a temperature on 22/10.", "22/10"),
        ] {
            assert_eq!(dates(raw), vec![want], "{raw}");
        }
    }

    #[test]
    fn shares_scores_doses_and_events_are_not_days() {
        for raw in [
            "take 1/2 tablet at night",
            "i ate 3/4 of the sandwich",
            "pain is 5/10 today",
            "my carer is on call 24/7",
            "its a 50/50 chance they said",
            "on 2/3 of the days i feel sick",
            "on 1/2 a dose now",
            "from 7/10 pain down to 3/10",
            "since 9/11 i have had anxiety",
            "on 5/5 strength in my legs now",
            "the score was 21/7 at half time",
            "the screen is 16/9 so its fine",
            "this post is 13/10",
            "we won 14-3 on saturday",
            "scored 15/12 on the quiz",
            // Day first, a noun after it that the numbers count or size.
            "on 13/8 dosing they said its normal",
            "by 16/9 aspect ratio the screen looks weird",
            "up to 18/6 fasting now which helps my sugars",
        ] {
            assert_eq!(dates(raw), Vec::<String>::new(), "{raw}");
        }
        // A weak reading is kept for the scanner's hints, never held.
        assert_eq!(
            detected("the score was 21/7 at half time", detect),
            ["21/7"]
        );
    }
}
