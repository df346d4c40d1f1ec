//! XSS tests: our own payloads and, when present, the public list in `../shared/xss/`, each
//! rendered in several Markdown wrappings and checked against what the allow-list permits.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use super::tests::html;
use super::*;

/// Our own payloads, on top of the public list (which is not always present).
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<scri<!-- -->pt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    r#"<img src="x" onerror="alert(1)">"#,
    r#"<IMG SRC="javascript:alert('XSS');">"#,
    r#"<img srcset="https://evil.example/a.png 1x, javascript:alert(1) 2x">"#,
    "<img/src/onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)></select>",
    "<details open ontoggle=alert(1)>x</details>",
    r#"<div onmouseover="alert(1)">x</div>"#,
    "<marquee onstart=alert(1)>x</marquee>",
    r#"<video><source onerror="alert(1)"></video>"#,
    r#"<a href="javascript:alert(1)">x</a>"#,
    r#"<a href="JaVaScRiPt:alert(1)">x</a>"#,
    r#"<a href="&#106;avascript:alert(1)">x</a>"#,
    r#"<a href="&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1)">x</a>"#,
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<a href=\"java&#09;script:alert(1)\">x</a>",
    r#"<a href=" javascript:alert(1)">x</a>"#,
    r#"<a href="vbscript:msgbox(1)">x</a>"#,
    r#"<a href="VBScript:msgbox(1)">x</a>"#,
    r#"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>"#,
    r#"<a href="DATA:text/html,<script>alert(1)</script>">x</a>"#,
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](<java\tscript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[ref]\n\n[ref]: javascript:alert(1) \"title\"",
    "[x][r]\n\n[r]: <data:text/html,<script>alert(1)</script>>",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "![x](JaVaScRiPt:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "![x][img]\n\n[img]: vbscript:msgbox(1)",
    "![x\"onerror=\"alert(1)](https://example.org/a.png)",
    "<svg onload=alert(1)>",
    r#"<svg><use href="data:image/svg+xml;base64,PHN2Zz4=#x"/></svg>"#,
    r#"<svg><use xlink:href="https://evil.example/x.svg#a"></use></svg>"#,
    r#"<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>"#,
    "<svg><animate attributeName=href values=javascript:alert(1) /><a><text>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    r#"<math href="javascript:alert(1)">x</math>"#,
    r#"<iframe src="javascript:alert(1)"></iframe>"#,
    r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
    r#"<object data="javascript:alert(1)"></object>"#,
    r#"<embed src="https://evil.example/x.swf">"#,
    r#"<form action="https://evil.example/"><button formaction="javascript:alert(1)">x</button></form>"#,
    "<isindex action=javascript:alert(1) type=image>",
    r#"<base href="https://evil.example/">"#,
    r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    r#"<p style="background:url(javascript:alert(1))">x</p>"#,
    r#"<strong style="color:red" class="x" id="y">x</strong>"#,
    r#"<table background="javascript:alert(1)"><tr><td>x</td></tr></table>"#,
    r#"<a href="//evil.example/">x</a>"#,
    r#"<a href="/relative">x</a>"#,
    r#"<a href="https://ok.example/" onclick="alert(1)">x</a>"#,
    r#"<a href="https://ok.example/"onmouseover="alert(1)">x</a>"#,
    r#"<a href="http://ok.example/ onmouseover=alert(1)">x</a>"#,
    r#"<a href="https:evil.example">x</a>"#,
    r#""><script>alert(1)</script>"#,
    r#"'"><img src=x onerror=alert(1)>"#,
    r#"<p title="</p><script>alert(1)</script>">x</p>"#,
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<xmp><script>alert(1)</script></xmp>",
    "<template><script>alert(1)</script></template>",
    r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#,
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><img src=x onerror=alert(1)> -->",
    r#"<ol start="1 onclick=alert(1)"><li>x</li></ol>"#,
    r#"<ol start="2" type="a" onclick="alert(1)"><li>x</li></ol>"#,
    "```html\n<script>alert(1)</script>\n```",
    r#"[click](https://ok.example/ "title\" onmouseover=\"alert(1)")"#,
    r#"[a](https://ok.example/?q="><script>alert(1)</script>)"#,
    r#"<a href="mailto:x@example.org?subject=&quot;><script>alert(1)</script>">m</a>"#,
    "[m](<mailto:\"><img/src=x/onerror=alert(1)>>)",
    "{{ constructor.constructor('alert(1)')() }}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
];

/// The ways a payload can reach the renderer: as-is, and in the Markdown places where text or a
/// URL is read differently.
const WRAPPINGS: &[&str] = &[
    "{}",
    "[{}](https://example.org/)",
    "`{}`",
    "| h |\n| --- |\n| {} |",
    "[x]({})",
    "![{}](https://example.org/a.png)",
    "![x]({})",
    "# {}",
];

const ALLOWED_TAGS: &[&str] = &[
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

const FORBIDDEN_ANYWHERE: &[&str] = &[
    "<script", "<iframe", "<object", "<embed", "<form", "<svg", "<math", "<base", "<meta", "<img",
    "<style", "<link", "<!--",
];

/// Start tags, as `<[a-z][^>]*>` would find them. Text between tags cannot hold a `<` (it is
/// escaped), and our attribute values never hold a `>`, so this sees every tag whole.
fn start_tags(html: &str) -> Vec<&str> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        let starts_tag = rest[1..].starts_with(|c: char| c.is_ascii_lowercase());
        match rest.find('>') {
            Some(gt) if starts_tag => {
                tags.push(&rest[..=gt]);
                rest = &rest[gt + 1..];
            }
            _ => rest = &rest[1..],
        }
    }
    tags
}

