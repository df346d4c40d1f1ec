//! "Download your data": every record the forum holds about a member, as one JSON document. It
//! holds what they wrote and what was done to their account, and nothing about other people beyond
//! what they could already see: no other reporter of a post, no moderator's name, no title of
//! someone else's thread they can no longer see.

// Each query's row is a tuple that mirrors its select list beside it; naming each one would only
// move the list away from the query.
#![allow(clippy::type_complexity)]

use diesel::prelude::*;
use serde_json::{json, Value};
use time::PrimitiveDateTime;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::schema::{
    audit_log, clinician_applications, flags, group_members, groups, notifications, post_revisions,
    posts, sanctions, threads,
};
use crate::db::users::UserRow;
use crate::db::{rfc3339, AnyConnection};
use crate::error::AppError;
use crate::posting::PostStatus;
use crate::state::AppState;

use super::sessions::{self, Current};

fn t(v: PrimitiveDateTime) -> Value {
    Value::String(rfc3339(v))
}

fn opt_t(v: Option<PrimitiveDateTime>) -> Value {
    v.map(t).unwrap_or(Value::Null)
}

/// Audit actions that describe the account's own sign-ins and security changes.
const ACCOUNT_ACTION_PREFIXES: [&str; 5] =
    ["sign_in.", "sign_out", "token.", "account.", "two_factor."];

