//! The audit trail: an append-only table (the database refuses updates and deletes) of who did
//! what, when and from where, chained by hashes so that an entry changed or removed behind the
//! triggers' back shows (see [`chain`]). Entries never hold a password, token, code or post body.

pub mod browse;
pub mod chain;

use diesel::connection::TransactionManager;
use diesel::prelude::*;

use crate::db::schema::audit_log;
use crate::db::AnyConnection;
use crate::error::AppError;

/// The PostgreSQL advisory lock that serialises appends, so two transactions never both chain onto
/// the same latest entry. Held until the transaction ends.
const CHAIN_LOCK_KEY: i64 = 0x6b696e_6175646974;

/// What happened, as stored in `audit_log.action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Registered,
    SignInSucceeded,
    SignInFailed,
    AccountLocked,
    SignedOut,
    RefreshTokenReused,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodeUsed,
    RoleChanged,
    UserCreatedByCli,
    GroupCreated,
    GroupUpdated,
    JoinRequestAccepted,
    MemberRemoved,
    GroupModeratorAdded,
    GroupModeratorRemoved,
    ThreadUpdated,
    PostDeletedByModerator,
    RevisionsViewed,
    HeldPostViewed,
    PostFlagged,
    PostAutoHidden,
    PostApproved,
    PostRejected,
    PostRemoved,
    PostRestored,
    MemberWarned,
    MemberSuspended,
    MemberBanned,
    SanctionLifted,
    SettingsChanged,
    ClinicianApplied,
    ClinicianApproved,
    ClinicianRejected,
    ClinicianRevoked,
    AuditViewed,
    AccountExported,
    AccountDeleted,
    SignedOutEverywhere,
    CrisisDetected,
    CrisisResolved,
    PostNoted,
    PostNoteRemoved,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Registered => "account.registered",
            Action::SignInSucceeded => "sign_in.succeeded",
            Action::SignInFailed => "sign_in.failed",
            Action::AccountLocked => "sign_in.locked",
            Action::SignedOut => "sign_out",
            Action::RefreshTokenReused => "token.refresh_reused",
            Action::PasswordChanged => "account.password_changed",
            Action::TwoFactorEnabled => "two_factor.enabled",
            Action::TwoFactorDisabled => "two_factor.disabled",
            Action::RecoveryCodeUsed => "two_factor.recovery_code_used",
            Action::RoleChanged => "account.role_changed",
            Action::UserCreatedByCli => "account.created_by_cli",
            Action::GroupCreated => "group.created",
            Action::GroupUpdated => "group.updated",
            Action::JoinRequestAccepted => "group.request_accepted",
            Action::MemberRemoved => "group.member_removed",
            Action::GroupModeratorAdded => "group.moderator_added",
            Action::GroupModeratorRemoved => "group.moderator_removed",
            Action::ThreadUpdated => "thread.updated",
            Action::PostDeletedByModerator => "post.deleted_by_moderator",
            Action::RevisionsViewed => "post.revisions_viewed",
            Action::HeldPostViewed => "post.held_viewed",
            Action::PostFlagged => "post.flagged",
            Action::PostAutoHidden => "post.auto_hidden",
            Action::PostApproved => "moderation.approved",
            Action::PostRejected => "moderation.rejected",
            Action::PostRemoved => "moderation.removed",
            Action::PostRestored => "moderation.restored",
            Action::MemberWarned => "member.warned",
            Action::MemberSuspended => "member.suspended",
            Action::MemberBanned => "member.banned",
            Action::SanctionLifted => "member.sanction_lifted",
            Action::SettingsChanged => "settings.changed",
            Action::ClinicianApplied => "clinician.applied",
            Action::ClinicianApproved => "clinician.approved",
            Action::ClinicianRejected => "clinician.rejected",
            Action::ClinicianRevoked => "clinician.revoked",
            Action::AuditViewed => "audit.viewed",
            Action::AccountExported => "account.exported",
            Action::AccountDeleted => "account.deleted",
            Action::SignedOutEverywhere => "sign_out.everywhere",
            Action::CrisisDetected => "post.crisis_detected",
            Action::CrisisResolved => "post.crisis_resolved",
            Action::PostNoted => "post.noted",
            Action::PostNoteRemoved => "post.note_removed",
        }
    }
}

