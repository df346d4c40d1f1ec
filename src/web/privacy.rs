//! Pages for members' privacy rights: download your data, delete your account (and an admin's
//! deletion on request), end an app's sign-in, and sign out everywhere else.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::auth::sessions as browser_sessions;
use crate::error::AppError;
use crate::privacy::sessions::{self, Current};
use crate::privacy::{erase, export};
use crate::state::AppState;

use super::CsrfOnly;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me/export", web::post().to(download))
        .route("/me/delete", web::get().to(delete_form))
        .route("/me/delete", web::post().to(delete_account))
        .route("/me/signins/{id}/end", web::post().to(end_sign_in))
        .route("/me/sessions/end-all", web::post().to(end_all))
        .route("/admin/users/{username}/delete", web::get().to(admin_form))
        .route(
            "/admin/users/{username}/delete",
            web::post().to(admin_delete),
        );
}

/// The export as a file download (`kindred-export-USERNAME.json`).
async fn download(
    state: web::Data<AppState>,
    me: SignedIn,
    client: ClientInfo,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let doc = export::export(&state, &me.user, &client).await?;
    let body =
        serde_json::to_vec_pretty(&doc).map_err(|e| AppError::internal(format!("export: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"kindred-export-{}.json\"",
                me.user.username
            ),
        ))
        .body(body))
}

fn delete_ctx(target: Option<&str>, posts: &str, reason: &str) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("target", &target);
    ctx.insert("posts", posts);
    ctx.insert("reason", reason);
    ctx
}

async fn delete_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let ctx = delete_ctx(None, "anonymise", "");
    super::page(
        &state,
        &req,
        &me.viewer,
        "delete_account.html",
        "Delete your account",
        ctx,
    )
}

#[derive(Deserialize)]
struct DeleteForm {
    csrf_token: String,
    #[serde(default)]
    posts: String,
    password: String,
}

async fn delete_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    client: ClientInfo,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    match erase::delete_own(&state, &me.user, f.password, &f.posts, &client).await {
        Ok(()) => Ok(super::redirect_with(
            &state,
            "/",
            Some("Your account was deleted. Thank you for being part of Kindred."),
            vec![browser_sessions::removal(
                &state,
                browser_sessions::SESSION_COOKIE,
            )],
        )),
        Err(e) => {
            let e = match e {
                AppError::Unauthorized { .. } => AppError::validation(
                    "password",
                    "That is not your password, so nothing was deleted.",
                ),
                e @ AppError::Validation { .. } => e,
                e => return Err(e),
            };
            let ctx = delete_ctx(None, &f.posts, "");
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "delete_account.html",
                "Delete your account",
                ctx,
                &e,
            )
        }
    }
}

async fn end_sign_in(
    state: web::Data<AppState>,
    me: SignedIn,
    client: ClientInfo,
    path: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    sessions::end(&state, &me.user, &path.into_inner(), &client).await?;
    Ok(super::redirect_with(
        &state,
        "/me",
        Some("That app was signed out."),
        vec![],
    ))
}

async fn end_all(
    state: web::Data<AppState>,
    me: SignedIn,
    client: ClientInfo,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let n = sessions::end_all_others(&state, &me.user, Current::Browser(me.session_id), &client)
        .await?;
    let text = match n {
        0 => "You were not signed in anywhere else. You stay signed in here.".to_owned(),
        1 => "1 other sign-in was ended. You stay signed in here.".to_owned(),
        n => format!("{n} other sign-ins were ended. You stay signed in here."),
    };
    Ok(super::redirect_with(&state, "/me", Some(&text), vec![]))
}

async fn admin_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    crate::auth::accounts::require_role(&me.user, crate::domain::Role::Admin)?;
    let name = path.into_inner();
    let ctx = delete_ctx(Some(&name), "anonymise", "");
    super::page(
        &state,
        &req,
        &me.viewer,
        "delete_account.html",
        "Delete a member's account",
        ctx,
    )
}

#[derive(Deserialize)]
struct AdminForm {
    csrf_token: String,
    #[serde(default)]
    posts: String,
    #[serde(default)]
    reason: String,
}

async fn admin_delete(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    client: ClientInfo,
    path: web::Path<String>,
    form: web::Form<AdminForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (name, f) = (path.into_inner(), form.into_inner());
    match erase::delete_by_admin(&state, &me.user, &name, &f.posts, &f.reason, &client).await {
        Ok(()) => Ok(super::redirect_with(
            &state,
            "/",
            Some(&format!("The account {name} was deleted.")),
            vec![],
        )),
        Err(e @ AppError::Validation { .. }) => {
            let ctx = delete_ctx(Some(&name), &f.posts, &f.reason);
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "delete_account.html",
                "Delete a member's account",
                ctx,
                &e,
            )
        }
        Err(e) => Err(e),
    }
}
