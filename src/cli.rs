//! The command line: `serve` (the default), `migrate` and `user create`.

use std::io::Read;

use clap::{Parser, Subcommand};

use crate::config::SettingsArgs;
use crate::db::Db;
use crate::domain::Role;
use crate::startup::Application;

#[derive(Parser, Debug)]
#[command(
    name = "kindred",
    version,
    about = "Kindred: a moderated patient-support forum server",
    long_about = "Kindred: a moderated patient-support forum server.\n\n\
                  With no command it runs the server. Every option can also be set by the environment \
                  variable shown beside it, or by a KEY=VALUE line in the --config file."
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: SettingsArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the server (HTML pages and the JSON API); migrations are applied first.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill an empty database with demo groups, members, clinicians and conversations.
    Demo {
        /// Instead, build a large database for benchmarks: this many posts in 500 public groups
        /// (generated, known-clean text; one shared password, printed).
        #[arg(long)]
        scale: Option<usize>,
        /// With --scale: leave the database without planner statistics (no ANALYZE), as a fresh
        /// PostgreSQL without autovacuum would be, to check that plans do not depend on them.
        #[arg(long, requires = "scale")]
        no_statistics: bool,
    },
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Scan JSON lines {"id", "text"} from standard input for PHI; write one line
    /// {"id", "held", "spans"} per input to standard output (offsets in Unicode code points).
    /// Needs no database. Exits 1 if any input line could not be read (reported on stderr by number).
    PhiScan {
        /// Use the stricter checks applied to verified clinicians' posts.
        #[arg(long)]
        clinician: bool,
    },
    /// Work with the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the audit log's hash chain, oldest entry first. Exits 0 and prints
    /// "audit log verified: N entries" (and the latest hash, worth keeping elsewhere), or names the
    /// first entry that was changed or does not follow the one before it and exits 1.
    Verify,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account (how the first admin is made), reading its password from standard input.
    Create {
        #[arg(long)]
        username: String,
        /// member, clinician, moderator or admin.
        #[arg(long, default_value = "member")]
        role: String,
        /// Read the password from standard input (the first line), so it stays out of shell history.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

/// Runs the command; an error is printed by `main` and exits non-zero.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    crate::telemetry::init(&cli.settings.log);
    if let Some(Command::PhiScan { clinician }) = cli.command {
        return phi_scan(clinician);
    }
    let settings = cli.settings.resolve()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate => {
            Db::connect(&settings.database, 1)?;
            println!("migrations are up to date");
            Ok(())
        }
        Command::Demo {
            scale: Some(n),
            no_statistics,
        } => demo_scale(settings, n, !no_statistics),
        Command::Demo { scale: None, .. } => {
            let db = Db::connect(&settings.database, 1)?;
            let password = crate::demo::run(&db)?;
            println!(
                "demo data created. Every demo account signs in with the password: {password}"
            );
            for (name, role) in crate::demo::accounts() {
                println!("  {name} ({role})");
            }
            println!(
                "kindred_admin must turn on two-factor sign-in (on /me) before using admin powers; \
                 then /moderation shows a reply held for PHI and a reported one."
            );
            Ok(())
        }
        Command::PhiScan { clinician } => phi_scan(clinician),
        Command::Audit(AuditCommand::Verify) => audit_verify(settings),
        Command::User(UserCommand::Create {
            username,
            role,
            password_stdin: _,
        }) => {
            let role = Role::parse(&role).map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input)?;
            let password = input.lines().next().unwrap_or_default().to_owned();
            let db = Db::connect(&settings.database, 1)?;
            let user = crate::auth::accounts::create_from_cli(&db, &username, password, role)
                .map_err(|e| {
                    let detail = e
                        .fields()
                        .map(|f| f.values().cloned().collect::<Vec<_>>().join(" "))
                        .unwrap_or_default();
                    anyhow::anyhow!("{} {detail}", e.public_message())
                })?;
            println!("created {} ({})", user.username, user.role);
            Ok(())
        }
    }
}

fn demo_scale(
    settings: crate::config::Settings,
    posts: usize,
    statistics: bool,
) -> anyhow::Result<()> {
    let db = Db::connect(&settings.database, 1)?;
    let r = crate::demo_scale::run(&db, posts, statistics, |line| {
        println!("  {line}");
        use std::io::Write;
        let _ = std::io::stdout().flush();
    })?;
    println!(
        "built {} posts in {} threads, {} groups and {} members in {:.1} s",
        r.posts, r.threads, r.groups, r.users, r.seconds
    );
    println!("benchmark group: {}", r.group_slug);
    for id in &r.threads_of_50 {
        println!("thread of 50 posts: {id}");
    }
    if let Some(id) = r.thread_of_500 {
        println!("thread of 500 posts: {id}");
    }
    if let Some(id) = r.thread_of_5000 {
        println!("thread of 5000 posts: {id}");
    }
    if let Some(slug) = &r.list_group_slug {
        println!(
            "group of {} threads: {slug}",
            crate::demo_scale::LIST_THREADS
        );
    }
    println!(
        "every account (member00001 … member{:05}) signs in with the password: {}",
        r.users, r.password
    );
    Ok(())
}

fn phi_scan(clinician: bool) -> anyhow::Result<()> {
    use crate::phi::{stream, Writer};
    let writer = if clinician {
        Writer::Clinician
    } else {
        Writer::Member
    };
    let tally = stream::scan_lines(
        std::io::stdin().lock(),
        std::io::BufWriter::new(std::io::stdout().lock()),
        std::io::stderr().lock(),
        writer,
    )?;
    if tally.bad_lines.is_empty() {
        Ok(())
    } else {
        anyhow::bail!(
            "{} of {} lines could not be read",
            tally.bad_lines.len(),
            tally.scanned + tally.bad_lines.len() as u64
        )
    }
}

fn audit_verify(settings: crate::config::Settings) -> anyhow::Result<()> {
    use crate::audit::chain::{self, Outcome};
    let db = Db::connect(&settings.database, 1)?;
    let mut conn = db
        .get()
        .map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;
    let outcome = chain::verify(&mut conn).map_err(|e| match e {
        crate::error::AppError::Internal(e) => e,
        other => anyhow::anyhow!("{}", other.public_message()),
    })?;
    match outcome {
        Outcome::Verified(v) => {
            println!("audit log verified: {} entries", v.total());
            if v.legacy > 0 {
                println!(
                    "  the oldest {} were written before the log was chained and are not covered",
                    v.legacy
                );
            }
            if let Some(head) = v.head() {
                println!("  latest hash: {head}");
            }
            Ok(())
        }
        Outcome::Broken(b) => {
            println!("audit log verification failed: {b}");
            anyhow::bail!("the audit log's hash chain is broken: {b}")
        }
    }
}

fn serve(settings: crate::config::Settings) -> anyhow::Result<()> {
    crate::telemetry::hide_panic_messages();
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings).await?;
        println!("kindred listening on http://{}", app.addr());
        use std::io::Write;
        std::io::stdout().flush()?;
        app.run_until_stopped().await?;
        Ok(())
    })
}
