//! `/groups/*`: listing, creating and editing groups, memberships, requests and group moderators.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::api_tokens::Caller;
use crate::auth::client::ClientInfo;
use crate::auth::extract::{ApiBearer, ApiUser, MaybeApiUser};
use crate::error::AppError;
use crate::forum::groups::{self, GroupChanges, GroupInput, MemberDecision};
use crate::forum::threads;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/groups", web::get().to(list))
        .route("/groups", web::post().to(create))
        .route("/groups/{slug}", web::get().to(get))
        .route("/groups/{slug}", web::patch().to(update))
        .route("/groups/{slug}/membership", web::post().to(join))
        .route("/groups/{slug}/membership", web::delete().to(leave))
        .route("/groups/{slug}/requests", web::get().to(requests))
        .route(
            "/groups/{slug}/members/{username}",
            web::put().to(decide::<true>),
        )
        .route(
            "/groups/{slug}/members/{username}",
            web::delete().to(decide::<false>),
        )
        .route(
            "/groups/{slug}/moderators/{username}",
            web::put().to(set_moderator::<true>),
        )
        .route(
            "/groups/{slug}/moderators/{username}",
            web::delete().to(set_moderator::<false>),
        )
        .route("/groups/{slug}/threads", web::get().to(list_threads))
        .route("/groups/{slug}/threads", web::post().to(create_thread));
}

async fn list(
    state: web::Data<AppState>,
    MaybeApiUser(viewer): MaybeApiUser,
) -> Result<HttpResponse, AppError> {
    let groups = groups::list(&state, viewer).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "groups": groups })))
}

#[derive(Deserialize)]
struct NewGroup {
    slug: String,
    name: String,
    #[serde(default)]
    description: String,
    visibility: String,
}

async fn create(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(admin): ApiUser,
    body: web::Json<NewGroup>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let input = GroupInput {
        slug: b.slug,
        name: b.name,
        description: b.description,
        visibility: b.visibility,
    };
    Ok(HttpResponse::Created().json(groups::create(&state, &admin, input, &client).await?))
}

async fn get(
    state: web::Data<AppState>,
    MaybeApiUser(viewer): MaybeApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(groups::get(&state, path.into_inner(), viewer).await?))
}

#[derive(Deserialize)]
struct GroupPatch {
    name: Option<String>,
    description: Option<String>,
    visibility: Option<String>,
    indexable: Option<bool>,
}

async fn update(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(admin): ApiUser,
    path: web::Path<String>,
    body: web::Json<GroupPatch>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let changes = GroupChanges {
        name: b.name,
        description: b.description,
        visibility: b.visibility,
        indexable: b.indexable,
    };
    Ok(HttpResponse::Ok()
        .json(groups::update(&state, &admin, path.into_inner(), changes, &client).await?))
}

async fn join(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let s = groups::join(&state, &user, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "state": s })))
}

async fn leave(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    groups::leave(&state, &user, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn requests(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let list: Vec<_> = groups::requests(&state, &user, path.into_inner())
        .await?
        .into_iter()
        .map(|(username, requested_at)| serde_json::json!({ "username": username, "requested_at": requested_at }))
        .collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "requests": list })))
}

/// Accepts (`ACCEPT`) or declines/removes a member: one handler for both routes.
async fn decide<const ACCEPT: bool>(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, username) = path.into_inner();
    let decision = if ACCEPT {
        MemberDecision::Accept
    } else {
        MemberDecision::Remove
    };
    groups::decide(&state, &user, slug, username, decision, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Makes (`ON`) or unmakes a group moderator: one handler for both routes.
async fn set_moderator<const ON: bool>(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(admin): ApiUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, username) = path.into_inner();
    groups::set_moderator(&state, &admin, slug, username, ON, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
struct PageQuery {
    cursor: Option<String>,
    /// 1–100 threads a page (25 when absent).
    limit: Option<String>,
    /// `true`: only threads no verified clinician has answered yet.
    #[serde(default)]
    waiting_for_clinician: Option<bool>,
}

async fn list_threads(
    state: web::Data<AppState>,
    MaybeApiUser(viewer): MaybeApiUser,
    path: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let waiting = q.waiting_for_clinician.unwrap_or(false);
    let size = threads::PageSize::parse(q.limit.as_deref())?;
    if viewer.is_none() {
        // Anonymous readers: a first page may come from the anonymous cache.
        let (_, list) = threads::list_for_anonymous(
            &state,
            path.into_inner(),
            q.cursor,
            true,
            waiting,
            size,
            |page| {
                serde_json::to_string(&ThreadList {
                    threads: &page.threads,
                    next_cursor: page.next_cursor.as_deref(),
                })
                .map_err(|e| AppError::internal(format!("thread list as JSON: {e}")))
            },
        )
        .await?;
        return Ok(HttpResponse::Ok()
            .content_type("application/json")
            .body(list.body.clone()));
    }
    let page = threads::list(&state, path.into_inner(), viewer, q.cursor, waiting, size).await?;
    Ok(HttpResponse::Ok().json(ThreadList {
        threads: &page.threads,
        next_cursor: page.next_cursor.as_deref(),
    }))
}

/// Serialised straight to the body, without a `serde_json::Value` per thread on the way.
#[derive(serde::Serialize)]
struct ThreadList<'a> {
    threads: &'a [crate::forum::views::ThreadView],
    next_cursor: Option<&'a str>,
}

#[derive(Deserialize)]
struct NewThread {
    title: String,
    body: String,
}

async fn create_thread(
    state: web::Data<AppState>,
    ApiBearer(bearer): ApiBearer,
    path: web::Path<String>,
    body: web::Json<NewThread>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let caller = Caller::Bearer(bearer);
    let (thread, post) =
        threads::create(&state, caller, path.into_inner(), &b.title, &b.body).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "thread": thread, "post": post })))
}
