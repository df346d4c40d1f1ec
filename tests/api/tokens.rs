use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn refresh_tokens_rotate_and_a_reused_one_ends_the_whole_family() {
    let app = spawn_app().await;
    app.register("hana").await;
    let (_, first) = app.login("hana", None).await;
    let r1 = first["refresh_token"].as_str().unwrap().to_owned();
    let (s, second) = app
        .post("/auth/refresh", json!({"refresh_token": r1}), None)
        .await;
    assert_eq!(s, StatusCode::OK, "{second}");
    let r2 = second["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(r1, r2);
    let (s, _) = app.get("/me", second["access_token"].as_str()).await;
    assert_eq!(s, StatusCode::OK);

    // Someone replays the stolen first token: refused, and the live one in its family dies too.
    let (s, v) = app
        .post("/auth/refresh", json!({"refresh_token": r1}), None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&v), "refresh_token_reused");
    let (s, _) = app
        .post("/auth/refresh", json!({"refresh_token": r2}), None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "the family must be revoked");
    assert!(app
        .audit_actions()
        .await
        .contains(&"token.refresh_reused".to_string()));

    // Another sign-in (another family) is untouched.
    let (_, other) = app.login("hana", None).await;
    let (s, _) = app
        .post(
            "/auth/refresh",
            json!({"refresh_token": other["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
}

#[actix_web::test]
async fn logout_kills_the_refresh_token() {
    let app = spawn_app().await;
    app.register("ivan").await;
    let (_, pair) = app.login("ivan", None).await;
    let (s, _) = app
        .post(
            "/auth/logout",
            json!({"refresh_token": pair["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, v) = app
        .post(
            "/auth/refresh",
            json!({"refresh_token": pair["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&v), "invalid_refresh_token");
    let (s, _) = app
        .post("/auth/refresh", json!({"refresh_token": "made-up"}), None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn bad_expired_and_foreign_access_tokens_are_refused() {
    let app = spawn_app().await;
    let v = app.register("jona").await;
    let id: i64 = v["user"]["id"].as_str().unwrap().parse().unwrap();
    let (s, v) = app.get("/me", None).await;
    assert_eq!((s, code(&v)), (StatusCode::UNAUTHORIZED, "unauthorized"));
    let (s, v) = app.get("/me", Some("not-a-token")).await;
    assert_eq!((s, code(&v)), (StatusCode::UNAUTHORIZED, "invalid_token"));

    let expired =
        kindred::auth::jwt::issue(&app.state.keys.jwt, id, time::Duration::minutes(-10)).unwrap();
    let (s, v) = app.get("/me", Some(&expired)).await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::UNAUTHORIZED, "token_expired"),
        "{v}"
    );

    // Signed with another deployment's key.
    let other = kindred::auth::tokens::hmac_sha256(
        b"another secret entirely, 32 chars+",
        b"kindred/jwt/v1",
    );
    let foreign = kindred::auth::jwt::issue(&other, id, time::Duration::minutes(10)).unwrap();
    let (s, _) = app.get("/me", Some(&foreign)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    // The "none" algorithm is never accepted.
    let b64 =
        |s: &str| base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, s);
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let unsigned = format!(
        "{}.{}.",
        b64(r#"{"alg":"none","typ":"JWT"}"#),
        b64(&format!(
            r#"{{"sub":"{id}","iat":{now},"exp":{},"iss":"kindred","aud":"kindred-api"}}"#,
            now + 600
        ))
    );
    let (s, _) = app.get("/me", Some(&unsigned)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

/// A post or a new thread made through the API reads the token's account in the write's own
/// transaction: every way a signed token can stop speaking for its account is refused there
/// too, with the same 401 as elsewhere, and nothing is written.
#[actix_web::test]
async fn posts_refuse_tokens_that_no_longer_speak_for_their_account_and_write_nothing() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let threads_in_lupus = |v: &serde_json::Value| v["threads"].as_array().map(Vec::len);
    let (_, before) = app.get("/groups/lupus/threads", None).await;
    let replies_before = app.all_posts(&f.thread, None).await.len();

    // Alice changes her password: her old access token was ended by it.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (s, v) = app
        .post(
            "/me/password",
            json!({"current_password": PASSWORD, "new_password": "a completely new passphrase 7"}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    // Bob deletes his account.
    let (s, v) = app
        .send(
            reqwest::Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "anonymise"})),
            Some(&f.bob),
        )
        .await;
    assert!(s.is_success(), "{s} {v}");
    // Carol's token ran out ten minutes ago.
    let (_, me) = app.get("/me", Some(&f.carol)).await;
    let carol_id: i64 = me["id"].as_str().unwrap().parse().unwrap();
    let expired =
        kindred::auth::jwt::issue(&app.state.keys.jwt, carol_id, time::Duration::minutes(-10))
            .unwrap();

    let cases: [(&str, Option<&str>, &str); 5] = [
        ("no token", None, "unauthorized"),
        ("not a token", Some("not-a-token"), "invalid_token"),
        ("expired", Some(&expired), "token_expired"),
        (
            "ended by a password change",
            Some(&f.alice),
            "token_revoked",
        ),
        ("account deleted", Some(&f.bob), "invalid_token"),
    ];
    for (why, token, expected) in cases {
        let (s, v) = app
            .post(
                &format!("/threads/{}/posts", f.thread),
                json!({"body": "Rest helps me most."}),
                token,
            )
            .await;
        assert_eq!(
            (s, code(&v)),
            (StatusCode::UNAUTHORIZED, expected),
            "reply, {why}: {v}"
        );
        let (s, v) = app
            .post(
                "/groups/lupus/threads",
                json!({"title": "Sleep", "body": "How do you sleep?"}),
                token,
            )
            .await;
        assert_eq!(
            (s, code(&v)),
            (StatusCode::UNAUTHORIZED, expected),
            "thread, {why}: {v}"
        );
    }
    let (_, after) = app.get("/groups/lupus/threads", None).await;
    assert_eq!(
        threads_in_lupus(&after),
        threads_in_lupus(&before),
        "{after}"
    );
    assert_eq!(app.all_posts(&f.thread, None).await.len(), replies_before);

    // A token that still speaks for its account posts, the same way.
    app.reply(&f.thread, None, &f.carol, "Rest helps me most.")
        .await;
    app.thread("lupus", &f.carol, "Sleep", "How do you sleep?")
        .await;
    assert_eq!(
        app.all_posts(&f.thread, None).await.len(),
        replies_before + 1
    );
}
