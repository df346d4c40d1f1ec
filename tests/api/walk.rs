//! Every GET route of the OpenAPI document, walked as people who may not see a held post, a
//! rejected one, one hidden by reports, a held thread and a private group's thread: no answer may
//! carry a word of them. Each secret carries a marker word ("quokka…") that appears nowhere else;
//! the same walk as the author and a moderator finds the markers, so the test cannot pass by
//! finding nothing at all.

use std::collections::BTreeSet;

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// The GET paths of the document, with every parameter filled in each way the secrets give.
fn urls(doc: &Value, s: &Secrets) -> Vec<String> {
    let mut out = Vec::new();
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for (path, ops) in paths {
        if ops.get("get").is_none() || !path.starts_with("/api/v1") {
            continue;
        }
        let path = path.trim_start_matches("/api/v1").to_owned();
        let mut filled = vec![path.clone()];
        for (param, values) in [
            ("{slug}", vec!["walk-open", "walk-private"]),
            ("{username}", vec!["secretive", "reporter1"]),
        ] {
            filled = filled
                .into_iter()
                .flat_map(|p| values.iter().map(move |v| p.replace(param, v)))
                .collect();
        }
        let ids: Vec<&String> = if path.starts_with("/threads/") {
            s.threads.iter().collect()
        } else {
            s.posts.iter().collect()
        };
        filled = filled
            .into_iter()
            .flat_map(|p| {
                let ids = ids.clone();
                let many = p.contains("{id}");
                ids.into_iter()
                    .map(move |id| p.replace("{id}", id))
                    .take(if many { usize::MAX } else { 1 })
            })
            .collect();
        for p in filled {
            if p == "/search" {
                out.extend(MARKERS.iter().map(|m| format!("/search?q={m}")));
            } else {
                out.push(p);
            }
        }
    }
    out
}

const MARKERS: [&str; 7] = [
    "quokkaheldtitle",
    "quokkaheld",
    "quokkareply",
    "quokkarejected",
    "quokkareason",
    "quokkahidden",
    "quokkaprivate",
];

struct Secrets {
    threads: Vec<String>,
    posts: Vec<String>,
}

async fn report(app: &TestApp, post: &str, token: &str) {
    let (s, v) = app
        .post(
            &format!("/posts/{post}/flags"),
            json!({"reason": "spam"}),
            Some(token),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "setup: report: {v}");
}

/// The world: a public group with a published thread holding a held reply, a rejected reply and
/// a reply hidden by reports; a held thread; a private group's thread. Returns the actors'
/// tokens: (author, moderator with two-factor, [those who may not see]).
async fn world(app: &TestApp) -> (String, String, Vec<(&'static str, Option<String>)>, Secrets) {
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    app.group(&admin, "walk-open", "public").await;
    app.group(&admin, "walk-private", "private").await;
    let author = app.member("secretive").await;
    let outsider = app.member("outsider").await;
    let gm = app.member("gm_no2fa").await;
    let mut reporters = Vec::new();
    for name in ["reporter1", "reporter2", "reporter3"] {
        let t = app.member(name).await;
        assert_eq!(app.join("walk-open", &t).await, "member", "setup");
        reporters.push(t);
    }
    for t in [&author, &outsider, &gm] {
        assert_eq!(app.join("walk-open", t).await, "member", "setup");
    }
    assert_eq!(app.join("walk-private", &author).await, "pending", "setup");
    let (s, v) = app
        .send(
            Method::PUT,
            "/groups/walk-private/members/secretive",
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: {v}");
    let (s, v) = app
        .send(
            Method::PUT,
            "/groups/walk-open/moderators/gm_no2fa",
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "setup: {v}");

    let (open, _) = app
        .thread(
            "walk-open",
            &author,
            "Sleep and fatigue",
            "What helps you rest?",
        )
        .await;
    let post = |body: &'static str| {
        let (app, open, author) = (app, open.clone(), author.clone());
        async move {
            let (s, v) = app
                .post(
                    &format!("/threads/{open}/posts"),
                    json!({"body": body}),
                    Some(&author),
                )
                .await;
            assert_eq!(s, StatusCode::CREATED, "setup: {v}");
            (
                v["id"].as_str().unwrap_or("").to_owned(),
                v["status"].clone(),
            )
        }
    };
    let (held, st) = post("quokkareply: call me on 412-555-0199 any evening.").await;
    assert_eq!(st, "held", "setup: the reply is held");
    let (rejected, _) = post("quokkarejected tips on diet and rest.").await;
    report(app, &rejected, &reporters[0]).await;
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{rejected}/reject"),
            json!({"reason": "quokkareason: off topic"}),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "setup: reject: {v}");
    let (hidden, _) = post("quokkahidden thoughts on rest days.").await;
    for r in &reporters {
        report(app, &hidden, r).await;
    }
    let (s, v) = app
        .post(
            "/groups/walk-open/threads",
            json!({"title": "quokkaheldtitle for Jane Kowalski", "body": "quokkaheld: my number is 412-555-0199."}),
            Some(&author),
        )
        .await;
    assert_eq!(
        (s, v["post"]["status"].clone()),
        (StatusCode::CREATED, json!("held")),
        "setup: {v}"
    );
    let held_thread = v["thread"]["id"].as_str().unwrap_or("").to_owned();
    let held_opening = v["post"]["id"].as_str().unwrap_or("").to_owned();
    let (private, private_opening) = app
        .thread(
            "walk-private",
            &author,
            "quokkaprivate question",
            "quokkaprivate words on rest.",
        )
        .await;
    let secrets = Secrets {
        threads: vec![open, held_thread, private],
        posts: vec![held, rejected, hidden, held_opening, private_opening],
    };
    let shut_out = vec![
        ("anonymous", None),
        ("outsider", Some(outsider)),
        ("group moderator without two-factor", Some(gm)),
    ];
    (author, moderator, shut_out, secrets)
}

