//! Posts: replying anywhere in the tree, editing (with revisions), deleting, and the rule for which
//! posts a viewer sees.

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::auth::throttle;
use crate::content;
use crate::db::posts::{self, PostRow, PostWithAuthor, MAX_DEPTH};
use crate::db::threads::ThreadRow;
use crate::db::users::{self, UserRow};
use crate::db::{groups, threads, AnyConnection};
use crate::domain::{PostStatus, Username, Visibility};
use crate::error::AppError;
use crate::forum::views::PostView;
use crate::forum::{access, screen};
use crate::state::AppState;

/// Published posts for everyone; a post in any other state only for its author and the group's
/// moderators. Others cannot tell such a post exists. A held post comes with its Markdown, so
/// its author can be shown what looked risky in it.
pub fn visible_tree(
    tree: Vec<PostWithAuthor>,
    viewer: Option<&UserRow>,
    moderator: bool,
) -> Vec<(PostView, Option<String>)> {
    tree.into_iter()
        .filter(|(p, _)| {
            p.status() == PostStatus::Published
                || moderator
                || viewer.is_some_and(|v| p.author_id == Some(v.id))
        })
        .map(|(p, name)| {
            let view = PostView::new(&p, name);
            let source = view.phi.is_some().then_some(p.body_md).flatten();
            (view, source)
        })
        .collect()
}

/// The posting limit, which moderators and admins do not have.
pub fn posting_allowed(
    conn: &mut AnyConnection,
    user: &UserRow,
    per_minute: u32,
) -> Result<(), AppError> {
    crate::moderation::sanctions::require_not_suspended(conn, user)?;
    require_clinician_second_factor(user)?;
    if super::threads::exempt_from_post_limit(user) {
        return Ok(());
    }
    throttle::take_post(conn, user.id, per_minute)
}

/// A clinician writes under a badge patients trust, so someone who learns only their password
/// must not be able to speak with it: posting and editing wait until two-factor sign-in is on.
pub fn require_clinician_second_factor(user: &UserRow) -> Result<(), AppError> {
    if user.role() == crate::domain::Role::Clinician && !user.totp_enabled() {
        return Err(AppError::forbidden(
            "two_factor_required",
            "Verified clinicians turn on two-factor sign-in (on your account page) before posting, so nobody who learns your password can write under your badge.",
        ));
    }
    Ok(())
}

/// When admins turn it on, a new member's first posts wait for a moderator (queue reason
/// `new_member`), whatever the PHI scanner said.
pub fn hold_if_new_member(
    conn: &mut AnyConnection,
    user: &UserRow,
    new: &mut screen::Prepared,
) -> Result<(), AppError> {
    if new.status != PostStatus::Published || user.role() != crate::domain::Role::Member {
        return Ok(());
    }
    let first = crate::moderation::settings::load(conn)?.new_member_approvals;
    if first > 0 && posts::published_by(conn, user.id)? < first {
        new.status = PostStatus::Held;
    }
    Ok(())
}

