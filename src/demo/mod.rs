//! `kindred demo`: fills an empty database with a few condition groups, members, clinicians and
//! conversations, so that a new user sees a living forum, and a moderator sees the rest of the
//! product at work: two verified clinicians whose answers carry their badge (and mark their
//! threads answered), a reply held for PHI and a reported reply waiting in the moderation queue,
//! and a moderator's note under a post. What it is made of is in [`data`].
//!
//! Every post is screened as a real one is, and the demo stops if the scanner disagrees with the
//! script. It writes rows, not history: no audit entries and no notices, since nobody did these
//! things.

mod data;

use data::{Shows, ADMIN, CLINICIANS, GROUPS, GROUP_MEMBERS, MEMBERS};

use crate::db::activity::Counted;
use crate::db::groups::GroupRow;
use crate::db::users::UserRow;
use crate::db::{self, flags, groups, posts, threads, users, AnyConnection, Db};
use crate::domain::{GroupSlug, Role, Username};
use crate::error::AppError;
use crate::forum::screen::{self, Prepared};
use crate::posting::PostStatus;
use crate::posting::{lifecycle, HoldReason, PostState};

/// Fills an empty database; returns the demo accounts' shared password (printed once).
pub fn run(db: &Db) -> anyhow::Result<String> {
    let mut conn = db
        .get()
        .map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;
    let password = format!("demo-{}", crate::auth::tokens::random_token(9));
    let hash =
        crate::auth::passwords::hash_blocking(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    db::write_tx(&mut conn, |conn| fill(conn, &hash)).map_err(|e| match e {
        AppError::Internal(e) => e,
        e => anyhow::anyhow!(
            "{}",
            e.fields()
                .and_then(|f| f.values().next().cloned())
                .unwrap_or_else(|| e.public_message())
        ),
    })?;
    // On PostgreSQL the conversations' counts wait to be folded in (`db::activity`).
    db::activity::fold(&mut conn).map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;
    Ok(password)
}

/// The accounts the demo makes, for the message printed after it.
pub fn accounts() -> impl Iterator<Item = (&'static str, Role)> {
    MEMBERS.iter().copied()
}

fn fill(conn: &mut AnyConnection, hash: &str) -> Result<(), AppError> {
    if !groups::list(conn)?.is_empty() {
        return Err(AppError::conflict(
            "demo",
            "The database already has groups; the demo fills only an empty one.",
        ));
    }
    let mut people = Vec::new();
    for (name, role) in MEMBERS {
        people.push(users::insert(
            conn,
            &Username::parse(name)?,
            None,
            hash,
            *role,
        )?);
    }
    for g in GROUPS {
        let group = groups::insert(
            conn,
            &GroupSlug::parse(g.slug)?,
            g.name,
            g.description,
            g.visibility,
        )?;
        for member in &people[..GROUP_MEMBERS] {
            groups::add(conn, group.id, member.id, true)?;
        }
        for t in g.threads {
            conversation(conn, &group, t, &people)?;
        }
    }
    // Approved after they answered, as happens: the approval marks the threads they answered.
    for c in CLINICIANS {
        let application = crate::clinicians::Application {
            npi: c.npi.into(),
            license_state: c.license_state.into(),
            license_number: c.license_number.into(),
            specialty: c.specialty.into(),
            note: None,
        };
        let by = &people[ADMIN].username;
        crate::clinicians::record_approved(conn, people[c.member].id, application, by)?;
    }
    Ok(())
}

/// One thread: its opening post and replies, screened and counted as real posts are, with what
/// its replies show of moderation.
fn conversation(
    conn: &mut AnyConnection,
    group: &GroupRow,
    t: &data::DemoThread,
    people: &[UserRow],
) -> Result<(), AppError> {
    let (author, body) = (&people[t.opening.0], t.opening.1);
    let (opening, state) = screened(author, Some(t.title), body, false)?;
    let thread = threads::insert(conn, group.id, author.id, t.title, state.status())?;
    let first = posts::insert(
        conn,
        thread.id,
        None,
        author.id,
        opening.as_new_body(state),
        Some(Counted::thread_published(group.id)),
    )?;
    let mut made: Vec<posts::PostRow> = Vec::new();
    for r in t.replies {
        let parent = r.parent.and_then(|i| made.get(i)).unwrap_or(&first).clone();
        let author = &people[r.author];
        let (new, state) = screened(author, None, r.body, matches!(r.shows, Shows::HeldForPhi))?;
        let post = posts::insert(
            conn,
            thread.id,
            Some(&parent),
            author.id,
            new.as_new_body(state),
            // A held reply is not counted and bumps nothing, as in `forum::publish`.
            state
                .is_published()
                .then(|| Counted::reply_published(thread.id, group.id, false)),
        )?;
        match r.shows {
            Shows::Nothing | Shows::HeldForPhi => {}
            Shows::Reports(reports) => reported(conn, &post, reports, people)?,
            Shows::Note(text) => {
                let admin = &people[ADMIN];
                let (md, html) = crate::safety::notes::parse(text)?;
                let role = crate::safety::notes::role_label(admin);
                db::safety::note_set(conn, post.id, &md, html.as_str(), admin.id, role)?;
            }
        }
        made.push(post);
    }
    Ok(())
}

/// Screens a demo text as a real post is screened (with its title, for an opening post), and
/// checks that the scanner agrees with the script: only the reply meant to be held is held.
fn screened(
    author: &UserRow,
    title: Option<&str>,
    body: &str,
    held: bool,
) -> Result<(Prepared, PostState), AppError> {
    let prepared = screen::prepare(author.role(), title, body)?;
    let state = lifecycle::on_publish(prepared.scan, false);
    let wanted = if held {
        PostState::Held(HoldReason::Phi)
    } else {
        PostState::Published
    };
    if state != wanted {
        let start: String = body.chars().take(40).collect();
        return Err(AppError::internal(format!(
            "the PHI scanner no longer agrees with the demo: \"{start}…\" would be {state:?}, not {wanted:?}"
        )));
    }
    Ok((prepared, state))
}

/// Members' reports on a published reply, fewer than hide it: it stays up, in the queue.
fn reported(
    conn: &mut AnyConnection,
    post: &posts::PostRow,
    reports: &[data::Report],
    people: &[UserRow],
) -> Result<(), AppError> {
    let hide_at = crate::db::settings::load(conn)?.auto_hide_reports;
    if i64::try_from(reports.len()).unwrap_or(i64::MAX) >= hide_at {
        return Err(AppError::internal(format!(
            "the demo's reported reply would be hidden: {} reports, hidden at {hide_at}",
            reports.len()
        )));
    }
    for r in reports {
        let reporter = &people[r.by];
        if !crate::moderation::reports::REASONS.contains(&r.reason)
            || post.author_id == Some(reporter.id)
            || post.status() != PostStatus::Published
        {
            return Err(AppError::internal(format!(
                "a demo report by {} is not one a member could make",
                reporter.username
            )));
        }
        flags::insert(conn, post.id, reporter.id, r.reason, Some(r.note))?;
    }
    Ok(())
}
