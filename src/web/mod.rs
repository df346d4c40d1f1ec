//! Server-rendered pages. Handlers stay thin: extract, call one use case, render or redirect.

mod account;
mod appeals;
pub mod assets;
mod audit;
mod clinicians;
mod compose;
mod forum;
mod images;
mod messages;
pub mod middleware;
mod moderation;
mod next;
mod notify;
pub mod post_blocks;
mod privacy;
pub mod rendered;
mod safety;
mod search;
mod signin;
mod spliced;
mod thread_page;

pub use next::safe_next;

use actix_web::cookie::Cookie;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::auth::extract::Viewer;
use crate::error::AppError;
use crate::state::AppState;

const FLASH_COOKIE: &str = "kindred_flash";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::FormConfig::default()
            .limit(64 * 1024)
            .error_handler(|e, _| {
                AppError::BadRequest(format!("The form could not be read: {e}")).into()
            }),
    )
    // The pages read most come first: routes are tried in turn, each pattern with a variable by a
    // regular expression, and the request's span walks them once more to name its route.
    .configure(forum::routes)
    .route("/static/{path:.*}", web::get().to(assets::serve))
    .route("/favicon.ico", web::get().to(assets::favicon))
    .route("/", web::get().to(forum::home))
    .configure(compose::routes)
    .configure(audit::routes)
    .configure(clinicians::routes)
    .configure(moderation::routes)
    .configure(appeals::routes)
    .configure(signin::routes)
    .configure(account::routes)
    .configure(search::routes)
    .configure(privacy::routes)
    .configure(safety::routes)
    .configure(notify::routes)
    .configure(images::routes)
    .configure(messages::routes);
}

/// A form that carries nothing but its CSRF token (sign out, turn on, end a session…).
#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    pub csrf_token: String,
}

/// What the layout shows about the viewer.
#[derive(Serialize)]
struct NavUser<'a> {
    username: &'a str,
    role: &'a str,
    totp_enabled: bool,
}

/// Renders a page with the layout's common context (viewer, CSRF token, one-time notice).
pub fn page(
    state: &AppState,
    req: &HttpRequest,
    viewer: &Viewer,
    template: &str,
    title: &str,
    ctx: tera::Context,
) -> Result<HttpResponse, AppError> {
    page_around(state, req, viewer, template, title, ctx, None)
}

/// [`page`] with a large part rendered before it (a thread's posts, a group's list) in the slot
/// `slot.0` names, spliced in rather than copied through the template engine (`web::spliced`):
/// callers lend it from where it is kept.
fn page_around(
    state: &AppState,
    req: &HttpRequest,
    viewer: &Viewer,
    template: &str,
    title: &str,
    mut ctx: tera::Context,
    slot: Option<(&'static str, &str)>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user().map(|u| NavUser {
        username: &u.username,
        role: &u.role,
        totp_enabled: u.totp_enabled(),
    });
    ctx.insert("user", &user);
    ctx.insert("unread", &viewer.unread);
    ctx.insert("is_staff", &crate::forum::access::is_staff(viewer.user()));
    ctx.insert("csrf_token", &viewer.csrf_token);
    ctx.insert("title", title);
    // Templates test these directly; tera refuses to look into an undefined value.
    if !ctx.contains_key("field_errors") {
        ctx.insert("field_errors", &crate::error::Fields::new());
    }
    if !ctx.contains_key("error") {
        ctx.insert("error", &Option::<String>::None);
    }
    let indexable = ctx.get("indexable").and_then(|v| v.as_bool()) == Some(true);
    if !indexable {
        ctx.insert("indexable", &false);
    }
    let flash = req.cookie(FLASH_COOKIE).map(|c| {
        url::form_urlencoded::parse(format!("m={}", c.value()).as_bytes())
            .find(|(k, _)| k == "m")
            .map(|(_, v)| v.chars().take(300).collect::<String>())
            .unwrap_or_default()
    });
    ctx.insert("flash", &flash);
    let slot = slot.map(|(name, part)| {
        ctx.insert(name, spliced::marker());
        part
    });
    let html = state
        .templates
        .render(template, &ctx)
        .map_err(|e| AppError::internal(format!("template {template}: {e:?}")))?;
    let mut res = HttpResponse::Ok();
    res.content_type("text/html; charset=utf-8");
    if flash.is_some() {
        let mut gone = crate::auth::sessions::removal(state, FLASH_COOKIE);
        gone.set_http_only(true);
        res.cookie(gone);
    }
    let mut res = match slot {
        Some(part) => res.body(spliced::splice(&html, part)?),
        None => res.body(html),
    };
    if indexable {
        res.extensions_mut().insert(middleware::Indexable);
    }
    Ok(res)
}

/// A 303 to `to`, with a notice shown once on the next page.
pub fn redirect_with(
    state: &AppState,
    to: &str,
    notice: Option<&str>,
    cookies: Vec<Cookie<'static>>,
) -> HttpResponse {
    let mut res = HttpResponse::SeeOther();
    res.insert_header((header::LOCATION, to.to_owned()));
    if let Some(text) = notice {
        let value: String = url::form_urlencoded::byte_serialize(text.as_bytes()).collect();
        res.cookie(crate::auth::sessions::cookie(
            state,
            FLASH_COOKIE,
            value,
            Some(time::Duration::minutes(5)),
        ));
    }
    for c in cookies {
        res.cookie(c);
    }
    res.finish()
}

/// The form shown again with what went wrong and the error's 4xx status; `ctx` holds what the
/// person typed (never a password).
pub fn form_again(
    state: &AppState,
    req: &HttpRequest,
    viewer: &Viewer,
    template: &str,
    title: &str,
    mut ctx: tera::Context,
    err: &AppError,
) -> Result<HttpResponse, AppError> {
    form_errors(&mut ctx, err);
    Ok(with_status(
        page(state, req, viewer, template, title, ctx)?,
        err,
    ))
}

fn form_errors(ctx: &mut tera::Context, err: &AppError) {
    // With a field to point at, the summary says where to look and the field says what is wrong.
    let summary = match err.fields() {
        Some(f)
            if f.len() == 1
                && f.keys()
                    .all(|k| k != "password_again" && k != "new_password_again") =>
        {
            "Please check the field marked below.".to_owned()
        }
        _ => err.public_message(),
    };
    ctx.insert("error", &summary);
    ctx.insert("field_errors", &err.fields().cloned().unwrap_or_default());
}

fn with_status(mut res: HttpResponse, err: &AppError) -> HttpResponse {
    use actix_web::ResponseError;
    *res.status_mut() = err.status_code();
    if let AppError::TooManyRequests {
        retry_after_secs, ..
    } = err
    {
        if let Ok(v) = header::HeaderValue::from_str(&retry_after_secs.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    res
}

/// What a refused action says in the notice after its redirect ("Already rejected by …", "Give
/// the author a reason", "You cannot report your own post"); any other error stays an error page.
pub fn notice_for(err: AppError) -> Result<String, AppError> {
    match err {
        e @ (AppError::Conflict { .. }
        | AppError::Validation { .. }
        | AppError::Forbidden { .. }) => Ok(e
            .fields()
            .and_then(|f| f.values().next().cloned())
            .unwrap_or_else(|| e.public_message())),
        e => Err(e),
    }
}
