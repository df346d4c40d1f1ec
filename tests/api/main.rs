//! Kindred's integration tests: one binary, every test against a real server over HTTP on a fresh
//! database. `cargo test` runs them on SQLite; `KINDRED_TEST_DATABASE=postgres://postgres@127.0.0.1:5432 cargo test`
//! runs the same tests on PostgreSQL.

// A failed unwrap in a test is a failed test with its reason: exactly what a test should do.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod accounts;
mod anon_cache;
mod around;
mod audit;
mod badges;
mod blocking;
mod cli;
mod clinicians;
mod counters;
mod email;
mod errors;
mod forum;
mod forum_pages;
mod helpers;
mod holes;
mod hostile;
mod images;
mod kept_pages;
mod long_threads;
mod messages;
mod moderation;
mod notify;
mod openapi;
mod pages;
mod phi;
mod post_blocks;
mod privacy;
mod quotes;
mod reliability;
mod replies;
mod reveal;
mod safety;
mod sanitising;
mod search;
mod standing;
mod throttling;
mod tokens;
mod two_factor;
mod versions;
mod visibility;
mod walk;
