//! What the API returns and the pages show of groups, threads and posts: built from rows, never
//! holding more than the viewer may see.

use serde::Serialize;

use crate::db::groups::GroupRow;
use crate::db::posts::PostRow;
use crate::db::rfc3339;
use crate::db::threads::ThreadRow;
use crate::db::users::Badge;
use crate::forum::screen;
use crate::phi::Span;
use crate::posting::PostStatus;

#[derive(Serialize, Clone, Debug, Hash)]
pub struct AuthorView {
    pub username: String,
    pub badge: Option<Badge>,
}

/// Verified clinicians' badges by username, as `db::users::badges` finds them for a list.
pub type Badges = std::collections::HashMap<String, Badge>;

/// Puts each author's badge (if any) on a view's author.
pub fn badge(author: Option<&mut AuthorView>, badges: &Badges) {
    if let Some(a) = author {
        a.badge = badges.get(&a.username).cloned();
    }
}

impl AuthorView {
    pub fn from_name(name: Option<String>) -> Option<AuthorView> {
        name.map(|username| AuthorView {
            username,
            badge: None,
        })
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct GroupView {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: &'static str,
    pub member_count: i64,
    /// Null for a group whose threads the viewer may not read: its activity is not theirs to know.
    pub thread_count: Option<i64>,
    pub post_count: Option<i64>,
    pub last_activity_at: Option<String>,
    /// The viewer's standing: "member", "pending" or null.
    pub membership: Option<&'static str>,
    pub is_moderator: bool,
    /// Whether search engines may index its pages (an admin opened this public group to them).
    pub indexable: bool,
}

impl GroupView {
    pub fn new(g: &GroupRow, membership: Option<&'static str>, is_moderator: bool) -> GroupView {
        GroupView {
            id: g.id.to_string(),
            slug: g.slug.clone(),
            name: g.name.clone(),
            description: g.description.clone(),
            visibility: g.visibility().as_str(),
            member_count: g.member_count,
            thread_count: Some(g.thread_count),
            post_count: Some(g.post_count),
            last_activity_at: g.last_activity_at.map(rfc3339),
            membership,
            is_moderator,
            indexable: g.indexable && g.visibility() == crate::domain::Visibility::Public,
        }
    }
}

impl GroupView {
    /// The group as this viewer is shown it: their standing, and its activity only if they may
    /// read its threads.
    pub fn of(a: &crate::forum::access::Access) -> GroupView {
        let membership =
            a.membership
                .as_ref()
                .map(|m| if m.is_member() { "member" } else { "pending" });
        let mut v = GroupView::new(&a.group, membership, a.moderates());
        if !a.can_read() {
            v.thread_count = None;
            v.post_count = None;
            v.last_activity_at = None;
        }
        v
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct ThreadView {
    pub id: String,
    pub group: String,
    pub title: String,
    pub author: Option<AuthorView>,
    pub created_at: String,
    pub last_activity_at: String,
    pub reply_count: i64,
    pub locked: bool,
    pub pinned: bool,
    pub clinician_answered: bool,
    /// The reply its author marked as the answer that helped.
    pub answer_post_id: Option<String>,
}

impl ThreadView {
    pub fn new(t: &ThreadRow, author: Option<String>, group_slug: &str) -> ThreadView {
        ThreadView {
            id: t.id.to_string(),
            group: group_slug.to_owned(),
            title: t.title.clone(),
            author: AuthorView::from_name(author),
            created_at: rfc3339(t.created_at),
            last_activity_at: rfc3339(t.last_activity_at),
            reply_count: t.reply_count,
            locked: t.locked,
            pinned: t.pinned,
            clinician_answered: t.clinician_answered,
            answer_post_id: t.answer_post_id.map(|id| id.to_string()),
        }
    }
}

/// `Hash`: every field, so a post's kept block (`web::post_blocks`) is keyed by all of it.
#[derive(Serialize, Clone, Debug, Hash)]
pub struct PostView {
    pub id: String,
    pub thread_id: String,
    pub parent_id: Option<String>,
    /// Null for a deleted post, or when the author's account is gone.
    pub author: Option<AuthorView>,
    /// Sanitised when written; empty for a deleted post.
    pub body_html: String,
    pub status: PostStatus,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub deleted: bool,
    pub depth: i32,
    /// For a held post (shown only to its author and moderators): what the scanner found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phi: Option<Vec<Span>>,
    /// For a rejected or removed post (shown only to its author and moderators): why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
    /// A moderator's note for readers, under the post (null when there is none).
    pub moderator_note: Option<crate::safety::notes::NoteView>,
    /// Only in the author's own answer to writing a post in crisis language: help to reach now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crisis_resources: Option<String>,
    /// The reader blocked its author: shown folded, opened on request. Present only then.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
}

impl PostView {
    pub fn new(p: &PostRow, author: Option<String>) -> PostView {
        let deleted = p.is_deleted();
        PostView {
            id: p.id.to_string(),
            thread_id: p.thread_id.to_string(),
            parent_id: p.parent_id.map(|id| id.to_string()),
            author: if deleted {
                None
            } else {
                AuthorView::from_name(author)
            },
            body_html: if deleted {
                String::new()
            } else {
                p.body_html.clone().unwrap_or_default()
            },
            status: p.status(),
            created_at: rfc3339(p.created_at),
            edited_at: p.edited_at.map(rfc3339),
            deleted,
            depth: p.depth,
            phi: if deleted { None } else { screen::findings(p) },
            decision_reason: match p.status() {
                PostStatus::Rejected | PostStatus::Removed => p.decision_reason.clone(),
                _ => None,
            },
            moderator_note: None,
            crisis_resources: None,
            collapsed: false,
        }
    }
}
