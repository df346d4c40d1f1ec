//! Pages for private messages (`/messages`…), blocking (`/users/{name}/block`, `/me/blocks`),
//! muting threads, groups and conversations, and the moderators' message reports.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::auth::client::ClientInfo;
use crate::auth::extract::{SignedIn, Viewer};
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::forum::screen::{self, Piece};
use crate::messages::{self, blocks, reports};
use crate::phi::Span;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/messages", web::get().to(list))
        .route("/messages/new", web::get().to(new_form))
        .route("/messages/new", web::post().to(start))
        .route("/messages/{id}", web::get().to(conversation))
        .route("/messages/{id}", web::post().to(send))
        .route("/messages/{id}/mute", web::post().to(mute_conversation))
        .route("/messages/{id}/report/{message}", web::post().to(report))
        .route("/users/{username}/block", web::post().to(block))
        .route("/me/blocks", web::get().to(blocks_page))
        .route("/me/messages", web::post().to(set_messages))
        .route("/threads/{id}/mute", web::post().to(mute_thread))
        .route("/groups/{slug}/mute", web::post().to(mute_group))
        .route("/moderation/message-reports", web::get().to(reports_page))
        .route(
            "/moderation/message-reports/{id}",
            web::get().to(report_page),
        )
        .route(
            "/moderation/message-reports/{id}/close",
            web::post().to(close_report),
        );
}

/// What the author is shown of a risky message before they confirm it: the text with the risky
/// spans marked and numbered, and why each looks risky.
#[derive(Serialize)]
struct Risky {
    pieces: Vec<Piece>,
    reasons: Vec<String>,
}

fn risky(text: &str, spans: &[Span]) -> Risky {
    Risky {
        pieces: screen::pieces(text, spans, 1),
        reasons: spans.iter().map(|s| s.why.clone()).collect(),
    }
}

async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let list = messages::list(&state, &me.user).await?;
    let items: Vec<_> = list
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id,
                "with": c.others(&me.user.username).join(", "),
                "last_message_at": c.last_message_at,
                "muted": c.muted,
            })
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("conversations", &items);
    ctx.insert("can_start", &messages::can_start(&state, &me.user).await?);
    super::page(&state, &req, &me.viewer, "messages.html", "Messages", ctx)
}

#[derive(Deserialize)]
struct NewQuery {
    #[serde(default)]
    to: String,
}

async fn new_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    q: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = tera::Context::new();
    ctx.insert("to", &q.to);
    ctx.insert("body", "");
    ctx.insert("risky", &Option::<Risky>::None);
    ctx.insert("can_start", &messages::can_start(&state, &me.user).await?);
    super::page(
        &state,
        &req,
        &me.viewer,
        "message_new.html",
        "New message",
        ctx,
    )
}

#[derive(Deserialize)]
struct MessageForm {
    csrf_token: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    body: String,
    /// The checkbox "share this with the recipients": "on" when ticked.
    #[serde(default)]
    confirm_phi: Option<String>,
}

async fn start(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    form: web::Form<MessageForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let to: Vec<String> =
        f.to.split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
    match messages::start(&state, &me.user, &to, &f.body, f.confirm_phi.is_some()).await {
        Ok(s) => Ok(super::redirect_with(
            &state,
            &format!("/messages/{}", s.conversation.id),
            Some("Your message was sent."),
            vec![],
        )),
        Err(e) => {
            let mut ctx = tera::Context::new();
            ctx.insert("to", &f.to);
            ctx.insert("body", &f.body);
            ctx.insert("can_start", &true);
            form_problem(
                &state,
                &req,
                &me.viewer,
                "message_new.html",
                ctx,
                &f.body,
                e,
            )
        }
    }
}

/// A refused message: the form again with the risky spans (and the confirmation box) or the
/// problem; anything else is an error page.
fn form_problem(
    state: &AppState,
    req: &HttpRequest,
    viewer: &Viewer,
    template: &str,
    mut ctx: tera::Context,
    body: &str,
    err: AppError,
) -> Result<HttpResponse, AppError> {
    match &err {
        AppError::PhiConfirmRequired { phi, .. } => {
            ctx.insert("risky", &Some(risky(body, phi)));
            let res = super::page(state, req, viewer, template, "Check your message", ctx)?;
            Ok(super::with_status(res, &err))
        }
        AppError::Validation { .. } | AppError::Forbidden { .. } | AppError::Conflict { .. } => {
            ctx.insert("risky", &Option::<Risky>::None);
            super::form_again(state, req, viewer, template, "Messages", ctx, &err)
        }
        _ => Err(err),
    }
}

#[derive(Deserialize)]
struct Cursor {
    cursor: Option<String>,
}

async fn conversation_context(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    cursor: Option<&str>,
) -> Result<tera::Context, AppError> {
    let c = messages::get(state, &me.user, id, cursor).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("with", &c.conversation.others(&me.user.username).join(", "));
    ctx.insert("conversation", &c);
    ctx.insert("body", "");
    ctx.insert("risky", &Option::<Risky>::None);
    Ok(ctx)
}

async fn conversation(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
    q: web::Query<Cursor>,
) -> Result<HttpResponse, AppError> {
    let ctx = conversation_context(&state, &me, id(&path)?, q.cursor.as_deref()).await?;
    super::page(
        &state,
        &req,
        &me.viewer,
        "conversation.html",
        "Conversation",
        ctx,
    )
}

