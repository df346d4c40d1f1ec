//! The forum's pages: browsing, joining, posting, replying, editing and deleting through forms.

use kindred::domain::Role;
use reqwest::StatusCode;

use crate::helpers::*;

#[actix_web::test]
async fn a_member_browses_joins_posts_replies_edits_and_deletes_through_the_pages() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "long-covid", "public").await;
    app.register("alice").await;
    app.browser().sign_in("alice", None).await;

    let (s, html) = app.page("/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("href=\"/groups/long-covid\""),
        "the home page lists groups"
    );
    let (s, html) = app.page("/groups/long-covid").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Join this group"));

    let csrf = app.csrf("/groups/long-covid").await;
    let res = app
        .form("/groups/long-covid/join", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.page("/groups/long-covid").await;
    assert!(html.contains("Start a conversation") && html.contains("You joined"));

    let csrf = app.csrf("/groups/long-covid/new").await;
    let res = app
        .form(
            "/groups/long-covid/new",
            &[
                ("csrf_token", &csrf),
                ("title", "A fine title"),
                ("body", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("There is a problem") && html.contains("Write something"),
        "the form says what is wrong"
    );
    let res = app
        .form(
            "/groups/long-covid/new",
            &[
                ("csrf_token", &csrf),
                ("title", "Brain fog at work"),
                ("body", "How do you *cope*?"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let thread_url = location(&res);
    assert!(thread_url.starts_with("/threads/"), "{thread_url}");

    let (s, html) = app.page(&thread_url).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Brain fog at work") && html.contains("<em>cope</em>"));
    let thread_id = thread_url.trim_start_matches("/threads/");
    let (_, v) = app.get(&format!("/threads/{thread_id}"), None).await;
    let first = v["posts"][0]["id"].as_str().unwrap().to_owned();

    let csrf = app.csrf(&thread_url).await;
    let res = app
        .form(
            &format!("{thread_url}/reply"),
            &[
                ("csrf_token", &csrf),
                ("body", "Replying to myself"),
                ("parent_id", &first),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let reply_at = location(&res);
    let reply_id = reply_at.rsplit("#post-").next().unwrap().to_owned();
    let res = app
        .form(
            &format!("{thread_url}/reply"),
            &[
                ("csrf_token", &csrf),
                ("body", "Deeper"),
                ("parent_id", &reply_id),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.page(&thread_url).await;
    assert!(
        html.contains("nest-1") && html.contains("nest-2"),
        "replies are shown nested"
    );
    // One composer a page, whatever the number of posts; "Reply" under a post is a link, which
    // without JavaScript leads to a page with the form alone.
    assert_eq!(html.matches("<textarea").count(), 1, "one composer");
    assert_eq!(html.matches("class=\"reply-link\"").count(), 3);
    let (s, form) = app.page(&format!("/posts/{reply_id}/reply")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        form.contains(&format!("name=\"parent_id\" value=\"{reply_id}\"")),
        "{form}"
    );
    assert!(form.contains("Your reply"));
    let (s, _) = app.page("/posts/999999/reply").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    let (s, html) = app.page(&format!("/posts/{reply_id}/edit")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Replying to myself</textarea>"));
    let res = app
        .form(
            &format!("/posts/{reply_id}/edit"),
            &[("csrf_token", &csrf), ("body", "Edited words")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.page(&thread_url).await;
    assert!(html.contains("Edited words") && html.contains("edited"));

    let res = app
        .form(
            &format!("/posts/{reply_id}/delete"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.page(&thread_url).await;
    assert!(
        html.contains("[deleted]") && !html.contains("Edited words") && html.contains("Deeper")
    );

    let (s, html) = app.page("/users/alice").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Brain fog at work"));

    // Without the CSRF token nothing is posted.
    let res = app
        .form(
            &format!("{thread_url}/reply"),
            &[("csrf_token", "nope"), ("body", "sneaky")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn outsiders_see_a_private_groups_door_but_not_its_rooms() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let alice = app.member("alice").await;
    app.group(&admin, "rare-kids", "private").await;
    app.join("rare-kids", &alice).await;
    app.send(
        reqwest::Method::PUT,
        "/groups/rare-kids/members/alice",
        None,
        Some(&admin),
    )
    .await;
    let (thread, _) = app
        .thread("rare-kids", &alice, "Our secret title", "our secret words")
        .await;

    let (s, html) = app.page("/groups/rare-kids").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("private") && !html.contains("Our secret title"));
    let (s, html) = app.page(&format!("/threads/{thread}")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(!html.contains("secret"));
    app.register("bob").await;
    app.browser().sign_in("bob", None).await;
    let (_, html) = app.page("/groups/rare-kids").await;
    assert!(html.contains("Ask to join"));
    let csrf = app.csrf("/groups/rare-kids").await;
    app.form("/groups/rare-kids/join", &[("csrf_token", &csrf)])
        .await;
    let (_, html) = app.page("/groups/rare-kids").await;
    assert!(html.contains("waiting for a moderator") && !html.contains("Our secret title"));
}

#[actix_web::test]
async fn a_member_reports_a_post_from_its_report_page() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    app.group(&admin, "migraine", "public").await;
    let alice = app.member("alice").await;
    app.join("migraine", &alice).await;
    let (thread, first) = app
        .thread("migraine", &alice, "Triggers", "Aged cheese sets mine off.")
        .await;
    let report = format!("/posts/{first}/report");

    // Anonymous readers are sent to sign in first.
    let (s, _) = app.new_browser().page(&report).await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    app.register("bob").await;
    let bob = app.browser();
    bob.sign_in("bob", None).await;
    let (_, html) = bob.page(&format!("/threads/{thread}")).await;
    assert!(
        html.contains(&format!("href=\"/posts/{first}/report\"")),
        "each post links to its report page"
    );
    assert!(
        !html.contains("name=\"reason\""),
        "no report form under every post"
    );
    let (s, html) = bob.page(&report).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("Aged cheese sets mine off."),
        "it quotes the post"
    );
    assert!(html.contains("name=\"reason\"") && html.contains("name=\"csrf_token\""));

    let csrf = bob.csrf(&report).await;
    let res = bob
        .form(
            &report,
            &[
                ("csrf_token", &csrf),
                ("reason", "misinformation"),
                ("note", "Not what my neurologist says."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        format!("/threads/{thread}?post={first}#post-{first}")
    );
    let (_, q) = app.get("/moderation/queue", Some(&admin)).await;
    assert!(
        q.to_string().contains(&first) && q.to_string().contains("misinformation"),
        "{q}"
    );

    // No CSRF token, no report; unknown posts are 404.
    let res = bob.form(&report, &[("reason", "spam")]).await;
    assert!(res.status().is_client_error());
    let (s, _) = bob.page("/posts/999999/report").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

/// The group page reads the session and the list in one pool trip (`threads::list_for_session`):
/// a cookie whose session is gone gets the page anyone gets, a signed-in member their own (with
/// the group's buttons), and a private group's list stays hidden from a signed-in non-member, who
/// is shown how to ask to join.
#[actix_web::test]
async fn the_group_page_reads_the_session_with_the_list_and_hides_a_private_list() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (listed, _) = app
        .thread("lupus", &f.alice, "Pacing on bad days", "What helps you?")
        .await;
    let (s, html) = app.page_with_stale_session("/groups/lupus").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(&format!("/threads/{listed}")), "the list");
    assert!(html.contains("href=\"/login"), "offered to sign in");
    assert!(!html.contains("/watch"), "no member's buttons");

    let alice = app.new_browser();
    alice.sign_in("alice", None).await;
    let (s, html) = alice.page("/groups/lupus").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(&format!("/threads/{listed}")), "the list");
    assert!(html.contains("/watch"), "the member's watch button");
    assert!(!html.contains("href=\"/login\""), "signed in");

    app.private_group_with(&f.admin, "private-circle", "carol", &f.carol)
        .await;
    let (hidden, _) = app
        .thread("private-circle", &f.carol, "Just us", "A quiet place.")
        .await;
    let carol = app.new_browser();
    carol.sign_in("carol", None).await;
    let (s, html) = carol.page("/groups/private-circle").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains(&format!("/threads/{hidden}")),
        "the member's list"
    );
    let (s, html) = alice.page("/groups/private-circle").await;
    assert_eq!(s, StatusCode::OK, "a private group still has a page");
    assert!(!html.contains(&format!("/threads/{hidden}")), "{html}");
    assert!(!html.contains("Just us"), "no title of a private thread");
    assert!(html.contains("/join"), "how to ask to join");
}

/// A reply or a new thread sent from a page's form reads the session in the post's own pool trip
/// (`Caller::Session`), as the API reads its bearer's account; a form sent after the session
/// ended (here: every session deleted, as signing out everywhere does) goes to the sign-in page
/// and writes nothing.
#[actix_web::test]
async fn a_post_from_a_form_is_one_pool_trip_and_after_the_session_ends_it_asks_to_sign_in() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    app.browser().sign_in("alice", None).await;
    let thread_url = format!("/threads/{}", f.thread);

    let csrf = app.csrf(&thread_url).await;
    let t0 = app.state.db.trips_taken();
    let res = app
        .form(
            &format!("{thread_url}/reply"),
            &[("csrf_token", &csrf), ("body", "Sent from the page.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&res).starts_with(&format!("{thread_url}?post=")),
        "{}",
        location(&res)
    );
    assert_eq!(app.state.db.trips_taken() - t0, 1, "pool trips for a reply");

    let csrf = app.csrf("/groups/lupus/new").await;
    let t0 = app.state.db.trips_taken();
    let res = app
        .form(
            "/groups/lupus/new",
            &[
                ("csrf_token", &csrf),
                ("title", "From the page"),
                ("body", "A new thread."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&res).starts_with("/threads/"),
        "{}",
        location(&res)
    );
    assert_eq!(
        app.state.db.trips_taken() - t0,
        1,
        "pool trips for a new thread"
    );

    let posts = app.all_posts(&f.thread, None).await.len();
    let csrf = app.csrf(&thread_url).await;
    app.state
        .db
        .write(|conn| {
            diesel::RunQueryDsl::execute(diesel::sql_query("DELETE FROM sessions"), conn)?;
            Ok(())
        })
        .await
        .expect("sessions ended");
    for (path, fields) in [
        (
            format!("{thread_url}/reply"),
            vec![("csrf_token", csrf.as_str()), ("body", "Lost?")],
        ),
        (
            "/groups/lupus/new".to_owned(),
            vec![
                ("csrf_token", csrf.as_str()),
                ("title", "Lost?"),
                ("body", "Lost?"),
            ],
        ),
    ] {
        let res = app.form(&path, &fields).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(
            location(&res).starts_with("/login?next="),
            "{path}: {}",
            location(&res)
        );
    }
    assert_eq!(
        app.all_posts(&f.thread, None).await.len(),
        posts,
        "nothing written"
    );
    let (_, v) = app.get("/groups/lupus/threads", None).await;
    assert!(!v.to_string().contains("Lost?"), "no thread written: {v}");
}
