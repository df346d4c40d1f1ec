//! AGE_OVER_89: an age of 90 or more tied to a person ("my grandmother is 93", "ninety-one
//! years old", "95yo", "aged 97", "she turned 101", "born in 1929"). Numbers that measure
//! something else (pulse 95, glucose 110, weight 180) and ages up to 89 are left alone.

use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use regex::Regex;

use super::age_words::{
    age_verb, be, elder, hedge, measure, singular_person, unit_after, years_abroad,
};
use super::numbers::{cardinal, old_ordinal};
use super::{finding, Kind, Text};
use crate::phi::Finding;

/// A person the ages' rules know by a word: a relation, a pronoun, a grandparent's name.
fn person(w: &str) -> bool {
    super::age_words::person(w) || elder(w)
}

const WHY: &str = "an age over 89";
const WHY_YEAR: &str = "a birth year that shows an age over 89";

static BIRTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?-u)\b(?:born|b\.|dob|birth year|year of birth)(?: (?:in|around|about|circa|ca\.?|back in))?:? +((?:18|19|20)\d\d|(?:'|(?u:’))\d\d)\b",
    )
});

/// "in his late nineties", "in her mid 90s", "in her 100s": an age past 89 told closer than
/// Safe Harbor's one category of "90 or older". A plain "in her 90s" (or "early 90s") says no
/// more than that category and is not held: most writers of our probe sets left it unmarked.
static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?-u)\bin (?:his|her|their|my|your) (?:(?:late |mid |mid-)(?:90'?s|nineties)|100'?s)\b",
    )
});

/// Whether the number at `s..e` stands between commas or in brackets: "nan, 96, still".
fn apposed(raw: &str, s: usize, e: usize) -> bool {
    let before = raw[..s].trim_end_matches(' ');
    let after = raw[e..].trim_start_matches(' ');
    (before.ends_with(',') && after.starts_with(','))
        || (before.ends_with('(') && after.starts_with(')'))
        // "(Dorothy Ashworth, 98)": a name and its age in brackets (session 17).
        || (before.ends_with(',') && after.starts_with(')'))
}

/// The current year, from the clock (days since 1970 to a civil year).
fn this_year() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    // Howard Hinnant's days-to-civil algorithm, year part.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

/// Reads an age value at word `i`: (value, last word, had "yo"/"y" glued on, an ordinal).
fn value(text: &Text, i: usize) -> Option<(u32, usize, bool, bool)> {
    let w = text.lower_word(i);
    // "93M", "95F": clinical shorthand for age and sex, in capitals only ("93m" is metres).
    if sexed(text, i) {
        return Some((w[..w.len() - 1].parse().ok()?, i, false, false));
    }
    // "my lola is 9O na po": a letter O typed for a zero after a digit (session 14).
    if (2..=3).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_digit())
        && w.contains('o')
        && w.bytes().all(|b| b.is_ascii_digit() || b == b'o')
    {
        return Some((w.replace('o', "0").parse().ok()?, i, false, false));
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if digits.len() > 3 {
            return None;
        }
        let suffix = &w[digits.len()..];
        let glued = matches!(
            suffix,
            "yo" | "y" | "yr" | "yrs" | "yrsold" | "yearsold" | "yrold" | "yro" | "yearold"
        );
        let ordinal = matches!(suffix, "th" | "st" | "nd" | "rd");
        // "93years old": read as "93 years", the word after says whether it is an age.
        let years = matches!(suffix, "years" | "year");
        if !(suffix.is_empty() || glued || ordinal || years) {
            return None;
        }
        return Some((digits.parse().ok()?, i, glued, ordinal));
    }
    // "her ninetieth birthday", "in his ninety-third year" before "ninety" alone.
    old_ordinal(text, i)
        .map(|(v, end)| (v, end, false, true))
        .or_else(|| cardinal(text, i).map(|(v, end)| (v, end, false, false)))
}

/// Words after a number that make it an amount, not an age: "i'm 100 sure", "turned ninety
/// pages", "has 93 grandchildren" (a plural noun straight after it; "years" is an age's).
fn counted(text: &Text, end: usize) -> bool {
    let k = end + 1;
    if k >= text.words.len() || &text.raw[text.words[end].end..text.words[k].start] != " " {
        return false;
    }
    let w = text.lower_word(k);
    matches!(
        w,
        "sure" | "certain" | "positive" | "convinced" | "confident" | "correct" | "right"
    ) || (w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !matches!(
            w,
            "years"
                | "this"
                | "thus"
                | "always"
                | "thanks"
                | "xmas"
                | "plus"
                | "yrs"
                | "yesterdays"
        ))
}

