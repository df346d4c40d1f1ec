//! The front page.

use actix_web::{web, HttpRequest, HttpResponse};

use crate::auth::extract::Viewer;
use crate::error::AppError;
use crate::state::AppState;

pub async fn index(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    super::page(
        &state,
        &req,
        &viewer,
        "home.html",
        "Welcome",
        tera::Context::new(),
    )
}
