//! Private messages: conversations between 2 and 8 members, for the pages and the API alike.
//!
//! Who may write: a member starts a conversation once they have `KINDRED_MESSAGE_MIN_POSTS`
//! published posts and an account `KINDRED_MESSAGE_MIN_DAYS` old (staff are exempt); nobody
//! writes to a member who turned messages off or blocked them (one refusal, 403
//! `messages_not_allowed`, that never says which recipient or why). Sending takes from the posting
//! limit and is refused while suspended.
//!
//! Every message is screened by the PHI scanner: a risky one is refused with the spans (422
//! `phi_confirm_required`) until the author sends it again with `confirm_phi`. Messages are never
//! in the moderation queue; a conversation's member may report one (see [`reports`]). Only the
//! conversation's members read it: to anyone else it does not exist (404). Message bodies never
//! reach a log line.

pub mod blocks;
pub mod reports;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::db::messages::{self as rows, ConversationRow, MemberName, MessageRow};
use crate::db::users::{self as user_rows, UserRow};
use crate::db::{rfc3339, AnyConnection};
use crate::domain::Username;
use crate::error::AppError;
use crate::forum::views::AuthorView;
use crate::phi::Span;
use crate::state::AppState;

/// At most this many other members in one conversation (8 with its starter).
pub const MAX_RECIPIENTS: usize = 7;
/// Messages per page of a conversation.
pub const PAGE: i64 = 50;
/// The notification kind for a new message.
pub const NOTICE_KIND: &str = "message";

#[derive(Serialize, Clone, Debug)]
pub struct MessageView {
    pub id: String,
    pub author: AuthorView,
    /// Sanitised when written.
    pub body_html: String,
    pub created_at: String,
    /// The reader blocked its author (in a conversation of several): shown folded.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
    /// The reader wrote it.
    pub mine: bool,
}

