//! Images from our own origin: `GET /images/{id}` and `/images/{id}/thumb` (to a browser session or
//! a bearer token), the upload page and form, and the moderators' page of held images.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::auth::{api_tokens, sessions};
use crate::db::users::UserRow;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::images::decide::{self, ImageDecision};
use crate::images::{form, serve, upload, Status};
use crate::state::AppState;

/// What an image document may do: nothing. Were a browser ever to read one as a page, it could
/// run no script and load nothing.
const IMAGE_CSP: &str = "default-src 'none'; sandbox";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/images/new", web::get().to(new_page))
        .route("/images", web::post().to(upload_form))
        .route("/images/{id}", web::get().to(full))
        .route("/images/{id}/thumb", web::get().to(thumb))
        .route("/moderation/images", web::get().to(moderation_page))
        .route(
            "/moderation/images/{id}/{action}",
            web::post().to(decide_form),
        );
}

/// Whoever asks for an image: a bearer token (API clients) or the browser's session.
async fn caller(state: &AppState, req: &HttpRequest) -> Result<Option<UserRow>, AppError> {
    if req.headers().contains_key(header::AUTHORIZATION) {
        let token = crate::auth::extract::bearer_token(req)?;
        return Ok(Some(
            api_tokens::user_for_access_token(state, &token).await?,
        ));
    }
    match req.cookie(sessions::SESSION_COOKIE) {
        Some(c) => Ok(sessions::resume(state, c.value().to_owned())
            .await?
            .map(|(_, u)| u)),
        None => Ok(None),
    }
}

async fn send(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    thumb: bool,
) -> Result<HttpResponse, AppError> {
    let image = id(&path)?;
    let viewer = caller(&state, &req).await?;
    let s = serve::image(&state, viewer, image, thumb).await?;
    // Access depends on who asks: never a shared cache; a held image not even a private one.
    let cache = match s.status {
        Status::Approved => "private, max-age=300",
        _ => "private, no-store",
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, s.format.mime()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "inline; filename=\"image-{}.{}\"",
                s.id,
                s.format.extension()
            ),
        ))
        .insert_header((header::CONTENT_SECURITY_POLICY, IMAGE_CSP))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header(("Cross-Origin-Resource-Policy", "same-origin"))
        // Already compressed: the compression middleware leaves an encoded body alone.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .body(s.bytes))
}

async fn full(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    send(state, req, path, false).await
}

async fn thumb(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    send(state, req, path, true).await
}

async fn new_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    super::page(
        &state,
        &req,
        &me.viewer,
        "image_new.html",
        "Add an image",
        tera::Context::new(),
    )
}

/// The upload form: on success a page with the image (waiting for review) and the line to paste
/// into a post; otherwise the form again with what was wrong.
async fn upload_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    form::check_length(&req)?;
    let f = form::read(payload).await?;
    me.viewer
        .check_csrf(f.csrf_token.as_deref().unwrap_or_default())?;
    let mut ctx = tera::Context::new();
    ctx.insert("alt", &f.alt.clone().unwrap_or_default());
    match upload::upload(&state, &me.user, f.file, f.alt.as_deref()).await {
        Ok(image) => {
            ctx.insert("image", &image);
            super::page(
                &state,
                &req,
                &me.viewer,
                "image_uploaded.html",
                "Image uploaded",
                ctx,
            )
        }
        Err(e @ (AppError::Validation { .. } | AppError::PayloadTooLarge(_))) => {
            let e = match e {
                AppError::PayloadTooLarge(m) => AppError::validation("file", m),
                e => e,
            };
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "image_new.html",
                "Add an image",
                ctx,
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

async fn moderation_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let images = decide::held(&state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("images", &images);
    super::page(
        &state,
        &req,
        &me.viewer,
        "moderation_images.html",
        "Images waiting for review",
        ctx,
    )
}

#[derive(Deserialize)]
struct DecideForm {
    csrf_token: String,
    #[serde(default)]
    reason: Option<String>,
}

async fn decide_form(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<(String, String)>,
    form: web::Form<DecideForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (image, action) = path.into_inner();
    let f = form.into_inner();
    let done = match ImageDecision::parse(&action, f.reason) {
        Ok(d) => decide::decide(&state, &me.user, id(&image)?, d, &client).await,
        Err(e) => Err(e),
    };
    let notice = match done {
        Ok(img) if img.status == Status::Approved => "Image approved.".to_owned(),
        Ok(_) => "Image rejected and deleted; the uploader was told why.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/moderation/images",
        Some(&notice),
        vec![],
    ))
}
