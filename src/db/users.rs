//! Users: the row, the public projection and the queries on the `users` table.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::schema::{retired_usernames, users};
use super::AnyConnection;
use crate::domain::{Role, Username};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub email: Option<String>,
    pub password_hash: String,
    pub role: String,
    pub totp_secret: Option<String>,
    pub totp_pending_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub tokens_valid_after: PrimitiveDateTime,
    pub created_at: PrimitiveDateTime,
    /// Set while the member is a verified clinician: the specialty their badge shows.
    pub clinician_specialty: Option<String>,
    /// The member asked to be emailed about notifications (sent only when SMTP is configured).
    pub email_notifications: bool,
    /// When the member followed the confirmation link sent to `email`; None until then and again
    /// after every change of address.
    pub email_confirmed_at: Option<PrimitiveDateTime>,
    /// Whether other members may start conversations with (and write to) this member.
    pub messages_enabled: bool,
}

impl UserRow {
    pub fn role(&self) -> Role {
        Role::stored(&self.role)
    }

    pub fn totp_enabled(&self) -> bool {
        self.totp_secret.is_some()
    }

    /// The address may be mailed: its owner followed the link sent to it.
    pub fn email_confirmed(&self) -> bool {
        self.email.is_some() && self.email_confirmed_at.is_some()
    }

    /// "Verified clinician · specialty", only while a moderator's approval stands.
    pub fn badge(&self) -> Option<Badge> {
        Badge::of(self.role(), self.clinician_specialty.clone())
    }

    /// The `User` of the API: what anyone may know of the account (no email, no secrets).
    pub fn public(&self) -> PublicUser {
        PublicUser {
            id: self.id.to_string(),
            username: self.username.clone(),
            role: self.role(),
            totp_enabled: Some(self.totp_enabled()),
            badge: self.badge(),
            created_at: super::rfc3339(self.created_at),
        }
    }

    /// What other people are shown of the account on its public profile.
    pub fn profile(&self) -> PublicUser {
        PublicUser {
            totp_enabled: None,
            ..self.public()
        }
    }
}

/// A verified clinician's badge.
#[derive(Serialize, Clone, Debug, Hash)]
pub struct Badge {
    pub kind: &'static str,
    pub specialty: String,
}

/// Verified clinicians' badges by username, as a page reads them with its rows.
pub type Badges = std::collections::HashMap<String, Badge>;

/// Notes the badge of `name` when the role and specialty read with a row (a post's or a
/// thread's author) make one.
pub fn note_badge(
    badges: &mut Badges,
    name: Option<&String>,
    role: &str,
    specialty: Option<String>,
) {
    if let (Some(name), Some(b)) = (name, Badge::of(Role::stored(role), specialty)) {
        badges.insert(name.clone(), b);
    }
}

impl Badge {
    /// The badge of an account with this role and specialty: a clinician's, while both stand.
    pub fn of(role: Role, specialty: Option<String>) -> Option<Badge> {
        match (role, specialty) {
            (Role::Clinician, Some(specialty)) => Some(Badge::verified(specialty)),
            _ => None,
        }
    }

