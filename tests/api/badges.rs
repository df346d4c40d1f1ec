//! What a badge stands for and until when (issue 18): the public provenance page, expiry with a
//! notice 30 days before, and the badge leaving every post when it ends. The clock is moved by
//! calling the sweep with a later time, as the server's own timer would.

use reqwest::StatusCode;
use serde_json::Value;
use time::Duration;

use crate::helpers::*;

async fn sweep_at(app: &TestApp, later: Duration) -> kindred::badges::Swept {
    app.state
        .db
        .write(move |conn| kindred::badges::sweep(conn, kindred::db::now() + later))
        .await
        .expect("sweep")
}

fn kinds(v: &Value) -> Vec<String> {
    v["notifications"]
        .as_array()
        .map(|n| {
            n.iter()
                .filter_map(|n| n["kind"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_badge_says_what_was_checked_by_whom_and_until_when_and_never_the_numbers() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, _) = app.get("/clinicians/carol", None).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "not verified yet");
    app.verified_carol(&f).await;

    let (s, v) = app.get("/clinicians/carol", None).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["username"], "carol");
    assert_eq!(v["specialty"], "Rheumatology");
    assert_eq!(v["verified_by"], "mod");
    assert_eq!(v["license_state"], "MA");
    let checked: Vec<&str> = v["checked"]
        .as_array()
        .map(|c| c.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(checked.contains(&"npi_check_digit") && checked.contains(&"license_state"));
    let text = v.to_string();
    assert!(
        !text.contains("1234567893") && !text.contains("RN-12345"),
        "{text}"
    );
    let at = |k: &str| {
        time::OffsetDateTime::parse(
            v[k].as_str().unwrap_or(""),
            &time::format_description::well_known::Rfc3339,
        )
        .expect(k)
    };
    let days = (at("expires_at") - at("verified_at")).whole_days();
    assert!(
        (364..=366).contains(&days),
        "12 months by default: {days} days"
    );

    // The page behind the badge, linked from her posts.
    let (s, html) = app.page("/clinicians/carol").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("moderator mod") && html.contains("check digit"),
        "{html}"
    );
    assert!(!html.contains("1234567893") && !html.contains("RN-12345"));
    let (s, _) = app.page("/clinicians/alice").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_badge_is_noticed_thirty_days_before_and_leaves_every_post_when_it_ends() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let carol = app.verified_carol(&f).await;
    let thread = f.thread.clone();
    let badge_on_her_post = |v: &Value| {
        v["posts"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["author"]["username"] == "carol"))
            .map(|p| !p["author"]["badge"].is_null())
    };
    let (_, t) = app.get(&format!("/threads/{thread}"), Some(&f.alice)).await;
    assert_eq!(badge_on_her_post(&t), Some(true), "{t}");

    // Ten months on, nothing; eleven and a half, one notice (and only one).
    assert_eq!(
        sweep_at(&app, Duration::days(300)).await,
        kindred::badges::Swept::default()
    );
    let notice = sweep_at(&app, Duration::days(350)).await;
    assert_eq!((notice.noticed, notice.expired), (1, 0));
    assert_eq!(sweep_at(&app, Duration::days(351)).await.noticed, 0);
    let (_, inbox) = app.get("/notifications", Some(&carol)).await;
    assert!(
        kinds(&inbox).contains(&"clinician_expiring".to_owned()),
        "{inbox}"
    );

    // Past the end: the badge, the role and the page go; she is told; the audit log says so.
    let ended = sweep_at(&app, Duration::days(370)).await;
    assert_eq!(ended.expired, 1);
    let (s, _) = app.get("/clinicians/carol", None).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, t) = app.get(&format!("/threads/{thread}"), Some(&f.alice)).await;
    assert_eq!(badge_on_her_post(&t), Some(false), "{t}");
    let (_, inbox) = app.get("/notifications", Some(&carol)).await;
    assert!(
        kinds(&inbox).contains(&"clinician_expired".to_owned()),
        "{inbox}"
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"clinician.expired".to_owned()));
    assert_eq!(
        sweep_at(&app, Duration::days(400)).await,
        kindred::badges::Swept::default()
    );
}

#[actix_web::test]
async fn the_badge_length_is_configurable() {
    let app = spawn_app_with(&["--badge-months", "1"]).await;
    let f = forum(&app).await;
    app.verified_carol(&f).await;
    assert_eq!(
        sweep_at(&app, Duration::days(2)).await.noticed,
        1,
        "inside the 30 days at once"
    );
    assert_eq!(sweep_at(&app, Duration::days(32)).await.expired, 1);
}
