//! Untrusted HTML to safe HTML, with an explicit allow-list.
//!
//! The builders start from `ammonia::Builder::empty()`, but `empty()` only empties the tag list:
//! it keeps ammonia's default attribute lists (`lang` and `title` everywhere, `img src`…), its
//! long list of URL schemes and its `rel`. So every setting is stated here, even where the
//! value looks like a default, and a change in ammonia's defaults cannot widen what we allow.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, Url, UrlRelative};

/// Added to every link: readers' clicks do not pass on where they came from, the target cannot
/// script the forum's tab, and search engines do not credit whatever spammers link to.
pub(super) const LINK_REL: &str = "nofollow noopener noreferrer ugc";

pub(super) const TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "sup",
    "sub",
];

const URL_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Elements removed together with their content: what is inside them is code, not prose, so it
/// would only show up as noise. Everything else that is not allowed is unwrapped: the element
/// goes, its text stays (escaped).
const DROP_WITH_CONTENT: [&str; 2] = ["script", "style"];

/// First pass: no `rel`, so that a link whose `href` was refused is exactly `<a>` in the output.
static FIRST_PASS: LazyLock<Builder<'static>> = LazyLock::new(|| builder(None));
/// Second pass: the final allow-list, with `rel` on every link.
static FINAL_PASS: LazyLock<Builder<'static>> = LazyLock::new(|| builder(Some(LINK_REL)));

fn builder(link_rel: Option<&'static str>) -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.into_iter().collect())
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("ol", HashSet::from(["start"])),
        ]))
        .tag_attribute_values(HashMap::new())
        .set_tag_attribute_values(HashMap::new())
        .allowed_classes(HashMap::new())
        .url_schemes(URL_SCHEMES.into_iter().collect())
        // Relative URLs are refused, except our own uploaded images (`crate::images::embed`).
        .url_relative(UrlRelative::Custom(Box::new(own_image)))
        .link_rel(link_rel)
        .id_prefix(None)
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    b
}

/// The one relative URL a post may hold: `/images/{id}`, an image uploaded here.
fn own_image(url: &str) -> Option<Cow<'_, str>> {
    crate::images::embed::is_image_path(url).then_some(Cow::Borrowed(url))
}

/// Runs after ammonia's own checks, on the attributes that survived them.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        ("a", "href") if crate::images::embed::is_image_path(value) => Some(Cow::Borrowed(value)),
        ("a", "href") => canonical_url(value).map(Cow::Owned),
        // Only ever the value ammonia itself adds: an author's `rel` is not on the allow-list.
        ("a", "rel") if value == LINK_REL => Some(Cow::Borrowed(value)),
        ("ol", "start") => value
            .trim()
            .parse::<u32>()
            .ok()
            .map(|n| Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// The URL to write into `href`, or `None` unless it is absolute http(s)/mailto.
///
/// Anything that is not already plainly `http://…`, `https://…` or `mailto:…` in lower case
/// with no whitespace, control characters, quotes, angle brackets, backticks or backslashes is
/// written out parsed rather than as the author typed it, so the browser follows exactly the URL
/// that was checked: `https:evil.example` (which a browser on an https page would resolve as a
/// *relative* path) becomes `https://evil.example/`, and tabs or newlines hidden in a scheme are
/// gone. mailto URLs keep `"`, `<`, `>` and spaces unencoded in the url crate's output, so those
/// are encoded here: no attribute value in our HTML ever contains them.
fn canonical_url(value: &str) -> Option<String> {
    let url = Url::parse(value).ok()?;
    if !URL_SCHEMES.contains(&url.scheme()) {
        return None;
    }
    // `https://trusted.example@evil.example/` shows one host and goes to another: a phishing
    // trick, never needed in a support forum.
    if url.scheme() != "mailto" && (!url.username().is_empty() || url.password().is_some()) {
        return None;
    }
    // An author's URL that is already plainly absolute and holds nothing that needs encoding is
    // kept as written (people recognise their own links); anything else is written out parsed.
    let plain = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| value.starts_with(p))
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>`\\".contains(c));
    if plain {
        return Some(value.to_owned());
    }
    let mut out = String::with_capacity(url.as_str().len());
    for c in url.as_str().chars() {
        match c {
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '`' => out.push_str("%60"),
            _ => out.push(c),
        }
    }
    Some(out)
}

pub(super) fn clean(untrusted: &str) -> String {
    let first = FIRST_PASS.clean(untrusted).to_string();
    // The second pass would be redundant if `drop_hrefless_anchors` were perfect; it is there
    // so that a mistake in that string handling cannot produce anything ammonia would refuse.
    FINAL_PASS.clean(&drop_hrefless_anchors(&first)).to_string()
}

/// Removes `<a>` elements whose `href` was refused, keeping their content.
///
/// ammonia can drop an attribute but not the element that carried it, so
/// `[x](javascript:alert(1))` comes out as `<a>x</a>`: harmless, but a link that goes nowhere
/// and still looks like one. ammonia cannot remove an element conditionally, so this works on its
/// serialised output, which is regular: text never contains a raw `<` (it is `&lt;`), attribute
/// values are double-quoted with `"` escaped, and with `rel` turned off an anchor without an
/// `href` is exactly `<a>`.
fn drop_hrefless_anchors(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // For each `<a>` still open: was its start tag kept?
    let mut open: Vec<bool> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag_len = tag_len(&rest[lt..]);
        let tag = &rest[lt..lt + tag_len];
        rest = &rest[lt + tag_len..];
        if tag == "<a>" {
            open.push(false);
        } else if tag.starts_with("<a ") {
            open.push(true);
            out.push_str(tag);
        } else if tag == "</a>" {
            if open.pop().unwrap_or(true) {
                out.push_str(tag);
            }
        } else {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    out
}

/// Length in bytes of the tag at the start of `s` (which starts with `<`), up to and including
/// the first `>` that is not inside a double-quoted attribute value.
fn tag_len(s: &str) -> usize {
    let mut in_quotes = false;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'>' if !in_quotes => return i + 1,
            _ => {}
        }
    }
    s.len()
}
