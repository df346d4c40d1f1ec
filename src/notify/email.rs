//! Email notifications: an outbox written in the notifying transaction, and a sender that works
//! it after commit, off the request. A mail says only that something happened and links to it:
//! never a title, a post's text or a name, which could carry PHI into an inbox.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::db::outbox;
use crate::db::{now, AnyConnection, Db};
use crate::error::AppError;

/// Sending tries, after which a mail is dropped (its notification is still in the app).
const MAX_ATTEMPTS: i32 = 5;
/// Mails taken per round.
const BATCH: i64 = 20;
/// A claimed mail not sent after this long (a server stopped mid-send) is tried again.
const CLAIM_MINUTES: i64 = 10;

/// The admin's SMTP settings (`KINDRED_SMTP_URL`, `KINDRED_SMTP_FROM`, `KINDRED_PUBLIC_URL`).
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub from: Mailbox,
    /// The forum's address as members reach it, for links in mail (no trailing slash).
    pub public_url: String,
}

impl SmtpSettings {
    /// `smtp://HOST[:PORT]` (port 25 by default) for a relay on a trusted network, usually a local
    /// MTA that handles TLS and authentication onwards.
    pub fn parse(url: &str, from: Option<&str>, public_url: &str) -> anyhow::Result<SmtpSettings> {
        let parsed = url::Url::parse(url)
            .map_err(|e| anyhow::anyhow!("KINDRED_SMTP_URL is not a valid URL: {e}"))?;
        if parsed.scheme() != "smtp" {
            anyhow::bail!(
                "KINDRED_SMTP_URL must look like smtp://HOST:PORT (a relay on a trusted network)"
            );
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            anyhow::bail!(
                "KINDRED_SMTP_URL must not hold credentials: relay through a local MTA instead"
            );
        }
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| anyhow::anyhow!("KINDRED_SMTP_URL names no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let from = from
            .ok_or_else(|| anyhow::anyhow!("KINDRED_SMTP_FROM is required with KINDRED_SMTP_URL"))?
            .parse::<Mailbox>()
            .map_err(|e| anyhow::anyhow!("KINDRED_SMTP_FROM is not an email address: {e}"))?;
        let public = url::Url::parse(public_url)
            .map_err(|e| anyhow::anyhow!("KINDRED_PUBLIC_URL is not a valid URL: {e}"))?;
        if !matches!(public.scheme(), "http" | "https") {
            anyhow::bail!("KINDRED_PUBLIC_URL must start with http:// or https://");
        }
        Ok(SmtpSettings {
            host,
            port: parsed.port().unwrap_or(25),
            from,
            public_url: public_url.trim_end_matches('/').to_owned(),
        })
    }
}

/// Queues a mail for a member (inside the caller's transaction):
/// `queue(conn, user_id, kind, link)`.
pub use outbox::insert as queue;

/// The subject and the one line a mail says, by notification kind.
fn wording(kind: &str) -> (&'static str, &'static str) {
    match kind {
        super::kind::MENTION => (
            "You were mentioned on Kindred",
            "Someone mentioned you on Kindred.",
        ),
        super::kind::WATCHED_GROUP => (
            "A new thread on Kindred",
            "There is a new thread in a group you watch on Kindred.",
        ),
        _ => (
            "You have a new reply on Kindred",
            "You have a new reply on Kindred.",
        ),
    }
}

/// One mail to send.
struct Claimed {
    /// The outbox row.
    id: i64,
    to: String,
    kind: String,
    link: String,
}

/// Takes up to a batch of due mails for sending, marking them claimed so another server does not
/// send them too; mails to members who have since opted out or removed their address are dropped.
fn claim(conn: &mut AnyConnection) -> Result<Vec<Claimed>, AppError> {
    let stale = now() - time::Duration::minutes(CLAIM_MINUTES);
    let mut out = Vec::new();
    for mail in outbox::due(conn, stale, BATCH)? {
        let wanted = mail.email_notifications;
        match mail.email.filter(|_| wanted) {
            Some(to) => {
                outbox::claim(conn, mail.id)?;
                out.push(Claimed {
                    id: mail.id,
                    to,
                    kind: mail.kind,
                    link: mail.link,
                });
            }
            None => outbox::delete(conn, mail.id)?,
        }
    }
    Ok(out)
}

/// After a try: a sent mail goes; a failed one waits for the next round, up to [`MAX_ATTEMPTS`].
fn settle(conn: &mut AnyConnection, id: i64, sent: bool) -> Result<(), AppError> {
    if sent {
        outbox::delete(conn, id)
    } else {
        outbox::release(conn, id, MAX_ATTEMPTS)
    }
}

fn message(smtp: &SmtpSettings, to: &str, kind: &str, link: &str) -> anyhow::Result<Message> {
    let (subject, line) = wording(kind);
    let body = format!(
        "{line}\n\nRead it here (you may need to sign in):\n{}{link}\n\nYou get these emails because you asked for them on your account page; turn them off there at any time.\n",
        smtp.public_url
    );
    Ok(Message::builder()
        .from(smtp.from.clone())
        .to(to.parse::<Mailbox>()?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)?)
}

/// Sends what the outbox holds, once a second, for as long as the server runs. Logs say which
/// outbox row failed and why, never the address.
pub async fn run(db: Db, smtp: SmtpSettings) {
    let mailer: AsyncSmtpTransport<Tokio1Executor> =
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(smtp.host.clone())
            .port(smtp.port)
            .timeout(Some(Duration::from_secs(20)))
            .build();
    let mut tick = actix_web::rt::time::interval(Duration::from_secs(1));
    loop {
        tick.tick().await;
        let batch = match db.write(claim).await {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(error = %e, "reading the email outbox failed");
                continue;
            }
        };
        for Claimed { id, to, kind, link } in batch {
            let sent = match message(&smtp, &to, &kind, &link) {
                Ok(m) => match mailer.send(m).await {
                    Ok(_) => true,
                    Err(e) => {
                        tracing::warn!(outbox_id = id, error = %e, "sending a notification email failed");
                        false
                    }
                },
                Err(e) => {
                    tracing::warn!(outbox_id = id, error = %e, "a notification email could not be built");
                    false
                }
            };
            if let Err(e) = db.write(move |conn| settle(conn, id, sent)).await {
                tracing::warn!(outbox_id = id, error = %e, "recording a sent email failed");
            }
        }
    }
}

