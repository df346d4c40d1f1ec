//! Who may read, post in and moderate a group: the one visibility rule.

use crate::auth::accounts::require_role;
use crate::db::groups::{self, GroupRow, MemberRow};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::domain::{Role, Visibility};
use crate::error::AppError;

/// What one viewer may do in one group.
#[derive(Clone, Debug)]
pub struct Access {
    pub group: GroupRow,
    pub membership: Option<MemberRow>,
    /// Global moderators and admins are group moderators everywhere.
    staff: bool,
}

impl Access {
    pub fn is_member(&self) -> bool {
        self.membership.as_ref().is_some_and(MemberRow::is_member)
    }

    pub fn is_pending(&self) -> bool {
        self.membership.as_ref().is_some_and(|m| !m.is_member())
    }

    /// Reading threads and posts. Staff may read private groups: they moderate them.
    pub fn can_read(&self, viewer: Option<&UserRow>) -> bool {
        can_read(
            self.group.visibility(),
            viewer.is_some(),
            self.is_member(),
            self.staff,
        )
    }

    /// A group moderator: an admin, a global moderator, or a member made moderator of this group.
    pub fn is_group_moderator(&self) -> bool {
        self.staff
            || self
                .membership
                .as_ref()
                .is_some_and(|m| m.is_member() && m.is_moderator)
    }

    /// Refuses unless the viewer may read; unreadable content does not exist (404).
    pub fn require_read(&self, viewer: Option<&UserRow>) -> Result<(), AppError> {
        if self.can_read(viewer) {
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

    /// Group moderator powers, which for staff also need two-factor sign-in.
    pub fn require_moderator(&self, user: &UserRow) -> Result<(), AppError> {
        if !self.is_group_moderator() {
            return Err(AppError::forbidden(
                "forbidden",
                "Only this group's moderators can do that.",
            ));
        }
        if !user.totp_enabled() {
            return Err(AppError::forbidden(
                "two_factor_required",
                "Turn on two-factor sign-in on your account page before using moderator powers.",
            ));
        }
        Ok(())
    }
}

/// The visibility rule itself, for callers that hold many groups at once (profiles, search).
pub fn can_read(visibility: Visibility, signed_in: bool, member: bool, staff: bool) -> bool {
    match visibility {
        Visibility::Public => true,
        Visibility::Registered => signed_in,
        Visibility::Private => member || staff,
    }
}

/// Global moderators and admins, once their two-factor sign-in is on (before that their powers,
/// reading private groups included, wait).
pub fn is_staff(user: Option<&UserRow>) -> bool {
    user.is_some_and(|u| require_role(u, Role::Moderator).is_ok())
}

pub fn for_group(
    conn: &mut AnyConnection,
    group: GroupRow,
    viewer: Option<&UserRow>,
) -> Result<Access, AppError> {
    let membership = match viewer {
        Some(u) => groups::membership(conn, group.id, u.id)?,
        None => None,
    };
    Ok(Access {
        group,
        membership,
        staff: is_staff(viewer),
    })
}

pub fn by_slug(
    conn: &mut AnyConnection,
    slug: &str,
    viewer: Option<&UserRow>,
) -> Result<Access, AppError> {
    let group = groups::by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    for_group(conn, group, viewer)
}

pub fn by_group_id(
    conn: &mut AnyConnection,
    id: i64,
    viewer: Option<&UserRow>,
) -> Result<Access, AppError> {
    let group = groups::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    for_group(conn, group, viewer)
}