/// Builds the document; reads only (the audit entry is written by [`export`]).
pub fn document(conn: &mut AnyConnection, user: &UserRow) -> Result<Value, AppError> {
    let uid = user.id;
    let memberships: Vec<(
        String,
        String,
        String,
        bool,
        PrimitiveDateTime,
        Option<PrimitiveDateTime>,
    )> = group_members::table
        .inner_join(groups::table)
        .filter(group_members::user_id.eq(uid))
        .order(groups::slug.asc())
        .select((
            groups::slug,
            groups::name,
            group_members::state,
            group_members::is_moderator,
            group_members::requested_at,
            group_members::joined_at,
        ))
        .load(conn)?;

    let my_posts: Vec<(
        (
            i64,
            i64,
            Option<i64>,
            Option<String>,
            PostStatus,
            PrimitiveDateTime,
        ),
        (
            Option<PrimitiveDateTime>,
            Option<PrimitiveDateTime>,
            Option<String>,
        ),
        (String, PostStatus, Option<i64>, String),
    )> = posts::table
        .inner_join(threads::table.inner_join(groups::table))
        .filter(posts::author_id.eq(Some(uid)))
        .order(posts::id.asc())
        .select((
            (
                posts::id,
                posts::thread_id,
                posts::parent_id,
                posts::body_md,
                posts::status,
                posts::created_at,
            ),
            (posts::edited_at, posts::deleted_at, posts::decision_reason),
            (
                threads::title,
                threads::status,
                threads::author_id,
                groups::slug,
            ),
        ))
        .load(conn)?;
    let post_ids: Vec<i64> = my_posts.iter().map(|((id, ..), ..)| *id).collect();
    let revisions: Vec<(i64, String, PrimitiveDateTime)> = post_revisions::table
        .filter(post_revisions::post_id.eq_any(&post_ids))
        .order(post_revisions::id.asc())
        .select((
            post_revisions::post_id,
            post_revisions::body_md,
            post_revisions::created_at,
        ))
        .load(conn)?;
    let posts_json: Vec<Value> = my_posts
        .into_iter()
        .map(
            |(
                (id, thread_id, parent_id, body, status, created),
                (edited, deleted, decision_reason),
                (title, thread_status, thread_author, group),
            )| {
                // Someone else's thread title only while it is public: a held title may hold PHI.
                let title = (thread_author == Some(uid) || thread_status == PostStatus::Published)
                    .then_some(title);
                json!({
                    "id": id.to_string(),
                    "thread_id": thread_id.to_string(),
                    "thread_title": title,
                    "group": group,
                    "parent_id": parent_id.map(|p| p.to_string()),
                    "status": status,
                    "deleted": deleted.is_some(),
                    "body_markdown": body,
                    "created_at": t(created),
                    "edited_at": opt_t(edited),
                    "deleted_at": opt_t(deleted),
                    "moderator_reason": decision_reason,
                    "revisions": revisions
                        .iter()
                        .filter(|(p, ..)| *p == id)
                        .map(|(_, body, at)| json!({"body_markdown": body, "written_at": t(*at)}))
                        .collect::<Vec<_>>(),
                })
            },
        )
        .collect();

    let my_threads: Vec<(i64, String, String, String, PrimitiveDateTime)> = threads::table
        .inner_join(groups::table)
        .filter(threads::author_id.eq(Some(uid)))
        .order(threads::id.asc())
        .select((
            threads::id,
            groups::slug,
            threads::title,
            threads::status,
            threads::created_at,
        ))
        .load(conn)?;

    let my_flags: Vec<(
        i64,
        String,
        Option<String>,
        PrimitiveDateTime,
        Option<PrimitiveDateTime>,
    )> = flags::table
        .filter(flags::user_id.eq(Some(uid)))
        .order(flags::id.asc())
        .select((
            flags::post_id,
            flags::reason,
            flags::note,
            flags::created_at,
            flags::resolved_at,
        ))
        .load(conn)?;

    let my_notifications: Vec<(
        String,
        String,
        String,
        PrimitiveDateTime,
        Option<PrimitiveDateTime>,
    )> = notifications::table
        .filter(notifications::user_id.eq(uid))
        .order(notifications::id.asc())
        .select((
            notifications::kind,
            notifications::text,
            notifications::link,
            notifications::created_at,
            notifications::read_at,
        ))
        .load(conn)?;

    // Their own account events, with the address they came from; failed sign-ins on their account
    // by someone who did not get in, without that person's address.
    let own_events: Vec<(PrimitiveDateTime, String, Option<String>, Option<String>)> =
        audit_log::table
            .filter(audit_log::actor_id.eq(Some(uid)))
            .order(audit_log::id.asc())
            .select((
                audit_log::at,
                audit_log::action,
                audit_log::ip,
                audit_log::reason,
            ))
            .load(conn)?;
    let failures: Vec<(PrimitiveDateTime, String)> = audit_log::table
        .filter(audit_log::actor_id.is_null())
        .filter(audit_log::target.eq(Some(user.username.clone())))
        .filter(audit_log::action.eq_any(["sign_in.failed", "sign_in.locked"]))
        .order(audit_log::id.asc())
        .select((audit_log::at, audit_log::action))
        .load(conn)?;
    let mut history: Vec<(PrimitiveDateTime, Value)> = own_events
        .into_iter()
        .filter(|(_, action, ..)| {
            ACCOUNT_ACTION_PREFIXES
                .iter()
                .any(|p| action.starts_with(p))
        })
        .map(|(at, action, ip, reason)| {
            (
                at,
                json!({"at": t(at), "event": action, "ip": ip, "detail": reason}),
            )
        })
        .collect();
    history.extend(failures.into_iter().map(|(at, action)| {
        (at, json!({"at": t(at), "event": action, "ip": null, "detail": "someone tried to sign in to your account"}))
    }));
    history.sort_by_key(|(at, _)| *at);

    let applications: Vec<(
        (String, String, String, String, Option<String>),
        (
            String,
            PrimitiveDateTime,
            Option<PrimitiveDateTime>,
            Option<String>,
        ),
    )> = clinician_applications::table
        .filter(clinician_applications::user_id.eq(uid))
        .order(clinician_applications::id.asc())
        .select((
            (
                clinician_applications::npi,
                clinician_applications::license_state,
                clinician_applications::license_number,
                clinician_applications::specialty,
                clinician_applications::note,
            ),
            (
                clinician_applications::status,
                clinician_applications::created_at,
                clinician_applications::decided_at,
                clinician_applications::reason,
            ),
        ))
        .load(conn)?;

    let my_sanctions: Vec<(
        String,
        String,
        Option<PrimitiveDateTime>,
        PrimitiveDateTime,
        Option<PrimitiveDateTime>,
    )> = sanctions::table
        .filter(sanctions::user_id.eq(uid))
        .order(sanctions::id.asc())
        .select((
            sanctions::kind,
            sanctions::reason,
            sanctions::until,
            sanctions::created_at,
            sanctions::lifted_at,
        ))
        .load(conn)?;

    let signed_in = sessions::list_in(conn, uid, &Current::Api(None))?;

    Ok(json!({
        "format": "kindred-export/1",
        "exported_at": t(crate::db::now()),
        "profile": {
            "id": uid.to_string(),
            "username": user.username,
            "email": user.email,
            "role": user.role,
            "member_since": t(user.created_at),
            "two_factor_enabled": user.totp_enabled(),
            "badge": user.badge(),
        },
        "memberships": memberships.into_iter().map(|(slug, name, state, moderator, requested, joined)| json!({
            "group": slug, "group_name": name, "state": state, "group_moderator": moderator,
            "requested_at": t(requested), "joined_at": opt_t(joined),
        })).collect::<Vec<_>>(),
        "threads_started": my_threads.into_iter().map(|(id, group, title, status, created)| json!({
            "id": id.to_string(), "group": group, "title": title, "status": status, "created_at": t(created),
        })).collect::<Vec<_>>(),
        "posts": posts_json,
        "reports": my_flags.into_iter().map(|(post, reason, note, created, resolved)| json!({
            "post_id": post.to_string(), "reason": reason, "note": note,
            "created_at": t(created), "resolved_at": opt_t(resolved),
        })).collect::<Vec<_>>(),
        "notifications": my_notifications.into_iter().map(|(kind, text, link, created, read)| json!({
            "kind": kind, "text": text, "link": link, "created_at": t(created), "read_at": opt_t(read),
        })).collect::<Vec<_>>(),
        "sign_in_history": history.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "signed_in_now": signed_in,
        "clinician_applications": applications.into_iter().map(|((npi, state, licence, specialty, note), (status, created, decided, reason))| json!({
            "npi": npi, "license_state": state, "license_number": licence, "specialty": specialty,
            "note": note, "status": status, "created_at": t(created), "decided_at": opt_t(decided),
            "reason": reason,
        })).collect::<Vec<_>>(),
        "sanctions": my_sanctions.into_iter().map(|(kind, reason, until, created, lifted)| json!({
            "kind": kind, "reason": reason, "until": opt_t(until), "created_at": t(created),
            "lifted_at": opt_t(lifted),
        })).collect::<Vec<_>>(),
    }))
}

/// The member's export, with its audit entry (`account.exported`) in the same transaction.
pub async fn export(
    state: &AppState,
    user: &UserRow,
    client: &ClientInfo,
) -> Result<Value, AppError> {
    let (u, ip) = (user.clone(), client.ip.clone());
    state
        .db
        .write(move |conn| {
            let doc = document(conn, &u)?;
            Entry::new(Action::AccountExported)
                .actor(u.id, &u.username)
                .ip(Some(&ip))
                .write(conn)?;
            Ok(doc)
        })
        .await
}
