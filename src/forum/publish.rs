//! Writing a post: the one `publish_new_post` for threads and replies (posting limit, new-member
//! approval, the lifecycle's first state, crisis handling, notifications and counters, in that
//! order), and `publication_changed`, which every later transition (edit, report threshold,
//! moderators' decisions) calls to keep counts, the thread's status and notifications in step.

use crate::auth::accounts::role_power;
use crate::auth::api_tokens::{Bearer, Caller};
use crate::auth::throttle;
use crate::content::Title;
use crate::db::activity::{self, Counted};
use crate::db::posts::{self, PostRow};
use crate::db::standing::{self, Standing};
use crate::db::threads::{self, ThreadRow};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::domain::{Power, Role};
use crate::error::AppError;
use crate::forum::access::Access;
use crate::forum::screen::Prepared;
use crate::forum::views::PostView;
use crate::posting::lifecycle;
use crate::posting::{PostState, PostStatus};

/// Whether `user` may post: not suspended, a clinician's second factor on, within the posting
/// limit. `take: false` only checks (what a use case reads before it renders a body, so a member
/// who may not post costs no rendering); `take: true`, in the write transaction, counts the post.
pub fn may_post(
    conn: &mut AnyConnection,
    user: &UserRow,
    per_minute: u32,
    take: bool,
) -> Result<(), AppError> {
    let standing = standing_of(conn, user.id)?;
    allows(conn, user, &standing, per_minute)?;
    if take && under_limit(user) {
        throttle::count_post(conn, user.id, per_minute)?;
    }
    Ok(())
}

/// The one rule of who may post, on their standing as read: not suspended (the sanction's own
/// words say until when and why), a clinician's second factor on, within the posting limit.
fn allows(
    conn: &mut AnyConnection,
    user: &UserRow,
    standing: &Standing,
    per_minute: u32,
) -> Result<(), AppError> {
    if standing.suspended {
        crate::db::sanctions::require_not_suspended(conn, user)?;
    }
    require_clinician_second_factor(user)?;
    if under_limit(user) {
        throttle::refuse_posts_over(standing.recent_posts, per_minute)?;
    }
    Ok(())
}

/// What [`clear_to_post`] gives a writer who may post: [`publish_new_post`] then does not ask
/// the same questions again in the same transaction (the posting limit only counts the post).
pub struct Cleared {
    /// The forum's new-member approval setting, read with the rest of the writer's standing.
    new_member_approvals: i64,
}

/// Who is posting, with their standing as a poster, for [`clear_to_post`]. An API caller's
/// account is read in the same statement as their standing: one statement for everything the
/// post's author must be. Read before the access checks, judged after them, so that someone who
/// may not see the place is told that first.
pub fn poster(conn: &mut AnyConnection, caller: &Caller) -> Result<(UserRow, Standing), AppError> {
    match caller {
        Caller::Session { token, idle } => {
            let (_, user, _) = crate::auth::sessions::resume_on(conn, token, *idle, false)?
                .ok_or_else(Caller::signed_out)?;
            let standing = standing_of(conn, user.id)?;
            Ok((user, standing))
        }
        Caller::Bearer(bearer) => {
            let key = bearer.user_id().to_string();
            let window = throttle::post_window(&key);
            match standing::with_account(conn, bearer.user_id(), window)? {
                Some((user, standing)) => Ok((bearer.admit(user)?, standing)),
                None => Err(Bearer::account_gone()),
            }
        }
    }
}

/// The standing of a member whose account is already read, over the posting limit's window.
fn standing_of(conn: &mut AnyConnection, user_id: i64) -> Result<Standing, AppError> {
    let key = user_id.to_string();
    standing::of(conn, user_id, throttle::post_window(&key))
}

/// [`may_post`]'s checks on the [`poster`]'s standing, without counting, as the first step of
/// the transaction that then writes the post with [`publish_new_post`] (see
/// [`crate::db::Db::write_checked`]).
pub fn clear_to_post(
    conn: &mut AnyConnection,
    user: &UserRow,
    standing: Standing,
    per_minute: u32,
) -> Result<Cleared, AppError> {
    allows(conn, user, &standing, per_minute)?;
    Ok(Cleared {
        new_member_approvals: standing.new_member_approvals,
    })
}

/// What any writing (a post or an edit) asks of the writer besides the lifecycle (which knows
/// suspensions): a clinician's second factor, and the posting limit, which edits take from too.
/// Moderators and admins have no posting limit.
pub fn writer_checks(
    conn: &mut AnyConnection,
    user: &UserRow,
    per_minute: u32,
    take: bool,
) -> Result<(), AppError> {
    require_clinician_second_factor(user)?;
    take_from_limit(conn, user, per_minute, take)
}

/// The posting limit: checked (`take: false`), or checked and this write counted.
fn take_from_limit(
    conn: &mut AnyConnection,
    user: &UserRow,
    per_minute: u32,
    take: bool,
) -> Result<(), AppError> {
    match (under_limit(user), take) {
        (false, _) => Ok(()),
        (true, true) => throttle::take_post(conn, user.id, per_minute),
        (true, false) => throttle::check_post(conn, user.id, per_minute),
    }
}

/// Whether the posting limit applies: moderators and admins have none.
fn under_limit(user: &UserRow) -> bool {
    !user.role().is_staff()
}

