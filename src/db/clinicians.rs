//! Clinician applications: rows and queries.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{clinician_applications as apps, users};
use super::{now, AnyConnection};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = apps)]
pub struct ApplicationRow {
    pub id: i64,
    pub user_id: i64,
    pub npi: String,
    pub license_state: String,
    pub license_number: String,
    pub specialty: String,
    pub note: Option<String>,
    pub status: String,
    pub created_at: PrimitiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<PrimitiveDateTime>,
    pub reason: Option<String>,
    /// An approved application's badge lasts until then.
    pub expires_at: Option<PrimitiveDateTime>,
    pub expiry_noticed: bool,
}

/// An application with its applicant's name.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = apps)]
pub struct ApplicationWithUser {
    #[diesel(embed)]
    pub application: ApplicationRow,
    #[diesel(select_expression = users::username)]
    pub username: String,
}

/// What an applicant wrote, parsed.
pub struct NewApplication<'a> {
    pub user_id: i64,
    pub npi: &'a str,
    pub license_state: &'a str,
    pub license_number: &'a str,
    pub specialty: &'a str,
    pub note: Option<&'a str>,
}

/// How many of a member's applications wait for review.
pub fn pending_of(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    Ok(apps::table
        .filter(apps::user_id.eq(user_id))
        .filter(apps::status.eq("pending"))
        .count()
        .get_result(conn)?)
}

pub fn insert(
    conn: &mut AnyConnection,
    new: &NewApplication<'_>,
) -> Result<ApplicationRow, AppError> {
    insert_as(conn, new, "pending", None)
}

/// An application recorded as already approved by `decided_by` (the demo's clinicians).
pub fn insert_approved(
    conn: &mut AnyConnection,
    new: &NewApplication<'_>,
    decided_by: &str,
    expires_at: PrimitiveDateTime,
) -> Result<ApplicationRow, AppError> {
    let row = insert_as(conn, new, "approved", Some(decided_by))?;
    diesel::update(apps::table.find(row.id))
        .set(apps::expires_at.eq(Some(expires_at)))
        .execute(conn)?;
    Ok(row)
}

fn insert_as(
    conn: &mut AnyConnection,
    new: &NewApplication<'_>,
    status: &str,
    decided_by: Option<&str>,
) -> Result<ApplicationRow, AppError> {
    let at = now();
    Ok(diesel::insert_into(apps::table)
        .values((
            apps::user_id.eq(new.user_id),
            apps::npi.eq(new.npi),
            apps::license_state.eq(new.license_state),
            apps::license_number.eq(new.license_number),
            apps::specialty.eq(new.specialty),
            apps::note.eq(new.note),
            apps::status.eq(status),
            apps::created_at.eq(at),
            apps::decided_by.eq(decided_by),
            apps::decided_at.eq(decided_by.map(|_| at)),
        ))
        .returning(apps::all_columns)
        .get_result(conn)?)
}

/// Up to `limit` applications with `status`, oldest first, with their applicants' names.
pub fn by_status(
    conn: &mut AnyConnection,
    status: &str,
    limit: i64,
) -> Result<Vec<ApplicationWithUser>, AppError> {
    Ok(apps::table
        .inner_join(users::table)
        .filter(apps::status.eq(status))
        .order(apps::id.asc())
        .limit(limit)
        .select(ApplicationWithUser::as_select())
        .load(conn)?)
}

/// A member's newest `limit` applications, newest first.
pub fn of_user(
    conn: &mut AnyConnection,
    user_id: i64,
    limit: i64,
) -> Result<Vec<ApplicationRow>, AppError> {
    Ok(apps::table
        .filter(apps::user_id.eq(user_id))
        .order(apps::id.desc())
        .limit(limit)
        .select(ApplicationRow::as_select())
        .load(conn)?)
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<ApplicationRow>, AppError> {
    Ok(apps::table
        .find(id)
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn with_user(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<ApplicationWithUser>, AppError> {
    Ok(apps::table
        .inner_join(users::table)
        .filter(apps::id.eq(id))
        .select(ApplicationWithUser::as_select())
        .first(conn)
        .optional()?)
}

/// A moderator's decision, applied only while the application is pending: false when someone
/// decided first. An approval's badge lasts until `expires_at`.
pub fn decide(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    by: &str,
    reason: Option<&str>,
    expires_at: Option<PrimitiveDateTime>,
) -> Result<bool, AppError> {
    let n = diesel::update(apps::table.find(id).filter(apps::status.eq("pending")))
        .set((
            apps::status.eq(status),
            apps::decided_by.eq(Some(by)),
            apps::decided_at.eq(Some(now())),
            apps::reason.eq(reason),
            apps::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(n > 0)
}

/// A member's current badge's application: their latest approved one (None when there is none).
pub fn current_approval(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<ApplicationRow>, AppError> {
    Ok(apps::table
        .filter(apps::user_id.eq(user_id))
        .filter(apps::status.eq("approved"))
        .order(apps::decided_at.desc())
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Approved applications whose badge ends before `before` and whose holder is still a clinician,
/// with the holder's name: those due a notice or an expiry.
pub fn ending_before(
    conn: &mut AnyConnection,
    before: PrimitiveDateTime,
) -> Result<Vec<ApplicationWithUser>, AppError> {
    Ok(apps::table
        .inner_join(users::table.on(users::id.eq(apps::user_id)))
        .filter(apps::status.eq("approved"))
        .filter(apps::expires_at.lt(before))
        .filter(users::role.eq(crate::domain::Role::Clinician.as_str()))
        .select(ApplicationWithUser::as_select())
        .load(conn)?)
}

pub fn mark_noticed(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::update(apps::table.find(id))
        .set(apps::expiry_noticed.eq(true))
        .execute(conn)?;
    Ok(())
}

/// An application as its applicant's data export shows it: never the deciding moderator's name.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = apps)]
pub struct ExportApplicationRow {
    pub npi: String,
    pub license_state: String,
    pub license_number: String,
    pub specialty: String,
    pub note: Option<String>,
    pub status: String,
    pub created_at: PrimitiveDateTime,
    pub decided_at: Option<PrimitiveDateTime>,
    pub reason: Option<String>,
}

/// Every application of a member, oldest first.
pub fn for_export(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<ExportApplicationRow>, AppError> {
    Ok(apps::table
        .filter(apps::user_id.eq(user_id))
        .order(apps::id.asc())
        .select(ExportApplicationRow::as_select())
        .load(conn)?)
}

/// A deleted moderator's name comes off the decisions they made.
pub fn forget_decider(conn: &mut AnyConnection, username: &str) -> Result<(), AppError> {
    diesel::update(apps::table.filter(apps::decided_by.eq(Some(username))))
        .set(apps::decided_by.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}
