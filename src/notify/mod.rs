//! Notifications: each member's in-app inbox ([`notify()`] writes to it, [`inbox()`] reads it),
//! mentions and watching: who hears of a post when it is published, and members' watch lists.
//!
//! Every path that publishes a post (a reply or a new thread published at once, a held post
//! approved, edited clean or restored) calls [`published`] inside its transaction. It tells, in
//! this order and once each: the author of the post replied to, members mentioned with
//! `@username`, the thread's watchers and (for a new thread) the group's watchers. Each recipient
//! is checked against the one visibility rule at that moment, so someone who left a private group
//! hears nothing more from it, and `post_notices` keeps one notification per post and member
//! however often the post is published again. Emails, for members who asked for them at an
//! address they confirmed, are queued in the same transaction and sent after it commits (see
//! [`email`] and [`confirm`]).

pub mod confirm;
pub mod email;
pub mod health;
mod inbox;

pub use inbox::{inbox, mark_all_read, notify, Inbox, NotificationView};

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Serialize;

use crate::db::groups::{GroupRow, MemberRow};
use crate::db::posts::PostRow;
use crate::db::threads::ThreadRow;
use crate::db::users::UserRow;
use crate::db::watches::{self, Watched};
use crate::db::{posts, AnyConnection};
use crate::domain::{Username, Visibility};
use crate::error::AppError;
use crate::forum::access;
use crate::posting::visibility::{self, ThreadFacts};
use crate::posting::PostStatus;
use crate::state::AppState;

/// At most this many members are notified from one post's mentions; the rest are ignored.
pub const MAX_MENTIONS: usize = 10;

/// Notification kinds, as stored and as the API shows them.
pub mod kind {
    pub const REPLY: &str = "reply";
    pub const APPROVED: &str = "post_approved";
    pub const REJECTED: &str = "post_rejected";
    pub const REMOVED: &str = "post_removed";
    pub const RESTORED: &str = "post_restored";
    pub const EDITED: &str = "post_edited_and_approved";
    pub const MENTION: &str = "mention";
    pub const WATCHED_THREAD: &str = "watched_thread";
    pub const WATCHED_GROUP: &str = "watched_group";
    /// A member who reported a post hears whether action was taken.
    pub const REPORT_OUTCOME: &str = "report_outcome";
}

static MENTION: LazyLock<regex::Regex> = LazyLock::new(|| {
    // `@name` at the start or after a character that cannot be part of an address or a name, so
    // `someone@example.org` mentions nobody.
    #[allow(clippy::expect_used)]
    regex::Regex::new(r"(?:^|[^A-Za-z0-9_.@/-])@([A-Za-z0-9_-]{3,32})\b")
        .expect("the mention pattern compiles")
});

/// The distinct names mentioned in a text, lower-cased, in order, at most [`MAX_MENTIONS`].
pub fn mentioned_names(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    MENTION
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter_map(|m| Username::parse(m.as_str()).ok())
        .map(Username::into_inner)
        .filter(|n| seen.insert(n.clone()))
        .take(MAX_MENTIONS)
        .collect()
}

/// What happened, for one recipient: the first reason wins.
struct Notice {
    user_id: i64,
    kind: &'static str,
    text: String,
}

/// A published post and the rows its notices are made from.
pub struct NewlyPublished<'a> {
    pub post: &'a PostRow,
    /// The post's author's name (None once the account is gone).
    pub author: Option<&'a str>,
    pub thread: &'a ThreadRow,
    pub group: &'a GroupRow,
    /// The post replied to (None for an opening post, or when it is not known).
    pub parent: Option<&'a PostRow>,
}

/// Tells everyone who should hear of a newly published post, reading the post, its thread, group
/// and parent first. `mentions_only` is for a published post edited in place: newly mentioned
/// members hear of it, watchers have already.
pub fn published(
    conn: &mut AnyConnection,
    post_id: i64,
    mentions_only: bool,
) -> Result<(), AppError> {
    let Some((post, author)) = posts::by_id(conn, post_id)? else {
        return Ok(());
    };
    let Some((thread, _)) = crate::db::threads::by_id(conn, post.thread_id)? else {
        return Ok(());
    };
    let Some(group) = crate::db::groups::by_id(conn, thread.group_id)? else {
        return Ok(());
    };
    let parent = match post.parent_id.filter(|_| !mentions_only) {
        Some(pid) => posts::by_id(conn, pid)?.map(|(p, _)| p),
        None => None,
    };
    let new = NewlyPublished {
        post: &post,
        author: author.as_deref(),
        thread: &thread,
        group: &group,
        parent: parent.as_ref(),
    };
    tell(conn, &new, mentions_only)
}

