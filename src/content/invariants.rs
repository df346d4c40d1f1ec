//! What must hold of every `SafeHtml`, whatever the author wrote: checked by the fuzz target
//! (`fuzz/fuzz_targets/markdown.rs`) and by regression tests. Not used when serving.

use std::sync::LazyLock;

use regex::Regex;

use super::sanitize::{LINK_REL, TAGS};

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern
    Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>").unwrap()
});
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern
    Regex::new(r#"^\s+([a-z]+)="([^"<>]*)""#).unwrap()
});

/// `Ok` when `html` is safe to print in a page: only allow-listed tags, no attribute but a
/// link's `href` (absolute http, https or mailto) and `rel`, and a list's `start`; so no
/// `<script`, no `on…=` handler, no `style`, no `javascript:`/`data:` URL can be in it. Text
/// is escaped, so a `<` or `>` that is not part of a tag we wrote is a failure too.
pub fn check_safe_html(html: &str) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    for banned in [
        "<script", "<style", "<iframe", "<svg", "<img", "<object", "<embed",
    ] {
        if lower.contains(banned) {
            return Err(format!("{banned} in the output"));
        }
    }
    let mut covered = 0;
    for tag in TAG.captures_iter(html) {
        let whole = tag.get(0).map_or(0..0, |m| m.range());
        if html[covered..whole.start].contains(['<', '>']) {
            return Err(format!(
                "unescaped markup between tags: {:?}",
                &html[covered..whole.start]
            ));
        }
        covered = whole.end;
        let name = &tag[2];
        if !TAGS.contains(&name) {
            return Err(format!("tag <{name}> is not on the allow-list"));
        }
        let mut attrs = &tag[3];
        if &tag[1] == "/" && !attrs.is_empty() {
            return Err(format!("attributes on a closing tag: {}", &tag[0]));
        }
        while !attrs.is_empty() {
            let Some(a) = ATTR.captures(attrs) else {
                return Err(format!("unreadable attributes in {}", &tag[0]));
            };
            let value = a[2].replace("&amp;", "&");
            match (name, &a[1]) {
                ("a", "href") => {
                    let v = value.to_ascii_lowercase();
                    if !(v.starts_with("http://")
                        || v.starts_with("https://")
                        || v.starts_with("mailto:"))
                    {
                        return Err(format!("href that is not http(s)/mailto: {value:?}"));
                    }
                }
                ("a", "rel") if value == LINK_REL => {}
                ("ol", "start") if value.parse::<u32>().is_ok() => {}
                (_, attr) => return Err(format!("attribute {attr}={value:?} on <{name}>")),
            }
            attrs = &attrs[a.get(0).map_or(attrs.len(), |m| m.end())..];
        }
    }
    if html[covered..].contains(['<', '>']) {
        return Err(format!(
            "unescaped markup at the end: {:?}",
            &html[covered..]
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::check_safe_html;
    use crate::content::prepare;

    /// Every XSS payload the browser test posts (the public list and our own) renders to safe HTML.
    /// Crashes the fuzzer finds go into `fuzz_regressions` below, as the input that failed.
    #[test]
    fn every_known_payload_renders_to_safe_html() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/data/");
        let mut n = 0;
        for file in ["xss-payloads.txt", "xss-own-payloads.txt"] {
            let text = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
            for payload in text.lines().filter(|l| !l.trim().is_empty()) {
                let (_, html) = prepare(payload).unwrap();
                if let Err(why) = check_safe_html(html.as_str()) {
                    panic!("{why}\npayload: {payload:?}\nhtml: {}", html.as_str());
                }
                n += 1;
            }
        }
        assert!(n > 2000, "{n} payloads");
    }

    #[test]
    fn fuzz_regressions() {
        // Inputs the fuzzer (fuzz/fuzz_targets/markdown.rs) once failed on go here.
        let found: &[&str] = &[
            "",
            "\u{0}",
            "<",
            "[a](<>)",
            "<a href=\"\u{0}javascript:x\">",
        ];
        for input in found {
            if let Ok((_, html)) = prepare(input) {
                check_safe_html(html.as_str()).unwrap();
            }
        }
    }

    #[test]
    fn the_checker_refuses_what_it_should() {
        for bad in [
            "<p><img src=\"x\"></p>",
            "<p onclick=\"x\">a</p>",
            "<a href=\"javascript:alert(1)\">a</a>",
            "<a href=\"data:text/html,x\">a</a>",
            "<p style=\"color:red\">a</p>",
            "<script>alert(1)</script>",
            "<p>a<b</p>",
            "<a href=\"/relative\">a</a>",
        ] {
            assert!(check_safe_html(bad).is_err(), "accepted {bad}");
        }
        check_safe_html("<p>a &lt;b&gt; <a href=\"https://e.org/\" rel=\"nofollow noopener noreferrer ugc\">e</a></p><ol start=\"3\"><li>x</li></ol>").unwrap();
    }
}
