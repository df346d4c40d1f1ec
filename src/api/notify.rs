//! Watching threads and groups, the member's email address (preference, confirmation), and the
//! admins' forum health.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::extract::ApiUser;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::notify::{self, confirm, email, health};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/threads/{id}/watch", web::put().to(watch_thread::<true>))
        .route(
            "/threads/{id}/watch",
            web::delete().to(watch_thread::<false>),
        )
        .route("/groups/{slug}/watch", web::put().to(watch_group::<true>))
        .route(
            "/groups/{slug}/watch",
            web::delete().to(watch_group::<false>),
        )
        .route("/me/watching", web::get().to(watching))
        .route("/me/email-notifications", web::put().to(set_email))
        .route("/me/email/confirm", web::post().to(confirm_email))
        .route("/me/email/resend", web::post().to(resend_confirmation))
        .route("/admin/health", web::get().to(forum_health));
}

async fn watch_thread<const ON: bool>(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    notify::watch_thread(&state, &user, id(&path)?, ON).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "watching": ON })))
}

async fn watch_group<const ON: bool>(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    notify::watch_group(&state, &user, path.into_inner(), ON).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "watching": ON })))
}

async fn watching(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(notify::watching(&state, &user).await?))
}

#[derive(Deserialize)]
struct EmailPreference {
    email: Option<String>,
    enabled: bool,
}

async fn set_email(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    body: web::Json<EmailPreference>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    Ok(HttpResponse::Ok().json(email::set_preference(&state, &user, b.email, b.enabled).await?))
}

#[derive(Deserialize)]
struct ConfirmBody {
    token: String,
}

/// The API's twin of the confirmation page's form: the token from the mailed link, for the
/// signed-in owner of the address.
async fn confirm_email(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    body: web::Json<ConfirmBody>,
) -> Result<HttpResponse, AppError> {
    let user = confirm::confirm(&state, &body.token, Some(user.id)).await?;
    Ok(HttpResponse::Ok().json(email::preference(&state, &user)))
}

async fn resend_confirmation(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    confirm::resend(&state, &user).await?;
    Ok(HttpResponse::Accepted().json(email::preference(&state, &user)))
}

async fn forum_health(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(health::health(&state, &user).await?))
}
