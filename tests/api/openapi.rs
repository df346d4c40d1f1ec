//! The OpenAPI document (`src/api/openapi.json`, served at `/api/v1/openapi.json`) stays true:
//! every route registered in `src/api/*.rs` is in it and every path in it is a route, and real
//! answers from a small scenario validate against its schemas.
//!
//! Adding a route: add it to the `paths` of `src/api/openapi.json` (an operation with
//! `responses` for its success status; errors are covered by the shared `default` → `Error`).
//! The first test names exactly what is missing.

use std::collections::{BTreeMap, BTreeSet};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};
use kindred::domain::Role;

const PREFIX: &str = "/api/v1";

fn document() -> Value {
    serde_json::from_str(kindred::api::OPENAPI_DOCUMENT).expect("openapi.json is valid JSON")
}

/// `(METHOD, path)` for every route in `src/api/*.rs`, with the file that registers it. Routes are
/// written `.route("/path", web::method().to(handler))` inside the `/api/v1` scope; the one
/// attribute route (`#[get("/healthz")]`) is served at the root.
fn source_routes() -> BTreeMap<(String, String), String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let route = regex::Regex::new(r#"\.route\(\s*"([^"]+)"\s*,\s*web::(\w+)\(\)"#).unwrap();
    let attr = regex::Regex::new(r#"#\[(get|post|put|patch|delete)\("([^"]+)"\)\]"#).unwrap();
    let mut found = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for file in files {
        let name = format!("src/api/{}", file.file_name().unwrap().to_string_lossy());
        let text = std::fs::read_to_string(&file).unwrap();
        let mut n = 0;
        for c in route.captures_iter(&text) {
            n += 1;
            let key = (c[2].to_uppercase(), format!("{PREFIX}{}", &c[1]));
            found.insert(key, name.clone());
        }
        for c in attr.captures_iter(&text) {
            found.insert((c[1].to_uppercase(), c[2].to_owned()), name.clone());
        }
        // A route written some other way would slip past the comparison: refuse it here.
        assert_eq!(
            text.matches(".route(").count(),
            n,
            "{name}: a .route(…) this test cannot read; write it as .route(\"/path\", web::get().to(handler))"
        );
        for other in ["web::resource(", "web::scope(", ".service("] {
            assert!(
                !text.contains(other) || name == "src/api/mod.rs",
                "{name} registers routes with {other}: teach tests/api/openapi.rs to read it"
            );
        }
    }
    found
}

fn documented_routes(doc: &Value) -> BTreeSet<(String, String)> {
    let mut set = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                set.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    set
}

#[test]
fn every_route_is_documented_and_every_documented_path_is_a_route() {
    let doc = document();
    let code = source_routes();
    let documented = documented_routes(&doc);
    let missing: Vec<String> = code
        .iter()
        .filter(|(k, _)| !documented.contains(k))
        .map(|((m, p), file)| format!("{m} {p}   (registered in {file})"))
        .collect();
    let stale: Vec<String> = documented
        .iter()
        .filter(|k| !code.contains_key(*k))
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "src/api/openapi.json is out of step with the routes.\n\
         Routes missing from the document ({}):\n  {}\n\
         Documented operations that are not routes ({}):\n  {}",
        missing.len(),
        missing.join("\n  "),
        stale.len(),
        stale.join("\n  ")
    );
    assert!(
        code.len() > 40,
        "found only {} routes: the parser broke",
        code.len()
    );
}

