//! A group's list of threads: pages of a chosen size, newest activity first and pinned on top,
//! with a cursor that keeps its place while people post; for anonymous readers from their cache,
//! for a signed-in reader in the same pool trip as their session.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::db::threads::{self, Cursor};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::forum::access::{self, Access};
use crate::forum::anon_cache::{Kind, RenderedList};
use crate::forum::views::{badge, GroupView, ThreadView};
use crate::posting::PostStatus;
use crate::state::AppState;

/// How many threads a page of a group's list holds: 25 unless the client asks for 1–100
/// (`?limit=`), as Discourse and Lemmy let clients choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSize(i64);

impl PageSize {
    pub const DEFAULT: PageSize = PageSize(25);
    pub const MAX: i64 = 100;

    /// `?limit=`: absent or empty is the default; anything but a whole number 1–100 is refused.
    pub fn parse(raw: Option<&str>) -> Result<PageSize, AppError> {
        match raw.map(str::trim).filter(|r| !r.is_empty()) {
            None => Ok(Self::DEFAULT),
            Some(r) => match r.parse::<i64>() {
                Ok(n) if (1..=Self::MAX).contains(&n) => Ok(PageSize(n)),
                _ => Err(AppError::validation(
                    "limit",
                    "Ask for 1 to 100 threads a page.",
                )),
            },
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

pub struct ThreadPage {
    pub group: GroupView,
    pub threads: Vec<ThreadView>,
    pub next_cursor: Option<String>,
    /// For the group page ([`list_for_page`]): the signed-in reader watches the group / turned
    /// its notifications off — read with the threads, in the same pool trip.
    pub watching: bool,
    pub muted: bool,
}

fn encode_cursor(c: &Cursor) -> String {
    let micros =
        |t: time::PrimitiveDateTime| (t.assume_utc().unix_timestamp_nanos() / 1000).to_string();
    URL_SAFE_NO_PAD.encode(format!(
        "{}:{}:{}:{}",
        micros(c.snapshot),
        u8::from(c.pinned),
        micros(c.activity),
        c.id
    ))
}

fn decode_cursor(raw: &str) -> Result<Cursor, AppError> {
    let bad = || {
        AppError::BadRequest("That page link is not valid; start again from the first page.".into())
    };
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| bad())?)
        .map_err(|_| bad())?;
    let parts: Vec<&str> = text.split(':').collect();
    let [snapshot, pinned, activity, id] = parts.as_slice() else {
        return Err(bad());
    };
    let time = |s: &str| -> Result<time::PrimitiveDateTime, AppError> {
        let micros: i128 = s.parse().map_err(|_| bad())?;
        let t =
            time::OffsetDateTime::from_unix_timestamp_nanos(micros * 1000).map_err(|_| bad())?;
        Ok(crate::db::to_db_time(t))
    };
    Ok(Cursor {
        snapshot: time(snapshot)?,
        pinned: *pinned == "1",
        activity: time(activity)?,
        id: id.parse().map_err(|_| bad())?,
    })
}

pub(super) fn group_view(a: &Access) -> GroupView {
    GroupView::of(a)
}

/// A page of a group's threads: pinned first, newest activity first.
pub async fn list(
    state: &AppState,
    slug: String,
    viewer: Option<UserRow>,
    cursor: Option<String>,
    waiting_for_clinician: bool,
    size: PageSize,
) -> Result<ThreadPage, AppError> {
    let read = Listing::new(slug, cursor, waiting_for_clinician, size, false)?;
    state
        .db
        .run(move |conn| read.on(conn, viewer.as_ref()))
        .await
}

/// A group's first page of threads as an anonymous reader is shown it: `render`'s output over
/// the page, from the anonymous cache when it holds a current one (see
/// [`anon_cache`](crate::forum::anon_cache)). The group's access check runs first, on every
/// request, cached or not; only the first page is kept (later ones, `cursor`, are read far less
/// and rendered each time).
pub async fn list_for_anonymous<R>(
    state: &AppState,
    slug: String,
    cursor: Option<String>,
    json: bool,
    waiting_for_clinician: bool,
    size: PageSize,
    render: R,
) -> Result<(GroupView, std::sync::Arc<RenderedList>), AppError>
where
    R: FnOnce(&ThreadPage) -> Result<String, AppError>,
{
    if cursor.as_deref().is_some_and(|c| !c.is_empty()) {
        let page = list(state, slug, None, cursor, waiting_for_clinician, size).await?;
        let body = render(&page)?;
        return Ok((page.group, std::sync::Arc::new(RenderedList { body })));
    }
    let (group_id, group) = {
        let slug = slug.clone();
        state
            .db
            .run(move |conn| {
                let a = access::by_slug(conn, &slug, None)?;
                a.require_read()?;
                Ok((a.group.id, group_view(&a)))
            })
            .await?
    };
    let kind = {
        let (size, waiting) = (size.get(), waiting_for_clinician);
        if json {
            Kind::ListJson { size, waiting }
        } else {
            Kind::ListPage { size, waiting }
        }
    };
    let rendered = state
        .anon_lists
        .get_or_make(
            group_id,
            kind,
            || state.db.writes(),
            || async move {
                let page = list(state, slug, None, None, waiting_for_clinician, size).await?;
                Ok(RenderedList {
                    body: render(&page)?,
                })
            },
        )
        .await?;
    Ok((group, rendered))
}

/// The snapshot a first page's "Older conversations" link carries: the newest activity among
/// the threads read, which every listed thread's activity is at or before — so later pages place
/// threads exactly as they would with the time of reading — but which, unlike that time, stays
/// the same from one request to the next while nothing changes. So the list's rendering is the
/// same for every reader shown the same threads, and can be kept (`web::rendered`). When the
/// page holds only pinned threads, the newest unpinned activity is not known: the time of
/// reading, as before.
fn first_snapshot(
    rows: &[(
        (threads::ThreadRow, Option<String>),
        time::PrimitiveDateTime,
    )],
) -> time::PrimitiveDateTime {
    if rows.iter().all(|((t, _), _)| t.pinned) {
        return crate::db::now();
    }
    rows.iter()
        .map(|(_, at)| *at)
        .max()
        .unwrap_or_else(crate::db::now)
}

/// A signed-in reader's page of a group's threads (its HTML page, with the watch and mute
/// buttons), read in the same pool trip as their session, as a thread page is
/// ([`for_session`]): None when the cookie names no live session; else the session, and the page
/// or why it cannot be read (a group the reader may not read still has a page of its own).
#[allow(clippy::type_complexity)]
pub async fn list_for_session(
    state: &AppState,
    token: String,
    slug: String,
    cursor: Option<String>,
    waiting_for_clinician: bool,
    size: PageSize,
) -> Result<Option<(super::reading::Session, Result<ThreadPage, AppError>)>, AppError> {
    let read = Listing::new(slug, cursor, waiting_for_clinician, size, true)?;
    crate::auth::sessions::with_page(
        state,
        token,
        move |conn, user| Ok(read.on(conn, Some(user))),
    )
    .await
}

/// Which page of a group's threads to read.
struct Listing {
    slug: String,
    cursor: Option<Cursor>,
    waiting_for_clinician: bool,
    size: PageSize,
    /// With the reader's watch and mute buttons (the HTML page).
    buttons: bool,
}

impl Listing {
    /// What a request asks for; a cursor that is not one of ours is refused (400).
    fn new(
        slug: String,
        cursor: Option<String>,
        waiting_for_clinician: bool,
        size: PageSize,
        buttons: bool,
    ) -> Result<Listing, AppError> {
        let cursor = cursor
            .filter(|c| !c.is_empty())
            .map(|c| decode_cursor(&c))
            .transpose()?;
        Ok(Listing {
            slug,
            cursor,
            waiting_for_clinician,
            size,
            buttons,
        })
    }

