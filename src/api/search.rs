//! `GET /search`: full-text search over what the caller may read.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::extract::MaybeApiUser;
use crate::error::AppError;
use crate::search::{self, Search};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/search", web::get().to(find));
}

#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
    group: Option<String>,
    /// `true`: only threads a verified clinician answered.
    #[serde(default)]
    clinician_answered: Option<bool>,
    cursor: Option<String>,
}

async fn find(
    state: web::Data<AppState>,
    MaybeApiUser(viewer): MaybeApiUser,
    q: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let s = Search {
        q: q.q,
        group: q.group,
        answered: q.clinician_answered.unwrap_or(false),
        cursor: q.cursor,
    };
    Ok(HttpResponse::Ok().json(search::search(&state, viewer, s).await?))
}
