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
/// is escaped, so a `<` that is not a tag we wrote is a failure too.
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
        if html[covered..whole.start].contains(['<', '>', '"']) {
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
    if html[covered..].contains(['<', '>', '"']) {
        return Err(format!(
            "unescaped markup at the end: {:?}",
            &html[covered..]
        ));
    }
    Ok(())
}
