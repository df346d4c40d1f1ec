//! Who may see an image, and its bytes. The rule:
//! - its uploader, and moderators (global moderators and admins, through the staff gate), while
//!   it is held or approved;
//! - once approved: readers of a post of the uploader's that shows it, and members of a
//!   conversation in which the uploader sent it (uses by anyone else are never recorded); while
//!   no post or message shows it, any signed-in member (it has been looked at, and is tied to no
//!   group yet);
//! - nobody else, and nobody at all once rejected (its pixels are deleted then): 404.
//!
//! A moderator's look at someone else's held image (the full image or its thumbnail, in the
//! review page or anywhere) is an audit entry, `image.held_viewed`, written before the bytes go
//! out: held content is seen by moderators only on the record.

use super::{Format, Status};
use crate::audit::{Action, Entry};
use crate::db::images::{self, ImageMeta};
use crate::db::users::UserRow;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::forum::access;
use crate::state::AppState;

/// How many of the posts that show an image are looked at to find one the viewer may read.
const USES_CHECKED: i64 = 50;

/// An image's bytes as stored, with what the response needs to say about them.
pub struct Served {
    pub id: i64,
    pub format: Format,
    pub status: Status,
    pub bytes: Vec<u8>,
    uploader: i64,
}

pub async fn image(
    state: &AppState,
    viewer: Option<UserRow>,
    id: i64,
    thumb: bool,
) -> Result<Served, AppError> {
    let who = viewer.clone();
    let served = state
        .db
        .run(move |conn| {
            let img = images::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            if !may_see(conn, &img, viewer.as_ref())? {
                return Err(AppError::NotFound);
            }
            let bytes = images::bytes(conn, id, thumb)?
                .filter(|b| !b.is_empty())
                .ok_or(AppError::NotFound)?;
            Ok(Served {
                id,
                format: Format::stored(&img.format)?,
                status: Status::stored(&img.status)?,
                bytes,
                uploader: img.uploader_id,
            })
        })
        .await?;
    if let Some(m) = who.filter(|m| served.status == Status::Held && m.id != served.uploader) {
        let what = format!("image {id}{}", if thumb { " (thumbnail)" } else { "" });
        state
            .db
            .write(move |conn| {
                Entry::new(Action::HeldImageViewed)
                    .actor(m.id, &m.username)
                    .target(what)
                    .write(conn)
            })
            .await?;
    }
    Ok(served)
}

/// Whether `viewer` sees the image itself (a held one only its uploader and moderators).
pub fn sees_held(img: &ImageMeta, viewer: Option<&UserRow>) -> bool {
    viewer.is_some_and(|v| v.id == img.uploader_id) || access::is_staff(viewer)
}

pub fn may_see(
    conn: &mut AnyConnection,
    img: &ImageMeta,
    viewer: Option<&UserRow>,
) -> Result<bool, AppError> {
    match Status::stored(&img.status)? {
        Status::Rejected => return Ok(false),
        _ if sees_held(img, viewer) => return Ok(true),
        Status::Held => return Ok(false),
        Status::Approved => {}
    }
    let uses = images::using_posts(conn, img.id, USES_CHECKED)?;
    let in_messages = images::in_messages(conn, img.id)?;
    if uses.is_empty() && !in_messages {
        return Ok(viewer.is_some());
    }
    if let Some(v) = viewer {
        if in_messages && images::shown_to_in_messages(conn, img.id, v.id)? {
            return Ok(true);
        }
    }
    // Access is decided per group, once: the posts showing one image are mostly in one group.
    let mut groups: std::collections::HashMap<i64, access::Access> = Default::default();
    for (post, thread) in uses {
        let a = match groups.entry(thread.group_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(access::by_group_id(conn, thread.group_id, viewer)?)
            }
        };
        if a.can_see_thread(&thread) && a.can_see_post(&thread, &post) {
            return Ok(true);
        }
    }
    Ok(false)
}
