//! Settings: defaults → a `KEY=VALUE` file (`--config`/`KINDRED_CONFIG`) → the environment → flags.
//! clap does the last three; the file is read into the environment first, never overriding it.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::db::DbUrl;

/// Every setting, as a flag and as an environment variable. Documented by `kindred --help`.
#[derive(Args, Clone, Debug)]
pub struct SettingsArgs {
    /// Database: sqlite://PATH (the default, nothing to install) or postgres://USER@HOST/DB.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://kindred.db",
        global = true
    )]
    pub database_url: String,

    /// Address to listen on; port 0 picks a free port (the start-up line tells which).
    #[arg(
        long,
        env = "KINDRED_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: String,

    /// Key material for cookies and tokens (32 characters or more). With SQLite it is generated and
    /// stored beside the database file (PATH.secret) on first start; PostgreSQL requires it, and every
    /// server of one deployment must share it.
    #[arg(long, env = "KINDRED_SECRET", hide_env_values = true, global = true)]
    pub secret: Option<String>,

    /// Posts a member may make per minute (moderators and admins are exempt); 0 turns the limit off.
    #[arg(
        long,
        env = "KINDRED_POSTS_PER_MINUTE",
        default_value_t = 10,
        global = true
    )]
    pub posts_per_minute: u32,

    /// Live PHI checks (`POST /api/v1/phi/scan`, the compose page's warning) a member may ask for
    /// per minute; 0 turns the limit off.
    #[arg(
        long,
        env = "KINDRED_PHI_CHECKS_PER_MINUTE",
        default_value_t = 30,
        global = true
    )]
    pub phi_checks_per_minute: u32,

    /// Reveals of masked held text one moderator may make in an hour before the admins are
    /// alerted (the reveals still work: a moderator mid-queue is not stopped); 0 never alerts.
    #[arg(
        long,
        env = "KINDRED_REVEALS_PER_HOUR",
        default_value_t = 20,
        global = true
    )]
    pub reveals_per_hour: u32,

    /// Threads (pages or API) one signed-in member may read in a minute before being slowed with
    /// 429 and the admins told; 0 turns the limit off.
    #[arg(
        long,
        env = "KINDRED_READS_PER_MINUTE",
        default_value_t = 120,
        global = true
    )]
    pub reads_per_minute: u32,

    /// Published posts a member needs before starting private conversations (moderators and
    /// admins are exempt); 0 turns this condition off.
    #[arg(
        long,
        env = "KINDRED_MESSAGE_MIN_POSTS",
        default_value_t = 3,
        global = true
    )]
    pub message_min_posts: u32,

    /// Days an account must exist before it starts private conversations (moderators and admins
    /// are exempt); 0 turns this condition off.
    #[arg(
        long,
        env = "KINDRED_MESSAGE_MIN_DAYS",
        default_value_t = 2,
        global = true
    )]
    pub message_min_days: u32,

    /// How long a verified clinician's badge lasts from its approval, in months (a notice goes out
    /// 30 days before it ends; an expired badge leaves every post until re-verified).
    #[arg(
        long,
        env = "KINDRED_BADGE_MONTHS",
        default_value_t = crate::badges::DEFAULT_MONTHS,
        value_parser = clap::value_parser!(u32).range(1..=120),
        global = true
    )]
    pub badge_months: u32,

    /// Accounts one client address may register per hour.
    #[arg(
        long,
        env = "KINDRED_REGISTRATIONS_PER_HOUR",
        default_value_t = 20,
        global = true
    )]
    pub registrations_per_hour: u32,

    /// Minutes of inactivity after which a signed-in browser session ends.
    #[arg(
        long,
        env = "KINDRED_SESSION_IDLE_MINUTES",
        default_value_t = 30,
        global = true
    )]
    pub session_idle_minutes: u32,

    /// Hours after which a browser session ends however active it is.
    #[arg(
        long,
        env = "KINDRED_SESSION_MAX_HOURS",
        default_value_t = 12,
        global = true
    )]
    pub session_max_hours: u32,

    /// Lifetime of API access tokens (JWT), in minutes.
    #[arg(
        long,
        env = "KINDRED_ACCESS_TOKEN_MINUTES",
        default_value_t = 15,
        global = true
    )]
    pub access_token_minutes: u32,

    /// Lifetime of API refresh tokens, in days.
    #[arg(
        long,
        env = "KINDRED_REFRESH_TOKEN_DAYS",
        default_value_t = 30,
        global = true
    )]
    pub refresh_token_days: u32,

    /// The site is reached over HTTPS (directly or through a proxy): cookies get `Secure` and
    /// responses carry HSTS.
    #[arg(long, env = "KINDRED_TLS", default_value_t = false, num_args = 0..=1, default_missing_value = "true",
          value_parser = clap::builder::BoolishValueParser::new(), global = true)]
    pub tls: bool,

    /// Comma-separated addresses of reverse proxies whose X-Forwarded-For is trusted for the client
    /// address (throttling, audit). From anyone else the header is ignored.
    #[arg(
        long,
        env = "KINDRED_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    pub trusted_proxies: Vec<IpAddr>,

    /// Database connections per server process.
    #[arg(long, env = "KINDRED_DB_POOL_SIZE", default_value_t = 8, global = true)]
    pub db_pool_size: u32,

    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "KINDRED_WORKERS", global = true)]
    pub workers: Option<usize>,

    /// Log filter, e.g. `info` or `kindred=debug,actix_web=info`. Logs never hold passwords, tokens or post bodies.
    #[arg(long, env = "KINDRED_LOG", default_value = "info", global = true)]
    pub log: String,

    /// SMTP server for email (confirmation links, notifications): smtp://HOST[:PORT] (a relay on a
    /// trusted network, no TLS, no credentials), smtps://USER:PASSWORD@HOST[:465] (TLS), or
    /// smtp://USER:PASSWORD@HOST[:587]?tls=required (STARTTLS required); percent-encode special
    /// characters in USER and PASSWORD. Unset, the forum sends no email and members cannot opt in.
    #[arg(long, env = "KINDRED_SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<SecretText>,

    /// The sender of notification emails, e.g. `Kindred <noreply@example.org>`.
    #[arg(long, env = "KINDRED_SMTP_FROM", global = true)]
    pub smtp_from: Option<String>,

    /// The forum's address as members reach it, for links in emails.
    #[arg(
        long,
        env = "KINDRED_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080",
        global = true
    )]
    pub public_url: String,

    /// A file of KEY=VALUE lines using the variable names above; the environment and flags override it.
    #[arg(long, env = "KINDRED_CONFIG", global = true)]
    pub config: Option<PathBuf>,
}

