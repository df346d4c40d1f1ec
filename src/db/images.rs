//! The `images`, `image_uses` and `message_images` tables. Reads that describe images never select their bytes;
//! only [`bytes`] does, one column of one row.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::posts::PostRow;
use super::schema::{
    conversation_members, image_uses, images, message_images, messages, posts, threads, users,
};
use super::threads::ThreadRow;
use super::{now, AnyConnection};
use crate::error::AppError;

/// An image without its bytes.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = images)]
pub struct ImageMeta {
    pub id: i64,
    pub uploader_id: i64,
    pub status: String,
    pub format: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
    pub thumb_width: i32,
    pub thumb_height: i32,
    pub created_at: PrimitiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<PrimitiveDateTime>,
    pub decision_reason: Option<String>,
}

pub struct NewImage<'a> {
    pub uploader_id: i64,
    pub format: &'a str,
    pub alt: &'a str,
    pub width: i32,
    pub height: i32,
    pub data: &'a [u8],
    pub thumb_width: i32,
    pub thumb_height: i32,
    pub thumb: &'a [u8],
}

/// Stores a new image, held for review; returns it described.
pub fn insert(conn: &mut AnyConnection, new: &NewImage<'_>) -> Result<ImageMeta, AppError> {
    let id: i64 = diesel::insert_into(images::table)
        .values((
            images::uploader_id.eq(new.uploader_id),
            images::status.eq("held"),
            images::format.eq(new.format),
            images::alt.eq(new.alt),
            images::width.eq(new.width),
            images::height.eq(new.height),
            images::data.eq(new.data),
            images::thumb_width.eq(new.thumb_width),
            images::thumb_height.eq(new.thumb_height),
            images::thumb.eq(new.thumb),
            images::created_at.eq(now()),
        ))
        .returning(images::id)
        .get_result(conn)?;
    by_id(conn, id)?.ok_or_else(|| AppError::internal("an image vanished as it was stored"))
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<ImageMeta>, AppError> {
    Ok(images::table
        .find(id)
        .select(ImageMeta::as_select())
        .first(conn)
        .optional()?)
}

/// Several images described, in one query.
pub fn by_ids(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<ImageMeta>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(images::table
        .filter(images::id.eq_any(ids))
        .select(ImageMeta::as_select())
        .load(conn)?)
}

/// The stored image or its thumbnail.
pub fn bytes(conn: &mut AnyConnection, id: i64, thumb: bool) -> Result<Option<Vec<u8>>, AppError> {
    let q = images::table.find(id);
    Ok(if thumb {
        q.select(images::thumb).first(conn).optional()?
    } else {
        q.select(images::data).first(conn).optional()?
    })
}

/// Images waiting for a moderator, oldest first, with their uploaders' names.
pub fn held(conn: &mut AnyConnection, limit: i64) -> Result<Vec<(ImageMeta, String)>, AppError> {
    Ok(images::table
        .inner_join(users::table)
        .filter(images::status.eq("held"))
        .order((images::created_at.asc(), images::id.asc()))
        .limit(limit)
        .select((ImageMeta::as_select(), users::username))
        .load(conn)?)
}

/// The images a member uploaded, newest first (described, without their bytes).
pub fn of_uploader(conn: &mut AnyConnection, uploader: i64) -> Result<Vec<ImageMeta>, AppError> {
    Ok(images::table
        .filter(images::uploader_id.eq(uploader))
        .order(images::id.desc())
        .select(ImageMeta::as_select())
        .load(conn)?)
}

/// A moderator's decision, only from one of the states in `from` (a compare-and-set: two
/// moderators deciding at once get one decision). A rejected image's pixels are deleted.
pub fn decide(
    conn: &mut AnyConnection,
    id: i64,
    from: &[&str],
    to: &str,
    by: &str,
    reason: Option<&str>,
) -> Result<bool, AppError> {
    let target = images::table
        .find(id)
        .filter(images::status.eq_any(from.to_vec()));
    let set = (
        images::status.eq(to),
        images::decided_by.eq(Some(by)),
        images::decided_at.eq(Some(now())),
        images::decision_reason.eq(reason),
    );
    let n = if to == "rejected" {
        let empty: &[u8] = &[];
        diesel::update(target)
            .set((set, images::data.eq(empty), images::thumb.eq(empty)))
            .execute(conn)?
    } else {
        diesel::update(target).set(set).execute(conn)?
    };
    Ok(n > 0)
}

/// Makes `image_uses` say exactly which images the post shows (`ids`: images that exist, chosen
/// by `images::embed`).
pub fn set_uses(conn: &mut AnyConnection, post_id: i64, ids: &[i64]) -> Result<(), AppError> {
    diesel::delete(image_uses::table.filter(image_uses::post_id.eq(post_id))).execute(conn)?;
    for &image_id in ids {
        diesel::insert_into(image_uses::table)
            .values((
                image_uses::image_id.eq(image_id),
                image_uses::post_id.eq(post_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Records which images a new message shows (messages are not edited, so this is written once).
pub fn set_message_uses(
    conn: &mut AnyConnection,
    message_id: i64,
    ids: &[i64],
) -> Result<(), AppError> {
    for &image_id in ids {
        diesel::insert_into(message_images::table)
            .values((
                message_images::image_id.eq(image_id),
                message_images::message_id.eq(message_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Whether any message shows the image.
pub fn in_messages(conn: &mut AnyConnection, image_id: i64) -> Result<bool, AppError> {
    let n: i64 = message_images::table
        .filter(message_images::image_id.eq(image_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Whether `user` is a member of a conversation with a message that shows the image.
pub fn shown_to_in_messages(
    conn: &mut AnyConnection,
    image_id: i64,
    user: i64,
) -> Result<bool, AppError> {
    let n: i64 = message_images::table
        .inner_join(messages::table)
        .inner_join(
            conversation_members::table
                .on(conversation_members::conversation_id.eq(messages::conversation_id)),
        )
        .filter(message_images::image_id.eq(image_id))
        .filter(conversation_members::user_id.eq(user))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The posts (not deleted) that show an image, with their threads, at most `limit`: one query.
pub fn using_posts(
    conn: &mut AnyConnection,
    image_id: i64,
    limit: i64,
) -> Result<Vec<(PostRow, ThreadRow)>, AppError> {
    Ok(image_uses::table
        .inner_join(posts::table.inner_join(threads::table))
        .filter(image_uses::image_id.eq(image_id))
        .filter(posts::deleted_at.is_null())
        .select((PostRow::as_select(), ThreadRow::as_select()))
        .order(image_uses::post_id.asc())
        .limit(limit)
        .load(conn)?)
}