    /// The page as `viewer` may see it, on a connection.
    fn on(
        self,
        conn: &mut AnyConnection,
        viewer: Option<&UserRow>,
    ) -> Result<ThreadPage, AppError> {
        let Listing {
            slug,
            cursor,
            waiting_for_clinician,
            size,
            buttons,
        } = self;
        let size = size.get();
        let a = access::by_slug(conn, &slug, viewer)?;
        a.require_read()?;
        let shown = a.shown();
        let mut badges = threads::Badges::new();
        let mut rows = threads::page(
            conn,
            a.group.id,
            shown,
            waiting_for_clinician,
            cursor,
            size + 1,
            &mut badges,
        )?;
        let snapshot = match cursor {
            Some(c) => c.snapshot,
            None => first_snapshot(&rows),
        };
        let more = rows.len() as i64 > size;
        rows.truncate(size as usize);
        let next_cursor = if more {
            rows.last().map(|((t, _), at)| {
                encode_cursor(&Cursor {
                    snapshot,
                    pinned: t.pinned,
                    activity: *at,
                    id: t.id,
                })
            })
        } else {
            None
        };
        let crate::db::watches::Buttons { watching, muted } = match viewer {
            Some(v) if buttons => crate::db::watches::group_buttons(conn, v.id, a.group.id)?,
            _ => Default::default(),
        };
        // Held threads listed to someone other than their author (a moderator) have the title's
        // risky spans masked, like the post itself: one query, only when there are any.
        let masked: Vec<i64> = rows
            .iter()
            .filter(|((t, _), _)| t.status() == PostStatus::Held && !a.sees_unmasked_thread(t))
            .map(|((t, _), _)| t.id)
            .collect();
        let findings: std::collections::HashMap<i64, Vec<crate::phi::Span>> =
            crate::db::posts::opening_findings(conn, &masked)?
                .into_iter()
                .filter_map(|(id, json)| Some((id, serde_json::from_str(&json?).ok()?)))
                .collect();
        Ok(ThreadPage {
            group: group_view(&a),
            threads: rows
                .into_iter()
                .map(|((t, name), _)| {
                    let mut view = ThreadView::new(&t, name, &a.group.slug);
                    if let Some(spans) = findings.get(&t.id) {
                        view.title = crate::forum::mask::title(&t.title, spans);
                    }
                    badge(view.author.as_mut(), &badges);
                    view
                })
                .collect(),
            next_cursor,
            watching,
            muted,
        })
    }
}
