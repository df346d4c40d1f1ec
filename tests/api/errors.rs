//! Bad input gets a clear 4xx in the contract's shape, never a 500.

use reqwest::StatusCode;

use crate::helpers::*;

async fn raw(app: &TestApp, body: Vec<u8>, content_type: &str) -> (StatusCode, serde_json::Value) {
    let res = app
        .client
        .post(format!("{}/auth/login", app.api))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    body_of(res).await
}

async fn body_of(res: reqwest::Response) -> (StatusCode, serde_json::Value) {
    crate::helpers::body(res).await
}

#[actix_web::test]
async fn malformed_and_mistyped_bodies_get_clear_4xx_answers() {
    let app = spawn_app().await;
    let cases: Vec<(&str, Vec<u8>, &str, StatusCode)> = vec![
        (
            "truncated JSON",
            br#"{"username": "a", "#.to_vec(),
            "application/json",
            StatusCode::BAD_REQUEST,
        ),
        (
            "not JSON",
            b"username=a".to_vec(),
            "application/json",
            StatusCode::BAD_REQUEST,
        ),
        (
            "invalid UTF-8",
            b"{\"username\": \"\xff\xfe\", \"password\": \"x\"}".to_vec(),
            "application/json",
            StatusCode::BAD_REQUEST,
        ),
        (
            "wrong type",
            br#"{"username": 5, "password": "x"}"#.to_vec(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "missing field",
            br#"{"username": "a"}"#.to_vec(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "wrong content type",
            br#"{"username": "a", "password": "b"}"#.to_vec(),
            "text/plain",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "oversized",
            format!(
                r#"{{"username": "a", "password": "{}"}}"#,
                "x".repeat(200_000)
            )
            .into_bytes(),
            "application/json",
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ];
    for (what, body, ct, want) in cases {
        let (s, v) = raw(&app, body, ct).await;
        assert_eq!(s, want, "{what}: {v}");
        assert!(
            v["error"]["code"].is_string() && v["error"]["message"].is_string(),
            "{what}: {v}"
        );
    }
}

#[actix_web::test]
async fn unknown_api_paths_and_methods_are_json_404s() {
    let app = spawn_app().await;
    let (s, v) = app.get("/no/such/thing", None).await;
    assert_eq!((s, code(&v)), (StatusCode::NOT_FOUND, "not_found"));
    let res = app
        .client
        .delete(format!("{}/auth/login", app.api))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
}

#[actix_web::test]
async fn a_huge_password_at_sign_in_is_refused_before_hashing() {
    let app = spawn_app().await;
    let (s, v) = app
        .post(
            "/auth/login",
            serde_json::json!({"username": "x-user", "password": "p".repeat(5000)}),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
}
