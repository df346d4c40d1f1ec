//! Email: an outbox written in the transaction that has something to say, and a sender that works
//! it after commit, off the request. A notification mail says only that something happened and
//! links to it: never a title, a post's text or a name, which could carry PHI into an inbox. It
//! goes only to an address its owner confirmed (see [`super::confirm`]). The SMTP settings come
//! from one URL whose password never reaches a log, an error message or `Debug`.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::confirm;
use crate::db::outbox;
use crate::db::{now, AnyConnection, Db};
use crate::error::AppError;

/// Sending tries, after which a mail is dropped (its notification is still in the app).
const MAX_ATTEMPTS: i32 = 5;
/// Mails taken per round.
const BATCH: i64 = 20;
/// A claimed mail not sent after this long (a server stopped mid-send) is tried again.
const CLAIM_MINUTES: i64 = 10;

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// `smtp://HOST[:PORT]`: no TLS and no credentials, for a relay on a trusted network.
    Plain,
    /// `smtps://…` (port 465 by default): TLS from the first byte.
    ImplicitTls,
    /// `smtp://…?tls=required` (port 587 by default): STARTTLS, and no mail if the server does not
    /// offer it.
    StartTls,
}

/// The SMTP account, from the URL's user and password (percent-decoded). Its `Debug` shows the
/// user but never the password.
#[derive(Clone)]
pub struct SmtpCredentials {
    user: String,
    password: String,
}

impl std::fmt::Debug for SmtpCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpCredentials")
            .field("user", &self.user)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// The admin's SMTP settings (`KINDRED_SMTP_URL`, `KINDRED_SMTP_FROM`, `KINDRED_PUBLIC_URL`).
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub credentials: Option<SmtpCredentials>,
    pub from: Mailbox,
    /// The forum's address as members reach it, for links in mail (no trailing slash).
    pub public_url: String,
}

/// Percent-decodes a part of the URL's user information. Messages never quote it.
fn decoded(part: &str, what: &str) -> anyhow::Result<String> {
    percent_encoding::percent_decode_str(part)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            anyhow::anyhow!(
                "the {what} in KINDRED_SMTP_URL is not valid UTF-8 once percent-decoded"
            )
        })
}