/// Replies to a post of a thread (the opening post when `parent_id` is None).
pub async fn reply(
    state: &AppState,
    user: &UserRow,
    thread_id: i64,
    parent_id: Option<i64>,
    body: &str,
) -> Result<PostView, AppError> {
    let prepared = screen::prepare(user.role(), None, body);
    let crisis = crate::safety::crisis::is_crisis(body);
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    state
        .db
        .write(move |conn| {
            let (thread, _) = threads::by_id(conn, thread_id)?.ok_or(AppError::NotFound)?;
            let a = access::by_group_id(conn, thread.group_id, Some(&u))?;
            a.require_read(Some(&u))?;
            require_thread_visible(&thread, &u, &a)?;
            let parent = match parent_id {
                Some(pid) => {
                    let (p, _) = posts::by_id(conn, pid)?.ok_or_else(|| {
                        AppError::validation("parent_id", "That post does not exist.")
                    })?;
                    let seen = p.status() == PostStatus::Published
                        || p.author_id == Some(u.id)
                        || a.is_group_moderator();
                    if p.thread_id != thread.id || !seen {
                        return Err(AppError::validation(
                            "parent_id",
                            "That post is not in this thread.",
                        ));
                    }
                    // A reply under a post others cannot see would show them a gap, or an
                    // answer to nothing: replies wait until the post is published.
                    if p.status() != PostStatus::Published {
                        return Err(AppError::validation(
                            "parent_id",
                            "That post is not published yet, so it cannot take replies.",
                        ));
                    }
                    p
                }
                None => opening_post(conn, thread.id)?,
            };
            if thread.locked {
                return Err(AppError::forbidden(
                    "thread_locked",
                    "This thread is locked: it takes no new replies.",
                ));
            }
            a.require_member()?;
            let mut new = prepared?;
            if parent.depth >= MAX_DEPTH {
                return Err(AppError::validation(
                    "parent_id",
                    "This conversation is nested too deeply; please reply further up.",
                ));
            }
            posting_allowed(conn, &u, per_minute)?;
            hold_if_new_member(conn, &u, &mut new)?;
            let post = posts::insert(conn, thread.id, Some(&parent), u.id, new.as_new_body())?;
            let mut view = PostView::new(&post, Some(u.username.clone()));
            view.crisis_resources =
                crate::safety::watch::after_write(conn, post.id, crisis, false)?;
            // A held reply is not counted and bumps nothing: nobody else can tell it exists.
            if new.status == PostStatus::Published {
                crate::notify::published(conn, post.id, false)?;
                // The thread's and group's counters last: on PostgreSQL every reply to a busy
                // thread queues on those two rows, so their locks are taken just before the commit.
                threads::record_reply(conn, thread.id)?;
                groups::record_activity(conn, thread.group_id, 0, 1)?;
                if u.badge().is_some() {
                    threads::mark_clinician_answered(conn, thread.id)?;
                }
            }
            Ok(view)
        })
        .await
}