#[test]
fn every_operation_declares_its_path_parameters_and_every_ref_resolves() {
    let doc = document();
    let param = regex::Regex::new(r"\{(\w+)\}").unwrap();
    let mut problems = vec![];
    for (path, item) in doc["paths"].as_object().unwrap() {
        let wanted: BTreeSet<String> = param.captures_iter(path).map(|c| c[1].to_owned()).collect();
        for (method, op) in item.as_object().unwrap() {
            let declared: BTreeSet<String> = op["parameters"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap_or("").to_owned())
                        .collect()
                })
                .unwrap_or_default();
            if declared != wanted {
                problems.push(format!(
                    "{method} {path}: path parameters {declared:?}, expected {wanted:?}"
                ));
            }
            if op["responses"].as_object().is_none_or(|r| r.is_empty()) {
                problems.push(format!("{method} {path}: no responses"));
            }
        }
    }
    let text = kindred::api::OPENAPI_DOCUMENT;
    let reference = regex::Regex::new(r##""\$ref":\s*"#/components/schemas/(\w+)""##).unwrap();
    for c in reference.captures_iter(text) {
        if doc["components"]["schemas"][&c[1]].is_null() {
            problems.push(format!("$ref to a missing schema {}", &c[1]));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Sends requests and checks every answer against the document's schema for that operation
/// and status (or its `default`, the error schema).
struct Checker<'a> {
    app: &'a TestApp,
    doc: Value,
    checked: BTreeSet<(String, String, u16)>,
}

impl Checker<'_> {
    async fn call(
        &mut self,
        method: Method,
        template: &str,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let url = format!("{}{path}", self.app.base);
        let mut rq = self.app.client.request(method.clone(), url);
        if let Some(b) = body {
            rq = rq.json(&b);
        }
        if let Some(t) = token {
            rq = rq.bearer_auth(t);
        }
        let (status, value) = crate::helpers::body(rq.send().await.unwrap()).await;
        let op = &self.doc["paths"][template][method.as_str().to_lowercase()];
        assert!(!op.is_null(), "{method} {template} is not in the document");
        let responses = &op["responses"];
        let declared = &responses[status.as_str()];
        let response = if declared.is_null() {
            assert!(
                !status.is_success(),
                "{method} {template} answered {status}, which the document does not declare"
            );
            &responses["default"]
        } else {
            declared
        };
        match response["content"]["application/json"]["schema"].clone() {
            Value::Null => assert!(
                value == Value::String(String::new()),
                "{method} {template} {status}: documented without a body but sent {value}"
            ),
            schema => {
                let root = json!({
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "components": self.doc["components"].clone(),
                    "allOf": [schema],
                });
                let validator = jsonschema::validator_for(&root).expect("a valid schema");
                let errors: Vec<String> = validator
                    .iter_errors(&value)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{method} {template} {status} breaks the document:\n{}\nbody: {value}",
                    errors.join("\n")
                );
            }
        }
        self.checked
            .insert((method.to_string(), template.to_owned(), status.as_u16()));
        (status, value)
    }
}

fn s(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} in {v}"))
        .to_owned()
}

