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

#[actix_web::test]
async fn thirty_parallel_wrong_sign_ins_get_at_most_the_limit_evaluated() {
    let app = spawn_app().await;
    app.register("pia").await;
    let attempts: Vec<_> = (0..30)
        .map(|_| {
            let (client, url) = (app.client.clone(), format!("{}/auth/login", app.api));
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&json!({"username": "pia", "password": "not the password 1"}))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for a in attempts {
        statuses.push(a.await.unwrap());
    }
    let evaluated = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(
        (1..=5).contains(&evaluated),
        "{evaluated} passwords were checked: {statuses:?}"
    );
    assert_eq!(evaluated + refused, 30, "{statuses:?}");
    let actions = app.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "sign_in.locked").count(),
        1,
        "{actions:?}"
    );
}

async fn send_as(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    app.client
        .request(method, format!("{}{path}", app.api))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn assert_throttled(res: &reqwest::Response, what: &str) {
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{what}");
    assert!(res.headers().contains_key("retry-after"), "{what}");
}

#[actix_web::test]
async fn a_lock_from_sign_ins_also_stops_password_checks_while_signed_in() {
    let app = spawn_app().await;
    let token = app.member("quinn").await;
    app.enrol_totp(&token).await;
    for _ in 0..5 {
        assert_eq!(
            wrong(&app, "quinn").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    use reqwest::Method;
    let checks = [
        (
            Method::POST,
            "/me/password",
            json!({"current_password": "not the password 1", "new_password": "a whole new password 77"}),
            json!({"current_password": PASSWORD, "new_password": "a whole new password 77"}),
        ),
        (
            Method::DELETE,
            "/me/2fa",
            json!({"password": "not the password 1"}),
            json!({"password": PASSWORD}),
        ),
        (
            Method::DELETE,
            "/me",
            json!({"password": "not the password 1", "posts": "delete"}),
            json!({"password": PASSWORD, "posts": "delete"}),
        ),
    ];
    for (method, path, wrong_body, right_body) in &checks {
        let res = send_as(&app, method.clone(), path, &token, wrong_body.clone()).await;
        assert_throttled(&res, &format!("{method} {path} with a wrong password"));
        let res = send_as(&app, method.clone(), path, &token, right_body.clone()).await;
        assert_throttled(&res, &format!("{method} {path} with the right password"));
    }
    // Once the wait is over the right password is accepted again.
    app.sql(
        "UPDATE throttle_events SET at = strftime('%Y-%m-%d %H:%M:%f', at, '-1 minute')",
        "UPDATE throttle_events SET at = at - INTERVAL '1 minute'",
    )
    .await;
    let (method, path, _, right_body) = &checks[1];
    let res = send_as(&app, method.clone(), path, &token, right_body.clone()).await;
    assert_eq!(
        res.status(),
        StatusCode::NO_CONTENT,
        "{path} after the wait"
    );
}

#[actix_web::test]
async fn wrong_passwords_while_signed_in_count_towards_the_same_lock() {
    let app = spawn_app().await;
    let token = app.member("rosa").await;
    for i in 0..5 {
        let res = send_as(
            &app,
            reqwest::Method::DELETE,
            "/me",
            &token,
            json!({"password": "not the password 1", "posts": "delete"}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let res = send_as(
        &app,
        reqwest::Method::POST,
        "/me/password",
        &token,
        json!({"current_password": PASSWORD, "new_password": "a whole new password 77"}),
    )
    .await;
    assert_throttled(&res, "password change after five wrong passwords");
    let (s, _) = app.login("rosa", None).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "sign-in shares the lock");
}

#[actix_web::test]
async fn the_pages_that_take_a_password_wait_out_the_lock_too() {
    let app = spawn_app().await;
    let token = app.member("sami").await;
    let (secret, recovery) = app.enrol_totp(&token).await;
    let browser = app.browser();
    browser.sign_in("sami", Some(&secret)).await;
    for _ in 0..5 {
        assert_eq!(wrong(&app, "sami").await.status(), StatusCode::UNAUTHORIZED);
    }
    let csrf = browser.csrf("/me/password").await;
    let forms: [(&str, Vec<(&str, &str)>); 3] = [
        (
            "/me/password",
            vec![
                ("current_password", PASSWORD),
                ("new_password", "a whole new password 77"),
                ("new_password_again", "a whole new password 77"),
            ],
        ),
        ("/me/2fa/disable", vec![("password", PASSWORD)]),
        (
            "/me/delete",
            vec![("password", PASSWORD), ("posts", "delete")],
        ),
    ];
    for (path, fields) in forms {
        let mut fields = fields;
        fields.push(("csrf_token", &csrf));
        let res = browser.form(path, &fields).await;
        assert_throttled(&res, path);
    }
    // Nothing was changed: the account still signs in with its password once the wait is over.
    app.sql(
        "UPDATE throttle_events SET at = strftime('%Y-%m-%d %H:%M:%f', at, '-1 minute')",
        "UPDATE throttle_events SET at = at - INTERVAL '1 minute'",
    )
    .await;
    let (s, v) = app.login("sami", Some(&recovery[0])).await;
    assert_eq!(s, StatusCode::OK, "{v}");
}