/// The subject of "is"/"was" that is no person: "it's 95 out", "that was 93".
fn impersonal(w: &str) -> bool {
    matches!(
        w,
        "it" | "that" | "this" | "there" | "what" | "which" | "here" | "everything" | "something"
    )
}

/// "93M", "101F": two or three digits and a sex's capital letter, as a word.
fn sexed(text: &Text, i: usize) -> bool {
    let w = text.word(i).as_bytes();
    (3..=4).contains(&w.len())
        && matches!(w[w.len() - 1], b'M' | b'F')
        && w[..w.len() - 1].iter().all(u8::is_ascii_digit)
}

/// "F/94", "94/M": an age with a sex's capital letter beside it after a slash.
fn slashed_sex(text: &Text, i: usize) -> bool {
    let raw = text.raw.as_bytes();
    let (s, e) = (text.words[i].start, text.words[i].end);
    let letter = |b: u8| matches!(b, b'M' | b'F');
    let before = s >= 2
        && raw[s - 1] == b'/'
        && letter(raw[s - 2])
        && (s == 2 || !raw[s - 3].is_ascii_alphanumeric());
    // Session 15: "M 94 admitted", "F 95, AF, CKD3": the letter opening a sentence, a space,
    // the age (after it, "99 F" is a temperature).
    let spaced =
        s >= 2 && raw[s - 1] == b' ' && letter(raw[s - 2]) && i > 0 && text.starts_sentence(i - 1);
    let after = e + 1 < raw.len()
        && raw[e] == b'/'
        && letter(raw[e + 1])
        && (e + 2 == raw.len() || !raw[e + 2].is_ascii_alphanumeric());
    before || after || spaced
}

