//! Moderation: members' reports, the queue moderators work, and their decisions. Every decision
//! is a compare-and-set on the post's state inside one write transaction, so two moderators acting
//! on the same item at once get one decision and one "already handled by …".

pub mod appeals;
pub mod decide;
pub mod queue;
pub mod reports;
pub mod reveal;
pub mod sanctions;
pub mod settings;
