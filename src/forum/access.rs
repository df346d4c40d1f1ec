//! A viewer's standing in one group, and the questions every reader and writer asks of it: may
//! they read here, see this thread, see this post, use moderator powers. The rules themselves are
//! in [`crate::posting::visibility`] (what may be seen) and [`Power`] (the staff gate); this module
//! only gathers the facts they need, so no caller re-codes either.

use crate::auth::accounts::role_power;
use crate::db::groups::{self, GroupKey, GroupRow, MemberRow};
use crate::db::posts::PostRow;
use crate::db::thread_access::{ForReader, Parent};
use crate::db::threads::{Shown, ThreadRow};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::domain::{Power, Role};
use crate::error::AppError;
use crate::posting::lifecycle::{self, Actor};
use crate::posting::visibility::{self, PostFacts, Standing, ThreadFacts};

/// What one viewer may do in one group.
#[derive(Clone, Debug)]
pub struct Access {
    pub group: GroupRow,
    pub membership: Option<MemberRow>,
    viewer: Option<i64>,
    standing: Standing,
    power: Power,
}

/// Global moderators' and admins' power, through the staff gate.
pub fn staff_power(user: Option<&UserRow>) -> Power {
    user.map_or(Power::Lacking, |u| role_power(u, Role::Moderator))
}

/// Global moderators and admins with two-factor on: they read and moderate every group.
pub fn is_staff(user: Option<&UserRow>) -> bool {
    staff_power(user).is_active()
}

/// Moderator power in a group: global staff, or a member made moderator of it; through the gate.
pub fn group_power(user: Option<&UserRow>, membership: Option<&MemberRow>) -> Power {
    let Some(u) = user else {
        return Power::Lacking;
    };
    let holds = u.role().is_staff() || membership.is_some_and(MemberRow::holds_moderation);
    Power::of(holds, u.totp_enabled())
}

/// The viewer's standing in a group, for callers that hold many groups at once (profiles,
/// notifications, watch lists) as much as for [`Access`].
pub fn standing(user: Option<&UserRow>, membership: Option<&MemberRow>) -> Standing {
    Standing {
        signed_in: user.is_some(),
        member: membership.is_some_and(MemberRow::is_member),
        staff: is_staff(user),
        moderates: group_power(user, membership).is_active(),
    }
}

impl Access {
    pub fn new(group: GroupRow, membership: Option<MemberRow>, viewer: Option<&UserRow>) -> Access {
        Access {
            standing: standing(viewer, membership.as_ref()),
            power: group_power(viewer, membership.as_ref()),
            viewer: viewer.map(|v| v.id),
            group,
            membership,
        }
    }

    pub fn is_member(&self) -> bool {
        self.standing.member
    }

    pub fn is_pending(&self) -> bool {
        self.membership.as_ref().is_some_and(|m| !m.is_member())
    }

    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// Reading the group's threads at all.
    pub fn can_read(&self) -> bool {
        visibility::can_read_group(self.group.visibility(), self.standing)
    }

    /// Moderator powers here, through the staff gate (two-factor on): acting on posts and reading
    /// held, rejected and removed content alike.
    pub fn moderates(&self) -> bool {
        self.power.is_active()
    }

    pub fn power(&self) -> Power {
        self.power
    }

