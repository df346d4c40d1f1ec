//! The JSON API under `/api/v1`, as written in the contract (`shared/API.md`).

mod accounts;
mod clinicians;
mod groups;
pub mod health;
mod images;
mod messages;
mod moderation;
mod moderation_audit;
mod notify;
mod openapi;
mod posts;
mod privacy;
mod safety;
mod search;

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{web, HttpRequest};

use crate::error::AppError;

pub use openapi::DOCUMENT as OPENAPI_DOCUMENT;

/// The largest JSON body accepted; posts are limited well below this.
pub const JSON_LIMIT: usize = 64 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .app_data(json_config())
            .app_data(
                web::PathConfig::default()
                    .error_handler(|e: PathError, _| AppError::BadRequest(e.to_string()).into()),
            )
            .app_data(
                web::QueryConfig::default().error_handler(|e: QueryPayloadError, _| {
                    AppError::BadRequest(format!("bad query string: {e}")).into()
                }),
            )
            .configure(accounts::routes)
            .configure(groups::routes)
            .configure(posts::routes)
            .configure(moderation_audit::routes)
            .configure(moderation::routes)
            .configure(clinicians::routes)
            .configure(search::routes)
            .configure(privacy::routes)
            .configure(safety::routes)
            .configure(notify::routes)
            .configure(images::routes)
            .configure(messages::routes)
            .configure(openapi::routes),
    );
}

/// Malformed JSON, the wrong content type, wrong types and oversized bodies all become clear 4xx
/// answers in the contract's error shape.
fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().limit(JSON_LIMIT).error_handler(
        |err: JsonPayloadError, _: &HttpRequest| {
            let e = match &err {
                JsonPayloadError::OverflowKnownLength { .. }
                | JsonPayloadError::Overflow { .. } => AppError::PayloadTooLarge(format!(
                    "The request body is larger than {} KiB.",
                    JSON_LIMIT / 1024
                )),
                JsonPayloadError::ContentType => AppError::UnsupportedMediaType(
                    "Send the body as JSON with Content-Type: application/json.".into(),
                ),
                JsonPayloadError::Deserialize(e) if e.is_data() => AppError::Validation {
                    message: format!("The JSON body has the wrong shape: {e}"),
                    fields: Default::default(),
                },
                JsonPayloadError::Deserialize(e) => {
                    AppError::BadRequest(format!("The body is not valid JSON: {e}"))
                }
                other => AppError::BadRequest(format!("The body could not be read: {other}")),
            };
            e.into()
        },
    )
}
