//! What proves a sign-in after the password: API refresh tokens, browser sessions, the pending
//! second step of a sign-in, and recovery codes. Only hashes of the secrets are stored.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use super::schema::{login_challenges, recovery_codes, refresh_tokens, sessions, users};
use super::users::UserRow;
use super::{now, AnyConnection};
use crate::auth::client::ClientInfo;
use crate::auth::tokens::hash_token;
use crate::error::AppError;

// ---- refresh tokens

#[derive(Queryable, Debug)]
pub struct RefreshRow {
    pub id: i64,
    pub user_id: i64,
    pub family: String,
    pub token_hash: String,
    pub created_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
    pub used_at: Option<PrimitiveDateTime>,
    pub revoked_at: Option<PrimitiveDateTime>,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
}

pub fn insert_refresh(
    conn: &mut AnyConnection,
    user_id: i64,
    family: &str,
    token: &str,
    ttl: Duration,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let now = now();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family.eq(family),
            refresh_tokens::token_hash.eq(hash_token(token)),
            refresh_tokens::created_at.eq(now),
            refresh_tokens::expires_at.eq(now + ttl),
            refresh_tokens::user_agent.eq(client.user_agent.as_deref()),
            refresh_tokens::ip.eq(&client.ip),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn refresh_by_token(
    conn: &mut AnyConnection,
    token: &str,
) -> Result<Option<RefreshRow>, AppError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash_token(token)))
        .first::<RefreshRow>(conn)
        .optional()?)
}

/// Marks a token used, only if nobody used it first; false means it was already spent.
pub fn spend_refresh(conn: &mut AnyConnection, id: i64) -> Result<bool, AppError> {
    let n = diesel::update(
        refresh_tokens::table
            .find(id)
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(Some(now())))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_family(conn: &mut AnyConnection, family: &str) -> Result<usize, AppError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(now())))
    .execute(conn)?)
}

pub fn revoke_all_refresh(conn: &mut AnyConnection, user_id: i64) -> Result<usize, AppError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(now())))
    .execute(conn)?)
}

/// A refresh token that can still be spent: where and when its API sign-in was last renewed.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = refresh_tokens)]
pub struct LiveRefreshRow {
    pub family: String,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub created_at: PrimitiveDateTime,
}

/// The account's unrevoked, unspent, unexpired refresh tokens, newest first.
pub fn live_refresh_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<LiveRefreshRow>, AppError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::user_id.eq(user_id))
        .filter(refresh_tokens::revoked_at.is_null())
        .filter(refresh_tokens::used_at.is_null())
        .filter(refresh_tokens::expires_at.gt(now()))
        .order(refresh_tokens::created_at.desc())
        .select(LiveRefreshRow::as_select())
        .load(conn)?)
}

/// When an API sign-in (a refresh-token family) began: its first token's time.
#[derive(Queryable, Debug, Clone)]
pub struct FamilyStartRow {
    pub family: String,
    pub started_at: Option<PrimitiveDateTime>,
}

pub fn family_starts(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<FamilyStartRow>, AppError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::user_id.eq(user_id))
        .group_by(refresh_tokens::family)
        .select((
            refresh_tokens::family,
            diesel::dsl::min(refresh_tokens::created_at),
        ))
        .load(conn)?)
}

/// Revokes one of the account's API sign-ins; how many of its tokens were still unrevoked (0 when
/// the family is not the account's, or already ended).
pub fn revoke_family_of(
    conn: &mut AnyConnection,
    user_id: i64,
    family: &str,
) -> Result<usize, AppError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(now())))
    .execute(conn)?)
}

/// Revokes every API sign-in of the account but the family `spared`.
pub fn revoke_refresh_except(
    conn: &mut AnyConnection,
    user_id: i64,
    spared: &str,
) -> Result<usize, AppError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null())
            .filter(refresh_tokens::family.ne(spared)),
    )
    .set(refresh_tokens::revoked_at.eq(Some(now())))
    .execute(conn)?)
}

// ---- browser sessions

#[derive(Queryable, Debug, Clone)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub token_hash: String,
    pub created_at: PrimitiveDateTime,
    pub last_seen_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
}

/// Creates a session that ends at `max_age` from now at the latest; returns its id.
pub fn insert_session(
    conn: &mut AnyConnection,
    user_id: i64,
    token: &str,
    max_age: Duration,
    client: &ClientInfo,
) -> Result<i64, AppError> {
    let now = now();
    Ok(diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::token_hash.eq(hash_token(token)),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now + max_age),
            sessions::user_agent.eq(client.user_agent.as_deref()),
            sessions::ip.eq(&client.ip),
        ))
        .returning(sessions::id)
        .get_result(conn)?)
}

