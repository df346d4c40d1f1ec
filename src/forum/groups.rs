//! Groups and memberships: creating and editing groups, joining, leaving, requests, group moderators.

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::db::groups;
use crate::db::users::{self, UserRow};
use crate::domain::{
    parse_group_description, parse_group_name, GroupSlug, Role, Username, Visibility,
};
use crate::error::AppError;
use crate::forum::access::{self, Access};
use crate::forum::views::GroupView;
use crate::state::AppState;

pub struct GroupInput {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: String,
}

fn view(a: &Access) -> GroupView {
    GroupView::of(a)
}

/// Every group (private ones too, by name and description, so people can ask to join), with the
/// viewer's standing in each: two queries.
pub async fn list(state: &AppState, viewer: Option<UserRow>) -> Result<Vec<GroupView>, AppError> {
    state
        .db
        .run(move |conn| {
            let all = groups::list(conn)?;
            let mine = match &viewer {
                Some(u) => groups::memberships_of(conn, u.id)?,
                None => Vec::new(),
            };
            Ok(all
                .into_iter()
                .map(|g| {
                    let m = mine.iter().find(|m| m.group_id == g.id).cloned();
                    view(&Access::new(g, m, viewer.as_ref()))
                })
                .collect())
        })
        .await
}

pub async fn get(
    state: &AppState,
    slug: String,
    viewer: Option<UserRow>,
) -> Result<GroupView, AppError> {
    state
        .db
        .run(move |conn| Ok(view(&access::by_slug(conn, &slug, viewer.as_ref())?)))
        .await
}

pub async fn create(
    state: &AppState,
    admin: &UserRow,
    input: GroupInput,
    client: &ClientInfo,
) -> Result<GroupView, AppError> {
    require_role(admin, Role::Admin)?;
    let slug = GroupSlug::parse(&input.slug)?;
    let name = parse_group_name(&input.name)?;
    let description = parse_group_description(&input.description)?;
    let visibility = Visibility::parse(&input.visibility)?;
    let (admin_id, admin_name, ip) = (admin.id, admin.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let g = groups::insert(conn, &slug, &name, &description, visibility)?;
            Entry::new(Action::GroupCreated)
                .actor(admin_id, &admin_name)
                .target(format!("group {}", g.slug))
                .ip(Some(&ip))
                .reason(visibility.as_str())
                .write(conn)?;
            Ok(GroupView::new(&g, None, true))
        })
        .await
}

pub struct GroupChanges {
    pub name: Option<String>,
    pub description: Option<String>,
    pub visibility: Option<String>,
    /// Open a public group to search engines (every other page says noindex).
    pub indexable: Option<bool>,
}

pub async fn update(
    state: &AppState,
    admin: &UserRow,
    slug: String,
    changes: GroupChanges,
    client: &ClientInfo,
) -> Result<GroupView, AppError> {
    require_role(admin, Role::Admin)?;
    let name = changes.name.as_deref().map(parse_group_name).transpose()?;
    let description = changes
        .description
        .as_deref()
        .map(parse_group_description)
        .transpose()?;
    let visibility = changes
        .visibility
        .as_deref()
        .map(Visibility::parse)
        .transpose()?;
    let (admin_id, admin_name, ip) = (admin.id, admin.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let g = groups::by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let visibility = visibility.unwrap_or(g.visibility());
            // Only a public group's pages may be indexed; a group made registered or private
            // closes to search engines at once.
            let indexable = match changes.indexable {
                Some(true) if visibility != Visibility::Public => {
                    return Err(AppError::validation(
                        "indexable",
                        "Only a public group can be opened to search engines.",
                    ))
                }
                Some(open) => open,
                None => g.indexable && visibility == Visibility::Public,
            };
            let updated = groups::update(
                conn,
                g.id,
                name.as_deref().unwrap_or(&g.name),
                description.as_deref().unwrap_or(&g.description),
                visibility,
                indexable,
            )?;
            let mut entry = Entry::new(Action::GroupUpdated)
                .actor(admin_id, &admin_name)
                .target(format!("group {}", g.slug))
                .ip(Some(&ip));
            if updated.visibility != g.visibility {
                entry = entry.reason(format!(
                    "visibility {} → {}",
                    g.visibility, updated.visibility
                ));
            } else if updated.indexable != g.indexable {
                entry = entry.reason(if updated.indexable {
                    "opened to search engines"
                } else {
                    "closed to search engines"
                });
            }
            entry.write(conn)?;
            Ok(GroupView::new(&updated, None, true))
        })
        .await
}

