//! DATE: a day of the month with no month, "on the 14th", "booked for the 22nd", "tues the
//! 4th", "by the 30th of next month": it dates a visit or an admission in this month or the
//! next as well as a full date does. Only a day written in digits with its ordinal ending,
//! after "the" and a word that dates something, and closing its phrase: "the 14th floor",
//! "the 3rd time", "the 2nd dose" and "on the 3rd of them" are not dates.

use super::dates::day_at;
use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "a day of the month";

/// Words before "the 14th" that date something: prepositions of time and weekdays.
fn dating(w: &str) -> bool {
    time_preposition(w) || weekday(w)
}

/// Prepositions of time.
pub(super) fn time_preposition(w: &str) -> bool {
    matches!(
        w,
        "on" | "by"
            | "to"
            | "since"
            | "until"
            | "till"
            | "til"
            | "from"
            | "before"
            | "after"
            | "for"
            | "thru"
            | "through"
    )
}

/// A weekday's name, whole or cut short.
pub(super) fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "weds"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
    )
}

/// Words that may follow a date but never a noun's ordinal before it ("the 14th at 9", "the
/// 22nd, fingers crossed" has a comma): "the 3rd floor", "the 2nd in a row" take others.
pub(super) fn after_date(w: &str) -> bool {
    matches!(
        w,
        "at" | "and"
            | "so"
            | "but"
            | "then"
            | "when"
            | "if"
            | "i"
            | "we"
            | "she"
            | "he"
            | "they"
            | "it"
            | "is"
            | "was"
            | "will"
            | "with"
            | "for"
            | "to"
            | "fingers"
            | "hopefully"
            | "please"
            | "which"
            | "because"
            | "cos"
            | "lol"
    )
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let n = text.words.len();
    for k in 0..n.saturating_sub(1) {
        // "tues the 4th", and "tues 14th", "friday 3rd" with no "the".
        let the = k >= 1 && text.lower_word(k) == "the" && dating(text.lower_word(k - 1));
        if !the && !weekday(text.lower_word(k)) {
            continue;
        }
        let d = k + 1;
        let digits = text.lower_word(d).as_bytes()[0].is_ascii_digit();
        if !digits || !matches!(day_at(text, d), Some((_, end, true)) if end == d) {
            continue;
        }
        let gaps_plain = |a: usize| text.raw[text.words[a].end..text.words[a + 1].start] == *" ";
        if (the && !gaps_plain(k - 1)) || !gaps_plain(k) {
            continue;
        }
        let closes = if d + 1 == n {
            true
        } else {
            let gap = &text.raw[text.words[d].end..text.words[d + 1].start];
            let next = text.lower_word(d + 1);
            let month_word = |j: usize| j < n && text.lower_word(j) == "month";
            if gap.trim().chars().any(|c| ".,!?;:)".contains(c)) || gap.contains('\n') {
                true
            } else if next == "of" {
                // "the 21st of next month"; "of may" is the month rule's.
                d + 3 < n
                    && matches!(text.lower_word(d + 2), "next" | "this" | "last")
                    && month_word(d + 3)
            } else {
                gap == " " && after_date(next)
            }
        };
        if closes {
            let (s, e) = (text.words[d].start, text.words[d].end);
            out.push(finding(Kind::Date, s, e, 0.7, WHY));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::detected;
    use super::detect;

    #[test]
    fn days_of_the_month_alone() {
        for (raw, want) in [
            ("my appointment is on the 14th at the rheum clinic", "14th"),
            ("got my scan booked for the 22nd, fingers crossed", "22nd"),
            ("ive been off work since the 9th with this flare", "9th"),
            ("infusion is tues the 4th, anyone know", "4th"),
            ("see the consultant on the 21st of next month", "21st"),
            ("results should be back by the 30th they said", "30th"),
            ("she was admitted on the 11th and is still in", "11th"),
            ("surgery moved to friday the 3rd.", "3rd"),
            ("my op got moved to the 3rd so more waiting", "3rd"),
            ("next review on the 2nd", "2nd"),
            // Session 11: a weekday straight before the day.
            ("appt on tues 14th at 3", "14th"),
            ("surgery friday 3rd, fingers crossed", "3rd"),
            ("infusion moved to Wed 22nd.", "22nd"),
        ] {
            assert_eq!(detected(raw, detect), vec![want], "{raw}");
        }
    }

    #[test]
    fn ordinals_that_are_not_days() {
        for raw in [
            "the clinic is on the 14th floor of the new building",
            "this is the 3rd time my appointment got cancelled",
            "she was in the 95th percentile for height",
            "on the 2nd dose now and it is better",
            "for the 2nd in a row the bloods were fine",
            "on the 3rd of them i gave up",
            "the 21st century cures act",
            "on the third try it worked",
            "on the 45th day of the trial",
            "friday 2nd dose of the vaccine",
            "wednesday 3rd time this week",
        ] {
            assert!(detected(raw, detect).is_empty(), "{raw}");
        }
    }
}
