//! The moderation queue: held posts and reported posts in the groups a moderator looks after,
//! urgent (posts in crisis language, self-harm reports) first, then oldest first, a page at a
//! time (the reads are in `db::queue`). Every item is masked (`forum::mask`): reading the queue
//! shows no identifier and changes nothing; a moderator who must see one reveals that item
//! (`moderation::reveal`, audited).

use std::collections::HashMap;

use serde::Serialize;

use crate::db::groups::MemberRow;
use crate::db::queue::{self as rows, QueueRow, Reason, Scope};
use crate::db::users::UserRow;
use crate::db::{flags, groups as group_rows, rfc3339, AnyConnection};
use crate::error::AppError;
use crate::forum::access;
use crate::forum::mask;
use crate::forum::screen::{self, HeldView};
use crate::forum::views::{badge, PostView};
use crate::posting::HoldReason;
use crate::posting::PostStatus;
use crate::state::AppState;

/// Items shown at once; the rest wait (the page says how many).
pub const PAGE: usize = 50;

#[derive(Serialize, Clone, Debug)]
pub struct FlagView {
    pub reason: String,
    pub note: Option<String>,
    pub by: Option<String>,
    pub at: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct AuthorHistory {
    pub username: Option<String>,
    pub joined_at: Option<String>,
    pub rejected_posts: i64,
}

#[derive(Serialize, Clone, Debug)]
pub struct ParentView {
    pub id: String,
    pub author: Option<String>,
    pub body_html: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct QueueItem {
    pub post: PostView,
    pub reasons: Vec<&'static str>,
    pub flags: Vec<FlagView>,
    pub urgent: bool,
    pub thread_id: String,
    pub thread_title: String,
    pub group: String,
    pub author: AuthorHistory,
    /// The post it answers, when that one is public: the context a decision needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentView>,
    /// For posts held for PHI: the text with its risky spans marked (and masked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<HeldView>,
    /// Always true: the text of every risky span in the post, its title and the reports' notes is
    /// replaced by its kind ("[NAME]"); `POST /moderation/posts/{id}/reveal` shows one item.
    pub masked: bool,
}

#[derive(Serialize, Clone, Debug)]
pub struct Queue {
    pub items: Vec<QueueItem>,
    /// Items in the queue in all (more than are shown when over a page).
    pub total: usize,
}

/// Filters from the page or the API.
#[derive(Default, Clone, Debug)]
pub struct Filter {
    pub group: Option<String>,
    pub reason: Option<String>,
}

impl Filter {
    /// The one parser for the page's and the API's query: empty means no filter.
    pub fn parse(group: Option<String>, reason: Option<String>) -> Filter {
        Filter {
            group: group.filter(|g| !g.is_empty()),
            reason: reason.filter(|r| !r.is_empty()),
        }
    }
}

/// A page of the queue, masked. Read through the pool with a limit (a fixed number of queries
/// whatever the queue's length: count, page, crisis alerts, reports, parents, badges, rejections).
pub async fn queue(
    state: &AppState,
    moderator: &UserRow,
    filter: Filter,
) -> Result<Queue, AppError> {
    let reason = filter.reason.as_deref().map(Reason::parse).transpose()?;
    let m = moderator.clone();
    state
        .db
        .run(move |conn| {
            let groups = scope(conn, &m)?;
            let scope = Scope {
                groups: groups.as_deref(),
                group_slug: filter.group.as_deref(),
                reason,
            };
            let total = rows::count(conn, &scope)?;
            let page = rows::page(conn, &scope, PAGE as i64)?;
            Ok(Queue {
                items: items(conn, page)?,
                total: usize::try_from(total).unwrap_or(0),
            })
        })
        .await
}

/// The page's rows with what a decision needs: open reports, the post answered, the author's
/// history, badges.
fn items(conn: &mut AnyConnection, rows: Vec<QueueRow>) -> Result<Vec<QueueItem>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.post.id).collect();
    let crisis = rows::in_crisis(conn, &ids)?;
    let mut open: HashMap<i64, Vec<FlagView>> = HashMap::new();
    for (f, by) in flags::open_for(conn, &ids)? {
        open.entry(f.post_id).or_default().push(FlagView {
            reason: f.reason,
            note: f.note.as_deref().map(mask::free_text),
            by,
            at: rfc3339(f.created_at),
        });
    }
    let parent_ids: Vec<i64> = rows.iter().filter_map(|r| r.post.parent_id).collect();
    let parents: HashMap<i64, ParentView> = crate::db::posts::by_ids(conn, &parent_ids)?
        .into_iter()
        .filter(|(p, _)| p.status() == PostStatus::Published && !p.is_deleted())
        .map(|(p, name)| {
            let view = ParentView {
                id: p.id.to_string(),
                author: name,
                body_html: p.body_html.unwrap_or_default(),
            };
            (p.id, view)
        })
        .collect();
    let authors: Vec<i64> = rows.iter().filter_map(|r| r.post.author_id).collect();
    let badges = crate::db::users::badges(conn, authors.clone())?;
    let rejected = rows::rejected_counts(conn, &authors)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let p = r.post;
            let flags = open.remove(&p.id).unwrap_or_default();
            let mut reasons = Vec::new();
            if crisis.contains(&p.id) {
                reasons.push("crisis");
            }
            if p.phi.is_some() {
                reasons.push("phi");
            }
            if !flags.is_empty() {
                reasons.push("flag");
            }
            match p.held_for {
                Some(HoldReason::Reports) => reasons.push("auto_hidden"),
                Some(HoldReason::NewMember) => reasons.push("new_member"),
                Some(HoldReason::Phi) | None => {}
            }
            let mut view = PostView::new(&p, r.author.clone());
            crate::forum::quotes::unresolved(&mut view);
            badge(view.author.as_mut(), &badges);
            let held = view.phi.as_ref().and_then(|spans| {
                let title = p.parent_id.is_none().then_some(r.thread_title.as_str());
                Some(mask::held(screen::held_view(
                    title,
                    p.body_md.as_deref()?,
                    spans,
                )))
            });
            let thread_title = match (&view.phi, p.parent_id) {
                (Some(spans), None) => mask::title(&r.thread_title, spans),
                _ => r.thread_title,
            };
            mask::post(&mut view, p.body_md.as_deref());
            QueueItem {
                parent: p.parent_id.and_then(|id| parents.get(&id).cloned()),
                urgent: r.urgent,
                thread_id: p.thread_id.to_string(),
                thread_title,
                group: r.group,
                author: AuthorHistory {
                    rejected_posts: p
                        .author_id
                        .and_then(|a| rejected.get(&a).copied())
                        .unwrap_or(0),
                    username: r.author,
                    joined_at: r.author_joined.map(rfc3339),
                },
                post: view,
                reasons,
                flags,
                held,
                masked: true,
            }
        })
        .collect())
}

/// The groups whose items a moderator sees: None for all (global moderators and admins), else
/// the groups they moderate. Nobody else has a queue.
fn scope(conn: &mut AnyConnection, user: &UserRow) -> Result<Option<Vec<i64>>, AppError> {
    const ONLY: &str = "Only moderators can see the moderation queue.";
    if user.role().is_staff() {
        // Global moderators and admins see every group, once their second factor is on.
        access::staff_power(Some(user)).require(ONLY)?;
        return Ok(None);
    }
    let mine: Vec<MemberRow> = group_rows::memberships_of(conn, user.id)?
        .into_iter()
        .filter(MemberRow::holds_moderation)
        .collect();
    access::group_power(Some(user), mine.first()).require(ONLY)?;
    Ok(Some(mine.into_iter().map(|m| m.group_id).collect()))
}
