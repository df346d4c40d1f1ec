//! Groups and memberships: rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{group_members, groups, users};
use super::{now, AnyConnection};
use crate::domain::{GroupSlug, Visibility};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = groups)]
pub struct GroupRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: String,
    pub member_count: i64,
    pub thread_count: i64,
    pub post_count: i64,
    pub last_activity_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    /// Opened to search engines by an admin (public groups only).
    pub indexable: bool,
}

impl GroupRow {
    pub fn visibility(&self) -> Visibility {
        // The CHECK constraint keeps the column to the three names; anything else is treated as
        // the most private, never the most open.
        Visibility::parse(&self.visibility).unwrap_or(Visibility::Private)
    }
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = group_members)]
pub struct MemberRow {
    pub group_id: i64,
    pub user_id: i64,
    pub state: String,
    pub is_moderator: bool,
    pub requested_at: PrimitiveDateTime,
    pub joined_at: Option<PrimitiveDateTime>,
}

impl MemberRow {
    pub fn is_member(&self) -> bool {
        self.state == "member"
    }

    /// Made moderator of the group, and still a member: the power that the staff gate then opens
    /// only with two-factor sign-in (see `forum::access::group_power`).
    pub fn holds_moderation(&self) -> bool {
        self.is_member() && self.is_moderator
    }
}

pub fn insert(
    conn: &mut AnyConnection,
    slug: &GroupSlug,
    name: &str,
    description: &str,
    visibility: Visibility,
) -> Result<GroupRow, AppError> {
    diesel::insert_into(groups::table)
        .values((
            groups::slug.eq(slug.as_str()),
            groups::name.eq(name),
            groups::description.eq(description),
            groups::visibility.eq(visibility.as_str()),
            groups::created_at.eq(now()),
        ))
        .returning(groups::all_columns)
        .get_result::<GroupRow>(conn)
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => AppError::conflict("slug", "A group with that short name already exists."),
            other => other.into(),
        })
}

pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    name: &str,
    description: &str,
    visibility: Visibility,
    indexable: bool,
) -> Result<GroupRow, AppError> {
    Ok(diesel::update(groups::table.find(id))
        .set((
            groups::name.eq(name),
            groups::description.eq(description),
            groups::visibility.eq(visibility.as_str()),
            groups::indexable.eq(indexable),
        ))
        .returning(groups::all_columns)
        .get_result::<GroupRow>(conn)?)
}

