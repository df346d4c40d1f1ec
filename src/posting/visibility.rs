//! The one visibility rule: who may see a group's content, a thread and a post. Every reader (pages,
//! API, search, profiles, notifications, watch lists, exports, reports, notes) asks it, through
//! [`Access`](crate::forum::access::Access) where one group is at hand. Lists and search run the
//! same rule as SQL ([`SQL_SEEN_AS_READER`]); a test evaluates both on every combination.

use super::state::PostStatus;
use crate::domain::Visibility;

/// What the rule needs to know of a viewer in one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Standing {
    pub signed_in: bool,
    /// An accepted member of the group (a pending request is not).
    pub member: bool,
    /// Global staff, through the staff gate (two-factor on): they read every group.
    pub staff: bool,
    /// Moderator powers here, through the staff gate: reads held, rejected and removed content.
    pub moderates: bool,
}

impl Standing {
    pub const ANONYMOUS: Standing = Standing {
        signed_in: false,
        member: false,
        staff: false,
        moderates: false,
    };
}

/// A thread as the rule sees it.
#[derive(Clone, Copy, Debug)]
pub struct ThreadFacts {
    /// The opening post's status.
    pub status: PostStatus,
    pub by_viewer: bool,
}

/// A post as the rule sees it.
#[derive(Clone, Copy, Debug)]
pub struct PostFacts {
    pub status: PostStatus,
    pub by_viewer: bool,
}

/// Reading a group's threads at all: public to anyone, registered to anyone signed in, private to
/// members (and staff, who moderate it).
pub fn can_read_group(visibility: Visibility, who: Standing) -> bool {
    match visibility {
        Visibility::Public => true,
        Visibility::Registered => who.signed_in,
        Visibility::Private => who.member || who.staff,
    }
}

/// Content that is not published exists only for its author and those who moderate here.
fn content_seen(status: PostStatus, by_viewer: bool, who: Standing) -> bool {
    can_see_content(status, by_viewer, who.moderates)
}

/// The rule's core, for callers that already know the group is readable or that the reader is
/// the content's own author (a member's data export: someone else's thread title only while public).
pub fn can_see_content(status: PostStatus, by_viewer: bool, moderates: bool) -> bool {
    status == PostStatus::Published || by_viewer || moderates
}

/// A thread (its title, its place in lists, its counts).
pub fn can_see_thread(visibility: Visibility, who: Standing, thread: ThreadFacts) -> bool {
    can_read_group(visibility, who) && content_seen(thread.status, thread.by_viewer, who)
}

/// A post: in a thread the viewer can see, and itself published or theirs or moderated by them.
pub fn can_see_post(
    visibility: Visibility,
    who: Standing,
    thread: ThreadFacts,
    post: PostFacts,
) -> bool {
    can_see_thread(visibility, who, thread) && content_seen(post.status, post.by_viewer, who)
}

/// The rule as SQL for search, where everyone reads as a reader (an author's own held post and a
/// moderator's view of held content are not searchable): `can_see_post` with `by_viewer` and
/// `moderates` false. Over `posts p`, `threads t`, `groups g`; `$2` is the viewer's id (0 when
/// signed out). Staff get no wider view in search than members.
pub const SQL_SEEN_AS_READER: &str = "
      p.status = 'published'
  AND t.status = 'published'
  AND (g.visibility = 'public'
       OR (g.visibility = 'registered' AND $2 > 0)
       OR EXISTS (SELECT 1 FROM group_members m
                  WHERE m.group_id = g.id AND m.user_id = $2 AND m.state = 'member'))";

#[cfg(test)]
mod tests {
    use super::*;

    fn who(signed_in: bool, member: bool, staff: bool, moderates: bool) -> Standing {
        Standing {
            signed_in,
            member,
            staff,
            moderates,
        }
    }

    /// The rule on one screen: (group, viewer, thread status, thread by viewer, post status, post
    /// by viewer) → seen.
    #[test]
    fn the_visibility_rule_as_a_table() {
        use PostStatus::{Held, Published, Rejected};
        use Visibility::{Private, Public, Registered};
        let anon = Standing::ANONYMOUS;
        let outsider = who(true, false, false, false);
        let member = who(true, true, false, false);
        let group_mod = who(true, true, false, true);
        let group_mod_no_2fa = who(true, true, false, false);
        let staff = who(true, false, true, true);
        let rows: &[(
            Visibility,
            Standing,
            PostStatus,
            bool,
            PostStatus,
            bool,
            bool,
        )] = &[
            (Public, anon, Published, false, Published, false, true),
            (Public, anon, Published, false, Held, false, false),
            (Public, anon, Held, false, Published, false, false),
            (Registered, anon, Published, false, Published, false, false),
            (
                Registered, outsider, Published, false, Published, false, true,
            ),
            (Private, outsider, Published, false, Published, false, false),
            (Private, member, Published, false, Published, false, true),
            (Private, member, Published, false, Held, true, true),
            (Private, member, Published, false, Held, false, false),
            (Private, member, Held, true, Held, true, true),
            (Private, member, Held, false, Published, false, false),
            (Private, group_mod, Held, false, Held, false, true),
            (Private, group_mod_no_2fa, Held, false, Held, false, false),
            (
                Private,
                group_mod_no_2fa,
                Published,
                false,
                Rejected,
                false,
                false,
            ),
            (Private, staff, Held, false, Rejected, false, true),
            (Public, member, Published, false, Rejected, false, false),
        ];
        for &(vis, w, ts, tb, ps, pb, seen) in rows {
            let thread = ThreadFacts {
                status: ts,
                by_viewer: tb,
            };
            let post = PostFacts {
                status: ps,
                by_viewer: pb,
            };
            assert_eq!(
                can_see_post(vis, w, thread, post),
                seen,
                "{vis:?} {w:?} thread {ts:?} (own {tb}) post {ps:?} (own {pb})"
            );
        }
    }
}
