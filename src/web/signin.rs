//! Registering, signing in (with the two-factor second step) and signing out.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::auth::client::ClientInfo;
use crate::auth::extract::Viewer;
use crate::auth::signin::{self, Outcome};
use crate::auth::{accounts, sessions, tokens};
use crate::db::{credentials, users};
use crate::error::AppError;
use crate::state::AppState;

use super::CsrfOnly;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/register", web::get().to(register_form))
        .route("/register", web::post().to(register))
        .route("/login", web::get().to(login_form))
        .route("/login", web::post().to(login))
        .route("/login/2fa", web::get().to(second_step_form))
        .route("/login/2fa", web::post().to(second_step))
        .route("/logout", web::get().to(logout_form))
        .route("/logout", web::post().to(logout));
}

#[derive(Deserialize, Default)]
struct Next {
    next: Option<String>,
}

async fn register_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    super::page(
        &state,
        &req,
        &viewer,
        "register.html",
        "Join Kindred",
        tera::Context::new(),
    )
}

#[derive(Deserialize)]
struct RegisterForm {
    csrf_token: String,
    username: String,
    password: String,
    password_again: String,
    #[serde(default)]
    email: String,
}

async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    client: ClientInfo,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let result = if f.password != f.password_again {
        Err(AppError::validation(
            "password_again",
            "The two passwords are not the same.",
        ))
    } else {
        accounts::register(&state, &f.username, f.password, Some(&f.email), &client).await
    };
    match result {
        Ok(user) => {
            let token = sessions::start(&state, &user, &client).await?;
            let cookie = sessions::cookie(&state, sessions::SESSION_COOKIE, token, None);
            Ok(super::redirect_with(
                &state,
                "/me",
                Some("Welcome to Kindred! Your account is ready."),
                vec![cookie],
            ))
        }
        Err(e) if e.fields().is_some() || matches!(e, AppError::TooManyRequests { .. }) => {
            let mut ctx = tera::Context::new();
            ctx.insert("username", &f.username);
            ctx.insert("email", &f.email);
            super::form_again(
                &state,
                &req,
                &viewer,
                "register.html",
                "Join Kindred",
                ctx,
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

async fn login_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    q: web::Query<Next>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = tera::Context::new();
    ctx.insert("next", &super::safe_next(q.next.as_deref()));
    super::page(&state, &req, &viewer, "login.html", "Sign in", ctx)
}

#[derive(Deserialize)]
struct LoginForm {
    csrf_token: String,
    username: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    client: ClientInfo,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let next = super::safe_next(f.next.as_deref());
    match signin::authenticate(&state, &f.username, f.password, None, &client).await {
        Ok(Outcome::SignedIn(user)) => signed_in(&state, &viewer, &user, &client, &next).await,
        Ok(Outcome::NeedsSecondFactor(user)) => {
            let token = tokens::random_token(32);
            let (id, t) = (user.id, token.clone());
            state
                .db
                .write(move |conn| credentials::insert_challenge(conn, id, &t))
                .await?;
            let cookie = sessions::cookie(
                &state,
                sessions::CHALLENGE_COOKIE,
                token,
                Some(credentials::CHALLENGE_TTL),
            );
            let to = format!(
                "/login/2fa?next={}",
                url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
            );
            Ok(super::redirect_with(&state, &to, None, vec![cookie]))
        }
        Err(
            e @ (AppError::Unauthorized { .. }
            | AppError::TooManyRequests { .. }
            | AppError::Validation { .. }),
        ) => {
            let mut ctx = tera::Context::new();
            ctx.insert("username", &f.username);
            ctx.insert("next", &next);
            super::form_again(&state, &req, &viewer, "login.html", "Sign in", ctx, &e)
        }
        Err(e) => Err(e),
    }
}

/// Starts the browser session (ending any session this browser had) and goes on to `next`.
async fn signed_in(
    state: &AppState,
    viewer: &Viewer,
    user: &users::UserRow,
    client: &ClientInfo,
    next: &str,
) -> Result<HttpResponse, AppError> {
    if let Some((old, _)) = &viewer.session {
        sessions::end(state, old.id).await?;
    }
    let token = sessions::start(state, user, client).await?;
    let cookies = vec![
        sessions::cookie(state, sessions::SESSION_COOKIE, token, None),
        sessions::removal(state, sessions::CHALLENGE_COOKIE),
    ];
    let notice = format!("Signed in as {}.", user.username);
    Ok(super::redirect_with(state, next, Some(&notice), cookies))
}

async fn second_step_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    q: web::Query<Next>,
) -> Result<HttpResponse, AppError> {
    if req.cookie(sessions::CHALLENGE_COOKIE).is_none() {
        return Ok(super::redirect_with(&state, "/login", None, vec![]));
    }
    let mut ctx = tera::Context::new();
    ctx.insert("next", &super::safe_next(q.next.as_deref()));
    super::page(
        &state,
        &req,
        &viewer,
        "login_2fa.html",
        "Two-factor sign-in",
        ctx,
    )
}

#[derive(Deserialize)]
struct CodeForm {
    csrf_token: String,
    code: String,
    #[serde(default)]
    next: Option<String>,
}

async fn second_step(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    client: ClientInfo,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let next = super::safe_next(f.next.as_deref());
    let challenge = req
        .cookie(sessions::CHALLENGE_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let found = state
        .db
        .write(
            move |conn| match credentials::take_challenge_attempt(conn, &challenge)? {
                Some((cid, uid)) => Ok(users::by_id(conn, uid)?.map(|u| (cid, u))),
                None => Ok(None),
            },
        )
        .await?;
    let Some((challenge_id, user)) = found else {
        let gone = sessions::removal(&state, sessions::CHALLENGE_COOKIE);
        return Ok(super::redirect_with(
            &state,
            "/login",
            Some("That sign-in took too long. Please enter your password again."),
            vec![gone],
        ));
    };
    match signin::second_factor(&state, user, f.code, &client).await {
        Ok(user) => {
            state
                .db
                .write(move |conn| credentials::delete_challenge(conn, challenge_id))
                .await?;
            signed_in(&state, &viewer, &user, &client, &next).await
        }
        Err(e @ (AppError::Unauthorized { .. } | AppError::TooManyRequests { .. })) => {
            let mut ctx = tera::Context::new();
            ctx.insert("next", &next);
            super::form_again(
                &state,
                &req,
                &viewer,
                "login_2fa.html",
                "Two-factor sign-in",
                ctx,
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

async fn logout_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    super::page(
        &state,
        &req,
        &viewer,
        "logout.html",
        "Sign out",
        tera::Context::new(),
    )
}

async fn logout(
    state: web::Data<AppState>,
    viewer: Viewer,
    client: ClientInfo,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    viewer.check_csrf(&form.csrf_token)?;
    if let Some((session, user)) = &viewer.session {
        let (sid, uid, name, ip) = (
            session.id,
            user.id,
            user.username.clone(),
            client.ip.clone(),
        );
        state
            .db
            .write(move |conn| {
                credentials::delete_session(conn, sid)?;
                crate::audit::Entry::new(crate::audit::Action::SignedOut)
                    .actor(uid, &name)
                    .ip(Some(&ip))
                    .reason("browser")
                    .write(conn)
            })
            .await?;
    }
    let gone = sessions::removal(&state, sessions::SESSION_COOKIE);
    Ok(super::redirect_with(
        &state,
        "/",
        Some("You are signed out. Take care."),
        vec![gone],
    ))
}