async fn send(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<MessageForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let conv = id(&path)?;
    let f = form.into_inner();
    match messages::send(&state, &me.user, conv, &f.body, f.confirm_phi.is_some()).await {
        Ok(m) => Ok(super::redirect_with(
            &state,
            &format!("/messages/{conv}#message-{}", m.id),
            Some("Your message was sent."),
            vec![],
        )),
        Err(e) => {
            let mut ctx = conversation_context(&state, &me, conv, None).await?;
            ctx.insert("body", &f.body);
            form_problem(
                &state,
                &req,
                &me.viewer,
                "conversation.html",
                ctx,
                &f.body,
                e,
            )
        }
    }
}

#[derive(Deserialize)]
struct ToggleForm {
    csrf_token: String,
    /// "1" to turn on (block, mute), anything else to turn off.
    on: String,
}

async fn mute_conversation(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ToggleForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (conv, on) = (id(&path)?, form.on == "1");
    messages::mute(&state, &me.user, conv, on).await?;
    let notice = if on {
        "Muted: you will not be told of new messages here."
    } else {
        "Unmuted: you will be told of new messages here."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/messages/{conv}"),
        Some(notice),
        vec![],
    ))
}

#[derive(Deserialize)]
struct ReportForm {
    csrf_token: String,
    reason: String,
    #[serde(default)]
    note: Option<String>,
}

async fn report(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(String, String)>,
    form: web::Form<ReportForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (conv, message) = (id(&path.0)?, id(&path.1)?);
    let f = form.into_inner();
    let r = reports::Report {
        reason: f.reason,
        note: f.note,
    };
    let notice = match reports::report(&state, &me.user, message, r).await {
        Ok(_) => "Thank you. The moderators will see this message and the few before it, nothing else of the conversation.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        &format!("/messages/{conv}"),
        Some(&notice),
        vec![],
    ))
}

async fn block(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ToggleForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (name, on) = (path.into_inner(), form.on == "1");
    let notice = match blocks::set(&state, &me.user, &name, on).await {
        Ok(()) if on => format!(
            "You blocked {name}. Their posts come folded, and their messages and mentions no longer reach you. They are not told."
        ),
        Ok(()) => format!("You unblocked {name}."),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        &format!("/users/{name}"),
        Some(&notice),
        vec![],
    ))
}

async fn blocks_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let mut ctx = tera::Context::new();
    ctx.insert("blocks", &blocks::list(&state, &me.user).await?);
    ctx.insert("messages_enabled", &me.user.messages_enabled);
    super::page(
        &state,
        &req,
        &me.viewer,
        "blocks.html",
        "Messages and blocking",
        ctx,
    )
}

#[derive(Deserialize)]
struct MessagesSetting {
    csrf_token: String,
    /// A ticked checkbox sends "on"; an unticked one sends nothing.
    #[serde(default)]
    messages: Option<String>,
}

async fn set_messages(
    state: web::Data<AppState>,
    me: SignedIn,
    form: web::Form<MessagesSetting>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let on = form.messages.is_some();
    messages::set_enabled(&state, &me.user, on).await?;
    let notice = if on {
        "Members can send you private messages."
    } else {
        "Private messages are off: nobody can write to you, and you cannot write to anyone."
    };
    Ok(super::redirect_with(
        &state,
        "/me/blocks",
        Some(notice),
        vec![],
    ))
}

async fn mute_thread(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ToggleForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (thread, on) = (id(&path)?, form.on == "1");
    blocks::mute_thread(&state, &me.user, thread, on).await?;
    let notice = if on {
        "Thread muted: you will not be told of anything in it."
    } else {
        "Thread unmuted."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/threads/{thread}"),
        Some(notice),
        vec![],
    ))
}

async fn mute_group(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ToggleForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (slug, on) = (path.into_inner(), form.on == "1");
    blocks::mute_group(&state, &me.user, slug.clone(), on).await?;
    let notice = if on {
        "Group muted: you will not be told of anything in it."
    } else {
        "Group unmuted."
    };
    Ok(super::redirect_with(
        &state,
        &format!("/groups/{slug}"),
        Some(notice),
        vec![],
    ))
}

/// What a profile page shows the signed-in viewer: whether they blocked this member and may
/// write to them.
pub async fn profile_actions(
    state: &AppState,
    viewer: &Viewer,
    username: &str,
) -> Result<serde_json::Value, AppError> {
    let Some(me) = viewer.user() else {
        return Ok(serde_json::Value::Null);
    };
    if me.username.eq_ignore_ascii_case(username) {
        return Ok(serde_json::Value::Null);
    }
    Ok(serde_json::json!({
        "blocked": blocks::blocks(state, me, username).await?,
        "can_message": messages::can_start(state, me).await?,
    }))
}

async fn reports_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let mut ctx = tera::Context::new();
    ctx.insert("reports", &reports::open(&state, &me.user).await?);
    super::page(
        &state,
        &req,
        &me.viewer,
        "message_reports.html",
        "Reported messages",
        ctx,
    )
}

async fn report_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let detail = reports::view(&state, &me.user, id(&path)?, &client).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("detail", &detail);
    super::page(
        &state,
        &req,
        &me.viewer,
        "message_report.html",
        "Reported message",
        ctx,
    )
}

#[derive(Deserialize)]
struct CloseForm {
    csrf_token: String,
    /// "1" when action was taken.
    action_taken: String,
}

async fn close_report(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<CloseForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let action = form.action_taken == "1";
    let notice = match reports::close(&state, &me.user, id(&path)?, action, &client).await {
        Ok(_) => "Report closed; the member who sent it is told the outcome.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/moderation/message-reports",
        Some(&notice),
        vec![],
    ))
}
