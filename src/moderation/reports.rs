//! Members report posts. One report per member and post; not one's own post, not a post one
//! cannot see. Enough reports from distinct members take a post out of public view until a
//! moderator decides; a self-harm report makes the item urgent.

use serde::Deserialize;

use crate::audit::{Action, Entry};
use crate::db::users::UserRow;
use crate::db::{flags, posts};
use crate::error::AppError;
use crate::forum::access;
use crate::forum::posts::check;
use crate::forum::publish::publication_changed;
use crate::posting::lifecycle;
use crate::state::AppState;

pub const REASONS: [&str; 6] = [
    "phi",
    "misinformation",
    "harassment",
    "spam",
    "self_harm",
    "other",
];

#[derive(Deserialize)]
pub struct Report {
    pub reason: String,
    #[serde(default)]
    pub note: Option<String>,
}

pub async fn report(
    state: &AppState,
    user: &UserRow,
    post_id: i64,
    report: Report,
) -> Result<(), AppError> {
    if !REASONS.contains(&report.reason.as_str()) {
        return Err(AppError::validation(
            "reason",
            "Choose a reason: phi, misinformation, harassment, spam, self_harm or other.",
        ));
    }
    let note = report
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(AppError::validation(
            "note",
            "Keep the note under 500 characters.",
        ));
    }
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let (post, _, thread, a) = access::post_for(conn, post_id, &u)?;
            check(conn, &u, &a, &thread, &post, lifecycle::Action::Report)?;
            if !flags::insert(conn, post.id, u.id, &report.reason, note.as_deref())? {
                return Err(AppError::conflict(
                    "post",
                    "You have already reported this post. Moderators will look at it.",
                ));
            }
            Entry::new(Action::PostFlagged)
                .actor(u.id, &u.username)
                .target(format!("post {}", post.id))
                .reason(report.reason.clone())
                .write(conn)?;
            let hide_at = crate::db::settings::load(conn)?.auto_hide_reports;
            let threshold = lifecycle::Action::ReportThreshold;
            let to = check(conn, &u, &a, &thread, &post, threshold)?.to;
            if to != post.state()
                && flags::open_reporters(conn, post.id)? >= hide_at
                && posts::set_state(conn, post.id, post.state(), to)?
            {
                publication_changed(conn, &thread, &post, post.state(), to)?;
                // Attributed to the report that crossed the threshold.
                Entry::new(Action::PostAutoHidden)
                    .actor(u.id, &u.username)
                    .target(format!("post {}", post.id))
                    .reason(format!(
                        "{hide_at} members reported it: hidden until a moderator decides"
                    ))
                    .write(conn)?;
            }
            Ok(())
        })
        .await
}
