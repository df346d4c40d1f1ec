//! Browser sessions: an opaque cookie naming a row in `sessions`, ended after an idle time and a
//! maximum age, and a CSRF token bound to a per-browser cookie.

use actix_web::cookie::{time as cookie_time, Cookie, SameSite};

use crate::auth::client::ClientInfo;
use crate::auth::tokens;
use crate::db::credentials::{self, SessionRow};
use crate::db::users::UserRow;
use crate::db::{now, AnyConnection};
use crate::error::AppError;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "kindred_session";
pub const CSRF_COOKIE: &str = "kindred_csrf";
pub const CHALLENGE_COOKIE: &str = "kindred_2fa";

/// Activity is written at most this often, so that reading pages does not mean a write per request.
const TOUCH_EVERY: time::Duration = time::Duration::seconds(60);

pub fn cookie<'a>(
    state: &AppState,
    name: &'a str,
    value: String,
    max_age: Option<time::Duration>,
) -> Cookie<'a> {
    let mut c = Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.settings.tls)
        .finish();
    if let Some(age) = max_age {
        c.set_max_age(cookie_time::Duration::seconds(age.whole_seconds()));
    }
    c
}

pub fn removal<'a>(state: &AppState, name: &'a str) -> Cookie<'a> {
    let mut c = cookie(state, name, String::new(), None);
    c.make_removal();
    c
}

/// Starts a session for a user who just signed in; the returned token goes in the cookie.
pub async fn start(
    state: &AppState,
    user: &UserRow,
    client: &ClientInfo,
) -> Result<String, AppError> {
    let token = tokens::random_token(32);
    let (id, t, c, max) = (
        user.id,
        token.clone(),
        client.clone(),
        state.settings.session_max,
    );
    state
        .db
        .write(move |conn| credentials::insert_session(conn, id, &t, max, &c))
        .await?;
    Ok(token)
}

/// The live session for a cookie value, or `None` when it is unknown, idle too long or too old
/// (an ended session's row is removed).
pub async fn resume(
    state: &AppState,
    token: String,
) -> Result<Option<(SessionRow, UserRow)>, AppError> {
    Ok(resume_for_page(state, token, false)
        .await?
        .map(|(session, user, _)| (session, user)))
}

/// [`resume`], and with `unread` the member's unread notifications for the page header (read
/// with the session, in one statement; only where a header is shown).
pub async fn resume_for_page(
    state: &AppState,
    token: String,
    unread: bool,
) -> Result<Option<(SessionRow, UserRow, i64)>, AppError> {
    if !could_be_ours(&token) {
        return Ok(None);
    }
    let idle = state.settings.session_idle;
    state
        .db
        .run(move |conn| resume_on(conn, &token, idle, unread))
        .await
}

/// A signed-in page's session (with the header's unread count) and what `then` reads for its
/// member, in one pool trip: each trip is a hand-over to a blocking thread and back, two wake-ups
/// in the kernel's scheduler (BENCHMARKS.md, issue 17). None when the cookie names no live session.
pub async fn with_page<T, F>(
    state: &AppState,
    token: String,
    then: F,
) -> Result<Option<((SessionRow, UserRow, i64), T)>, AppError>
where
    F: FnOnce(&mut AnyConnection, &UserRow) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    if !could_be_ours(&token) {
        return Ok(None);
    }
    let idle = state.settings.session_idle;
    state
        .db
        .run(move |conn| {
            let Some(session) = resume_on(conn, &token, idle, true)? else {
                return Ok(None);
            };
            let read = then(conn, &session.1)?;
            Ok(Some((session, read)))
        })
        .await
}

/// Whether a cookie's value could be a session token we gave: anything else is looked up nowhere,
/// so a junk cookie costs no trip to the database.
pub fn could_be_ours(token: &str) -> bool {
    !token.is_empty() && token.len() <= 100
}

/// [`resume_for_page`] on a connection, for a page that reads its own content in the same pool
/// trip (the thread page). `token` is the cookie's value as it came.
pub fn resume_on(
    conn: &mut crate::db::AnyConnection,
    token: &str,
    idle: time::Duration,
    unread: bool,
) -> Result<Option<(SessionRow, UserRow, i64)>, AppError> {
    if !could_be_ours(token) {
        return Ok(None);
    }
    let Some((session, user, unread)) = credentials::session_with_user(conn, token, unread)? else {
        return Ok(None);
    };
    let now = now();
    if session.expires_at <= now || session.last_seen_at + idle <= now {
        credentials::delete_session(conn, session.id)?;
        return Ok(None);
    }
    if now - session.last_seen_at >= TOUCH_EVERY {
        credentials::touch_session(conn, session.id)?;
    }
    Ok(Some((session, user, unread)))
}

pub async fn end(state: &AppState, session_id: i64) -> Result<(), AppError> {
    state
        .db
        .write(move |conn| credentials::delete_session(conn, session_id))
        .await
}

/// The form token for a browser's CSRF cookie: an HMAC of it, so that a page on another site,
/// which can neither read the cookie nor compute the HMAC, cannot forge a form post.
pub fn csrf_token(state: &AppState, seed: &str) -> String {
    hex::encode(tokens::hmac_sha256(&state.keys.csrf, seed.as_bytes()))
}

pub fn csrf_ok(state: &AppState, seed: &str, submitted: &str) -> bool {
    tokens::constant_eq(
        csrf_token(state, seed).as_bytes(),
        submitted.trim().as_bytes(),
    )
}
