//! The moderation queue's reads: posts that wait for a moderator (held, with open reports, or with
//! an open crisis alert) in some groups, urgent first, then oldest first, a page at a time. Read
//! through the pool with a limit, whatever the queue's length.

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::posts::PostRow;
use super::schema::{flags, groups, post_crisis, posts, threads, users};
use super::AnyConnection;
use crate::error::AppError;
use crate::posting::{HoldReason, PostStatus};

/// Why a post is in the queue, as a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Phi,
    Flag,
    AutoHidden,
    NewMember,
    Crisis,
}

impl Reason {
    pub fn parse(raw: &str) -> Result<Reason, AppError> {
        Ok(match raw {
            "phi" => Reason::Phi,
            "flag" => Reason::Flag,
            "auto_hidden" => Reason::AutoHidden,
            "new_member" => Reason::NewMember,
            "crisis" => Reason::Crisis,
            _ => {
                return Err(AppError::validation(
                    "reason",
                    "Filter by phi, flag, auto_hidden, new_member or crisis.",
                ))
            }
        })
    }
}

/// Which part of the queue to read.
pub struct Scope<'a> {
    /// The groups to read (None: every group).
    pub groups: Option<&'a [i64]>,
    pub group_slug: Option<&'a str>,
    pub reason: Option<Reason>,
}

/// A queued post with its thread's title, its group's slug, and its author's name and join time.
pub struct QueueRow {
    pub post: PostRow,
    pub thread_title: String,
    pub group: String,
    pub author: Option<String>,
    pub author_joined: Option<PrimitiveDateTime>,
    /// In crisis language or reported for self-harm: shown first.
    pub urgent: bool,
}

type Cols = (
    PostRow,
    String,
    String,
    Option<String>,
    Option<PrimitiveDateTime>,
);

/// Boxes the queue's query: every waiting post in the scope (and, with `urgent`, only the urgent
/// ones or only the others).
macro_rules! waiting {
    ($scope:expr, $urgent:expr) => {{
        let scope: &Scope<'_> = $scope;
        let open_flags = flags::table
            .filter(flags::resolved_at.is_null())
            .select(flags::post_id);
        let crisis = post_crisis::table
            .filter(post_crisis::status.eq(super::safety::OPEN))
            .select(post_crisis::post_id);
        let self_harm = flags::table
            .filter(flags::resolved_at.is_null())
            .filter(flags::reason.eq("self_harm"))
            .select(flags::post_id);
        let mut q = posts::table
            .inner_join(threads::table.inner_join(groups::table))
            .left_join(users::table)
            .filter(posts::deleted_at.is_null())
            .filter(
                posts::status
                    .eq(PostStatus::Held)
                    .or(posts::id.eq_any(open_flags))
                    .or(posts::id.eq_any(crisis)),
            )
            .into_boxed();
        if let Some(ids) = scope.groups {
            q = q.filter(groups::id.eq_any(ids.to_vec()));
        }
        if let Some(slug) = scope.group_slug {
            q = q.filter(groups::slug.eq(slug.to_owned()));
        }
        q = match scope.reason {
            None => q,
            Some(Reason::Phi) => q.filter(posts::phi.is_not_null()),
            Some(Reason::Flag) => q.filter(
                posts::id.eq_any(
                    flags::table
                        .filter(flags::resolved_at.is_null())
                        .select(flags::post_id),
                ),
            ),
            Some(Reason::AutoHidden) => q.filter(posts::held_for.eq(HoldReason::Reports)),
            Some(Reason::NewMember) => q.filter(posts::held_for.eq(HoldReason::NewMember)),
            Some(Reason::Crisis) => q.filter(
                posts::id.eq_any(
                    post_crisis::table
                        .filter(post_crisis::status.eq(super::safety::OPEN))
                        .select(post_crisis::post_id),
                ),
            ),
        };
        let urgent = posts::id.eq_any(self_harm).or(posts::id.eq_any(
            post_crisis::table
                .filter(post_crisis::status.eq(super::safety::OPEN))
                .select(post_crisis::post_id),
        ));
        match $urgent {
            Some(true) => q.filter(urgent),
            Some(false) => q.filter(diesel::dsl::not(urgent)),
            None => q,
        }
    }};
}

/// How many posts wait in the scope.
pub fn count(conn: &mut AnyConnection, scope: &Scope<'_>) -> Result<i64, AppError> {
    Ok(waiting!(scope, None::<bool>).count().get_result(conn)?)
}

/// The first `limit` waiting posts: urgent ones first, each part oldest first.
pub fn page(
    conn: &mut AnyConnection,
    scope: &Scope<'_>,
    limit: i64,
) -> Result<Vec<QueueRow>, AppError> {
    let select = (
        PostRow::as_select(),
        threads::title,
        groups::slug,
        users::username.nullable(),
        users::created_at.nullable(),
    );
    let order = (posts::created_at.asc(), posts::id.asc());
    let urgent: Vec<Cols> = waiting!(scope, Some(true))
        .select(select)
        .order(order)
        .limit(limit)
        .load(conn)?;
    let rest_limit = limit - urgent.len() as i64;
    let rest: Vec<Cols> = if rest_limit > 0 {
        waiting!(scope, Some(false))
            .select(select)
            .order(order)
            .limit(rest_limit)
            .load(conn)?
    } else {
        Vec::new()
    };
    let row = |urgent: bool| {
        move |(post, thread_title, group, author, author_joined): Cols| QueueRow {
            post,
            thread_title,
            group,
            author,
            author_joined,
            urgent,
        }
    };
    Ok(urgent
        .into_iter()
        .map(row(true))
        .chain(rest.into_iter().map(row(false)))
        .collect())
}

/// Posts with an open crisis alert among these.
pub fn in_crisis(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<i64>, AppError> {
    Ok(post_crisis::table
        .filter(post_crisis::status.eq(super::safety::OPEN))
        .filter(post_crisis::post_id.eq_any(ids))
        .select(post_crisis::post_id)
        .load(conn)?)
}

/// How many of each author's posts moderators rejected (the queue shows an author's history).
pub fn rejected_counts(
    conn: &mut AnyConnection,
    authors: &[i64],
) -> Result<HashMap<i64, i64>, AppError> {
    Ok(posts::table
        .filter(posts::author_id.eq_any(authors))
        .filter(posts::status.eq(PostStatus::Rejected))
        .group_by(posts::author_id)
        .select((posts::author_id, count_star()))
        .load::<(Option<i64>, i64)>(conn)?
        .into_iter()
        .filter_map(|(a, n)| a.map(|a| (a, n)))
        .collect())
}
