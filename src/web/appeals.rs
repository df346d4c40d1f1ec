//! Appeals in pages: a member answers a decision about them (their rejected or removed post, or
//! their sanction) once, in words; another moderator upholds or overturns it.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::moderation::appeals::{self, NewAppealInput};
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/appeals/new", web::get().to(appeal_form))
        .route("/appeals", web::post().to(appeal))
        .route("/moderation/appeals", web::get().to(open_page))
        .route("/moderation/appeals/{id}/{outcome}", web::post().to(answer));
}

/// Which decision is appealed: `?post=ID` or `?sanction=ID`.
#[derive(Deserialize, Default)]
struct Which {
    #[serde(default)]
    post: Option<String>,
    #[serde(default)]
    sanction: Option<String>,
}

fn form_context(which: &Which, text: &str) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("post_id", &which.post.clone().unwrap_or_default());
    ctx.insert("sanction_id", &which.sanction.clone().unwrap_or_default());
    ctx.insert("text", text);
    ctx
}

async fn appeal_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    q: web::Query<Which>,
) -> Result<HttpResponse, AppError> {
    let which = q.into_inner();
    // Whether the decision is theirs to appeal is checked when they send it (404 otherwise).
    for raw in [&which.post, &which.sanction].into_iter().flatten() {
        id(raw)?;
    }
    if which.post.is_some() == which.sanction.is_some() {
        return Err(AppError::NotFound);
    }
    let ctx = form_context(&which, "");
    super::page(
        &state,
        &req,
        &me.viewer,
        "appeal.html",
        "Appeal a decision",
        ctx,
    )
}

#[derive(Deserialize)]
struct AppealForm {
    csrf_token: String,
    #[serde(default)]
    post_id: String,
    #[serde(default)]
    sanction_id: String,
    #[serde(default)]
    text: String,
}

async fn appeal(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
    form: web::Form<AppealForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let input = NewAppealInput {
        post_id: some(&f.post_id),
        sanction_id: some(&f.sanction_id),
        text: Some(f.text.clone()),
    };
    match appeals::appeal(&state, &me.user, input).await {
        Ok(_) => Ok(super::redirect_with(
            &state,
            "/notifications",
            Some(
                "Your appeal is sent. A moderator who did not make the decision will answer it, \
                 and you will find the answer here.",
            ),
            vec![],
        )),
        // Appealed already: nothing to mend on the form; say so where the answer will come.
        Err(e @ AppError::Conflict { .. }) => Ok(super::redirect_with(
            &state,
            "/notifications",
            Some(&super::notice_for(e)?),
            vec![],
        )),
        Err(e @ AppError::Validation { .. }) => {
            let which = Which {
                post: some(&f.post_id),
                sanction: some(&f.sanction_id),
            };
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "appeal.html",
                "Appeal a decision",
                form_context(&which, &f.text),
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

async fn open_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let open = appeals::open(&state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("appeals", &open);
    super::page(
        &state,
        &req,
        &me.viewer,
        "moderation_appeals.html",
        "Appeals",
        ctx,
    )
}

#[derive(Deserialize)]
struct AnswerForm {
    csrf_token: String,
    #[serde(default)]
    reason: Option<String>,
}

async fn answer(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<(String, String)>,
    form: web::Form<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (appeal, outcome) = path.into_inner();
    let overturn = match outcome.as_str() {
        "overturn" => true,
        "uphold" => false,
        _ => return Err(AppError::NotFound),
    };
    let appeal = id(&appeal)?;
    let reason = form.reason.as_deref();
    let notice = match appeals::decide(&state, &me.user, appeal, overturn, reason, &client).await {
        Ok(done) if done.status == "overturned" => {
            "Appeal overturned: the decision is undone, and both sides are told.".to_owned()
        }
        Ok(_) => "Appeal upheld: the decision stands, and both sides are told.".to_owned(),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        &format!("/moderation/appeals#appeal-{appeal}"),
        Some(&notice),
        vec![],
    ))
}
