//! `GET /moderation/audit`: the audit log for admins, newest first, 50 a page.

use actix_web::{web, HttpResponse};

use crate::audit::browse::{self, EntryView, Query};
use crate::auth::client::ClientInfo;
use crate::auth::extract::ApiUser;
use crate::error::AppError;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/moderation/audit", web::get().to(list));
}

/// `?cursor=` (from the previous page's `next_cursor`), `?action=` (a prefix such as `sign_in.`),
/// `?actor=` (a username).
async fn list(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let page = browse::browse(&state, &user, q.into_inner(), &client).await?;
    let entries: Vec<EntryView> = page.rows.iter().map(EntryView::from).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "entries": entries,
        "next_cursor": page.next_cursor,
    })))
}
