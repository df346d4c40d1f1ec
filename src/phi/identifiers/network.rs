//! Web links and IP addresses. A link holds a post when it points at one person (a profile, a
//! personal blog, a fundraiser, a photo); links to public-health and reference sites do not.

use std::net::Ipv6Addr;
use std::sync::LazyLock;

use regex::Regex;

use super::{found, Finding, Kind, Text};
use crate::phi::regex;

/// Top-level domains a bare link ("instagram.com/jane") may end in.
const TLDS: &[&str] = &[
    "com", "org", "net", "me", "io", "co", "ly", "us", "uk", "ca", "au", "nz", "ie", "de", "fr",
    "es", "it", "nl", "info", "blog", "page", "site", "app", "tv", "gl", "be", "link", "social",
    "online", "life", "health", "care", "fund", "gives", "ws", "gd", "to", "am", "gg", "cc", "edu",
    "gov", "int", "eu", "biz", "xyz", "art", "live", "world", "news", "space", "website", "ee",
];

/// A link with a scheme or "www.", or a bare dotted name (its last label is checked against
/// `TLDS`) with an optional path. Runs on the lower-cased text.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:https?://|(?-u:\b)www\.)[!#-&(-;=?-Z_a-z~]+|(?-u:\b)[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,12}(?-u:\b)(?:/[!#-&(-;=?-Z_a-z~]*)?",
    )
});
static IPV4: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?-u:\b)"));
static IPV6: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3})?")
});

struct Host {
    host: String,
    /// Path prefixes that point at one person; "*" for any path.
    paths: Vec<String>,
    /// Every subdomain is someone's own site (jane.blogspot.com).
    sub: bool,
}

static PERSONAL_HOSTS: LazyLock<Vec<Host>> = LazyLock::new(|| {
    lines(include_str!("../../../data/phi/personal_hosts.txt"))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let host = parts.next()?.to_owned();
            let paths = parts
                .next()
                .unwrap_or("*")
                .split(',')
                .map(str::to_owned)
                .collect();
            let sub = parts.next() == Some("sub");
            Some(Host { host, paths, sub })
        })
        .collect()
});
static PUBLIC_DOMAINS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../../data/phi/public_domains.txt")).collect());

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter_map(|l| l.split('#').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// Paths on profile sites that lead to a group, a search or the site's own pages.
const SHARED_PATHS: &[&str] = &[
    "/groups",
    "/hashtag",
    "/explore",
    "/search",
    "/help",
    "/about",
    "/policies",
    "/legal",
    "/terms",
    "/privacy",
    "/login",
    "/signup",
    "/pages",
    "/events",
    "/r/",
    "/discover",
    "/topics",
];
const PHOTO_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".bmp"];
/// Words before a dotted quad that make it a version number.
const VERSION_WORDS: &[&str] = &[
    "version", "ver", "v", "build", "firmware", "ios", "android", "app", "update", "updated",
    "release", "software", "os", "macos", "windows", "chrome", "patch", "driver",
];

pub(super) fn detect(text: &Text, out: &mut Vec<Finding>) {
    urls(text, out);
    ips(text, out);
}

fn urls(text: &Text, out: &mut Vec<Finding>) {
    let raw = text.raw.as_bytes();
    for m in URL.find_iter(&text.lower) {
        if m.start() > 0 && matches!(raw[m.start() - 1], b'@' | b'.' | b'-' | b'_') {
            continue;
        }
        if raw.get(m.end()) == Some(&b'@') {
            continue;
        }
        if !m.as_str().contains("://") && !m.as_str().starts_with("www.") {
            let host = m.as_str().split('/').next().unwrap_or("");
            let tld = host.rsplit('.').next().unwrap_or("");
            if !TLDS.contains(&tld) {
                continue;
            }
        }
        let url = text.raw[m.start()..m.end()]
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
        let url = if url.ends_with(')') && !url.contains('(') {
            url.trim_end_matches(')')
        } else {
            url
        };
        let end = m.start() + url.len();
        if let Some((confidence, why)) = judge(text, m.start(), url) {
            out.push(found(Kind::Url, m.start(), end, confidence, why));
        }
    }
}

