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
        // Typed as members type it: "ninty", "nintey", "ninetey".
        "ninety" | "ninty" | "nintey" | "ninetey" | "ninedy" => 90,
        // Ninety in the languages members mix in (session 14): German, Spanish and
        // Portuguese, Italian, Dutch, Turkish, Polish, French's "quatre-vingt-dix" being three.
        "neunzig" | "noventa" | "novanta" | "negentig" | "doksan" | "dziewięćdziesiąt" => 90,
        _ => return None,
    })
}

/// A tens word and a unit written as one word: "ninetythree", "nintyone", "twentyfive".
fn glued_tens(w: &str) -> Option<u32> {
    if !(7..=13).contains(&w.len()) || !w.is_ascii() {
        return None;
    }
    (5..w.len() - 2).find_map(|k| Some(tens(&w[..k])? + unit(&w[k..])?))
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
    unit(w)
        .or_else(|| teen_or_ten(w))
        .or_else(|| glued_tens(w))
        .map(|v| (v, i))
}

/// An ordinal of a year of life from 90th to 109th in words: "ninetieth", "ninety-third",
/// "ninetyfirst", "hundredth", "one hundred and first" (a birthday's or a year's).
pub fn old_ordinal(text: &Text, i: usize) -> Option<(u32, usize)> {
    let w = text.lower_word(i);
    let ordinal_of = ordinal_unit;
    match w {
        "ninetieth" | "nintieth" => return Some((90, i)),
        "hundredth" => return Some((100, i)),
        "a" | "one" if close(text, i) && text.lower_word(i + 1) == "hundredth" => {
            return Some((100, i + 1));
        }
        _ => {}
    }
    if tens(w) == Some(90) {
        return (close(text, i))
            .then(|| ordinal_of(text.lower_word(i + 1)))
            .flatten()
            .map(|u| (90 + u, i + 1));
    }
    // "ninetyfirst", "nintythird": glued.
    if (9..=14).contains(&w.len()) && w.is_ascii() {
        if let Some(v) = (5..w.len() - 3).find_map(|k| {
            (tens(&w[..k]) == Some(90))
                .then(|| ordinal_of(&w[k..]))
                .flatten()
        }) {
            return Some((90 + v, i));
        }
    }
    // "one hundred and first", "a hundred and fifth".
    let h = match w {
        "hundred" => i,
        "a" | "one" if close(text, i) && text.lower_word(i + 1) == "hundred" => i + 1,
        _ => return None,
    };
    let mut j = h + 1;
    if j < text.words.len() && close(text, j - 1) && text.lower_word(j) == "and" {
        j += 1;
    }
    (j < text.words.len() && close(text, j - 1))
        .then(|| ordinal_of(text.lower_word(j)))
        .flatten()
        .map(|u| (100 + u, j))
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
        // Typos and numbers written as one word.
        let t = Text::new("nintey-two ninetythree nintyone ninetyfoo");
        assert_eq!(cardinal(&t, 0), Some((92, 1)));
        assert_eq!(cardinal(&t, 2), Some((93, 2)));
        assert_eq!(cardinal(&t, 3), Some((91, 3)));
        assert_eq!(cardinal(&t, 4), None);
        let t =
            Text::new("ninetieth ninety-third ninetyfirst hundredth a hundred and first ninety");
        assert_eq!(old_ordinal(&t, 0), Some((90, 0)));
        assert_eq!(old_ordinal(&t, 1), Some((93, 2)));
        assert_eq!(old_ordinal(&t, 3), Some((91, 3)));
        assert_eq!(old_ordinal(&t, 4), Some((100, 4)));
        assert_eq!(old_ordinal(&t, 5), Some((101, 8)));
        assert_eq!(old_ordinal(&t, 9), None);
    }
}
