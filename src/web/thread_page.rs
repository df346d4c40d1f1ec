//! Reading a thread: the page members see with their forms, and the one anonymous readers are
//! served from the anonymous cache (`forum::anon_cache`).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::post_blocks;
use crate::auth::extract::Viewer;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::forum::anon_cache::Kind;
use crate::forum::threads;
use crate::state::AppState;

/// `?cursor=` (a "More replies" link) or `?post=` (a link to one post: the page that shows it).
#[derive(Deserialize)]
pub(super) struct PageQuery {
    cursor: Option<String>,
    post: Option<String>,
}

impl PageQuery {
    fn start(&self) -> Result<threads::Start, AppError> {
        if let Some(c) = self.cursor.as_deref() {
            return threads::Start::cursor(c);
        }
        // A post id that does not parse is a stale or mangled link: the first page still helps.
        Ok(self
            .post
            .as_deref()
            .and_then(|p| p.parse::<i64>().ok())
            .map_or(threads::Start::Beginning, threads::Start::Post))
    }
}

pub(super) async fn thread_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let thread_id = id(&path)?;
    let start = q.start()?;
    if viewer.user().is_none() {
        return anonymous_thread_page(&state, &req, &viewer, thread_id, start).await;
    }
    if let Some(me) = viewer.user() {
        crate::forum::read_limit::count(&state, me).await?;
    }
    let t = threads::get_for_page(&state, thread_id, viewer.user().cloned(), start).await?;
    let reader = post_blocks::Reader {
        username: viewer.user().map(|u| u.username.as_str()),
        can_reply: t.can_reply,
        is_moderator: t.is_moderator,
        csrf_token: &viewer.csrf_token,
    };
    let mut ctx = posts_context(&state, &t, &reader)?;
    ctx.insert("group", &t.group);
    ctx.insert("indexable", &t.group.indexable);
    ctx.insert("thread", &t.thread);
    ctx.insert("posts_html", &Option::<String>::None);
    ctx.insert("can_reply", &t.can_reply);
    ctx.insert("is_moderator", &t.is_moderator);
    ctx.insert("watching", &t.watching);
    ctx.insert("muted", &t.muted);
    let title = t.thread.title.clone();
    super::page(&state, &req, &viewer, "thread.html", &title, ctx)
}

/// Someone not signed in: the posts come from the anonymous cache when it has them (the group's
/// access check runs either way), else they are rendered once and kept there.
async fn anonymous_thread_page(
    state: &AppState,
    req: &HttpRequest,
    viewer: &Viewer,
    thread_id: i64,
    start: threads::Start,
) -> Result<HttpResponse, AppError> {
    let (group, rendered) = threads::for_anonymous(state, thread_id, Kind::Page, start, |t| {
        let reader = post_blocks::Reader {
            username: None,
            can_reply: false,
            is_moderator: false,
            csrf_token: "",
        };
        let mut ctx = posts_context(state, t, &reader)?;
        ctx.insert("thread", &t.thread);
        state
            .templates
            .render("_thread_posts.html", &ctx)
            .map_err(|e| AppError::internal(format!("template _thread_posts.html: {e:?}")))
    })
    .await?;
    let mut ctx = tera::Context::new();
    ctx.insert("group", &group);
    ctx.insert("indexable", &group.indexable);
    ctx.insert("thread", &rendered.thread);
    ctx.insert("posts_html", &rendered.body);
    ctx.insert("can_reply", &false);
    ctx.insert("is_moderator", &false);
    ctx.insert("watching", &false);
    ctx.insert("muted", &false);
    super::page(
        state,
        req,
        viewer,
        "thread.html",
        &rendered.thread.title,
        ctx,
    )
}

/// What `_thread_posts.html` needs besides the thread: each post's block for this reader
/// (`web::post_blocks`), and what heads and ends the list.
fn posts_context(
    state: &AppState,
    t: &threads::ThreadWithPosts,
    reader: &post_blocks::Reader,
) -> Result<tera::Context, AppError> {
    let mut ctx = tera::Context::new();
    ctx.insert("post_items", &post_blocks::render(state, t, reader)?);
    ctx.insert("next_cursor", &t.next_cursor);
    ctx.insert("continued", &t.continued);
    ctx.insert("answer", &t.answer);
    Ok(ctx)
}
