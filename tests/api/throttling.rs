use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

async fn wrong(app: &TestApp, name: &str) -> reqwest::Response {
    app.client
        .post(format!("{}/auth/login", app.api))
        .json(&json!({"username": name, "password": "not the password 1"}))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn repeated_failures_lock_the_account_the_same_way_whether_or_not_it_exists() {
    let app = spawn_app().await;
    app.register("mia").await;
    for name in ["mia", "no-such-user"] {
        for i in 0..5 {
            let res = wrong(&app, name).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{name} attempt {i}");
        }
        let res = wrong(&app, name).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{name}");
        let retry: u64 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=30).contains(&retry), "Retry-After {retry}");
        let (_, v) = body(res).await;
        assert_eq!(code(&v), "rate_limited");
        assert!(v["error"]["message"].as_str().unwrap().contains("wait"));
    }
    // Even the right password waits out the lock.
    let (s, _) = app.login("mia", None).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    // Another account from the same address is not locked.
    app.register("noor").await;
    let (s, _) = app.login("noor", None).await;
    assert_eq!(s, StatusCode::OK);
    let actions = app.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "sign_in.locked").count(),
        2,
        "{actions:?}"
    );
}

#[actix_web::test]
async fn the_lock_lifts_after_the_wait_and_grows_with_more_failures() {
    let app = spawn_app().await;
    app.register("omar").await;
    for _ in 0..5 {
        wrong(&app, "omar").await;
    }
    assert_eq!(
        wrong(&app, "omar").await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // Age the failures by a minute, as if the member waited.
    app.sql(
        "UPDATE throttle_events SET at = strftime('%Y-%m-%d %H:%M:%f', at, '-1 minute')",
        "UPDATE throttle_events SET at = at - INTERVAL '1 minute'",
    )
    .await;
    let (s, _) = app.login("omar", None).await;
    assert_eq!(s, StatusCode::OK, "the lock should have lifted");
}

#[actix_web::test]
async fn registration_is_rate_limited_per_address() {
    let app = spawn_app_with(&["--registrations-per-hour", "2"]).await;
    app.register("p1-user").await;
    app.register("p2-user").await;
    let res = app
        .client
        .post(format!("{}/auth/register", app.api))
        .json(&json!({"username": "p3-user", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
}
