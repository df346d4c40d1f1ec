//! Logging set-up. Logs go to stderr (stdout carries only the start-up line and command output)
//! and never hold a request body, password, token or code: handlers log why, not what.

use tracing_subscriber::{fmt, EnvFilter};

pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    // A second init (tests start several apps in one process) is harmless and ignored.
    use std::io::IsTerminal;
    let _ = fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}
