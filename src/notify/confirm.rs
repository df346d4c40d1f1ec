//! Confirming a member's email address: no mail goes to an address until its owner has followed
//! a one-time link sent to it, so nobody can have this forum mail someone else's inbox.
//!
//! Setting or changing the address ([`address_changed`], inside the use case's transaction)
//! marks it unconfirmed, kills every earlier link and queues a confirmation mail in the outbox.
//! The link's token is made only when the sender takes that mail ([`mint`]): the database keeps
//! its SHA-256 and the token itself exists only in the mail. A link confirms the address it was
//! sent to, once, within [`LINK_HOURS`]; following it (`GET /email/confirm`) only shows a form,
//! and the form's POST (or `POST /api/v1/me/email/confirm`) confirms.

use time::Duration;

use crate::auth::throttle;
use crate::auth::tokens::{hash_token, random_token};
use crate::db::users::{self, UserRow};
use crate::db::{email_confirmations as links, now, outbox, AnyConnection};
use crate::error::AppError;
use crate::state::AppState;

/// The outbox kind of a confirmation mail.
pub const KIND: &str = "email_confirmation";
/// Where the link points; the token follows as `?token=`.
pub const PATH: &str = "/email/confirm";
/// How long a link works.
pub const LINK_HOURS: i64 = 24;
/// Used and expired links are kept this long after expiring, so that following one says what
/// happened to it rather than "not valid".
const KEEP_EXPIRED_DAYS: i64 = 7;
/// Longer than any token this forum makes; anything longer is not looked up.
const MAX_TOKEN_LEN: usize = 128;

/// The member's address was set, changed or removed (in the caller's transaction): it is
/// unconfirmed, earlier links and unsent confirmation mails die, and when there is an address and
/// the forum sends email a new confirmation mail is queued (counted by the throttle, whose refusal
/// undoes the whole change).
pub fn address_changed(
    conn: &mut AnyConnection,
    user_id: i64,
    has_address: bool,
    smtp: bool,
) -> Result<(), AppError> {
    users::set_email_confirmed(conn, user_id, None)?;
    links::delete_of_user(conn, user_id)?;
    outbox::delete_kind(conn, user_id, KIND)?;
    if has_address && smtp {
        queue(conn, user_id)?;
    }
    Ok(())
}

fn queue(conn: &mut AnyConnection, user_id: i64) -> Result<(), AppError> {
    throttle::take_confirmation_mail(conn, user_id)?;
    outbox::insert(conn, user_id, KIND, PATH)
}

/// A new link for a queued confirmation mail to `email`, made as the sender takes the mail:
/// returns the path with the token. Earlier links stay valid, so a member who asked twice can
/// follow either mail.
pub fn mint(conn: &mut AnyConnection, user_id: i64, email: &str) -> Result<String, AppError> {
    let token = random_token(32);
    links::insert(
        conn,
        user_id,
        email,
        &hash_token(&token),
        now() + Duration::hours(LINK_HOURS),
    )?;
    Ok(format!("{PATH}?token={token}"))
}

/// "Send the link again": refused without an address, when it is already confirmed, when this
/// forum sends no email, and past the hourly limit.
pub async fn resend(state: &AppState, user: &UserRow) -> Result<(), AppError> {
    if state.settings.smtp.is_none() {
        return Err(AppError::validation(
            "email",
            "This forum does not send email: its administrator has not set it up.",
        ));
    }
    let id = user.id;
    state
        .db
        .write(move |conn| {
            let user = users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            if user.email.is_none() {
                return Err(AppError::validation(
                    "email",
                    "Give an email address first; we will send the link to it.",
                ));
            }
            if user.email_confirmed() {
                return Err(AppError::conflict(
                    "email",
                    "Your email address is already confirmed.",
                ));
            }
            outbox::delete_kind(conn, id, KIND)?;
            queue(conn, id)
        })
        .await
}

fn not_valid() -> AppError {
    AppError::validation(
        "token",
        "This confirmation link is not valid. Copy the whole link from the email, or ask for a new one on your account page.",
    )
}

/// Confirms the address a link was sent to. `owner` is the account that must hold the link when
/// the caller is signed in through the API; the page's form needs only the link, which proves the
/// mailbox. Unknown links (and another account's) are 422, expired and used ones 410.
pub async fn confirm(
    state: &AppState,
    token: &str,
    owner: Option<i64>,
) -> Result<UserRow, AppError> {
    let token = token.trim();
    if token.is_empty() || token.len() > MAX_TOKEN_LEN {
        return Err(not_valid());
    }
    let hash = hash_token(token);
    state
        .db
        .write(move |conn| {
            let link = links::by_hash(conn, &hash)?.ok_or_else(not_valid)?;
            if owner.is_some_and(|o| o != link.user_id) {
                return Err(not_valid());
            }
            if link.used_at.is_some() {
                return Err(AppError::gone(
                    "confirmation_used",
                    "This confirmation link was already used. Your account page shows whether your address is confirmed.",
                ));
            }
            if link.expires_at <= now() {
                return Err(AppError::gone(
                    "confirmation_expired",
                    "This confirmation link has expired (links work for 24 hours). Ask for a new one on your account page.",
                ));
            }
            let user = users::by_id(conn, link.user_id)?.ok_or_else(not_valid)?;
            // Links die when the address changes; this also holds against a link made for the
            // old address while the change was being written.
            if user.email.as_deref() != Some(link.email.as_str()) {
                return Err(not_valid());
            }
            if !links::mark_used(conn, link.id)? {
                return Err(AppError::gone(
                    "confirmation_used",
                    "This confirmation link was already used.",
                ));
            }
            users::set_email_confirmed(conn, user.id, Some(now()))?;
            links::delete_unused_of_user(conn, user.id)?;
            outbox::delete_kind(conn, user.id, KIND)?;
            users::by_id(conn, user.id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Forgets links that expired more than a week ago; run with the hourly clean-up.
pub fn prune(conn: &mut AnyConnection) -> Result<usize, AppError> {
    links::delete_expired_before(conn, now() - Duration::days(KEEP_EXPIRED_DAYS))
}
