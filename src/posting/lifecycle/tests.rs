//! The lifecycle's specification: for every state a post can be in, every action, and every kind
//! of actor, what happens. Actors see the post through the visibility rule (a public group, a
//! published thread) and hold powers through the staff gate, so the table tests all three rules.

use super::*;
use crate::posting::state::PostStatus;

/// The actors, one column each: the post's author; another member; the author while suspended; a
/// group moderator without and with two-factor sign-in; a global moderator and an admin (with
/// two-factor); someone signed out.
const ACTORS: [&str; 8] = [
    "author",
    "member",
    "suspended",
    "gm-no2fa",
    "gm",
    "gmod",
    "admin",
    "anon",
];

fn actor(name: &str, post: Current) -> Actor {
    // (signed in, author, suspended, holds a power here, two-factor, global staff)
    let (signed_in, author, suspended, holds, two_factor, staff) = match name {
        "author" => (true, true, false, false, false, false),
        "member" => (true, false, false, false, false, false),
        "suspended" => (true, true, true, false, false, false),
        "gm-no2fa" => (true, false, false, true, false, false),
        "gm" => (true, false, false, true, true, false),
        "gmod" | "admin" => (true, false, false, true, true, true),
        _ => (false, false, false, false, false, false),
    };
    let power = Power::of(holds, two_factor);
    let who = Standing {
        signed_in,
        member: signed_in && !staff,
        staff: staff && power.is_active(),
        moderates: power.is_active(),
    };
    let thread = ThreadFacts {
        status: PostStatus::Published,
        by_viewer: false,
    };
    let facts = PostFacts {
        status: post.state.status(),
        by_viewer: author,
    };
    super::actor(Visibility::Public, who, power, suspended, thread, facts)
}

fn state(name: &str) -> Current {
    let (state, deleted, findings, purged) = match name {
        "published" => (PostState::Published, false, false, false),
        "held:phi" => (PostState::Held(HoldReason::Phi), false, true, false),
        "held:new" => (PostState::Held(HoldReason::NewMember), false, false, false),
        "held:rep" => (PostState::Held(HoldReason::Reports), false, false, false),
        "rejected" => (PostState::Rejected, false, false, false),
        "rejected-purged" => (PostState::Rejected, false, false, true),
        "removed" => (PostState::Removed, false, false, false),
        "deleted" => (PostState::Published, true, false, false),
        other => panic!("no state {other}"),
    };
    Current {
        state,
        deleted,
        findings,
        purged,
    }
}

fn outcome(r: Result<Change, Refusal>) -> String {
    match r {
        Ok(c) => {
            let mut s = match c.to {
                PostState::Published => "pub".to_owned(),
                PostState::Held(HoldReason::Phi) => "held:phi".to_owned(),
                PostState::Held(HoldReason::NewMember) => "held:new".to_owned(),
                PostState::Held(HoldReason::Reports) => "held:rep".to_owned(),
                PostState::Rejected => "rej".to_owned(),
                PostState::Removed => "rem".to_owned(),
            };
            if c.delete {
                s = "del".to_owned();
            }
            if c.purge {
                s.push_str("+purge");
            }
            if c.keep_revision {
                s.push_str("+rev");
            }
            s
        }
        Err(e) => match e {
            Refusal::NotFound => "404",
            Refusal::NotAuthor => "!author",
            Refusal::OwnPost => "!own",
            Refusal::NotModerator => "!mod",
            Refusal::TwoFactorRequired => "!2fa",
            Refusal::Suspended => "!susp",
            Refusal::Deleted => "!gone",
            Refusal::NotPublished => "!unpub",
            Refusal::AlreadyDecided => "!done",
            Refusal::Purged => "!purged",
            Refusal::StillRisky => "!risky",
        }
        .to_owned(),
    }
}