/// Checked settings the server runs with.
#[derive(Clone, Debug)]
pub struct Settings {
    pub database: DbUrl,
    pub bind: String,
    pub secret: Secret,
    pub posts_per_minute: u32,
    pub phi_checks_per_minute: u32,
    pub reveals_per_hour: u32,
    pub reads_per_minute: u32,
    /// Who may start private conversations: enough published posts and an old enough account.
    pub message_min_posts: u32,
    pub message_min_days: u32,
    pub badge_months: u32,
    pub registrations_per_hour: u32,
    pub session_idle: time::Duration,
    pub session_max: time::Duration,
    pub access_token_ttl: time::Duration,
    pub refresh_token_ttl: time::Duration,
    pub tls: bool,
    pub trusted_proxies: Vec<IpAddr>,
    pub db_pool_size: u32,
    pub workers: Option<usize>,
    /// Email notifications, when the admin configured SMTP.
    pub smtp: Option<crate::notify::email::SmtpSettings>,
}

/// Key material; its `Debug` never shows it.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub const MIN_LEN: usize = 32;

    pub fn expose(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// A setting that may hold a password (the SMTP URL). Its `Debug` never shows it, and clap takes
/// any text, because clap quotes a value it fails to parse; [`SettingsArgs::resolve`] checks it
/// with messages that never repeat it.
#[derive(Clone)]
pub struct SecretText(String);

impl SecretText {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for SecretText {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(SecretText(s.to_owned()))
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretText(..)")
    }
}

impl SettingsArgs {
    /// Checks every value and resolves the secret (creating it beside a SQLite database on first start).
    pub fn resolve(&self) -> anyhow::Result<Settings> {
        let database = DbUrl::parse(&self.database_url).map_err(anyhow::Error::msg)?;
        let secret = match (&self.secret, &database) {
            (Some(s), _) if s.len() >= Secret::MIN_LEN => Secret(s.clone()),
            (Some(_), _) => anyhow::bail!("KINDRED_SECRET must have at least {} characters", Secret::MIN_LEN),
            (None, DbUrl::Sqlite(path)) => Secret(secret_beside(path)?),
            (None, DbUrl::Postgres(_)) => anyhow::bail!(
                "KINDRED_SECRET is required with PostgreSQL (every server of one deployment must share it); \
                 generate one with: openssl rand -hex 32"
            ),
        };
        if self.session_idle_minutes == 0
            || self.session_max_hours == 0
            || self.access_token_minutes == 0
        {
            anyhow::bail!("session and token lifetimes must be at least 1");
        }
        Ok(Settings {
            database,
            bind: self.bind.clone(),
            secret,
            posts_per_minute: self.posts_per_minute,
            phi_checks_per_minute: self.phi_checks_per_minute,
            reveals_per_hour: self.reveals_per_hour,
            reads_per_minute: self.reads_per_minute,
            message_min_posts: self.message_min_posts,
            message_min_days: self.message_min_days,
            badge_months: self.badge_months,
            registrations_per_hour: self.registrations_per_hour,
            session_idle: time::Duration::minutes(self.session_idle_minutes.into()),
            session_max: time::Duration::hours(self.session_max_hours.into()),
            access_token_ttl: time::Duration::minutes(self.access_token_minutes.into()),
            refresh_token_ttl: time::Duration::days(self.refresh_token_days.max(1).into()),
            tls: self.tls,
            trusted_proxies: self.trusted_proxies.clone(),
            db_pool_size: self.db_pool_size,
            workers: self.workers,
            smtp: self
                .smtp_url
                .as_ref()
                .map(SecretText::expose)
                .filter(|u| !u.trim().is_empty())
                .map(|u| {
                    crate::notify::email::SmtpSettings::parse(
                        u.trim(),
                        self.smtp_from.as_deref(),
                        &self.public_url,
                    )
                })
                .transpose()?,
        })
    }
}

/// Reads the secret stored beside a SQLite file, or creates it (readable by the owner only).
fn secret_beside(db: &Path) -> anyhow::Result<String> {
    let mut name = db.as_os_str().to_owned();
    name.push(".secret");
    let path = PathBuf::from(name);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim().to_owned();
        if existing.len() >= Secret::MIN_LEN {
            return Ok(existing);
        }
        anyhow::bail!(
            "{} is shorter than {} characters; delete it to make a new one",
            path.display(),
            Secret::MIN_LEN
        );
    }
    let secret = crate::random::random_token(32);
    write_private(&path, &secret).map_err(|e| {
        anyhow::anyhow!(
            "cannot write the generated secret to {}: {e}",
            path.display()
        )
    })?;
    Ok(secret)
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// Loads `KEY=VALUE` lines into the environment where the variable is not already set. Called before
/// clap parses, so that the precedence is defaults → file → environment → flags.
pub fn load_config_file(args: &[String]) -> anyhow::Result<()> {
    let from_flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--config=").map(str::to_owned).or_else(|| {
            (a == "--config")
                .then(|| args.get(i + 1).cloned())
                .flatten()
        })
    });
    let Some(path) = from_flag.or_else(|| std::env::var("KINDRED_CONFIG").ok()) else {
        return Ok(());
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("cannot read the config file {path}: {e}"))?;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("{path} line {}: expected KEY=VALUE", n + 1))?;
        let key = key.trim();
        if std::env::var_os(key).is_none() {
            // Safe here: called at start-up before any other thread exists.
            std::env::set_var(key, value.trim().trim_matches('"'));
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use clap::Parser;

    #[test]
    fn debug_of_the_flags_and_the_settings_never_shows_the_smtp_password() {
        let password = "Zq7-hunter2";
        let url = format!("smtps://mailer:{password}@smtp.example.org");
        let cli = crate::cli::Cli::try_parse_from([
            "kindred",
            "--database-url",
            "sqlite://unused.db",
            "--secret",
            "0123456789abcdef0123456789abcdef",
            "--smtp-url",
            &url,
            "--smtp-from",
            "noreply@example.org",
        ])
        .unwrap();
        let settings = cli.settings.resolve().unwrap();
        let shown = format!("{cli:?} {settings:?}");
        assert!(!shown.contains(password), "{shown}");
        assert!(settings.smtp.is_some());
    }
}
