//! Clinician verification: applying, reviewing, revoking.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::clinicians::{self, Application};
use crate::error::AppError;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/clinician/applications", web::post().to(apply))
        .route("/clinician/applications", web::get().to(list))
        .route(
            "/clinician/applications/{id}/{decision}",
            web::post().to(decide),
        )
        .route("/clinician/{username}/revoke", web::post().to(revoke))
        .route("/clinicians/{username}", web::get().to(provenance));
}

async fn apply(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    body: web::Json<Application>,
) -> Result<HttpResponse, AppError> {
    let a = clinicians::apply(&state, &user, body.into_inner(), &client).await?;
    Ok(HttpResponse::Created().json(a))
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
}

async fn list(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let list = clinicians::list(&state, &user, q.into_inner().status).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "applications": list })))
}

#[derive(Deserialize, Default)]
struct Reason {
    #[serde(default)]
    reason: Option<String>,
}

async fn decide(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<(String, String)>,
    body: Option<web::Json<Reason>>,
) -> Result<HttpResponse, AppError> {
    let (id, decision) = path.into_inner();
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let approve = match decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let reason = body.and_then(|b| b.into_inner().reason);
    let a = clinicians::decide(&state, &user, id, approve, reason, &client).await?;
    Ok(HttpResponse::Ok().json(a))
}

async fn revoke(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: Option<web::Json<Reason>>,
) -> Result<HttpResponse, AppError> {
    let reason = body.and_then(|b| b.into_inner().reason);
    clinicians::revoke(&state, &user, &path, reason, &client).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "revoked": true })))
}

/// What a verified clinician's badge stands for: public, and never the numbers checked.
async fn provenance(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(crate::badges::provenance(&state, &path).await?))
}