/// A clinician writes under a badge patients trust, so someone who learns only their password
/// must not be able to speak with it: posting and editing wait until two-factor sign-in is on.
fn require_clinician_second_factor(user: &UserRow) -> Result<(), AppError> {
    if role_power(user, Role::Clinician) == Power::NeedsTwoFactor {
        return Err(AppError::forbidden(
            "two_factor_required",
            "Verified clinicians turn on two-factor sign-in (on your account page) before posting, so nobody who learns your password can write under your badge.",
        ));
    }
    Ok(())
}

/// When admins turn it on (`first`, read with the writer's standing), a new member's first posts
/// wait for a moderator.
fn needs_approval(conn: &mut AnyConnection, user: &UserRow, first: i64) -> Result<bool, AppError> {
    if user.role() != Role::Member || first <= 0 {
        return Ok(false);
    }
    Ok(posts::published_by(conn, user.id)? < first)
}

/// Where a new post goes.
pub enum Place<'a> {
    /// A new thread with this title; the post is its opening post.
    NewThread(&'a Title),
    /// A reply under `parent` in `thread` (already checked: visible, published, unlocked).
    Reply {
        thread: &'a ThreadRow,
        parent: &'a PostRow,
    },
}

/// Writes a new thread or reply, inside the caller's write transaction, after the access checks
/// and [`clear_to_post`] (`cleared`) in that same transaction.
#[allow(clippy::too_many_arguments)]
pub fn publish_new_post(
    conn: &mut AnyConnection,
    cleared: Cleared,
    author: &UserRow,
    a: &Access,
    place: Place<'_>,
    new: &Prepared,
    crisis: bool,
    per_minute: u32,
) -> Result<(ThreadRow, PostView), AppError> {
    // Counted without counting again: `Cleared` is the limit's check earlier in this same
    // transaction (on SQLite inside the one writer's, so exact; on PostgreSQL a parallel post by
    // the same member could pass between the two, as it could between a second check and this
    // count).
    if under_limit(author) {
        throttle::count_post(conn, author.id, per_minute)?;
    }
    let state = lifecycle::on_publish(
        new.scan,
        needs_approval(conn, author, cleared.new_member_approvals)?,
    );
    let (thread, parent) = match place {
        Place::NewThread(title) => {
            let t = threads::insert(conn, a.group.id, author.id, title.as_str(), state.status())?;
            (t, None)
        }
        Place::Reply { thread, parent } => (thread.clone(), Some(parent)),
    };
    // A held post is not counted and bumps nothing: nobody else can tell it exists.
    let counted = state.is_published().then(|| match parent {
        Some(_) => Counted::reply_published(thread.id, thread.group_id, author.badge().is_some()),
        None => Counted::thread_published(thread.group_id),
    });
    let post = posts::insert(
        conn,
        thread.id,
        parent,
        author.id,
        new.as_new_body(state),
        counted,
    )?;
    let mut view = PostView::new(&post, Some(author.username.clone()));
    crate::forum::quotes::resolve(conn, a, [&mut view])?;
    view.crisis_resources = crate::safety::watch::after_write(conn, post.id, crisis, false)?;
    if state.is_published() {
        // The post, thread, group and parent were all read or written in this transaction.
        let published = crate::notify::NewlyPublished {
            post: &post,
            author: Some(&author.username),
            thread: &thread,
            group: &a.group,
            parent,
        };
        crate::notify::tell(conn, &published, false)?;
    }
    Ok((thread, view))
}

/// Keeps counts and the thread's own status in step when a post changes state: an edit publishes
/// a held post or holds a published one, reports hide it, a moderator approves, rejects, removes
/// or restores it.
pub fn publication_changed(
    conn: &mut AnyConnection,
    thread: &ThreadRow,
    post: &PostRow,
    before: PostState,
    after: PostState,
) -> Result<(), AppError> {
    let opening = post.parent_id.is_none();
    if opening && before.status() != after.status() {
        threads::set_status(conn, thread.id, after.status())?;
    }
    let (was, is) = (before.is_published(), after.is_published());
    let counted = match (was == is, opening, is) {
        (true, _, _) => None,
        (false, true, true) => Some(Counted::thread_published(thread.group_id)),
        (false, true, false) => Some(Counted::thread_withdrawn(thread.group_id)),
        (false, false, true) => Some(Counted::reply_published(thread.id, thread.group_id, false)),
        (false, false, false) => Some(Counted::reply_withdrawn(thread.id, thread.group_id)),
    };
    if let Some(counted) = counted {
        activity::count(conn, counted)?;
    }
    // Members hear of a post once it is public (mentions, watchers, the author replied to); an
    // edit in place tells only members it newly mentions.
    if is {
        crate::notify::published(conn, post.id, was)?;
    }
    Ok(())
}

/// Replies go only into a published thread: a reply to a held thread would bump a group's counts
/// and activity for a conversation nobody else can see.
pub fn require_open_for_replies(thread: &ThreadRow) -> Result<(), AppError> {
    if thread.status() != PostStatus::Published {
        return Err(AppError::conflict(
            "thread",
            "This conversation is waiting for a moderator; it takes replies once it is published.",
        ));
    }
    if thread.locked {
        return Err(AppError::forbidden(
            "thread_locked",
            "This thread is locked: it takes no new replies.",
        ));
    }
    Ok(())
}