/// `<a href="x" rel="y">` → `("a", [("href", "x"), ("rel", "y")])`.
fn parse_tag(tag: &str) -> (&str, Vec<(&str, &str)>) {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let name_end = inner.find([' ', '/']).unwrap_or(inner.len());
    let (name, mut rest) = inner.split_at(name_end);
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '/']);
        if rest.is_empty() {
            break;
        }
        let name_end = rest.find(['=', ' ']).unwrap_or(rest.len());
        let (attr, after) = rest.split_at(name_end);
        if let Some(quoted) = after.strip_prefix("=\"") {
            let close = quoted.find('"').unwrap_or(quoted.len());
            attrs.push((attr, &quoted[..close]));
            rest = quoted.get(close + 1..).unwrap_or("");
        } else {
            let end = after.find(' ').unwrap_or(after.len());
            attrs.push((attr, after[..end].trim_start_matches('=')));
            rest = &after[end..];
        }
    }
    (name, attrs)
}

/// ` on…=` inside a tag: an event handler, whatever the quoting.
fn has_event_handler(tag: &str) -> bool {
    tag.match_indices(" on").any(|(i, _)| {
        let after = &tag[i + 3..];
        let letters = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        letters > 0 && after[letters..].trim_start().starts_with('=')
    })
}

/// Why `output` (rendered from `input`) is unsafe, or `Ok` if it passes every check.
fn check_safe(output: &str) -> Result<(), String> {
    let lower = output.to_lowercase();
    // `<` in text is always escaped, so these can only be real markup.
    if let Some(bad) = FORBIDDEN_ANYWHERE.iter().find(|bad| lower.contains(*bad)) {
        return Err(format!("{bad} in output"));
    }
    // `javascript:` or `style=` in text is harmless (it is just words); inside a tag it is not.
    for tag in start_tags(&lower) {
        if let Some(bad) = ["javascript:", "vbscript:", "data:", "style="]
            .iter()
            .find(|b| tag.contains(*b))
        {
            return Err(format!("{bad} in {tag}"));
        }
        if has_event_handler(tag) {
            return Err(format!("event handler in {tag}"));
        }
        let (name, attrs) = parse_tag(tag);
        if !ALLOWED_TAGS.contains(&name) {
            return Err(format!("tag {name} is not allowed"));
        }
        let mut names: Vec<&str> = attrs.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let attrs_ok = match name {
            "a" => {
                names == ["href", "rel"]
                    && attrs.iter().all(|(attr, value)| match *attr {
                        "rel" => *value == "nofollow noopener noreferrer ugc",
                        _ => ["http://", "https://", "mailto:"]
                            .iter()
                            .any(|p| value.starts_with(p)),
                    })
            }
            "ol" => names.iter().all(|n| *n == "start"),
            _ => names.is_empty(),
        };
        if !attrs_ok {
            return Err(format!("unexpected attributes in {tag}"));
        }
    }
    Ok(())
}

#[test]
fn the_checker_catches_what_it_should() {
    // The checker is only as good as its parsing; make sure it fails on the obvious, and passes
    // what we do produce.
    assert_eq!(
        check_safe(&html("**a** [b](https://x.example/) <c@x.example>\n\n3. d")),
        Ok(())
    );
    for unsafe_html in [
        "<p onclick=\"x\">a</p>",
        "<p><a href=\"javascript:x\" rel=\"nofollow noopener noreferrer ugc\">a</a></p>",
        "<a href=\"https://x/\">no rel</a>",
        "<p style=\"x\">a</p>",
        "<img src=x>",
        "<div>a</div>",
        "<ol type=\"a\"><li>x</li></ol>",
        "<a rel=\"nofollow noopener noreferrer ugc\">no href</a>",
        "<a href=\"https://x/\" rel=\"nofollow\">wrong rel</a>",
        "<p>text</p><!-- comment -->",
    ] {
        assert!(
            check_safe(unsafe_html).is_err(),
            "checker missed {unsafe_html}"
        );
    }
}

#[test]
fn xss_payloads_are_neutralised() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/xss/public-payloads.txt");
    let public = std::fs::read_to_string(&file).unwrap_or_default();
    let public: Vec<&str> = public.lines().filter(|l| !l.trim().is_empty()).collect();
    let payloads: Vec<&str> = PAYLOADS
        .iter()
        .copied()
        .chain(public.iter().copied())
        .collect();
    assert!(PAYLOADS.len() >= 40);

    let mut renders = 0usize;
    for payload in &payloads {
        for wrapping in WRAPPINGS {
            let input = wrapping.replace("{}", payload);
            let Ok(body) = PostBody::parse(&input) else {
                continue;
            };
            let output = render(&body).into_string();
            if let Err(problem) = check_safe(&output) {
                panic!("{problem}\n input: {input:?}\noutput: {output}");
            }
            renders += 1;
        }
    }
    eprintln!(
        "xss: {} payloads ({} inline, {} from the public list) × {} wrappings = {renders} renders",
        payloads.len(),
        PAYLOADS.len(),
        public.len(),
        WRAPPINGS.len(),
    );
}