fn action(name: &str) -> Action {
    match name {
        "edit clean" => Action::Edit(Scan::Clean),
        "edit risky" => Action::Edit(Scan::Risky),
        "report" => Action::Report,
        "threshold" => Action::ReportThreshold,
        "approve" => Action::Approve,
        "edit+approve" => Action::EditAndApprove(Scan::Clean),
        "edit+approve risky" => Action::EditAndApprove(Scan::Risky),
        "reject" => Action::Reject,
        "remove" => Action::Remove,
        "restore" => Action::Restore,
        "delete" => Action::Delete,
        "anonymise" => Action::Anonymise,
        other => panic!("no action {other}"),
    }
}

/// state, action: the outcome for each actor in `ACTORS` order. A state name is what the post
/// becomes (`+rev`: the replaced text is kept as a revision; `+purge`: its text goes); `!…` is a
/// refusal, `404` means the actor cannot see the post at all.
#[rustfmt::skip]
const TABLE: &[(&str, &str, [&str; 8])] = &[
    //                                  author      member     suspended  gm-no2fa   gm          gmod        admin       anon
    ("published", "edit clean",        ["pub+rev",  "!author", "!susp",   "!author", "!author",  "!author",  "!author",  "!author"]),
    ("published", "edit risky",        ["held:phi+rev", "!author", "!susp", "!author", "!author", "!author", "!author", "!author"]),
    ("held:phi",  "edit clean",        ["pub",      "404",     "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("held:phi",  "edit risky",        ["held:phi", "404",     "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("held:new",  "edit clean",        ["held:new+rev", "404", "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("held:rep",  "edit clean",        ["held:rep+rev", "404", "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("rejected",  "edit clean",        ["rej+rev",  "404",     "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("rejected-purged", "edit clean",  ["rej",      "404",     "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("removed",   "edit clean",        ["rem+rev",  "404",     "!susp",   "404",     "!author",  "!author",  "!author",  "404"]),
    ("deleted",   "edit clean",        ["!gone",    "!author", "!susp",   "!author", "!author",  "!author",  "!author",  "!author"]),
    ("published", "report",            ["!own",     "pub",     "!own",    "pub",     "pub",      "pub",      "pub",      "pub"]),
    ("held:phi",  "report",            ["!own",     "404",     "!own",    "404",     "!unpub",   "!unpub",   "!unpub",   "404"]),
    ("removed",   "report",            ["!own",     "404",     "!own",    "404",     "!unpub",   "!unpub",   "!unpub",   "404"]),
    ("deleted",   "report",            ["!own",     "!gone",   "!own",    "!gone",   "!gone",    "!gone",    "!gone",    "!gone"]),
    ("published", "threshold",         ["held:rep", "held:rep", "held:rep", "held:rep", "held:rep", "held:rep", "held:rep", "held:rep"]),
    ("held:phi",  "threshold",         ["held:phi", "held:phi", "held:phi", "held:phi", "held:phi", "held:phi", "held:phi", "held:phi"]),
    ("held:rep",  "threshold",         ["held:rep", "held:rep", "held:rep", "held:rep", "held:rep", "held:rep", "held:rep", "held:rep"]),
    ("removed",   "threshold",         ["rem",      "rem",     "rem",     "rem",     "rem",      "rem",      "rem",      "rem"]),
    ("deleted",   "threshold",         ["pub",      "pub",     "pub",     "pub",     "pub",      "pub",      "pub",      "pub"]),
    ("published", "approve",           ["!mod",     "!mod",    "!mod",    "!2fa",    "pub",      "pub",      "pub",      "!mod"]),
    ("held:phi",  "approve",           ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("held:new",  "approve",           ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("held:rep",  "approve",           ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("rejected",  "approve",           ["!mod",     "404",     "!mod",    "404",     "!done",    "!done",    "!done",    "404"]),
    ("deleted",   "approve",           ["!mod",     "!mod",    "!mod",    "!2fa",    "!gone",    "!gone",    "!gone",    "!mod"]),
    ("held:phi",  "edit+approve",      ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("held:phi",  "edit+approve risky",["!mod",     "404",     "!mod",    "404",     "!risky",   "!risky",   "!risky",   "404"]),
    ("held:rep",  "edit+approve",      ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("published", "edit+approve",      ["!mod",     "!mod",    "!mod",    "!2fa",    "!done",    "!done",    "!done",    "!mod"]),
    ("published", "reject",            ["!mod",     "!mod",    "!mod",    "!2fa",    "rej",      "rej",      "rej",      "!mod"]),
    ("held:phi",  "reject",            ["!mod",     "404",     "!mod",    "404",     "rej+purge", "rej+purge", "rej+purge", "404"]),
    ("held:new",  "reject",            ["!mod",     "404",     "!mod",    "404",     "rej",      "rej",      "rej",      "404"]),
    ("removed",   "reject",            ["!mod",     "404",     "!mod",    "404",     "!done",    "!done",    "!done",    "404"]),
    ("published", "remove",            ["!mod",     "!mod",    "!mod",    "!2fa",    "rem",      "rem",      "rem",      "!mod"]),
    ("held:rep",  "remove",            ["!mod",     "404",     "!mod",    "404",     "rem",      "rem",      "rem",      "404"]),
    ("held:phi",  "remove",            ["!mod",     "404",     "!mod",    "404",     "!done",    "!done",    "!done",    "404"]),
    ("removed",   "restore",           ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("rejected",  "restore",           ["!mod",     "404",     "!mod",    "404",     "pub",      "pub",      "pub",      "404"]),
    ("rejected-purged", "restore",     ["!mod",     "404",     "!mod",    "404",     "!purged",  "!purged",  "!purged",  "404"]),
    ("published", "restore",           ["!mod",     "!mod",    "!mod",    "!2fa",    "!done",    "!done",    "!done",    "!mod"]),
    ("published", "delete",            ["del",      "!mod",    "del",     "!2fa",    "del",      "del",      "del",      "!mod"]),
    ("held:phi",  "delete",            ["del",      "404",     "del",     "404",     "del",      "del",      "del",      "404"]),
    ("deleted",   "delete",            ["del",      "!mod",    "del",     "!2fa",    "del",      "del",      "del",      "!mod"]),
    ("published", "anonymise",         ["pub",      "!author", "pub",     "!author", "!author",  "!author",  "!author",  "!author"]),
    ("held:phi",  "anonymise",         ["del",      "404",     "del",     "404",     "!author",  "!author",  "!author",  "404"]),
    ("removed",   "anonymise",         ["del",      "404",     "del",     "404",     "!author",  "!author",  "!author",  "404"]),
];

#[test]
fn the_post_lifecycle_as_a_table() {
    let mut wrong = Vec::new();
    for (state_name, action_name, expected) in TABLE {
        for (who, want) in ACTORS.iter().zip(expected) {
            let post = state(state_name);
            let got = outcome(transition(post, actor(who, post), action(action_name)));
            if got != *want {
                wrong.push(format!(
                    "{state_name} / {action_name} / {who}: expected {want}, got {got}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_new_members_post_waits_for_approval_whatever_the_scanner_says() {
    assert_eq!(on_publish(Scan::Clean, false), PostState::Published);
    assert_eq!(
        on_publish(Scan::Risky, false),
        PostState::Held(HoldReason::Phi)
    );
    assert_eq!(
        on_publish(Scan::Clean, true),
        PostState::Held(HoldReason::NewMember)
    );
    assert_eq!(
        on_publish(Scan::Risky, true),
        PostState::Held(HoldReason::NewMember)
    );
}

#[test]
fn every_state_and_action_has_a_row_for_the_author() {
    // Every action appears, and every state with the actions that matter most to members.
    for a in [
        "edit clean",
        "report",
        "threshold",
        "approve",
        "edit+approve",
        "reject",
        "remove",
        "restore",
        "delete",
        "anonymise",
    ] {
        assert!(TABLE.iter().any(|(_, act, _)| *act == a), "{a}");
    }
    for s in [
        "published",
        "held:phi",
        "held:new",
        "held:rep",
        "rejected",
        "rejected-purged",
        "removed",
        "deleted",
    ] {
        assert!(
            TABLE
                .iter()
                .any(|(st, act, _)| *st == s && *act == "edit clean"),
            "{s}"
        );
    }
}
