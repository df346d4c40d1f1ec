//! Addresses written as blocks of lines, as letters and signatures print them: the town on
//! the line between the street and the country, and the postcode alone on the block's last
//! line ("Allika 46\n Suite 501\n Riisa\n 53650").

use super::abroad::{TOWN, ZIP};
use super::countries::country;
use super::lexicon::Doc;
use super::places::sep;
use super::{finding, Kind, Text};
use crate::phi::Finding;

/// "009 Slovenčeva 51\n Suite 632\n Črni Vrh nad Idrijo\n Slovenia 15755": words read as a name
/// on the line between an address's street and its country are the town. A name above a
/// country with no street above it stays a name (a signature: "Martin Karlsen\nUnited Kingdom").
pub(super) fn towns_above_countries(
    doc: &Doc,
    out: &mut [Finding],
    first_place: usize,
    first_name: usize,
) {
    let text = doc.text;
    let streets: Vec<usize> = out[first_place..first_name]
        .iter()
        .filter(|f| f.kind == Kind::Address && f.confidence >= 0.5)
        .map(|f| f.end)
        .collect();
    if streets.is_empty() {
        return;
    }
    let n = text.words.len();
    let breaks = |k: usize| sep(doc, k).matches('\n').count();
    for f in out[first_name..]
        .iter_mut()
        .filter(|f| f.kind == Kind::Name)
    {
        let (first, last) = (
            text.word_at_or_after(f.start),
            text.word_at_or_after(f.end).saturating_sub(1),
        );
        // Back to the line's first word, then over up to two lines above (a suite line may
        // sit between street and town); all within a few words, so the pass stays linear.
        let mut j = first;
        let mut lines = 0;
        let mut line_start = None;
        for _ in 0..24 {
            if j == 0 {
                break;
            }
            lines += breaks(j - 1);
            if lines >= 1 && line_start.is_none() {
                line_start = Some(text.words[j].start);
            }
            if lines >= 3 {
                break;
            }
            j -= 1;
        }
        let (Some(line_start), from) = (line_start, text.words[j].start) else {
            continue;
        };
        let street_above = streets.iter().any(|&e| e >= from && e < line_start);
        // The next line holds a country, with or without a postcode: at most four words.
        let mut a = last;
        while a < n && a < last + 24 && breaks(a) == 0 {
            a += 1;
        }
        let a = a + 1;
        let mut b = a;
        while b < n && b < a + 4 && (b == a || breaks(b - 1) == 0) {
            b += 1;
        }
        let country_below = a < n && (a..b).any(|k| country(doc, k));
        if street_above && country_below {
            f.kind = Kind::Address;
            f.why = TOWN;
        }
    }
}

