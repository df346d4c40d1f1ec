//! `GET /healthz`: 200 when the database answers, 503 when it does not.

use actix_web::{get, web, HttpResponse};
use diesel::connection::SimpleConnection;

use crate::error::AppError;
use crate::state::AppState;

#[get("/healthz")]
pub async fn healthz(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    state
        .db
        .run(|conn| {
            conn.batch_execute("SELECT 1")
                .map_err(|e| AppError::Unavailable(e.to_string()))
        })
        .await
        .map_err(|e| match e {
            AppError::Unavailable(m) => AppError::Unavailable(m),
            other => AppError::Unavailable(other.to_string()),
        })?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"status": "ok"})))
}
