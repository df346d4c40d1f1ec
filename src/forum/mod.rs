//! The forum's use cases (groups, memberships, threads, posts), shared by the pages and the API.
//! Every path that shows content goes through `access`, so a private group's content cannot leak
//! through a side door.

pub mod access;
pub mod anon_cache;
pub mod groups;
pub mod kept_pages;
pub mod listing;
pub mod mask;
pub mod page_start;
pub mod posts;
pub mod publish;
pub mod quotes;
pub mod read_limit;
pub mod reading;
pub mod screen;
pub mod thread_rows;
pub mod threads;
pub mod views;
