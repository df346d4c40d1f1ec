//! Nothing a poster writes can run in a reader's browser: every public XSS payload goes through
//! the real posting path and the served HTML is checked, in the API and on the page.

use kindred::domain::Role;
use reqwest::StatusCode;

use crate::helpers::*;

const OWN: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![a](javascript:alert(1))",
    "![a](https://tracker.example/pixel.gif)",
    "<svg onload=alert(1)>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x\"></object><embed src=x>",
    "<form action=https://evil.example><input name=p></form>",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<style>body{display:none}</style><p style=\"color:red\">x</p>",
    "<a href=\"//evil.example\">protocol-relative</a>",
    "<details open ontoggle=alert(1)>",
    "\"><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "{{ 7*7 }} {% raw %}{% endraw %} {{ csrf_token }}",
];

fn payloads() -> Vec<String> {
    let mut all: Vec<String> = OWN.iter().map(|s| (*s).to_owned()).collect();
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/xss/public-payloads.txt");
    if let Ok(text) = std::fs::read_to_string(file) {
        all.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned),
        );
    }
    all
}

/// The problems in a piece of served HTML, looking only inside tags (escaped text is harmless).
fn unsafe_bits(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let mut found = Vec::new();
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').map_or(after.len(), |e| e);
        let tag = &after[..end];
        rest = &after[end..];
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if [
            "script", "iframe", "object", "embed", "form", "svg", "math", "base", "meta", "style",
            "img", "link", "input",
        ]
        .contains(&name.as_str())
        {
            found.push(format!("<{tag}>"));
        }
        let attrs = &tag[name.len()..];
        for bad in ["javascript:", "vbscript:", "data:", "style="] {
            if attrs.contains(bad) {
                found.push(format!("<{tag}>"));
            }
        }
        if attrs
            .split(|c: char| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            .any(|w| {
                w.starts_with("on")
                    && w.contains('=')
                    && w[2..].split('=').next().is_some_and(|n| {
                        !n.is_empty() && n.chars().all(|c| c.is_ascii_alphabetic())
                    })
            })
        {
            found.push(format!("<{tag}>"));
        }
        if name == "a" && !attrs.contains("rel=\"nofollow noopener noreferrer ugc\"") {
            found.push(format!("<{tag}> without rel"));
        }
    }
    found
}

#[actix_web::test]
async fn no_payload_survives_the_posting_path() {
    let app = spawn_app_with(&["--posts-per-minute", "0"]).await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let alice = app.member("alice").await;
    app.group(&admin, "xss", "public").await;
    app.join("xss", &alice).await;
    let (thread, _) = app
        .thread("xss", &alice, "Payloads", "Every public payload follows.")
        .await;
    let all = payloads();
    for p in &all {
        let (s, v) = app
            .post(
                &format!("/threads/{thread}/posts"),
                serde_json::json!({"body": p}),
                Some(&alice),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{p}: {v}");
        let bad = unsafe_bits(v["body_html"].as_str().unwrap_or(""));
        assert!(bad.is_empty(), "payload {p:?} came back with {bad:?}");
    }
    // Read as their author: some payloads carry a URL or an IP address and are held for PHI
    // review, and a held post is shown to its author as highlighted source text — another way
    // into the page that must stay inert.
    let posts = app.all_posts(&thread, Some(&alice)).await;
    assert_eq!(posts.len(), all.len() + 1);
    let held = posts.iter().filter(|p| p["status"] == "held").count();
    eprintln!("{held} payloads were held for PHI review");
    let csrf = app.csrf("/login").await;
    let res = app
        .form(
            "/login",
            &[
                ("csrf_token", &csrf),
                ("username", "alice"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for p in &posts {
        let bad = unsafe_bits(p["body_html"].as_str().unwrap());
        assert!(bad.is_empty(), "stored HTML {bad:?}");
    }
    // Every page of the thread, following "More replies".
    let mut pages = Vec::new();
    let mut next = Some(format!("/threads/{thread}"));
    while let Some(path) = next {
        let (s, html) = app.page(&path).await;
        assert_eq!(s, StatusCode::OK);
        next = more_replies(&html);
        pages.push(html);
    }
    assert!(pages.len() > 1, "{} posts on one page", posts.len());
    for html in &pages {
        // The page's only script is the site's own file; the only form-like and meta tags are
        // the site's own, so count what posts could add.
        assert_eq!(
            html.matches("<script").count(),
            1,
            "a script tag came from a post"
        );
        assert!(
            !html.contains("<iframe")
                && !html.contains("<svg")
                && !html.contains("<math")
                && !html.contains("<base")
        );
        assert!(
            !html.to_lowercase().contains("javascript:")
                || !unsafe_bits(html).iter().any(|b| b.contains("javascript:"))
        );
        assert!(
            !html.contains(">49<"),
            "template syntax in a post was evaluated"
        );
    }
    assert!(
        pages.iter().any(|html| html.contains("{{ 7*7 }}")),
        "template syntax in a post stays literal text"
    );
    eprintln!("{} payloads through the posting path", all.len());
}
