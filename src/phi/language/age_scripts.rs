//! AGE_OVER_89 in the languages members write a whole post in when English is not theirs, and
//! in scripts other than Latin (session 16): a number from 90 up, in digits or in that
//! language's words, beside the word that language gives an age with ("95 tuổi", "九十七歳",
//! "九十四岁", "아흔둘", "٩٢ سنة", "نود سالشه", "९३ साल", "девяносто один год", "ενενήντα
//! τριών χρονών", "doksan beş yaşında", "siyamnapu't isa", "miaka 92", "vyf-en-negentig").
//! Other scripts' digits are read as ASCII ones already (`reading::as_digit`).
//!
//! These words give an age and nothing else ("tuổi", "歳", "yaşında", "χρονών"), or a span of
//! years too ("سنة", "साल", "лет", "tahun", "taon"): a span is "ago" or "since", and the word
//! that says so (after or before) keeps it out.

use std::sync::LazyLock;

use regex::Regex;

use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "an age over 89";

/// Chinese and Japanese: the number glued to the counter of years of age, with no spaces.
static HAN: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(九十[一二三四五六七八九]?|百[一二三四五六七八九十]*|\d{2,3})\s?(?:歳|才|岁|歲)",
    )
});

/// Korean: the native numbers from ninety ("아흔", "아흔둘"), used for a person's age, and
/// Sino-Korean numbers or digits before the counters of age ("구십삼 세", "92살", "95세").
static HANGUL: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(아흔(?:하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?)(?:\s?(?:살|세))?|(구십[일이삼사오육칠팔구]?|\d{2,3})\s?(?:살|세)",
    )
});

/// Languages written with spaces: a number, then the word of age ("95 tuổi", "٩٢ سنة",
/// "девяносто один год", "doksan beş yaşında", "92 taong gulang", "90 tahun").
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?x)
        \b(
            \d{2,3}
          | девяност[оа](?:\s(?:один|одного|два|двух|три|тр[её]х|четыре|четыр[её]х|пять|шесть|семь|восемь|девять))?
          | ενενήντα(?:\s(?:ένα|ενός|δύο|τρία|τριών|τέσσερα|τεσσάρων|πέντε|έξι|επτά|εφτά|οκτώ|οχτώ|εννέα|εννιά))?
          | doksan(?:\s(?:bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz))?
          | نود(?:\s?و\s?(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه))?
          | (?:واحد|اثنان|اثنين|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثمان|ثماني|ثمانية|تسع|تسعة)\s?و\s?تسعين|تسعين|تسعون
          | नब्बे|इक्यानबे|बानबे|तिरानबे|चौरानबे|पचानबे|छियानबे|सत्तानबे|अट्ठानबे|निन्यानबे
          | chín\smươi(?:\s(?:mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?
          | sembilan\spuluh(?:\s(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?
        )
        \s
        (tuổi|سنة|سنه|عاما|عامًا|عام|سال\w*|साल|वर्ष|बरस|yaşında\w*|yaşına|yaşını|год\w*|лет|χρονών|χρονώ|ετών|taong|taon|tahun)\b
        (?:\s(\w+))?",
    )
});

/// Number words that give an age without a word of years after them: Tagalog
/// ("siyamnapu't isa na"), Swahili ("ana miaka tisini", "miaka 92"), Afrikaans
/// ("word vyf-en-negentig"), an Arabic "her age" before the number ("عمرها ٩٢").
static ALONE: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?x)
        \b(?i:
            (siyamnapu(?:'t\s(?:isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam))?)\s(?:na|taon|taong)\b
          | miaka\s(\d{2,3}|tisini(?:\sna\s(?:moja|mbili|tatu|nne|tano|sita|saba|nane|tisa))?)\b(?:\s(\w+))?
          | (?:word|is|was|het|geword|sal)\s((?:een|twee|drie|vier|vyf|ses|sewe|agt|nege)-en-negentig|negentig)\b
        )
        | (?:عمرها|عمره|عمري|عمرش|عمر)\s(\d{2,3})",
    )
});

/// Words after a span of years that make it a time ago or a duration, not an age: "назад",
/// "पहले", "پیش", "قبل", "lalu", "nakalipas", "iliyopita", "önce".
fn ago(w: &str) -> bool {
    matches!(
        w,
        "назад"
            | "тому"
            | "पहले"
            | "से"
            | "तक"
            | "बाद"
            | "پیش"
            | "قبل"
            | "بعد"
            | "lalu"
            | "yang"
            | "nakalipas"
            | "iliyopita"
            | "önce"
            | "sonra"
            | "boyunca"
            | "trước"
            | "sau"
            | "qua"
    )
}

