//! ADDRESS and ZIP: Japanese and Korean addresses as members write them in Latin letters.
//! Japan: a postcode of three and four digits ("〒150-0002"), a district and its block
//! numbers ("Shibuya 2-14-8", "Nakano 3-12-8"), the ward or city with its suffix ("Shibuya-ku",
//! "Yokohama-shi"). Korea: a road with its suffix and number ("Yeonnam-ro 23-gil", "25
//! Jungang-ro", "Teheran-daero 152"), the district ("Mapo-gu", "Suwon-si"), and a five-digit
//! postcode after the city. No English street reads so: the hyphenated suffixes are the
//! shape's own, and every rule here needs one of them, a block number, or the 〒 mark.

use std::sync::LazyLock;

use regex::Regex;

use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "a street address";
const WHY_ZIP: &str = "a postcode";

/// A Korean road ("Yeonnam-ro 23-gil", "Jungang-ro", "Teheran-daero 152") or a Japanese
/// district's block numbers ("Shibuya 2-14-8"), with the house number before it, the
/// districts and the city after it, up to a postcode.
static ROAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?x)
        (?:
            (?:\b\d{1,4},?\s)?                                  # house number
            \b[A-Z][a-z]+-(?:ro|daero|gil)(?:\s\d{1,3}(?:beon)?-gil)?(?:\s\d{1,4}(?:-\d{1,3})?)?
          | \b[A-Z][a-z]+\s\d{1,2}-\d{1,3}(?:-\d{1,3})?\b     # Japanese block numbers
        )
        (?:,?\s[A-Z][a-z]+-(?:gu|si|dong|eup|myeon|ku|shi|cho|machi|gun|ken))*
        (?:,\s(?:Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Suwon|Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Sapporo|Fukuoka|Kobe|Sendai|Hiroshima))?",
    )
});

/// A Japanese postcode: "〒150-0002", or three and four digits beside a Japanese place.
static JP_ZIP: LazyLock<Regex> =
    LazyLock::new(|| crate::phi::regex(r"(?:〒\s?)?\b(\d{3}-\d{4})\b"));

/// A Korean postcode: five digits after a Korean city or district.
static KR_ZIP: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Suwon|-gu|-si),?\s(\d{5})\b",
    )
});

/// Words that mark Japan beside a three-and-four-digit code.
fn japanese_place(near: &str) -> bool {
    [
        "-ku", "-shi", "-cho", "Tokyo", "Osaka", "Kyoto", "Yokohama", "Japan", "〒",
    ]
    .iter()
    .any(|w| near.contains(w))
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let raw = text.raw;
    // The shape's own marks first: most posts have none.
    let marked = raw.contains('〒')
        || ["-ro", "-gil", "-gu", "-ku", "-shi", "-si,", "-daero"]
            .iter()
            .any(|m| raw.contains(m));
    if !marked {
        return;
    }
    for m in ROAD.find_iter(raw) {
        let s = m.as_str();
        // A block number alone ("Shibuya 2-14-8") needs a ward or a city after it; a road
        // has its suffix.
        let road = s.contains("-ro") || s.contains("-gil") || s.contains("-daero");
        let district = s.contains(", ") && japanese_place(s);
        if road || district {
            out.push(finding(Kind::Address, m.start(), m.end(), 0.8, WHY));
        }
    }
    for c in JP_ZIP.captures_iter(raw) {
        let (Some(whole), Some(code)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // Forty bytes before and sixty after, each end moved back onto a character's start.
        let from = super::floor_char(raw, whole.start().saturating_sub(40));
        let to = super::floor_char(raw, (code.end() + 60).min(raw.len()));
        if whole.as_str().starts_with('〒') || japanese_place(&raw[from..to]) {
            out.push(finding(Kind::Zip, code.start(), code.end(), 0.8, WHY_ZIP));
        }
    }
    for c in KR_ZIP.captures_iter(raw) {
        if let Some(code) = c.get(1) {
            out.push(finding(Kind::Zip, code.start(), code.end(), 0.8, WHY_ZIP));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::detected;
    use super::*;

    #[test]
    fn japanese_and_korean_addresses() {
        for (raw, want) in [
            (
                "my mom's address: 14, Yeonnam-ro 23-gil, Mapo-gu, Seoul 03991",
                vec!["14, Yeonnam-ro 23-gil, Mapo-gu, Seoul", "03991"],
            ),
            (
                "Post goes to 〒150-0002 Shibuya 2-14-8, Shibuya-ku, Tokyo, he can't",
                vec!["150-0002", "Shibuya 2-14-8, Shibuya-ku, Tokyo"],
            ),
            // A window's edge inside a character ("東京都" 40 bytes back) still reads the place.
            (
                "東京都の母へ、住所はこちらです。164-0001 Nakano-ku",
                vec!["164-0001"],
            ),
            (
                "she lives alone at Apt 104-1203, 25 Jungang-ro, Suwon",
                vec!["25 Jungang-ro, Suwon"],
            ),
        ] {
            let mut got = detected(raw, detect);
            got.sort();
            let mut want = want;
            want.sort();
            assert_eq!(got, want, "{raw}");
        }
        for raw in [
            "my score was 2-14 and then 3-12 in the second set",
            "the re-run of the pro-gun debate",
            "call 150-0002 for the shop",
            "Seoul is lovely in 2019",
        ] {
            assert!(detected(raw, detect).is_empty(), "{raw}");
        }
    }
}
