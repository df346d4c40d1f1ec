//! Uploading an image: alt text and rate limit first, then the file processed off the async
//! threads (at most one decoding per core, so a burst of large uploads cannot exhaust memory),
//! then stored, held for a moderator.

use std::sync::LazyLock;

use tokio::sync::Semaphore;

use super::{process, AltText, ImageView};
use crate::db::images::{self, NewImage};
use crate::db::users::UserRow;
use crate::error::AppError;
use crate::forum::publish;
use crate::state::AppState;

/// Decodings running at once: one per core. A 40-megapixel image takes up to 200 MB while it is
/// decoded, so this also bounds the memory uploads can take.
static DECODING: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
});

pub async fn upload(
    state: &AppState,
    user: &UserRow,
    file: Option<Vec<u8>>,
    alt: Option<&str>,
) -> Result<ImageView, AppError> {
    let alt = AltText::parse(alt)?;
    let bytes = file.filter(|b| !b.is_empty()).ok_or_else(|| {
        AppError::validation("file", "Choose an image to upload (JPEG, PNG or WebP).")
    })?;
    // Uploads count towards the posting limit, and a suspended member cannot upload.
    let per_minute = state.settings.posts_per_minute;
    let u = user.clone();
    state
        .db
        .run(move |conn| publish::may_post(conn, &u, per_minute, false))
        .await?;
    let permit = DECODING
        .acquire()
        .await
        .map_err(|_| AppError::internal("the image decoding semaphore closed"))?;
    let done = actix_web::web::block(move || process::process(&bytes))
        .await
        .map_err(|e| AppError::internal(format!("image task failed: {e}")))?;
    drop(permit);
    let p = done?;
    let u = user.clone();
    state
        .db
        .write(move |conn| {
            publish::may_post(conn, &u, per_minute, true)?;
            let dim = |n: u32| i32::try_from(n).map_err(|_| AppError::internal("image too wide"));
            let row = images::insert(
                conn,
                &NewImage {
                    uploader_id: u.id,
                    format: p.format.as_str(),
                    alt: alt.as_str(),
                    width: dim(p.width)?,
                    height: dim(p.height)?,
                    data: &p.data,
                    thumb_width: dim(p.thumb_width)?,
                    thumb_height: dim(p.thumb_height)?,
                    thumb: &p.thumb,
                },
            )?;
            ImageView::new(&row, Some(u.username.clone()))
        })
        .await
}
