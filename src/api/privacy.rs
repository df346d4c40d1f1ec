//! `/me/export`, `DELETE /me`, `/me/sessions…` and `DELETE /admin/users/{username}`.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::auth::jwt;
use crate::error::AppError;
use crate::privacy::sessions::{self, Current};
use crate::privacy::{erase, export};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me/export", web::get().to(export_data))
        .route("/me", web::delete().to(delete_me))
        .route("/me/sessions", web::get().to(list_sessions))
        .route("/me/sessions/revoke-all", web::post().to(revoke_all))
        .route("/me/sessions/{id}", web::delete().to(end_session))
        .route("/admin/users/{username}", web::delete().to(admin_delete));
}

/// The sign-in (refresh-token family) the caller's access token belongs to.
fn current(state: &AppState, req: &HttpRequest) -> Current {
    let family = crate::auth::extract::bearer_token(req)
        .ok()
        .and_then(|t| jwt::family(&state.keys.jwt, &t));
    Current::Api(family)
}

async fn export_data(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(export::export(&state, &user, &client).await?))
}

#[derive(Deserialize)]
struct DeleteBody {
    password: String,
    posts: String,
}

async fn delete_me(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    body: web::Json<DeleteBody>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    erase::delete_own(&state, &user, b.password, &b.posts, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn list_sessions(
    state: web::Data<AppState>,
    req: HttpRequest,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let list = sessions::list(&state, &user, current(&state, &req)).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "sessions": list })))
}

async fn end_session(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    sessions::end(&state, &user, &path.into_inner(), &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn revoke_all(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let ended = sessions::end_all_others(&state, &user, current(&state, &req), &client).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "ended": ended })))
}

#[derive(Deserialize)]
struct AdminDeleteBody {
    posts: String,
    reason: String,
}

async fn admin_delete(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(admin): ApiUser,
    path: web::Path<String>,
    body: web::Json<AdminDeleteBody>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    erase::delete_by_admin(
        &state,
        &admin,
        &path.into_inner(),
        &b.posts,
        &b.reason,
        &client,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
