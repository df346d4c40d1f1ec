//! Digits spelled out in words: "four one two, five five five, zero one nine nine",
//! "double five", "forty two". Each run becomes the digit string it spells.

use super::Text;

/// A run of number words, by byte offsets, and the digits it spells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Spoken {
    pub start: usize,
    pub end: usize,
    pub digits: String,
}

/// Runs of number words in the text that spell at least four digits, in text order. Words of a
/// run are separated by at most three spaces, commas, dots or dashes.
pub(super) fn runs(text: &Text) -> Vec<Spoken> {
    let mut found = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for i in 0..text.words.len() {
        let word = text.lower_word(i);
        let numeric = unit(word).is_some()
            || teen_or_tens(word).is_some()
            || matches!(word, "double" | "triple");
        let joined = i > 0 && {
            let gap = &text.raw[text.words[i - 1].end..text.words[i].start];
            (1..=3).contains(&gap.len())
                && gap.bytes().all(|b| matches!(b, b' ' | b',' | b'.' | b'-'))
        };
        run = match (run, numeric) {
            (Some((first, _)), true) if joined => Some((first, i)),
            (_, true) => {
                close(text, run, &mut found);
                Some((i, i))
            }
            (_, false) => {
                close(text, run, &mut found);
                None
            }
        };
    }
    close(text, run, &mut found);
    found
}

fn close(text: &Text, run: Option<(usize, usize)>, found: &mut Vec<Spoken>) {
    let Some((first, last)) = run.filter(|(f, l)| l > f) else {
        return;
    };
    let (start, end) = (text.words[first].start, text.words[last].end);
    let (start, digits) = spell(&text.lower, start, end);
    if digits.len() >= 4 {
        found.push(Spoken { start, end, digits });
    }
}

fn unit(word: &str) -> Option<u8> {
    Some(match word {
        "zero" | "oh" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        _ => return None,
    })
}

fn teen_or_tens(word: &str) -> Option<(u8, bool)> {
    const TEENS: [&str; 10] = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = TEENS.iter().position(|&t| t == word) {
        return Some((10 + i as u8, false));
    }
    TENS.iter()
        .position(|&t| t == word)
        .map(|i| (20 + 10 * i as u8, true))
}

/// The digits spelled by the words in `lower[start..end]`, and where the first digit word starts
/// (a leading "oh", "double" or "triple" that spells nothing is skipped).
fn spell(lower: &str, start: usize, end: usize) -> (usize, String) {
    let mut digits = String::new();
    let mut repeat = 1;
    let mut open_tens = false;
    let mut first = None;
    let mut pos = start;
    for word in lower[start..end].split(|c: char| !c.is_ascii_alphabetic()) {
        let at = pos;
        pos += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        if digits.is_empty() && word == "oh" {
            continue;
        }
        match word {
            "double" => {
                repeat = 2;
                continue;
            }
            "triple" => {
                repeat = 3;
                continue;
            }
            _ => {}
        }
        first.get_or_insert(at);
        if let Some(d) = unit(word) {
            if open_tens && d > 0 {
                digits.pop();
            }
            for _ in 0..repeat {
                digits.push(char::from(b'0' + d));
            }
            open_tens = false;
        } else if let Some((n, tens)) = teen_or_tens(word) {
            digits.push_str(&n.to_string());
            open_tens = tens;
        }
        repeat = 1;
    }
    (first.unwrap_or(start), digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<String> {
        runs(&Text::new(s)).into_iter().map(|r| r.digits).collect()
    }

    #[test]
    fn spelled_digits_become_numbers() {
        assert_eq!(
            digits("call four one two, five five five, zero one nine nine"),
            ["4125550199"]
        );
        assert_eq!(digits("it's double five two oh one forty two"), ["5520142"]);
        assert_eq!(digits("Nine-one-seven 555 0199"), Vec::<String>::new());
        assert_eq!(
            digits("one or two pills, three times"),
            Vec::<String>::new()
        );
    }
}