/// Words before the number that make it a span: "since", "over", "for", "more than".
fn span_before(raw: &str, start: usize) -> bool {
    let before = raw[..start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    matches!(
        last,
        "منذ"
            | "قبل"
            | "خلال"
            | "за"
            | "более"
            | "около"
            | "через"
            | "hơn"
            | "sejak"
            | "selama"
    )
}

/// The value of a number in digits, if it is one.
fn digits_value(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// A number matched in digits must be an age over 89; one matched in words is one already.
fn over_89(s: &str) -> bool {
    digits_value(s).is_none_or(|v| (90..=125).contains(&v))
}

/// Whether the digits at `start` run on from a digit before them ("1995岁" is no age).
fn glued_to_digit(raw: &str, start: usize) -> bool {
    raw[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    let raw = text.raw;
    // The forms in ASCII are Tagalog's, Malay's, Swahili's and Afrikaans': every other has a
    // character outside it, so most posts are passed by these two looks.
    let lower = text.lower.as_str();
    let latin = ["siyamnapu", "miaka", "negentig", "taon", "tahun", "puluh"]
        .iter()
        .any(|w| lower.contains(w));
    if raw.is_ascii() && !latin {
        return;
    }
    let mut push = |m: regex::Match| {
        if over_89(m.as_str()) && !glued_to_digit(raw, m.start()) {
            out.push(finding(Kind::AgeOver89, m.start(), m.end(), 0.8, WHY));
        }
    };
    for c in HAN.captures_iter(raw) {
        if let Some(m) = c.get(1) {
            push(m);
        }
    }
    for c in HANGUL.captures_iter(raw) {
        if let Some(m) = c.get(1) {
            // "아흔 번" (ninety times), "아흔 개": a native number before a counter of things.
            let rest = raw[m.end()..].trim_start();
            let counted = [
                "번", "개", "명", "장", "권", "분", "원", "마리", "일", "시간",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
            if !counted {
                push(m);
            }
        } else if let Some(m) = c.get(2) {
            push(m);
        }
    }
    for c in SPACED.captures_iter(raw) {
        let Some(m) = c.get(1) else { continue };
        let after = c.get(3).map_or("", |a| a.as_str());
        if !ago(after) && !span_before(raw, m.start()) {
            push(m);
        }
    }
    for c in ALONE.captures_iter(raw) {
        let after = c.get(3).map_or("", |a| a.as_str());
        if let Some(m) = [1, 2, 4, 5].iter().find_map(|&g| c.get(g)) {
            if !ago(after) && !span_before(raw, m.start()) {
                push(m);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(raw: &str) -> Vec<String> {
        crate::phi::language::test_support::detected(raw, detect)
    }

    #[test]
    fn ages_in_other_scripts_and_languages() {
        for (raw, want) in [
            ("祖母のハナは九十七歳になりました。", "九十七"),
            ("我外婆今年九十四岁了，最近晚上总是不睡觉", "九十四"),
            ("奶奶95岁了", "95"),
            ("저희 할머니가 올해 아흔둘이세요.", "아흔둘"),
            ("할아버지는 92세입니다", "92"),
            ("جدتي فاطمة عمرها ٩٢ سنة وعندها فشل كلوي", "٩٢"),
            ("مادربزرگم پروین نود سالشه و هنوز", "نود"),
            ("मेरी दादी ९३ साल की हैं", "९३"),
            ("Моей бабушке девяносто один год.", "девяносто один"),
            (
                "η γιαγιά μου είναι ενενήντα τριών χρονών και",
                "ενενήντα τριών",
            ),
            ("Babaannem doksan beş yaşında, geçen hafta", "doksan beş"),
            ("Bà ngoại của em năm nay 95 tuổi rồi", "95"),
            (
                "Si Lolo Isko ay siyamnapu't isa na at ayaw",
                "siyamnapu't isa",
            ),
            ("lola ko 92 taong gulang na", "92"),
            ("Bibi yangu ana miaka 93 sasa", "93"),
            (
                "Ouma Sarie word vyf-en-negentig Saterdag.",
                "vyf-en-negentig",
            ),
            ("nenek saya 91 tahun dan masih sehat", "91"),
        ] {
            let got = ages(raw);
            assert!(got.iter().any(|g| g == want), "{raw}: {got:?} lacks {want}");
        }
    }

    #[test]
    fn spans_of_years_and_other_numbers_are_no_ages() {
        for raw in [
            "这家医院有100年的历史",
            "1995岁月",
            "90 лет назад здесь была больница",
            "за 90 лет больница",
            "९० साल पहले",
            "منذ ٩٠ سنة",
            "۹۰ سال پیش",
            "90 tahun lalu",
            "miaka 90 iliyopita",
            "70 tuổi",
            "外婆85岁了",
            "90 yıl önce",
            "아흔 번 넘게",
        ] {
            let got = ages(raw);
            assert!(got.is_empty(), "{raw}: {got:?}");
        }
    }
}
