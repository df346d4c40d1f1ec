//! The moderation queue over HTTP: what enters it, who may see it, each decision and what the
//! author, members and moderators see after, the race between two moderators, notifications.

use kindred::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::queue_item as item;
use crate::helpers::*;

fn has_post(thread: &Value, id: &str) -> bool {
    thread["posts"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p["id"].as_str() == Some(id)))
}

async fn flag(app: &TestApp, post: &str, token: &str, reason: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/posts/{post}/flags"),
        json!({ "reason": reason, "note": "please look" }),
        Some(token),
    )
    .await
}

#[actix_web::test]
async fn held_and_reported_posts_reach_the_queue_of_those_allowed_to_see_it() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let held = held_reply(&app, &f).await;
    let reply = app
        .reply(&f.thread, None, &f.bob, "Pacing helps me most.")
        .await;
    assert_eq!(
        flag(&app, &reply, &f.alice, "misinformation").await.0,
        StatusCode::CREATED
    );

    let (s, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::OK, "{q}");
    let h = item(&q, &held).expect("the held post is queued");
    assert_eq!(h["reasons"], json!(["phi"]));
    assert_eq!(h["post"]["phi"].as_array().map(Vec::len), Some(3));
    assert_eq!(h["author"]["username"], "alice");
    assert_eq!(
        h["parent"]["author"], "carol",
        "the post it answers, for context"
    );
    let r = item(&q, &reply).expect("the reported post is queued");
    assert_eq!(r["reasons"], json!(["flag"]));
    assert_eq!(r["flags"][0]["reason"], "misinformation");
    assert_eq!(r["flags"][0]["note"], "please look");
    assert_eq!(h["masked"], true);
    assert!(
        !app.audit_actions()
            .await
            .contains(&"post.revealed".to_owned()),
        "reading the queue records nothing: it shows no hidden text"
    );

    // Members have no queue; nobody without a token either.
    let (s, v) = app.get("/moderation/queue", Some(&f.alice)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    let (s, _) = app.get("/moderation/queue", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    // A group moderator sees their groups' items only, and acts only there.
    let dave = app.member("dave").await;
    app.join("gout", &dave).await;
    let (s, _) = app
        .send(
            Method::PUT,
            "/groups/gout/moderators/dave",
            None,
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    app.enrol_totp(&dave).await;
    let (s, q) = app.get("/moderation/queue", Some(&dave)).await;
    assert_eq!(s, StatusCode::OK, "{q}");
    assert_eq!(q["items"], json!([]));
    let (s, _) = app
        .post(
            &format!("/moderation/posts/{held}/approve"),
            json!({}),
            Some(&dave),
        )
        .await;
    // Held in a group dave does not moderate: to him it does not exist.
    assert_eq!(s, StatusCode::NOT_FOUND);
    // The filters.
    let (_, q) = app
        .get("/moderation/queue?reason=flag", Some(&f.moderator))
        .await;
    assert!(item(&q, &held).is_none() && item(&q, &reply).is_some());
    let (_, q) = app
        .get("/moderation/queue?group=gout", Some(&f.moderator))
        .await;
    assert_eq!(q["items"], json!([]));
}

#[actix_web::test]
async fn reports_follow_the_rules() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let reply = app
        .reply(&f.thread, None, &f.bob, "Pacing helps me most.")
        .await;
    let (s, v) = flag(&app, &reply, &f.bob, "spam").await;
    assert_eq!((s, code(&v)), (StatusCode::FORBIDDEN, "own_post"), "{v}");
    let (s, v) = flag(&app, &reply, &f.alice, "rude").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(
        flag(&app, &reply, &f.alice, "spam").await.0,
        StatusCode::CREATED
    );
    let (s, v) = flag(&app, &reply, &f.alice, "spam").await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    let held = held_reply(&app, &f).await;
    assert_eq!(
        flag(&app, &held, &f.bob, "phi").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        flag(&app, "999999", &f.bob, "phi").await.0,
        StatusCode::NOT_FOUND
    );
    let (s, _) = app
        .post(
            &format!("/posts/{reply}/flags"),
            json!({"reason": "spam"}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn three_reports_hide_a_post_until_a_moderator_decides_and_self_harm_is_urgent() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let dave = app.member("dave").await;
    app.join("lupus", &dave).await;
    let first = app
        .reply(&f.thread, None, &f.bob, "Buy cheap pills at my site")
        .await;
    let second = app
        .reply(&f.thread, None, &f.bob, "I don't want to be here anymore")
        .await;
    for t in [&f.alice, &f.carol] {
        assert_eq!(flag(&app, &first, t, "spam").await.0, StatusCode::CREATED);
    }
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert_eq!(t["thread"]["reply_count"], 2, "two reports are not enough");
    assert_eq!(
        flag(&app, &first, &dave, "spam").await.0,
        StatusCode::CREATED
    );
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert!(
        !t.to_string().contains("cheap pills"),
        "hidden from readers"
    );
    assert_eq!(t["thread"]["reply_count"], 1);
    assert_eq!(
        flag(&app, &second, &f.alice, "self_harm").await.0,
        StatusCode::CREATED
    );

    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    let order: Vec<&str> = q["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["post"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [second.as_str(), first.as_str()],
        "urgent first, then oldest"
    );
    assert_eq!(q["items"][0]["urgent"], true);
    assert_eq!(
        item(&q, &first).unwrap()["reasons"],
        json!(["flag", "auto_hidden"])
    );

    // "Keep it up" dismisses the reports and puts it back.
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{first}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("published")),
        "{v}"
    );
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert!(t.to_string().contains("cheap pills"));
    assert_eq!(t["thread"]["reply_count"], 2);
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert!(item(&q, &first).is_none());
}

#[actix_web::test]
async fn a_rejected_phi_post_is_purged_and_its_author_told_why() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let held = held_reply(&app, &f).await;
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/reject"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required: {v}"
    );
    let why = "Contains your son's name and address.";
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/reject"),
            json!({ "reason": why }),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("rejected")),
        "{v}"
    );
    // The author sees what happened and why; the text is gone from the database.
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.alice))
        .await;
    let mine = t["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == json!(held))
        .unwrap();
    assert_eq!(mine["status"], "rejected");
    assert_eq!(mine["decision_reason"], why);
    assert_eq!(mine["body_html"], "");
    assert!(!t.to_string().contains("Nowak"));
    let (_, n) = app.get("/notifications", Some(&f.alice)).await;
    assert_eq!(n["unread"], 1, "{n}");
    assert_eq!(n["notifications"][0]["kind"], "post_rejected");
    assert!(n["notifications"][0]["text"]
        .as_str()
        .unwrap()
        .contains(why));
    assert!(!n.to_string().contains("Nowak"), "no PHI in notifications");
    // Others never saw it; it is no longer queued; the decision is audited.
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.bob))
        .await;
    assert!(!has_post(&t, &held));
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert!(item(&q, &held).is_none());
    assert!(app
        .audit_actions()
        .await
        .contains(&"moderation.rejected".to_owned()));
    // Deciding again says who decided.
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/approve"),
            json!({}),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    assert!(v.to_string().contains("Already rejected by mod"), "{v}");
    let (s, _) = app
        .post("/notifications/read", json!({}), Some(&f.alice))
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, n) = app.get("/notifications", Some(&f.alice)).await;
    assert_eq!(n["unread"], 0);
}

