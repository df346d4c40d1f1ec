//! Uploading images, and the moderators' decisions on them. The images themselves are served
//! outside `/api` (`GET /images/{id}`, in `web::images`), from the site's own origin.

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::images::decide::{self, ImageDecision};
use crate::images::{form, upload};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/images", web::post().to(create))
        .route("/moderation/images", web::get().to(held))
        .route("/moderation/images/{id}/{action}", web::post().to(act));
}

/// `multipart/form-data` with `file` and `alt`: 201 with the image, held for review.
async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    ApiUser(user): ApiUser,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    form::check_length(&req)?;
    let f = form::read(payload).await?;
    let image = upload::upload(&state, &user, f.file, f.alt.as_deref()).await?;
    Ok(HttpResponse::Created().json(image))
}

async fn held(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
) -> Result<HttpResponse, AppError> {
    let images = decide::held(&state, &user).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "images": images })))
}

#[derive(Deserialize, Default)]
struct ActBody {
    #[serde(default)]
    reason: Option<String>,
}

/// `approve` (no body needed) or `reject` with `{"reason"}`.
async fn act(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<(String, String)>,
    body: Option<web::Json<ActBody>>,
) -> Result<HttpResponse, AppError> {
    let (image, action) = path.into_inner();
    let body = body.map(web::Json::into_inner).unwrap_or_default();
    let decision = ImageDecision::parse(&action, body.reason)?;
    let image = decide::decide(&state, &user, id(&image)?, decision, &client).await?;
    Ok(HttpResponse::Ok().json(image))
}