    pub fn verified(specialty: String) -> Badge {
        Badge {
            kind: "verified_clinician",
            specialty,
        }
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct PublicUser {
    pub id: String,
    pub username: String,
    pub role: Role,
    /// Only in the account's own view (and an admin's): whether two-factor is on tells an attacker
    /// which staff accounts are easier to take over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totp_enabled: Option<bool>,
    pub badge: Option<Badge>,
    pub created_at: String,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct NewUser<'a> {
    username: &'a str,
    email: Option<&'a str>,
    password_hash: &'a str,
    role: &'a str,
    tokens_valid_after: PrimitiveDateTime,
    created_at: PrimitiveDateTime,
}

pub fn insert(
    conn: &mut AnyConnection,
    username: &Username,
    email: Option<&str>,
    password_hash: &str,
    role: Role,
) -> Result<UserRow, AppError> {
    let now = super::now();
    diesel::insert_into(users::table)
        .values(NewUser {
            username: username.as_str(),
            email,
            password_hash,
            role: role.as_str(),
            tokens_valid_after: now,
            created_at: now,
        })
        .returning(users::all_columns)
        .get_result::<UserRow>(conn)
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => AppError::conflict("username", "That username is taken. Please choose another."),
            other => other.into(),
        })
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<UserRow>, AppError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_username(conn: &mut AnyConnection, name: &Username) -> Result<Option<UserRow>, AppError> {
    Ok(users::table
        .filter(users::username.eq(name.as_str()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// The ids of the accounts with these usernames; names nobody has are left out.
pub fn ids_named(conn: &mut AnyConnection, names: &[String]) -> Result<Vec<i64>, AppError> {
    Ok(users::table
        .filter(users::username.eq_any(names))
        .select(users::id)
        .load(conn)?)
}

/// The administrators' ids, who are told of what needs an admin's eye.
pub fn admin_ids(conn: &mut AnyConnection) -> Result<Vec<i64>, AppError> {
    Ok(users::table
        .filter(users::role.eq(crate::domain::Role::Admin.as_str()))
        .select(users::id)
        .load(conn)?)
}

/// The accounts with these ids, in no particular order; gone ones are left out.
pub fn by_ids(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<UserRow>, AppError> {
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select(UserRow::as_select())
        .load(conn)?)
}

/// Sets the member's address and whether they want notifications emailed.
pub fn set_email_preference(
    conn: &mut AnyConnection,
    id: i64,
    email: Option<&str>,
    wanted: bool,
) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(email),
            users::email_notifications.eq(wanted),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks the member's current address confirmed (`Some(now)`) or not (`None`).
pub fn set_email_confirmed(
    conn: &mut AnyConnection,
    id: i64,
    at: Option<PrimitiveDateTime>,
) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set(users::email_confirmed_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// Turns the member's private messages on or off.
pub fn set_messages_enabled(conn: &mut AnyConnection, id: i64, on: bool) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set(users::messages_enabled.eq(on))
        .execute(conn)?;
    Ok(())
}

pub fn set_role(conn: &mut AnyConnection, id: i64, role: Role) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set(users::role.eq(role.as_str()))
        .execute(conn)?;
    Ok(())
}

/// A new password hash; tokens issued before now stop working.
pub fn set_password(conn: &mut AnyConnection, id: i64, hash: &str) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::tokens_valid_after.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every access token issued until now stops working (a ban, for instance). Tokens carry their
/// issue time in whole seconds, so the cut is the next second: one issued this very second ends too.
pub fn revoke_tokens(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set(users::tokens_valid_after.eq(super::now() + time::Duration::seconds(1)))
        .execute(conn)?;
    Ok(())
}

pub fn set_pending_totp(
    conn: &mut AnyConnection,
    id: i64,
    secret: Option<&str>,
) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set(users::totp_pending_secret.eq(secret))
        .execute(conn)?;
    Ok(())
}

pub fn enable_totp(
    conn: &mut AnyConnection,
    id: i64,
    secret: &str,
    step: i64,
) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set((
            users::totp_secret.eq(Some(secret)),
            users::totp_pending_secret.eq(None::<String>),
            users::totp_last_step.eq(Some(step)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn disable_totp(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::update(users::table.find(id))
        .set((
            users::totp_secret.eq(None::<String>),
            users::totp_pending_secret.eq(None::<String>),
            users::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records the time step of an accepted code, only if it is newer than the last one: false means
/// the code was already used (or a newer one was), so it must be refused.
pub fn advance_totp_step(conn: &mut AnyConnection, id: i64, step: i64) -> Result<bool, AppError> {
    let n = diesel::update(
        users::table.find(id).filter(
            users::totp_last_step
                .is_null()
                .or(users::totp_last_step.lt(step)),
        ),
    )
    .set(users::totp_last_step.eq(Some(step)))
    .execute(conn)?;
    Ok(n == 1)
}

/// A moderator's approval makes a member a verified clinician; revocation makes them a member.
pub fn set_clinician(
    conn: &mut AnyConnection,
    id: i64,
    specialty: Option<&str>,
) -> Result<(), AppError> {
    let role = if specialty.is_some() {
        Role::Clinician
    } else {
        Role::Member
    };
    diesel::update(users::table.find(id))
        .set((
            users::clinician_specialty.eq(specialty),
            users::role.eq(role.as_str()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The badges of those of these members who are verified clinicians, by username: one query for
/// a whole list of posts or threads.
pub fn badges(
    conn: &mut AnyConnection,
    mut ids: Vec<i64>,
) -> Result<std::collections::HashMap<String, Badge>, AppError> {
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(String, Option<String>)> = users::table
        .filter(users::id.eq_any(&ids))
        .filter(users::role.eq(Role::Clinician.as_str()))
        .filter(users::clinician_specialty.is_not_null())
        .select((users::username, users::clinician_specialty))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(name, specialty)| specialty.map(|s| (name, Badge::verified(s))))
        .collect())
}

/// Verified clinicians by name, at most `limit`, for the review page.
pub fn verified_clinicians(conn: &mut AnyConnection, limit: i64) -> Result<Vec<UserRow>, AppError> {
    Ok(users::table
        .filter(users::role.eq(Role::Clinician.as_str()))
        .filter(users::clinician_specialty.is_not_null())
        .order(users::username.asc())
        .limit(limit)
        .select(UserRow::as_select())
        .load(conn)?)
}

/// Removes the account row; the database cascades to what hangs off it.
pub fn delete(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::delete(users::table.find(id)).execute(conn)?;
    Ok(())
}

/// Whether a deleted account's name had this keyed hash (see `privacy::erase`).
pub fn name_retired(conn: &mut AnyConnection, name_hash: &str) -> Result<bool, AppError> {
    let n: i64 = retired_usernames::table
        .filter(retired_usernames::name_hash.eq(name_hash))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Keeps a deleted account's name, as a keyed hash, so nobody can take it.
pub fn retire_name(conn: &mut AnyConnection, name_hash: &str) -> Result<(), AppError> {
    diesel::insert_into(retired_usernames::table)
        .values((
            retired_usernames::name_hash.eq(name_hash),
            retired_usernames::retired_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The highest account id, for generators that choose their own ids.
pub fn max_id(conn: &mut AnyConnection) -> Result<Option<i64>, AppError> {
    Ok(users::table
        .select(diesel::dsl::max(users::id))
        .first(conn)?)
}
