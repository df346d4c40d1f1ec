//! The admins' health page's reads: the open queue, decided reports, PHI holds, new members and
//! pending clinician applications. Times come back as they are stored; `notify::health` buckets
//! them, since the two dialects bucket dates differently.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{clinician_applications, flags, phi_holds, posts, users};
use super::AnyConnection;
use crate::error::AppError;
use crate::posting::PostStatus;

/// Posts, not deleted, that are held or have open reports.
pub fn open_queue(conn: &mut AnyConnection) -> Result<i64, AppError> {
    let open_reports = flags::table
        .filter(flags::resolved_at.is_null())
        .select(flags::post_id);
    Ok(posts::table
        .filter(posts::deleted_at.is_null())
        .filter(
            posts::status
                .eq(PostStatus::Held)
                .or(posts::id.eq_any(open_reports)),
        )
        .count()
        .get_result(conn)?)
}

/// When a report was made and decided.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = flags)]
pub struct DecidedReportRow {
    pub created_at: PrimitiveDateTime,
    pub resolved_at: Option<PrimitiveDateTime>,
}

/// Reports decided at or after `since`.
pub fn decided_reports(
    conn: &mut AnyConnection,
    since: PrimitiveDateTime,
) -> Result<Vec<DecidedReportRow>, AppError> {
    Ok(flags::table
        .filter(flags::resolved_at.ge(since))
        .select(DecidedReportRow::as_select())
        .load(conn)?)
}

/// When posts were held for PHI, at or after `since`.
pub fn phi_holds(
    conn: &mut AnyConnection,
    since: PrimitiveDateTime,
) -> Result<Vec<PrimitiveDateTime>, AppError> {
    Ok(phi_holds::table
        .filter(phi_holds::held_at.ge(since))
        .select(phi_holds::held_at)
        .load(conn)?)
}

/// When accounts were made, at or after `since`.
pub fn joined(
    conn: &mut AnyConnection,
    since: PrimitiveDateTime,
) -> Result<Vec<PrimitiveDateTime>, AppError> {
    Ok(users::table
        .filter(users::created_at.ge(since))
        .select(users::created_at)
        .load(conn)?)
}

/// Clinician applications waiting for review.
pub fn pending_applications(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(clinician_applications::table
        .filter(clinician_applications::status.eq("pending"))
        .count()
        .get_result(conn)?)
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    setting: String,
}

/// Whether PostgreSQL's autovacuum is off (or cannot run, with `track_counts` off): then nothing
/// gathers statistics or clears dead rows unless someone runs `VACUUM ANALYZE`. Never on SQLite,
/// which has neither.
pub fn autovacuum_off(conn: &mut AnyConnection) -> Result<bool, AppError> {
    if matches!(conn, AnyConnection::Sqlite(_)) {
        return Ok(false);
    }
    let on: Vec<Setting> = diesel::sql_query(
        "SELECT setting FROM pg_settings WHERE name IN ('autovacuum', 'track_counts')",
    )
    .load(conn)?;
    Ok(on.len() < 2 || on.iter().any(|s| s.setting != "on"))
}