/// "Puruntie 82 Apt. 595\n LAPPEENRANTA\n 53650", "ul. Słowicza 10\n Wrocław\n 53-320": a line
/// holding only a postcode's shape (3–6 digits, "340 12", "53-320") within four lines below a
/// street address closes that address. One pass over the lines.
/// "14 Nkrumah Road, Accra", "12 Jalan Ampang, 50450 Kuala Lumpur": after a street and a
/// comma, up to three capitalised words that are no English word, closing the line (or before
/// a postcode), are its town; a postcode between them is one. Words already held (as a name,
/// which `towns_after_streets` retypes) are left to that pass.
pub(super) fn towns_closing_streets(doc: &Doc, out: &mut Vec<Finding>, first_place: usize) {
    let text = doc.text;
    let n = text.words.len();
    // Sorted and merged, so that each look-up is a binary search (a post of many streets
    // stays linear).
    let held = super::disjoint(out.iter().map(|f| (f.start, f.end)).collect());
    let taken = |s: usize| super::overlaps(&held, s, s + 1);
    let streets: Vec<usize> = (first_place..out.len())
        .filter(|&x| out[x].kind == Kind::Address && out[x].confidence >= 0.5)
        .collect();
    for x in streets {
        let mut end = out[x].end;
        // "Jl. Sudirman No. 45, Jakarta": the house number written after the street's name.
        let mut k = text.word_at_or_after(end);
        if k + 1 < n
            && matches!(text.lower_word(k), "no" | "nº" | "n°")
            && matches!(sep(doc, k), ". " | " " | ".")
            && text.lower_word(k + 1).bytes().all(|b| b.is_ascii_digit())
            && text.gap_to(end, k) == " "
        {
            end = text.words[k + 1].end;
            out[x].end = end;
            k += 2;
        }
        if k >= n {
            continue;
        }
        // "Hauptstraße 12 in Berlin", "14 Elm Grove in Swindon.": "in" after the street, then
        // the town closing the clause (no postcode between them).
        let gap = text.gap_to(end, k).trim_matches(' ');
        let by_in = gap.is_empty()
            && text.lower_word(k) == "in"
            && k + 1 < n
            && sep(doc, k) == " "
            && text.gap_to(end, k) == " ";
        if by_in {
            k += 1;
        } else if gap != "," {
            continue;
        }
        let mut j = k;
        // A postcode of four to six digits before the town ("50450 Kuala Lumpur").
        let w = text.lower_word(j);
        let code = !by_in && (4..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
        if code {
            j += 1;
            if j >= n || sep(doc, j - 1) != " " {
                continue;
            }
        }
        // In a post with no capitals, a town is a word on no English list after a street
        // read with a street word of its own ("7 kowhai street, rotorua").
        let strong = out[x].confidence >= 0.8;
        let town = |m: usize| {
            (if text.cased {
                text.is_capitalised(m)
            } else {
                strong
                    && !by_in
                    && text.word(m).chars().count() >= 4
                    && !doc.is(m, super::lexicon::F_FIRST | super::lexicon::F_NAME_WORD)
                    && !super::medicines::brand(text.lower_word(m))
            })
                && text.word(m).chars().all(char::is_alphabetic)
                && text.word(m).chars().count() >= 3
                && !doc.is(m, super::lexicon::F_ENGLISH | super::lexicon::F_FUNCTION)
                && !country(doc, m)
                // "at 14 Elm Road in December", "…, Friday": a month or a day is no town.
                && super::lexicon::month(text.lower_word(m)).is_none()
                && !super::day_dates::weekday(text.lower_word(m))
        };
        let mut last = j;
        while last < j + 3 && last < n && town(last) && (last == j || sep(doc, last - 1) == " ") {
            last += 1;
        }
        if last == j || taken(text.words[j].start) {
            continue;
        }
        let rest = text.raw[text.words[last - 1].end..].trim_start_matches(' ');
        // "14 Nkrumah Road, Accra is where we stay": a town that the clause goes on to say is
        // where someone lives.
        let rest_lower = rest.chars().take(10).collect::<String>().to_lowercase();
        let where_ = ["is where", "was where", "is home", "where "]
            .iter()
            .any(|p| rest_lower.starts_with(p));
        let closes =
            rest.is_empty() || rest.starts_with(['.', ',', '\n', ';', ')', '!', '?']) || where_;
        if !closes {
            continue;
        }
        if code {
            let (s, e) = (text.words[k].start, text.words[k].end);
            if !taken(s) {
                out.push(finding(Kind::Zip, s, e, 0.7, ZIP));
            }
        }
        let (s, e) = (text.words[j].start, text.words[last - 1].end);
        out.push(finding(Kind::Address, s, e, 0.7, TOWN));
    }
}

pub(super) fn codes_closing_blocks(
    text: &Text,
    out: &mut Vec<Finding>,
    first_place: usize,
    first_name: usize,
) {
    let mut street_ends: Vec<usize> = out[first_place..first_name]
        .iter()
        .filter(|f| f.kind == Kind::Address && f.confidence >= 0.5)
        .map(|f| f.end)
        .collect();
    if street_ends.is_empty() {
        return;
    }
    street_ends.sort_unstable();
    let mut next_street = 0;
    // Lines since the last line a street ended on (None before any).
    let mut since: Option<usize> = None;
    let mut start = 0;
    let raw = text.raw;
    let mut found = Vec::new();
    for line in raw.split_inclusive('\n') {
        let end = start + line.len();
        let mut ended = false;
        while next_street < street_ends.len() && street_ends[next_street] <= end {
            ended = true;
            next_street += 1;
        }
        if ended {
            since = Some(0);
        } else if let Some(s) = since.as_mut() {
            *s += 1;
            let margin = |c: char| c.is_whitespace() || matches!(c, '>' | '?');
            let body = line.trim_matches(margin);
            let at = start + (line.len() - line.trim_start_matches(margin).len());
            if *s <= 4 && code_shaped(body) {
                found.push(finding(Kind::Zip, at, at + body.len(), 0.7, ZIP));
            } else if let Some(code) = (*s <= 4)
                .then(|| code_after_place(body, text.cased))
                .flatten()
            {
                found.push(finding(Kind::Zip, at + code, at + body.len(), 0.7, ZIP));
            }
        }
        start = end;
    }
    out.extend(found);
}

/// "Aalborg NO 9100", "Greenlander 07609", "ANNERSTAD 340 12", "Cyprus (Greek) 13429": a line
/// of one to four words of letters (a town, a region, a country) closed by a code of four or
/// more digits, each word capitalised where the writer uses capitals. Returns the code's byte
/// offset in the line. Not a labelled number ("Phone 5551234", "Room 1204") nor a sentence ("we
/// paid 1200").
fn code_after_place(line: &str, cased: bool) -> Option<usize> {
    // The code is the line's last word or two ("9100", "340 12"): only those are tried, so a
    // long line costs one pass.
    let last = line.rfind(' ')?;
    let two = line[..last].rfind(' ');
    let cut = [two.map(|t| t + 1), Some(last + 1)]
        .into_iter()
        .flatten()
        .find(|&c| {
            let code = &line[c..];
            code_shaped(code) && code.bytes().filter(u8::is_ascii_digit).count() >= 4
        })?;
    let place = &line[..cut];
    if place.len() > 80 {
        return None;
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    let lettered = |w: &&str| {
        let w = w.trim_matches(|c| matches!(c, '(' | ')' | ','));
        !w.is_empty()
            && w.chars().all(char::is_alphabetic)
            && (!cased || w.starts_with(char::is_uppercase))
    };
    let labelled = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "phone" | "tel" | "fax" | "mobile" | "cell" | "office" | "room" | "box" | "ext"
        )
    });
    ((1..=4).contains(&words.len()) && words.iter().all(lettered) && !labelled).then_some(cut)
}