/// [`published`] for a use case that has just read (or written) the post, its thread, group and
/// parent in this transaction: the same notices, without reading them again.
pub fn tell(
    conn: &mut AnyConnection,
    new: &NewlyPublished<'_>,
    mentions_only: bool,
) -> Result<(), AppError> {
    let NewlyPublished {
        post,
        thread,
        group,
        ..
    } = *new;
    if post.status() != PostStatus::Published || post.is_deleted() {
        return Ok(());
    }
    if thread.status() != PostStatus::Published {
        return Ok(());
    }
    let who = new.author.unwrap_or("Someone");
    let mut notices: Vec<Notice> = Vec::new();
    if !mentions_only {
        if let Some(parent) = new.parent.filter(|p| Some(p.id) == post.parent_id) {
            if let Some(a) = parent.author_id.filter(|_| !parent.is_deleted()) {
                notices.push(Notice {
                    user_id: a,
                    kind: kind::REPLY,
                    text: format!("{who} replied to your post."),
                });
            }
        }
    }
    let names = post
        .body_md
        .as_deref()
        .map(mentioned_names)
        .unwrap_or_default();
    if !names.is_empty() {
        let ids = crate::db::users::ids_named(conn, &names)?;
        notices.extend(ids.into_iter().map(|id| Notice {
            user_id: id,
            kind: kind::MENTION,
            text: format!("{who} mentioned you in a post."),
        }));
    }
    let mut seen = HashSet::new();
    notices.retain(|n| Some(n.user_id) != post.author_id && seen.insert(n.user_id));
    // Watchers of the thread (for a reply) or of the group (for a new thread) are read with the
    // rest, in the one query below.
    let watched = (!mentions_only).then_some(match post.parent_id {
        Some(_) => Watched::Thread(thread.id),
        None => Watched::Group(group.id),
    });
    if notices.is_empty() && watched.is_none() {
        return Ok(());
    }
    // Nobody hears of a member they blocked, nor of a thread or group they muted (left out by the
    // query); who may read the post now is decided below from each one's row in the group.
    let ids: Vec<i64> = notices.iter().map(|n| n.user_id).collect();
    let recipients: HashMap<i64, (UserRow, Option<MemberRow>)> =
        crate::db::notifications::recipients(
            conn,
            &ids,
            watched,
            thread.id,
            group.id,
            post.author_id,
        )?
        .into_iter()
        .map(|(u, m)| (u.id, (u, m)))
        .collect();
    // A watcher told already (replied to, mentioned) hears of the post once, as that.
    let mut watchers: Vec<i64> = recipients
        .keys()
        .copied()
        .filter(|id| Some(*id) != post.author_id && !seen.contains(id))
        .collect();
    watchers.sort_unstable();
    notices.extend(watchers.into_iter().map(|id| match watched {
        Some(Watched::Group(_)) => Notice {
            user_id: id,
            kind: kind::WATCHED_GROUP,
            text: format!(
                "{who} started a thread in {}, a group you watch.",
                group.name
            ),
        },
        _ => Notice {
            user_id: id,
            kind: kind::WATCHED_THREAD,
            text: format!("{who} replied in a thread you watch."),
        },
    }));
    // The post and its thread are published (checked above): the rule comes down to whether
    // each recipient may read the group.
    let readable: Vec<(Notice, &UserRow)> = notices
        .into_iter()
        .filter_map(|n| {
            let (user, membership) = recipients.get(&n.user_id)?;
            let who = access::standing(Some(user), membership.as_ref());
            visibility::can_read_group(group.visibility(), who).then_some((n, user))
        })
        .collect();
    // Each member hears of a post once, and a post tells everyone in a fixed number of
    // statements, however many watch its thread.
    let link = crate::forum::threads::post_link(thread.id, post.id);
    let notices: Vec<crate::db::notifications::Notice<'_>> = readable
        .iter()
        .map(|(n, u)| crate::db::notifications::Notice {
            user_id: u.id,
            kind: n.kind,
            text: &n.text,
        })
        .collect();
    let told: HashSet<i64> = crate::db::notifications::tell_first(conn, post.id, &link, &notices)?
        .into_iter()
        .collect();
    let mails: Vec<(i64, &str)> = readable
        .iter()
        .filter(|(_, u)| told.contains(&u.id) && u.email_notifications && u.email_confirmed())
        .map(|(n, u)| (u.id, n.kind))
        .collect();
    crate::db::outbox::insert_all(conn, &mails, &link)?;
    Ok(())
}

