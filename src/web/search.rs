//! `/search`: the search page, reached from the search box in every page's header.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::auth::extract::Viewer;
use crate::error::AppError;
use crate::forum::groups;
use crate::search::{self, Search};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/search", web::get().to(search_page));
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    group: Option<String>,
    /// "1": only threads a verified clinician answered.
    answered: Option<String>,
    cursor: Option<String>,
}

/// A group the viewer may pick to search within.
#[derive(Serialize)]
struct GroupChoice {
    slug: String,
    name: String,
}

async fn search_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    q: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let signed_in = viewer.user().is_some();
    let choices: Vec<GroupChoice> = groups::list(&state, viewer.user().cloned())
        .await?
        .into_iter()
        .filter(|g| match g.visibility {
            "public" => true,
            "registered" => signed_in,
            _ => g.membership == Some("member"),
        })
        .map(|g| GroupChoice {
            slug: g.slug,
            name: g.name,
        })
        .collect();
    let s = Search {
        q: q.q.unwrap_or_default(),
        group: q.group.filter(|g| !g.is_empty()),
        answered: q.answered.as_deref() == Some("1"),
        cursor: q.cursor,
    };
    let mut ctx = tera::Context::new();
    ctx.insert("q", &s.q);
    ctx.insert("group", &s.group);
    ctx.insert("answered", &s.answered);
    ctx.insert("groups", &choices);
    let mut status = StatusCode::OK;
    if s.q.trim().is_empty() {
        ctx.insert("searched", &false);
    } else {
        ctx.insert("searched", &true);
        match search::search(&state, viewer.user().cloned(), s.clone()).await {
            Ok(found) => {
                let next = found.next_cursor.map(|c| next_link(&s, &c));
                ctx.insert("results", &found.results);
                ctx.insert("next_link", &next);
            }
            Err(e @ (AppError::Validation { .. } | AppError::BadRequest(_))) => {
                status = StatusCode::UNPROCESSABLE_ENTITY;
                ctx.insert("error", &e.public_message());
            }
            Err(AppError::NotFound) => {
                status = StatusCode::NOT_FOUND;
                ctx.insert("error", "There is no group by that name that you can read.");
            }
            Err(e) => return Err(e),
        }
    }
    let title = if s.q.trim().is_empty() {
        "Search".to_owned()
    } else {
        format!("Search: {}", s.q.chars().take(60).collect::<String>())
    };
    let mut res = super::page(&state, &req, &viewer, "search.html", &title, ctx)?;
    *res.status_mut() = status;
    Ok(res)
}

/// The link to the next page: the same search, the next cursor.
fn next_link(s: &Search, cursor: &str) -> String {
    let mut url = url::form_urlencoded::Serializer::new(String::new());
    url.append_pair("q", &s.q);
    if let Some(g) = &s.group {
        url.append_pair("group", g);
    }
    if s.answered {
        url.append_pair("answered", "1");
    }
    url.append_pair("cursor", cursor);
    format!("/search?{}", url.finish())
}