#[actix_web::test]
async fn approving_publishes_and_remove_restore_round_trip() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let held = held_reply(&app, &f).await;
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("published")),
        "{v}"
    );
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.bob))
        .await;
    assert!(has_post(&t, &held));
    assert_eq!(t["thread"]["reply_count"], 1);
    let (_, n) = app.get("/notifications", Some(&f.alice)).await;
    assert_eq!(n["notifications"][0]["kind"], "post_approved");

    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/remove"),
            json!({ "reason": "Off topic" }),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("removed")),
        "{v}"
    );
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.bob))
        .await;
    assert!(!has_post(&t, &held));
    assert_eq!(t["thread"]["reply_count"], 0);
    let (s, v) = app
        .post(
            &format!("/moderation/posts/{held}/restore"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("published")),
        "{v}"
    );
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.bob))
        .await;
    assert_eq!(t["thread"]["reply_count"], 1);
    let (s, _) = app
        .post(
            &format!("/moderation/posts/{held}/frobnicate"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn two_moderators_deciding_at_once_get_one_decision() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let other = app.staff_with_2fa("mod2", Role::Moderator).await;
    for round in 0..4 {
        let held = held_reply(&app, &f).await;
        let (approve_at, reject_at) = (
            format!("/moderation/posts/{held}/approve"),
            format!("/moderation/posts/{held}/reject"),
        );
        let approve = app.post(&approve_at, json!({}), Some(&f.moderator));
        let reject = app.post(
            &reject_at,
            json!({ "reason": "identifies a child" }),
            Some(&other),
        );
        let ((s1, v1), (s2, v2)) = tokio::join!(approve, reject);
        let mut got = [s1, s2];
        got.sort();
        assert_eq!(
            got,
            [StatusCode::OK, StatusCode::CONFLICT],
            "round {round}: {v1} {v2}"
        );
        let loser = if s1 == StatusCode::CONFLICT { &v1 } else { &v2 };
        assert!(loser.to_string().contains("Already"), "{loser}");
    }
    let decisions = app
        .audit_actions()
        .await
        .into_iter()
        .filter(|a| a == "moderation.approved" || a == "moderation.rejected")
        .count();
    assert_eq!(decisions, 4, "exactly one decision per item");
}

#[actix_web::test]
async fn members_hear_of_replies_to_their_posts() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (_, n) = app.get("/notifications", Some(&f.carol)).await;
    assert_eq!(n["unread"], 0);
    let reply = app
        .reply(&f.thread, None, &f.bob, "Pacing helps me most.")
        .await;
    app.reply(&f.thread, Some(&reply), &f.bob, "Replying to myself")
        .await;
    let (_, n) = app.get("/notifications", Some(&f.carol)).await;
    assert_eq!(n["unread"], 1, "{n}");
    assert_eq!(n["notifications"][0]["kind"], "reply");
    assert_eq!(
        n["notifications"][0]["link"],
        format!("/threads/{}?post={reply}#post-{reply}", f.thread)
    );
    let (_, n) = app.get("/notifications", Some(&f.bob)).await;
    assert_eq!(n["unread"], 0, "no notification of one's own reply");
}

