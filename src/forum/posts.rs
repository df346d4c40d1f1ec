//! Posts: replying anywhere in the tree, editing (with revisions), deleting, and what a reader
//! is shown of a thread's posts. Every change goes through the lifecycle
//! ([`crate::posting::lifecycle`]) and every read through the visibility rule (via [`Access`]).

use crate::audit::{Action, Entry};
use crate::auth::api_tokens::Caller;
use crate::auth::client::ClientInfo;
use crate::content;
use crate::db::posts::{self, PostRow, PostWithAuthor, MAX_DEPTH};
use crate::db::thread_access::Parent;
use crate::db::threads::{self, ThreadRow};
use crate::db::users::{self, UserRow};
use crate::db::{groups, AnyConnection};
use crate::domain::Username;
use crate::error::AppError;
use crate::forum::access::{self, Access};
use crate::forum::mask;
use crate::forum::publish::{self, Place};
use crate::forum::screen::{self, HeldView};
use crate::forum::views::PostView;
use crate::posting::lifecycle::{self, Change, Refusal};
use crate::posting::visibility;
use crate::posting::PostStatus;
use crate::state::AppState;

/// The posts of a thread the viewer may see, by the one rule, each as [`shown_post`] makes it.
pub fn visible_tree(tree: Vec<PostWithAuthor>, thread: &ThreadRow, a: &Access) -> Vec<ShownPost> {
    tree.into_iter()
        .filter(|(p, _)| a.can_see_post(thread, p))
        .map(|(p, name)| shown_post(a, thread, p, name))
        .collect()
}

/// A post as one viewer is shown it, with a held post's highlighted findings: as written for its
/// author, masked for anyone else (the moderators).
pub struct ShownPost {
    pub view: PostView,
    pub held: Option<HeldView>,
    /// Whose images the post may show (see `images::embed`).
    pub author_id: Option<i64>,
}

/// The one place a visible post becomes what its viewer is shown.
pub fn shown_post(a: &Access, thread: &ThreadRow, p: PostRow, name: Option<String>) -> ShownPost {
    let mut view = PostView::new(&p, name);
    let author_id = p.author_id;
    let Some(spans) = view.phi.clone() else {
        return ShownPost {
            view,
            held: None,
            author_id,
        };
    };
    let title = p.parent_id.is_none().then_some(thread.title.as_str());
    let held = p
        .body_md
        .as_deref()
        .map(|source| screen::held_view(title, source, &spans));
    if a.sees_unmasked(&p) {
        return ShownPost {
            view,
            held,
            author_id,
        };
    }
    mask::post(&mut view, p.body_md.as_deref());
    ShownPost {
        view,
        held: held.map(mask::held),
        author_id,
    }
}

/// Asks the lifecycle whether `user` may do `action` to `post`. Their suspension is looked up for
/// the actions it forbids, so its refusal carries the sanction's own words (until when, why).
pub fn check(
    conn: &mut AnyConnection,
    user: &UserRow,
    a: &Access,
    thread: &ThreadRow,
    post: &PostRow,
    action: lifecycle::Action,
) -> Result<Change, AppError> {
    let suspension = match action {
        lifecycle::Action::Edit(_) | lifecycle::Action::Report => {
            crate::db::sanctions::require_not_suspended(conn, user).err()
        }
        _ => None,
    };
    let actor = a.actor(thread, post, suspension.is_some());
    lifecycle::transition(post.current(), actor, action).map_err(|r| match (r, suspension) {
        (Refusal::Suspended, Some(e)) => e,
        (r, _) => r.into(),
    })
}

/// Where a reply goes: the thread and parent post, after every check that does not need the body
/// (the thread is visible and open, the viewer is a member, the parent can take replies).
fn reply_place(
    conn: &mut AnyConnection,
    user: &UserRow,
    thread_id: i64,
    parent_id: Option<i64>,
) -> Result<(ThreadRow, PostRow, Access), AppError> {
    let which = match parent_id {
        Some(pid) => Parent::Post(pid),
        None => Parent::Opening,
    };
    let (thread, a, parent) = access::thread_for_reply(conn, thread_id, user, which)?;
    let parent = match parent_id {
        Some(_) => {
            let p = parent
                .filter(|p| a.can_see_post(&thread, p))
                .ok_or_else(|| {
                    AppError::validation("parent_id", "That post is not in this thread.")
                })?;
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
        None => parent.ok_or(AppError::NotFound)?,
    };
    publish::require_open_for_replies(&thread)?;
    a.require_member()?;
    if parent.depth >= MAX_DEPTH {
        return Err(AppError::validation(
            "parent_id",
            "This conversation is nested too deeply; please reply further up.",
        ));
    }
    Ok((thread, parent, a))
}

/// Replies to a post of a thread (the opening post when `parent_id` is None).
pub async fn reply(
    state: &AppState,
    caller: Caller,
    thread_id: i64,
    parent_id: Option<i64>,
    body: &str,
) -> Result<PostView, AppError> {
    let per_minute = state.settings.posts_per_minute;
    let body = body.to_owned();
    state
        .db
        .write_checked(
            // The cheap checks first: who is posting, where the reply goes, membership,
            // suspension and the posting limit, so a reply that would be refused costs no render.
            move |conn| {
                let (u, standing) = publish::poster(conn, &caller)?;
                let place = reply_place(conn, &u, thread_id, parent_id)?;
                let cleared = publish::clear_to_post(conn, &u, standing, per_minute)?;
                Ok((u, place, cleared))
            },
            // Rendered and scanned before anything is written, so no lock waits on it.
            move |(u, _, _)| {
                let crisis = crate::safety::crisis::is_crisis(&body);
                Ok((screen::prepare(u.role(), None, &body)?, crisis))
            },
            move |conn, (u, (thread, parent, a), cleared), (new, crisis)| {
                let place = Place::Reply {
                    thread: &thread,
                    parent: &parent,
                };
                let (_, view) = publish::publish_new_post(
                    conn, cleared, &u, &a, place, &new, crisis, per_minute,
                )?;
                Ok(view)
            },
        )
        .await
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
            let (post, _, thread, _) = access::visible_post(conn, post_id, &u)?;
            if post.author_id != Some(u.id) {
                return Err(AppError::forbidden(
                    "forbidden",
                    "Only the author can edit a post.",
                ));
            }
            let title = post.parent_id.is_none().then_some(thread.title);
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
        .run(move |conn| Ok(access::visible_post(conn, post_id, &u)?.0.thread_id))
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
            let (post, author, thread, a) = access::visible_post(conn, post_id, &u)?;
            Ok((post.thread_id, shown_post(&a, &thread, post, author).view))
        })
        .await
}

