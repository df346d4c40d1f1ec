//! Pages for groups, threads and posts. Each handler: extract, one use case, render or redirect.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::api_tokens::Caller;
use crate::auth::client::ClientInfo;
use crate::auth::extract::{to_sign_in, PendingViewer, SignedIn, Viewer};
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::forum::{groups, posts, threads};
use crate::state::AppState;

use super::CsrfOnly;

pub fn routes(cfg: &mut web::ServiceConfig) {
    // A thread's page first, then a group's: the two pages read most (see `web::routes`).
    cfg.route(
        "/threads/{id}",
        web::get().to(super::thread_page::thread_page),
    )
    .route("/groups/{slug}", web::get().to(group_page))
    .route("/groups/{slug}/join", web::post().to(join))
    .route("/groups/{slug}/leave", web::post().to(leave))
    .route("/groups/{slug}/new", web::get().to(new_thread_form))
    .route("/groups/{slug}/new", web::post().to(new_thread))
    .route("/threads/{id}/reply", web::post().to(reply))
    .route("/posts/{id}/delete", web::post().to(delete))
    .route("/threads/{id}/answer", web::post().to(mark_answer))
    .route("/users/{username}", web::get().to(profile));
}

/// Replies nest visually down to this depth; deeper ones are shown flat, saying whom they answer.
pub const NEST_LIMIT: i32 = 5;

/// The home page: every group with its activity.
pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    let list = groups::list(&state, viewer.user().cloned()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("groups", &list);
    super::page(&state, &req, &viewer, "home.html", "Condition groups", ctx)
}

#[derive(Deserialize)]
struct PageQuery {
    cursor: Option<String>,
    /// "1": only threads waiting for a verified clinician's answer.
    #[serde(default)]
    waiting: Option<String>,
    /// 1–100 threads a page.
    #[serde(default)]
    limit: Option<String>,
}

/// What `_thread_list.html` is given, and all it may use: the same for a reader whose list is
/// kept or rendered, anonymous or signed in.
#[derive(serde::Serialize)]
struct ListPart<'a> {
    threads: &'a [crate::forum::views::ThreadView],
    next_cursor: &'a Option<String>,
    group: &'a crate::forum::views::GroupView,
    waiting: bool,
    limit: Option<i64>,
}

impl<'a> ListPart<'a> {
    fn of(page: &'a threads::ThreadPage, waiting: bool, limit: Option<i64>) -> Self {
        ListPart {
            threads: &page.threads,
            next_cursor: &page.next_cursor,
            group: &page.group,
            waiting,
            limit,
        }
    }
}

/// A group's list, where it is kept: rendered for members (`web::rendered`) or anonymous readers
/// (the anonymous cache). Lent to the page, not copied into it (`web::spliced`).
enum Listed {
    Kept(std::sync::Arc<str>),
    Cached(std::sync::Arc<crate::forum::anon_cache::RenderedList>),
}

impl Listed {
    fn html(&self) -> &str {
        match self {
            Listed::Kept(html) => html,
            Listed::Cached(list) => &list.body,
        }
    }
}

