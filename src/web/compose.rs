//! Editing a post, and the live PHI warning the compose and edit forms ask for before submitting.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::extract::SignedIn;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::forum::{posts, screen};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/posts/{id}/edit", web::get().to(edit_form))
        .route("/posts/{id}/edit", web::post().to(edit))
        .route("/posts/{id}/quote", web::get().to(quote_form))
        .route("/posts/{id}/reply", web::get().to(reply_form))
        .route("/phi/check", web::post().to(phi_check));
}

fn edit_context(post_id: i64, own: &posts::OwnPost) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("post_id", &post_id);
    ctx.insert("thread_id", &own.thread_id);
    ctx.insert("body", &own.body);
    ctx.insert("title_value", &own.title);
    ctx.insert(
        "held",
        &own.phi
            .as_ref()
            .map(|spans| screen::held_view(own.title.as_deref(), &own.body, spans)),
    );
    ctx
}

async fn edit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let post_id = id(&path)?;
    let own = posts::own_post(&state, &me.user, post_id).await?;
    super::page(
        &state,
        &req,
        &me.viewer,
        "edit_post.html",
        "Edit your post",
        edit_context(post_id, &own),
    )
}

/// The "Reply" link under a post, followed without JavaScript (with it, the page's one composer
/// takes the post as its parent instead): a small page with the form alone.
async fn reply_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let post_id = id(&path)?;
    let thread_id = posts::thread_of(&state, &me.user, post_id).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("thread_id", &thread_id);
    ctx.insert("parent_id", &post_id.to_string());
    ctx.insert("body", "");
    super::page(&state, &req, &me.viewer, "reply.html", "Your reply", ctx)
}

/// The "Quote" button: a reply under the post, starting with a reference to it (not a copy of
/// its words; see `forum::quotes`).
async fn quote_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let post_id = id(&path)?;
    let thread_id = posts::thread_of(&state, &me.user, post_id).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("thread_id", &thread_id);
    ctx.insert("parent_id", &post_id.to_string());
    ctx.insert("body", &format!("[quote post={post_id}]\n\n"));
    ctx.insert("quoting", &true);
    super::page(&state, &req, &me.viewer, "reply.html", "Your reply", ctx)
}

#[derive(Deserialize)]
struct EditForm {
    csrf_token: String,
    body: String,
    #[serde(default)]
    title: Option<String>,
}

async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<EditForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let post_id = id(&path)?;
    let f = form.into_inner();
    match posts::edit(&state, &me.user, post_id, &f.body, f.title.as_deref()).await {
        Ok(post) => {
            let message = if post.phi.is_some() {
                "Your post is still held for review: some details could still identify someone."
            } else {
                "Your post was updated and is published."
            };
            Ok(super::redirect_with(
                &state,
                &crate::forum::threads::post_link(post.thread_id, post.id),
                Some(message),
                vec![],
            ))
        }
        Err(e @ AppError::Validation { .. }) => {
            // Come back to the form with what was typed, so nothing is lost.
            let mut own = posts::own_post(&state, &me.user, post_id).await?;
            own.body = f.body;
            own.phi = None; // its spans were found in the saved text, not in this one
            if own.title.is_some() {
                own.title = f.title;
            }
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "edit_post.html",
                "Edit your post",
                edit_context(post_id, &own),
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct CheckForm {
    csrf_token: String,
    #[serde(default)]
    title: Option<String>,
    body: String,
}

/// What `static/kindred.js` asks before a compose or edit form is submitted. Same answer as
/// `POST /api/v1/phi/scan`, for a page's session, with the same allowance.
/// Nothing is stored or logged.
async fn phi_check(
    state: web::Data<AppState>,
    me: SignedIn,
    form: web::Form<CheckForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let answer = screen::live_check(&state, &me.user, form.title.as_deref(), &form.body).await?;
    Ok(HttpResponse::Ok().json(answer))
}
