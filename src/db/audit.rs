//! The audit log's rows and queries: appending to the chain, the admins' listing, the verifier's
//! walk, and a member's own entries for their data export. What an entry means, and how its hash
//! is made, is [`crate::audit`]'s business.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::audit_log;
use super::AnyConnection;
use crate::error::AppError;

/// The PostgreSQL advisory lock that serialises appends, so two transactions never both chain onto
/// the same latest entry. Held until the transaction ends.
const CHAIN_LOCK_KEY: i64 = 0x6b696e_6175646974;

/// A new entry with its place in the chain.
#[derive(Insertable, Debug)]
#[diesel(table_name = audit_log)]
pub struct NewEntry<'a> {
    pub at: PrimitiveDateTime,
    pub actor_id: Option<i64>,
    pub actor: Option<&'a str>,
    pub action: &'a str,
    pub target: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub prev_hash: Option<&'a str>,
    pub hash: Option<&'a str>,
}

/// Makes this transaction the only one appending until it ends. SQLite needs nothing: `Db::write`
/// began with BEGIN IMMEDIATE, so the transaction is already the only writer. On PostgreSQL
/// writers queue on the advisory lock; under READ COMMITTED the reads after it then see whatever
/// the previous holder committed.
pub fn lock_chain(conn: &mut AnyConnection) -> Result<(), AppError> {
    if let AnyConnection::Pg(c) = conn {
        use diesel::connection::SimpleConnection;
        c.batch_execute(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})"))?;
    }
    Ok(())
}

/// The newest entry's hash: None when there is no entry yet, or only entries from before the
/// chain (whose hash is NULL).
pub fn latest_hash(conn: &mut AnyConnection) -> Result<Option<String>, AppError> {
    let latest: Option<Option<String>> = audit_log::table
        .select(audit_log::hash)
        .order(audit_log::id.desc())
        .first(conn)
        .optional()?;
    Ok(latest.flatten())
}

pub fn insert(conn: &mut AnyConnection, entry: &NewEntry<'_>) -> Result<(), AppError> {
    diesel::insert_into(audit_log::table)
        .values(entry)
        .execute(conn)?;
    Ok(())
}

/// An entry as the admins' listing shows it (no hashes).
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub at: PrimitiveDateTime,
    pub actor_id: Option<i64>,
    pub actor: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub ip: Option<String>,
    pub reason: Option<String>,
}

/// What to list: entries older than `before` (an entry id), whose action starts with
/// `action_prefix`, written by `actor` (a username).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub before: Option<i64>,
    pub action_prefix: Option<String>,
    pub actor: Option<String>,
}

/// `%`, `_` and the escape character itself match literally in a LIKE pattern after this.
fn like_prefix(prefix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Newest first, at most `limit` entries matching `filter`.
pub fn list(
    conn: &mut AnyConnection,
    filter: &Filter,
    limit: i64,
) -> Result<Vec<AuditRow>, AppError> {
    let mut q = audit_log::table
        .select(AuditRow::as_select())
        .into_boxed()
        .order(audit_log::id.desc())
        .limit(limit);
    if let Some(b) = filter.before {
        q = q.filter(audit_log::id.lt(b));
    }
    if let Some(a) = &filter.action_prefix {
        q = q.filter(audit_log::action.like(like_prefix(a)).escape('\\'));
    }
    if let Some(name) = &filter.actor {
        q = q.filter(audit_log::actor.eq(name.clone()));
    }
    Ok(q.load(conn)?)
}

/// A stored entry as the verifier reads it: every column (the listing's, and the two hashes).
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = audit_log)]
pub struct ChainRow {
    #[diesel(embed)]
    pub entry: AuditRow,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

/// Up to `limit` entries in id order, after the entry `after` (from the first when None).
pub fn chain_after(
    conn: &mut AnyConnection,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ChainRow>, AppError> {
    let mut q = audit_log::table
        .select(ChainRow::as_select())
        .order(audit_log::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(audit_log::id.gt(a));
    }
    Ok(q.load(conn)?)
}

/// One of a member's own entries, for their data export: no other person's name in it.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = audit_log)]
pub struct OwnEventRow {
    pub at: PrimitiveDateTime,
    pub action: String,
    pub ip: Option<String>,
    pub reason: Option<String>,
}

/// How many `action` entries a member wrote since `since`.
pub fn count_by_actor_since(
    conn: &mut AnyConnection,
    actor_id: i64,
    action: &str,
    since: PrimitiveDateTime,
) -> Result<i64, AppError> {
    Ok(audit_log::table
        .filter(audit_log::actor_id.eq(Some(actor_id)))
        .filter(audit_log::action.eq(action))
        .filter(audit_log::at.ge(since))
        .count()
        .get_result(conn)?)
}

/// Every entry a member wrote, oldest first.
pub fn by_actor(conn: &mut AnyConnection, actor_id: i64) -> Result<Vec<OwnEventRow>, AppError> {
    Ok(audit_log::table
        .filter(audit_log::actor_id.eq(Some(actor_id)))
        .order(audit_log::id.asc())
        .select(OwnEventRow::as_select())
        .load(conn)?)
}

/// Something done to a member's account by someone not signed in (a failed sign-in): when and
/// what, never that person's address.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = audit_log)]
pub struct AnonymousEventRow {
    pub at: PrimitiveDateTime,
    pub action: String,
}

/// Entries with no actor, one of `actions`, aimed at `target`, oldest first.
pub fn anonymous_on(
    conn: &mut AnyConnection,
    target: &str,
    actions: &[&str],
) -> Result<Vec<AnonymousEventRow>, AppError> {
    Ok(audit_log::table
        .filter(audit_log::actor_id.is_null())
        .filter(audit_log::target.eq(Some(target)))
        .filter(audit_log::action.eq_any(actions))
        .order(audit_log::id.asc())
        .select(AnonymousEventRow::as_select())
        .load(conn)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_prefixes_match_literally() {
        assert_eq!(super::like_prefix("sign_in."), "sign\\_in.%");
        assert_eq!(super::like_prefix("100%\\"), "100\\%\\\\%");
    }
}
