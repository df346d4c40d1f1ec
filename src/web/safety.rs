//! Moderators' notes from the thread page (in each post's moderator tools).

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::SignedIn;
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::safety::notes;
use crate::state::AppState;

use super::CsrfOnly;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/posts/{id}/note", web::post().to(save_note))
        .route("/posts/{id}/note/delete", web::post().to(delete_note));
}

#[derive(Deserialize)]
struct NoteForm {
    csrf_token: String,
    #[serde(default)]
    note: String,
}

async fn save_note(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<NoteForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let post_id = id(&path)?;
    let (to, message) = match notes::set(&state, &me.user, post_id, &form.note, &client).await {
        Ok(p) => (
            crate::forum::threads::post_link(p.thread_id, post_id),
            "The moderator note is saved; readers see it under the post.".to_owned(),
        ),
        Err(e) => {
            let thread = crate::forum::posts::thread_of(&state, &me.user, post_id).await?;
            (
                crate::forum::threads::post_link(thread, post_id),
                super::notice_for(e)?,
            )
        }
    };
    Ok(super::redirect_with(&state, &to, Some(&message), vec![]))
}

async fn delete_note(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let post_id = id(&path)?;
    let p = notes::remove(&state, &me.user, post_id, &client).await?;
    Ok(super::redirect_with(
        &state,
        &crate::forum::threads::post_link(p.thread_id, post_id),
        Some("The moderator note is removed."),
        vec![],
    ))
}
