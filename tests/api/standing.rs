//! Who may post, as one rule (`forum::publish::poster` and `clear_to_post`) on a standing read in
//! one statement with the account: every kind of standing, through both use cases that write a
//! post, with what the writer is told and that a refusal writes nothing.

use reqwest::StatusCode;
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime, PrimitiveDateTime};

use crate::helpers::*;
use kindred::db::{sanctions, users};
use kindred::domain::{Role, Username};

/// A member's standing before they post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Clean,
    Warned,
    Suspended,
    SuspensionExpired,
    SuspensionLifted,
    /// The posting limit (2 a minute in this test) used up.
    LimitUsed,
    /// A moderator who used up the limit: staff have none.
    StaffOverLimit,
    /// A verified clinician who has not turned on two-factor sign-in.
    ClinicianWithoutSecondFactor,
}

/// What the writer gets: a post in this state, or a refusal with this status and code.
#[derive(Debug, PartialEq)]
enum Outcome {
    Posted(&'static str),
    Refused(StatusCode, &'static str),
}

fn now() -> PrimitiveDateTime {
    let t = OffsetDateTime::now_utc();
    PrimitiveDateTime::new(t.date(), t.time())
}

/// A sanction written as a moderator would have, `until` as given (in the past: expired).
async fn sanction(app: &TestApp, name: &str, kind: &str, until: Option<PrimitiveDateTime>) -> i64 {
    let (name, kind) = (name.to_owned(), kind.to_owned());
    app.state
        .db
        .write(move |conn| {
            let user = users::by_username(conn, &Username::parse(&name)?)?.expect("the member");
            Ok(sanctions::insert(conn, user.id, &kind, "Be kind.", until, "mod")?.id)
        })
        .await
        .expect("a sanction")
}

async fn set_up(app: &TestApp, f: &Forum, name: &str, standing: Standing) -> String {
    let token = match standing {
        Standing::StaffOverLimit => app.staff_with_2fa(name, Role::Moderator).await,
        _ => app.member(name).await,
    };
    app.join("lupus", &token).await;
    let path = format!("/threads/{}/posts", f.thread);
    let post = |body: &str| {
        let (path, token) = (path.clone(), token.clone());
        let body = json!({ "body": body });
        async move { app.post(&path, body, Some(&token)).await }
    };
    match standing {
        Standing::Clean => {}
        Standing::Warned => {
            sanction(app, name, "warn", None).await;
        }
        Standing::Suspended => {
            sanction(app, name, "suspend", Some(now() + Duration::days(3))).await;
        }
        Standing::SuspensionExpired => {
            sanction(app, name, "suspend", Some(now() - Duration::minutes(1))).await;
        }
        Standing::SuspensionLifted => {
            let id = sanction(app, name, "suspend", Some(now() + Duration::days(3))).await;
            let (s, v) = app
                .post(
                    &format!("/moderation/users/{name}/sanctions/{id}/lift"),
                    json!({}),
                    Some(&f.moderator),
                )
                .await;
            assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
        }
        Standing::LimitUsed | Standing::StaffOverLimit => {
            for i in 0..2 {
                let (s, v) = post(&format!("Earlier post {i}.")).await;
                assert_eq!(s, StatusCode::CREATED, "{v}");
            }
        }
        Standing::ClinicianWithoutSecondFactor => {
            app.verified_clinician(&token, &f.moderator).await;
        }
    }
    token
}

fn outcome(s: StatusCode, v: &Value) -> Outcome {
    if s == StatusCode::CREATED {
        let status = v["status"].as_str().or(v["post"]["status"].as_str());
        return Outcome::Posted(match status {
            Some("published") => "published",
            Some("held") => "held",
            _ => panic!("a post without its state: {v}"),
        });
    }
    let code = match code(v) {
        "suspended" => "suspended",
        "two_factor_required" => "two_factor_required",
        "rate_limited" => "rate_limited",
        other => panic!("an unexpected refusal {s} {other}: {v}"),
    };
    Outcome::Refused(s, code)
}

#[actix_web::test]
async fn who_may_post_follows_the_writers_standing_in_every_case() {
    let app = spawn_app_with(&["--posts-per-minute", "2"]).await;
    let f = forum(&app).await;
    use Outcome::*;
    use Standing::*;
    let table = [
        (Clean, Posted("published")),
        (Warned, Posted("published")),
        (Suspended, Refused(StatusCode::FORBIDDEN, "suspended")),
        (SuspensionExpired, Posted("published")),
        (SuspensionLifted, Posted("published")),
        (
            LimitUsed,
            Refused(StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        ),
        (StaffOverLimit, Posted("published")),
        (
            ClinicianWithoutSecondFactor,
            Refused(StatusCode::FORBIDDEN, "two_factor_required"),
        ),
    ];
    for (i, (standing, want)) in table.into_iter().enumerate() {
        // One writer per use case, so each starts from the standing alone.
        for (j, new_thread) in [false, true].into_iter().enumerate() {
            let name = format!("writer{i}x{j}");
            let token = set_up(&app, &f, &name, standing).await;
            let before = app.all_posts(&f.thread, Some(&f.admin)).await.len();
            let threads_before = thread_count(&app, &f).await;
            let (s, v) = if new_thread {
                app.post(
                    "/groups/lupus/threads",
                    json!({"title": "A question", "body": "Does anyone else nap daily?"}),
                    Some(&token),
                )
                .await
            } else {
                app.post(
                    &format!("/threads/{}/posts", f.thread),
                    json!({"body": "Resting helps me."}),
                    Some(&token),
                )
                .await
            };
            let got = outcome(s, &v);
            assert_eq!(got, want, "{standing:?}, new thread {new_thread}: {v}");
            if let Refused(..) = want {
                assert_eq!(
                    app.all_posts(&f.thread, Some(&f.admin)).await.len(),
                    before,
                    "{standing:?}: a refusal writes no reply"
                );
                assert_eq!(
                    thread_count(&app, &f).await,
                    threads_before,
                    "{standing:?}: a refusal writes no thread"
                );
            }
            if standing == Suspended {
                assert!(v.to_string().contains("Be kind."), "told why: {v}");
            }
        }
    }
}

async fn thread_count(app: &TestApp, f: &Forum) -> usize {
    let (s, v) = app
        .get("/groups/lupus/threads?limit=100", Some(&f.admin))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["threads"].as_array().map(Vec::len).unwrap_or_default()
}

#[actix_web::test]
async fn a_new_members_first_post_waits_by_the_setting_read_with_their_standing() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = app
        .send(
            reqwest::Method::PUT,
            "/admin/settings",
            Some(json!({"auto_hide_reports": 3, "new_member_approvals": 1})),
            Some(&f.admin),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // A new member's reply and new thread both wait; a member with a published post's does not.
    for (who, want) in [("newcomer", "held"), ("newcomer2", "held")] {
        let token = app.member(who).await;
        app.join("lupus", &token).await;
        let (s, v) = if who == "newcomer" {
            app.post(
                &format!("/threads/{}/posts", f.thread),
                json!({"body": "Hello, new here."}),
                Some(&token),
            )
            .await
        } else {
            app.post(
                "/groups/lupus/threads",
                json!({"title": "Hello", "body": "New here."}),
                Some(&token),
            )
            .await
        };
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(outcome(s, &v), Outcome::Posted(want), "{who}: {v}");
    }
    let (s, v) = app
        .post(
            &format!("/threads/{}/posts", f.thread),
            json!({"body": "Welcome!"}),
            Some(&f.carol),
        )
        .await;
    assert_eq!(outcome(s, &v), Outcome::Posted("published"), "{v}");
}
