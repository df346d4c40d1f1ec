//! The sharing rule as a table: for every kind of reader and every kind of post, whether the block
//! is shared, and that wherever it is, the neutral rendering is byte for byte the reader's own.

use std::collections::BTreeMap;

use super::*;
use crate::db::users::Badge;
use crate::forum::views::{AuthorView, GroupView, ThreadView};
use crate::safety::notes::NoteView;

fn post(id: &str, author: &str, status: PostStatus) -> PostView {
    PostView {
        id: id.to_owned(),
        thread_id: "7".to_owned(),
        parent_id: Some("1".to_owned()),
        author: Some(AuthorView {
            username: author.to_owned(),
            badge: None,
        }),
        body_html: "<p>Pacing helps.</p>".to_owned(),
        status,
        created_at: "2026-12-01T10:00:00Z".to_owned(),
        edited_at: None,
        deleted: false,
        depth: 1,
        phi: None,
        decision_reason: None,
        moderator_note: None,
        crisis_resources: None,
        collapsed: false,
    }
}

/// Every kind of post a thread page can hold, by name.
fn posts() -> Vec<(&'static str, PostView)> {
    let mut badge = post("11", "dana", PostStatus::Published);
    if let Some(a) = badge.author.as_mut() {
        a.badge = Some(Badge {
            kind: "clinician",
            specialty: "Rheumatology".to_owned(),
        });
    }
    let mut noted = post("12", "dana", PostStatus::Published);
    noted.moderator_note = Some(NoteView {
        text_html: "<p>See the guide.</p>".to_owned(),
        by_role: "moderator".to_owned(),
        created_at: "2026-12-02T10:00:00Z".to_owned(),
        updated_at: "2026-12-02T10:00:00Z".to_owned(),
    });
    let mut edited = post("13", "dana", PostStatus::Published);
    edited.edited_at = Some("2026-12-03T10:00:00Z".to_owned());
    let mut deep = post("14", "dana", PostStatus::Published);
    deep.depth = 9;
    let mut deleted = post("15", "dana", PostStatus::Published);
    deleted.deleted = true;
    deleted.author = None;
    deleted.body_html = String::new();
    let mut opening = post("1", "carol", PostStatus::Published);
    opening.depth = 0;
    opening.parent_id = None;
    let mut collapsed = post("16", "dana", PostStatus::Published);
    collapsed.collapsed = true;
    let mut removed = post("17", "dana", PostStatus::Removed);
    removed.decision_reason = Some("Off topic".to_owned());
    vec![
        ("opening post, by the thread's author", opening),
        ("plain reply", post("10", "dana", PostStatus::Published)),
        ("clinician's reply", badge),
        ("reply with a moderator's note", noted),
        ("edited reply", edited),
        ("reply nested past the limit", deep),
        ("deleted reply", deleted),
        (
            "reply by the reader",
            post("18", "bob", PostStatus::Published),
        ),
        (
            "reply in crisis language",
            post("19", "bob", PostStatus::Published),
        ),
        ("reply from a blocked member", collapsed),
        ("held reply", post("20", "dana", PostStatus::Held)),
        ("rejected reply", post("21", "dana", PostStatus::Rejected)),
        ("removed reply", removed),
    ]
}

fn thread(posts: Vec<PostView>) -> ThreadWithPosts {
    ThreadWithPosts {
        group_id: 3,
        group: GroupView {
            id: "3".to_owned(),
            slug: "lupus".to_owned(),
            name: "Lupus".to_owned(),
            description: String::new(),
            visibility: "public",
            member_count: 4,
            thread_count: Some(1),
            post_count: Some(1),
            last_activity_at: None,
            membership: Some("member"),
            is_moderator: false,
            indexable: false,
        },
        thread: ThreadView {
            id: "7".to_owned(),
            group: "lupus".to_owned(),
            title: "Fatigue".to_owned(),
            author: Some(AuthorView {
                username: "carol".to_owned(),
                badge: None,
            }),
            created_at: "2026-12-01T09:00:00Z".to_owned(),
            last_activity_at: "2026-12-01T10:00:00Z".to_owned(),
            reply_count: 1,
            locked: false,
            pinned: false,
            clinician_answered: false,
            answer_post_id: Some("10".to_owned()),
        },
        posts,
        can_reply: true,
        is_moderator: false,
        held: BTreeMap::new(),
        crisis: vec!["19".to_owned()],
        crisis_resources: Some("Call a helpline.".to_owned()),
        next_cursor: None,
        continued: false,
        answer: None,
        watching: false,
        muted: false,
    }
}