impl MessageView {
    fn new(m: &MessageRow, author: String, viewer: i64, blocked: &HashSet<i64>) -> MessageView {
        MessageView {
            id: m.id.to_string(),
            author: AuthorView {
                username: author,
                badge: None,
            },
            body_html: m.body_html.clone(),
            created_at: rfc3339(m.created_at),
            collapsed: blocked.contains(&m.author_id),
            mine: m.author_id == viewer,
        }
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct ConversationView {
    pub id: String,
    /// Every member's username, the reader's included, in name order.
    pub members: Vec<String>,
    pub created_at: String,
    pub last_message_at: String,
    /// The reader turned this conversation's notifications off.
    pub muted: bool,
}

impl ConversationView {
    fn new(c: &ConversationRow, members: &[&MemberName], viewer: i64) -> ConversationView {
        ConversationView {
            id: c.id.to_string(),
            members: members.iter().map(|m| m.username.clone()).collect(),
            created_at: rfc3339(c.created_at),
            last_message_at: rfc3339(c.last_message_at),
            muted: members.iter().any(|m| m.user_id == viewer && m.muted),
        }
    }

    /// Everyone but the reader, for a list's title ("alice, bob").
    pub fn others(&self, me: &str) -> Vec<String> {
        self.members.iter().filter(|m| *m != me).cloned().collect()
    }
}

#[derive(Serialize, Debug)]
pub struct Started {
    pub conversation: ConversationView,
    pub message: MessageView,
}

#[derive(Serialize, Debug)]
pub struct Conversation {
    pub conversation: ConversationView,
    /// Oldest first within the page.
    pub messages: Vec<MessageView>,
    /// For the page of older messages; null when this is the start.
    pub next_cursor: Option<String>,
}

/// The one refusal for anything that keeps a message from its recipients.
pub fn not_allowed() -> AppError {
    AppError::forbidden(
        "messages_not_allowed",
        "This message cannot be sent: new members write in the groups for a while before sending private messages, and members can turn messages off.",
    )
}

/// The sender turned their own messages off.
fn messages_off() -> AppError {
    AppError::forbidden(
        "messages_not_allowed",
        "You turned private messages off; turn them on in your settings to write.",
    )
}

/// A message body ready to store: parsed, rendered, screened; refused while it looks risky and
/// the author has not confirmed it.
struct Body {
    md: String,
    html: String,
    confirmed: bool,
}

fn prepare(
    user: &UserRow,
    raw: &str,
    confirm_phi: bool,
    members: &[String],
) -> Result<Body, AppError> {
    let (body, html) = crate::content::prepare(raw)?;
    let text: Vec<char> = body.as_str().chars().collect();
    // A conversation's members know each other's usernames: "Hi carol" names nobody new.
    let spans: Vec<Span> = crate::forum::screen::screen(user.role(), None, body.as_str())
        .into_iter()
        .filter(|s| {
            let found: String = text
                .get(s.start..s.end.min(text.len()))
                .unwrap_or_default()
                .iter()
                .collect();
            !(s.kind == crate::phi::Kind::Name
                && members.iter().any(|m| m.eq_ignore_ascii_case(found.trim())))
        })
        .collect();
    if !spans.is_empty() && !confirm_phi {
        return Err(AppError::PhiConfirmRequired {
            message: "This message looks like it holds something that could identify someone (see the marked parts). Send it again confirming that you mean to share it with the recipients, or take it out.".into(),
            phi: spans,
        });
    }
    Ok(Body {
        md: body.into_string(),
        html: html.into_string(),
        confirmed: !spans.is_empty(),
    })
}

/// Parses the recipients: 1 to 7 distinct other members' names.
fn recipients(me: &UserRow, to: &[String]) -> Result<Vec<Username>, AppError> {
    let mut seen = HashSet::new();
    let mut names = Vec::new();
    for raw in to {
        let raw = raw.trim().trim_start_matches('@');
        if raw.is_empty() {
            continue;
        }
        let name = Username::parse(raw)
            .map_err(|_| AppError::validation("to", format!("No member is called {raw}.")))?;
        if name.as_str().eq_ignore_ascii_case(&me.username) {
            continue;
        }
        if seen.insert(name.as_str().to_lowercase()) {
            names.push(name);
        }
    }
    if names.is_empty() || names.len() > MAX_RECIPIENTS {
        return Err(AppError::validation(
            "to",
            format!("Write to 1 to {MAX_RECIPIENTS} other members."),
        ));
    }
    Ok(names)
}

/// May this member start a conversation: staff always; members with enough published posts and
/// an old enough account.
fn may_start(
    conn: &mut AnyConnection,
    state_limits: (u32, u32),
    user: &UserRow,
) -> Result<(), AppError> {
    if !user.messages_enabled {
        return Err(messages_off());
    }
    if user.role().is_staff() {
        return Ok(());
    }
    let (min_posts, min_days) = state_limits;
    if min_days > 0 {
        let age = crate::db::now() - user.created_at;
        if age < time::Duration::days(min_days.into()) {
            return Err(not_allowed());
        }
    }
    if min_posts > 0 && crate::db::posts::published_by(conn, user.id)? < i64::from(min_posts) {
        return Err(not_allowed());
    }
    Ok(())
}

/// Refuses when any recipient turned messages off or blocked the sender.
fn require_reachable(
    conn: &mut AnyConnection,
    sender: &UserRow,
    recipients: &[UserRow],
) -> Result<(), AppError> {
    let ids: Vec<i64> = recipients.iter().map(|u| u.id).collect();
    let blockers = crate::db::blocks::who_blocked(conn, sender.id, &ids)?;
    if !blockers.is_empty() || recipients.iter().any(|u| !u.messages_enabled) {
        return Err(not_allowed());
    }
    Ok(())
}

/// The recipients by name, when the sender may start a conversation with every one of them.
fn reachable_recipients(
    conn: &mut AnyConnection,
    limits: (u32, u32),
    sender: &UserRow,
    names: &[Username],
) -> Result<Vec<UserRow>, AppError> {
    may_start(conn, limits, sender)?;
    let mut others = Vec::new();
    for name in names {
        let other = user_rows::by_username(conn, name)?.ok_or_else(|| {
            AppError::validation("to", format!("No member is called {}.", name.as_str()))
        })?;
        if other.id != sender.id {
            others.push(other);
        }
    }
    require_reachable(conn, sender, &others)?;
    Ok(others)
}

/// Tells the other members (who did not mute the conversation) that a message came, and mails
/// those who asked for email at a confirmed address (the mail says only that a message came).
fn tell(
    conn: &mut AnyConnection,
    conversation_id: i64,
    sender: &UserRow,
    members: &[MemberName],
) -> Result<(), AppError> {
    let link = format!("/messages/{conversation_id}");
    let ids: Vec<i64> = members
        .iter()
        .filter(|m| m.user_id != sender.id && !m.muted)
        .map(|m| m.user_id)
        .collect();
    for user in user_rows::by_ids(conn, &ids)? {
        crate::notify::notify(
            conn,
            user.id,
            NOTICE_KIND,
            &format!("{} sent you a private message.", sender.username),
            &link,
        )?;
        if user.email_notifications && user.email_confirmed() {
            crate::notify::email::queue(conn, user.id, NOTICE_KIND, &link)?;
        }
    }
    Ok(())
}

/// Starts a conversation with the first message.
pub async fn start(
    state: &AppState,
    user: &UserRow,
    to: &[String],
    body: &str,
    confirm_phi: bool,
) -> Result<Started, AppError> {
    let names = recipients(user, to)?;
    let limits = (
        state.settings.message_min_posts,
        state.settings.message_min_days,
    );
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    // Who may write to whom comes first, in a read: a refused sender learns nothing from a scan.
    let members = state
        .db
        .run({
            let (u, names) = (u.clone(), names.clone());
            move |conn| {
                let others = reachable_recipients(conn, limits, &u, &names)?;
                crate::forum::publish::may_post(conn, &u, per_minute, false)?;
                Ok(others.into_iter().map(|o| o.username).collect::<Vec<_>>())
            }
        })
        .await?;
    let mut known = members;
    known.push(user.username.clone());
    let body = prepare(user, body, confirm_phi, &known)?;
    state
        .db
        .write(move |conn| {
            // Checked again: the read above is not part of this transaction.
            let others = reachable_recipients(conn, limits, &u, &names)?;
            crate::forum::publish::may_post(conn, &u, per_minute, true)?;
            let mut ids: Vec<i64> = others.iter().map(|o| o.id).collect();
            ids.push(u.id);
            let c = rows::create(conn, u.id, &ids)?;
            let m = rows::insert_message(conn, c.id, u.id, &body.md, &body.html, body.confirmed)?;
            crate::images::embed::record_message_uses(conn, m.id, u.id, &m.body_html)?;
            let members = rows::members_of(conn, &[c.id])?;
            tell(conn, c.id, &u, &members)?;
            let refs: Vec<&MemberName> = members.iter().collect();
            let c = rows::by_id(conn, c.id)?.ok_or(AppError::NotFound)?;
            let mut message = MessageView::new(&m, u.username.clone(), u.id, &HashSet::new());
            show_images(conn, &u, std::iter::once((m.author_id, &mut message)))?;
            Ok(Started {
                conversation: ConversationView::new(&c, &refs, u.id),
                message,
            })
        })
        .await
}

/// The conversation and its members, when the viewer is one of them; 404 otherwise.
fn membership(
    conn: &mut AnyConnection,
    id: i64,
    viewer: i64,
) -> Result<(ConversationRow, Vec<MemberName>), AppError> {
    let c = rows::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let members = rows::members_of(conn, &[id])?;
    if !members.iter().any(|m| m.user_id == viewer) {
        return Err(AppError::NotFound);
    }
    Ok((c, members))
}

/// The conversation's members, when the sender is one of them (404 otherwise), has messages on,
/// and every other member takes messages from them.
fn may_write(
    conn: &mut AnyConnection,
    conversation_id: i64,
    sender: &UserRow,
) -> Result<Vec<MemberName>, AppError> {
    let (_, members) = membership(conn, conversation_id, sender.id)?;
    if !sender.messages_enabled {
        return Err(messages_off());
    }
    let ids: Vec<i64> = members
        .iter()
        .map(|m| m.user_id)
        .filter(|&id| id != sender.id)
        .collect();
    let others = user_rows::by_ids(conn, &ids)?;
    require_reachable(conn, sender, &others)?;
    Ok(members)
}

/// Writes in a conversation the sender is a member of.
pub async fn send(
    state: &AppState,
    user: &UserRow,
    conversation_id: i64,
    body: &str,
    confirm_phi: bool,
) -> Result<MessageView, AppError> {
    // Who may write comes before what: an outsider learns nothing from a PHI answer.
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    let known = state
        .db
        .run(move |conn| {
            let members = may_write(conn, conversation_id, &u)?;
            crate::forum::publish::may_post(conn, &u, per_minute, false)?;
            Ok(members.into_iter().map(|m| m.username).collect::<Vec<_>>())
        })
        .await?;
    let body = prepare(user, body, confirm_phi, &known)?;
    let (u, per_minute) = (user.clone(), state.settings.posts_per_minute);
    state
        .db
        .write(move |conn| {
            // Checked again: the read above is not part of this transaction.
            let members = may_write(conn, conversation_id, &u)?;
            crate::forum::publish::may_post(conn, &u, per_minute, true)?;
            let m = rows::insert_message(
                conn,
                conversation_id,
                u.id,
                &body.md,
                &body.html,
                body.confirmed,
            )?;
            crate::images::embed::record_message_uses(conn, m.id, u.id, &m.body_html)?;
            tell(conn, conversation_id, &u, &members)?;
            let mut message = MessageView::new(&m, u.username.clone(), u.id, &HashSet::new());
            show_images(conn, &u, std::iter::once((m.author_id, &mut message)))?;
            Ok(message)
        })
        .await
}

/// The member's conversations, most recently active first (up to 100).
pub async fn list(state: &AppState, user: &UserRow) -> Result<Vec<ConversationView>, AppError> {
    let me = user.id;
    state
        .db
        .run(move |conn| {
            let convs = rows::of_member(conn, me, 100)?;
            let ids: Vec<i64> = convs.iter().map(|c| c.id).collect();
            let members = rows::members_of(conn, &ids)?;
            let mut by_conv: HashMap<i64, Vec<&MemberName>> = HashMap::new();
            for m in &members {
                by_conv.entry(m.conversation_id).or_default().push(m);
            }
            Ok(convs
                .iter()
                .map(|c| {
                    ConversationView::new(c, by_conv.get(&c.id).map_or(&[][..], Vec::as_slice), me)
                })
                .collect())
        })
        .await
}

/// One page of a conversation for one of its members: the newest messages, or those older than
/// `cursor`.
pub async fn get(
    state: &AppState,
    user: &UserRow,
    id: i64,
    cursor: Option<&str>,
) -> Result<Conversation, AppError> {
    let before = cursor
        .map(|c| {
            c.parse::<i64>()
                .map_err(|_| AppError::BadRequest("That cursor is not one we gave.".into()))
        })
        .transpose()?;
    let (me, viewer) = (user.id, user.clone());
    state
        .db
        .run(move |conn| {
            let (c, members) = membership(conn, id, me)?;
            let blocked: HashSet<i64> = crate::db::blocks::blocked_ids(conn, me)?
                .into_iter()
                .collect();
            let mut page = rows::page(conn, id, before, PAGE + 1)?;
            let more = page.len() as i64 > PAGE;
            page.truncate(PAGE as usize);
            let next_cursor = more
                .then(|| page.last().map(|(m, _)| m.id.to_string()))
                .flatten();
            page.reverse();
            let refs: Vec<&MemberName> = members.iter().collect();
            let authors: Vec<i64> = page.iter().map(|(m, _)| m.author_id).collect();
            let mut messages: Vec<MessageView> = page
                .into_iter()
                .map(|(m, name)| MessageView::new(&m, name, me, &blocked))
                .collect();
            show_images(conn, &viewer, authors.into_iter().zip(messages.iter_mut()))?;
            Ok(Conversation {
                conversation: ConversationView::new(&c, &refs, me),
                messages,
                next_cursor,
            })
        })
        .await
}

/// Images in messages as this member may see them (held ones as words, unless they sent them).
fn show_images<'a>(
    conn: &mut AnyConnection,
    viewer: &UserRow,
    messages: impl IntoIterator<Item = (i64, &'a mut MessageView)>,
) -> Result<(), AppError> {
    crate::images::embed::show(
        conn,
        Some(viewer),
        messages
            .into_iter()
            .map(|(author, m)| (Some(author), &mut m.body_html)),
    )
}

/// Turns the member's notifications from a conversation off or on.
pub async fn mute(state: &AppState, user: &UserRow, id: i64, on: bool) -> Result<(), AppError> {
    let me = user.id;
    state
        .db
        .write(move |conn| {
            membership(conn, id, me)?;
            rows::set_muted(conn, id, me, on)?;
            Ok(())
        })
        .await
}

/// Turns the member's own messages off (nobody can write to them, they write to nobody) or on.
pub async fn set_enabled(state: &AppState, user: &UserRow, on: bool) -> Result<(), AppError> {
    let me = user.id;
    state
        .db
        .write(move |conn| user_rows::set_messages_enabled(conn, me, on))
        .await
}

/// Whether this member may start conversations now (for the pages' "Send a message" link).
pub async fn can_start(state: &AppState, user: &UserRow) -> Result<bool, AppError> {
    let limits = (
        state.settings.message_min_posts,
        state.settings.message_min_days,
    );
    let u = user.clone();
    state
        .db
        .run(move |conn| match may_start(conn, limits, &u) {
            Ok(()) => Ok(true),
            Err(AppError::Forbidden { .. }) => Ok(false),
            Err(e) => Err(e),
        })
        .await
}
