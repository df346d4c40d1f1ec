//! Member safety: crisis language in posts (resources for the author, an urgent queue item for
//! moderators) and moderators' notes that put a published post in context for its readers.

pub mod crisis;
pub mod notes;
pub mod watch;

#[cfg(test)]
mod tests;
