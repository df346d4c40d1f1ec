//! Deleting an account, by its owner (with the password) or by an admin on the member's request
//! (with a reason). One transaction: everything goes, or nothing does.
//!
//! What goes: the account row and with it (by foreign keys) its sessions, refresh tokens,
//! recovery codes, pending sign-in steps, notifications, queued emails, memberships and join
//! requests, sanctions, clinician applications, uploaded images and remembered clients; its email confirmation
//! links; every private message they wrote (conversations stay, for the others, without them);
//! the notes of the member's reports; the member's name on other people's "… replied to
//! your post" notifications and on moderation records; and every earlier version of the member's
//! posts. The posts themselves, by choice:
//! - `anonymise`: published posts stay, shown as by "a former member"; anything not public
//!   (held, removed, rejected) is wiped.
//! - `delete`: every post's text is wiped and a "[deleted]" placeholder keeps the replies under it
//!   in place; titles of the threads the member started become "[deleted]".
//!
//! The audit log is append-only and hash-chained, so entries already written keep the member's
//! name as actor or target (they never held post text); the deletion itself is recorded as
//! `account.deleted` with the choice and, for an admin, the reason. The username is retired (kept
//! only as a keyed hash) so nobody can take a former member's name.

use crate::audit::{Action, Entry};
use crate::auth::accounts::require_role;
use crate::auth::client::ClientInfo;
use crate::auth::tokens::hmac_sha256;
use crate::db::threads::{self as thread_rows, Titles};
use crate::db::users::{self as user_rows, UserRow};
use crate::db::{
    clinicians, flags, groups, posts as post_rows, revisions, sanctions, AnyConnection,
};
use crate::domain::{PasswordAttempt, Role, Username};
use crate::error::AppError;
use crate::posting::{lifecycle, PostStatus};
use crate::state::AppState;

/// What becomes of a deleted member's posts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostsChoice {
    Anonymise,
    Delete,
}

impl PostsChoice {
    pub fn parse(raw: &str) -> Result<PostsChoice, AppError> {
        match raw.trim() {
            "anonymise" | "anonymize" => Ok(PostsChoice::Anonymise),
            "delete" => Ok(PostsChoice::Delete),
            _ => Err(AppError::validation(
                "posts",
                "Choose what happens to your posts: \"anonymise\" or \"delete\".",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PostsChoice::Anonymise => "posts anonymised",
            PostsChoice::Delete => "posts deleted",
        }
    }
}

/// The placeholder for a deleted member's thread title.
pub const DELETED_TITLE: &str = "[deleted]";

fn retired_hash(key: &[u8; 32], username: &str) -> String {
    hex::encode(hmac_sha256(key, username.to_lowercase().as_bytes()))
}

/// The key for retired usernames (see [`username_retired`]).
pub fn retired_key(state: &AppState) -> [u8; 32] {
    super::derived_key(state, "retired-username")
}

/// Whether a username belonged to a deleted account (it cannot be registered again).
pub fn username_retired(
    conn: &mut AnyConnection,
    key: &[u8; 32],
    username: &str,
) -> Result<bool, AppError> {
    user_rows::name_retired(conn, &retired_hash(key, username))
}

fn wrong_password() -> AppError {
    AppError::unauthorized(
        "invalid_credentials",
        "That is not your password, so nothing was deleted.",
    )
}

/// A member deletes their own account, confirmed with the password.
pub async fn delete_own(
    state: &AppState,
    user: &UserRow,
    password: String,
    choice: &str,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let choice = PostsChoice::parse(choice)?;
    let attempt = PasswordAttempt::parse(password).map_err(|_| wrong_password())?;
    if !crate::auth::accounts::password_matches(state, user, &attempt, client).await? {
        return Err(wrong_password());
    }
    let key = retired_key(state);
    let (uid, name, ip) = (user.id, user.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            erase(conn, &key, uid, choice)?;
            Entry::new(Action::AccountDeleted)
                .actor(uid, &name)
                .target(format!("user {name}"))
                .ip(Some(&ip))
                .reason(format!("by the member; {}", choice.as_str()))
                .write(conn)
        })
        .await?;
    crate::search::forget_deleted_words(state).await
}

/// An admin deletes a member's account on the member's request, with a reason for the record.
pub async fn delete_by_admin(
    state: &AppState,
    admin: &UserRow,
    username: &str,
    choice: &str,
    reason: &str,
    client: &ClientInfo,
) -> Result<(), AppError> {
    require_role(admin, Role::Admin)?;
    let choice = PostsChoice::parse(choice)?;
    let reason = reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(AppError::validation(
            "reason",
            "Give the reason for the record (up to 500 characters), e.g. \"the member asked by email on 2 March\".",
        ));
    }
    let target = Username::parse(username).map_err(|_| AppError::NotFound)?;
    let key = retired_key(state);
    let (aid, aname, ip) = (admin.id, admin.username.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let user = user_rows::by_username(conn, &target)?.ok_or(AppError::NotFound)?;
            if user.id == aid {
                return Err(AppError::validation(
                    "username",
                    "To delete your own account, use your account page.",
                ));
            }
            if user.role() == Role::Admin {
                return Err(AppError::validation(
                    "username",
                    "An admin's account cannot be deleted this way; change its role first.",
                ));
            }
            erase(conn, &key, user.id, choice)?;
            Entry::new(Action::AccountDeleted)
                .actor(aid, &aname)
                .target(format!("user {}", user.username))
                .ip(Some(&ip))
                .reason(format!("by an admin; {}; {reason}", choice.as_str()))
                .write(conn)
        })
        .await?;
    crate::search::forget_deleted_words(state).await
}

