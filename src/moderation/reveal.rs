//! Revealing what a mask hides: a moderator who must see the text of one held post's risky spans
//! says why, and is shown that post only. Every reveal is an audit entry (who, which post, why,
//! when), written in the same transaction that reads the text; a moderator who reveals more than
//! `KINDRED_REVEALS_PER_HOUR` in an hour is still served, but the admins are told, once an hour.

use serde::Serialize;
use time::Duration;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::users::UserRow;
use crate::db::{audit as audit_rows, notifications, now, users, AnyConnection};
use crate::error::AppError;
use crate::forum::access;
use crate::forum::screen::{self, HeldView};
use crate::forum::views::PostView;
use crate::state::AppState;

/// Why a moderator looks behind the masks, in their words or from the page's short list.
pub struct RevealReason(String);

impl RevealReason {
    pub fn parse(raw: Option<&str>) -> Result<RevealReason, AppError> {
        let text = raw.unwrap_or("").trim();
        let length = text.chars().count();
        if !(3..=500).contains(&length) {
            return Err(AppError::validation(
                "reason",
                "Say in 3 to 500 characters why you need to see the hidden text.",
            ));
        }
        // The reason is kept in the audit log, which admins read: no identifier goes in there.
        crate::forum::screen::refuse_identifiers("reason", text, crate::phi::Shown::AsTyped)?;
        Ok(RevealReason(text.to_owned()))
    }
}

/// One post as written, for the moderator who revealed it.
#[derive(Serialize, Debug)]
pub struct Revealed {
    #[serde(flatten)]
    pub post: PostView,
    /// The thread's title as written.
    pub thread_title: String,
    pub group: String,
    /// The risky spans highlighted, unmasked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<HeldView>,
    pub masked: bool,
}

/// The notification kind admins get when a moderator reveals a lot.
const ALERT: &str = "reveal_alert";

pub async fn reveal(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    reason: RevealReason,
    client: &ClientInfo,
) -> Result<Revealed, AppError> {
    let (m, ip, per_hour) = (
        moderator.clone(),
        client.ip.clone(),
        state.settings.reveals_per_hour,
    );
    state
        .db
        .write(move |conn| {
            let (post, author, thread, a) = access::visible_post(conn, post_id, &m)?;
            a.require_moderator()?;
            Entry::new(Action::PostRevealed)
                .actor(m.id, &m.username)
                .target(format!("post {post_id}"))
                .ip(Some(&ip))
                .reason(reason.0)
                .write(conn)?;
            alert_if_many(conn, &m, per_hour)?;
            let view = PostView::new(&post, author);
            let title = post.parent_id.is_none().then_some(thread.title.as_str());
            let held = match (&view.phi, post.body_md.as_deref()) {
                (Some(spans), Some(source)) => Some(screen::held_view(title, source, spans)),
                _ => None,
            };
            Ok(Revealed {
                post: view,
                thread_title: thread.title,
                group: a.group.slug,
                held,
                masked: false,
            })
        })
        .await
}

/// Tells every admin, at most once an hour per moderator, that this moderator has revealed more
/// than the hourly allowance: looking behind masks at that rate is worth a second pair of eyes.
fn alert_if_many(conn: &mut AnyConnection, m: &UserRow, per_hour: u32) -> Result<(), AppError> {
    if per_hour == 0 {
        return Ok(());
    }
    let since = now() - Duration::hours(1);
    let count = audit_rows::count_by_actor_since(conn, m.id, Action::PostRevealed.as_str(), since)?;
    let link = format!(
        "/moderation/audit?action=post.revealed&actor={}",
        m.username
    );
    if count <= i64::from(per_hour) || notifications::sent_since(conn, ALERT, &link, since)? {
        return Ok(());
    }
    let text = format!(
        "Moderator {} has revealed hidden text in {count} held posts within an hour.",
        m.username
    );
    for admin in users::admin_ids(conn)? {
        notifications::insert(conn, admin, ALERT, &text, &link)?;
    }
    Ok(())
}
