//! Reporting posts, the moderation queue and decisions, and the member's notifications.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::moderation::appeals;
use crate::moderation::decide::{self, Act};
use crate::moderation::queue::{self, Filter};
use crate::moderation::reports::{self, Report};
use crate::moderation::reveal::{self, RevealReason};
use crate::moderation::sanctions::{self, NewSanction};
use crate::moderation::settings::{self, ForumSettings};
use crate::notify;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/posts/{id}/flags", web::post().to(flag))
        .route("/moderation/queue", web::get().to(list))
        .route(
            "/moderation/posts/{id}/edit-approve",
            web::post().to(edit_approve),
        )
        .route("/moderation/posts/{id}/reveal", web::post().to(reveal))
        .route("/moderation/posts/{id}/{action}", web::post().to(act))
        .route(
            "/moderation/users/{username}/sanctions",
            web::post().to(sanction),
        )
        .route(
            "/moderation/users/{username}/sanctions",
            web::get().to(sanctions_of),
        )
        .route(
            "/moderation/users/{username}/sanctions/{id}/lift",
            web::post().to(lift),
        )
        .route("/appeals", web::post().to(appeal))
        .route("/moderation/appeals", web::get().to(appeals))
        .route(
            "/moderation/appeals/{id}/{outcome}",
            web::post().to(answer_appeal),
        )
        .route("/admin/settings", web::get().to(get_settings))
        .route("/admin/settings", web::put().to(put_settings))
        .route("/notifications", web::get().to(inbox))
        .route("/notifications/read", web::post().to(read));
}

async fn flag(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<Report>,
) -> Result<HttpResponse, AppError> {
    reports::report(&state, &user, id(&path)?, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "reported": true })))
}

#[derive(Deserialize)]
struct QueueQuery {
    group: Option<String>,
    reason: Option<String>,
}

async fn list(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let filter = Filter::parse(q.group, q.reason);
    Ok(HttpResponse::Ok().json(queue::queue(&state, &user, filter).await?))
}

#[derive(Deserialize)]
struct RevealBody {
    reason: Option<String>,
}

/// One masked post as written, for a moderator who says why (audited).
async fn reveal(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<RevealBody>,
) -> Result<HttpResponse, AppError> {
    let reason = RevealReason::parse(body.reason.as_deref())?;
    let shown = reveal::reveal(&state, &user, id(&path)?, reason, &client).await?;
    Ok(HttpResponse::Ok().json(shown))
}

#[derive(Deserialize, Default)]
struct ActBody {
    #[serde(default)]
    reason: Option<String>,
    /// For edit-and-approve: the moderator's text, and a new title for an opening post.
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// `approve` and `restore` take no body; `reject` and `remove` take `{"reason"}`.
async fn act(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<(String, String)>,
    body: Option<web::Json<ActBody>>,
) -> Result<HttpResponse, AppError> {
    let (post, action) = path.into_inner();
    let body = body.map(web::Json::into_inner).unwrap_or_default();
    let post = id(&post)?;
    match Act::parse(&action, body.reason)? {
        Act::DismissCrisis => {
            let view = crate::safety::watch::dismiss(&state, &user, post, &client).await?;
            Ok(HttpResponse::Ok().json(view))
        }
        Act::EditAndApprove => {
            let text = body.body.unwrap_or_default();
            let title = body.title.as_deref();
            let view = decide::edit_and_approve(&state, &user, post, &text, title, &client).await?;
            Ok(HttpResponse::Ok().json(view))
        }
        Act::Decide(d) => {
            Ok(HttpResponse::Ok().json(decide::decide(&state, &user, post, d, &client).await?))
        }
    }
}

async fn inbox(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(notify::inbox(&state, &user).await?))
}

async fn read(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    notify::mark_all_read(&state, &user).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn sanction(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<NewSanction>,
) -> Result<HttpResponse, AppError> {
    let s = sanctions::sanction(&state, &user, &path, body.into_inner(), &client).await?;
    Ok(HttpResponse::Created().json(s))
}

async fn sanctions_of(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let list = sanctions::list(&state, &user, &path).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "sanctions": list })))
}

async fn lift(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (name, sid) = path.into_inner();
    sanctions::lift(&state, &user, &name, id(&sid)?, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn get_settings(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(settings::get(&state, &user).await?))
}

async fn put_settings(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    body: web::Json<ForumSettings>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(settings::update(&state, &user, body.into_inner(), &client).await?))
}

#[derive(Deserialize)]
struct Redaction {
    body: String,
    /// A new title for the thread, when the post is its opening post.
    #[serde(default)]
    title: Option<String>,
}

async fn edit_approve(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<Redaction>,
) -> Result<HttpResponse, AppError> {
    let post = decide::edit_and_approve(
        &state,
        &user,
        id(&path)?,
        &body.body,
        body.title.as_deref(),
        &client,
    )
    .await?;
    Ok(HttpResponse::Ok().json(post))
}

async fn appeal(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    body: web::Json<appeals::NewAppealInput>,
) -> Result<HttpResponse, AppError> {
    let made = appeals::appeal(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(made))
}

async fn appeals(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let open = appeals::open(&state, &user).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "appeals": open })))
}

#[derive(Deserialize)]
struct AppealAnswer {
    reason: Option<String>,
}

/// `uphold` or `overturn`, by a moderator other than the one who decided.
async fn answer_appeal(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<(String, String)>,
    body: web::Json<AppealAnswer>,
) -> Result<HttpResponse, AppError> {
    let (appeal, outcome) = path.into_inner();
    let overturn = match outcome.as_str() {
        "overturn" => true,
        "uphold" => false,
        _ => return Err(AppError::NotFound),
    };
    let reason = body.reason.as_deref();
    let answered = appeals::decide(&state, &user, id(&appeal)?, overturn, reason, &client).await?;
    Ok(HttpResponse::Ok().json(answered))
}
