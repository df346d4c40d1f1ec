//! What wraps every response: security headers, the CSRF cookie, and friendly HTML error pages for
//! everything outside `/api`.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};

use crate::auth::extract::CsrfSeed;
use crate::auth::{sessions, tokens};
use crate::error::ErrorSummary;
use crate::state::AppState;

/// No inline script or style, nothing from another origin, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
                       connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Put in a response's extensions by a page of a public group an admin opened to search engines;
/// every other response says `X-Robots-Tag: noindex`.
#[derive(Clone, Copy)]
pub struct Indexable;

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let tls = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.settings.tls);
    let is_static = req.path().starts_with("/static/");
    let mut res = next.call(req).await?;
    let indexable = res.response().extensions().get::<Indexable>().is_some();
    // Header names in their conventional case: HTTP says case does not matter, but some clients
    // and scripts compare them as written.
    res.response_mut().head_mut().set_camel_case_headers(true);
    let h = res.headers_mut();
    // A response may bring a stricter policy of its own (images: `sandbox`).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !indexable {
        // A patient forum is not for search engines unless an admin says so, group by group.
        h.insert(
            header::HeaderName::from_static("x-robots-tag"),
            HeaderValue::from_static("noindex, nofollow"),
        );
    }
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    h.insert(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        // Pages and API answers can hold private data: no shared or back-button caches.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    Ok(res)
}

/// Gives every browser a random CSRF seed cookie (forms carry an HMAC of it), setting it on the
/// first response if the request had none.
pub async fn csrf_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.path().starts_with("/api/") || req.path().starts_with("/static/") {
        return next.call(req).await;
    }
    let existing = req
        .cookie(sessions::CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| {
            v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    let fresh = existing.is_none();
    let seed = existing.unwrap_or_else(|| tokens::random_token(32));
    req.extensions_mut().insert(CsrfSeed(seed.clone()));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let mut res = next.call(req).await?;
    if let (true, Some(state)) = (fresh, state) {
        let c = sessions::cookie(&state, sessions::CSRF_COOKIE, seed, None);
        res.response_mut().add_cookie(&c)?;
    }
    Ok(res)
}

/// Turns error responses of pages (not `/api`) into the site's error page, keeping the status.
pub async fn html_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_api = req.path().starts_with("/api/") || req.path() == "/healthz";
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res);
    }
    let summary = res.response().extensions().get::<ErrorSummary>().cloned();
    if is_api {
        if summary.is_some() {
            return Ok(res);
        }
        // An error actix produced itself (405 from a route table, say): give it the contract's shape.
        let code = match status.as_u16() {
            404 => "not_found",
            405 => "method_not_allowed",
            _ => "error",
        };
        let message = status.canonical_reason().unwrap_or("Error");
        let body = serde_json::json!({"error": {"code": code, "message": message}}).to_string();
        return Ok(replace_body(res, "application/json", body));
    }
    let already_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if already_html {
        // A page that answered with its own form and a 4xx status (a validation problem, say).
        return Ok(res);
    }
    let Some(state) = res.request().app_data::<web::Data<AppState>>().cloned() else {
        return Ok(res);
    };
    let message = summary
        .as_ref()
        .map(|s| s.message.clone())
        .unwrap_or_else(|| match status.as_u16() {
            404 => "We could not find that page.".into(),
            _ => "Something went wrong with that request.".into(),
        });
    let mut ctx = tera::Context::new();
    ctx.insert("title", status.canonical_reason().unwrap_or("Error"));
    ctx.insert("status", &status.as_u16());
    ctx.insert("message", &message);
    ctx.insert("user", &Option::<()>::None);
    ctx.insert("csrf_token", "");
    ctx.insert("flash", &Option::<String>::None);
    let html = match state.templates.render("error.html", &ctx) {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            return Ok(res);
        }
    };
    Ok(replace_body(res, "text/html; charset=utf-8", html))
}

/// The same response (status, cookies, headers) with another body.
fn replace_body(
    res: ServiceResponse<BoxBody>,
    content_type: &str,
    body: String,
) -> ServiceResponse<BoxBody> {
    let (req, old) = res.into_parts();
    let mut new = actix_web::HttpResponse::build(old.status());
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    ServiceResponse::new(req, new.content_type(content_type.to_owned()).body(body))
}