/// What follows an age written in shorthand in a case note ("93M with CHF", "95F, admitted",
/// "F/94 presenting with"), not a count ("93M people", "raised 93M for research").
fn case_note_after(w: &str) -> bool {
    matches!(
        w,
        "" | "with"
            | "w"
            | "presenting"
            | "presents"
            | "presented"
            | "admitted"
            | "brought"
            | "found"
            | "known"
            | "referred"
            | "transferred"
            | "hx"
            | "pmh"
            | "who"
            | "s"
            // Session 16: "had a 92F on the ward", "93M in resus", "95F from a care home".
            | "on"
            | "in"
            | "from"
            | "had"
            | "was"
            | "came"
            | "living"
            | "lives"
    )
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let n = text.words.len();
    // Where the names already held end: "Grandma Rose, 94,", "Mrs Okafor is 93" tie the age
    // to a person as a relation word does. Sorted once, then searched per candidate.
    let mut name_ends: Vec<usize> = out
        .iter()
        .filter(|f| f.kind == Kind::Name && f.confidence >= 0.5)
        .map(|f| f.end)
        .collect();
    name_ends.sort_unstable();
    let named = |k: usize| k < n && name_ends.binary_search(&text.words[k].end).is_ok();
    // Every name held, a name-word's too ("Bill is 92": "Bill" alone is a weak clue of a
    // name, but "is 92" after it is said of a person, session 17).
    let mut any_name_ends: Vec<usize> = out
        .iter()
        .filter(|f| f.kind == Kind::Name)
        .map(|f| f.end)
        .collect();
    any_name_ends.sort_unstable();
    let named_any = |k: usize| k < n && any_name_ends.binary_search(&text.words[k].end).is_ok();
    // The last word of the last age held: "my grandparents are 93 and 95" holds both.
    let mut last_age: Option<usize> = None;
    let mut i = 0;
    while i < n {
        let Some((v, end, glued, word_ordinal)) = value(text, i) else {
            i += 1;
            continue;
        };
        if !(90..=125).contains(&v) {
            i = end + 1;
            continue;
        }
        // A decimal or a longer number: "95.5", "1,095".
        let raw = text.raw.as_bytes();
        let (s, e) = (text.words[i].start, text.words[end].end);
        let glued_num = (s > 0 && matches!(raw[s - 1], b'.' | b',' | b'/' | b'$' | b':' | b'#'))
            || (e + 1 < raw.len()
                && matches!(raw[e], b'.' | b',' | b'/' | b':' | b'%')
                && raw[e + 1].is_ascii_digit())
            || (e < raw.len() && raw[e] == b'%');
        let shorthand = sexed(text, i) || slashed_sex(text, i);
        if glued_num && !shorthand {
            i = end + 1;
            continue;
        }
        let after = |k: usize| {
            if end + k < n {
                text.lower_word(end + k)
            } else {
                ""
            }
        };
        let ordinal = word_ordinal;
        let glued_years =
            text.lower_word(i).ends_with("year") || text.lower_word(i).ends_with("years");
        let years_old = glued_years && matches!(after(1), "old" | "young")
            || matches!(after(1), "years" | "year" | "yrs" | "yr" | "y")
                // "93 years of age"; not "90 years of the hospital".
                && (matches!(after(2), "old" | "young" | "o")
                    || (after(2) == "of" && after(3) == "age"))
            || matches!(after(1), "yo" | "yob")
            || (after(1) == "y" && after(2) == "o");
        // "my 91 year old house", "a 95-year-old building": a thing's age.
        let years_old = years_old && !aged_thing(after(3)) && !aged_thing(after(4));
        let birthday = ordinal
            && matches!(
                after(1),
                "birthday" | "bday" | "birthdays" | "bday's" | "bdays" | "birthday's" | "b"
            );
        let before: Vec<&str> = text.words_before(s, 6).collect();
        let prev = before.first().copied().unwrap_or("");
        // "anneannem 93 yaşında", "bà nội tôi 92 tuổi": another language's "years", with a
        // person in the five words before (a duration has none). Session 14.
        let years_old =
            years_old || (years_abroad(after(1)) && before.iter().take(5).any(|w| person(w)));
        // "celebrated her 100th!", "for mum's 95th.": an ordinal after a person's possessive,
        // after a word of celebrating or closing its clause, is a birthday.
        let possessive = matches!(prev, "his" | "her" | "their" | "my" | "your" | "our")
            || (prev == "s" && i >= 2 && person(text.lower_word(i - 2)))
            || (prev == "s" && i >= 2 && named(i - 2));
        let celebrated = ordinal
            && possessive
            && (before.iter().skip(1).take(3).any(|w| {
                w.starts_with("celebrat") || matches!(*w, "party" | "cake" | "card" | "toast")
            }) || {
                // Not the writer's own ("my 100th!" may be a post, "our 90th" a meeting).
                let rest = text.raw[e..].trim_start_matches(' ');
                !matches!(prev, "my" | "our")
                    && (rest.is_empty() || rest.starts_with(['.', ',', '!', ';', ')', '\n']))
            } || (
                // "dad's 90th is next week", "her 100th was lovely".
                &text.raw[e..text.words.get(end + 1).map_or(e, |w| w.start)] == " "
                    && matches!(after(1), "is" | "was" | "party" | "bash" | "celebration")
            ));
        // The person the age is said of, by a word or by a name held before it.
        // Session 14: "my father-in-law, 95,": a relation "in law" is the person.
        let in_law = |k: usize| {
            before.get(k) == Some(&"law")
                && before.get(k + 1) == Some(&"in")
                && before.get(k + 2).is_some_and(|w| person(w))
        };
        let who = |k: usize| {
            before.get(k).is_some_and(|w| person(w)) || in_law(k) || (i > k && named(i - 1 - k))
        };
        let measured = before.iter().take(3).any(|w| measure(w));
        let determiner = matches!(
            prev,
            "my" | "a" | "an" | "the" | "our" | "this" | "her" | "his"
        );
        // "I feel 90", "moving like a 90 year old", "my knees are 100 years old": no one's age.
        let figurative = before.iter().take(4).any(|w| {
            matches!(
                *w,
                "feel" | "feels" | "felt" | "feeling" | "thinks" | "think" | "act" | "acting"
            )
        }) || (prev == "a" && matches!(before.get(1), Some(&"like")))
            || (be(prev) && before.iter().skip(1).take(3).any(|w| body_part(w)))
            || super::age_words::figure_of_speech(&before)
            // Session 21: a thing's age ("our house is 100 years old", "the hospital is
            // celebrating its 100th birthday") and the world's records ("the oldest person in
            // the world is 116").
            || (be(prev) && before.get(1).is_some_and(|w| aged_thing(w)))
            || prev == "its"
            || (before.contains(&"oldest") && before.contains(&"world"))
            // "a 97 year old man on the news ran a marathon": a stranger in the news.
            || (prev == "a"
                && matches!(after(3), "man" | "woman" | "lady" | "gentleman" | "bloke" | "granny")
                && (4..10).any(|k| matches!(after(k), "news" | "tv" | "telly" | "paper" | "newspaper")))
            // "i want to live to 100", "hoping to live to 95": a wish, no one's age yet.
            || (prev == "to"
                && before.get(1) == Some(&"live")
                && before.get(2) == Some(&"to")
                && before.get(3).is_some_and(|w| {
                    matches!(
                        *w,
                        "want" | "wanna" | "hope" | "hoping" | "wish" | "plan" | "going" | "gonna"
                    )
                }));
        // "lived to 104", "made it to 95", "grandpa just hit 91": with a person before it.
        let reached = (matches!(prev, "to" | "until" | "till" | "til")
            && matches!(
                before.get(1).copied(),
                Some("lived" | "live" | "lives" | "living" | "it")
            ))
            // "coming up to 95", "approaching 100", "nearing 100".
            || (prev == "to" && before.get(1) == Some(&"up") && before.get(2) == Some(&"coming"))
            || matches!(
                prev,
                "hit" | "hits" | "hitting" | "pushing" | "approaching" | "nearing"
            );
        // "passed away at 97", "died at 99": an age at death, someone's by the verb alone.
        let died = prev == "at"
            && matches!(
                before.get(1).copied(),
                Some("died" | "away" | "passed" | "dying")
            );
        // "she celebrated 101 years on sunday": a person's years celebrated.
        // Not years "of" something ("we celebrated 90 years of the hospital").
        let celebrated_years = prev.starts_with("celebrat")
            && matches!(after(1), "years" | "yrs")
            && after(2) != "of"
            && before.iter().skip(1).take(4).any(|w| person(w));
        // "at the ripe old age of 93", "92 going on 93": an age by the words before it.
        let age_phrase = (prev == "of" && before.get(1) == Some(&"age"))
            || (prev == "on" && before.get(1) == Some(&"going"));
        // "93M with CHF", "my dad, 95M, just had", "F/94 with hip fracture": a case note's
        // age and sex, opening its sentence or set off after a person, before a note's word.
        let opens = text.starts_sentence(i) || (i > 0 && text.word(i - 1).len() == 1);
        // "94F, NH resident, found on floor": a note opening on the age and sex, then a comma.
        let noted = case_note_after(after(1))
            || apposed(text.raw, s, e)
            || ((text.starts_sentence(i) || (i > 0 && text.starts_sentence(i - 1)))
                && text.raw[e..].starts_with(','));
        // "Grandma: 94, type 2", "ages: me 45, mum 70, nan 93": a person then the age as an
        // item of a list or a form, closed by a comma, a line's or the post's end.
        let item_closed = {
            let rest = text.raw[e..].trim_start_matches(' ');
            rest.is_empty() || rest.starts_with([',', ';', '\n', ')', '-', '–'])
        };
        let item_opened = i >= 2 && {
            let gap = &text.raw[text.words[i - 2].end..text.words[i - 1].start];
            gap.contains([',', ':', '\n', '-', '*'])
        } || i == 1;
        let itemised = (person(prev) || (i > 0 && named(i - 1)))
            && item_closed
            && matches!(
                &text.raw[text.words[i - 1].end..s],
                " " | ": " | ":" | " - " | " – "
            )
            && (item_opened || text.raw[text.words[i - 1].end..s].contains(':'));
        let found = if figurative {
            false
        } else if shorthand {
            noted && (opens || person(prev))
        } else if itemised && !measured {
            true
        } else if ordinal {
            // "for her 95th birthday", "in her 93rd year".
            birthday
                || celebrated
                || (after(1) == "year"
                    && matches!(prev, "his" | "her" | "my" | "their" | "your")
                    && before.get(1) == Some(&"in"))
        } else if glued || years_old || celebrated_years {
            true
        } else if matches!(prev, "she" | "he" | "shes" | "hes")
            && (matches!(
                after(1),
                "and" | "now" | "today" | "tomorrow" | "next" | "this"
            ) || item_closed)
            && !unit_after(after(1))
        {
            // Session 16: "she 95 and still asks for her ciggies": chat drops the verb.
            true
        } else if i > 0
            && named(i - 1)
            && matches!(
                &text.raw[text.words[i - 1].end..s],
                " - " | " – " | " — " | ": "
            )
            && matches!(
                after(1),
                "and" | "now" | "today" | "tomorrow" | "next" | "this" | "on"
            )
        {
            // Session 17: "Concepción - 90 tomorrow", "Giuseppina - 96 and sharp as a tack".
            true
        } else if text.raw[..s].trim_end_matches(' ').ends_with(',')
            && after(1) == "and"
            && matches!(
                after(2),
                "still" | "sharp" | "fit" | "independent" | "going" | "never" | "lives" | "living"
            )
            && (i < 2 || !text.lower_word(i - 2).bytes().all(|b| b.is_ascii_digit()))
        {
            // Session 17: "Gloria died this morning, 97 and sharp as a tack", "…, 93 and
            // still driving": an age set after its sentence's person.
            true
        } else if text.starts_sentence(i)
            && matches!(after(1), "today" | "tomorrow")
            && ((i > 0 && named(i - 1))
                || before
                    .iter()
                    .take(3)
                    .any(|w| matches!(*w, "birthday" | "bday")))
        {
            // Session 17: "Happy birthday Maureen! 90 today and still…".
            true
        } else if matches!(prev, "nearly" | "almost")
            && after(1) == "and"
            && matches!(after(2), "she" | "he" | "shes" | "hes" | "still")
        {
            // Session 16: "nearly 91 and she still beats me at scrabble".
            true
        } else if after(1) == "na"
            && (matches!(after(2), "po" | "siya" | "pero" | "at" | "ayaw" | "pa")
                || text.raw[text.words[end + 1].end..].starts_with([',', '.', '!']))
            && (before
                .iter()
                .take(4)
                .any(|w| person(w) || super::age_words::elder(w))
                || (i > 0 && named(i - 1)))
        {
            // Session 16: Tagalog's "already 92": "si Remedios, 92 na po", "Lola ko, 92 na,".
            true
        } else if after(1) == "too" && after(2) == "old" {
            // "is ninety-four too old for a hip replacement?": someone's age, weighed (session
            // 15).
            true
        } else if be(prev)
            && i >= 2
            && named_any(i - 2)
            && text.is_capitalised(i - 2)
            && !before.get(2).is_some_and(|w| {
                matches!(
                    *w,
                    "the" | "a" | "my" | "our" | "your" | "his" | "her" | "their"
                )
            })
            && !unit_after(after(1))
            && !counted(text, end)
        {
            // Session 17: "Bill is 92 and the GP wants…": a name held, a name-word too, whose
            // word is also a measure's ("the bill is 95" stays a sum).
            true
        } else if unit_after(after(1)) || measured || counted(text, end) {
            false
        } else if died
            || age_verb(prev)
            || age_phrase
            || prev == "im"
            || (matches!(prev, "m" | "am") && before.get(1) == Some(&"i"))
        {
            true
        } else if reached {
            before.iter().skip(1).any(|w| person(w))
        } else if singular_person(prev)
            && matches!(
                before.get(1).copied(),
                Some("my" | "our" | "his" | "her" | "their")
            )
            && !after(1).bytes().next().is_some_and(|b| b.is_ascii_digit())
        {
            // "my grandmother 94 has copd": the age written straight after the person.
            true
        } else if who(0) && apposed(text.raw, s, e) {
            // "grandad, 96, still drives", "my nan (92) has copd".
            true
        } else if prev == "at" && text.starts_sentence(i - 1) {
            // "At 93, my grandmother still drives", "at 95 he still walks": a sentence opening
            // on an age, a person its subject.
            (1..=3).any(|k| person(after(k)))
        } else if prev == "at"
            && matches!(
                after(1),
                "mum" | "mom" | "dad" | "she" | "he" | "nan" | "gran"
            )
        {
            // "keeps telling me that at 93 mum should be used to it" (session 14).
            true
        } else if be(prev) || (hedge(prev) && before.get(1).is_some_and(|w| be(w))) {
            // "my dad said it's 95 out": the verb's subject is no one. "my nan is about 93":
            // a hedge between the verb and the age, the subject one word further.
            let k = if be(prev) { 1 } else { 2 };
            !before.get(k).is_some_and(|w| impersonal(w))
                && (before.iter().skip(k).take(5).any(|w| person(w)) || who(k))
        } else {
            determiner && singular_person(after(1))
        };
        // "aged 91 and 94", "93 & 95", "93, 95 and 97": the next of a list of ages.
        let listed_after = last_age.is_some_and(|a| {
            (i == a + 2
                && matches!(text.lower_word(a + 1), "and" | "or")
                && &text.raw[text.words[a].end..text.words[a + 1].start] == " "
                && &text.raw[text.words[a + 1].end..s] == " ")
                || (i == a + 1
                    && matches!(&text.raw[text.words[a].end..s], " & " | ", " | " / " | "/"))
        }) && !unit_after(after(1))
            && !counted(text, end);
        if (found || listed_after) && !figurative {
            out.push(finding(Kind::AgeOver89, s, e, 0.85, WHY));
            last_age = Some(end);
        }
        i = end + 1;
    }
    for m in DECADE.find_iter(&text.lower) {
        out.push(finding(Kind::AgeOver89, m.start(), m.end(), 0.75, WHY));
    }
    let year = this_year();
    // "born in nineteen twenty-nine": a birth year in words.
    for i in 0..n {
        if text.lower_word(i) != "nineteen" || i + 1 >= n {
            continue;
        }
        let gap = &text.raw[text.words[i].end..text.words[i + 1].start];
        let born = text
            .words_before(text.words[i].start, 3)
            .any(|w| matches!(w, "born" | "b" | "dob"));
        if gap != " " || !born {
            continue;
        }
        if let Some((v, last)) = cardinal(text, i + 1).filter(|&(v, _)| (10..100).contains(&v)) {
            let age = year - 1900 - i64::from(v);
            if (90..=125).contains(&age) {
                let (s, e) = (text.words[i].start, text.words[last].end);
                out.push(finding(Kind::AgeOver89, s, e, 0.8, WHY_YEAR));
            }
        }
    }
    for c in BIRTH_YEAR.captures_iter(&text.lower) {
        if let Some(y) = c.get(1) {
            // "born in '29": the century that puts the year in the past.
            let born: i64 = match y.as_str().strip_prefix(['\'', '’']) {
                Some(yy) => {
                    let yy: i64 = yy.parse().unwrap_or(0);
                    if 2000 + yy > year {
                        1900 + yy
                    } else {
                        2000 + yy
                    }
                }
                None => y.as_str().parse().unwrap_or(year),
            };
            if year - born >= 90 && year - born <= 125 {
                out.push(finding(Kind::AgeOver89, y.start(), y.end(), 0.8, WHY_YEAR));
            }
        }
    }
}

