//! `/posts/{id}/note`: group moderators' notes under published posts.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::safety::notes;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/posts/{id}/note", web::put().to(put_note))
        .route("/posts/{id}/note", web::delete().to(delete_note));
}

#[derive(Deserialize)]
struct NoteBody {
    note: String,
}

async fn put_note(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<NoteBody>,
) -> Result<HttpResponse, AppError> {
    let post = notes::set(&state, &user, id(&path)?, &body.note, &client).await?;
    Ok(HttpResponse::Ok().json(post))
}

async fn delete_note(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let post = notes::remove(&state, &user, id(&path)?, &client).await?;
    Ok(HttpResponse::Ok().json(post))
}