async fn group_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    pending: PendingViewer,
    path: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let mut ctx = tera::Context::new();
    let q = q.into_inner();
    let waiting = q.waiting.as_deref() == Some("1");
    ctx.insert("waiting", &waiting);
    // A bad `?limit=` on a page is not worth an error: the default page is shown.
    let size = threads::PageSize::parse(q.limit.as_deref()).unwrap_or(threads::PageSize::DEFAULT);
    let limit = (size != threads::PageSize::DEFAULT).then_some(size.get());
    ctx.insert("limit", &limit);
    // A signed-in reader's session and list in one pool trip (`threads::list_for_session`); a
    // cookie that names no live session gets the page anyone gets.
    let found = match pending.cookie.clone() {
        Some(token) => {
            threads::list_for_session(&state, token, slug.clone(), q.cursor.clone(), waiting, size)
                .await?
        }
        _ => None,
    };
    let (session, read) = found.map_or((None, None), |(s, page)| (Some(s), Some(page)));
    let viewer = pending.into_viewer(session);
    let listed = if let Some(read) = read {
        read.and_then(|page| {
            // Members of a group mostly see the same list: kept by what it shows (web::rendered).
            let part = ListPart::of(&page, waiting, limit);
            let html = state
                .rendered
                .render(&state.templates, "_thread_list.html", &part)?;
            Ok((page, Listed::Kept(html)))
        })
    } else {
        // Anonymous readers: the list part of a first page may come from the anonymous cache.
        threads::list_for_anonymous(
            &state,
            slug.clone(),
            q.cursor,
            false,
            waiting,
            size,
            |page| {
                let part = ListPart::of(page, waiting, limit);
                state
                    .rendered
                    .render(&state.templates, "_thread_list.html", &part)
                    .map(|html| html.to_string())
            },
        )
        .await
        .map(|(group, list)| {
            let page = threads::ThreadPage {
                group,
                threads: Vec::new(),
                next_cursor: None,
                watching: false,
                muted: false,
            };
            (page, Listed::Cached(list))
        })
    };
    match listed {
        Ok((page, list)) => {
            ctx.insert("group", &page.group);
            ctx.insert("indexable", &page.group.indexable);
            ctx.insert("can_read", &true);
            ctx.insert("watching", &page.watching);
            ctx.insert("muted", &page.muted);
            let title = page.group.name.clone();
            let list = Some(("threads_html", list.html()));
            super::page_around(&state, &req, &viewer, "group.html", &title, ctx, list)
        }
        // A group whose threads the viewer may not read still has a page: its name, description and
        // how to join (or sign in), as the group list promises.
        Err(AppError::NotFound) => {
            let group = groups::get(&state, slug, viewer.user().cloned()).await?;
            let title = group.name.clone();
            ctx.insert("group", &group);
            ctx.insert("threads", &Vec::<()>::new());
            ctx.insert("next_cursor", &Option::<String>::None);
            ctx.insert("can_read", &false);
            super::page(&state, &req, &viewer, "group.html", &title, ctx)
        }
        Err(e) => Err(e),
    }
}

async fn join(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let slug = path.into_inner();
    let outcome = groups::join(&state, &me.user, slug.clone()).await?;
    let notice = if outcome == "member" {
        "You joined this group. Welcome!"
    } else {
        "Your request to join was sent. A moderator of this private group will look at it."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/groups/{slug}"),
        Some(notice),
        vec![],
    ))
}

async fn leave(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let slug = path.into_inner();
    groups::leave(&state, &me.user, slug.clone()).await?;
    Ok(super::redirect_with(
        &state,
        &format!("/groups/{slug}"),
        Some("You left this group."),
        vec![],
    ))
}

async fn new_thread_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let group = groups::get(&state, path.into_inner(), Some(me.user.clone())).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("group", &group);
    super::page(
        &state,
        &req,
        &me.viewer,
        "new_thread.html",
        "Start a conversation",
        ctx,
    )
}

#[derive(Deserialize)]
struct NewThreadForm {
    csrf_token: String,
    title: String,
    body: String,
}

async fn new_thread(
    state: web::Data<AppState>,
    req: HttpRequest,
    pending: PendingViewer,
    path: web::Path<String>,
    form: web::Form<NewThreadForm>,
) -> Result<HttpResponse, AppError> {
    pending.check_csrf(&form.csrf_token)?;
    let Some(caller) = session_caller(&state, &pending) else {
        return Ok(to_sign_in(req.path()));
    };
    let slug = path.into_inner();
    let f = form.into_inner();
    match threads::create(&state, caller, slug.clone(), &f.title, &f.body).await {
        Ok((thread, post)) => Ok(super::redirect_with(
            &state,
            &format!("/threads/{}", thread.id),
            Some(if post.crisis_resources.is_some() {
                CRISIS
            } else if post.phi.is_some() {
                HELD
            } else {
                "Your conversation has started."
            }),
            vec![],
        )),
        // A suspended member is told why, with what they typed kept.
        Err(
            e @ (AppError::Validation { .. }
            | AppError::TooManyRequests { .. }
            | AppError::Forbidden { .. }),
        ) => {
            let viewer = pending.resume().await?;
            let group = groups::get(&state, slug, viewer.user().cloned()).await?;
            let mut ctx = tera::Context::new();
            ctx.insert("group", &group);
            ctx.insert("form_title", &f.title);
            ctx.insert("body", &f.body);
            super::form_again(
                &state,
                &req,
                &viewer,
                "new_thread.html",
                "Start a conversation",
                ctx,
                &e,
            )
        }
        Err(AppError::Unauthorized { .. }) => Ok(to_sign_in(req.path())),
        Err(e) => Err(e),
    }
}

