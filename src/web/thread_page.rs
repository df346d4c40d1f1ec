//! Reading a thread: the page members see with their forms, and the one anonymous readers are
//! served from the anonymous cache (`forum::anon_cache`).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::forum::NEST_LIMIT;
use crate::auth::extract::Viewer;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::forum::anon_cache::Kind;
use crate::forum::threads;
use crate::forum::views::PostView;
use crate::state::AppState;

/// A post as the thread page shows it: its place in the tree and what the viewer may do.
/// (A struct of its own rather than the post's fields flattened into it: flattening serialises as
/// a map, whose keys the template engine copies one by one for every post.)
#[derive(Serialize)]
struct PostItem<'a> {
    post: &'a PostView,
    nest: i32,
    replying_to: Option<&'a str>,
    mine: bool,
}

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
    let mut ctx = posts_context(&t, viewer.user().map(|u| u.username.as_str()));
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
        let mut ctx = posts_context(t, None);
        ctx.insert("thread", &t.thread);
        ctx.insert("user", &Option::<String>::None);
        ctx.insert("csrf_token", "");
        ctx.insert("can_reply", &false);
        ctx.insert("is_moderator", &false);
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

/// What `_thread_posts.html` needs besides the thread: each post with its place in the tree and
/// whether it is the viewer's, and what only some viewers see (held spans, crisis notes).
fn posts_context(t: &threads::ThreadWithPosts, me: Option<&str>) -> tera::Context {
    let names: std::collections::HashMap<&str, &str> = t
        .posts
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.author
                    .as_ref()
                    .map_or("a deleted post", |a| a.username.as_str()),
            )
        })
        .collect();
    let items: Vec<PostItem> = t
        .posts
        .iter()
        .map(|p| PostItem {
            nest: p.depth.min(NEST_LIMIT),
            replying_to: (p.depth > NEST_LIMIT)
                .then(|| {
                    p.parent_id
                        .as_deref()
                        .and_then(|pid| names.get(pid).copied())
                })
                .flatten(),
            mine: me.is_some() && p.author.as_ref().map(|a| a.username.as_str()) == me,
            post: p,
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("posts", &items);
    ctx.insert("held", &t.held);
    ctx.insert("crisis", &t.crisis);
    ctx.insert("crisis_resources", &t.crisis_resources);
    ctx.insert("next_cursor", &t.next_cursor);
    ctx.insert("continued", &t.continued);
    ctx.insert("answer", &t.answer);
    ctx
}