/// One entry; build it with [`Entry::new`] and the `actor`/`target`/`ip`/`reason` setters.
#[derive(Insertable, Debug)]
#[diesel(table_name = audit_log)]
pub struct Entry {
    at: time::PrimitiveDateTime,
    actor_id: Option<i64>,
    actor: Option<String>,
    action: &'static str,
    target: Option<String>,
    ip: Option<String>,
    reason: Option<String>,
    prev_hash: Option<String>,
    hash: Option<String>,
}

impl Entry {
    pub fn new(action: Action) -> Entry {
        Entry {
            at: crate::db::now(),
            actor_id: None,
            actor: None,
            action: action.as_str(),
            target: None,
            ip: None,
            reason: None,
            prev_hash: None,
            hash: None,
        }
    }

    pub fn actor(mut self, id: i64, name: &str) -> Self {
        self.actor_id = Some(id);
        self.actor = Some(name.to_owned());
        self
    }

    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn ip(mut self, ip: Option<&str>) -> Self {
        self.ip = ip.map(str::to_owned);
        self
    }

    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    fn fields(&self) -> chain::Fields<'_> {
        chain::Fields {
            at: self.at,
            actor_id: self.actor_id,
            actor: self.actor.as_deref(),
            action: self.action,
            target: self.target.as_deref(),
            ip: self.ip.as_deref(),
            reason: self.reason.as_deref(),
        }
    }

    /// Appends the entry to the chain; call it inside the use case's transaction (`Db::write`) so
    /// both commit or neither. Called outside one, it opens its own write transaction, because
    /// reading the latest hash and appending must not be split.
    pub fn write(self, conn: &mut AnyConnection) -> Result<(), AppError> {
        let depth =
            <AnyConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn)
                .transaction_depth()?;
        if depth.is_some() {
            self.append(conn)
        } else {
            crate::db::write_tx(conn, |conn| self.append(conn))
        }
    }

    fn append(mut self, conn: &mut AnyConnection) -> Result<(), AppError> {
        // SQLite: `Db::write` began with BEGIN IMMEDIATE, so this transaction is the only writer.
        // PostgreSQL: writers queue on the advisory lock; under READ COMMITTED the read below then
        // sees whatever the previous holder committed.
        if let AnyConnection::Pg(c) = conn {
            use diesel::connection::SimpleConnection;
            c.batch_execute(&format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})"))?;
        }
        let latest: Option<Option<String>> = audit_log::table
            .select(audit_log::hash)
            .order(audit_log::id.desc())
            .first(conn)
            .optional()?;
        // No entry yet, or only entries from before the chain: start from the genesis value.
        let prev = latest
            .flatten()
            .unwrap_or_else(|| chain::GENESIS.to_owned());
        self.hash = Some(chain::entry_hash(&prev, &self.fields()));
        self.prev_hash = Some(prev);
        diesel::insert_into(audit_log::table)
            .values(&self)
            .execute(conn)?;
        Ok(())
    }
}

#[derive(Queryable, Debug, Clone)]
pub struct Row {
    pub id: i64,
    pub at: time::PrimitiveDateTime,
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

/// Newest first, `limit` entries older than `before` (an entry id), for paging.
pub fn list(
    conn: &mut AnyConnection,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Row>, AppError> {
    list_filtered(
        conn,
        &Filter {
            before,
            ..Filter::default()
        },
        limit,
    )
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
pub fn list_filtered(
    conn: &mut AnyConnection,
    filter: &Filter,
    limit: i64,
) -> Result<Vec<Row>, AppError> {
    let mut q = audit_log::table
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::actor_id,
            audit_log::actor,
            audit_log::action,
            audit_log::target,
            audit_log::ip,
            audit_log::reason,
        ))
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
    Ok(q.load::<Row>(conn)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_prefixes_match_literally() {
        assert_eq!(super::like_prefix("sign_in."), "sign\\_in.%");
        assert_eq!(super::like_prefix("100%\\"), "100\\%\\\\%");
    }
}
