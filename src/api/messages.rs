//! `/conversations`, `/messages/{id}/flags`, `/me/blocks`, `/me/mutes/*`, `PATCH /me` and the
//! moderators' `/moderation/message-reports`: private messages, blocking and muting.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::messages::{self, blocks, reports};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/conversations", web::post().to(start))
        .route("/conversations", web::get().to(list))
        .route("/conversations/{id}", web::get().to(get))
        .route("/conversations/{id}/messages", web::post().to(send))
        .route("/conversations/{id}/mute", web::put().to(mute))
        .route("/conversations/{id}/mute", web::delete().to(unmute))
        .route("/messages/{id}/flags", web::post().to(report))
        .route("/me", web::patch().to(update_me))
        .route("/me/blocks", web::get().to(list_blocks))
        .route("/me/blocks/{username}", web::put().to(block))
        .route("/me/blocks/{username}", web::delete().to(unblock))
        .route("/me/mutes/threads/{id}", web::put().to(mute_thread))
        .route("/me/mutes/threads/{id}", web::delete().to(unmute_thread))
        .route("/me/mutes/groups/{slug}", web::put().to(mute_group))
        .route("/me/mutes/groups/{slug}", web::delete().to(unmute_group))
        .route("/moderation/message-reports", web::get().to(open_reports))
        .route(
            "/moderation/message-reports/{id}",
            web::get().to(view_report),
        )
        .route(
            "/moderation/message-reports/{id}/close",
            web::post().to(close_report),
        );
}

#[derive(Deserialize)]
struct NewConversation {
    to: Vec<String>,
    body: String,
    #[serde(default)]
    confirm_phi: bool,
}

async fn start(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    body: web::Json<NewConversation>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let started = messages::start(&state, &user, &b.to, &b.body, b.confirm_phi).await?;
    Ok(HttpResponse::Created().json(started))
}

async fn list(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let list = messages::list(&state, &user).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "conversations": list })))
}

#[derive(Deserialize)]
struct Cursor {
    cursor: Option<String>,
}

async fn get(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    q: web::Query<Cursor>,
) -> Result<HttpResponse, AppError> {
    let c = messages::get(&state, &user, id(&path)?, q.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(c))
}

#[derive(Deserialize)]
struct NewMessage {
    body: String,
    #[serde(default)]
    confirm_phi: bool,
}

async fn send(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<NewMessage>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let m = messages::send(&state, &user, id(&path)?, &b.body, b.confirm_phi).await?;
    Ok(HttpResponse::Created().json(m))
}

async fn mute(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    messages::mute(&state, &user, id(&path)?, true).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn unmute(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    messages::mute(&state, &user, id(&path)?, false).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn report(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<reports::Report>,
) -> Result<HttpResponse, AppError> {
    let r = reports::report(&state, &user, id(&path)?, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(r))
}

#[derive(Deserialize)]
struct MePatch {
    messages: Option<bool>,
}

/// Changes the caller's own settings (so far: whether they take private messages).
async fn update_me(
    state: web::Data<AppState>,
    ApiUser(mut user): ApiUser,
    body: web::Json<MePatch>,
) -> Result<HttpResponse, AppError> {
    if let Some(on) = body.messages {
        messages::set_enabled(&state, &user, on).await?;
        user.messages_enabled = on;
    }
    Ok(HttpResponse::Ok().json(super::accounts::Me::of(&user)))
}

async fn list_blocks(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let list = blocks::list(&state, &user).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "blocks": list })))
}

async fn block(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    blocks::set(&state, &user, &path, true).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn unblock(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    blocks::set(&state, &user, &path, false).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn mute_thread(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    blocks::mute_thread(&state, &user, id(&path)?, true).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn unmute_thread(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    blocks::mute_thread(&state, &user, id(&path)?, false).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn mute_group(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    blocks::mute_group(&state, &user, path.into_inner(), true).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn unmute_group(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    blocks::mute_group(&state, &user, path.into_inner(), false).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn open_reports(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let list = reports::open(&state, &user).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "reports": list })))
}

async fn view_report(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(reports::view(&state, &user, id(&path)?, &client).await?))
}

#[derive(Deserialize)]
struct Close {
    action_taken: bool,
}

async fn close_report(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<Close>,
) -> Result<HttpResponse, AppError> {
    let r = reports::close(&state, &user, id(&path)?, body.action_taken, &client).await?;
    Ok(HttpResponse::Ok().json(r))
}
