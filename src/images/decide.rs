//! The moderators' side: the held images, oldest first, and a decision on one (approve, or
//! reject with a reason for the uploader, which deletes its pixels). A decision and its audit
//! entry commit together; two moderators deciding at once get one decision and one refusal.

use super::ImageView;
use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::images;
use crate::db::users::UserRow;
use crate::error::AppError;
use crate::forum::access;
use crate::moderation::decide::parse_reason;
use crate::state::AppState;

/// How many held images one listing shows.
const PAGE: i64 = 100;

fn require_moderator(user: &UserRow) -> Result<(), AppError> {
    access::staff_power(Some(user)).require("Only moderators review images.")
}

pub async fn held(state: &AppState, moderator: &UserRow) -> Result<Vec<ImageView>, AppError> {
    require_moderator(moderator)?;
    state
        .db
        .run(|conn| {
            images::held(conn, PAGE)?
                .into_iter()
                .map(|(row, name)| ImageView::new(&row, Some(name)))
                .collect()
        })
        .await
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageDecision {
    Approve,
    Reject(String),
}

impl ImageDecision {
    /// `action` is the last part of `/moderation/images/{id}/{action}`.
    pub fn parse(action: &str, reason: Option<String>) -> Result<ImageDecision, AppError> {
        match action {
            "approve" => Ok(ImageDecision::Approve),
            "reject" => Ok(ImageDecision::Reject(parse_reason(reason)?)),
            _ => Err(AppError::NotFound),
        }
    }
}

pub async fn decide(
    state: &AppState,
    moderator: &UserRow,
    id: i64,
    decision: ImageDecision,
    client: &ClientInfo,
) -> Result<ImageView, AppError> {
    require_moderator(moderator)?;
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let img = images::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            // Approving needs a held image; an approved one can still be taken down.
            let (from, to, action, reason): (&[&str], _, _, _) = match &decision {
                ImageDecision::Approve => (&["held"], "approved", Action::ImageApproved, None),
                ImageDecision::Reject(r) => (
                    &["held", "approved"],
                    "rejected",
                    Action::ImageRejected,
                    Some(r.as_str()),
                ),
            };
            if !images::decide(conn, id, from, to, &m.username, reason)? {
                let who = img.decided_by.as_deref().unwrap_or("another moderator");
                return Err(AppError::conflict(
                    "image",
                    format!("Already {} by {who}; nothing was changed.", img.status),
                ));
            }
            Entry::new(action)
                .actor(m.id, &m.username)
                .target(format!("image {id}"))
                .ip(Some(&ip))
                .reason(reason.unwrap_or_default())
                .write(conn)?;
            let (kind, text, link) = match reason {
                None => (
                    "image_approved",
                    "A moderator approved your image: it now shows in posts.".to_owned(),
                    format!("/images/{id}"),
                ),
                Some(r) => (
                    "image_rejected",
                    format!(
                        "A moderator did not approve your image, and it was deleted. Reason: {r}"
                    ),
                    "/images/new".to_owned(),
                ),
            };
            crate::notify::notify(conn, img.uploader_id, kind, &text, &link)?;
            let row = images::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            ImageView::new(&row, None)
        })
        .await
}