impl SmtpSettings {
    /// One of three forms (every message here names the form, never the URL, which may hold a
    /// password):
    /// - `smtp://HOST[:PORT]` (port 25): a relay on a trusted network, usually a local MTA that
    ///   handles TLS and authentication onwards; credentials are refused, since they would cross
    ///   the network in clear;
    /// - `smtps://[USER:PASSWORD@]HOST[:PORT]` (port 465): implicit TLS;
    /// - `smtp://[USER:PASSWORD@]HOST[:PORT]?tls=required` (port 587): STARTTLS, required.
    ///
    /// User and password are percent-decoded (write `@` as `%40`, `:` as `%3A`).
    pub fn parse(url: &str, from: Option<&str>, public_url: &str) -> anyhow::Result<SmtpSettings> {
        // The url crate's errors say what is wrong ("invalid port number"), never the input.
        let parsed = url::Url::parse(url)
            .map_err(|e| anyhow::anyhow!("KINDRED_SMTP_URL is not a valid URL: {e}"))?;
        let mut tls_required = false;
        for (key, value) in parsed.query_pairs() {
            match (key.as_ref(), value.as_ref()) {
                ("tls", "required") => tls_required = true,
                _ => anyhow::bail!(
                    "KINDRED_SMTP_URL may carry only ?tls=required (STARTTLS, refusing to send without it)"
                ),
            }
        }
        let (security, default_port) = match (parsed.scheme(), tls_required) {
            ("smtp", false) => (SmtpSecurity::Plain, 25),
            ("smtp", true) => (SmtpSecurity::StartTls, 587),
            ("smtps", false) => (SmtpSecurity::ImplicitTls, 465),
            ("smtps", true) => anyhow::bail!(
                "KINDRED_SMTP_URL: smtps:// is TLS from the start; ?tls=required is for smtp:// (STARTTLS)"
            ),
            _ => anyhow::bail!(
                "KINDRED_SMTP_URL must look like smtp://HOST:PORT (a relay on a trusted network), \
                 smtps://USER:PASSWORD@HOST:465 or smtp://USER:PASSWORD@HOST:587?tls=required"
            ),
        };
        if !matches!(parsed.path(), "" | "/") || parsed.fragment().is_some() {
            anyhow::bail!("KINDRED_SMTP_URL must have no path after the host and port");
        }
        let credentials = match (parsed.username(), parsed.password()) {
            ("", None) => None,
            ("", Some(_)) => anyhow::bail!("KINDRED_SMTP_URL has a password but no user"),
            (_, None) => anyhow::bail!("KINDRED_SMTP_URL has a user but no password"),
            (user, Some(password)) => Some(SmtpCredentials {
                user: decoded(user, "user")?,
                password: decoded(password, "password")?,
            }),
        };
        if credentials.is_some() && security == SmtpSecurity::Plain {
            anyhow::bail!(
                "KINDRED_SMTP_URL has credentials but no TLS, so they would cross the network in clear: \
                 use smtps://USER:PASSWORD@HOST:465, or smtp://USER:PASSWORD@HOST:587?tls=required for STARTTLS"
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
        let settings = SmtpSettings {
            host,
            port: parsed.port().unwrap_or(default_port),
            security,
            credentials,
            from,
            public_url: public_url.trim_end_matches('/').to_owned(),
        };
        // Fails now, not at the first mail, on a host TLS cannot be checked against.
        settings
            .transport()
            .map_err(|e| anyhow::anyhow!("KINDRED_SMTP_URL cannot be used for TLS: {e}"))?;
        Ok(settings)
    }

    /// The mail transport: certificates checked against the web's root authorities (rustls with
    /// webpki-roots), TLS 1.2 or newer.
    pub fn transport(
        &self,
    ) -> Result<AsyncSmtpTransport<Tokio1Executor>, lettre::transport::smtp::Error> {
        type Smtp = AsyncSmtpTransport<Tokio1Executor>;
        let builder = match self.security {
            SmtpSecurity::Plain => Smtp::builder_dangerous(self.host.as_str()),
            SmtpSecurity::ImplicitTls => Smtp::relay(&self.host)?,
            SmtpSecurity::StartTls => Smtp::starttls_relay(&self.host)?,
        };
        let mut builder = builder
            .port(self.port)
            .timeout(Some(Duration::from_secs(20)));
        if let Some(c) = &self.credentials {
            builder = builder.credentials(Credentials::new(c.user.clone(), c.password.clone()));
        }
        Ok(builder.build())
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
        crate::messages::NOTICE_KIND => (
            "You have a new message on Kindred",
            "Someone sent you a private message on Kindred.",
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
/// send them too. A notification goes only to a confirmed address of a member who still wants
/// it; a confirmation mail only to an address still unconfirmed, with a link made now. Anything
/// else is dropped.
fn claim(conn: &mut AnyConnection) -> Result<Vec<Claimed>, AppError> {
    let stale = now() - time::Duration::minutes(CLAIM_MINUTES);
    let mut out = Vec::new();
    for mail in outbox::due(conn, stale, BATCH)? {
        let confirmed = mail.email_confirmed_at.is_some();
        let (to, link) = match (mail.email, mail.kind.as_str()) {
            (Some(to), confirm::KIND) if !confirmed => {
                let link = confirm::mint(conn, mail.user_id, &to)?;
                (to, link)
            }
            (Some(to), kind) if kind != confirm::KIND && confirmed && mail.email_notifications => {
                (to, mail.link)
            }
            _ => {
                outbox::delete(conn, mail.id)?;
                continue;
            }
        };
        outbox::claim(conn, mail.id)?;
        out.push(Claimed {
            id: mail.id,
            to,
            kind: mail.kind,
            link,
        });
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
    let url = &smtp.public_url;
    let (subject, body) = if kind == confirm::KIND {
        // What it is and the link: nothing about the account, in case the address was mistyped.
        (
            "Confirm your email address for Kindred",
            format!(
                "Confirm this email address for Kindred by opening the link below and pressing the button there:\n{url}{link}\n\nThe link works once, for {} hours. If you did not ask for this, ignore this email.\n",
                confirm::LINK_HOURS
            ),
        )
    } else {
        let (subject, line) = wording(kind);
        (
            subject,
            format!(
                "{line}\n\nRead it here (you may need to sign in):\n{url}{link}\n\nYou get these emails because you asked for them on your account page; turn them off there at any time.\n"
            ),
        )
    };
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
    // Checked when the settings were parsed, so this fails only if that check was skipped.
    let mailer = match smtp.transport() {
        Ok(m) => m,
        Err(e) => {
            tracing::error!(error = %e, "the SMTP transport could not be set up; no email will be sent");
            return;
        }
    };
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
                        tracing::warn!(outbox_id = id, error = %e, "sending an email failed");
                        false
                    }
                },
                Err(e) => {
                    tracing::warn!(outbox_id = id, error = %e, "an email could not be built");
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
    /// The member followed the link sent to the address; until then it gets no mail.
    pub email_confirmed: bool,
    pub email_notifications: bool,
    /// Whether this forum sends email at all (the admin configured SMTP).
    pub available: bool,
}

/// Sets the member's address and whether they want email. Turning it on needs an address and
/// SMTP configured; an empty address turns email off. A new address starts unconfirmed, with a
/// confirmation mail queued in the same transaction.
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
    let row = state
        .db
        .write(move |conn| {
            use crate::db::users;
            let before = users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            users::set_email_preference(conn, id, email.as_deref(), wanted)?;
            if before.email != email {
                confirm::address_changed(conn, id, email.is_some(), available)?;
            }
            users::by_id(conn, id)?.ok_or(AppError::NotFound)
        })
        .await?;
    Ok(preference(state, &row))
}

pub fn preference(state: &crate::state::AppState, user: &crate::db::users::UserRow) -> Preference {
    Preference {
        email: user.email.clone(),
        email_confirmed: user.email_confirmed(),
        email_notifications: user.email_notifications,
        available: state.settings.smtp.is_some(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const FROM: Option<&str> = Some("Kindred <noreply@example.org>");
    const PUBLIC: &str = "https://forum.example.org/";
    /// In every URL with credentials below; no message or `Debug` may show it.
    const PASSWORD: &str = "Zq7-hunter2";

    fn parse(url: &str) -> anyhow::Result<SmtpSettings> {
        SmtpSettings::parse(url, FROM, PUBLIC)
    }

    fn refused(url: &str) -> String {
        let message = match parse(url) {
            Ok(s) => panic!("{url} was accepted: {s:?}"),
            Err(e) => format!("{e:#}"),
        };
        assert!(
            !message.contains(PASSWORD) && !message.contains("mailer"),
            "the message quotes the credentials: {message}"
        );
        message
    }

    #[test]
    fn a_plain_relay_has_no_tls_no_credentials_and_port_25_unless_given() {
        let s = parse("smtp://relay.internal").unwrap();
        assert_eq!((s.security, s.port), (SmtpSecurity::Plain, 25));
        assert!(s.credentials.is_none());
        assert_eq!(s.public_url, "https://forum.example.org");
        let s = parse("smtp://[::1]:2525").unwrap();
        assert_eq!((s.host.as_str(), s.port), ("::1", 2525));
    }

    #[test]
    fn smtps_is_implicit_tls_on_465_with_percent_decoded_credentials() {
        let s = parse(&format!(
            "smtps://mailer%40example.org:{PASSWORD}%40%3A%2F@smtp.example.org"
        ))
        .unwrap();
        assert_eq!((s.security, s.port), (SmtpSecurity::ImplicitTls, 465));
        let c = s.credentials.unwrap();
        assert_eq!(c.user, "mailer@example.org");
        assert_eq!(c.password, format!("{PASSWORD}@:/"));
        let s = parse("smtps://smtp.example.org:4650").unwrap();
        assert_eq!((s.port, s.credentials.is_none()), (4650, true));
    }

    #[test]
    fn tls_required_is_starttls_on_587_unless_a_port_is_given() {
        let s = parse(&format!(
            "smtp://mailer:{PASSWORD}@smtp.example.org?tls=required"
        ))
        .unwrap();
        assert_eq!((s.security, s.port), (SmtpSecurity::StartTls, 587));
        assert_eq!(s.credentials.unwrap().user, "mailer");
        let s = parse(&format!(
            "smtp://mailer:{PASSWORD}@smtp.example.org:2587?tls=required"
        ))
        .unwrap();
        assert_eq!((s.security, s.port), (SmtpSecurity::StartTls, 2587));
    }

    #[test]
    fn credentials_over_plain_smtp_are_refused_without_quoting_them() {
        let m = refused(&format!("smtp://mailer:{PASSWORD}@smtp.example.org:587"));
        assert!(m.contains("no TLS") && m.contains("tls=required"), "{m}");
    }

    #[test]
    fn other_forms_are_refused_with_a_message_that_quotes_no_credentials() {
        for (url, says) in [
            (
                format!("http://mailer:{PASSWORD}@smtp.example.org"),
                "must look like",
            ),
            (
                format!("smtps://mailer:{PASSWORD}@smtp.example.org?tls=required"),
                "smtps://",
            ),
            (
                format!("smtp://mailer:{PASSWORD}@smtp.example.org?tls=opportunistic"),
                "tls=required",
            ),
            (
                format!("smtp://mailer:{PASSWORD}@smtp.example.org?tls=required&x=1"),
                "tls=required",
            ),
            ("smtps://mailer@smtp.example.org".to_owned(), "no password"),
            (format!("smtps://:{PASSWORD}@smtp.example.org"), "no user"),
            (
                format!("smtps://mailer:{PASSWORD}@smtp.example.org/inbox"),
                "no path",
            ),
            (
                format!("smtps://mailer:{PASSWORD}@smtp.example.org:99999"),
                "not a valid URL",
            ),
            (format!("smtps://mailer:{PASSWORD}@"), "not a valid URL"),
        ] {
            let m = refused(&url);
            assert!(m.contains(says), "{url}: {m}");
        }
    }

    #[test]
    fn debug_shows_the_user_but_never_the_password() {
        let s = parse(&format!("smtps://mailer:{PASSWORD}@smtp.example.org")).unwrap();
        let d = format!("{s:?} {s:#?}");
        assert!(!d.contains(PASSWORD), "{d}");
        assert!(d.contains("mailer") && d.contains("<redacted>"), "{d}");
    }
}
