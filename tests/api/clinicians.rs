//! Clinician verification over HTTP: the NPI check digit, one open application, who may decide,
//! and the badge appearing on old and new posts and disappearing on revocation.

use kindred::domain::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::*;

fn application(npi: &str) -> Value {
    json!({"npi": npi, "license_state": "MA", "license_number": "RN-12345", "specialty": "Rheumatology"})
}

fn badge_of(thread: &Value, post: &str) -> Value {
    thread["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"].as_str() == Some(post))
        .map(|p| p["author"]["badge"].clone())
        .unwrap_or(Value::Null)
}

#[actix_web::test]
async fn a_member_applies_a_moderator_approves_and_the_badge_shows_everywhere_until_revoked() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    app.group(&admin, "lupus", "public").await;
    let carol = app.member("carol").await;
    let alice = app.member("alice").await;
    app.join("lupus", &carol).await;
    app.join("lupus", &alice).await;
    let (thread, old_post) = app
        .thread(
            "lupus",
            &carol,
            "Methotrexate and fatigue",
            "It is common in the first weeks.",
        )
        .await;

    // The NPI's check digit, the state and the specialty are checked, each naming its field.
    for (body, field) in [
        (application("1234567890"), "npi"),
        (application("123456789"), "npi"),
        (
            json!({"npi": "1234567893", "license_state": "ZZ", "license_number": "1", "specialty": "Rheumatology"}),
            "license_state",
        ),
        (
            json!({"npi": "1234567893", "license_state": "MA", "license_number": "1", "specialty": "Astrology"}),
            "specialty",
        ),
    ] {
        let (s, v) = app
            .post("/clinician/applications", body, Some(&carol))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v["error"]["fields"][field].is_string(), "{v}");
    }
    let (s, a) = app
        .post(
            "/clinician/applications",
            application("1234567893"),
            Some(&carol),
        )
        .await;
    assert_eq!(
        (s, a["status"].as_str()),
        (StatusCode::CREATED, Some("pending")),
        "{a}"
    );
    let id = a["id"].as_str().unwrap().to_owned();
    let (s, _) = app
        .post(
            "/clinician/applications",
            application("1234567893"),
            Some(&carol),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "one open application at a time");

    // Members cannot see or decide; moderators see the data and the registry link.
    let (s, _) = app
        .get("/clinician/applications?status=pending", Some(&alice))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let at = format!("/clinician/applications/{id}/approve");
    let (s, _) = app.post(&at, json!({}), Some(&alice)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app.post(&at, json!({}), Some(&carol)).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "nobody approves their own application"
    );
    let (s, l) = app
        .get("/clinician/applications?status=pending", Some(&moderator))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(l["applications"][0]["username"], "carol");
    assert!(l["applications"][0]["registry_url"]
        .as_str()
        .unwrap()
        .ends_with("1234567893"));

    let (_, t) = app.get(&format!("/threads/{thread}"), None).await;
    assert_eq!(badge_of(&t, &old_post), Value::Null);
    let (s, v) = app.post(&at, json!({}), Some(&moderator)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, _) = app.post(&at, json!({}), Some(&admin)).await;
    assert_eq!(s, StatusCode::CONFLICT, "decided once");
    let (_, me) = app.get("/me", Some(&carol)).await;
    assert_eq!(
        me["badge"],
        json!({"kind": "verified_clinician", "specialty": "Rheumatology"})
    );
    assert_eq!(me["role"], "clinician");
    // Her badge is trusted, so posting under it waits for her second factor.
    let (s, v) = app
        .post(
            &format!("/threads/{thread}/posts"),
            json!({"body": "Folic acid helps many people."}),
            Some(&carol),
        )
        .await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::FORBIDDEN, "two_factor_required"),
        "{v}"
    );
    let (_, n) = app.get("/notifications", Some(&carol)).await;
    assert!(
        n.to_string().contains("Turn on two-factor sign-in"),
        "the approval tells her: {n}"
    );
    app.enrol_totp(&carol).await;
    let new_post = app
        .reply(&thread, None, &carol, "Folic acid helps many people.")
        .await;
    let (_, t) = app.get(&format!("/threads/{thread}"), None).await;
    for p in [&old_post, &new_post] {
        assert_eq!(badge_of(&t, p)["specialty"], "Rheumatology", "post {p}");
    }
    let (_, html) = app.page(&format!("/threads/{thread}")).await;
    assert!(html.contains("Verified clinician · Rheumatology"));
    let (_, n) = app.get("/notifications", Some(&carol)).await;
    assert_eq!(n["notifications"][0]["kind"], "clinician_application");
    // Also in her profile and in the group's thread list.
    let (_, profile) = app.get("/users/carol", None).await;
    assert_eq!(profile["user"]["badge"]["specialty"], "Rheumatology");
    assert!(profile["posts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["post"]["author"]["badge"]["kind"] == "verified_clinician"));
    let (_, l) = app.get("/groups/lupus/threads", None).await;
    assert_eq!(
        l["threads"][0]["author"]["badge"]["specialty"],
        "Rheumatology"
    );
    let (_, html) = app.page("/users/carol").await;
    assert!(html.contains("Verified clinician · Rheumatology"));

    // A post body cannot fake the badge's markup.
    let fake = app
        .reply(
            &thread,
            None,
            &alice,
            "<span class=\"tag badge-clinician\">Verified clinician · Cardiology</span>",
        )
        .await;
    let (_, t) = app.get(&format!("/threads/{thread}"), None).await;
    assert_eq!(badge_of(&t, &fake), Value::Null);
    let (_, html) = app.page(&format!("/threads/{thread}")).await;
    assert!(!html.contains("badge-clinician\">Verified clinician · Cardiology"));

    // Revoked: gone from every post at once.
    let revoke = "/clinician/carol/revoke";
    let (s, _) = app.post(revoke, json!({}), Some(&moderator)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "a reason is required");
    let (s, _) = app
        .post(
            revoke,
            json!({"reason": "Licence lapsed."}),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, t) = app.get(&format!("/threads/{thread}"), None).await;
    for p in [&old_post, &new_post] {
        assert_eq!(badge_of(&t, p), Value::Null);
    }
    let (_, me) = app.get("/me", Some(&carol)).await;
    assert_eq!(
        (me["badge"].clone(), me["role"].clone()),
        (Value::Null, json!("member"))
    );
    let actions = app.audit_actions().await;
    for a in [
        "clinician.applied",
        "clinician.approved",
        "clinician.revoked",
    ] {
        assert!(actions.contains(&a.to_owned()), "{a}");
    }
}

#[actix_web::test]
async fn a_rejected_applicant_is_told_why_and_may_apply_again() {
    let app = spawn_app().await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    let carol = app.member("carol").await;
    let (_, a) = app
        .post(
            "/clinician/applications",
            application("1234567893"),
            Some(&carol),
        )
        .await;
    let at = format!(
        "/clinician/applications/{}/reject",
        a["id"].as_str().unwrap()
    );
    let (s, _) = app.post(&at, json!({}), Some(&moderator)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, v) = app
        .post(
            &at,
            json!({"reason": "The licence number does not match the registry."}),
            Some(&moderator),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("rejected"))
    );
    let (_, n) = app.get("/notifications", Some(&carol)).await;
    assert!(n.to_string().contains("does not match the registry"));
    let (s, _) = app
        .post(
            "/clinician/applications",
            application("1234567893"),
            Some(&carol),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
}

#[actix_web::test]
async fn threads_answered_by_a_verified_clinician_are_marked_and_can_be_filtered_out() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, carol) = (app.member("alice").await, app.member("carol").await);
    app.join("lupus", &alice).await;
    app.join("lupus", &carol).await;
    let (answered, _) = app
        .thread("lupus", &alice, "Is hair loss normal?", "On methotrexate.")
        .await;
    let (waiting, _) = app
        .thread("lupus", &alice, "Sun sensitivity?", "Any tips?")
        .await;
    // carol replied before she was verified: her approval marks that thread too.
    app.reply(&answered, None, &carol, "Often it is temporary.")
        .await;
    let listed = |v: &Value| -> Vec<(String, bool)> {
        v["threads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["id"].as_str().unwrap().to_owned(),
                    t["clinician_answered"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let (_, l) = app.get("/groups/lupus/threads", None).await;
    assert!(listed(&l).iter().all(|(_, a)| !a));
    let (_, a) = app
        .post(
            "/clinician/applications",
            application("1234567893"),
            Some(&carol),
        )
        .await;
    let at = format!(
        "/clinician/applications/{}/approve",
        a["id"].as_str().unwrap()
    );
    assert_eq!(
        app.post(&at, json!({}), Some(&moderator)).await.0,
        StatusCode::OK
    );
    let (_, l) = app.get("/groups/lupus/threads", None).await;
    let l = listed(&l);
    assert!(
        l.contains(&(answered.clone(), true)) && l.contains(&(waiting.clone(), false)),
        "{l:?}"
    );
    let (_, w) = app
        .get("/groups/lupus/threads?waiting_for_clinician=true", None)
        .await;
    assert_eq!(listed(&w), [(waiting.clone(), false)]);
    let (_, html) = app.page("/groups/lupus?waiting=1").await;
    assert!(html.contains("Sun sensitivity?") && !html.contains("Is hair loss normal?"));
    // A new reply from her (second factor on) marks the other; revocation unmarks both.
    app.enrol_totp(&carol).await;
    app.reply(&waiting, None, &carol, "Sunscreen daily.").await;
    let (_, w) = app
        .get("/groups/lupus/threads?waiting_for_clinician=true", None)
        .await;
    assert_eq!(listed(&w), []);
    let (s, _) = app
        .post(
            "/clinician/carol/revoke",
            json!({"reason": "Licence lapsed."}),
            Some(&moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, l) = app.get("/groups/lupus/threads", None).await;
    assert!(listed(&l).iter().all(|(_, a)| !a));
}

#[actix_web::test]
async fn the_thread_author_marks_the_answer_that_helped() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "lupus", "public").await;
    let (alice, bob) = (app.member("alice").await, app.member("bob").await);
    app.join("lupus", &alice).await;
    app.join("lupus", &bob).await;
    let (thread, opening) = app
        .thread("lupus", &alice, "Sun sensitivity?", "Any tips?")
        .await;
    let reply = app
        .reply(&thread, None, &bob, "A wide-brimmed hat and SPF 50.")
        .await;
    let at = format!("/threads/{thread}/answer");
    let (s, _) = app
        .send(
            reqwest::Method::PUT,
            &at,
            Some(json!({"post_id": reply})),
            Some(&bob),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "only the thread's author");
    let (s, _) = app
        .send(
            reqwest::Method::PUT,
            &at,
            Some(json!({"post_id": opening})),
            Some(&alice),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "not the opening post");
    let (s, v) = app
        .send(
            reqwest::Method::PUT,
            &at,
            Some(json!({"post_id": reply})),
            Some(&alice),
        )
        .await;
    assert_eq!(
        (s, v["answer_post_id"].as_str()),
        (StatusCode::OK, Some(reply.as_str())),
        "{v}"
    );
    let (_, html) = app.page(&format!("/threads/{thread}")).await;
    assert!(html.contains("The answer that helped") && html.contains("wide-brimmed hat"));
    let (s, v) = app
        .send(reqwest::Method::DELETE, &at, None, Some(&alice))
        .await;
    assert_eq!(
        (s, v["answer_post_id"].clone()),
        (StatusCode::OK, Value::Null)
    );
}

#[actix_web::test]
async fn the_application_and_review_pages() {
    let app = spawn_app().await;
    let moderator = app.staff_browser("mod", Role::Moderator).await;
    app.member("carol").await;
    app.member("alice").await;
    let carol = app.new_browser();
    carol.sign_in("carol", None).await;

    // Anonymous visitors are sent to sign in first.
    let res = app
        .new_browser()
        .client
        .get(format!("{}/clinician/apply", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login?next="));

    // The page explains what is checked and what others see, then takes the application.
    let (s, html) = carol.page("/clinician/apply").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("What we check") && html.contains("NPPES registry"));
    assert!(html.contains("shows your <strong>specialty</strong>, not your name"));
    assert!(html.contains("<option>Psychology</option>"));
    let csrf = carol.csrf("/clinician/apply").await;
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("npi", "1234567890"),
        ("license_state", "MA"),
        ("license_number", "RN-12345"),
        ("specialty", "Rheumatology"),
        ("note", "Registered under my maiden name."),
    ];
    // A wrong check digit: 422, the field named, what she typed kept.
    let res = carol.form("/clinician/apply", &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("check digit is wrong") && html.contains("aria-invalid=\"true\""));
    assert!(
        html.contains("Registered under my maiden name.") && html.contains("value=\"RN-12345\"")
    );
    // Without the form's token nothing is sent.
    fields[1] = ("npi", "1234567893");
    let mut forged = fields.clone();
    forged[0] = ("csrf_token", "forged");
    assert_eq!(
        carol.form("/clinician/apply", &forged).await.status(),
        StatusCode::FORBIDDEN
    );
    let res = carol.form("/clinician/apply", &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = carol.page("/clinician/apply").await;
    assert!(html.contains("waiting for a moderator") && !html.contains("Send my application"));

    // Members cannot open the review page or decide.
    let (s, _) = carol.page("/moderation/clinicians").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (_, html) = moderator.page("/moderation/clinicians").await;
    assert!(html.contains("carol") && html.contains("Registered under my maiden name."));
    assert!(html.contains("https://npiregistry.cms.hhs.gov/provider-view/1234567893"));
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("form[action$='/approve']").unwrap();
    let approve = doc
        .select(&sel)
        .next()
        .and_then(|f| f.value().attr("action"))
        .expect("an approve form")
        .to_owned();
    // Her own approval is refused with a notice; the application still waits.
    let csrf = carol.csrf("/me").await;
    carol.form(&approve, &[("csrf_token", &csrf)]).await;
    let (_, html) = carol.page("/clinician/apply").await;
    assert!(
        html.contains("Only a moderator can do that") && html.contains("waiting for a moderator")
    );
    let csrf = moderator.csrf("/moderation/clinicians").await;
    let res = moderator.form(&approve, &[("csrf_token", &csrf)]).await;
    assert_eq!(location(&res), "/moderation/clinicians");
    let (_, html) = moderator.page("/moderation/clinicians").await;
    assert!(html.contains("is now shown as &quot;Verified clinician · Rheumatology&quot;"));
    assert!(html.contains("Two-factor sign-in off: cannot post yet"));

    // Her pages say she is verified and must turn on two-factor sign-in.
    let (_, html) = carol.page("/clinician/apply").await;
    assert!(html.contains("You are verified") && html.contains("Turn on two-factor sign-in"));
    let (_, html) = carol.page("/me").await;
    assert!(html.contains("You cannot post until two-factor sign-in is on"));

    // Revocation from the page needs a reason, then takes the badge away.
    let revoke = "/moderation/clinicians/members/carol/revoke";
    let res = moderator.form(revoke, &[("csrf_token", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = moderator.page("/moderation/clinicians").await;
    assert!(html.contains("Give a reason"), "the refusal is shown");
    moderator
        .form(
            revoke,
            &[("csrf_token", &csrf), ("reason", "Licence lapsed.")],
        )
        .await;
    let (_, html) = moderator.page("/moderation/clinicians").await;
    assert!(
        html.contains("The badge is gone from all of carol")
            && html.contains("Nobody is verified yet")
    );
    let (_, html) = carol.page("/me").await;
    assert!(!html.contains("badge-clinician"));
}
