//! `/threads/*`, `/posts/*` and `/users/{username}`: reading threads, replying, editing, deleting.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::auth::api_tokens::Caller;
use crate::auth::client::ClientInfo;
use crate::auth::extract::{ApiBearer, ApiUser, MaybeApiUser};
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::forum::anon_cache::Kind;
use crate::forum::{posts, threads};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/threads/{id}", web::get().to(get_thread))
        .route("/threads/{id}", web::patch().to(update_thread))
        .route("/threads/{id}/posts", web::post().to(reply))
        .route("/threads/{id}/answer", web::put().to(mark_answer))
        .route("/threads/{id}/answer", web::delete().to(clear_answer))
        .route("/posts/{id}", web::patch().to(edit))
        .route("/posts/{id}", web::delete().to(delete))
        .route("/posts/{id}/revisions", web::get().to(revisions))
        .route("/phi/scan", web::post().to(phi_scan))
        .route("/users/{username}", web::get().to(profile));
}

#[derive(Deserialize)]
struct ThreadQuery {
    cursor: Option<String>,
}

async fn get_thread(
    state: web::Data<AppState>,
    MaybeApiUser(viewer): MaybeApiUser,
    path: web::Path<String>,
    q: web::Query<ThreadQuery>,
) -> Result<HttpResponse, AppError> {
    let thread_id = id(&path)?;
    let start = q
        .cursor
        .as_deref()
        .map(threads::Start::cursor)
        .transpose()?
        .unwrap_or_default();
    if viewer.is_none() {
        return anonymous_thread(&state, thread_id, start).await;
    }
    if let Some(me) = &viewer {
        crate::forum::read_limit::count(&state, me).await?;
    }
    let t = threads::get(&state, thread_id, viewer, start).await?;
    Ok(HttpResponse::Ok().json(ThreadAnswer {
        thread: &t.thread,
        posts: &t.posts,
        next_cursor: t.next_cursor.as_deref(),
    }))
}

/// Without a token: the answer comes from the anonymous cache when it has it (the group's access
/// check runs either way), else it is made once and kept there.
async fn anonymous_thread(
    state: &AppState,
    thread_id: i64,
    start: threads::Start,
) -> Result<HttpResponse, AppError> {
    let (_, rendered) = threads::for_anonymous(state, thread_id, Kind::Json, start, |t| {
        serde_json::to_string(&ThreadAnswer {
            thread: &t.thread,
            posts: &t.posts,
            next_cursor: t.next_cursor.as_deref(),
        })
        .map_err(|e| AppError::internal(format!("thread answer: {e}")))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .body(rendered.body.clone()))
}

/// Serialised straight to the body: going through `serde_json::Value` first (`json!`) built and
/// dropped a map per post, a measurable share of the busiest read.
#[derive(Serialize)]
struct ThreadAnswer<'a> {
    thread: &'a crate::forum::views::ThreadView,
    posts: &'a [crate::forum::views::PostView],
    /// Where the next page of posts starts (`?cursor=`), or null on the last page.
    next_cursor: Option<&'a str>,
}

#[derive(Deserialize)]
struct ThreadPatch {
    locked: Option<bool>,
    pinned: Option<bool>,
}

async fn update_thread(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<ThreadPatch>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    Ok(HttpResponse::Ok()
        .json(threads::set_flags(&state, &user, id(&path)?, b.locked, b.pinned, &client).await?))
}

#[derive(Deserialize)]
struct NewPost {
    body: String,
    #[serde(default)]
    parent_id: Option<String>,
}

async fn reply(
    state: web::Data<AppState>,
    ApiBearer(bearer): ApiBearer,
    path: web::Path<String>,
    body: web::Json<NewPost>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let parent = b
        .parent_id
        .map(|p| {
            p.parse::<i64>()
                .map_err(|_| AppError::validation("parent_id", "That post does not exist."))
        })
        .transpose()?;
    let post = posts::reply(&state, Caller::Bearer(bearer), id(&path)?, parent, &b.body).await?;
    Ok(HttpResponse::Created().json(post))
}

#[derive(Deserialize)]
struct EditPost {
    body: String,
    /// An opening post's author may retitle the thread (a title can hold PHI too).
    #[serde(default)]
    title: Option<String>,
}

async fn edit(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<EditPost>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let post = posts::edit(&state, &user, id(&path)?, &b.body, b.title.as_deref()).await?;
    Ok(HttpResponse::Ok().json(post))
}

#[derive(Deserialize)]
struct ScanRequest {
    text: String,
    /// A thread's title, scanned with the text as it will be when the thread is started.
    #[serde(default)]
    title: Option<String>,
}

/// The live warning while composing: what the scanner would find, as `kindred phi-scan` answers.
/// Signed-in members only, `KINDRED_PHI_CHECKS_PER_MINUTE` times a minute (scanning costs CPU);
/// nothing is stored or logged.
async fn phi_scan(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    body: web::Json<ScanRequest>,
) -> Result<HttpResponse, AppError> {
    let b = body.into_inner();
    let answer =
        crate::forum::screen::live_check(&state, &user, b.title.as_deref(), &b.text).await?;
    Ok(HttpResponse::Ok().json(answer))
}

async fn delete(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    posts::delete(&state, &user, id(&path)?, &client).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn revisions(
    state: web::Data<AppState>,
    client: ClientInfo,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let list = posts::revisions(&state, &user, id(&path)?, &client).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "revisions": list })))
}

async fn profile(
    state: web::Data<AppState>,
    MaybeApiUser(viewer): MaybeApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (user, posts) = posts::profile(&state, &path, viewer).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "user": user, "posts": posts })))
}

#[derive(Deserialize)]
struct Answer {
    post_id: String,
}

/// The thread's author marks the reply that helped.
async fn mark_answer(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
    body: web::Json<Answer>,
) -> Result<HttpResponse, AppError> {
    let post = body.post_id.parse::<i64>().map_err(|_| {
        AppError::validation("post_id", "Choose a published reply in this conversation.")
    })?;
    Ok(HttpResponse::Ok().json(threads::mark_answer(&state, &user, id(&path)?, Some(post)).await?))
}

async fn clear_answer(
    state: web::Data<AppState>,
    ApiUser(user): ApiUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(threads::mark_answer(&state, &user, id(&path)?, None).await?))
}