/// Things whose age in years is written as a person's ("my 91 year old house").
fn aged_thing(w: &str) -> bool {
    matches!(
        w,
        // "90 year old energy", "my 95 year old knees": the writer's figure of speech.
        "energy"
            | "vibes"
            | "soul"
            | "knees"
            | "joints"
            | "bones"
            | "hips"
            | "body"
            | "lungs"
            | "house"
            | "home"
            | "building"
            | "car"
            | "church"
            | "tree"
            | "bridge"
            | "school"
            | "cottage"
            | "farmhouse"
            | "barn"
            | "piano"
            | "clock"
            | "recipe"
            | "tradition"
            | "company"
            | "business"
            | "shop"
            | "pub"
            | "photo"
            | "book"
            | "letter"
            // Session 21: heirlooms ("Wedding ring is 118 years old").
            | "ring"
            | "watch"
            | "quilt"
            | "bible"
            | "dress"
            | "necklace"
            | "teddy"
            | "painting"
    )
}

/// The body parts members say are old ("my knees are 100").
fn body_part(w: &str) -> bool {
    matches!(
        w,
        "body"
            | "knees"
            | "knee"
            | "joints"
            | "back"
            | "hips"
            | "hip"
            | "bones"
            | "spine"
            | "feet"
            | "hands"
            | "brain"
            | "lungs"
            | "heart"
            | "skin"
            | "bladder"
    )
}

#[cfg(test)]
#[path = "ages_tests.rs"]
mod tests;
