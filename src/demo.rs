//! `kindred demo`: fills an empty database with a few condition groups, members, clinicians and
//! conversations, so that a new user sees a living forum. Everything in it is invented, and none
//! of it names a person.

use crate::content::{self, PostBody};
use crate::db::{self, groups, posts, threads, users, Db};
use crate::domain::{GroupSlug, Role, Username, Visibility};
use crate::error::AppError;
use crate::posting::PostStatus;

struct DemoGroup {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
    visibility: Visibility,
    threads: &'static [DemoThread],
}

struct DemoThread {
    title: &'static str,
    /// (author index, parent index in this list or None for the opening post's replies, body)
    opening: (usize, &'static str),
    replies: &'static [(usize, Option<usize>, &'static str)],
}

const MEMBERS: &[(&str, Role)] = &[
    ("river_walker", Role::Member),
    ("quiet-owl", Role::Member),
    ("sunny_days_42", Role::Member),
    ("teapot-tom", Role::Member),
    ("marigold", Role::Member),
    ("night_shift_nurse", Role::Clinician),
    ("dr_pine", Role::Clinician),
    ("kindred_admin", Role::Admin),
];

const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        slug: "type-1-diabetes",
        name: "Type 1 diabetes",
        description: "Living with type 1: pumps, sensors, hypos, carb counting and everything in between.",
        visibility: Visibility::Public,
        threads: &[
            DemoThread {
                title: "Night-time lows after exercise: what helps you?",
                opening: (0, "I run three evenings a week and keep going low around **3am**. I've tried a small snack before bed. What works for you?"),
                replies: &[
                    (1, None, "A temporary basal reduction overnight made the biggest difference for me. Worth asking your team about the numbers."),
                    (5, Some(0), "Good advice. Many people find a **20–30 % lower basal** for a few hours after evening exercise helps, but please set the numbers with your diabetes team."),
                    (0, Some(1), "Thank you, I'll bring it up at my next appointment."),
                    (2, None, "Sensor alarms saved me. I set the low alert a bit higher on running days."),
                ],
            },
            DemoThread {
                title: "Pump site on the arm: worth trying?",
                opening: (3, "My stomach sites are getting tired. Has anyone moved to the back of the arm?"),
                replies: &[(4, None, "Yes! Absorption felt a little slower for me at first, but rotation made a huge difference.")],
            },
        ],
    },
    DemoGroup {
        slug: "rheumatoid-arthritis",
        name: "Rheumatoid arthritis",
        description: "Flares, treatments, fatigue, work and family life with RA.",
        visibility: Visibility::Public,
        threads: &[DemoThread {
            title: "Fatigue on methotrexate day",
            opening: (2, "Is anyone else wiped out the day after their weekly dose? I'm on 15 mg."),
            replies: &[
                (6, None, "That's a common side effect. Taking it in the evening, and folic acid as prescribed, helps some people. Don't change your dose without talking to your rheumatologist."),
                (4, Some(0), "Evening dosing changed everything for me."),
                (2, Some(1), "Trying that this week, thanks both."),
            ],
        }],
    },
    DemoGroup {
        slug: "long-covid",
        name: "Long COVID",
        description: "Pacing, brain fog, returning to work, and being believed.",
        visibility: Visibility::Registered,
        threads: &[DemoThread {
            title: "Pacing apps and heart-rate monitors",
            opening: (1, "Which tools do you use to pace? I keep crashing after good days."),
            replies: &[
                (3, None, "A simple heart-rate alert on my watch is what finally worked."),
                (0, Some(0), "Same. And planning rest *before* I feel tired."),
            ],
        }],
    },
    DemoGroup {
        slug: "caregivers",
        name: "Caregivers",
        description: "For people caring for a partner, parent or child. A private group: ask to join.",
        visibility: Visibility::Private,
        threads: &[DemoThread {
            title: "Making time for yourself",
            opening: (4, "How do you find an hour for yourself in the week? I feel guilty every time."),
            replies: &[(0, None, "Respite care once a fortnight. It took me a year to accept it, and it helped us both.")],
        }],
    },
];

/// Fills an empty database; returns the demo accounts' shared password (printed once).
pub fn run(db: &Db) -> anyhow::Result<String> {
    let mut conn = db
        .get()
        .map_err(|e| anyhow::anyhow!("{}", e.public_message()))?;
    let password = format!("demo-{}", crate::auth::tokens::random_token(9));
    let hash =
        crate::auth::passwords::hash_blocking(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    db::write_tx(&mut conn, |conn| -> Result<(), AppError> {
        if !groups::list(conn)?.is_empty() {
            return Err(AppError::conflict(
                "demo",
                "The database already has groups; the demo fills only an empty one.",
            ));
        }
        let mut ids = Vec::new();
        for (name, role) in MEMBERS {
            let u = users::insert(conn, &Username::parse(name)?, None, &hash, *role)?;
            ids.push(u.id);
        }
        for g in GROUPS {
            let group = groups::insert(
                conn,
                &GroupSlug::parse(g.slug)?,
                g.name,
                g.description,
                g.visibility,
            )?;
            for id in &ids[..5] {
                groups::add(conn, group.id, *id, true)?;
            }
            for id in &ids[5..7] {
                groups::add(conn, group.id, *id, true)?;
            }
            for t in g.threads {
                let thread = threads::insert(
                    conn,
                    group.id,
                    ids[t.opening.0],
                    t.title,
                    PostStatus::Published,
                )?;
                let first = post(conn, thread.id, None, ids[t.opening.0], t.opening.1)?;
                groups::record_activity(conn, group.id, 1, 1)?;
                let mut made: Vec<posts::PostRow> = Vec::new();
                for (author, parent, body) in t.replies {
                    let parent_row = match parent {
                        Some(i) => made.get(*i).cloned().unwrap_or_else(|| first.clone()),
                        None => first.clone(),
                    };
                    made.push(post(
                        conn,
                        thread.id,
                        Some(&parent_row),
                        ids[*author],
                        body,
                    )?);
                    threads::record_reply(conn, thread.id)?;
                    groups::record_activity(conn, group.id, 0, 1)?;
                }
            }
        }
        Ok(())
    })
    .map_err(|e| {
        anyhow::anyhow!(
            "{}",
            e.fields()
                .and_then(|f| f.values().next().cloned())
                .unwrap_or_else(|| e.public_message())
        )
    })?;
    Ok(password)
}

fn post(
    conn: &mut db::AnyConnection,
    thread: i64,
    parent: Option<&posts::PostRow>,
    author: i64,
    body: &str,
) -> Result<posts::PostRow, AppError> {
    let body = PostBody::parse(body)?;
    posts::insert(
        conn,
        thread,
        parent,
        author,
        posts::NewBody {
            body_md: body.as_str(),
            body_html: &content::render(&body),
            state: crate::posting::PostState::Published,
            phi: None,
        },
    )
}

/// The accounts the demo makes, for the message printed after it.
pub fn accounts() -> impl Iterator<Item = (&'static str, Role)> {
    MEMBERS.iter().copied()
}
