//! Where a post stands, as stored: `posts.status` (and `threads.status`, the opening post's) and
//! `posts.held_for`. Both are enums read and written through diesel's `FromSql`/`ToSql` (the impls
//! are in `db::stored`, which knows the backends), so no status string is compared anywhere else,
//! and a value the code does not know is an error when it is read, never a guess.

use std::fmt;

use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::sql_types::Text;
use serde::{Deserialize, Serialize};

/// The stored status column: only `published` posts are shown to everyone.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Published,
    Held,
    Rejected,
    Removed,
}

/// Why a held post waits: it decides what may release it (an author's clean edit releases a PHI
/// hold; reports and new-member holds wait for a moderator).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// The PHI scanner found something that could identify someone.
    Phi,
    /// Admins asked for new members' first posts to be approved.
    NewMember,
    /// Enough members reported it: out of view until a moderator decides.
    Reports,
}

/// A stored value the code does not know: refused on read.
#[derive(Debug, thiserror::Error)]
#[error("unknown stored {what} {value:?}")]
pub struct UnknownValue {
    what: &'static str,
    value: String,
}

macro_rules! stored_text {
    ($ty:ident, $what:literal, $($variant:ident => $text:literal),+ $(,)?) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, UnknownValue> {
                match raw {
                    $($text => Ok($ty::$variant),)+
                    other => Err(UnknownValue { what: $what, value: other.to_owned() }),
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

    };
}

stored_text!(PostStatus, "post status",
    Published => "published",
    Held => "held",
    Rejected => "rejected",
    Removed => "removed",
);

stored_text!(HoldReason, "hold reason",
    Phi => "phi",
    NewMember => "new_member",
    Reports => "reports",
);

/// A post's state as the lifecycle sees it: the status with, for a held post, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PostState {
    Published,
    Held(HoldReason),
    Rejected,
    Removed,
}

impl PostState {
    /// From the two stored columns. A held post stored without a reason (none is written so since
    /// the reason column came) waits for a moderator: the most careful reading.
    pub fn stored(status: PostStatus, held_for: Option<HoldReason>) -> PostState {
        match status {
            PostStatus::Published => PostState::Published,
            PostStatus::Held => PostState::Held(held_for.unwrap_or(HoldReason::NewMember)),
            PostStatus::Rejected => PostState::Rejected,
            PostStatus::Removed => PostState::Removed,
        }
    }

    pub fn status(self) -> PostStatus {
        match self {
            PostState::Published => PostStatus::Published,
            PostState::Held(_) => PostStatus::Held,
            PostState::Rejected => PostStatus::Rejected,
            PostState::Removed => PostStatus::Removed,
        }
    }

    pub fn held_for(self) -> Option<HoldReason> {
        match self {
            PostState::Held(r) => Some(r),
            _ => None,
        }
    }

    pub fn is_published(self) -> bool {
        self == PostState::Published
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_name_reads_back_and_unknown_ones_are_refused() {
        for s in PostStatus::ALL {
            assert_eq!(PostStatus::parse(s.as_str()).ok(), Some(*s));
        }
        for r in HoldReason::ALL {
            assert_eq!(HoldReason::parse(r.as_str()).ok(), Some(*r));
        }
        assert!(PostStatus::parse("deleted").is_err());
        assert!(PostStatus::parse("Published").is_err());
        assert!(HoldReason::parse("").is_err());
    }
}