/// A thread whose opening post is not published exists only for its author and the group's
/// moderators.
pub fn require_thread_visible(
    thread: &ThreadRow,
    viewer: &UserRow,
    a: &access::Access,
) -> Result<(), AppError> {
    if thread.status() == PostStatus::Published
        || thread.author_id == Some(viewer.id)
        || a.is_group_moderator()
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

fn opening_post(conn: &mut AnyConnection, thread_id: i64) -> Result<PostRow, AppError> {
    posts::opening(conn, thread_id)?.ok_or(AppError::NotFound)
}

/// The post and what the viewer may do with it, or 404 when they cannot see it.
fn load_for(
    conn: &mut AnyConnection,
    post_id: i64,
    user: &UserRow,
) -> Result<(PostRow, access::Access), AppError> {
    load_with_author_for(conn, post_id, user).map(|(post, _, a)| (post, a))
}

/// [`load_for`], with the author's name.
fn load_with_author_for(
    conn: &mut AnyConnection,
    post_id: i64,
    user: &UserRow,
) -> Result<(PostRow, Option<String>, access::Access), AppError> {
    let (post, author) = posts::by_id(conn, post_id)?.ok_or(AppError::NotFound)?;
    let (thread, _) = threads::by_id(conn, post.thread_id)?.ok_or(AppError::NotFound)?;
    let a = access::by_group_id(conn, thread.group_id, Some(user))?;
    a.require_read(Some(user))?;
    require_thread_visible(&thread, user, &a)?;
    let own = post.author_id == Some(user.id);
    if post.status() != PostStatus::Published && !own && !a.is_group_moderator() {
        return Err(AppError::NotFound);
    }
    Ok((post, author, a))
}

/// What the edit form needs of the viewer's own post.
#[derive(serde::Serialize)]
pub struct OwnPost {
    pub thread_id: i64,
    pub body: String,
    /// The thread's title, when this is its opening post (the author may change it).
    pub title: Option<String>,
    /// While the post is held: what the scanner found.
    pub phi: Option<Vec<crate::phi::Span>>,
}

/// The viewer's own post, for the edit form.
pub async fn own_post(state: &AppState, user: &UserRow, post_id: i64) -> Result<OwnPost, AppError> {
    let u = user.clone();
    state
        .db
        .run(move |conn| {
            let (post, _) = load_for(conn, post_id, &u)?;
            if post.author_id != Some(u.id) {
                return Err(AppError::forbidden(
                    "forbidden",
                    "Only the author can edit a post.",
                ));
            }
            let title = match post.parent_id {
                None => threads::by_id(conn, post.thread_id)?.map(|(t, _)| t.title),
                Some(_) => None,
            };
            let phi = screen::findings(&post);
            let body = post.body_md.ok_or_else(|| {
                AppError::conflict("body", "This post was deleted and cannot be edited.")
            })?;
            Ok(OwnPost {
                thread_id: post.thread_id,
                body,
                title,
                phi,
            })
        })
        .await
}

/// The thread a post the viewer can see belongs to.
pub async fn thread_of(state: &AppState, user: &UserRow, post_id: i64) -> Result<i64, AppError> {
    let u = user.clone();
    state
        .db
        .run(move |conn| Ok(load_for(conn, post_id, &u)?.0.thread_id))
        .await
}

/// A post the user may see, with its thread's id (the report page quotes it).
pub async fn seen_by(
    state: &AppState,
    user: &UserRow,
    post_id: i64,
) -> Result<(i64, PostView), AppError> {
    let u = user.clone();
    state
        .db
        .run(move |conn| {
            let (post, author, _) = load_with_author_for(conn, post_id, &u)?;
            Ok((post.thread_id, PostView::new(&post, author)))
        })
        .await
}

/// The author edits their post (and, for an opening post, may retitle the thread). The new text is
/// scanned again: clean text is published at once, risky text is held with fresh findings.
pub async fn edit(
    state: &AppState,
    user: &UserRow,
    post_id: i64,
    body: &str,
    title: Option<&str>,
) -> Result<PostView, AppError> {
    let (u, body, title) = (user.clone(), body.to_owned(), title.map(str::to_owned));
    // The title to scan with the body is known only once the post is loaded; loading is cheap,
    // so the post is read first and scanned outside the write transaction.
    let (_, current_title, is_opening) = state
        .db
        .run({
            let u = u.clone();
            move |conn| {
                let (post, _) = load_for(conn, post_id, &u)?;
                let (thread, _) =
                    threads::by_id(conn, post.thread_id)?.ok_or(AppError::NotFound)?;
                Ok((post.id, thread.title, post.parent_id.is_none()))
            }
        })
        .await?;
    let new_title = match (&title, is_opening) {
        (Some(t), true) => Some(content::Title::parse(t)),
        _ => None,
    };
    let scan_title = match &new_title {
        Some(Ok(t)) => Some(t.as_str().to_owned()),
        _ => is_opening.then_some(current_title),
    };
    let prepared = screen::prepare(u.role(), scan_title.as_deref(), &body);
    let crisis = crate::safety::crisis::is_crisis(&body)
        || new_title
            .as_ref()
            .and_then(|t| t.as_ref().ok())
            .is_some_and(|t| crate::safety::crisis::is_crisis(t.as_str()));
    state
        .db
        .write(move |conn| {
            let (post, _) = load_for(conn, post_id, &u)?;
            if post.author_id != Some(u.id) {
                return Err(AppError::forbidden(
                    "forbidden",
                    "Only the author can edit a post.",
                ));
            }
            require_clinician_second_factor(&u)?;
            let new = prepared?;
            let new_title = new_title.transpose()?;
            if post.is_deleted() {
                return Err(AppError::conflict(
                    "body",
                    "This post was deleted and cannot be edited.",
                ));
            }
            let (thread, _) = threads::by_id(conn, post.thread_id)?.ok_or(AppError::NotFound)?;
            // Only the scanner moves a post between published and held; a rejected or removed
            // post stays so whatever the author writes (moderators decide those).
            let before = post.status();
            let after = match before {
                PostStatus::Published | PostStatus::Held => new.status,
                other => other,
            };
            let phi = if after == PostStatus::Held {
                new.phi.as_deref()
            } else {
                None
            };
            let updated = posts::edit(
                conn,
                &post,
                u.id,
                posts::NewBody {
                    body_md: new.body.as_str(),
                    body_html: &new.html,
                    status: after,
                    phi,
                },
            )?;
            if let Some(t) = &new_title {
                threads::set_title(conn, thread.id, t.as_str())?;
            }
            publication_changed(conn, &thread, &post, before, after)?;
            let mut view = PostView::new(&updated, Some(u.username.clone()));
            view.crisis_resources = crate::safety::watch::after_write(conn, post.id, crisis, true)?;
            Ok(view)
        })
        .await
}

/// Keeps counts and the thread's own status in step when a post changes state: an edit publishes
/// a held post or holds a published one, a moderator approves, rejects, removes or restores.
pub fn publication_changed(
    conn: &mut AnyConnection,
    thread: &ThreadRow,
    post: &PostRow,
    before: PostStatus,
    after: PostStatus,
) -> Result<(), AppError> {
    let opening = post.parent_id.is_none();
    if opening && before != after {
        threads::set_status(conn, thread.id, after)?;
    }
    let (was, is) = (
        before == PostStatus::Published,
        after == PostStatus::Published,
    );
    match (was == is, opening, is) {
        (true, _, _) => {}
        (false, true, true) => groups::record_activity(conn, thread.group_id, 1, 1)?,
        (false, true, false) => groups::adjust_counts(conn, thread.group_id, -1, -1)?,
        (false, false, true) => {
            threads::record_reply(conn, thread.id)?;
            groups::record_activity(conn, thread.group_id, 0, 1)?;
        }
        (false, false, false) => {
            threads::forget_reply(conn, thread.id)?;
            groups::adjust_counts(conn, thread.group_id, 0, -1)?;
        }
    }
    // Members hear of a post once it is public (mentions, watchers, the author replied to); an
    // edit in place tells only members it newly mentions.
    if is {
        crate::notify::published(conn, post.id, was)?;
    }
    Ok(())
}

/// The author or a group moderator deletes a post: its text and revisions are gone for good and a
/// "[deleted]" placeholder keeps the replies under it in place.
pub async fn delete(
    state: &AppState,
    user: &UserRow,
    post_id: i64,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let (u, ip) = (user.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let (post, a) = load_for(conn, post_id, &u)?;
            let own = post.author_id == Some(u.id);
            if !own {
                if !a.is_group_moderator() {
                    return Err(AppError::forbidden(
                        "forbidden",
                        "Only the author or a moderator can delete a post.",
                    ));
                }
                a.require_moderator(&u)?;
            }
            if post.is_deleted() {
                return Ok(());
            }
            posts::delete_content(conn, post.id)?;
            if post.parent_id.is_some() && post.status() == PostStatus::Published {
                threads::forget_reply(conn, post.thread_id)?;
            }
            if !own {
                Entry::new(Action::PostDeletedByModerator)
                    .actor(u.id, &u.username)
                    .target(format!("post {}", post.id))
                    .ip(Some(&ip))
                    .write(conn)?;
            }
            Ok(())
        })
        .await
}