/// Without SMTP configured nothing is sent: queued mails (from an earlier configuration) are
/// dropped hourly rather than kept.
pub fn discard_all(conn: &mut AnyConnection) -> Result<(), AppError> {
    outbox::delete_all(conn)
}

/// The member's email preference, as the account page shows it.
#[derive(serde::Serialize, Clone, Debug)]
pub struct Preference {
    pub email: Option<String>,
    pub email_notifications: bool,
    /// Whether this forum sends email at all (the admin configured SMTP).
    pub available: bool,
}

/// Sets the member's address and whether they want email. Turning it on needs an address and
/// SMTP configured; an empty address turns email off.
pub async fn set_preference(
    state: &crate::state::AppState,
    user: &crate::db::users::UserRow,
    email: Option<String>,
    wanted: bool,
) -> Result<Preference, AppError> {
    let available = state.settings.smtp.is_some();
    let email = crate::domain::Email::parse_optional(email.as_deref().map(str::trim))?
        .map(|e| e.as_str().to_owned());
    if wanted && !available {
        return Err(AppError::validation(
            "email_notifications",
            "This forum does not send email: its administrator has not set it up.",
        ));
    }
    if wanted && email.is_none() {
        return Err(AppError::validation(
            "email",
            "Give an email address to be emailed about notifications.",
        ));
    }
    let id = user.id;
    let stored = email.clone();
    state
        .db
        .write(move |conn| {
            crate::db::users::set_email_preference(conn, id, stored.as_deref(), wanted)
        })
        .await?;
    Ok(Preference {
        email,
        email_notifications: wanted,
        available,
    })
}

pub fn preference(state: &crate::state::AppState, user: &crate::db::users::UserRow) -> Preference {
    Preference {
        email: user.email.clone(),
        email_notifications: user.email_notifications,
        available: state.settings.smtp.is_some(),
    }
}