#[actix_web::test]
async fn the_queue_page_works_the_queue_and_the_author_reads_the_notification() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let held = held_reply(&app, &f).await;
    let member = app.new_browser();
    member.sign_in("bob", None).await;
    let (s, _) = member.page("/moderation").await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // A moderator signs in with their second factor.
    let m = app.staff_browser("sam", Role::Moderator).await;
    let (s, html) = m.page("/moderation").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(&format!("id=\"item-{held}\"")));
    assert!(html.contains("<mark>[NAME]"), "masked in the queue");
    assert!(!html.contains("Tomasz"));
    let csrf = m.csrf("/moderation").await;
    let res = m
        .form(
            &format!("/moderation/posts/{held}/reject"),
            &[("csrf_token", &csrf), ("reason", "Names your son.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/moderation");
    let (_, html) = m.page("/moderation").await;
    assert!(html.contains("Rejected: the author has been told why."));
    assert!(!html.contains(&format!("id=\"item-{held}\"")));

    let author = app.new_browser();
    author.sign_in("alice", None).await;
    let (_, html) = author.page("/").await;
    assert!(
        html.contains("1 unread"),
        "the header shows the unread count"
    );
    let (_, html) = author.page("/notifications").await;
    assert!(html.contains("Reason: Names your son."));
    // Reading changes nothing (a prefetch must not mark anything read); the member's POST does.
    let (_, html) = author.page("/").await;
    assert!(html.contains("1 unread"), "still unread after a GET");
    let csrf = author.csrf("/notifications").await;
    let res = author
        .form("/notifications/read", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = author.page("/").await;
    assert!(!html.contains("unread"), "read once marked");
    let _ = (&f.carol, &f.bob);
}

#[actix_web::test]
async fn warnings_suspensions_and_bans_take_effect_are_told_and_can_be_lifted() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let path = "/moderation/users/bob/sanctions";
    // Members and group moderators cannot; a reason is required; staff are out of reach.
    let (s, _) = app
        .post(path, json!({"kind": "warn", "reason": "x"}), Some(&f.alice))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .post(
            path,
            json!({"kind": "warn", "reason": " "}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, _) = app
        .post(
            "/moderation/users/root/sanctions",
            json!({"kind": "ban", "reason": "no"}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    let (s, v) = app
        .post(
            path,
            json!({"kind": "warn", "reason": "Please keep it kind."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    app.reply(&f.thread, None, &f.bob, "A warning does not stop posting.")
        .await;

    let (s, v) = app
        .post(
            path,
            json!({"kind": "suspend", "reason": "Repeated harassment.", "days": 3}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let suspension = v["id"].as_str().unwrap().to_owned();
    let (s, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "hello"}),
            Some(&f.bob),
        )
        .await;
    assert_eq!((s, code(&v)), (StatusCode::FORBIDDEN, "suspended"), "{v}");
    assert!(
        v.to_string().contains("Repeated harassment."),
        "the member sees why: {v}"
    );
    // (A reply others can see: a held one would be not found, suspended or not.)
    let reply = app
        .reply(&f.thread, None, &f.alice, "Same here, rest helps.")
        .await;
    let (s, v) = flag(&app, &reply, &f.bob, "spam").await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::FORBIDDEN, "suspended"),
        "a suspended member cannot report: {v}"
    );
    let (s, _) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.bob))
        .await;
    assert_eq!(s, StatusCode::OK, "but can read");
    let (_, n) = app.get("/notifications", Some(&f.bob)).await;
    assert!(n.to_string().contains("Please keep it kind.") && n.to_string().contains("suspended"));

    let (s, _) = app
        .post(
            &format!("{path}/{suspension}/lift"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    app.reply(&f.thread, None, &f.bob, "Back, and kinder.")
        .await;

    let (s, _) = app
        .post(
            path,
            json!({"kind": "ban", "reason": "Spam accounts."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, v) = app.get("/me", Some(&f.bob)).await;
    assert_eq!(
        s,
        StatusCode::UNAUTHORIZED,
        "the ban ends existing tokens: {v}"
    );
    let (s, v) = app.login("bob", None).await;
    assert_eq!((s, code(&v)), (StatusCode::FORBIDDEN, "banned"), "{v}");
    let (_, list) = app.get(path, Some(&f.moderator)).await;
    assert_eq!(list["sanctions"].as_array().map(Vec::len), Some(3));
    let actions = app.audit_actions().await;
    for a in [
        "member.warned",
        "member.suspended",
        "member.banned",
        "member.sanction_lifted",
    ] {
        assert!(actions.contains(&a.to_owned()), "{a} audited");
    }
}

#[actix_web::test]
async fn admins_set_thresholds_and_new_members_first_posts_wait_for_a_moderator() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = app.get("/admin/settings", Some(&f.admin)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        v,
        json!({"auto_hide_reports": 3, "new_member_approvals": 0,
               "crisis_resources": kindred::moderation::settings::DEFAULT_CRISIS_RESOURCES})
    );
    let (s, _) = app.get("/admin/settings", Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app
        .send(
            Method::PUT,
            "/admin/settings",
            Some(json!({"auto_hide_reports": 0, "new_member_approvals": 1})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, _) = app
        .send(
            Method::PUT,
            "/admin/settings",
            Some(json!({"auto_hide_reports": 1, "new_member_approvals": 1})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::OK);

    // eve is new: her first post waits; her second (after approval) does not.
    let eve = app.member("eve").await;
    app.join("lupus", &eve).await;
    let (_, p) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "Hi all, new here."}),
            Some(&eve),
        )
        .await;
    assert_eq!(p["status"], "held");
    let first = p["id"].as_str().unwrap().to_owned();
    let (_, q) = app.get("/moderation/queue", Some(&f.moderator)).await;
    assert_eq!(item(&q, &first).unwrap()["reasons"], json!(["new_member"]));
    let (s, _) = app
        .post(
            &format!("/moderation/posts/{first}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, p) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "Thanks!"}),
            Some(&eve),
        )
        .await;
    assert_eq!(p["status"], "published");

    // One report is now enough to hide a post.
    let reply = app.reply(&f.thread, None, &f.carol, "Buy my pills").await;
    assert_eq!(
        flag(&app, &reply, &f.alice, "spam").await.0,
        StatusCode::CREATED
    );
    let (_, t) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert!(!has_post(&t, &reply));
    assert!(app
        .audit_actions()
        .await
        .contains(&"settings.changed".to_owned()));
    let _ = &f.carol;
}

#[actix_web::test]
async fn a_moderator_redacts_a_held_post_and_publishes_it() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let held = held_reply(&app, &f).await;
    let at = format!("/moderation/posts/{held}/edit-approve");
    let (s, v) = app
        .post(
            &at,
            json!({"body": "My son Tomasz Nowak was seen."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "still risky: {v}");
    let (s, _) = app
        .post(&at, json!({"body": "My son was seen."}), Some(&f.alice))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app
        .post(
            &at,
            json!({"body": "My son was seen at the clinic."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("published")),
        "{v}"
    );
    let (_, t) = app
        .get(&format!("/threads/{}", f.thread), Some(&f.bob))
        .await;
    assert!(has_post(&t, &held) && !t.to_string().contains("Nowak"));
    let (_, n) = app.get("/notifications", Some(&f.alice)).await;
    assert_eq!(n["notifications"][0]["kind"], "post_edited_and_approved");
    let (_, r) = app
        .get(&format!("/posts/{held}/revisions"), Some(&f.moderator))
        .await;
    assert!(
        !r.to_string().contains("Nowak"),
        "the risky text is not kept: {r}"
    );
    let (s, _) = app
        .post(&at, json!({"body": "again"}), Some(&f.moderator))
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
}

#[actix_web::test]
async fn moderators_lock_and_pin_from_the_thread_page_and_members_cannot() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let member = app.new_browser();
    member.sign_in("bob", None).await;
    let at = format!("/threads/{}", f.thread);
    let csrf = member.csrf(&at).await;
    let res = member
        .form(
            &format!("{at}/moderate"),
            &[("csrf_token", &csrf), ("locked", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (_, html) = member.page(&at).await;
    assert!(!html.contains("Lock thread"));

    let m = app.staff_browser("sam", Role::Moderator).await;
    let (_, html) = m.page(&at).await;
    assert!(html.contains("Lock thread") && html.contains("Pin to top"));
    let csrf = m.csrf(&at).await;
    let res = m
        .form(
            &format!("{at}/moderate"),
            &[("csrf_token", &csrf), ("locked", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, v) = app.get(&at, None).await;
    assert_eq!(v["thread"]["locked"], true);
    let (s, _) = app
        .post(
            &format!("{at}/posts"),
            json!({"body": "late"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a locked thread takes no replies");
}

#[actix_web::test]
async fn a_suspended_member_replying_through_the_page_is_told_why_and_keeps_their_text() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, _) = app
        .post(
            "/moderation/users/bob/sanctions",
            json!({"kind": "suspend", "reason": "Cooling-off period.", "days": 2}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let b = app.browser();
    b.sign_in("bob", None).await;
    let at = format!("/threads/{}", f.thread);
    let csrf = b.csrf(&at).await;
    let res = b
        .form(
            &format!("{at}/reply"),
            &[("csrf_token", &csrf), ("body", "My carefully typed reply")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let html = res.text().await.unwrap();
    assert!(html.contains("Cooling-off period."), "the reason is shown");
    assert!(
        html.contains("My carefully typed reply"),
        "the text is kept"
    );
}