/// The browser's session as the use case's caller, looked up in the use case's own pool trip (a
/// post from a form is one trip, as from the API); None without a session cookie.
fn session_caller(state: &AppState, pending: &PendingViewer) -> Option<Caller> {
    pending.cookie.clone().map(|token| Caller::Session {
        token,
        idle: state.settings.session_idle,
    })
}

/// What the author is told when the PHI check holds what they wrote.
const HELD: &str = "Your post is held for review: it may identify someone, so only you and the \
                    moderators can see it for now. The highlighted parts below show why; edit them \
                    out and it is published at once.";

/// What the author of a post in crisis language is told first; the resources are in a panel
/// above their post.
const CRISIS: &str = "Your post is up. We are glad you wrote, and we care about how you are: \
                      please read the note above your post about where to find help right now.";

#[derive(Deserialize)]
struct ReplyForm {
    csrf_token: String,
    body: String,
    #[serde(default)]
    parent_id: Option<String>,
}

async fn reply(
    state: web::Data<AppState>,
    req: HttpRequest,
    pending: PendingViewer,
    path: web::Path<String>,
    form: web::Form<ReplyForm>,
) -> Result<HttpResponse, AppError> {
    pending.check_csrf(&form.csrf_token)?;
    let Some(caller) = session_caller(&state, &pending) else {
        return Ok(to_sign_in(req.path()));
    };
    let thread_id = id(&path)?;
    let f = form.into_inner();
    let parent = f
        .parent_id
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(id)
        .transpose()?;
    match posts::reply(&state, caller, thread_id, parent, &f.body).await {
        Ok(post) => Ok(super::redirect_with(
            &state,
            &crate::forum::threads::post_link(thread_id, post.id),
            Some(if post.crisis_resources.is_some() {
                CRISIS
            } else if post.phi.is_some() {
                HELD
            } else {
                "Your reply is posted."
            }),
            vec![],
        )),
        // A suspended member is told why, with what they typed kept.
        Err(
            e @ (AppError::Validation { .. }
            | AppError::TooManyRequests { .. }
            | AppError::Forbidden { .. }),
        ) => {
            // Show the problem on a page of its own with the text kept, so nothing typed is lost.
            let mut ctx = tera::Context::new();
            ctx.insert("thread_id", &thread_id);
            ctx.insert("parent_id", &f.parent_id.unwrap_or_default());
            ctx.insert("body", &f.body);
            let viewer = pending.resume().await?;
            super::form_again(&state, &req, &viewer, "reply.html", "Your reply", ctx, &e)
        }
        Err(AppError::Unauthorized { .. }) => Ok(to_sign_in(req.path())),
        Err(e) => Err(e),
    }
}

async fn delete(
    state: web::Data<AppState>,
    me: SignedIn,
    client: ClientInfo,
    path: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let post_id = id(&path)?;
    let thread_id = posts::thread_of(&state, &me.user, post_id).await?;
    posts::delete(&state, &me.user, post_id, &client).await?;
    Ok(super::redirect_with(
        &state,
        &crate::forum::threads::post_link(thread_id, post_id),
        Some("The post was deleted."),
        vec![],
    ))
}

async fn profile(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (user, list) = posts::profile(&state, &path, viewer.user().cloned()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("profile", &user);
    ctx.insert("posts", &list);
    ctx.insert(
        "actions",
        &super::messages::profile_actions(&state, &viewer, &user.username).await?,
    );
    let title = user.username.clone();
    super::page(&state, &req, &viewer, "profile.html", &title, ctx)
}

#[derive(Deserialize)]
struct AnswerForm {
    csrf_token: String,
    /// Empty to clear the mark.
    #[serde(default)]
    post_id: String,
}

/// The thread's author marks (or clears) the reply that helped.
async fn mark_answer(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let thread = id(&path)?;
    let post = match form.post_id.trim() {
        "" => None,
        p => Some(id(p)?),
    };
    threads::mark_answer(&state, &me.user, thread, post).await?;
    let message = if post.is_some() {
        "Marked as the answer that helped you. Thank you for letting others know."
    } else {
        "The mark was removed."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/threads/{thread}"),
        Some(message),
        vec![],
    ))
}
