//! Reading a thread: the page members see with their forms, and the one anonymous readers are
//! served from the anonymous cache (`forum::anon_cache`).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::post_blocks;
use crate::auth::extract::{PendingViewer, Viewer};
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
    pending: PendingViewer,
    path: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let thread_id = id(&path)?;
    let start = q.start()?;
    // The session and the page in one pool trip (see `threads::for_session`).
    let found = match pending.cookie.clone() {
        Some(token) => threads::for_session(&state, token, thread_id, start.clone()).await?,
        _ => None,
    };
    let (session, page) = found.map_or((None, None), |(s, p)| (Some(s), Some(p)));
    let viewer = pending.into_viewer(session);
    let (Some(me), Some(page)) = (viewer.user(), page) else {
        return anonymous_thread_page(&state, &req, &viewer, thread_id, start).await;
    };
    // Counted after the read that shared the trip: a reader slowed down is refused all the same.
    crate::forum::read_limit::count(&state, me).await?;
    // A kept page is served as it is kept, lent to the splice (`web::spliced`); a page read for
    // this reader is theirs.
    let mut ctx = tera::Context::new();
    let (kept, read);
    let (head, moderator, title, posts): (_, _, _, &str) = match page {
        threads::MemberPage::Kept { page, head } => {
            ctx.insert("thread", &page.thread);
            let title = page.thread.title.clone();
            kept = page;
            // Kept pages are only ever ones no moderator reads (forum::kept_pages).
            (head, false, title, &kept.body)
        }
        threads::MemberPage::Read { page: t, keep } => {
            let reader = post_blocks::Reader {
                username: Some(me.username.as_str()),
                can_reply: t.can_reply,
                is_moderator: t.is_moderator,
                csrf_token: &viewer.csrf_token,
            };
            let (body, all_shared) = thread_posts(&state, &t, &reader)?;
            ctx.insert("thread", &t.thread);
            let title = t.thread.title.clone();
            // Kept only when no block of it was this reader's own (see forum::kept_pages).
            if let (Some(keep), true) = (keep, all_shared) {
                state.kept_pages.keep(keep, t.thread, body.clone());
            }
            let head = threads::PageHead {
                group: t.group,
                can_reply: t.can_reply,
                watching: t.watching,
                muted: t.muted,
            };
            read = body;
            (head, t.is_moderator, title, &read)
        }
    };
    ctx.insert("group", &head.group);
    ctx.insert("indexable", &head.group.indexable);
    ctx.insert("can_reply", &head.can_reply);
    ctx.insert("is_moderator", &moderator);
    ctx.insert("watching", &head.watching);
    ctx.insert("muted", &head.muted);
    let posts = Some(("posts_html", posts));
    super::page_around(&state, &req, &viewer, "thread.html", &title, ctx, posts)
}

/// `_thread_posts.html` for this reader, and whether every post's block in it was the neutral
/// reader's (`post_blocks::render`).
fn thread_posts(
    state: &AppState,
    t: &threads::ThreadWithPosts,
    reader: &post_blocks::Reader,
) -> Result<(String, bool), AppError> {
    let (items, all_shared) = post_blocks::render(state, t, reader)?;
    let mut ctx = posts_context(t, &items);
    ctx.insert("thread", &t.thread);
    let html = state
        .templates
        .render("_thread_posts.html", &ctx)
        .map_err(|e| AppError::internal(format!("template _thread_posts.html: {e:?}")))?;
    Ok((html, all_shared))
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
        Ok(thread_posts(state, t, &reader)?.0)
    })
    .await?;
    let mut ctx = tera::Context::new();
    ctx.insert("group", &group);
    ctx.insert("indexable", &group.indexable);
    ctx.insert("thread", &rendered.thread);
    ctx.insert("can_reply", &false);
    ctx.insert("is_moderator", &false);
    ctx.insert("watching", &false);
    ctx.insert("muted", &false);
    let title = rendered.thread.title.clone();
    let posts = Some(("posts_html", rendered.body.as_str()));
    super::page_around(state, req, viewer, "thread.html", &title, ctx, posts)
}

/// What `_thread_posts.html` needs besides the thread: each post's block for this reader
/// (`web::post_blocks`), and what heads and ends the list.
fn posts_context(t: &threads::ThreadWithPosts, post_items: &str) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("post_items", post_items);
    ctx.insert("next_cursor", &t.next_cursor);
    ctx.insert("continued", &t.continued);
    ctx.insert("answer", &t.answer);
    ctx
}
