//! Email addresses: plain, plus-tagged, and written out ("jane dot doe at gmail dot com",
//! "jdoe [at] yahoo [dot] com").

use std::sync::LazyLock;

use regex::Regex;

use super::{found, Finding, Kind, Text};
use crate::phi::regex;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[A-Za-z0-9._%+\-]+ ?@ ?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?-u:\b)")
});
/// "jane dot doe at gmail dot com", "jdoe [at] yahoo [dot] com", "jane(at)gmail.com".
static SPELLED_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    let local = r"[a-z0-9][a-z0-9._+\-]*(?: (?:dot|underscore|dash) [a-z0-9][a-z0-9_+\-]*){0,3}";
    let at = r"(?: ?[\[({<]at[\])}>] ?| at )";
    let dot = r"(?: ?[\[({<]dot[\])}>] ?| dot |\.)";
    let tld = r"(?:com|net|org|edu|gov|io|me|us|co|uk|ca|au|de|fr|info|biz)";
    regex(&format!(
        r"(?-u:\b)({local}){at}([a-z0-9\-]+)(?:{dot}[a-z0-9\-]+){{0,3}}?{dot}{tld}(?-u:\b)"
    ))
});

const MAIL_HOSTS: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "aol",
    "icloud",
    "me",
    "mac",
    "proton",
    "protonmail",
    "pm",
    "gmx",
    "mail",
    "comcast",
    "att",
    "verizon",
    "sbcglobal",
    "zoho",
    "fastmail",
    "hey",
    "yandex",
];
const NOT_A_NAME: &[&str] = &[
    "me",
    "i",
    "is",
    "was",
    "be",
    "it",
    "look",
    "looking",
    "looked",
    "shop",
    "shopping",
    "bought",
    "order",
    "ordered",
    "found",
    "read",
    "us",
    "them",
    "him",
    "her",
    "you",
    "we",
    "they",
    "are",
    "were",
    "info",
    "out",
    "up",
    "on",
    "here",
    "there",
    "online",
    "available",
    "sold",
    "sign",
];

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    emails(text, out);
}

fn emails(text: &Text, out: &mut Vec<Finding>) {
    let at_sign = text.raw.contains('@');
    for m in EMAIL.find_iter(text.raw).take_while(|_| at_sign) {
        let s = m.as_str();
        if s.starts_with('@') || s.starts_with(' ') {
            continue;
        }
        out.push(found(
            Kind::Email,
            m.start(),
            m.end(),
            0.95,
            "an email address",
        ));
    }
    if !may_spell_an_email(&text.lower) {
        return;
    }
    for c in SPELLED_EMAIL.captures_iter(&text.lower) {
        let (Some(all), Some(local), Some(host)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if all.as_str().contains('@') {
            continue;
        }
        let spelled_at = !all.as_str().contains(" at ");
        let spelled_dot = all.as_str().contains("dot");
        let known_host = MAIL_HOSTS.contains(&host.as_str());
        let named = !NOT_A_NAME.contains(&local.as_str());
        let confidence = match (spelled_at || spelled_dot || known_host, named) {
            (true, true) => 0.9,
            (true, false) => 0.6,
            (false, _) => 0.35,
        };
        out.push(found(
            Kind::Email,
            all.start(),
            all.end(),
            confidence,
            "an email address written out in words",
        ));
    }
}

/// A cheap look for the words an email written out needs, before the costlier pattern.
fn may_spell_an_email(lower: &str) -> bool {
    ["[at]", "(at)", "{at}", "<at>", " dot "]
        .iter()
        .any(|w| lower.contains(w))
        || (lower.contains(" at ") && MAIL_HOSTS.iter().any(|h| h.len() > 3 && lower.contains(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, String)> {
        let text = Text::new(s);
        let mut out = Vec::new();
        detect(&text, &mut out);
        out.retain(|f| f.confidence >= 0.5);
        out.iter()
            .map(|f| (f.kind, s[f.start..f.end].to_owned()))
            .collect()
    }

    #[test]
    fn emails_plain_tagged_and_spelled() {
        for s in [
            "email me at jane.doe+rx@gmail.com",
            "jdoe at yahoo dot com",
            "write to jane dot doe at gmail dot com",
            "j.smith [at] outlook [dot] com",
        ] {
            let got = kinds(s);
            assert!(got.iter().any(|(k, _)| *k == Kind::Email), "{s}: {got:?}");
        }
        assert_eq!(kinds("I was at walmart.com looking at pill boxes"), []);
    }
}