/// How likely a link is to point at one person, and why; None for public sites.
fn judge(text: &Text, start: usize, url: &str) -> Option<(f32, &'static str)> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..split].split(':').next().unwrap_or("");
    let path = &rest[split..];
    let host = host.strip_prefix("www.").unwrap_or(host);
    let under =
        |d: &str| host == d || (host.ends_with(d) && host[..host.len() - d.len()].ends_with('.'));
    let has_path = path.trim_matches(['/', '?', '#']).len() > 1;
    // Session 16: a personal path on a host inside a public domain ("drive.google.com/file/",
    // "docs.google.com/spreadsheets/" under "google.com") is personal: the public domain's
    // rule would otherwise shadow it.
    let personal_under_public = PERSONAL_HOSTS.iter().any(|h| {
        under(&h.host)
            && has_path
            && h.paths
                .iter()
                .any(|p| p != "*" && path.starts_with(p.as_str()))
    });
    if PUBLIC_DOMAINS.iter().any(|d| under(d)) && !personal_under_public {
        return None;
    }
    let cued = personal_cue(text, start);
    if let Some(site) = PERSONAL_HOSTS.iter().find(|h| under(&h.host)) {
        let prefix = host.len() - site.host.len();
        let own_subdomain =
            prefix > 0 && site.sub && !matches!(&host[..prefix], "www." | "m." | "mobile." | "en.");
        let personal_path = has_path
            && !SHARED_PATHS.iter().any(|p| path.starts_with(p))
            && site
                .paths
                .iter()
                .any(|p| p == "*" || path.starts_with(p.as_str()));
        if own_subdomain || personal_path {
            return Some((
                0.85,
                "a link to a personal profile, blog, fundraiser or photo",
            ));
        }
        return Some((
            if cued { 0.7 } else { 0.3 },
            "a link to a social media page",
        ));
    }
    if has_path && PHOTO_EXTENSIONS.iter().any(|e| path.ends_with(e)) {
        return Some((0.75, "a link to a photo that may show a person"));
    }
    Some(if cued {
        (0.75, "a link to a personal page")
    } else {
        (0.35, "a web link")
    })
}

/// Whether the words before a link say it is the writer's own ("my blog", "follow me").
fn personal_cue(text: &Text, start: usize) -> bool {
    const OWNER: &[&str] = &["my", "our", "his", "her", "their"];
    const PAGES: &[&str] = &[
        "blog",
        "site",
        "website",
        "webpage",
        "page",
        "story",
        "fundraiser",
        "campaign",
        "journey",
        "channel",
        "profile",
        "photo",
        "photos",
        "pic",
        "pics",
        "picture",
        "pictures",
        "selfie",
        "selfies",
        "vlog",
        "podcast",
        "newsletter",
        "diary",
        "updates",
        "account",
        "insta",
        "instagram",
        "facebook",
        "tiktok",
        "youtube",
        "twitter",
        "wall",
        "album",
        "link",
        "gofundme",
    ];
    const TO_ME: &[&str] = &[
        "follow", "add", "find", "friend", "message", "dm", "see", "of", "is",
    ];
    let words: Vec<&str> = text.words_before(start, 8).collect();
    words.iter().enumerate().any(|(i, w)| {
        (PAGES.contains(w) && words[i + 1..].iter().take(3).any(|o| OWNER.contains(o)))
            || (matches!(*w, "me" | "us") && words.get(i + 1).is_some_and(|p| TO_ME.contains(p)))
    })
}

