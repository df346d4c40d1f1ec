//! Redirect targets after a form: only paths on this site.

/// Where to send someone after a form (`next`, `back`): only a path on this site. The value is
/// resolved as a browser would resolve it against this origin, and anything that would leave it,
/// or that a browser's URL parser reads differently from us (control characters, whitespace,
/// backslashes, `//`, schemes), falls back to `/`. What comes back is the resolved path, query and
/// fragment, never the raw text.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(same_site_path)
        .unwrap_or_else(|| "/".to_owned())
}

fn same_site_path(raw: &str) -> Option<String> {
    if !raw.starts_with('/') || raw.starts_with("//") {
        return None;
    }
    if raw
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return None;
    }
    let base = url::Url::parse("https://kindred.invalid/").ok()?;
    let resolved = base.join(raw).ok()?;
    if resolved.origin() != base.origin() {
        return None;
    }
    let mut out = resolved.path().to_owned();
    if let Some(q) = resolved.query() {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = resolved.fragment() {
        out.push('#');
        out.push_str(f);
    }
    Some(out)
}

#[cfg(test)]
mod next_tests {
    use super::safe_next;

    #[test]
    fn only_paths_on_this_site_survive() {
        for (raw, want) in [
            ("/threads/4#post-9", "/threads/4#post-9"),
            ("/search?q=sleep", "/search?q=sleep"),
            ("/groups/../me", "/me"),
            ("/\t/evil.example/phish", "/"),
            ("/\u{9}/evil.example/phish", "/"),
            ("/\\evil.example", "/"),
            ("//evil.example", "/"),
            ("/ /evil.example", "/"),
            ("/\n/evil.example", "/"),
            ("https://evil.example/", "/"),
            ("javascript:alert(1)", "/"),
            ("evil.example", "/"),
            ("", "/"),
        ] {
            assert_eq!(safe_next(Some(raw)), want, "{raw:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
