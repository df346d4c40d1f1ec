//! Private conversations, their members and messages, and reports about messages: rows and
//! queries. Nothing here checks who may read what; `messages::` does, before calling these.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{conversation_members, conversations, message_reports, messages, users};
use super::{now, AnyConnection};
use crate::error::AppError;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = conversations)]
pub struct ConversationRow {
    pub id: i64,
    pub created_by: Option<i64>,
    pub created_at: PrimitiveDateTime,
    pub last_message_at: PrimitiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = messages)]
pub struct MessageRow {
    pub id: i64,
    pub conversation_id: i64,
    pub author_id: i64,
    pub body_md: String,
    pub body_html: String,
    pub phi_confirmed: bool,
    pub created_at: PrimitiveDateTime,
}

/// A member of a conversation, by id and name.
#[derive(Queryable, Clone, Debug)]
pub struct MemberName {
    pub conversation_id: i64,
    pub user_id: i64,
    pub username: String,
    pub muted: bool,
}

/// Starts a conversation between `members` (the starter among them).
pub fn create(
    conn: &mut AnyConnection,
    starter: i64,
    members: &[i64],
) -> Result<ConversationRow, AppError> {
    let at = now();
    let row = diesel::insert_into(conversations::table)
        .values((
            conversations::created_by.eq(Some(starter)),
            conversations::created_at.eq(at),
            conversations::last_message_at.eq(at),
        ))
        .returning(conversations::all_columns)
        .get_result::<ConversationRow>(conn)?;
    // One row at a time: multi-row inserts do not compile on the connection enum.
    for &m in members {
        diesel::insert_into(conversation_members::table)
            .values((
                conversation_members::conversation_id.eq(row.id),
                conversation_members::user_id.eq(m),
                conversation_members::joined_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(row)
}

pub fn insert_message(
    conn: &mut AnyConnection,
    conversation_id: i64,
    author_id: i64,
    body_md: &str,
    body_html: &str,
    phi_confirmed: bool,
) -> Result<MessageRow, AppError> {
    let at = now();
    let row = diesel::insert_into(messages::table)
        .values((
            messages::conversation_id.eq(conversation_id),
            messages::author_id.eq(author_id),
            messages::body_md.eq(body_md),
            messages::body_html.eq(body_html),
            messages::phi_confirmed.eq(phi_confirmed),
            messages::created_at.eq(at),
        ))
        .returning(messages::all_columns)
        .get_result::<MessageRow>(conn)?;
    diesel::update(conversations::table.find(conversation_id))
        .set(conversations::last_message_at.eq(at))
        .execute(conn)?;
    Ok(row)
}

pub fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<ConversationRow>, AppError> {
    Ok(conversations::table
        .find(id)
        .select(ConversationRow::as_select())
        .first(conn)
        .optional()?)
}

/// The members of these conversations, with their names, in name order.
pub fn members_of(
    conn: &mut AnyConnection,
    conversation_ids: &[i64],
) -> Result<Vec<MemberName>, AppError> {
    if conversation_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(conversation_members::table
        .inner_join(users::table)
        .filter(conversation_members::conversation_id.eq_any(conversation_ids))
        .order((
            conversation_members::conversation_id.asc(),
            users::username.asc(),
        ))
        .select((
            conversation_members::conversation_id,
            conversation_members::user_id,
            users::username,
            conversation_members::muted,
        ))
        .load(conn)?)
}

/// The member's conversations, most recently active first.
pub fn of_member(
    conn: &mut AnyConnection,
    user_id: i64,
    limit: i64,
) -> Result<Vec<ConversationRow>, AppError> {
    Ok(conversations::table
        .inner_join(conversation_members::table)
        .filter(conversation_members::user_id.eq(user_id))
        .order((
            conversations::last_message_at.desc(),
            conversations::id.desc(),
        ))
        .limit(limit)
        .select(ConversationRow::as_select())
        .load(conn)?)
}

/// A message with its author's name.
pub type MessageWithAuthor = (MessageRow, String);

/// A conversation's messages, newest first, older than `before` when given.
pub fn page(
    conn: &mut AnyConnection,
    conversation_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<MessageWithAuthor>, AppError> {
    let mut q = messages::table
        .inner_join(users::table)
        .filter(messages::conversation_id.eq(conversation_id))
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(messages::id.lt(b));
    }
    Ok(q.order(messages::id.desc())
        .limit(limit)
        .select((MessageRow::as_select(), users::username))
        .load(conn)?)
}

pub fn message_by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<MessageRow>, AppError> {
    Ok(messages::table
        .find(id)
        .select(MessageRow::as_select())
        .first(conn)
        .optional()?)
}

/// Turns the member's notifications from a conversation off (`muted`) or on.
pub fn set_muted(
    conn: &mut AnyConnection,
    conversation_id: i64,
    user_id: i64,
    muted: bool,
) -> Result<bool, AppError> {
    Ok(diesel::update(
        conversation_members::table
            .filter(conversation_members::conversation_id.eq(conversation_id))
            .filter(conversation_members::user_id.eq(user_id)),
    )
    .set(conversation_members::muted.eq(muted))
    .execute(conn)?
        > 0)
}

/// Deletes every message the member wrote (their account is going).
pub fn delete_of_author(conn: &mut AnyConnection, user_id: i64) -> Result<usize, AppError> {
    Ok(diesel::delete(messages::table.filter(messages::author_id.eq(user_id))).execute(conn)?)
}

/// Every message the member wrote, oldest first (their data export).
pub fn by_author(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<MessageRow>, AppError> {
    Ok(messages::table
        .filter(messages::author_id.eq(user_id))
        .order(messages::id.asc())
        .select(MessageRow::as_select())
        .load(conn)?)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = message_reports)]
pub struct ReportRow {
    pub id: i64,
    pub message_id: i64,
    pub reporter_id: Option<i64>,
    pub reason: String,
    pub note: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub resolved_at: Option<PrimitiveDateTime>,
    pub resolved_by: Option<String>,
}

/// Records a report; None when this member had reported this message already.
pub fn insert_report(
    conn: &mut AnyConnection,
    message_id: i64,
    reporter_id: i64,
    reason: &str,
    note: Option<&str>,
) -> Result<Option<ReportRow>, AppError> {
    let done = diesel::insert_into(message_reports::table)
        .values((
            message_reports::message_id.eq(message_id),
            message_reports::reporter_id.eq(Some(reporter_id)),
            message_reports::reason.eq(reason),
            message_reports::note.eq(note),
            message_reports::created_at.eq(now()),
        ))
        .returning(message_reports::all_columns)
        .get_result::<ReportRow>(conn);
    match done {
        Ok(row) => Ok(Some(row)),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Open reports, oldest first.
pub fn open_reports(conn: &mut AnyConnection, limit: i64) -> Result<Vec<ReportRow>, AppError> {
    Ok(message_reports::table
        .filter(message_reports::resolved_at.is_null())
        .order((message_reports::created_at.asc(), message_reports::id.asc()))
        .limit(limit)
        .select(ReportRow::as_select())
        .load(conn)?)
}

pub fn report_by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<ReportRow>, AppError> {
    Ok(message_reports::table
        .find(id)
        .select(ReportRow::as_select())
        .first(conn)
        .optional()?)
}

/// Closes an open report: false when it was closed already.
pub fn close_report(conn: &mut AnyConnection, id: i64, by: &str) -> Result<bool, AppError> {
    Ok(diesel::update(
        message_reports::table
            .find(id)
            .filter(message_reports::resolved_at.is_null()),
    )
    .set((
        message_reports::resolved_at.eq(Some(now())),
        message_reports::resolved_by.eq(Some(by)),
    ))
    .execute(conn)?
        > 0)
}

/// The reported message and up to `before` messages written before it in its conversation,
/// oldest first: what a moderator is shown of a report, and nothing else of the conversation.
pub fn context_of(
    conn: &mut AnyConnection,
    message: &MessageRow,
    before: i64,
) -> Result<Vec<MessageWithAuthor>, AppError> {
    let mut rows: Vec<MessageWithAuthor> = messages::table
        .inner_join(users::table)
        .filter(messages::conversation_id.eq(message.conversation_id))
        .filter(messages::id.le(message.id))
        .order(messages::id.desc())
        .limit(before + 1)
        .select((MessageRow::as_select(), users::username))
        .load(conn)?;
    rows.reverse();
    Ok(rows)
}