fn ips(text: &Text, out: &mut Vec<Finding>) {
    let raw = text.raw.as_bytes();
    for m in IPV4.find_iter(text.raw) {
        let (s, e) = (m.start(), m.end());
        let glued_before =
            s >= 2 && matches!(raw[s - 1], b'.' | b'-') && raw[s - 2].is_ascii_alphanumeric();
        let glued_after =
            e + 1 < raw.len() && matches!(raw[e], b'.' | b'-') && raw[e + 1].is_ascii_digit();
        if glued_before || glued_after || super::near_before(text, s, 2, VERSION_WORDS) {
            continue;
        }
        let octets: Vec<u32> = m
            .as_str()
            .split('.')
            .filter_map(|o| o.parse().ok())
            .collect();
        if octets.len() != 4 || octets.iter().any(|&o| o > 255) || matches!(octets[0], 0 | 127) {
            continue;
        }
        out.push(found(
            Kind::Ip,
            s,
            e,
            0.85,
            "an IP address, which can point to a home",
        ));
    }
    for m in IPV6.find_iter(text.raw) {
        let (s, e) = (m.start(), m.end());
        let hexish = |b: u8| b.is_ascii_alphanumeric() || b == b':';
        if (s > 0 && hexish(raw[s - 1])) || raw.get(e).is_some_and(|&b| hexish(b)) {
            continue;
        }
        let candidate = m.as_str();
        let groups = candidate.split(':').filter(|g| !g.is_empty()).count();
        let compressed = candidate.contains("::");
        if !(groups == 8 || (compressed && groups >= 2)) || candidate.parse::<Ipv6Addr>().is_err() {
            continue;
        }
        out.push(found(
            Kind::Ip,
            s,
            e,
            0.85,
            "an IP address, which can point to a home",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(s: &str) -> Vec<(Kind, String)> {
        let text = Text::new(s);
        let mut out = Vec::new();
        detect(&text, &mut out);
        out.retain(|f| f.confidence >= 0.5);
        out.iter()
            .map(|f| (f.kind, s[f.start..f.end].to_owned()))
            .collect()
    }

    #[test]
    fn personal_links_hold() {
        for (s, want) in [
            (
                "follow my journey instagram.com/jane_doe.",
                "instagram.com/jane_doe",
            ),
            (
                "updates at caringbridge.org/visit/janedoe",
                "caringbridge.org/visit/janedoe",
            ),
            ("please share gofund.me/abc123 thanks", "gofund.me/abc123"),
            (
                "(see https://www.facebook.com/jane.doe.12)",
                "https://www.facebook.com/jane.doe.12",
            ),
            (
                "me after chemo: https://i.imgur.com/AbC123x.jpg",
                "https://i.imgur.com/AbC123x.jpg",
            ),
            (
                "i write at janesjourney.blogspot.com",
                "janesjourney.blogspot.com",
            ),
            (
                "my blog is www.livingwithlupus.net/about-me",
                "www.livingwithlupus.net/about-me",
            ),
            ("reddit.com/u/throwaway_ra", "reddit.com/u/throwaway_ra"),
            // Session 18: fundraisers of the UK and New Zealand, with or without a scheme.
            (
                "my walk for dad justgiving.com/page/tom-reilly-walk",
                "justgiving.com/page/tom-reilly-walk",
            ),
            (
                "https://givealittle.co.nz/cause/aroha-heart-op",
                "https://givealittle.co.nz/cause/aroha-heart-op",
            ),
            // Session 16: a shared document or file under a public domain.
            (
                "my log is docs.google.com/spreadsheets/d/1xTq9Rr if anyone wants it",
                "docs.google.com/spreadsheets/d/1xTq9Rr",
            ),
            (
                "scan is at drive.google.com/file/d/1AbC/view",
                "drive.google.com/file/d/1AbC/view",
            ),
        ] {
            assert_eq!(held(s), [(Kind::Url, want.to_owned())], "{s}");
        }
    }

    #[test]
    fn public_links_and_look_alikes_do_not_hold() {
        for s in [
            "good overview at https://medlineplus.gov/ for friends",
            "The CDC page https://www.cdc.gov/diabetes/ has basics",
            "see who.int/news and mayoclinic.org/diseases-conditions/lupus",
            "clinicaltrials.gov/study/NCT04280705 is the trial",
            "email jane.doe@gmail.com",
            "I found a group on facebook.com",
            "search it on google.com/maps first",
            "the walk sign-up is docs.google.com/forms/d/e/1FAIpQL/viewform",
            "e.g. the dose, i.e. 40 mg",
            "version 1.2.3.4 of the app, v2.10.1.3",
            "it was at 10:15 and the ratio 1:10, 2:30:45",
        ] {
            assert_eq!(held(s), [], "{s}");
        }
    }

    #[test]
    fn ip_addresses_hold() {
        for (s, want) in [
            ("blocked my IP 144.4.248.32 today", "144.4.248.32"),
            (
                "from 2001:db8:85a3::8a2e:370:7334.",
                "2001:db8:85a3::8a2e:370:7334",
            ),
            (
                "addr bf30:3856:2eb4:9455:b8a4:174c:7951:9bb",
                "bf30:3856:2eb4:9455:b8a4:174c:7951:9bb",
            ),
        ] {
            assert_eq!(held(s), [(Kind::Ip, want.to_owned())], "{s}");
        }
        assert_eq!(held("octets 300.1.2.3 are not valid"), []);
    }
}
