//! Privacy around the post (issue 18): pages say noindex unless an admin opens a public group to
//! search engines; members who report a post hear the outcome.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

fn robots(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get("x-robots-tag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

async fn fetch(app: &TestApp, path: &str) -> (StatusCode, Option<String>, String) {
    let res = app
        .client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("request");
    let (status, tag) = (res.status(), robots(&res));
    (status, tag, res.text().await.unwrap_or_default())
}

const META: &str = r#"<meta name="robots" content="noindex, nofollow">"#;

#[actix_web::test]
async fn every_page_says_noindex_until_an_admin_opens_a_public_group() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    app.group(&f.admin, "members-only", "registered").await;
    let group_page = "/groups/lupus".to_owned();
    let thread_page = format!("/threads/{}", f.thread);
    for path in [
        "/",
        "/groups",
        "/login",
        "/no-such-page",
        &group_page,
        &thread_page,
    ] {
        let (_, tag, html) = fetch(&app, path).await;
        assert_eq!(tag.as_deref(), Some("noindex, nofollow"), "{path}");
        assert!(html.contains(META), "{path} has no robots meta");
    }
    let res = app
        .client
        .get(format!("{}/groups", app.api))
        .send()
        .await
        .expect("api");
    assert_eq!(
        robots(&res).as_deref(),
        Some("noindex, nofollow"),
        "the API too"
    );

    // Only admins open a group, and only a public one.
    let (s, _) = app
        .send(
            Method::PATCH,
            "/groups/lupus",
            Some(json!({"indexable": true})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app
        .send(
            Method::PATCH,
            "/groups/members-only",
            Some(json!({"indexable": true})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, v) = app
        .send(
            Method::PATCH,
            "/groups/lupus",
            Some(json!({"indexable": true})),
            Some(&f.admin),
        )
        .await;
    assert_eq!((s, &v["indexable"]), (StatusCode::OK, &json!(true)), "{v}");
    for path in [&group_page, &thread_page] {
        let (s, tag, html) = fetch(&app, path).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(tag, None, "{path} is open to search engines");
        assert!(!html.contains(META), "{path}");
    }
    // Everything else still says noindex, and making the group registered closes it again.
    let (_, tag, _) = fetch(&app, "/groups/gout").await;
    assert_eq!(tag.as_deref(), Some("noindex, nofollow"));
    let (s, v) = app
        .send(
            Method::PATCH,
            "/groups/lupus",
            Some(json!({"visibility": "registered"})),
            Some(&f.admin),
        )
        .await;
    assert_eq!((s, &v["indexable"]), (StatusCode::OK, &json!(false)), "{v}");
    let (_, tag, _) = fetch(&app, &group_page).await;
    assert_eq!(tag.as_deref(), Some("noindex, nofollow"));
}

fn outcomes(v: &Value) -> Vec<String> {
    v["notifications"]
        .as_array()
        .map(|n| {
            n.iter()
                .filter(|n| n["kind"] == "report_outcome")
                .filter_map(|n| n["text"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn reporters_hear_whether_action_was_taken_and_nothing_more() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let kept = app
        .reply(&f.thread, None, &f.bob, "Pacing helps me most.")
        .await;
    let removed = app
        .reply(&f.thread, None, &f.bob, "Stop every medicine now.")
        .await;
    for (post, by) in [
        (&kept, &f.alice),
        (&removed, &f.alice),
        (&removed, &f.carol),
    ] {
        let (s, v) = app
            .post(
                &format!("/posts/{post}/flags"),
                json!({"reason": "misinformation"}),
                Some(by),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
    }
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{kept}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, inbox) = app.get("/notifications", Some(&f.alice)).await;
    assert_eq!(outcomes(&inbox).len(), 1, "{inbox}");
    assert!(outcomes(&inbox)[0].contains("no action"), "{inbox}");

    let reason = "Dangerous advice; the member is suspended for a week";
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{removed}/remove"),
            json!({"reason": reason}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    for who in [&f.alice, &f.carol] {
        let (_, inbox) = app.get("/notifications", Some(who)).await;
        let told = outcomes(&inbox);
        assert!(told.iter().any(|t| t.contains("took action")), "{inbox}");
        assert!(
            !inbox.to_string().contains("suspended"),
            "the moderator's reason is for the author only: {inbox}"
        );
    }
    // The author is told the reason; nobody who did not report hears anything.
    let (_, inbox) = app.get("/notifications", Some(&f.bob)).await;
    assert!(outcomes(&inbox).is_empty());
    assert!(inbox.to_string().contains(reason));
}

#[actix_web::test]
async fn a_member_reading_faster_than_a_person_is_slowed_and_the_admins_told_once() {
    let app = spawn_app_with(&["--reads-per-minute", "5"]).await;
    let f = forum(&app).await;
    let path = format!("/threads/{}", f.thread);
    for n in 0..5 {
        let (s, v) = app.get(&path, Some(&f.alice)).await;
        assert_eq!(s, StatusCode::OK, "read {n}: {v}");
    }
    let res = app
        .client
        .get(format!("{}{path}", app.api))
        .bearer_auth(&f.alice)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok()?.parse().ok())
        .expect("Retry-After");
    assert!((1..=60).contains(&wait), "{wait}");
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["error"]["code"], "rate_limited", "{v}");
    // Again: still slowed, and the admins were told once.
    let (s, _) = app.get(&path, Some(&f.alice)).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    let (_, inbox) = app.get("/notifications", Some(&f.admin)).await;
    let alerts: Vec<&Value> = inbox["notifications"]
        .as_array()
        .map(|n| {
            n.iter()
                .filter(|n| n["kind"] == "bulk_read_alert")
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(alerts.len(), 1, "{inbox}");
    assert!(alerts[0]["text"]
        .as_str()
        .unwrap_or_default()
        .contains("alice"));
    // Another member and anonymous readers are not affected.
    let (s, _) = app.get(&path, Some(&f.bob)).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app.get(&path, None).await;
    assert_eq!(s, StatusCode::OK);
}

#[actix_web::test]
async fn a_removed_post_is_appealed_once_and_answered_by_another_moderator() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let second = app
        .staff_with_2fa("second", kindred::domain::Role::Moderator)
        .await;
    let post = app
        .reply(&f.thread, None, &f.bob, "Ginger tea helps my joints.")
        .await;
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{post}/remove"),
            json!({"reason": "Looks like an advert"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");

    // Only the author may appeal, in words, once.
    let body = json!({"post_id": post, "text": "It is my own experience, not an advert."});
    let (s, _) = app.post("/appeals", body.clone(), Some(&f.alice)).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, v) = app
        .post(
            "/appeals",
            json!({"post_id": post, "text": ""}),
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, v) = app.post("/appeals", body.clone(), Some(&f.bob)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "open");
    let appeal = v["id"].as_str().unwrap_or_default().to_owned();
    let (s, _) = app.post("/appeals", body, Some(&f.bob)).await;
    assert_eq!(s, StatusCode::CONFLICT);

    // Members do not see the list; the deciding moderator may not answer it.
    let (s, _) = app.get("/moderation/appeals", Some(&f.bob)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app.get("/moderation/appeals", Some(&second)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["appeals"][0]["id"], appeal.as_str(), "{v}");
    let overturn = format!("/moderation/appeals/{appeal}/overturn");
    let (s, v) = app
        .post(
            &overturn,
            json!({"reason": "Fair point"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert_eq!(v["error"]["code"], "same_moderator");

    let (s, v) = app
        .post(
            &overturn,
            json!({"reason": "A personal experience, not an advert."}),
            Some(&second),
        )
        .await;
    assert_eq!(
        (s, &v["status"]),
        (StatusCode::OK, &json!("overturned")),
        "{v}"
    );
    let (s, _) = app
        .post(&overturn, json!({"reason": "again"}), Some(&second))
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "answered once");
    // The post is public again; both sides are told; the audit log has each step.
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert!(t.to_string().contains("Ginger tea"), "{t}");
    for who in [&f.bob, &f.moderator] {
        let (_, inbox) = app.get("/notifications", Some(who)).await;
        assert!(inbox.to_string().contains("appeal_outcome"), "{inbox}");
    }
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"appeal.opened".to_owned()));
    assert!(actions.contains(&"appeal.overturned".to_owned()));
}

#[actix_web::test]
async fn a_member_appeals_in_the_pages_and_a_second_moderator_answers_there() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let post = app
        .reply(&f.thread, None, &f.bob, "Ginger tea helps my joints.")
        .await;
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{post}/remove"),
            json!({"reason": "Looks like an advert"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");

    // The author finds the way to appeal under their post, and only they do.
    let bob = app.new_browser();
    bob.sign_in("bob", None).await;
    let appeal_link = format!("/appeals/new?post={post}");
    let (_, page) = bob.page(&format!("/threads/{}", f.thread)).await;
    assert!(page.contains(&appeal_link), "no appeal link for the author");
    let carol = app.new_browser();
    carol.sign_in("carol", None).await;
    let (_, page) = carol.page(&format!("/threads/{}", f.thread)).await;
    assert!(
        !page.contains("/appeals/new"),
        "another member is offered an appeal"
    );

    // An identifier in the appeal is refused, naming its kind, with the text kept to mend.
    let (s, form) = bob.page(&appeal_link).await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains("Why should the decision change?"));
    let csrf = bob.csrf(&appeal_link).await;
    let risky = "It is my own experience; ring me on 617-555-0199 to check.";
    let res = bob
        .form(
            "/appeals",
            &[("csrf_token", &csrf), ("post_id", &post), ("text", risky)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    assert!(
        again.contains("phone") && again.contains("ring me on"),
        "{again}"
    );
    let text = "It is my own experience, not an advert.";
    let res = bob
        .form(
            "/appeals",
            &[("csrf_token", &csrf), ("post_id", &post), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/notifications");
    // Once only: the second time says so on the form.
    let res = bob
        .form(
            "/appeals",
            &[("csrf_token", &csrf), ("post_id", &post), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = bob.page("/notifications").await;
    assert!(page.contains("appealed this decision already"), "{page}");

    // Members may not open the moderators' page.
    let (s, _) = carol.page("/moderation/appeals").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // A second moderator sees the appeal with the decision and answers it there.
    app.staff("second", kindred::domain::Role::Moderator);
    let (_, t) = app.login("second", None).await;
    let (secret, _) = app.enrol_totp(t["access_token"].as_str().unwrap()).await;
    let second = app.new_browser();
    second.sign_in("second", Some(&secret)).await;
    let (s, page) = second.page("/moderation/appeals").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(text) && page.contains("Looks like an advert"),
        "{page}"
    );
    assert!(
        page.contains(&format!("#post-{post}")),
        "no link to the post"
    );
    let (_, v) = app.get("/moderation/appeals", Some(&f.moderator)).await;
    let appeal = v["appeals"][0]["id"].as_str().unwrap().to_owned();
    let csrf = second.csrf("/moderation/appeals").await;
    let answer = format!("/moderation/appeals/{appeal}/overturn");
    let res = second
        .form(
            &answer,
            &[("csrf_token", &csrf), ("reason", "Mrs Kowalski said so")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = second.page("/moderation/appeals").await;
    assert!(
        page.contains("Take that out"),
        "a name in the reason was not refused"
    );
    let res = second
        .form(
            &answer,
            &[
                ("csrf_token", &csrf),
                ("reason", "A personal experience, not an advert."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = second.page("/moderation/appeals").await;
    assert!(page.contains("Appeal overturned") && page.contains("No open appeals"));
    // The post is back, and the appeal is in the member's data export.
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert!(t.to_string().contains("Ginger tea"));
    let (s, export) = app.get("/me/export", Some(&f.bob)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(export["appeals"][0]["status"], "overturned", "{export}");
    assert_eq!(export["appeals"][0]["text"], text);
    assert!(
        !export["appeals"].to_string().contains("second"),
        "a moderator's name"
    );
}

#[actix_web::test]
async fn a_reveal_reason_with_an_identifier_is_refused_and_nothing_is_shown() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "My neighbour Tomasz Nowak drove me, call 617-555-0199."}),
            Some(&f.bob),
        )
        .await;
    assert_eq!(
        (s, &v["status"]),
        (StatusCode::CREATED, &json!("held")),
        "{v}"
    );
    let id = v["id"].as_str().unwrap();
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{id}/reveal"),
            json!({"reason": "checking 617-555-0199 is his"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(
        !v.to_string().contains("Nowak") && !v.to_string().contains("0199"),
        "{v}"
    );
    assert!(!app
        .audit_actions()
        .await
        .contains(&"post.revealed".to_owned()));
}

/// Every way in a crawler or a curious member might try, pages and API, with and without a
/// searching for other words of its title `{s}` and text `{b}` (a search page repeats its own
/// query); `{t}` is the thread, `{p}` its opening post, `{a}` its author.
const DOORS: [&str; 22] = [
    "/",
    "/groups",
    "/groups/{g}",
    "/groups/{g}?page=2",
    "/threads/{t}",
    "/threads/{t}?page=2",
    "/threads/{t}/no-such-page",
    "/posts/{p}/report",
    "/posts/{p}/quote",
    "/posts/{p}/edit",
    "/search?q={s}",
    "/search?q={b}",
    "/users/{a}",
    "/clinicians/{a}",
    "/api/v1/groups",
    "/api/v1/groups/{g}",
    "/api/v1/groups/{g}/threads",
    "/api/v1/threads/{t}",
    "/api/v1/posts/{p}/revisions",
    "/api/v1/search?q={s}",
    "/api/v1/users/{a}",
    "/api/v1/clinicians/{a}",
];

#[actix_web::test]
async fn no_response_to_an_outsider_holds_a_word_of_a_members_only_group() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    // A registered group (anyone signed in reads it) and a private one (members only), each with
    // a thread whose title and text an outsider must never meet.
    let mut places = Vec::new();
    // Words of their own for each, so that what a signed-in outsider may read of the registered
    // group is not mistaken for the private one.
    for (slug, visibility, secret, title, body) in [
        (
            "signed-in-only",
            "registered",
            ["Quillwort", "Marshmallow"],
            "tincture",
            "root",
        ),
        (
            "rare-kids",
            "private",
            ["Bladderwrack", "Meadowsweet"],
            "poultice",
            "leaf",
        ),
    ] {
        app.group(&f.admin, slug, visibility).await;
        assert_eq!(app.join(slug, &f.admin).await, "member");
        let (thread, post) = app
            .thread(
                slug,
                &f.admin,
                &format!("{} {title}", secret[0]),
                &format!("{} {body} tea at night.", secret[1]),
            )
            .await;
        places.push((slug, visibility, thread, post, secret, title, body));
    }
    let anonymous = app.new_browser();
    let outsider = app.new_browser();
    outsider.sign_in("carol", None).await;
    for (slug, visibility, thread, post, secret, title, body) in &places {
        let who: Vec<(&str, &Browser<'_>, Option<&str>)> = if *visibility == "private" {
            vec![
                ("anonymous", &anonymous, None),
                ("a non-member", &outsider, Some(&f.carol)),
            ]
        } else {
            vec![("anonymous", &anonymous, None)]
        };
        for (name, browser, token) in who {
            for door in DOORS {
                let path = door
                    .replace("{g}", slug)
                    .replace("{t}", thread)
                    .replace("{p}", post)
                    .replace("{a}", "root")
                    .replace("{s}", title)
                    .replace("{b}", body);
                let (status, text) = if let Some(api) = path.strip_prefix("/api/v1") {
                    let (s, v) = app.get(api, token).await;
                    (s, v.to_string())
                } else {
                    browser.page(&path).await
                };
                for word in secret {
                    assert!(
                        !text.contains(word),
                        "{name} read {word:?} of the {visibility} group at {path} ({status}):\n{}",
                        &text[..text.len().min(600)]
                    );
                }
                assert!(status.as_u16() < 500, "{path}: {status}");
            }
        }
        // The doors are real: a member finds the words through them.
        for door in ["/threads/{t}", "/search?q={s}"] {
            let path = door.replace("{t}", thread).replace("{s}", title);
            let (_, v) = app.get(&path, Some(&f.admin)).await;
            assert!(v.to_string().contains(secret[0]), "a member at {path}: {v}");
        }
    }
}