/// Removes the account and what identifies its owner; see the module's documentation.
pub fn erase(
    conn: &mut AnyConnection,
    key: &[u8; 32],
    user_id: i64,
    choice: PostsChoice,
) -> Result<(), AppError> {
    let user = user_rows::by_id(conn, user_id)?.ok_or(AppError::NotFound)?;

    // A verified clinician's replies stop marking threads answered once the badge is gone.
    if user.clinician_specialty.is_some() {
        user_rows::set_clinician(conn, user.id, None)?;
        thread_rows::recompute_clinician_answered(conn, user.id)?;
    }

    let mine = post_rows::facts_by_author(conn, user.id)?;
    let ids: Vec<i64> = mine.iter().map(|p| p.id).collect();
    let links: Vec<String> = mine
        .iter()
        .map(|p| crate::forum::threads::post_link(p.thread_id, p.id))
        .collect();
    revisions::delete_of_posts(conn, &ids)?;
    // The lifecycle says what each post becomes: deleted, or (anonymised) kept without a name
    // while it is public, deleted otherwise.
    let action = match choice {
        PostsChoice::Delete => lifecycle::Action::Delete,
        PostsChoice::Anonymise => lifecycle::Action::Anonymise,
    };
    let owner = lifecycle::Actor {
        sees: true,
        author: true,
        suspended: false,
        power: crate::domain::Power::Lacking,
    };
    for post in mine {
        let published = post.status == PostStatus::Published;
        let current = lifecycle::Current {
            // Why a post is held does not change what erasing does to it.
            state: crate::posting::PostState::stored(post.status, None),
            deleted: post.deleted_at.is_some(),
            findings: false,
            purged: false,
        };
        let change = lifecycle::transition(current, owner, action).map_err(AppError::from)?;
        if !change.delete || post.deleted_at.is_some() {
            continue;
        }
        post_rows::delete_content(conn, post.id)?;
        if post.parent_id.is_some() && published {
            crate::db::activity::count(
                conn,
                crate::db::activity::Counted::reply_deleted(post.thread_id),
            )?;
        }
    }
    // A thread title is the member's words too; a title never made public is wiped either way.
    let titles = match choice {
        PostsChoice::Delete => Titles::All,
        PostsChoice::Anonymise => Titles::NotPublished,
    };
    thread_rows::retitle_by_author(conn, user.id, titles, DELETED_TITLE)?;

    // Reports they made stay for the moderators, without their words.
    flags::forget_notes_of(conn, user.id)?;

    // Their name in other people's inboxes (every notice about their posts) and on moderation
    // records.
    crate::notify::forget_author(conn, &user.username, &links)?;
    post_rows::forget_decider(conn, &user.username)?;
    clinicians::forget_decider(conn, &user.username)?;
    sanctions::forget_creator(conn, &user.username, "a former moderator")?;

    // Memberships one by one, so the groups' member counts stay right.
    for m in groups::memberships_of(conn, user.id)? {
        groups::remove(conn, m.group_id, user.id)?;
    }

    // Their private messages go; the conversations stay readable to the others without them.
    crate::db::messages::delete_of_author(conn, user.id)?;

    // Confirmation links name the address; the cascade would take them too, but an account's
    // erasure should not rest on a foreign key being declared.
    crate::db::email_confirmations::delete_of_user(conn, user.id)?;

    user_rows::retire_name(conn, &retired_hash(key, &user.username))?;
    // The rest goes with the row: ON DELETE CASCADE (credentials, notifications, sanctions,
    // applications, known clients) and SET NULL (authorship of posts, threads, reports, revisions).
    user_rows::delete(conn, user.id)
}