/// The markers in a text, as whole words ("quokkaheld" is a prefix of "quokkaheldtitle").
fn markers(text: &str) -> BTreeSet<&'static str> {
    let text = text.to_lowercase();
    let words: BTreeSet<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    MARKERS
        .iter()
        .copied()
        .filter(|m| words.contains(m))
        .collect()
}

/// The markers found in a GET's answer, and its status.
async fn markers_in(
    app: &TestApp,
    url: &str,
    token: Option<&str>,
) -> (StatusCode, BTreeSet<&'static str>) {
    let (s, v) = app.get(url, token).await;
    (s, markers(&v.to_string()))
}

/// The HTML pages that show posts, threads, groups, profiles and search, filled with the secrets.
fn pages(s: &Secrets) -> Vec<String> {
    let fixed = [
        "/",
        "/groups/walk-open",
        "/groups/walk-private",
        "/users/secretive",
        "/notifications",
        "/me",
        "/moderation",
    ];
    let mut out: Vec<String> = fixed.iter().map(|p| (*p).to_owned()).collect();
    out.extend(s.threads.iter().map(|t| format!("/threads/{t}")));
    for p in &s.posts {
        out.push(format!("/posts/{p}/edit"));
        out.push(format!("/posts/{p}/report"));
    }
    out.extend(MARKERS.iter().map(|m| format!("/search?q={m}")));
    out
}

#[actix_web::test]
async fn no_get_route_shows_a_hidden_post_or_thread_to_anyone_the_rule_shuts_out() {
    let app = spawn_app_with(&["--posts-per-minute", "0"]).await;
    let (author, moderator, shut_out, secrets) = world(&app).await;
    let doc: Value = serde_json::from_str(kindred::api::OPENAPI_DOCUMENT).expect("document");
    let urls = urls(&doc, &secrets);
    assert!(urls.len() > 30, "the walk covers the document: {urls:?}");

    let mut leaks = Vec::new();
    for (who, token) in &shut_out {
        for url in &urls {
            let (s, found) = markers_in(&app, url, token.as_deref()).await;
            if !found.is_empty() {
                leaks.push(format!("{who}: GET {url} ({s}) shows {found:?}"));
            }
        }
    }
    assert!(leaks.is_empty(), "leaks:\n{}", leaks.join("\n"));

    // The same people in a browser, over the HTML pages.
    for who in [None, Some("outsider"), Some("gm_no2fa")] {
        let browser = app.new_browser();
        if let Some(name) = who {
            browser.sign_in(name, None).await;
        }
        for url in pages(&secrets) {
            let (s, html) = browser.page(&url).await;
            // The search page repeats what was asked in its box: there a leak is any result.
            let found = if url.starts_with("/search") && !html.contains("class=\"search-result\"") {
                BTreeSet::new()
            } else {
                markers(&html)
            };
            if !found.is_empty() {
                leaks.push(format!(
                    "{who:?} in a browser: GET {url} ({s}) shows {found:?}"
                ));
            }
        }
    }
    assert!(leaks.is_empty(), "leaks:\n{}", leaks.join("\n"));

    // The secrets are there for those the rule lets see them: the walk finds what it looks for.
    let mut seen_by_author = BTreeSet::new();
    let mut seen_by_moderator = BTreeSet::new();
    for url in &urls {
        seen_by_author.extend(markers_in(&app, url, Some(&author)).await.1);
        seen_by_moderator.extend(markers_in(&app, url, Some(&moderator)).await.1);
    }
    for m in [
        "quokkaheldtitle",
        "quokkaheld",
        "quokkareply",
        "quokkareason",
        "quokkahidden",
        "quokkaprivate",
    ] {
        assert!(
            seen_by_author.contains(m),
            "the author sees {m}: {seen_by_author:?}"
        );
    }
    for m in [
        "quokkaheldtitle",
        "quokkareply",
        "quokkarejected",
        "quokkahidden",
    ] {
        assert!(
            seen_by_moderator.contains(m),
            "a moderator sees {m}: {seen_by_moderator:?}"
        );
    }
}
