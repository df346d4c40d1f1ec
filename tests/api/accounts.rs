use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn health_answers_ok_when_the_database_does() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["status"],
        "ok"
    );
}

#[actix_web::test]
async fn a_new_member_registers_signs_in_and_sees_their_account() {
    let app = spawn_app().await;
    let v = app.register("night_owl").await;
    assert_eq!(v["user"]["username"], "night_owl");
    assert_eq!(v["user"]["role"], "member");
    assert_eq!(v["user"]["totp_enabled"], false);
    assert!(v["user"]["badge"].is_null());
    assert!(v["user"]["id"].is_string());
    assert!(
        v["user"].get("email").is_none(),
        "the email must never be in a User"
    );
    let (s, tokens) = app.login("night_owl", None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    let (s, me) = app.get("/me", tokens["access_token"].as_str()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(me["username"], "night_owl");
    assert!(app
        .audit_actions()
        .await
        .contains(&"account.registered".to_string()));
}

#[actix_web::test]
async fn usernames_are_pseudonymous_and_unique_whatever_the_case() {
    let app = spawn_app().await;
    app.register("alice").await;
    let (s, v) = app
        .post(
            "/auth/register",
            json!({"username": "ALICE", "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    assert!(v["error"]["fields"]["username"].is_string());
    for bad in ["al", "a b c", "jane.doe", &"x".repeat(33), "émile"] {
        let (s, v) = app
            .post(
                "/auth/register",
                json!({"username": bad, "password": PASSWORD}),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {v}");
        assert_eq!(code(&v), "validation_failed");
        assert!(v["error"]["fields"]["username"].is_string(), "{v}");
    }
    // Mixed case is folded, not refused: people on phones get a capital letter for free.
    let v = app.register("Bob_Smith").await;
    assert_eq!(v["user"]["username"], "bob_smith");
}

#[actix_web::test]
async fn weak_passwords_are_refused_with_a_reason() {
    let app = spawn_app().await;
    for (pw, why) in [
        ("short1", "too short"),
        ("password", "common"),
        ("iloveyou", "common"),
        ("Qwertyuiop", "common, any case"),
    ] {
        let (s, v) = app
            .post(
                "/auth/register",
                json!({"username": "carol", "password": pw}),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {v}");
        assert!(v["error"]["fields"]["password"].is_string(), "{why}: {v}");
    }
    let (s, v) = app
        .post(
            "/auth/register",
            json!({"username": "carol", "password": "x".repeat(129)}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, _) = app
        .post(
            "/auth/register",
            json!({"username": "carol", "password": "y".repeat(128)}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "128 characters is allowed");
    // Nothing was half-written by the refusals: the name was free until the last call.
    let (s, _) = app.login("carol", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn only_an_admin_with_two_factor_changes_roles_and_it_is_audited() {
    let app = spawn_app().await;
    let member = app.member("dana").await;
    app.register("erin").await;
    app.staff("root", kindred::domain::Role::Admin);
    let (_, t) = app.login("root", None).await;
    let admin = t["access_token"].as_str().unwrap().to_owned();

    let (s, v) = app
        .client_patch("/users/erin", json!({"role": "moderator"}), &member)
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    let (s, v) = app
        .client_patch("/users/erin", json!({"role": "moderator"}), &admin)
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "an admin without 2FA: {v}");
    assert_eq!(code(&v), "two_factor_required");

    let (secret, _) = app.enrol_totp(&admin).await;
    assert!(!secret.is_empty());
    let (s, v) = app
        .client_patch("/users/erin", json!({"role": "moderator"}), &admin)
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["role"], "moderator");
    let (s, _) = app
        .client_patch("/users/nobody", json!({"role": "moderator"}), &admin)
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, v) = app
        .client_patch("/users/erin", json!({"role": "overlord"}), &admin)
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, _) = app
        .client_patch("/users/root", json!({"role": "member"}), &admin)
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an admin cannot demote themself"
    );

    let actions = app.audit_actions().await;
    assert!(
        actions.contains(&"account.role_changed".to_string()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"two_factor.enabled".to_string()),
        "{actions:?}"
    );
}

#[actix_web::test]
async fn the_audit_log_cannot_be_rewritten() {
    let app = spawn_app().await;
    app.register("frank").await;
    let res = app
        .state
        .db
        .run(|conn| {
            Ok(diesel::RunQueryDsl::execute(
                diesel::sql_query("UPDATE audit_log SET actor = 'x'"),
                conn,
            ))
        })
        .await
        .unwrap();
    assert!(res.is_err(), "an UPDATE of the audit log succeeded");
    let res = app
        .state
        .db
        .run(|conn| {
            Ok(diesel::RunQueryDsl::execute(
                diesel::sql_query("DELETE FROM audit_log"),
                conn,
            ))
        })
        .await
        .unwrap();
    assert!(res.is_err(), "a DELETE of the audit log succeeded");
    assert!(!app.audit_actions().await.is_empty());
}

#[actix_web::test]
async fn changing_the_password_ends_other_sign_ins() {
    let app = spawn_app().await;
    let token = app.member("gina").await;
    let (_, pair) = app.login("gina", None).await;
    let new = "a completely new passphrase 7";
    let (s, v) = app
        .post(
            "/me/password",
            json!({"current_password": "wrong one here", "new_password": new}),
            Some(&token),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["error"]["fields"]["current_password"].is_string());
    let (s, v) = app
        .post(
            "/me/password",
            json!({"current_password": PASSWORD, "new_password": "password"}),
            Some(&token),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["error"]["fields"]["new_password"].is_string(), "{v}");
    // Tokens carry whole seconds: make sure the change lands in a later second than their issue.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (s, _) = app
        .post(
            "/me/password",
            json!({"current_password": PASSWORD, "new_password": new}),
            Some(&token),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, v) = app.get("/me", Some(&token)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "old access token: {v}");
    let (s, _) = app
        .post(
            "/auth/refresh",
            json!({"refresh_token": pair["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "old refresh token");
    let (s, _) = app
        .post(
            "/auth/login",
            json!({"username": "gina", "password": new}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
}

impl TestApp {
    pub async fn client_patch(
        &self,
        path: &str,
        body: serde_json::Value,
        token: &str,
    ) -> (StatusCode, serde_json::Value) {
        let res = self
            .client
            .patch(format!("{}{path}", self.api))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        crate::helpers::body(res).await
    }
}