/// The author edits their post (and, for an opening post, may retitle the thread). The new text is
/// scanned again, and the lifecycle decides what the edit may change: a PHI hold is released by
/// clean text; a hold for reports or new-member approval, and a moderator's decision, stay.
pub async fn edit(
    state: &AppState,
    user: &UserRow,
    post_id: i64,
    body: &str,
    title: Option<&str>,
) -> Result<PostView, AppError> {
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    // The title to scan with the body is known only once the post is loaded; loading is cheap,
    // so the post is read first, with every check that does not need the new text (the author,
    // not suspended, not deleted, a clinician's second factor, the posting limit, which edits
    // take from too), and the text is rendered and scanned outside the write transaction.
    let (current_title, is_opening) = state
        .db
        .run({
            let u = u.clone();
            move |conn| {
                let (post, _, thread, a) = access::visible_post(conn, post_id, &u)?;
                let edit = lifecycle::Action::Edit(lifecycle::Scan::Clean);
                check(conn, &u, &a, &thread, &post, edit)?;
                publish::writer_checks(conn, &u, per_minute, false)?;
                Ok((thread.title, post.parent_id.is_none()))
            }
        })
        .await?;
    let new_title = match (title, is_opening) {
        (Some(t), true) => Some(content::Title::parse(t)),
        _ => None,
    };
    let scan_title = match &new_title {
        Some(Ok(t)) => Some(t.as_str().to_owned()),
        _ => is_opening.then_some(current_title),
    };
    let new = screen::prepare(u.role(), scan_title.as_deref(), body)?;
    let new_title = new_title.transpose()?;
    let crisis = crate::safety::crisis::is_crisis(body)
        || new_title
            .as_ref()
            .is_some_and(|t| crate::safety::crisis::is_crisis(t.as_str()));
    state
        .db
        .write(move |conn| {
            // Checked again: the read above is not part of this transaction.
            let (post, _, thread, a) = access::post_for(conn, post_id, &u)?;
            let change = check(
                conn,
                &u,
                &a,
                &thread,
                &post,
                lifecycle::Action::Edit(new.scan),
            )?;
            publish::writer_checks(conn, &u, per_minute, true)?;
            let updated = posts::edit(
                conn,
                &post,
                u.id,
                new.as_new_body(change.to),
                change.keep_revision,
            )?;
            if let Some(t) = &new_title {
                threads::set_title(conn, thread.id, t.as_str())?;
            }
            publish::publication_changed(conn, &thread, &post, post.state(), change.to)?;
            let mut view = PostView::new(&updated, Some(u.username.clone()));
            crate::forum::quotes::resolve(conn, &a, [&mut view])?;
            view.crisis_resources = crate::safety::watch::after_write(conn, post.id, crisis, true)?;
            Ok(view)
        })
        .await
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
            let (post, _, thread, a) = access::post_for(conn, post_id, &u)?;
            check(conn, &u, &a, &thread, &post, lifecycle::Action::Delete)?;
            if post.is_deleted() {
                return Ok(());
            }
            let own = post.author_id == Some(u.id);
            posts::delete_content(conn, post.id)?;
            if post.parent_id.is_some() && post.status() == PostStatus::Published {
                crate::db::activity::count(
                    conn,
                    crate::db::activity::Counted::reply_deleted(post.thread_id),
                )?;
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
            let (post, _, _, a) = access::visible_post(conn, post_id, &m)?;
            a.require_moderator()?;
            Entry::new(Action::RevisionsViewed)
                .actor(m.id, &m.username)
                .target(format!("post {}", post.id))
                .ip(Some(&ip))
                .write(conn)?;
            Ok(crate::db::revisions::of_post(conn, post.id)?
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
            // Published posts in published threads only (the query's filter): what remains of
            // the rule is whether the viewer may read each post's group.
            let rows = posts::by_author(conn, user.id, 50)?;
            let readable = |group_id: i64, vis: &str| {
                let membership = mine.iter().find(|m| m.group_id == group_id);
                crate::domain::Visibility::parse(vis).is_ok_and(|vis| {
                    visibility::can_read_group(vis, access::standing(viewer.as_ref(), membership))
                })
            };
            let posts = rows
                .into_iter()
                .filter(|(_, _, gid, _, vis)| readable(*gid, vis))
                .map(|(p, title, _, slug, _)| ProfilePost {
                    post: {
                        let mut view = PostView::new(&p, Some(user.username.clone()));
                        crate::forum::quotes::unresolved(&mut view);
                        if let Some(a) = view.author.as_mut() {
                            a.badge = user.badge();
                        }
                        view
                    },
                    thread_title: title,
                    group: slug,
                })
                .collect();
            Ok((user.profile(), posts))
        })
        .await
}