#[actix_web::test]
async fn real_answers_validate_against_the_documented_schemas() {
    let app = spawn_app().await;
    let admin = app.staff_with_2fa("root", Role::Admin).await;
    let moderator = app.staff_with_2fa("mod", Role::Moderator).await;
    let mut c = Checker {
        app: &app,
        doc: document(),
        checked: BTreeSet::new(),
    };
    use Method as M;

    // The checker itself: a body that breaks the schema is caught.
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": c.doc["components"].clone(),
        "allOf": [{"$ref": "#/components/schemas/Post"}],
    });
    let validator = jsonschema::validator_for(&root).unwrap();
    let post = json!({"id": "1", "thread_id": "1", "parent_id": null, "author": null, "body_html": "",
        "status": "published", "created_at": "2026-01-01T00:00:00Z", "edited_at": null, "deleted": false, "depth": 0});
    assert!(validator.is_valid(&post), "a good Post validates");
    let mut bad = post.clone();
    bad["status"] = json!("bogus");
    assert!(!validator.is_valid(&bad), "a bad status is caught");
    bad = post.clone();
    bad.as_object_mut().unwrap().remove("body_html");
    assert!(!validator.is_valid(&bad), "a missing field is caught");

    let (st, served) = c
        .call(
            M::GET,
            "/api/v1/openapi.json",
            "/api/v1/openapi.json",
            None,
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(served, document(), "the served document is the file");
    c.call(M::GET, "/healthz", "/healthz", None, None).await;

    // Accounts.
    let reg = "/api/v1/auth/register";
    let (st, _) = c
        .call(
            M::POST,
            reg,
            reg,
            Some(json!({"username": "alice", "password": "correct horse battery"})),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    c.call(M::POST, reg, reg, Some(json!({"username": "x"})), None)
        .await;
    c.call(
        M::POST,
        reg,
        reg,
        Some(json!({"username": "!!", "password": "p"})),
        None,
    )
    .await;
    let login = "/api/v1/auth/login";
    let (st, pair) = c
        .call(
            M::POST,
            login,
            login,
            Some(json!({"username": "alice", "password": "correct horse battery"})),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    c.call(
        M::POST,
        login,
        login,
        Some(json!({"username": "alice", "password": "wrong"})),
        None,
    )
    .await;
    let refresh = "/api/v1/auth/refresh";
    let (_, pair2) = c
        .call(
            M::POST,
            refresh,
            refresh,
            Some(json!({"refresh_token": s(&pair, "/refresh_token")})),
            None,
        )
        .await;
    let alice = s(&pair2, "/access_token");
    c.call(
        M::GET,
        "/api/v1/me",
        "/api/v1/me",
        Some(json!(null)),
        Some(&alice),
    )
    .await;
    c.call(
        M::GET,
        "/api/v1/me",
        "/api/v1/me",
        None,
        Some("not-a-token"),
    )
    .await;
    // Without SMTP there is nothing to confirm or resend: the errors keep the shape.
    let (st, _) = c
        .call(
            M::POST,
            "/api/v1/me/email/confirm",
            "/api/v1/me/email/confirm",
            Some(json!({"token": "not-a-link"})),
            Some(&alice),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let (st, _) = c
        .call(
            M::POST,
            "/api/v1/me/email/resend",
            "/api/v1/me/email/resend",
            None,
            Some(&alice),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let bob = app.member("bob").await;

    // Groups.
    let groups = "/api/v1/groups";
    let (st, _) = c
        .call(M::POST, groups, groups, Some(json!({"slug": "lupus", "name": "Lupus", "description": "SLE", "visibility": "public"})), Some(&admin))
        .await;
    assert_eq!(st, StatusCode::CREATED);
    c.call(
        M::POST,
        groups,
        groups,
        Some(json!({"slug": "x", "name": "", "visibility": "nope"})),
        Some(&admin),
    )
    .await;
    c.call(
        M::POST,
        groups,
        groups,
        Some(json!({"slug": "y", "name": "Y", "visibility": "public"})),
        Some(&bob),
    )
    .await;
    c.call(M::GET, groups, groups, None, None).await;
    c.call(M::GET, groups, groups, None, Some(&alice)).await;
    let g = "/api/v1/groups/{slug}";
    c.call(M::GET, g, "/api/v1/groups/lupus", None, None).await;
    c.call(M::GET, g, "/api/v1/groups/nothing-here", None, None)
        .await;
    c.call(
        M::PATCH,
        g,
        "/api/v1/groups/lupus",
        Some(json!({"description": "Systemic lupus"})),
        Some(&admin),
    )
    .await;
    let m = "/api/v1/groups/{slug}/membership";
    for t in [&alice, &bob] {
        c.call(M::POST, m, "/api/v1/groups/lupus/membership", None, Some(t))
            .await;
    }
    c.call(
        M::GET,
        "/api/v1/groups/{slug}/requests",
        "/api/v1/groups/lupus/requests",
        None,
        Some(&admin),
    )
    .await;
    c.call(
        M::PUT,
        "/api/v1/groups/{slug}/moderators/{username}",
        "/api/v1/groups/lupus/moderators/bob",
        None,
        Some(&admin),
    )
    .await;
    c.call(
        M::DELETE,
        "/api/v1/groups/{slug}/moderators/{username}",
        "/api/v1/groups/lupus/moderators/bob",
        None,
        Some(&admin),
    )
    .await;

    // Threads and posts.
    let threads = "/api/v1/groups/{slug}/threads";
    let (st, started) = c
        .call(
            M::POST,
            threads,
            "/api/v1/groups/lupus/threads",
            Some(json!({"title": "Fatigue", "body": "**Tired** all the time <script>x</script>"})),
            Some(&alice),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let thread = s(&started, "/thread/id");
    c.call(
        M::POST,
        threads,
        "/api/v1/groups/lupus/threads",
        Some(json!({"title": "", "body": ""})),
        Some(&alice),
    )
    .await;
    c.call(
        M::GET,
        threads,
        "/api/v1/groups/lupus/threads?waiting_for_clinician=true",
        None,
        None,
    )
    .await;
    let posts = "/api/v1/threads/{id}/posts";
    let tp = format!("/api/v1/threads/{thread}/posts");
    let (_, reply) = c
        .call(
            M::POST,
            posts,
            &tp,
            Some(json!({"body": "Same here", "parent_id": s(&started, "/post/id")})),
            Some(&bob),
        )
        .await;
    let reply = s(&reply, "/id");
    let (_, held) = c
        .call(
            M::POST,
            posts,
            &tp,
            Some(json!({"body": "my daughter Emily Carter, DOB 4/12/2015, was seen at 14 Elm St"})),
            Some(&bob),
        )
        .await;
    assert_eq!(held["status"], "held");
    let held = s(&held, "/id");
    c.call(M::POST, posts, &tp, Some(json!({"body": 5})), Some(&bob))
        .await;
    c.call(
        M::POST,
        posts,
        "/api/v1/threads/abc/posts",
        Some(json!({"body": "x"})),
        Some(&bob),
    )
    .await;
    let t = "/api/v1/threads/{id}";
    c.call(M::GET, t, &format!("/api/v1/threads/{thread}"), None, None)
        .await;
    c.call(
        M::GET,
        t,
        &format!("/api/v1/threads/{thread}"),
        None,
        Some(&bob),
    )
    .await;
    c.call(M::GET, t, "/api/v1/threads/999999", None, None)
        .await;
    c.call(
        M::PATCH,
        t,
        &format!("/api/v1/threads/{thread}"),
        Some(json!({"pinned": true})),
        Some(&moderator),
    )
    .await;
    let answer = "/api/v1/threads/{id}/answer";
    let ap = format!("/api/v1/threads/{thread}/answer");
    c.call(
        M::PUT,
        answer,
        &ap,
        Some(json!({"post_id": reply})),
        Some(&alice),
    )
    .await;
    c.call(M::DELETE, answer, &ap, None, Some(&alice)).await;
    let p = "/api/v1/posts/{id}";
    c.call(
        M::PATCH,
        p,
        &format!("/api/v1/posts/{reply}"),
        Some(json!({"body": "Same here, edited"})),
        Some(&bob),
    )
    .await;
    c.call(
        M::GET,
        "/api/v1/posts/{id}/revisions",
        &format!("/api/v1/posts/{reply}/revisions"),
        None,
        Some(&moderator),
    )
    .await;
    c.call(
        M::POST,
        "/api/v1/phi/scan",
        "/api/v1/phi/scan",
        Some(json!({"text": "call me on 555-867-5309"})),
        Some(&alice),
    )
    .await;
    c.call(
        M::GET,
        "/api/v1/users/{username}",
        "/api/v1/users/bob",
        None,
        None,
    )
    .await;
    c.call(
        M::POST,
        "/api/v1/posts/{id}/flags",
        &format!("/api/v1/posts/{reply}/flags"),
        Some(json!({"reason": "spam", "note": "ads"})),
        Some(&alice),
    )
    .await;

    // Moderation.
    let queue = "/api/v1/moderation/queue";
    let (_, q) = c.call(M::GET, queue, queue, None, Some(&moderator)).await;
    assert!(q["items"].as_array().is_some_and(|i| !i.is_empty()), "{q}");
    c.call(M::GET, queue, queue, None, Some(&alice)).await;
    c.call(
        M::POST,
        "/api/v1/moderation/posts/{id}/{action}",
        &format!("/api/v1/moderation/posts/{held}/reject"),
        Some(json!({"reason": "Names a child"})),
        Some(&moderator),
    )
    .await;
    c.call(
        M::POST,
        "/api/v1/moderation/posts/{id}/{action}",
        &format!("/api/v1/moderation/posts/{reply}/approve"),
        None,
        Some(&moderator),
    )
    .await;
    let sanctions = "/api/v1/moderation/users/{username}/sanctions";
    let (_, sanction) = c
        .call(
            M::POST,
            sanctions,
            "/api/v1/moderation/users/bob/sanctions",
            Some(json!({"kind": "warning", "reason": "Be kind"})),
            Some(&moderator),
        )
        .await;
    c.call(
        M::GET,
        sanctions,
        "/api/v1/moderation/users/bob/sanctions",
        None,
        Some(&moderator),
    )
    .await;
    if let Some(id) = sanction["id"].as_str() {
        c.call(
            M::POST,
            "/api/v1/moderation/users/{username}/sanctions/{id}/lift",
            &format!("/api/v1/moderation/users/bob/sanctions/{id}/lift"),
            None,
            Some(&moderator),
        )
        .await;
    }
    let audit = "/api/v1/moderation/audit";
    c.call(
        M::GET,
        audit,
        "/api/v1/moderation/audit?action=sign_in.",
        None,
        Some(&admin),
    )
    .await;
    let settings = "/api/v1/admin/settings";
    let (_, current) = c.call(M::GET, settings, settings, None, Some(&admin)).await;
    c.call(M::PUT, settings, settings, Some(current), Some(&admin))
        .await;
    let inbox = "/api/v1/notifications";
    c.call(M::GET, inbox, inbox, None, Some(&bob)).await;
    c.call(
        M::POST,
        "/api/v1/notifications/read",
        "/api/v1/notifications/read",
        None,
        Some(&bob),
    )
    .await;

    // Clinicians.
    let apps = "/api/v1/clinician/applications";
    let (_, application) = c
        .call(M::POST, apps, apps, Some(json!({"npi": "1234567893", "license_state": "MA", "license_number": "12345", "specialty": "Rheumatology"})), Some(&alice))
        .await;
    c.call(M::POST, apps, apps, Some(json!({"npi": "1234567890", "license_state": "MA", "license_number": "1", "specialty": "R"})), Some(&bob))
        .await;
    c.call(
        M::GET,
        apps,
        "/api/v1/clinician/applications?status=pending",
        None,
        Some(&moderator),
    )
    .await;
    if let Some(id) = application["id"].as_str() {
        c.call(
            M::POST,
            "/api/v1/clinician/applications/{id}/{decision}",
            &format!("/api/v1/clinician/applications/{id}/approve"),
            None,
            Some(&moderator),
        )
        .await;
    }
    c.call(
        M::POST,
        "/api/v1/clinician/{username}/revoke",
        "/api/v1/clinician/alice/revoke",
        Some(json!({"reason": "Licence lapsed"})),
        Some(&moderator),
    )
    .await;

    // Leaving, deleting, signing out.
    c.call(
        M::DELETE,
        p,
        &format!("/api/v1/posts/{reply}"),
        None,
        Some(&bob),
    )
    .await;
    c.call(
        M::DELETE,
        m,
        "/api/v1/groups/lupus/membership",
        None,
        Some(&bob),
    )
    .await;
    c.call(
        M::POST,
        "/api/v1/auth/logout",
        "/api/v1/auth/logout",
        Some(json!({"refresh_token": s(&pair2, "/refresh_token")})),
        None,
    )
    .await;

    // Most of the surface was exercised, not just errors.
    let ok: BTreeSet<_> = c
        .checked
        .iter()
        .filter(|(_, _, st)| *st < 300)
        .map(|(m, t, _)| (m.clone(), t.clone()))
        .collect();
    assert!(
        ok.len() >= 40,
        "only {} operations answered successfully: {ok:?}",
        ok.len()
    );
}

/// Messages, blocking and muting (issue 19): every answer of their routes, successes and the
/// refusals members meet, against the document.
#[actix_web::test]
async fn message_and_blocking_answers_validate_against_the_documented_schemas() {
    let app =
        crate::helpers::spawn_app_with(&["--message-min-posts", "0", "--message-min-days", "0"])
            .await;
    let f = crate::helpers::forum(&app).await;
    let mut c = Checker {
        app: &app,
        doc: document(),
        checked: BTreeSet::new(),
    };
    use Method as M;
    let convs = "/api/v1/conversations";
    let risky = json!({"to": ["bob"], "body": "Call me at 617-555-0199"});
    let (st, v) = c
        .call(M::POST, convs, convs, Some(risky), Some(&f.alice))
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (st, v) = c
        .call(
            M::POST,
            convs,
            convs,
            Some(json!({"to": ["bob"], "body": "Call me at 617-555-0199", "confirm_phi": true})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{v}");
    let conv = s(&v, "/conversation/id");
    let (st, _) = c.call(M::GET, convs, convs, None, Some(&f.bob)).await;
    assert_eq!(st, StatusCode::OK);
    let one = "/api/v1/conversations/{id}";
    let path = format!("{convs}/{conv}");
    let (st, _) = c.call(M::GET, one, &path, None, Some(&f.bob)).await;
    assert_eq!(st, StatusCode::OK);
    c.call(M::GET, one, &path, None, Some(&f.carol)).await;
    let msgs = "/api/v1/conversations/{id}/messages";
    let (st, m) = c
        .call(
            M::POST,
            msgs,
            &format!("{path}/messages"),
            Some(json!({"body": "Will do."})),
            Some(&f.bob),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let mute = "/api/v1/conversations/{id}/mute";
    for method in [M::PUT, M::DELETE] {
        let (st, _) = c
            .call(method, mute, &format!("{path}/mute"), None, Some(&f.bob))
            .await;
        assert_eq!(st, StatusCode::NO_CONTENT);
    }
    let flags = "/api/v1/messages/{id}/flags";
    let (st, _) = c
        .call(
            M::POST,
            flags,
            &format!("/api/v1/messages/{}/flags", s(&m, "/id")),
            Some(json!({"reason": "spam"})),
            Some(&f.alice),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let reports = "/api/v1/moderation/message-reports";
    let (st, list) = c
        .call(M::GET, reports, reports, None, Some(&f.moderator))
        .await;
    assert_eq!(st, StatusCode::OK);
    let report = s(&list, "/reports/0/id");
    let (st, _) = c
        .call(
            M::GET,
            "/api/v1/moderation/message-reports/{id}",
            &format!("{reports}/{report}"),
            None,
            Some(&f.moderator),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = c
        .call(
            M::POST,
            "/api/v1/moderation/message-reports/{id}/close",
            &format!("{reports}/{report}/close"),
            Some(json!({"action_taken": false})),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(st, StatusCode::OK);

    let (st, _) = c
        .call(
            M::PATCH,
            "/api/v1/me",
            "/api/v1/me",
            Some(json!({"messages": true})),
            Some(&f.carol),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    c.call(M::GET, "/api/v1/me", "/api/v1/me", None, Some(&f.carol))
        .await;
    let block = "/api/v1/me/blocks/{username}";
    let (st, _) = c
        .call(
            M::PUT,
            block,
            "/api/v1/me/blocks/alice",
            None,
            Some(&f.carol),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, _) = c
        .call(
            M::GET,
            "/api/v1/me/blocks",
            "/api/v1/me/blocks",
            None,
            Some(&f.carol),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let thread = format!("/api/v1/threads/{}", f.thread);
    app.reply(&f.thread, None, &f.alice, "A reply carol blocked")
        .await;
    let (st, t) = c
        .call(
            M::GET,
            "/api/v1/threads/{id}",
            &thread,
            None,
            Some(&f.carol),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(t.to_string().contains("\"collapsed\":true"));
    let (st, _) = c
        .call(
            M::DELETE,
            block,
            "/api/v1/me/blocks/alice",
            None,
            Some(&f.carol),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let mute_thread = "/api/v1/me/mutes/threads/{id}";
    let mute_group = "/api/v1/me/mutes/groups/{slug}";
    for method in [M::PUT, M::DELETE] {
        let (st, _) = c
            .call(
                method.clone(),
                mute_thread,
                &format!("/api/v1/me/mutes/threads/{}", f.thread),
                None,
                Some(&f.carol),
            )
            .await;
        assert_eq!(st, StatusCode::NO_CONTENT);
        let (st, _) = c
            .call(
                method,
                mute_group,
                "/api/v1/me/mutes/groups/lupus",
                None,
                Some(&f.carol),
            )
            .await;
        assert_eq!(st, StatusCode::NO_CONTENT);
    }
    let _ = Role::Member;
}
