//! The audit trail: an append-only table (the database refuses updates and deletes) of who did
//! what, when and from where. Entries never hold a password, token, code or post body.

use diesel::prelude::*;

use crate::db::schema::audit_log;
use crate::db::AnyConnection;
use crate::error::AppError;

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

    /// Appends the entry; call it inside the use case's transaction so both commit or neither.
    pub fn write(self, conn: &mut AnyConnection) -> Result<(), AppError> {
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

/// Newest first, `limit` entries older than `before` (an entry id), for paging.
pub fn list(
    conn: &mut AnyConnection,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Row>, AppError> {
    let mut q = audit_log::table
        .into_boxed()
        .order(audit_log::id.desc())
        .limit(limit);
    if let Some(b) = before {
        q = q.filter(audit_log::id.lt(b));
    }
    Ok(q.load::<Row>(conn)?)
}
