//! DATE in Chinese, Japanese and Korean (session 16): a month and a day by their counters,
//! with or without the year ("3月15日", "2024年3月15日", "5월 3일", "2024년 5월 3일"). No other
//! text reads so: the counters are the date's own.

use std::sync::LazyLock;

use regex::Regex;

use super::{finding, Kind, Text};
use crate::phi::Finding;

const WHY: &str = "a date";

static CJK_DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::phi::regex(
        r"(?:\d{4}\s?[年년]\s?)?(?:1[0-2]|0?[1-9])\s?[月월]\s?(?:3[01]|[12]\d|0?[1-9])\s?[日号號일]",
    )
});

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    if text.raw.is_ascii() {
        return;
    }
    for m in CJK_DATE.find_iter(text.raw) {
        // "13月5日" is no date: the month must not run on from a digit before it.
        let glued = text.raw[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        if !glued {
            out.push(finding(Kind::Date, m.start(), m.end(), 0.8, WHY));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phi::language::test_support::detected;

    #[test]
    fn month_and_day_by_their_counters() {
        for (raw, want) in [
            ("我爸3月15日做的支架手术", "3月15日"),
            ("엄마 수술 날짜가 5월 3일로 잡혔어요.", "5월 3일"),
            ("2024年3月15日に入院しました", "2024年3月15日"),
            ("2023년 11월 2일 퇴원", "2023년 11월 2일"),
        ] {
            assert_eq!(detected(raw, detect), [want], "{raw}");
        }
        for raw in ["3月に入院しました", "13月5日", "5월에 수술", "每天3次"] {
            assert!(detected(raw, detect).is_empty(), "{raw}");
        }
    }
}
