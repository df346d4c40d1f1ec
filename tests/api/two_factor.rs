use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[actix_web::test]
async fn totp_enrolment_then_sign_in_needs_a_fresh_code_or_a_recovery_code() {
    let app = spawn_app().await;
    let token = app.member("kim").await;
    let (s, v) = app.post("/me/2fa", json!({}), Some(&token)).await;
    assert_eq!(s, StatusCode::OK);
    let secret = v["secret"].as_str().unwrap().to_owned();
    let uri = v["otpauth_uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/Kindred:kim?"), "{uri}");
    assert!(
        uri.contains("issuer=Kindred") && uri.contains(&format!("secret={secret}")),
        "{uri}"
    );

    let (s, v) = app
        .post("/me/2fa/confirm", json!({"totp": "000000"}), Some(&token))
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a wrong code confirmed enrolment: {v}"
    );
    let (s, v) = app.get("/me", Some(&token)).await;
    assert_eq!((s, &v["totp_enabled"]), (StatusCode::OK, &json!(false)));

    let code = kindred::auth::totp::current_code(&secret).unwrap();
    let (s, v) = app
        .post("/me/2fa/confirm", json!({"totp": code}), Some(&token))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let codes: Vec<String> = v["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(
        codes.iter().collect::<std::collections::HashSet<_>>().len(),
        10
    );

    let (s, v) = app.login("kim", None).await;
    assert_eq!(
        (s, code_of(&v)),
        (StatusCode::UNAUTHORIZED, "totp_required".into())
    );
    let (s, v) = app.login("kim", Some("123456")).await;
    assert_eq!(
        (s, code_of(&v)),
        (StatusCode::UNAUTHORIZED, "invalid_totp".into())
    );
    // The enrolment code was used: it cannot sign in.
    let (s, _) = app.login("kim", Some(&code)).await;
    assert_eq!(
        s,
        StatusCode::UNAUTHORIZED,
        "the enrolment code worked again"
    );

    let fresh = next_code(&secret);
    let (s, v) = app.login("kim", Some(&fresh)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, _) = app.login("kim", Some(&fresh)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "a TOTP code worked twice");

    // Recovery codes work once each, typed any way.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let (s, v) = app.login("kim", Some(&typed)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, _) = app.login("kim", Some(&codes[3])).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "a recovery code worked twice");

    let actions = app.audit_actions().await;
    for a in [
        "two_factor.enabled",
        "two_factor.recovery_code_used",
        "sign_in.failed",
        "sign_in.succeeded",
    ] {
        assert!(
            actions.contains(&a.to_string()),
            "{a} missing from {actions:?}"
        );
    }
}

#[actix_web::test]
async fn two_factor_can_be_turned_off_with_the_password_only() {
    let app = spawn_app().await;
    let token = app.member("lee").await;
    app.enrol_totp(&token).await;
    let (s, _) = app.post("/me/2fa", json!({}), Some(&token)).await;
    assert_eq!(s, StatusCode::CONFLICT, "enrolling twice");
    let res = app
        .client
        .delete(format!("{}/me/2fa", app.api))
        .bearer_auth(&token)
        .json(&json!({"password": "nope nope nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .client
        .delete(format!("{}/me/2fa", app.api))
        .bearer_auth(&token)
        .json(&json!({"password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let (s, _) = app.login("lee", None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(app
        .audit_actions()
        .await
        .contains(&"two_factor.disabled".to_string()));
}

fn code_of(v: &serde_json::Value) -> String {
    code(v).to_owned()
}
