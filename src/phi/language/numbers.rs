//! Numbers written in words: "ninety-one", "a hundred and two", "fourteenth", "twenty first".
//! Each reader looks at no more than five words from where it starts.

use super::Text;

fn unit(w: &str) -> Option<u32> {
    Some(match w {
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

fn teen_or_ten(w: &str) -> Option<u32> {
    Some(match w {
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" | "ninty" => 90,
        _ => return None,
    })
}

fn ordinal_unit(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        _ => return None,
    })
}

fn ordinal_teen(w: &str) -> Option<u32> {
    Some(match w {
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Whether words `i` and `i + 1` are joined by a space or a hyphen only.
fn close(text: &Text, i: usize) -> bool {
    i + 1 < text.words.len() && {
        let gap = &text.raw[text.words[i].end..text.words[i + 1].start];
        !gap.is_empty() && gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-')
    }
}

/// A cardinal from 1 to 199 in words, starting at word `i`: (value, index of its last word).
pub fn cardinal(text: &Text, i: usize) -> Option<(u32, usize)> {
    let w = text.lower_word(i);
    let (hundreds, next) = match w {
        "hundred" => (100, i + 1),
        "a" | "one" if close(text, i) && text.lower_word(i + 1) == "hundred" => (100, i + 2),
        _ => (0, i),
    };
    if hundreds > 0 {
        let last = next - 1;
        // "a hundred and two", "one hundred two", or just "a hundred".
        let mut j = next;
        if j < text.words.len() && close(text, j - 1) && text.lower_word(j) == "and" {
            j += 1;
        }
        if j < text.words.len() && close(text, j - 1) {
            if let Some((rest, end)) = below_hundred(text, j) {
                return Some((100 + rest, end));
            }
        }
        return Some((100, last));
    }
    below_hundred(text, i)
}

fn below_hundred(text: &Text, i: usize) -> Option<(u32, usize)> {
    let w = text.lower_word(i);
    if let Some(t) = tens(w) {
        if close(text, i) {
            if let Some(u) = unit(text.lower_word(i + 1)) {
                return Some((t + u, i + 1));
            }
        }
        return Some((t, i));
    }
    unit(w).or_else(|| teen_or_ten(w)).map(|v| (v, i))
}

/// An ordinal day from 1st to 31st in words: "fourteenth", "twenty-first", "thirty first".
pub fn ordinal(text: &Text, i: usize) -> Option<(u32, usize)> {
    let w = text.lower_word(i);
    if let Some(t) = tens(w).filter(|&t| t <= 30) {
        if close(text, i) {
            if let Some(u) = ordinal_unit(text.lower_word(i + 1)) {
                return Some((t + u, i + 1));
            }
        }
        return None;
    }
    ordinal_unit(w).or_else(|| ordinal_teen(w)).map(|v| (v, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_number_words() {
        let t = Text::new("ninety-one, a hundred and two, one hundred five, ninety");
        assert_eq!(cardinal(&t, 0), Some((91, 1)));
        assert_eq!(cardinal(&t, 2), Some((102, 5)));
        assert_eq!(cardinal(&t, 6), Some((105, 8)));
        assert_eq!(cardinal(&t, 9), Some((90, 9)));
        let t = Text::new("fourteenth twenty-first thirty first second");
        assert_eq!(ordinal(&t, 0), Some((14, 0)));
        assert_eq!(ordinal(&t, 1), Some((21, 2)));
        assert_eq!(ordinal(&t, 3), Some((31, 4)));
        assert_eq!(ordinal(&t, 5), Some((2, 5)));
    }
}