/// Joins a public or registered group at once; asks to join a private one.
pub async fn join(
    state: &AppState,
    user: &UserRow,
    slug: String,
) -> Result<&'static str, AppError> {
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            let a = access::by_slug(conn, &slug, Some(&u))?;
            if a.is_member() {
                return Ok("member");
            }
            if a.is_pending() {
                return Ok("pending");
            }
            let open = a.joins_at_once();
            groups::add(conn, a.group.id, u.id, open)?;
            Ok(if open { "member" } else { "pending" })
        })
        .await
}

/// Leaves a group, or withdraws a request. Leaving when not a member is not an error.
pub async fn leave(state: &AppState, user: &UserRow, slug: String) -> Result<(), AppError> {
    let uid = user.id;
    state
        .db
        .write(move |conn| {
            let g = groups::by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            groups::remove(conn, g.id, uid)?;
            Ok(())
        })
        .await
}

pub async fn requests(
    state: &AppState,
    moderator: &UserRow,
    slug: String,
) -> Result<Vec<(String, String)>, AppError> {
    let m = moderator.clone();
    state
        .db
        .run(move |conn| {
            let a = access::by_slug(conn, &slug, Some(&m))?;
            a.require_moderator()?;
            Ok(groups::pending(conn, a.group.id)?
                .into_iter()
                .map(|(name, at)| (name, crate::db::rfc3339(at)))
                .collect())
        })
        .await
}

/// What a group moderator does to someone's membership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberDecision {
    Accept,
    Remove,
}

pub async fn decide(
    state: &AppState,
    moderator: &UserRow,
    slug: String,
    username: String,
    decision: MemberDecision,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let (m, ip) = (moderator.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let a = access::by_slug(conn, &slug, Some(&m))?;
            a.require_moderator()?;
            let name = Username::parse(&username).map_err(|_| AppError::NotFound)?;
            let target = users::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            let (done, action) = match decision {
                MemberDecision::Accept => (
                    groups::accept(conn, a.group.id, target.id)?,
                    Action::JoinRequestAccepted,
                ),
                MemberDecision::Remove => (
                    groups::remove(conn, a.group.id, target.id)?.is_some(),
                    Action::MemberRemoved,
                ),
            };
            if !done {
                return Err(AppError::NotFound);
            }
            Entry::new(action)
                .actor(m.id, &m.username)
                .target(format!("{} in group {}", target.username, a.group.slug))
                .ip(Some(&ip))
                .write(conn)
        })
        .await
}

/// An admin makes a member a moderator of one group (or stops them being one).
pub async fn set_moderator(
    state: &AppState,
    admin: &UserRow,
    slug: String,
    username: String,
    on: bool,
    client: &ClientInfo,
) -> Result<(), AppError> {
    require_role(admin, Role::Admin)?;
    let (admin_id, admin_name, ip) = (admin.id, admin.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let g = groups::by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let name = Username::parse(&username).map_err(|_| AppError::NotFound)?;
            let target = users::by_username(conn, &name)?.ok_or(AppError::NotFound)?;
            if !groups::set_moderator(conn, g.id, target.id, on)? {
                return Err(AppError::conflict(
                    "username",
                    "Only a member of the group can be its moderator; they must join first.",
                ));
            }
            let action = if on {
                Action::GroupModeratorAdded
            } else {
                Action::GroupModeratorRemoved
            };
            Entry::new(action)
                .actor(admin_id, &admin_name)
                .target(format!("{} in group {}", target.username, g.slug))
                .ip(Some(&ip))
                .write(conn)
        })
        .await
}
