//! Who may see an image, and its bytes. The rule:
//! - its uploader, and moderators (global moderators and admins, through the staff gate), while
//!   it is held or approved;
//! - once approved: readers of a post that shows it; while no post shows it yet, any signed-in
//!   member (it has been looked at, and is not tied to any group);
//! - nobody else, and nobody at all once rejected (its pixels are deleted then): 404.

use super::{Format, Status};
use crate::db::images::{self, ImageMeta};
use crate::db::users::UserRow;
use crate::db::{posts, threads, AnyConnection};
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
}

pub async fn image(
    state: &AppState,
    viewer: Option<UserRow>,
    id: i64,
    thumb: bool,
) -> Result<Served, AppError> {
    state
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
            })
        })
        .await
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
    if uses.is_empty() {
        return Ok(viewer.is_some());
    }
    for post_id in uses {
        let Some((post, _)) = posts::by_id(conn, post_id)? else {
            continue;
        };
        let Some((thread, _)) = threads::by_id(conn, post.thread_id)? else {
            continue;
        };
        let a = access::by_group_id(conn, thread.group_id, viewer)?;
        if a.can_see_thread(&thread) && a.can_see_post(&thread, &post) {
            return Ok(true);
        }
    }
    Ok(false)
}