/// What notices call the author of a post whose account is gone.
pub const FORMER_MEMBER: &str = "A former member";

/// An account is gone: every notice about its posts (`links`) that names it ("X replied…", "X
/// mentioned you…", "X started a thread…") names "A former member" instead, whatever its kind.
pub fn forget_author(
    conn: &mut AnyConnection,
    username: &str,
    links: &[String],
) -> Result<(), AppError> {
    let prefix = format!("{username} ");
    for chunk in links.chunks(500) {
        for row in crate::db::notifications::linking_to(conn, chunk)? {
            if let Some(rest) = row.text.strip_prefix(&prefix) {
                crate::db::notifications::set_text(
                    conn,
                    row.id,
                    &format!("{FORMER_MEMBER} {rest}"),
                )?;
            }
        }
    }
    Ok(())
}

/// Starts or stops watching a thread the member can see (404 otherwise).
pub async fn watch_thread(
    state: &AppState,
    user: &UserRow,
    thread_id: i64,
    on: bool,
) -> Result<(), AppError> {
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let (thread, _, _) = access::thread_for(conn, thread_id, Some(&u))?;
            watches::set(conn, u.id, Watched::Thread(thread.id), on)
        })
        .await
}

/// Starts or stops watching a group the member can read (404 otherwise).
pub async fn watch_group(
    state: &AppState,
    user: &UserRow,
    slug: String,
    on: bool,
) -> Result<(), AppError> {
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let a = access::by_slug(conn, &slug, Some(&u))?;
            a.require_read()?;
            watches::set(conn, u.id, Watched::Group(a.group.id), on)
        })
        .await
}

#[derive(Serialize, Debug)]
pub struct WatchedThread {
    pub id: String,
    pub title: String,
    pub group: String,
}

#[derive(Serialize, Debug)]
pub struct WatchedGroup {
    pub slug: String,
    pub name: String,
}

#[derive(Serialize, Debug)]
pub struct Watching {
    pub threads: Vec<WatchedThread>,
    pub groups: Vec<WatchedGroup>,
}

/// What the member watches, leaving out what they can no longer read (a private group they left,
/// a thread taken out of view); two queries plus their memberships.
pub async fn watching(state: &AppState, user: &UserRow) -> Result<Watching, AppError> {
    let u = user.clone();
    state
        .db
        .run(move |conn| {
            let mine = crate::db::groups::memberships_of(conn, u.id)?;
            let standing =
                |gid: i64| access::standing(Some(&u), mine.iter().find(|m| m.group_id == gid));
            let readable = |vis: &str, gid: i64| {
                Visibility::parse(vis).is_ok_and(|v| visibility::can_read_group(v, standing(gid)))
            };
            let seen = |vis: &str, gid: i64, status: PostStatus, author: Option<i64>| {
                let thread = ThreadFacts {
                    status,
                    by_viewer: author == Some(u.id),
                };
                Visibility::parse(vis)
                    .is_ok_and(|v| visibility::can_see_thread(v, standing(gid), thread))
            };
            let thread_rows = watches::watched_threads(conn, u.id)?;
            let group_rows = watches::watched_groups(conn, u.id)?;
            Ok(Watching {
                threads: thread_rows
                    .into_iter()
                    .filter(|t| seen(&t.visibility, t.group_id, t.status, t.author_id))
                    .map(|t| WatchedThread {
                        id: t.id.to_string(),
                        title: t.title,
                        group: t.slug,
                    })
                    .collect(),
                groups: group_rows
                    .into_iter()
                    .filter(|g| readable(&g.visibility, g.id))
                    .map(|g| WatchedGroup {
                        slug: g.slug,
                        name: g.name,
                    })
                    .collect(),
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_once_lower_cased_and_capped() {
        assert_eq!(
            mentioned_names("Thanks @Alice and @bob_2, @alice again"),
            vec!["alice", "bob_2"]
        );
        assert!(mentioned_names("write to someone@example.org").is_empty());
        assert!(mentioned_names("@ab is too short").is_empty());
        let many: String = (0..20).map(|i| format!("@user{i:02} ")).collect();
        assert_eq!(mentioned_names(&many).len(), MAX_MENTIONS);
    }
}
