//! `GET /openapi.json`: the OpenAPI 3.1 document of this API, kept beside the routes as a file
//! (`openapi.json`) and held true by `tests/api/openapi.rs`, which fails naming any route missing
//! from it or any path in it that is not a route.

use actix_web::{http::header, web, HttpResponse};

/// The document, compiled into the binary.
pub const DOCUMENT: &str = include_str!("openapi.json");

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/openapi.json", web::get().to(document));
}

async fn document() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .body(DOCUMENT)
}
