//! Moderation: members' reports, the queue moderators work, and their decisions. Every decision
//! is a compare-and-set on the post's state inside one write transaction, so two moderators acting
//! on the same item at once get one decision and one "already handled by …".

pub mod decide;
pub mod queue;
pub mod reports;
pub mod sanctions;
pub mod settings;

use crate::db::posts::{self, PostRow};
use crate::db::threads::{self, ThreadRow};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::forum::access::{self, Access};

/// A post, its thread and the moderator's standing in its group.
pub(crate) fn load(
    conn: &mut AnyConnection,
    post_id: i64,
    viewer: &UserRow,
) -> Result<(PostRow, ThreadRow, Access), AppError> {
    let (post, _) = posts::by_id(conn, post_id)?.ok_or(AppError::NotFound)?;
    let (thread, _) = threads::by_id(conn, post.thread_id)?.ok_or(AppError::NotFound)?;
    let a = access::by_group_id(conn, thread.group_id, Some(viewer))?;
    Ok((post, thread, a))
}
