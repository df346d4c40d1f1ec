//! The audit trail: an append-only table (the database refuses updates and deletes) of who did
//! what, when and from where, chained by hashes so that an entry changed or removed behind the
//! triggers' back shows (see [`chain`]). Entries never hold a password, token, code or post body.

pub mod browse;
pub mod chain;

use diesel::connection::{Connection, TransactionManager};

use crate::db::audit::{self as rows, NewEntry};
use crate::db::AnyConnection;
use crate::error::AppError;

pub use crate::db::audit::{AuditRow as Row, Filter};

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
    PostRevealed,
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
    ClinicianExpired,
    AuditViewed,
    AccountExported,
    AccountDeleted,
    SignedOutEverywhere,
    CrisisDetected,
    CrisisResolved,
    PostNoted,
    PostNoteRemoved,
    AppealOpened,
    AppealUpheld,
    AppealOverturned,
    ImageApproved,
    ImageRejected,
    HeldImageViewed,
    MessageReported,
    MessageReportViewed,
    MessageReportClosed,
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
            Action::PostRevealed => "post.revealed",
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
            Action::ClinicianExpired => "clinician.expired",
            Action::AuditViewed => "audit.viewed",
            Action::AccountExported => "account.exported",
            Action::AccountDeleted => "account.deleted",
            Action::SignedOutEverywhere => "sign_out.everywhere",
            Action::CrisisDetected => "post.crisis_detected",
            Action::CrisisResolved => "post.crisis_resolved",
            Action::PostNoted => "post.noted",
            Action::PostNoteRemoved => "post.note_removed",
            Action::AppealOpened => "appeal.opened",
            Action::AppealUpheld => "appeal.upheld",
            Action::AppealOverturned => "appeal.overturned",
            Action::ImageApproved => "image.approved",
            Action::ImageRejected => "image.rejected",
            Action::HeldImageViewed => "image.held_viewed",
            Action::MessageReported => "message.reported",
            Action::MessageReportViewed => "message.report_viewed",
            Action::MessageReportClosed => "message.report_closed",
        }
    }
}

/// One entry; build it with [`Entry::new`] and the `actor`/`target`/`ip`/`reason` setters.
#[derive(Debug)]
pub struct Entry {
    at: time::PrimitiveDateTime,
    actor_id: Option<i64>,
    actor: Option<String>,
    action: &'static str,
    target: Option<String>,
    ip: Option<String>,
    reason: Option<String>,
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

    fn append(self, conn: &mut AnyConnection) -> Result<(), AppError> {
        // Reading the latest hash and appending must not be split by another writer.
        rows::lock_chain(conn)?;
        // No entry yet, or only entries from before the chain: start from the genesis value.
        let prev = rows::latest_hash(conn)?.unwrap_or_else(|| chain::GENESIS.to_owned());
        let hash = chain::entry_hash(&prev, &self.fields());
        rows::insert(
            conn,
            &NewEntry {
                at: self.at,
                actor_id: self.actor_id,
                actor: self.actor.as_deref(),
                action: self.action,
                target: self.target.as_deref(),
                ip: self.ip.as_deref(),
                reason: self.reason.as_deref(),
                prev_hash: Some(&prev),
                hash: Some(&hash),
            },
        )
    }
}

/// Newest first, `limit` entries older than `before` (an entry id), for paging.
pub fn list(
    conn: &mut AnyConnection,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Row>, AppError> {
    rows::list(
        conn,
        &Filter {
            before,
            ..Filter::default()
        },
        limit,
    )
}
