//! `/moderation/audit`: the audit log as a table for admins, with filters and paging.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::audit::browse::{self, Query};
use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::db::rfc3339;
use crate::error::AppError;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/moderation/audit", web::get().to(audit_page));
}

#[derive(Serialize)]
struct EntryRow {
    id: i64,
    at: String,
    at_text: String,
    actor: Option<String>,
    action: String,
    target: Option<String>,
    ip: Option<String>,
    reason: Option<String>,
}

fn encode(v: &str) -> String {
    url::form_urlencoded::byte_serialize(v.as_bytes()).collect()
}

async fn audit_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    me: SignedIn,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let query = q.into_inner();
    let paged = query
        .cursor
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    let page = browse::browse(&state, &me.user, query, &client).await?;
    let entries: Vec<EntryRow> = page
        .rows
        .iter()
        .map(|r| EntryRow {
            id: r.id,
            at: rfc3339(r.at),
            at_text: crate::display::human_time(r.at),
            actor: r.actor.clone(),
            action: r.action.clone(),
            target: r.target.clone(),
            ip: r.ip.clone(),
            reason: r.reason.clone(),
        })
        .collect();
    let action = page.action.unwrap_or_default();
    let actor = page.actor.unwrap_or_default();
    let mut filters = String::new();
    if !action.is_empty() {
        filters.push_str(&format!("&action={}", encode(&action)));
    }
    if !actor.is_empty() {
        filters.push_str(&format!("&actor={}", encode(&actor)));
    }
    let older = page
        .next_cursor
        .map(|c| format!("/moderation/audit?cursor={}{filters}", encode(&c)));
    let newest = match filters.strip_prefix('&') {
        Some(f) => format!("/moderation/audit?{f}"),
        None => "/moderation/audit".to_owned(),
    };
    let mut ctx = tera::Context::new();
    ctx.insert("entries", &entries);
    ctx.insert("action_filter", &action);
    ctx.insert("actor_filter", &actor);
    ctx.insert("older", &older);
    ctx.insert("paged", &paged);
    ctx.insert("newest", &newest);
    super::page(&state, &req, &me.viewer, "audit.html", "Audit log", ctx)
}