/// "53650", "7188", "340 12", "53-320": a postcode's shape of digits only.
fn code_shaped(s: &str) -> bool {
    let groups: Vec<&str> = s.split([' ', '-']).collect();
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    match groups.as_slice() {
        [one] => all_digits(one) && (3..=6).contains(&one.len()),
        [a, b] => {
            all_digits(a)
                && all_digits(b)
                && (2..=3).contains(&a.len())
                && (2..=3).contains(&b.len())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::detect;
    use super::*;

    fn zips(raw: &str) -> Vec<String> {
        let text = Text::new(raw);
        let mut out = Vec::new();
        detect(&text, &mut out);
        out.iter()
            .filter(|f| f.kind == Kind::Zip && f.confidence >= 0.5)
            .map(|f| raw[f.start..f.end].to_string())
            .collect()
    }

    /// A postcode alone on a line under a street closes the address, in other countries'
    /// shapes; a quoted block ("> ") too.
    #[test]
    fn a_code_alone_under_a_street_is_its_postcode() {
        for (raw, want) in [
            ("Calle Mayor 12\n Apt. 5\n Zaragoza\n 50001", "50001"),
            ("> ul. Słowicza 10\n> Wrocław\n> 53-320", "53-320"),
            ("Calle Mayor 12\nUppsala\n340 12", "340 12"),
            // After the town, region or country on the same line.
            ("Mellemvej 32\nAalborg NO 9100", "9100"),
            (
                "Magrethevej 298\n Apt. 123\n Qasigiannguit\n Greenlander 07609",
                "07609",
            ),
            ("Skogstien 106\nANNERSTAD 340 12", "340 12"),
        ] {
            let got = zips(raw);
            assert!(got.iter().any(|g| g == want), "{raw:?}: {got:?}");
        }
    }

    /// Numbers alone on a line with no street above, or far below one, are not postcodes; nor
    /// are short counts or long numbers.
    #[test]
    fn lone_numbers_are_not_postcodes() {
        for raw in [
            "my readings this week:\n120\n135\n128",
            "Calle Mayor 12\nline\nline\nline\nline\nline\n50001",
            "Calle Mayor 12\n12\n1234567",
            "Calle Mayor 12\nPhone 5551234",
            "Calle Mayor 12\nwe paid 1200",
        ] {
            assert!(zips(raw).is_empty(), "{raw:?}: {:?}", zips(raw));
        }
    }

    /// Session 10: "in" and the town after a street closes the address; not a month, a day,
    /// an English word or a town that does not close its clause.
    #[test]
    fn towns_after_in_close_streets() {
        let towns = |raw: &str| {
            let text = Text::new(raw);
            let mut out = Vec::new();
            detect(&text, &mut out);
            out.iter()
                .filter(|f| f.kind == Kind::Address && f.confidence >= 0.5)
                .map(|f| raw[f.start..f.end].to_string())
                .collect::<Vec<_>>()
        };
        for (raw, want) in [
            ("i live at Hauptstraße 12 in Berlin", "Berlin"),
            ("she lives at Schillerstr. 5 in München.", "München"),
            (
                "we moved to 14 Baker Street in Rotorua, it is lovely",
                "Rotorua",
            ),
        ] {
            let got = towns(raw);
            assert!(got.iter().any(|g| g == want), "{raw:?}: {got:?}");
        }
        for (raw, word) in [
            ("we moved to 14 Baker Street in December.", "December"),
            ("we moved to 14 Baker Street in Spring.", "Spring"),
            (
                "the clinic at 14 Baker Street in Tuesday's letter",
                "Tuesday",
            ),
            (
                "we moved to 14 Baker Street in Rotorua with the kids",
                "Rotorua",
            ),
        ] {
            let got = towns(raw);
            assert!(!got.iter().any(|g| g.contains(word)), "{raw:?}: {got:?}");
        }
    }

    /// Many lines under many streets stay one pass.
    #[test]
    fn repeated_blocks_finish() {
        let raw = "Calle Mayor 12\n Zaragoza\n 50001\n".repeat(30_000);
        assert!(zips(&raw).len() <= 30_000);
    }
}