pub fn by_slug(conn: &mut AnyConnection, slug: &str) -> Result<Option<GroupRow>, AppError> {
    Ok(groups::table
        .filter(groups::slug.eq(slug))
        .select(GroupRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<GroupRow>, AppError> {
    Ok(groups::table
        .find(id)
        .select(GroupRow::as_select())
        .first(conn)
        .optional()?)
}

/// Which group [`with_membership`] reads.
pub enum GroupKey<'a> {
    Id(i64),
    Slug(&'a str),
}

/// A group with the viewer's row in it (member or pending; None for anyone else and when there
/// is no viewer): what an access check on the group needs, in one query instead of two.
pub fn with_membership(
    conn: &mut AnyConnection,
    key: GroupKey<'_>,
    viewer: Option<i64>,
) -> Result<Option<(GroupRow, Option<MemberRow>)>, AppError> {
    // Without a viewer the join compares with NULL, which matches no row: no membership.
    let joined = || {
        groups::table.left_join(
            group_members::table.on(group_members::group_id
                .eq(groups::id)
                .and(group_members::user_id.nullable().eq(viewer))),
        )
    };
    // Every group page and every anonymous read from the cache runs this: on the backend's own
    // connection (see `db::on_backend!`).
    Ok(match key {
        GroupKey::Id(id) => super::on_backend!(conn, |c| joined()
            .filter(groups::id.eq(id))
            .select((GroupRow::as_select(), Option::<MemberRow>::as_select()))
            .first(c)
            .optional())?,
        GroupKey::Slug(slug) => super::on_backend!(conn, |c| joined()
            .filter(groups::slug.eq(slug))
            .select((GroupRow::as_select(), Option::<MemberRow>::as_select()))
            .first(c)
            .optional())?,
    })
}

pub fn count(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(groups::table.count().get_result(conn)?)
}

/// The highest group id, for generators that choose their own ids.
pub fn max_id(conn: &mut AnyConnection) -> Result<Option<i64>, AppError> {
    Ok(groups::table
        .select(diesel::dsl::max(groups::id))
        .first(conn)?)
}

/// Every group, most recently active first (groups with no activity yet by name).
pub fn list(conn: &mut AnyConnection) -> Result<Vec<GroupRow>, AppError> {
    let mut all = groups::table
        .select(GroupRow::as_select())
        .load::<GroupRow>(conn)?;
    all.sort_by(|a, b| {
        b.last_activity_at
            .cmp(&a.last_activity_at)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(all)
}

pub fn membership(
    conn: &mut AnyConnection,
    group_id: i64,
    user_id: i64,
) -> Result<Option<MemberRow>, AppError> {
    Ok(group_members::table
        .find((group_id, user_id))
        .select(MemberRow::as_select())
        .first(conn)
        .optional()?)
}

/// The user's rows in every group (member or pending), for the group list.
pub fn memberships_of(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<MemberRow>, AppError> {
    Ok(group_members::table
        .filter(group_members::user_id.eq(user_id))
        .select(MemberRow::as_select())
        .load(conn)?)
}

/// A membership or request with its group's slug and name, as the member's data export shows it.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = group_members)]
pub struct ExportMembershipRow {
    #[diesel(select_expression = groups::slug)]
    pub group_slug: String,
    #[diesel(select_expression = groups::name)]
    pub group_name: String,
    pub state: String,
    pub is_moderator: bool,
    pub requested_at: PrimitiveDateTime,
    pub joined_at: Option<PrimitiveDateTime>,
}

/// Every membership and request of a member, by group slug.
pub fn memberships_for_export(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<ExportMembershipRow>, AppError> {
    Ok(group_members::table
        .inner_join(groups::table)
        .filter(group_members::user_id.eq(user_id))
        .order(groups::slug.asc())
        .select(ExportMembershipRow::as_select())
        .load(conn)?)
}

/// Adds a member, or a pending request when `member` is false.
pub fn add(
    conn: &mut AnyConnection,
    group_id: i64,
    user_id: i64,
    member: bool,
) -> Result<(), AppError> {
    let now = now();
    diesel::insert_into(group_members::table)
        .values((
            group_members::group_id.eq(group_id),
            group_members::user_id.eq(user_id),
            group_members::state.eq(if member { "member" } else { "pending" }),
            group_members::requested_at.eq(now),
            group_members::joined_at.eq(member.then_some(now)),
        ))
        .execute(conn)?;
    if member {
        change_member_count(conn, group_id, 1)?;
    }
    Ok(())
}

/// Turns a pending request into a membership; false when there was no such request.
pub fn accept(conn: &mut AnyConnection, group_id: i64, user_id: i64) -> Result<bool, AppError> {
    let n = diesel::update(
        group_members::table
            .find((group_id, user_id))
            .filter(group_members::state.eq("pending")),
    )
    .set((
        group_members::state.eq("member"),
        group_members::joined_at.eq(Some(now())),
    ))
    .execute(conn)?;
    if n == 1 {
        change_member_count(conn, group_id, 1)?;
    }
    Ok(n == 1)
}

/// Removes a membership or a request; returns what was removed.
pub fn remove(
    conn: &mut AnyConnection,
    group_id: i64,
    user_id: i64,
) -> Result<Option<MemberRow>, AppError> {
    let Some(row) = membership(conn, group_id, user_id)? else {
        return Ok(None);
    };
    diesel::delete(group_members::table.find((group_id, user_id))).execute(conn)?;
    if row.is_member() {
        change_member_count(conn, group_id, -1)?;
    }
    Ok(Some(row))
}

pub fn set_moderator(
    conn: &mut AnyConnection,
    group_id: i64,
    user_id: i64,
    on: bool,
) -> Result<bool, AppError> {
    let n = diesel::update(
        group_members::table
            .find((group_id, user_id))
            .filter(group_members::state.eq("member")),
    )
    .set(group_members::is_moderator.eq(on))
    .execute(conn)?;
    Ok(n == 1)
}

fn change_member_count(conn: &mut AnyConnection, group_id: i64, by: i64) -> Result<(), AppError> {
    diesel::update(groups::table.find(group_id))
        .set(groups::member_count.eq(groups::member_count + by))
        .execute(conn)?;
    Ok(())
}

/// Pending requests to join, oldest first, with the requester's name.
pub fn pending(
    conn: &mut AnyConnection,
    group_id: i64,
) -> Result<Vec<(String, PrimitiveDateTime)>, AppError> {
    Ok(group_members::table
        .inner_join(users::table)
        .filter(group_members::group_id.eq(group_id))
        .filter(group_members::state.eq("pending"))
        .order(group_members::requested_at.asc())
        .select((users::username, group_members::requested_at))
        .load(conn)?)
}
