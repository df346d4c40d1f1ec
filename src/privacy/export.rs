//! "Download your data": every record the forum holds about a member, as one JSON document. It
//! holds what they wrote and what was done to their account, and nothing about other people beyond
//! what they could already see: no other reporter of a post, no moderator's name, no title of
//! someone else's thread they can no longer see.
//!
//! One section per part of the document, each read by its own query in `db/` into a projection
//! that cannot select what the document must not hold. Ids are strings and times RFC 3339, as
//! everywhere in the API; the key names are the contract of `GET /me/export` (`format`
//! `kindred-export/1`).

use std::collections::HashMap;

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{Action, Entry};
use crate::auth::client::ClientInfo;
use crate::db::audit::{AnonymousEventRow, OwnEventRow};
use crate::db::clinicians::ExportApplicationRow;
use crate::db::flags::FlagRow;
use crate::db::groups::ExportMembershipRow;
use crate::db::notifications::NotificationRow;
use crate::db::posts::ExportPostRow;
use crate::db::revisions::RevisionRow;
use crate::db::sanctions::ExportSanctionRow;
use crate::db::threads::ExportThreadRow;
use crate::db::users::{Badge, UserRow};
use crate::db::{self, rfc3339, AnyConnection};
use crate::error::AppError;
use crate::posting::{visibility, PostStatus};
use crate::state::AppState;

use super::sessions::{self, Current, SignInView};

/// The document's format, for whoever reads an export later.
pub const FORMAT: &str = "kindred-export/1";

/// Audit actions that describe the account's own sign-ins and security changes.
const ACCOUNT_ACTION_PREFIXES: [&str; 5] =
    ["sign_in.", "sign_out", "token.", "account.", "two_factor."];

/// What the member is told of a failed sign-in on their account by someone who did not get in.
const SOMEONE_TRIED: &str = "someone tried to sign in to your account";

/// The whole document, its sections in the order they are written.
#[derive(Serialize, Debug)]
pub struct Export {
    pub format: &'static str,
    pub exported_at: String,
    pub profile: ExportProfile,
    pub memberships: Vec<ExportMembership>,
    pub threads_started: Vec<ExportThread>,
    pub posts: Vec<ExportPost>,
    pub reports: Vec<ExportReport>,
    pub notifications: Vec<ExportNotification>,
    pub sign_in_history: Vec<ExportEvent>,
    pub signed_in_now: Vec<SignInView>,
    pub clinician_applications: Vec<ExportApplication>,
    pub sanctions: Vec<ExportSanction>,
    /// The member's appeals and their answers (not which moderators decided).
    pub appeals: Vec<ExportAppeal>,
    /// The private messages the member wrote (others' messages are theirs, not in this export).
    pub private_messages: Vec<ExportMessage>,
    /// The members they blocked, by name.
    pub blocked_members: Vec<String>,
    /// The images they uploaded: described, with where to download each (the pixels themselves
    /// stay at `url`, served to their uploader whatever their state, until rejected).
    pub images: Vec<ExportImage>,
}

#[derive(Serialize, Debug)]
pub struct ExportImage {
    pub id: String,
    pub url: String,
    pub alt: String,
    pub format: String,
    pub width: i32,
    pub height: i32,
    pub status: String,
    /// A moderator's reason, when they rejected it (never who decided).
    pub reason: Option<String>,
    pub created_at: String,
}

impl From<db::images::ImageMeta> for ExportImage {
    fn from(i: db::images::ImageMeta) -> Self {
        ExportImage {
            id: i.id.to_string(),
            url: format!("/images/{}", i.id),
            alt: i.alt,
            format: i.format,
            width: i.width,
            height: i.height,
            status: i.status,
            reason: i.decision_reason,
            created_at: rfc3339(i.created_at),
        }
    }
}

#[derive(Serialize, Debug)]
pub struct ExportMessage {
    pub id: String,
    pub conversation_id: String,
    pub body_markdown: String,
    /// They were shown what looked like an identifier and chose to send it.
    pub confirmed_phi: bool,
    pub created_at: String,
}

impl From<db::messages::MessageRow> for ExportMessage {
    fn from(m: db::messages::MessageRow) -> Self {
        ExportMessage {
            id: m.id.to_string(),
            conversation_id: m.conversation_id.to_string(),
            body_markdown: m.body_md,
            confirmed_phi: m.phi_confirmed,
            created_at: rfc3339(m.created_at),
        }
    }
}

#[derive(Serialize, Debug)]
pub struct ExportProfile {
    pub id: String,
    pub username: String,
    pub email: Option<String>,
    /// Whether the member followed the link sent to `email` (no mail goes to it before).
    pub email_confirmed: bool,
    pub email_confirmed_at: Option<String>,
    /// Whether the member asked to be emailed about notifications.
    pub email_notifications: bool,
    /// The role as stored.
    pub role: String,
    pub member_since: String,
    pub two_factor_enabled: bool,
    pub badge: Option<Badge>,
}

