//! `/auth/*`, `/me`, `/me/2fa`, `/me/password` and `PATCH /users/{username}`.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::auth::signin::{self, Outcome};
use crate::auth::{accounts, api_tokens};
use crate::error::AppError;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/auth/register", web::post().to(register))
        .route("/auth/login", web::post().to(login))
        .route("/auth/refresh", web::post().to(refresh))
        .route("/auth/logout", web::post().to(logout))
        .route("/me", web::get().to(me))
        .route("/me/password", web::post().to(change_password))
        .route("/me/2fa", web::post().to(start_2fa))
        .route("/me/2fa", web::delete().to(disable_2fa))
        .route("/me/2fa/confirm", web::post().to(confirm_2fa))
        .route("/users/{username}", web::patch().to(set_role));
}

#[derive(Deserialize)]
struct RegisterBody {
    username: String,
    password: String,
    #[serde(default)]
    email: Option<String>,
}

async fn register(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<RegisterBody>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let user =
        accounts::register(&state, &b.username, b.password, b.email.as_deref(), &client).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "user": user.public() })))
}

#[derive(Deserialize)]
struct LoginBody {
    username: String,
    password: String,
    #[serde(default)]
    totp: Option<String>,
}

async fn login(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<LoginBody>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let user = match signin::authenticate(&state, &b.username, b.password, b.totp, &client).await? {
        Outcome::SignedIn(user) => user,
        Outcome::NeedsSecondFactor(_) => {
            return Err(AppError::unauthorized(
                "totp_required",
                "This account has two-factor sign-in on: send the current code (or a recovery code) as \"totp\".",
            ))
        }
    };
    Ok(HttpResponse::Ok().json(api_tokens::issue(&state, &user, &client).await?))
}

#[derive(Deserialize)]
struct RefreshBody {
    refresh_token: String,
}

async fn refresh(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<RefreshBody>,
) -> Result<HttpResponse, AppError> {
    let pair = api_tokens::refresh(&state, body.into_inner().refresh_token, &client).await?;
    Ok(HttpResponse::Ok().json(pair))
}

async fn logout(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<RefreshBody>,
) -> Result<HttpResponse, AppError> {
    api_tokens::logout(&state, body.into_inner().refresh_token, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's own view: the public `User` and what only they may know of their address.
#[derive(serde::Serialize)]
pub(super) struct Me {
    #[serde(flatten)]
    user: crate::db::users::PublicUser,
    email: Option<String>,
    email_confirmed: bool,
    email_notifications: bool,
    /// Whether other members may write to them privately.
    messages: bool,
}

impl Me {
    pub(super) fn of(user: &crate::db::users::UserRow) -> Me {
        Me {
            user: user.public(),
            email: user.email.clone(),
            email_confirmed: user.email_confirmed(),
            email_notifications: user.email_notifications,
            messages: user.messages_enabled,
        }
    }
}

async fn me(ApiUser(user): ApiUser) -> HttpResponse {
    HttpResponse::Ok().json(Me::of(&user))
}

#[derive(Deserialize)]
struct PasswordChange {
    current_password: String,
    new_password: String,
}

async fn change_password(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    body: web::Json<PasswordChange>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    accounts::change_password(
        &state,
        &user,
        b.current_password,
        b.new_password,
        None,
        &client,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn start_2fa(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let e = accounts::start_totp(&state, &user).await?;
    Ok(HttpResponse::Ok()
        .json(serde_json::json!({ "secret": e.secret, "otpauth_uri": e.otpauth_uri })))
}

#[derive(Deserialize)]
struct TotpBody {
    totp: String,
}

async fn confirm_2fa(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    body: web::Json<TotpBody>,
) -> Result<HttpResponse, AppError> {
    let codes = accounts::confirm_totp(&state, &user, &body.totp, &client).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "recovery_codes": codes })))
}

#[derive(Deserialize)]
struct PasswordBody {
    password: String,
}

async fn disable_2fa(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    body: web::Json<PasswordBody>,
) -> Result<HttpResponse, AppError> {
    accounts::disable_totp(&state, &user, body.into_inner().password, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
struct RoleBody {
    role: String,
}

async fn set_role(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(admin): ApiUser,
    path: web::Path<String>,
    body: web::Json<RoleBody>,
) -> Result<HttpResponse, AppError> {
    let user = accounts::set_role(&state, &admin, &path.into_inner(), &body.role, &client).await?;
    Ok(HttpResponse::Ok().json(user))
}