    /// Refuses unless the viewer may read; unreadable content does not exist (404).
    pub fn require_read(&self) -> Result<(), AppError> {
        if self.can_read() {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    pub fn require_member(&self) -> Result<(), AppError> {
        if self.is_member() {
            Ok(())
        } else {
            Err(AppError::forbidden(
                "not_a_member",
                "Join this group to post in it.",
            ))
        }
    }

    /// Group moderator powers (the staff gate).
    pub fn require_moderator(&self) -> Result<(), AppError> {
        self.power
            .require("Only this group's moderators can do that.")
    }

    fn thread_facts(&self, thread: &ThreadRow) -> ThreadFacts {
        ThreadFacts {
            status: thread.status(),
            by_viewer: self.viewer.is_some() && thread.author_id == self.viewer,
        }
    }

    fn post_facts(&self, post: &PostRow) -> PostFacts {
        PostFacts {
            status: post.status(),
            by_viewer: self.viewer.is_some() && post.author_id == self.viewer,
        }
    }

    pub fn can_see_thread(&self, thread: &ThreadRow) -> bool {
        visibility::can_see_thread(
            self.group.visibility(),
            self.standing,
            self.thread_facts(thread),
        )
    }

    pub fn can_see_post(&self, thread: &ThreadRow, post: &PostRow) -> bool {
        visibility::can_see_post(
            self.group.visibility(),
            self.standing,
            self.thread_facts(thread),
            self.post_facts(post),
        )
    }

    /// The thread, or 404 for anyone the rule does not let see it.
    pub fn require_thread(&self, thread: &ThreadRow) -> Result<(), AppError> {
        if self.can_see_thread(thread) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    pub fn require_post(&self, thread: &ThreadRow, post: &PostRow) -> Result<(), AppError> {
        if self.can_see_post(thread, post) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Whether the viewer is shown a held post's risky spans as written: only its author is. A
    /// moderator sees them masked (`forum::mask`) until they reveal one post, which is audited.
    pub fn sees_unmasked(&self, post: &PostRow) -> bool {
        self.post_facts(post).by_viewer
    }

    /// The same for a held thread's title: only the thread's author sees it as written.
    pub fn sees_unmasked_thread(&self, thread: &ThreadRow) -> bool {
        self.thread_facts(thread).by_viewer
    }

    /// The viewer as the lifecycle sees them acting on this post.
    pub fn actor(&self, thread: &ThreadRow, post: &PostRow, suspended: bool) -> Actor {
        lifecycle::actor(
            self.group.visibility(),
            self.standing,
            self.power,
            suspended,
            self.thread_facts(thread),
            self.post_facts(post),
        )
    }

    /// Which of the group's threads a list shows this viewer: the rule's `can_see_thread` as a
    /// query filter (the test in `tests/api/visibility.rs` runs both on every combination).
    pub fn shown(&self) -> Shown {
        match self.viewer {
            _ if self.standing.moderates => Shown::All,
            Some(id) => Shown::PublishedOrBy(id),
            None => Shown::Published,
        }
    }

    /// Whether joining makes the viewer a member at once: open groups, and private groups the
    /// viewer moderates already (an admin who made the group does not wait for their own approval).
    pub fn joins_at_once(&self) -> bool {
        self.group.visibility() != crate::domain::Visibility::Private || self.moderates()
    }
}

/// The viewer's access to a group; 404 when there is no such group. One query.
fn group_access(
    conn: &mut AnyConnection,
    key: GroupKey<'_>,
    viewer: Option<&UserRow>,
) -> Result<Access, AppError> {
    let (group, membership) =
        groups::with_membership(conn, key, viewer.map(|v| v.id))?.ok_or(AppError::NotFound)?;
    Ok(Access::new(group, membership, viewer))
}

pub fn by_slug(
    conn: &mut AnyConnection,
    slug: &str,
    viewer: Option<&UserRow>,
) -> Result<Access, AppError> {
    group_access(conn, GroupKey::Slug(slug), viewer)
}

pub fn by_group_id(
    conn: &mut AnyConnection,
    id: i64,
    viewer: Option<&UserRow>,
) -> Result<Access, AppError> {
    group_access(conn, GroupKey::Id(id), viewer)
}

/// A thread, its author's name and the viewer's access to its group.
pub type ThreadAccess = (ThreadRow, Option<String>, Access);

/// A thread with its author's name and the viewer's access to its group, whatever the viewer may
/// see of it; 404 only when there is no such thread. One query; for `reading`, see
/// [`thread_for_reading`].
fn thread_access(
    conn: &mut AnyConnection,
    thread_id: i64,
    viewer: Option<&UserRow>,
    reading: bool,
) -> Result<(ThreadAccess, ForReader), AppError> {
    let ((thread, author), group, membership, for_reader) =
        crate::db::thread_access::with_group(conn, thread_id, viewer.map(|v| v.id), reading)?
            .ok_or(AppError::NotFound)?;
    Ok((
        (thread, author, Access::new(group, membership, viewer)),
        for_reader,
    ))
}

/// A thread the viewer may see, with their access to its group; 404 for anyone else.
pub fn thread_for(
    conn: &mut AnyConnection,
    thread_id: i64,
    viewer: Option<&UserRow>,
) -> Result<ThreadAccess, AppError> {
    let (found, _) = thread_access(conn, thread_id, viewer, false)?;
    found.2.require_thread(&found.0)?;
    Ok(found)
}

/// [`thread_for`] for a reader of the thread's posts, in the same statement: the thread's version
/// whole, which keys the page's kept rows (`forum::thread_rows`), and the reader's own buttons and
/// whether they blocked anyone ([`ForReader`]).
pub fn thread_for_reading(
    conn: &mut AnyConnection,
    thread_id: i64,
    viewer: Option<&UserRow>,
) -> Result<(ThreadAccess, ForReader), AppError> {
    let found = thread_access(conn, thread_id, viewer, true)?;
    found.0 .2.require_thread(&found.0 .0)?;
    Ok(found)
}

/// [`thread_for`] for a writer of a reply, with the post it answers when that post is in the
/// thread (whatever the writer may see of it: the caller checks), in the same statement.
pub fn thread_for_reply(
    conn: &mut AnyConnection,
    thread_id: i64,
    writer: &UserRow,
    parent: Parent,
) -> Result<(ThreadRow, Access, Option<PostRow>), AppError> {
    let ((thread, _), group, membership, parent) =
        crate::db::thread_access::with_group_and_parent(conn, thread_id, Some(writer.id), parent)?
            .ok_or(AppError::NotFound)?;
    let a = Access::new(group, membership, Some(writer));
    a.require_thread(&thread)?;
    Ok((thread, a, parent))
}

/// A post with its author's name, its thread and the viewer's access, whatever the viewer may see
/// of it: for the lifecycle, which answers 404 itself for what they cannot.
pub fn post_for(
    conn: &mut AnyConnection,
    post_id: i64,
    viewer: &UserRow,
) -> Result<(PostRow, Option<String>, ThreadRow, Access), AppError> {
    let (post, author) = crate::db::posts::by_id(conn, post_id)?.ok_or(AppError::NotFound)?;
    let ((thread, _, a), _) = thread_access(conn, post.thread_id, Some(viewer), false)?;
    Ok((post, author, thread, a))
}

/// [`post_for`], refusing (404) a post the viewer may not see.
pub fn visible_post(
    conn: &mut AnyConnection,
    post_id: i64,
    viewer: &UserRow,
) -> Result<(PostRow, Option<String>, ThreadRow, Access), AppError> {
    let found = post_for(conn, post_id, viewer)?;
    found.3.require_post(&found.2, &found.0)?;
    Ok(found)
}