/// Every kind of reader, by name.
fn readers() -> Vec<(&'static str, Reader<'static>)> {
    let r = |username, can_reply, is_moderator| Reader {
        username,
        can_reply,
        is_moderator,
        csrf_token: "token-of-this-reader",
    };
    vec![
        ("anonymous", r(None, false, false)),
        ("member who may reply", r(Some("bob"), true, false)),
        ("member of a locked thread", r(Some("bob"), false, false)),
        ("signed in, not a member", r(Some("erin"), false, false)),
        ("the thread's author", r(Some("carol"), true, false)),
        ("a moderator", r(Some("mod"), true, true)),
    ]
}

/// Whether the rule shares each post with each reader: the whole table, written out.
#[test]
fn the_sharing_rule_as_a_table() {
    let t = thread(Vec::new());
    let author = t.thread.author.as_ref().map(|a| a.username.as_str());
    for (reader_name, reader) in readers() {
        for (post_name, p) in posts() {
            let mine = reader.username.is_some()
                && p.author.as_ref().map(|a| a.username.as_str()) == reader.username;
            let got = shared(&p, mine, &reader, author, &t.crisis);
            let per_reader = matches!(reader_name, "the thread's author" | "a moderator")
                || (reader.username == Some("bob") && post_name == "reply by the reader")
                || matches!(
                    post_name,
                    // The crisis list is the reader's own posts: here, whoever reads.
                    "reply in crisis language"
                        | "reply from a blocked member"
                        | "held reply"
                        | "rejected reply"
                        | "removed reply"
                );
            let want = if per_reader {
                None
            } else if reader.username.is_none() {
                Some(Audience::Anonymous)
            } else {
                Some(Audience::Member {
                    can_reply: reader.can_reply,
                })
            };
            assert_eq!(got, want, "{reader_name} reading a {post_name}");
        }
    }
}

/// Wherever a block is shared, the neutral reader's rendering is exactly the reader's own: nothing
/// of theirs is missing from it, and nothing of theirs (name, token) is in it.
#[test]
fn a_shared_block_is_exactly_what_its_reader_would_get() {
    let templates = crate::web::assets::templates().expect("templates");
    let t = thread(posts().into_iter().map(|(_, p)| p).collect());
    let author = t.thread.author.as_ref().map(|a| a.username.as_str());
    let mut compared = 0;
    for (reader_name, reader) in readers() {
        let mut own = reader_context(&t, &reader);
        for (post_name, p) in posts() {
            let mine = reader.username.is_some()
                && p.author.as_ref().map(|a| a.username.as_str()) == reader.username;
            let Some(audience) = shared(&p, mine, &reader, author, &t.crisis) else {
                continue;
            };
            let item = PostItem {
                post: &p,
                nest: p.depth.min(NEST_LIMIT),
                replying_to: (p.depth > NEST_LIMIT).then_some("dana"),
                mine,
            };
            let theirs = render_one(&templates, &mut own, &item).expect("reader's rendering");
            let kept = render_one(&templates, &mut neutral_context(&t, audience), &item)
                .expect("neutral rendering");
            assert_eq!(kept, theirs, "{reader_name} reading a {post_name}");
            assert!(
                !kept.contains("token-of-this-reader"),
                "{reader_name}: {kept}"
            );
            compared += 1;
        }
    }
    // Eight kinds of post for the anonymous reader and for Erin; Bob's own aside, seven for him
    // whether he may reply or not; none for the thread's author and the moderator.
    assert_eq!(compared, 8 + 7 + 7 + 8, "the table shrank");
}