#[derive(Serialize, Debug)]
pub struct ExportMembership {
    pub group: String,
    pub group_name: String,
    /// `member` or `pending`.
    pub state: String,
    pub group_moderator: bool,
    pub requested_at: String,
    pub joined_at: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ExportThread {
    pub id: String,
    pub group: String,
    pub title: String,
    pub status: PostStatus,
    pub created_at: String,
}

#[derive(Serialize, Debug)]
pub struct ExportPost {
    pub id: String,
    pub thread_id: String,
    /// None for someone else's thread that is not published (a held title may hold PHI).
    pub thread_title: Option<String>,
    pub group: String,
    pub parent_id: Option<String>,
    pub status: PostStatus,
    pub deleted: bool,
    /// None once the text was deleted or purged.
    pub body_markdown: Option<String>,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub deleted_at: Option<String>,
    pub moderator_reason: Option<String>,
    pub revisions: Vec<ExportRevision>,
}

#[derive(Serialize, Debug)]
pub struct ExportRevision {
    pub body_markdown: String,
    pub written_at: String,
}

#[derive(Serialize, Debug)]
pub struct ExportReport {
    pub post_id: String,
    pub reason: String,
    pub note: Option<String>,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ExportNotification {
    pub kind: String,
    pub text: String,
    pub link: String,
    pub created_at: String,
    pub read_at: Option<String>,
}

/// One event of the sign-in history.
#[derive(Serialize, Debug)]
pub struct ExportEvent {
    /// What the history is ordered by.
    #[serde(skip)]
    pub when: PrimitiveDateTime,
    pub at: String,
    /// The audit action, e.g. `sign_in.succeeded`.
    pub event: String,
    /// The member's own address; None for someone else's failed attempt.
    pub ip: Option<String>,
    pub detail: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ExportApplication {
    pub npi: String,
    pub license_state: String,
    pub license_number: String,
    pub specialty: String,
    pub note: Option<String>,
    pub status: String,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub reason: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ExportSanction {
    pub kind: String,
    pub reason: String,
    pub until: Option<String>,
    pub created_at: String,
    pub lifted_at: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ExportAppeal {
    pub post_id: Option<String>,
    pub sanction_id: Option<String>,
    pub text: String,
    pub status: String,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub reason: Option<String>,
}

impl From<db::appeals::AppealRow> for ExportAppeal {
    fn from(a: db::appeals::AppealRow) -> Self {
        ExportAppeal {
            post_id: a.post_id.map(|id| id.to_string()),
            sanction_id: a.sanction_id.map(|id| id.to_string()),
            text: a.text,
            status: a.status,
            created_at: rfc3339(a.created_at),
            decided_at: opt_t(a.decided_at),
            reason: a.reason,
        }
    }
}

fn opt_t(t: Option<PrimitiveDateTime>) -> Option<String> {
    t.map(rfc3339)
}

fn profile(user: &UserRow) -> ExportProfile {
    ExportProfile {
        id: user.id.to_string(),
        username: user.username.clone(),
        email: user.email.clone(),
        email_confirmed: user.email_confirmed(),
        email_confirmed_at: opt_t(user.email_confirmed_at.filter(|_| user.email.is_some())),
        email_notifications: user.email_notifications,
        role: user.role.clone(),
        member_since: rfc3339(user.created_at),
        two_factor_enabled: user.totp_enabled(),
        badge: user.badge(),
    }
}

impl From<ExportMembershipRow> for ExportMembership {
    fn from(m: ExportMembershipRow) -> Self {
        ExportMembership {
            group: m.group_slug,
            group_name: m.group_name,
            state: m.state,
            group_moderator: m.is_moderator,
            requested_at: rfc3339(m.requested_at),
            joined_at: opt_t(m.joined_at),
        }
    }
}

impl From<ExportThreadRow> for ExportThread {
    fn from(t: ExportThreadRow) -> Self {
        ExportThread {
            id: t.id.to_string(),
            group: t.group_slug,
            title: t.title,
            status: t.status,
            created_at: rfc3339(t.created_at),
        }
    }
}

/// The member's posts, each with its earlier versions: two queries.
fn posts(conn: &mut AnyConnection, uid: i64) -> Result<Vec<ExportPost>, AppError> {
    let rows = db::posts::authored_for_export(conn, uid)?;
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let mut revisions: HashMap<i64, Vec<ExportRevision>> = HashMap::new();
    for r in db::revisions::of_posts(conn, &ids)? {
        revisions.entry(r.post_id).or_default().push(revision(r));
    }
    Ok(rows
        .into_iter()
        .map(|p| {
            let revisions = revisions.remove(&p.id).unwrap_or_default();
            post(p, uid, revisions)
        })
        .collect())
}

fn revision(r: RevisionRow) -> ExportRevision {
    ExportRevision {
        body_markdown: r.body_md,
        written_at: rfc3339(r.created_at),
    }
}

fn post(p: ExportPostRow, uid: i64, revisions: Vec<ExportRevision>) -> ExportPost {
    // Someone else's thread title only while it is public: a held title may hold PHI.
    let title_shown =
        visibility::can_see_content(p.thread_status, p.thread_author_id == Some(uid), false);
    ExportPost {
        id: p.id.to_string(),
        thread_id: p.thread_id.to_string(),
        thread_title: title_shown.then_some(p.thread_title),
        group: p.group_slug,
        parent_id: p.parent_id.map(|id| id.to_string()),
        status: p.status,
        deleted: p.deleted_at.is_some(),
        body_markdown: p.body_md,
        created_at: rfc3339(p.created_at),
        edited_at: opt_t(p.edited_at),
        deleted_at: opt_t(p.deleted_at),
        moderator_reason: p.decision_reason,
        revisions,
    }
}

impl From<FlagRow> for ExportReport {
    fn from(f: FlagRow) -> Self {
        ExportReport {
            post_id: f.post_id.to_string(),
            reason: f.reason,
            note: f.note,
            created_at: rfc3339(f.created_at),
            resolved_at: opt_t(f.resolved_at),
        }
    }
}

impl From<NotificationRow> for ExportNotification {
    fn from(n: NotificationRow) -> Self {
        ExportNotification {
            kind: n.kind,
            text: n.text,
            link: n.link,
            created_at: rfc3339(n.created_at),
            read_at: opt_t(n.read_at),
        }
    }
}

impl From<OwnEventRow> for ExportEvent {
    fn from(e: OwnEventRow) -> Self {
        ExportEvent {
            when: e.at,
            at: rfc3339(e.at),
            event: e.action,
            ip: e.ip,
            detail: e.reason,
        }
    }
}

impl From<AnonymousEventRow> for ExportEvent {
    fn from(e: AnonymousEventRow) -> Self {
        ExportEvent {
            when: e.at,
            at: rfc3339(e.at),
            event: e.action,
            ip: None,
            detail: Some(SOMEONE_TRIED.to_owned()),
        }
    }
}

/// Their own account events, with the address they came from; failed sign-ins on their account
/// by someone who did not get in, without that person's address. In time order.
fn sign_in_history(conn: &mut AnyConnection, user: &UserRow) -> Result<Vec<ExportEvent>, AppError> {
    let mut history: Vec<ExportEvent> = db::audit::by_actor(conn, user.id)?
        .into_iter()
        .filter(|e| {
            ACCOUNT_ACTION_PREFIXES
                .iter()
                .any(|p| e.action.starts_with(p))
        })
        .map(ExportEvent::from)
        .collect();
    let failures = [
        Action::SignInFailed.as_str(),
        Action::AccountLocked.as_str(),
    ];
    history.extend(
        db::audit::anonymous_on(conn, &user.username, &failures)?
            .into_iter()
            .map(ExportEvent::from),
    );
    // Stable: events at the same instant keep the order above.
    history.sort_by_key(|e| e.when);
    Ok(history)
}

impl From<ExportApplicationRow> for ExportApplication {
    fn from(a: ExportApplicationRow) -> Self {
        ExportApplication {
            npi: a.npi,
            license_state: a.license_state,
            license_number: a.license_number,
            specialty: a.specialty,
            note: a.note,
            status: a.status,
            created_at: rfc3339(a.created_at),
            decided_at: opt_t(a.decided_at),
            reason: a.reason,
        }
    }
}

impl From<ExportSanctionRow> for ExportSanction {
    fn from(s: ExportSanctionRow) -> Self {
        ExportSanction {
            kind: s.kind,
            reason: s.reason,
            until: opt_t(s.until),
            created_at: rfc3339(s.created_at),
            lifted_at: opt_t(s.lifted_at),
        }
    }
}

/// Every row of a query, each made into its section's entry.
fn all<R, T: From<R>>(rows: Vec<R>) -> Vec<T> {
    rows.into_iter().map(T::from).collect()
}

/// Builds the document; reads only (the audit entry is written by [`export`]).
pub fn document(conn: &mut AnyConnection, user: &UserRow) -> Result<Export, AppError> {
    let uid = user.id;
    Ok(Export {
        format: FORMAT,
        exported_at: rfc3339(db::now()),
        profile: profile(user),
        memberships: all(db::groups::memberships_for_export(conn, uid)?),
        threads_started: all(db::threads::started_for_export(conn, uid)?),
        posts: posts(conn, uid)?,
        reports: all(db::flags::by_reporter(conn, uid)?),
        notifications: all(db::notifications::all_of(conn, uid)?),
        sign_in_history: sign_in_history(conn, user)?,
        signed_in_now: sessions::list_in(conn, uid, &Current::Api(None))?,
        clinician_applications: all(db::clinicians::for_export(conn, uid)?),
        sanctions: all(db::sanctions::for_export(conn, uid)?),
        appeals: all(db::appeals::of_member(conn, uid)?),
        private_messages: all(db::messages::by_author(conn, uid)?),
        images: all(db::images::of_uploader(conn, uid)?),
        blocked_members: db::blocks::blocked_by(conn, uid)?
            .into_iter()
            .map(|b| b.username)
            .collect(),
    })
}

/// The member's export, with its audit entry (`account.exported`) in the same transaction.
pub async fn export(
    state: &AppState,
    user: &UserRow,
    client: &ClientInfo,
) -> Result<Export, AppError> {
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
