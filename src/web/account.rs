//! The account page (`/me`): password change, two-factor sign-in, and the list of sessions.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::auth::{accounts, totp};
use crate::db::credentials;
use crate::db::rfc3339;
use crate::error::AppError;
use crate::state::AppState;

use super::CsrfOnly;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me", web::get().to(account))
        .route("/me/password", web::get().to(password_form))
        .route("/me/password", web::post().to(change_password))
        .route("/me/2fa", web::get().to(totp_setup))
        .route("/me/2fa", web::post().to(totp_start))
        .route("/me/2fa/confirm", web::post().to(totp_confirm))
        .route("/me/2fa/disable", web::post().to(totp_disable))
        .route("/me/sessions/{id}/end", web::post().to(end_session));
}

#[derive(Serialize)]
struct SessionView {
    id: i64,
    device: String,
    ip: String,
    last_seen: String,
    last_seen_text: String,
    current: bool,
}

async fn account(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let uid = me.user.id;
    let (list, codes_left, api_signins) = state
        .db
        .run(move |conn| {
            Ok((
                credentials::sessions_of(conn, uid)?,
                credentials::unused_recovery_codes(conn, uid)?,
                crate::privacy::sessions::api_views(conn, uid)?,
            ))
        })
        .await?;
    let sessions: Vec<SessionView> = list
        .into_iter()
        .map(|s| SessionView {
            id: s.id,
            device: crate::display::describe_device(s.user_agent.as_deref()),
            ip: s.ip.unwrap_or_default(),
            last_seen: rfc3339(s.last_seen_at),
            last_seen_text: crate::display::human_time(s.last_seen_at),
            current: s.id == me.session_id,
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("sessions", &sessions);
    ctx.insert("api_signins", &api_signins);
    ctx.insert("member_since", &rfc3339(me.user.created_at));
    ctx.insert(
        "member_since_text",
        &crate::display::human_date(me.user.created_at),
    );
    ctx.insert(
        "needs_2fa",
        &(me.user.role().needs_two_factor() && !me.user.totp_enabled()),
    );
    ctx.insert("codes_left", &codes_left);
    ctx.insert("badge", &me.user.badge());
    ctx.insert("email_pref", &super::notify::email_preference(&state, &me));
    super::page(&state, &req, &me.viewer, "me.html", "Your account", ctx)
}

async fn password_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    super::page(
        &state,
        &req,
        &me.viewer,
        "password.html",
        "Change your password",
        tera::Context::new(),
    )
}

#[derive(Deserialize)]
struct PasswordForm {
    csrf_token: String,
    current_password: String,
    new_password: String,
    new_password_again: String,
}

async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    client: ClientInfo,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let result = if f.new_password != f.new_password_again {
        Err(AppError::validation(
            "new_password_again",
            "The two new passwords are not the same.",
        ))
    } else {
        accounts::change_password(
            &state,
            &me.user,
            f.current_password,
            f.new_password,
            Some(me.session_id),
            &client,
        )
        .await
    };
    match result {
        Ok(()) => Ok(super::redirect_with(
            &state,
            "/me",
            Some("Your password was changed. Every other device and app was signed out."),
            vec![],
        )),
        Err(e @ AppError::Validation { .. }) => {
            let ctx = tera::Context::new();
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "password.html",
                "Change your password",
                ctx,
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

async fn totp_start(
    state: web::Data<AppState>,
    me: SignedIn,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    accounts::start_totp(&state, &me.user).await?;
    Ok(super::redirect_with(&state, "/me/2fa", None, vec![]))
}

/// The set-up page for a pending enrolment: QR code, the secret to type, and the code field.
async fn totp_setup(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    setup_page(&state, &req, &me, None)
}

fn setup_page(
    state: &AppState,
    req: &HttpRequest,
    me: &SignedIn,
    err: Option<&AppError>,
) -> Result<HttpResponse, AppError> {
    let Some(secret) = me
        .user
        .totp_pending_secret
        .as_deref()
        .filter(|_| !me.user.totp_enabled())
    else {
        return Ok(super::redirect_with(state, "/me", None, vec![]));
    };
    let uri = totp::otpauth_uri(secret, &me.user.username)?;
    let grouped: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("secret", &grouped.join(" "));
    ctx.insert("otpauth_uri", &uri);
    ctx.insert("qr_svg", &qr_svg(&uri));
    let title = "Turn on two-factor sign-in";
    match err {
        Some(e) => super::form_again(state, req, &me.viewer, "totp_setup.html", title, ctx, e),
        None => super::page(state, req, &me.viewer, "totp_setup.html", title, ctx),
    }
}

#[derive(Deserialize)]
struct CodeForm {
    csrf_token: String,
    code: String,
}

async fn totp_confirm(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    client: ClientInfo,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    match accounts::confirm_totp(&state, &me.user, &form.code, &client).await {
        Ok(codes) => {
            let mut ctx = tera::Context::new();
            ctx.insert("codes", &codes);
            super::page(
                &state,
                &req,
                &me.viewer,
                "recovery_codes.html",
                "Save your recovery codes",
                ctx,
            )
        }
        Err(e @ AppError::Validation { .. }) => setup_page(&state, &req, &me, Some(&e)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct DisableForm {
    csrf_token: String,
    password: String,
}

async fn totp_disable(
    state: web::Data<AppState>,
    me: SignedIn,
    client: ClientInfo,
    form: web::Form<DisableForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    match accounts::disable_totp(&state, &me.user, form.into_inner().password, &client).await {
        Ok(()) => Ok(super::redirect_with(
            &state,
            "/me",
            Some("Two-factor sign-in is now off."),
            vec![],
        )),
        Err(AppError::Validation { message, .. }) => {
            Ok(super::redirect_with(&state, "/me", Some(&message), vec![]))
        }
        Err(e) => Err(e),
    }
}

async fn end_session(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (uid, sid) = (me.user.id, path.into_inner());
    let ended = state
        .db
        .write(move |conn| {
            let mine = credentials::sessions_of(conn, uid)?
                .iter()
                .any(|s| s.id == sid);
            if mine {
                credentials::delete_session(conn, sid)?;
            }
            Ok(mine)
        })
        .await?;
    if !ended {
        return Err(AppError::NotFound);
    }
    Ok(super::redirect_with(
        &state,
        "/me",
        Some("That session was signed out."),
        vec![],
    ))
}

/// The otpauth URI as an SVG QR code (no script, no external image).
fn qr_svg(text: &str) -> String {
    use qrcodegen::{QrCode, QrCodeEcc};
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let border = 4;
    let size = qr.size() + border * 2;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" class=\"qr\" role=\"img\" \
         aria-label=\"QR code for your authenticator app\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}
