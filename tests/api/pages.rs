//! The HTML pages: forms with CSRF, cookies, sign-in with the second step, sessions ending.

use reqwest::StatusCode;

use crate::helpers::*;

async fn register_in_browser(app: &TestApp, name: &str) -> reqwest::Response {
    let csrf = app.csrf("/register").await;
    app.form(
        "/register",
        &[
            ("csrf_token", &csrf),
            ("username", name),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
            ("email", ""),
        ],
    )
    .await
}

#[actix_web::test]
async fn pages_carry_strict_security_headers() {
    let app = spawn_app().await;
    let res = app.client.get(&app.base).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h.contains_key("referrer-policy"));
    assert!(
        !h.contains_key("strict-transport-security"),
        "HSTS without TLS"
    );
    let html = res.text().await.unwrap();
    assert!(!html.contains("<script>"), "inline script on a page");
    assert!(html.contains("Skip to main content"));

    let tls = spawn_app_with(&["--tls"]).await;
    let res = tls
        .client
        .get(format!("{}/login", tls.base))
        .send()
        .await
        .unwrap();
    assert!(res.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[actix_web::test]
async fn register_sign_out_and_sign_in_through_the_forms() {
    let app = spawn_app().await;
    let res = register_in_browser(&app, "quinn").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/me");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("kindred_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (s, html) = app.page("/me").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("quinn") && html.contains("Welcome to Kindred"),
        "the account page and its notice"
    );

    let csrf = app.csrf("/me").await;
    let res = app.form("/logout", &[("csrf_token", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .client
        .get(format!("{}/me", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?next=%2Fme");

    let csrf = app.csrf("/login").await;
    let res = app
        .form(
            "/login",
            &[
                ("csrf_token", &csrf),
                ("username", "quinn"),
                ("password", "wrong password!"),
                ("next", "/me"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("There is a problem") && html.contains("value=\"quinn\""),
        "error shown, name kept"
    );
    assert!(
        !html.contains("wrong password!"),
        "a typed password must never be echoed"
    );

    let res = app
        .form(
            "/login",
            &[
                ("csrf_token", &csrf),
                ("username", "quinn"),
                ("password", PASSWORD),
                ("next", "https://evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/", "an off-site next must not be followed");
}

#[actix_web::test]
async fn forms_without_a_valid_csrf_token_are_refused() {
    let app = spawn_app().await;
    app.page("/login").await; // gets this browser its CSRF cookie
    for token in ["", "0000", &"a".repeat(64)] {
        let res = app
            .form(
                "/login",
                &[
                    ("csrf_token", token),
                    ("username", "x-user"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "token {token:?}");
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(res.text().await.unwrap().contains("reload the page"));
    }
    // A token from another browser does not work with this browser's cookie.
    let foreign = app.new_browser().csrf("/register").await;
    let res = register_with_token(&app, &foreign).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (s, _) = app.login("mallory", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "no account was created");
}

async fn register_with_token(app: &TestApp, token: &str) -> reqwest::Response {
    app.form(
        "/register",
        &[
            ("csrf_token", token),
            ("username", "mallory"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
    )
    .await
}

#[actix_web::test]
async fn register_form_shows_problems_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let csrf = app.csrf("/register").await;
    let res = app
        .form(
            "/register",
            &[
                ("csrf_token", &csrf),
                ("username", "rosa"),
                ("password", "password"),
                ("password_again", "password"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("common passwords") && html.contains("value=\"rosa\""));
    let res = app
        .form(
            "/register",
            &[
                ("csrf_token", &csrf),
                ("username", "rosa"),
                ("password", PASSWORD),
                ("password_again", "different"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("not the same"));
}

#[actix_web::test]
async fn sign_in_with_two_factor_asks_for_the_code_on_a_second_step() {
    let app = spawn_app().await;
    let token = app.member("sam").await;
    let (secret, codes) = app.enrol_totp(&token).await;
    let csrf = app.csrf("/login").await;
    let res = app
        .form(
            "/login",
            &[
                ("csrf_token", &csrf),
                ("username", "sam"),
                ("password", PASSWORD),
                ("next", "/me"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login/2fa?next=%2Fme");
    let (s, html) = app.page("/me").await;
    assert_eq!(
        s,
        StatusCode::SEE_OTHER,
        "not signed in before the code: {html}"
    );

    let csrf = app.csrf("/login/2fa").await;
    let res = app
        .form(
            "/login/2fa",
            &[("csrf_token", &csrf), ("code", "000000"), ("next", "/me")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .form(
            "/login/2fa",
            &[
                ("csrf_token", &csrf),
                ("code", &next_code(&secret)),
                ("next", "/me"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/me");
    let (s, html) = app.page("/me").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Signed in as sam"));
    assert!(html.contains(&format!("You have {} unused recovery codes", codes.len())));
}

#[actix_web::test]
async fn sessions_end_after_the_idle_time_and_on_a_password_change_elsewhere() {
    let app = spawn_app().await;
    register_in_browser(&app, "tara").await;
    let (s, _) = app.page("/me").await;
    assert_eq!(s, StatusCode::OK);
    // Thirty-one minutes of silence.
    app.sql(
        "UPDATE sessions SET last_seen_at = strftime('%Y-%m-%d %H:%M:%f', last_seen_at, '-31 minutes')",
        "UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL '31 minutes'",
    )
    .await;
    let (s, _) = app.page("/me").await;
    assert_eq!(s, StatusCode::SEE_OTHER, "an idle session must end");

    // Two browsers; the password changes in one; the other is signed out, the first is not.
    let laptop = app.browser();
    let csrf = laptop.csrf("/login").await;
    laptop
        .form(
            "/login",
            &[
                ("csrf_token", &csrf),
                ("username", "tara"),
                ("password", PASSWORD),
            ],
        )
        .await;
    let phone = app.new_browser();
    let csrf = phone.csrf("/login").await;
    phone
        .form(
            "/login",
            &[
                ("csrf_token", &csrf),
                ("username", "tara"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(phone.page("/me").await.0, StatusCode::OK);

    let csrf = laptop.csrf("/me/password").await;
    let new = "brand new passphrase here 9";
    let res = laptop
        .form(
            "/me/password",
            &[
                ("csrf_token", &csrf),
                ("current_password", PASSWORD),
                ("new_password", new),
                ("new_password_again", new),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        laptop.page("/me").await.0,
        StatusCode::OK,
        "the browser that changed it stays signed in"
    );
    assert_eq!(
        phone.page("/me").await.0,
        StatusCode::SEE_OTHER,
        "the other browser is signed out"
    );
}

#[actix_web::test]
async fn unknown_pages_get_a_friendly_html_404() {
    let app = spawn_app().await;
    let (s, html) = app.page("/no-such-page").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(
        html.contains("<h1>") && html.contains("could not find"),
        "{html}"
    );
}
