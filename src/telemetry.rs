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

/// Replaces the panic hook's message with its place: a panic's message can quote what a member
/// typed (a slice out of bounds prints the string it slices), and the server's logs never hold
/// a post's words. Installed by the server only, so that tests keep their assertion messages.
pub fn hide_panic_messages() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(%place, "a panic (its message is not logged: it may quote what a member typed)");
    }));
}

/// The span every request is served in, holding nothing a member typed: the method, the matched
/// route's pattern (`/api/v1/search`, `/threads/{id}`: never the path's values nor the query
/// string, which can carry a search for a name or a birth date), the status and the request id.
/// tracing-actix-web's default span records the full target, so any line logged while serving a
/// request would repeat what was searched for.
pub struct ContentFreeSpan;

impl tracing_actix_web::RootSpanBuilder for ContentFreeSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "(no route)".to_owned());
        let request_id = request
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "request",
            http.method = %request.method(),
            http.route = %route,
            http.status_code = tracing::field::Empty,
            request_id = %request_id,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        let status = match outcome {
            Ok(res) => res.status().as_u16(),
            Err(e) => e.as_response_error().status_code().as_u16(),
        };
        // No error text either: a parser's message can quote the input ("invalid type: string
        // \"…\""). Failures worth a line are logged where they happen, without content.
        span.record("http.status_code", status);
        span.in_scope(|| tracing::debug!(status, "answered"));
    }
}