/// The session and its user, in one query.
/// The session for a token with its member and, with `unread`, the member's unread
/// notifications (the page header's count) in the same statement; 0 without.
pub fn session_with_user(
    conn: &mut AnyConnection,
    token: &str,
    unread: bool,
) -> Result<Option<(SessionRow, UserRow, i64)>, AppError> {
    use super::schema::notifications;
    let hash = hash_token(token);
    let session = || {
        sessions::table
            .inner_join(users::table)
            .filter(sessions::token_hash.eq(hash.clone()))
    };
    if !unread {
        let row = super::on_backend!(conn, |c| session()
            .select((sessions::all_columns, UserRow::as_select()))
            .first::<(SessionRow, UserRow)>(c)
            .optional())?;
        return Ok(row.map(|(s, u)| (s, u, 0)));
    }
    let count = notifications::table
        .filter(notifications::user_id.eq(users::id))
        .filter(notifications::read_at.is_null())
        .count()
        .single_value();
    let row = super::on_backend!(conn, |c| session()
        .select((sessions::all_columns, UserRow::as_select(), count))
        .first::<(SessionRow, UserRow, Option<i64>)>(c)
        .optional())?;
    Ok(row.map(|(s, u, n)| (s, u, n.unwrap_or(0))))
}

pub fn touch_session(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::update(sessions::table.find(id))
        .set(sessions::last_seen_at.eq(now()))
        .execute(conn)?;
    Ok(())
}

pub fn delete_session(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::delete(sessions::table.find(id)).execute(conn)?;
    Ok(())
}

/// Ends every session of a user except `keep`.
pub fn delete_sessions_except(
    conn: &mut AnyConnection,
    user_id: i64,
    keep: Option<i64>,
) -> Result<usize, AppError> {
    let q = sessions::table.filter(sessions::user_id.eq(user_id));
    Ok(match keep {
        Some(k) => diesel::delete(q.filter(sessions::id.ne(k))).execute(conn)?,
        None => diesel::delete(q).execute(conn)?,
    })
}

pub fn sessions_of(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<SessionRow>, AppError> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .order(sessions::last_seen_at.desc())
        .load::<SessionRow>(conn)?)
}

// ---- the second step of an HTML sign-in

pub const CHALLENGE_TTL: Duration = Duration::minutes(5);
pub const CHALLENGE_MAX_ATTEMPTS: i32 = 5;

pub fn insert_challenge(
    conn: &mut AnyConnection,
    user_id: i64,
    token: &str,
) -> Result<(), AppError> {
    diesel::insert_into(login_challenges::table)
        .values((
            login_challenges::user_id.eq(user_id),
            login_challenges::token_hash.eq(hash_token(token)),
            login_challenges::expires_at.eq(now() + CHALLENGE_TTL),
        ))
        .execute(conn)?;
    Ok(())
}

/// The live challenge for a token, counting this attempt; `None` when unknown, expired or used up.
pub fn take_challenge_attempt(
    conn: &mut AnyConnection,
    token: &str,
) -> Result<Option<(i64, i64)>, AppError> {
    let hash = hash_token(token);
    let row = login_challenges::table
        .filter(login_challenges::token_hash.eq(&hash))
        .select((
            login_challenges::id,
            login_challenges::user_id,
            login_challenges::expires_at,
            login_challenges::attempts,
        ))
        .first::<(i64, i64, PrimitiveDateTime, i32)>(conn)
        .optional()?;
    let Some((id, user_id, expires_at, attempts)) = row else {
        return Ok(None);
    };
    if expires_at < now() || attempts >= CHALLENGE_MAX_ATTEMPTS {
        diesel::delete(login_challenges::table.find(id)).execute(conn)?;
        return Ok(None);
    }
    diesel::update(login_challenges::table.find(id))
        .set(login_challenges::attempts.eq(attempts + 1))
        .execute(conn)?;
    Ok(Some((id, user_id)))
}

pub fn delete_challenge(conn: &mut AnyConnection, id: i64) -> Result<(), AppError> {
    diesel::delete(login_challenges::table.find(id)).execute(conn)?;
    Ok(())
}

// ---- recovery codes

pub fn replace_recovery_codes(
    conn: &mut AnyConnection,
    user_id: i64,
    codes: &[String],
) -> Result<(), AppError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    // One insert per code: multi-row inserts do not compile on the two-backend connection.
    for code in codes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::user_id.eq(user_id),
                recovery_codes::code_hash.eq(hash_token(
                    &crate::auth::totp::normalise_recovery_code(code),
                )),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Spends an unused recovery code of the user; false when there is no such unused code.
pub fn spend_recovery_code(
    conn: &mut AnyConnection,
    user_id: i64,
    code: &str,
) -> Result<bool, AppError> {
    let hash = hash_token(&crate::auth::totp::normalise_recovery_code(code));
    let n = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(user_id))
            .filter(recovery_codes::code_hash.eq(hash))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(Some(now())))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn unused_recovery_codes(conn: &mut AnyConnection, user_id: i64) -> Result<i64, AppError> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)?)
}
