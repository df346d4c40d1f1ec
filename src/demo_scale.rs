//! `kindred demo --scale N`: a large, realistic database for benchmarks — N posts in 500 public
//! groups, a few thousand members, threads of varied length and, for the load tests, ten threads
//! of 50 posts and one of 500 in the first group.
//!
//! Fast rather than faithful to the use cases: multi-row `INSERT`s of a thousand rows inside
//! transactions of about twenty thousand, every id chosen here, bodies rendered once from a small
//! set of invented, known-clean sentences (no PHI scan: nothing in them names anyone), and one
//! argon2 hash shared by every account. Nothing here runs in the server.
//!
//! Its reads go through `db/`; its inserts stay here as SQL text on purpose: diesel's multi-row
//! `INSERT` does not compile on the two-backend connection (see `db::credentials`), and one
//! statement per row would make a million-post database take a thousand times as many statements.

use std::fmt::Write as _;
use std::time::Instant;

use diesel::connection::SimpleConnection;

use crate::content::{self, PostBody};
use crate::db::{self, AnyConnection, Db};

pub const GROUPS: usize = 500;
const ROWS_PER_INSERT: usize = 1000;
const POSTS_PER_TRANSACTION: usize = 20_000;
/// The benchmark threads, all in the first group: ten of 50 posts, then one of 500, then (from
/// 10,000 posts on) one of 5,000.
const BENCH_50: usize = 10;
/// Databases of at least this many posts get the 5,000-post thread.
const BENCH_5000_FROM: usize = 10_000;
/// From the same size on, a group (the second) gets this many more threads of one post each, for
/// the thread list of a large group.
pub const LIST_THREADS: usize = 1_000;

const SENTENCES: &[&str] = &[
    "Thank you for sharing this, it helps to know I am not the only one.",
    "My team suggested keeping a simple diary for two weeks before the next appointment.",
    "Pacing made the biggest difference for me, even on the good days.",
    "I found that writing my questions down before a visit keeps me from forgetting them.",
    "Has anyone tried a gentler routine in the evenings? Mornings are hard for me.",
    "It took a few months to settle, so please be patient with yourself.",
    "Sleep and regular meals were the two things that helped most in the end.",
    "A support group near me meets once a month and it has been a lifeline.",
    "I would ask your nurse about it; they were very helpful when I asked the same thing.",
    "Some weeks are better than others, and that is fine.",
    "Short walks after lunch helped my energy more than I expected.",
    "Please do not change anything without talking to your care team first.",
    "I keep a small bag ready with everything I need for a long day out.",
    "The first appointment felt overwhelming but the second one was much easier.",
    "Reading everyone's replies here every evening has given me hope.",
    "What worked for me was planning rest **before** I felt tired.",
];

/// What was made, for the message printed after it.
pub struct Report {
    pub users: usize,
    pub groups: usize,
    pub threads: usize,
    pub posts: usize,
    pub group_slug: String,
    pub threads_of_50: Vec<i64>,
    pub thread_of_500: Option<i64>,
    pub thread_of_5000: Option<i64>,
    /// The group with [`LIST_THREADS`] more threads, when built.
    pub list_group_slug: Option<String>,
    pub password: String,
    pub seconds: f64,
}

/// A small deterministic generator (xorshift64*): the same N gives the same database.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn segment(id: i64) -> String {
    format!("{id:012}")
}

/// The id after a table's highest, read through `db::<table>::max_id`.
fn next_id(
    conn: &mut AnyConnection,
    max_id: fn(&mut AnyConnection) -> Result<Option<i64>, crate::error::AppError>,
) -> anyhow::Result<i64> {
    Ok(max_id(conn)?.unwrap_or(0) + 1)
}

