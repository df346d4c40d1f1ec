//! Pages for watching threads and groups, the email preference on `/me` and the confirmation of
//! its address, and the admins' forum health page.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::extract::{SignedIn, Viewer};
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::notify::{self, confirm, email, health};
use crate::state::AppState;
use crate::web::CsrfOnly;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/threads/{id}/watch", web::post().to(watch_thread))
        .route("/groups/{slug}/watch", web::post().to(watch_group))
        .route("/me/email", web::post().to(set_email))
        .route("/me/email/resend", web::post().to(resend_confirmation))
        .route("/email/confirm", web::get().to(confirm_page))
        .route("/email/confirm", web::post().to(confirm_email))
        .route("/admin/health", web::get().to(health_page));
}

#[derive(Deserialize)]
struct WatchForm {
    csrf_token: String,
    /// "1" to watch, anything else to stop.
    watch: String,
}

async fn watch_thread(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<WatchForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (thread, on) = (id(&path)?, form.watch == "1");
    notify::watch_thread(&state, &me.user, thread, on).await?;
    let notice = if on {
        "You are watching this thread: you will be told of every new reply."
    } else {
        "You stopped watching this thread."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/threads/{thread}"),
        Some(notice),
        vec![],
    ))
}

async fn watch_group(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<WatchForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (slug, on) = (path.into_inner(), form.watch == "1");
    notify::watch_group(&state, &me.user, slug.clone(), on).await?;
    let notice = if on {
        "You are watching this group: you will be told of every new thread."
    } else {
        "You stopped watching this group."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/groups/{slug}"),
        Some(notice),
        vec![],
    ))
}

/// The account page's email section.
pub fn email_preference(state: &AppState, me: &SignedIn) -> email::Preference {
    email::preference(state, &me.user)
}

#[derive(Deserialize)]
struct EmailForm {
    csrf_token: String,
    #[serde(default)]
    email: String,
    /// A checked checkbox sends "on"; an unchecked one sends nothing.
    #[serde(default)]
    email_notifications: Option<String>,
}

async fn set_email(
    state: web::Data<AppState>,
    me: SignedIn,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let wanted = f.email_notifications.is_some();
    let before = me.user.email.clone();
    let notice = match email::set_preference(&state, &me.user, Some(f.email), wanted).await {
        Ok(p) if p.email.is_some() && p.email != before && p.available => {
            "Saved. We sent a link to your new address: follow it to confirm the address. Until then we send it no email.".to_owned()
        }
        Ok(p) if p.email_notifications && !p.email_confirmed => {
            "Saved. We will email you about notifications once you confirm your address.".to_owned()
        }
        Ok(p) if p.email_notifications => {
            "Saved: we will email you when you have a new notification.".to_owned()
        }
        Ok(_) => "Saved: we will not email you about notifications.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/me#email-heading",
        Some(&notice),
        vec![],
    ))
}

/// "Send the link again" on the account page.
async fn resend_confirmation(
    state: web::Data<AppState>,
    me: SignedIn,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let notice = match confirm::resend(&state, &me.user).await {
        Ok(()) => "We sent a new confirmation link to your address.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/me#email-heading",
        Some(&notice),
        vec![],
    ))
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// Where the mailed link leads. It changes nothing (a mail scanner that follows links must not
/// confirm anything): it only shows the form whose POST confirms.
async fn confirm_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = tera::Context::new();
    ctx.insert("token", &query.token);
    super::page(
        &state,
        &req,
        &viewer,
        "email_confirm.html",
        "Confirm your email address",
        ctx,
    )
}

#[derive(Deserialize)]
struct ConfirmForm {
    csrf_token: String,
    #[serde(default)]
    token: String,
}

/// Confirms the address: the link proves the mailbox, so no sign-in is needed. A bad, used or
/// expired link answers with the error page saying which.
async fn confirm_email(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    viewer.check_csrf(&form.csrf_token)?;
    confirm::confirm(&state, &form.token, None).await?;
    let to = if viewer.user().is_some() {
        "/me#email-heading"
    } else {
        "/"
    };
    Ok(super::redirect_with(
        &state,
        to,
        Some("Your email address is confirmed."),
        vec![],
    ))
}

async fn health_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let h = health::health(&state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("phi_bars", &health::bars(&h.phi_holds_per_week));
    ctx.insert("member_bars", &health::bars(&h.new_members_per_week));
    ctx.insert("chart_width", &health::CHART_WIDTH);
    ctx.insert("chart_height", &health::CHART_HEIGHT);
    ctx.insert("health", &h);
    super::page(
        &state,
        &req,
        &me.viewer,
        "admin_health.html",
        "Forum health",
        ctx,
    )
}