#[derive(serde::Serialize)]
pub struct RevisionView {
    pub body: String,
    pub written_at: String,
}

/// Earlier versions of a post, for the group's moderators; each look is audited.
pub async fn revisions(
    state: &AppState,
    moderator: &UserRow,
    post_id: i64,
    client: &ClientInfo,
) -> Result<Vec<RevisionView>, AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let (post, a) = load_for(conn, post_id, &m)?;
            a.require_moderator(&m)?;
            Entry::new(Action::RevisionsViewed)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .write(conn)?;
            Ok(posts::revisions(conn, post.id)?
                .into_iter()
                .map(|r| RevisionView {
                    body: r.body_md,
                    written_at: crate::db::rfc3339(r.created_at),
                })
                .collect())
        })
        .await
}

#[derive(serde::Serialize)]
pub struct ProfilePost {
    pub post: PostView,
    pub thread_title: String,
    pub group: String,
}

/// A member's public profile: their published posts in groups the viewer may read (so a private
/// group's posts never show to outsiders). Three queries.
pub async fn profile(
    state: &AppState,
    username: &str,
    viewer: Option<UserRow>,
) -> Result<(crate::db::users::PublicUser, Vec<ProfilePost>), AppError> {
    let name = Username::parse(username).map_err(|_| AppError::NotFound)?;
    state
        .db
        .run(move |conn| {
            let user = users::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            let mine = match &viewer {
                Some(v) => groups::memberships_of(conn, v.id)?,
                None => Vec::new(),
            };
            let staff = access::is_staff(viewer.as_ref());
            let rows = posts::by_author(conn, user.id, 50)?;
            let readable = |group_id: i64, visibility: &str| {
                let visibility = Visibility::parse(visibility).unwrap_or(Visibility::Private);
                let member = mine.iter().any(|m| m.group_id == group_id && m.is_member());
                access::can_read(visibility, viewer.is_some(), member, staff)
            };
            let posts = rows
                .into_iter()
                .filter(|(_, _, gid, _, vis)| readable(*gid, vis))
                .map(|(p, title, _, slug, _)| ProfilePost {
                    post: {
                        let mut view = PostView::new(&p, Some(user.username.clone()));
                        if let Some(a) = view.author.as_mut() {
                            a.badge = user.badge();
                        }
                        view
                    },
                    thread_title: title,
                    group: slug,
                })
                .collect();
            Ok((user.public(), posts))
        })
        .await
}
