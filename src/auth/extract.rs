//! Request extractors: who is calling (API bearer token, browser session) and from where.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::InternalError;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};

use crate::auth::client::{self, ClientInfo};
use crate::auth::{api_tokens, sessions};
use crate::db::credentials::SessionRow;
use crate::db::users::UserRow;
use crate::error::AppError;
use crate::state::AppState;

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, actix_web::Error>>>>;

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::internal("application state missing"))
}

impl FromRequest for ClientInfo {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let proxies = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.settings.trusted_proxies.clone())
            .unwrap_or_default();
        std::future::ready(Ok(ClientInfo {
            ip: client::address(req, &proxies),
            user_agent: client::user_agent(req),
        }))
    }
}

/// A checked `Authorization: Bearer …` token (signature and lifetime; 401 without a valid one),
/// its account not read yet: for a use case that reads it in its own pool trip
/// ([`api_tokens::Caller`]).
pub struct ApiBearer(pub api_tokens::Bearer);

impl FromRequest for ApiBearer {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let bearer = state(req).and_then(|state| {
            let token = bearer_token(req)?;
            api_tokens::Bearer::verify(&state, &token)
        });
        std::future::ready(bearer.map(ApiBearer).map_err(Into::into))
    }
}

/// The token of an `Authorization: Bearer …` header; 401 without a readable one.
pub fn bearer_token(req: &HttpRequest) -> Result<String, AppError> {
    match req.headers().get(header::AUTHORIZATION).map(|v| v.to_str()) {
        None => Err(AppError::unauthorized(
            "unauthorized",
            "Sign in first: send Authorization: Bearer ACCESS_TOKEN.",
        )),
        Some(Ok(v)) => v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
            .map(|t| t.trim().to_owned())
            .ok_or_else(|| {
                AppError::unauthorized("invalid_token", "Use Authorization: Bearer ACCESS_TOKEN.")
            }),
        Some(Err(_)) => Err(AppError::unauthorized(
            "invalid_token",
            "The Authorization header is not readable.",
        )),
    }
}

/// The account behind `Authorization: Bearer …`; 401 without a valid one.
pub struct ApiUser(pub UserRow);

impl FromRequest for ApiUser {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let bearer = ApiBearer::from_request(req, payload).into_inner();
        let state = state(req);
        Box::pin(async move {
            let (ApiBearer(bearer), state) = (bearer?, state?);
            Ok(ApiUser(
                state.db.run(move |conn| bearer.account(conn)).await?,
            ))
        })
    }
}

/// The account behind a bearer token when one is sent; anonymous otherwise. A token that is sent
/// but invalid is still refused (401), so a client with an expired token learns it.
pub struct MaybeApiUser(pub Option<UserRow>);

impl FromRequest for MaybeApiUser {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let has_token = req.headers().contains_key(header::AUTHORIZATION);
        let user = ApiUser::from_request(req, payload);
        Box::pin(async move {
            if !has_token {
                return Ok(MaybeApiUser(None));
            }
            Ok(MaybeApiUser(Some(user.await?.0)))
        })
    }
}

/// The CSRF seed of this browser, put in the request by the `csrf_cookie` middleware.
#[derive(Clone, Debug)]
pub struct CsrfSeed(pub String);

/// Whoever is looking at a page: maybe a signed-in user, always a CSRF token for forms.
pub struct Viewer {
    pub session: Option<(SessionRow, UserRow)>,
    /// Unread notifications, for the header.
    pub unread: i64,
    pub csrf_token: String,
    csrf_seed: String,
    state: web::Data<AppState>,
}

impl Viewer {
    pub fn user(&self) -> Option<&UserRow> {
        self.session.as_ref().map(|(_, u)| u)
    }

    /// Refuses a form whose CSRF token does not match this browser's cookie.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), AppError> {
        check_csrf(&self.state, &self.csrf_seed, submitted)
    }
}

/// The one CSRF check of a form, on the browser's seed (a cookie, no database).
fn check_csrf(state: &AppState, seed: &str, submitted: &str) -> Result<(), AppError> {
    if sessions::csrf_ok(state, seed, submitted) {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "csrf_failed",
            "This form expired or did not come from this site. Go back, reload the page and try again.",
        ))
    }
}

impl FromRequest for Viewer {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let pending = PendingViewer::from_request(req, payload).into_inner();
        Box::pin(async move {
            // The header's unread count comes with the session, in its one statement: a form's
            // POST usually ends in a redirect, but one that shows the form again with an error
            // has a header too.
            Ok(pending?.resume().await?)
        })
    }
}

/// A page's viewer before their session is looked up: for a page that looks it up in the same
/// pool trip as its own content ([`sessions::resume_on`]), then makes the [`Viewer`].
pub struct PendingViewer {
    /// The session cookie's value, if the browser sent one.
    pub cookie: Option<String>,
    seed: String,
    state: web::Data<AppState>,
}

impl PendingViewer {
    /// [`Viewer::check_csrf`] before the session is looked up.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), AppError> {
        check_csrf(&self.state, &self.seed, submitted)
    }

    /// The viewer, looked up in a pool trip of its own (for a form shown again after its use case
    /// refused it, which read the session in its own trip).
    pub async fn resume(self) -> Result<Viewer, AppError> {
        let session = match self.cookie.clone() {
            Some(token) => sessions::resume_for_page(&self.state, token, true).await?,
            None => None,
        };
        Ok(self.into_viewer(session))
    }

    /// The viewer, given what [`sessions::resume_on`] found for the cookie.
    pub fn into_viewer(self, session: Option<(SessionRow, UserRow, i64)>) -> Viewer {
        let (session, unread) = match session {
            Some((session, user, unread)) => (Some((session, user)), unread),
            None => (None, 0),
        };
        Viewer {
            session,
            unread,
            csrf_token: sessions::csrf_token(&self.state, &self.seed),
            csrf_seed: self.seed,
            state: self.state,
        }
    }
}

impl FromRequest for PendingViewer {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let cookie = req
            .cookie(sessions::SESSION_COOKIE)
            .map(|c| c.value().to_owned());
        let seed = req.extensions().get::<CsrfSeed>().map(|s| s.0.clone());
        std::future::ready((|| {
            let state = state(req)?;
            let seed = seed.ok_or_else(|| AppError::internal("CSRF middleware not installed"))?;
            Ok(PendingViewer {
                cookie,
                seed,
                state,
            })
        })())
    }
}

/// The sign-in page, which brings the person back to `next` (a path of this site) afterwards.
pub fn to_sign_in(next: &str) -> HttpResponse {
    let to = format!(
        "/login?next={}",
        url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
    );
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

/// A page that needs a signed-in user: anyone else is sent to the sign-in page and brought back.
pub struct SignedIn {
    pub viewer: Viewer,
    pub user: UserRow,
    pub session_id: i64,
}

impl FromRequest for SignedIn {
    type Error = actix_web::Error;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let viewer = Viewer::from_request(req, payload);
        let next = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        Box::pin(async move {
            let viewer = viewer.await?;
            match viewer.session.clone() {
                Some((session, user)) => Ok(SignedIn {
                    viewer,
                    user,
                    session_id: session.id,
                }),
                None => {
                    Err(InternalError::from_response("sign in required", to_sign_in(&next)).into())
                }
            }
        })
    }
}
