//! The moderation queue page and its decisions, reporting a post, and the notifications page.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::moderation::decide::{self, Act};
use crate::moderation::queue::{self, Filter};
use crate::moderation::reports::{self, Report};
use crate::moderation::reveal::{self, RevealReason};
use crate::moderation::sanctions::{self, NewSanction};
use crate::moderation::settings::{self, ForumSettings};
use crate::notify;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/moderation", web::get().to(queue_page))
        .route("/moderation/posts/{id}/reveal", web::post().to(reveal))
        .route("/moderation/posts/{id}/{action}", web::post().to(act))
        .route("/posts/{id}/report", web::get().to(report_page))
        .route("/posts/{id}/report", web::post().to(report))
        .route("/threads/{id}/moderate", web::post().to(moderate_thread))
        .route(
            "/moderation/users/{username}/sanction",
            web::post().to(sanction),
        )
        .route("/admin/settings", web::get().to(settings_page))
        .route("/admin/settings", web::post().to(save_settings))
        .route("/notifications", web::get().to(notifications_page))
        .route("/notifications/read", web::post().to(mark_read));
}

#[derive(Deserialize)]
struct QueueQuery {
    group: Option<String>,
    reason: Option<String>,
}

impl QueueQuery {
    fn filter(self) -> Filter {
        Filter::parse(self.group, self.reason)
    }
}

async fn queue_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let filter = q.into_inner().filter();
    let list = queue::queue(&state, &me.user, filter.clone()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("queue", &list);
    ctx.insert("group_filter", &filter.group.unwrap_or_default());
    ctx.insert("reason_filter", &filter.reason.unwrap_or_default());
    super::page(
        &state,
        &req,
        &me.viewer,
        "moderation.html",
        "Moderation queue",
        ctx,
    )
}

#[derive(Deserialize)]
struct RevealForm {
    csrf_token: String,
    /// One of the page's short list, or "other".
    #[serde(default)]
    why: Option<String>,
    /// The moderator's own words (required with "other", added to a listed reason otherwise).
    #[serde(default)]
    details: Option<String>,
}

impl RevealForm {
    fn reason(&self) -> Option<String> {
        let details = self
            .details
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        match (self.why.as_deref().filter(|w| *w != "other"), details) {
            (Some(why), Some(d)) => Some(format!("{why}: {d}")),
            (Some(why), None) => Some(why.to_owned()),
            (None, d) => d.map(str::to_owned),
        }
    }
}

/// The answer to "reveal" on the queue or a thread page: the post as written, on a page of its
/// own that is not kept or cached, with the decisions. A POST, so no prefetch, crawler or reload
/// of the queue shows it; audited with the reason.
async fn reveal(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<RevealForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let post = id(&path)?;
    let reason = match RevealReason::parse(form.reason().as_deref()) {
        Ok(r) => r,
        Err(e) => {
            let message = super::notice_for(e)?;
            let back = format!("/moderation#item-{post}");
            return Ok(super::redirect_with(&state, &back, Some(&message), vec![]));
        }
    };
    let shown = reveal::reveal(&state, &me.user, post, reason, &client).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("item", &shown);
    let mut page = super::page(
        &state,
        &req,
        &me.viewer,
        "revealed.html",
        "Held post, revealed",
        ctx,
    )?;
    page.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(page)
}

#[derive(Deserialize)]
struct ActForm {
    csrf_token: String,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    back: Option<String>,
    /// For edit-and-approve: the moderator's redacted text, and the thread's new title.
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// A decision from the queue page: back to the queue with what happened (or who was first).
async fn act(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<(String, String)>,
    form: web::Form<ActForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (post, action) = path.into_inner();
    let f = form.into_inner();
    let back = super::safe_next(f.back.as_deref().or(Some("/moderation")));
    let post = id(&post)?;
    let act = match Act::parse(&action, f.reason) {
        Err(AppError::NotFound) => return Err(AppError::NotFound),
        other => other,
    };
    let outcome = match act {
        Ok(Act::EditAndApprove) => {
            let (body, title) = (f.body.unwrap_or_default(), f.title);
            decide::edit_and_approve(&state, &me.user, post, &body, title.as_deref(), &client)
                .await
                .map(|_| "Edited and published: the author has been told.".to_owned())
        }
        Ok(Act::DismissCrisis) => crate::safety::watch::dismiss(&state, &me.user, post, &client)
            .await
            .map(|_| "Dismissed: not a crisis.".to_owned()),
        Ok(Act::Decide(d)) => decide::decide(&state, &me.user, post, d, &client)
            .await
            .map(|p| match p.status {
                crate::posting::PostStatus::Published => "Approved: the post is public.".to_owned(),
                crate::posting::PostStatus::Rejected => {
                    "Rejected: the author has been told why.".to_owned()
                }
                crate::posting::PostStatus::Removed => {
                    "Removed: the author has been told why.".to_owned()
                }
                crate::posting::PostStatus::Held => "Still held.".to_owned(),
            }),
        Err(e) => Err(e),
    };
    let message = match outcome {
        Ok(m) => m,
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(&state, &back, Some(&message), vec![]))
}

#[derive(Deserialize)]
struct ReportForm {
    csrf_token: String,
    reason: String,
    #[serde(default)]
    note: Option<String>,
}

/// The report form, on a page of its own: one form for the post being reported rather than one
/// hidden under every post of every thread page (a signed-in thread page was half report forms).
async fn report_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (thread_id, post) = crate::forum::posts::seen_by(&state, &me.user, id(&path)?).await?;
    if post.deleted || post.status != crate::posting::PostStatus::Published {
        return Err(AppError::NotFound);
    }
    let mut ctx = tera::Context::new();
    ctx.insert("post", &post);
    ctx.insert("thread_id", &thread_id);
    super::page(
        &state,
        &req,
        &me.viewer,
        "report.html",
        "Report a post",
        ctx,
    )
}