/// Builds the database; `progress` gets a line now and then.
/// Fills an empty database with `target_posts` posts; `statistics`: gather the planner's
/// statistics at the end (ANALYZE), as a maintained database has them.
pub fn run(
    db: &Db,
    target_posts: usize,
    statistics: bool,
    mut progress: impl FnMut(&str),
) -> anyhow::Result<Report> {
    let started = Instant::now();
    let mut conn = db
        .get()
        .map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;
    let conn: &mut AnyConnection = &mut conn;
    let n_groups = db::groups::count(conn)?;
    if n_groups > 0 {
        anyhow::bail!("the database already has groups; --scale fills only an empty one");
    }
    let sqlite = matches!(conn, AnyConnection::Sqlite(_));
    if sqlite {
        // Each transaction is still atomic; only the last ones could be lost to a power cut.
        conn.batch_execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;")?;
    } else {
        conn.batch_execute("SET synchronous_commit = off")?;
    }

    let password = format!("bench-{}", crate::auth::tokens::random_token(9));
    let hash =
        crate::auth::passwords::hash_blocking(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    // Bodies rendered once: Markdown → sanitised HTML, the way the server stores them.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ target_posts as u64);
    let bodies: Vec<(String, String)> = (0..64)
        .map(|_| {
            let n = 1 + rng.below(3) as usize;
            let md: Vec<&str> = (0..n)
                .map(|_| SENTENCES[rng.below(SENTENCES.len() as u64) as usize])
                .collect();
            let md = md.join(" ");
            let body = PostBody::parse(&md)?;
            let html = content::render(&body).as_str().to_owned();
            Ok((md, html))
        })
        .collect::<Result<_, crate::error::AppError>>()
        .map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;

    // Time runs from a year ago to a minute ago, post by post, so newer ids are newer posts.
    let end = db::now() - time::Duration::minutes(1);
    let start = end - time::Duration::days(365);
    let step_us = (365 * 24 * 3600 * 1_000_000_i64) / (target_posts.max(1) as i64);
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second].[subsecond digits:6]"
    );
    let ts = |k: usize| -> String {
        let t = start + time::Duration::microseconds(step_us * k as i64 + 1);
        format!("'{}'", t.format(&fmt).unwrap_or_default())
    };

    // Accounts and groups.
    let n_users = (target_posts / 200).clamp(200, 3000);
    let first_user = next_id(conn, db::users::max_id)?;
    let first_group = next_id(conn, db::groups::max_id)?;
    let t0 = ts(0);
    db::write_tx(conn, |conn| -> anyhow::Result<()> {
        for chunk in (0..n_users).collect::<Vec<_>>().chunks(ROWS_PER_INSERT) {
            let mut sql = String::from(
                "INSERT INTO users (id, username, password_hash, role, tokens_valid_after, created_at) VALUES ",
            );
            for (i, u) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(',');
                }
                let _ = write!(
                    sql,
                    "({}, 'member{:05}', {}, 'member', {t0}, {t0})",
                    first_user + *u as i64,
                    u + 1,
                    q(&hash)
                );
            }
            conn.batch_execute(&sql)?;
        }
        let mut sql = String::from(
            "INSERT INTO groups (id, slug, name, description, visibility, created_at) VALUES ",
        );
        for g in 0..GROUPS {
            if g > 0 {
                sql.push(',');
            }
            let _ = write!(
                sql,
                "({}, 'condition-{:03}', 'Condition {:03}', 'A generated group for benchmarks.', 'public', {t0})",
                first_group + g as i64,
                g + 1,
                g + 1
            );
        }
        conn.batch_execute(&sql)?;
        // Every member belongs to three groups; the first member to the first group.
        let mut rows = Vec::new();
        for u in 0..n_users {
            let mut gs = vec![u % GROUPS, (u * 7 + 3) % GROUPS, (u * 13 + 11) % GROUPS];
            gs.sort_unstable();
            gs.dedup();
            for g in gs {
                rows.push(format!(
                    "({}, {}, 'member', {t0}, {t0})",
                    first_group + g as i64,
                    first_user + u as i64
                ));
            }
        }
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            conn.batch_execute(&format!(
                "INSERT INTO group_members (group_id, user_id, state, requested_at, joined_at) VALUES {}",
                chunk.join(",")
            ))?;
        }
        Ok(())
    })?;
    progress(&format!("{n_users} members and {GROUPS} groups"));

    // Threads and posts.
    let first_thread = next_id(conn, db::threads::max_id)?;
    let mut next_post = next_id(conn, db::posts::max_id)?;
    let mut thread_id = first_thread;
    let mut made = 0usize;
    let mut thread_rows: Vec<String> = Vec::new();
    let mut post_rows: Vec<String> = Vec::new();
    let mut in_tx = 0usize;
    let mut group_counts = vec![(0i64, 0i64, String::new()); GROUPS];
    let mut threads_of_50 = Vec::new();
    let mut thread_of_500 = None;
    let mut thread_of_5000 = None;
    let mut n_threads = 0usize;
    let mut last_report = Instant::now();

    let flush = |conn: &mut AnyConnection,
                 thread_rows: &mut Vec<String>,
                 post_rows: &mut Vec<String>|
     -> anyhow::Result<()> {
        for chunk in thread_rows.chunks(ROWS_PER_INSERT) {
            conn.batch_execute(&format!(
                "INSERT INTO threads (id, group_id, author_id, title, created_at, last_activity_at, reply_count, status) VALUES {}",
                chunk.join(",")
            ))?;
        }
        for chunk in post_rows.chunks(ROWS_PER_INSERT) {
            conn.batch_execute(&format!(
                "INSERT INTO posts (id, thread_id, parent_id, author_id, path, depth, body_md, body_html, status, created_at) VALUES {}",
                chunk.join(",")
            ))?;
        }
        thread_rows.clear();
        post_rows.clear();
        Ok(())
    };

    let begin = |conn: &mut AnyConnection| -> anyhow::Result<()> {
        conn.batch_execute(if sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" })?;
        Ok(())
    };
    begin(conn)?;
    while made < target_posts {
        let t = n_threads;
        let (len, group) = if t < BENCH_50 {
            (50, 0)
        } else if t == BENCH_50 {
            (500, 0)
        } else if t == BENCH_50 + 1 && target_posts >= BENCH_5000_FROM {
            (5000, 0)
        } else if (BENCH_50 + 2..BENCH_50 + 2 + LIST_THREADS).contains(&t)
            && target_posts >= BENCH_5000_FROM
        {
            (1, 1)
        } else {
            let len = if rng.below(10) == 0 {
                20 + rng.below(41)
            } else {
                1 + rng.below(15)
            } as usize;
            (len, t % GROUPS)
        };
        let len = len.min(target_posts - made);
        if t < BENCH_50 && len == 50 {
            threads_of_50.push(thread_id);
        } else if t == BENCH_50 && len == 500 {
            thread_of_500 = Some(thread_id);
        } else if t == BENCH_50 + 1 && len == 5000 {
            thread_of_5000 = Some(thread_id);
        }
        let author = first_user + rng.below(n_users as u64) as i64;
        let created = ts(made);
        let last = ts(made + len - 1);
        thread_rows.push(format!(
            "({thread_id}, {}, {author}, 'Generated conversation {}', {created}, {last}, {}, 'published')",
            first_group + group as i64,
            t + 1,
            len - 1
        ));
        // (id, path, depth) of this thread's posts, for choosing parents.
        let mut tree: Vec<(i64, String, i32)> = Vec::with_capacity(len);
        for j in 0..len {
            let id = next_post;
            next_post += 1;
            let (parent, path, depth) = if j == 0 {
                (None, segment(id), 0)
            } else {
                let p = if j % 3 == 1 || tree.len() < 2 {
                    0
                } else {
                    let back = 1 + rng.below(4.min(tree.len() as u64 - 1)) as usize;
                    let i = tree.len() - back;
                    if tree[i].2 < 6 {
                        i
                    } else {
                        0
                    }
                };
                let (pid, ppath, pdepth) = &tree[p];
                (Some(*pid), format!("{ppath}.{}", segment(id)), pdepth + 1)
            };
            let (md, html) = &bodies[rng.below(bodies.len() as u64) as usize];
            let who = if j == 0 {
                author
            } else {
                first_user + rng.below(n_users as u64) as i64
            };
            post_rows.push(format!(
                "({id}, {thread_id}, {}, {who}, '{path}', {depth}, {}, {}, 'published', {})",
                parent.map_or("NULL".to_owned(), |p| p.to_string()),
                q(md),
                q(html),
                ts(made + j)
            ));
            tree.push((id, path, depth));
        }
        let gc = &mut group_counts[group];
        gc.0 += 1;
        gc.1 += len as i64;
        gc.2 = last;
        made += len;
        in_tx += len;
        n_threads += 1;
        thread_id += 1;
        if post_rows.len() >= ROWS_PER_INSERT {
            flush(conn, &mut thread_rows, &mut post_rows)?;
        }
        if in_tx >= POSTS_PER_TRANSACTION {
            conn.batch_execute("COMMIT")?;
            in_tx = 0;
            if last_report.elapsed().as_secs() >= 5 {
                progress(&format!(
                    "{made} posts in {n_threads} threads ({:.0} s)",
                    started.elapsed().as_secs_f64()
                ));
                last_report = Instant::now();
            }
            begin(conn)?;
        }
    }
    flush(conn, &mut thread_rows, &mut post_rows)?;
    for (g, (threads, posts, last)) in group_counts.iter().enumerate() {
        let last = if last.is_empty() { "NULL" } else { last };
        conn.batch_execute(&format!(
            "UPDATE groups SET thread_count = {threads}, post_count = {posts}, last_activity_at = {last}, \
             member_count = (SELECT COUNT(*) FROM group_members WHERE group_id = {id}) WHERE id = {id}",
            id = first_group + g as i64
        ))?;
    }
    conn.batch_execute("COMMIT")?;
    progress(&format!(
        "{made} posts in {n_threads} threads ({:.0} s); analysing",
        started.elapsed().as_secs_f64()
    ));
    if sqlite {
        conn.batch_execute("PRAGMA synchronous = FULL;")?;
    } else {
        for t in ["users", "groups", "threads", "posts"] {
            conn.batch_execute(&format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT MAX(id) FROM {t}))"
            ))?;
        }
    }
    if statistics {
        conn.batch_execute("ANALYZE")?;
    }
    Ok(Report {
        users: n_users,
        groups: GROUPS,
        threads: n_threads,
        posts: made,
        group_slug: "condition-001".into(),
        threads_of_50,
        thread_of_500,
        thread_of_5000,
        list_group_slug: (target_posts >= BENCH_5000_FROM).then(|| "condition-002".into()),
        password,
        seconds: started.elapsed().as_secs_f64(),
    })
}
