//! Posting: the post lifecycle and the visibility rule, shared by the forum (writing and reading)
//! and moderation (deciding), which both depend on this module and not on each other for it.

pub mod lifecycle;
pub mod state;
pub mod visibility;

pub use state::{HoldReason, PostState, PostStatus};