async fn report(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ReportForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let post_id = id(&path)?;
    let thread_id = crate::forum::posts::thread_of(&state, &me.user, post_id).await?;
    let f = form.into_inner();
    let message = match reports::report(
        &state,
        &me.user,
        post_id,
        Report {
            reason: f.reason,
            note: f.note,
        },
    )
    .await
    {
        Ok(()) => "Thank you: the moderators will look at this post.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        &crate::forum::threads::post_link(thread_id, post_id),
        Some(&message),
        vec![],
    ))
}

async fn notifications_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let inbox = notify::inbox(&state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("inbox", &inbox);
    super::page(
        &state,
        &req,
        &me.viewer,
        "notifications.html",
        "Notifications",
        ctx,
    )
}

/// "Mark all as read": a POST, so that only the member's own click marks anything read.
async fn mark_read(
    state: web::Data<AppState>,
    me: SignedIn,
    form: web::Form<crate::web::CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    notify::mark_all_read(&state, &me.user).await?;
    Ok(super::redirect_with(
        &state,
        "/notifications",
        Some("All marked as read."),
        vec![],
    ))
}

#[derive(Deserialize)]
struct SanctionForm {
    csrf_token: String,
    kind: String,
    reason: String,
    #[serde(default)]
    days: Option<String>,
}

/// A measure against a post's author, from the queue page; back to the queue with the outcome.
async fn sanction(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<SanctionForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let days = match f.days.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(
            d.parse::<i64>()
                .map_err(|_| AppError::validation("days", "Days must be a whole number."))?,
        ),
        None => None,
    };
    let outcome = sanctions::sanction(
        &state,
        &me.user,
        &path,
        NewSanction {
            kind: f.kind,
            reason: f.reason,
            days,
        },
        &client,
    )
    .await;
    let message = match outcome {
        Ok(s) => format!(
            "Done: {} {} — they have been told why.",
            path.as_str(),
            match s.kind.as_str() {
                "warn" => "was warned",
                "suspend" => "is suspended",
                _ => "is banned",
            }
        ),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/moderation",
        Some(&message),
        vec![],
    ))
}

async fn settings_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let current = settings::get(&state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("settings", &current);
    super::page(
        &state,
        &req,
        &me.viewer,
        "settings.html",
        "Forum settings",
        ctx,
    )
}

#[derive(Deserialize)]
struct SettingsForm {
    csrf_token: String,
    auto_hide_reports: String,
    new_member_approvals: String,
    #[serde(default)]
    crisis_resources: String,
}

async fn save_settings(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    me: SignedIn,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let number = |field: &str, raw: &str| {
        raw.trim()
            .parse::<i64>()
            .map_err(|_| AppError::validation(field, "Enter a whole number."))
    };
    let parsed = number("auto_hide_reports", &form.auto_hide_reports).and_then(|a| {
        Ok(ForumSettings {
            auto_hide_reports: a,
            new_member_approvals: number("new_member_approvals", &form.new_member_approvals)?,
            crisis_resources: form.crisis_resources.clone(),
        })
    });
    match parsed {
        Ok(new) => match settings::update(&state, &me.user, new.clone(), &client).await {
            Ok(_) => Ok(super::redirect_with(
                &state,
                "/admin/settings",
                Some("Settings saved."),
                vec![],
            )),
            Err(e @ AppError::Validation { .. }) => {
                let mut ctx = tera::Context::new();
                ctx.insert("settings", &new);
                super::form_again(
                    &state,
                    &req,
                    &me.viewer,
                    "settings.html",
                    "Forum settings",
                    ctx,
                    &e,
                )
            }
            Err(e) => Err(e),
        },
        Err(e) => {
            let mut ctx = tera::Context::new();
            ctx.insert("settings", &settings::get(&state, &me.user).await?);
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "settings.html",
                "Forum settings",
                ctx,
                &e,
            )
        }
    }
}

#[derive(Deserialize)]
struct ThreadFlagsForm {
    csrf_token: String,
    #[serde(default)]
    locked: Option<String>,
    #[serde(default)]
    pinned: Option<String>,
}

/// Lock/unlock and pin/unpin from the thread page (group moderators).
async fn moderate_thread(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ThreadFlagsForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let thread = id(&path)?;
    let flag = |v: &Option<String>| v.as_deref().map(|v| v == "true");
    let t = crate::forum::threads::set_flags(
        &state,
        &me.user,
        thread,
        flag(&form.locked),
        flag(&form.pinned),
        &client,
    )
    .await?;
    let message = match (flag(&form.locked), flag(&form.pinned)) {
        (Some(true), _) => "The thread is locked: it takes no new replies.",
        (Some(false), _) => "The thread is open for replies again.",
        (_, Some(true)) => "The thread is pinned to the top of its group.",
        _ => "The thread is no longer pinned.",
    };
    Ok(super::redirect_with(
        &state,
        &format!("/threads/{}", t.id),
        Some(message),
        vec![],
    ))
}
