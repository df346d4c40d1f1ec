//! `/clinician/apply` for members and `/moderation/clinicians` for moderators: the pages over
//! `crate::clinicians`, which holds every rule.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::auth::client::ClientInfo;
use crate::auth::extract::{SignedIn, Viewer};
use crate::clinicians::{self, Application};
use crate::domain::clinician::{SPECIALTIES, STATES};
use crate::domain::parse_id as id;
use crate::error::AppError;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/clinicians/{username}", web::get().to(provenance_page))
        .route("/clinician/apply", web::get().to(apply_page))
        .route("/clinician/apply", web::post().to(apply))
        .route("/moderation/clinicians", web::get().to(review_page))
        .route(
            "/moderation/clinicians/applications/{id}/{decision}",
            web::post().to(decide),
        )
        .route(
            "/moderation/clinicians/members/{username}/revoke",
            web::post().to(revoke),
        );
}

/// What the member typed, shown again when something needs fixing.
#[derive(Deserialize, Serialize, Default)]
struct ApplyForm {
    #[serde(default, skip_serializing)]
    csrf_token: String,
    #[serde(default)]
    npi: String,
    #[serde(default)]
    license_state: String,
    #[serde(default)]
    license_number: String,
    #[serde(default)]
    specialty: String,
    #[serde(default)]
    note: String,
}

async fn apply_context(
    state: &AppState,
    me: &SignedIn,
    typed: &ApplyForm,
) -> Result<tera::Context, AppError> {
    let mine = clinicians::mine(state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("pending", &mine.iter().find(|a| a.status == "pending"));
    ctx.insert("last_decided", &mine.iter().find(|a| a.status != "pending"));
    ctx.insert("badge", &me.user.badge());
    ctx.insert("staff", &me.user.role().is_staff());
    ctx.insert("states", &STATES[..]);
    ctx.insert("specialties", &SPECIALTIES[..]);
    ctx.insert("form", typed);
    Ok(ctx)
}

async fn apply_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let ctx = apply_context(&state, &me, &ApplyForm::default()).await?;
    super::page(
        &state,
        &req,
        &me.viewer,
        "clinician_apply.html",
        "Apply for a verified clinician badge",
        ctx,
    )
}

async fn apply(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    me: SignedIn,
    form: web::Form<ApplyForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let f = form.into_inner();
    let application = Application {
        npi: f.npi.clone(),
        license_state: f.license_state.clone(),
        license_number: f.license_number.clone(),
        specialty: f.specialty.clone(),
        note: Some(f.note.clone()),
    };
    match clinicians::apply(&state, &me.user, application, &client).await {
        Ok(_) => Ok(super::redirect_with(
            &state,
            "/clinician/apply",
            Some("Thank you: your application is waiting for a moderator. You will get a notification when it is decided."),
            vec![],
        )),
        Err(e @ (AppError::Validation { .. } | AppError::Conflict { .. })) => {
            let ctx = apply_context(&state, &me, &f).await?;
            super::form_again(
                &state,
                &req,
                &me.viewer,
                "clinician_apply.html",
                "Apply for a verified clinician badge",
                ctx,
                &e,
            )
        }
        Err(e) => Err(e),
    }
}

async fn review_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    me: SignedIn,
) -> Result<HttpResponse, AppError> {
    let pending = clinicians::list(&state, &me.user, None).await?;
    let verified = clinicians::verified(&state, &me.user).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("pending", &pending);
    ctx.insert("verified", &verified);
    super::page(
        &state,
        &req,
        &me.viewer,
        "clinician_review.html",
        "Clinician applications",
        ctx,
    )
}

#[derive(Deserialize)]
struct ReasonForm {
    csrf_token: String,
    #[serde(default)]
    reason: Option<String>,
}

async fn decide(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<(String, String)>,
    form: web::Form<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let (application, decision) = path.into_inner();
    let approve = match decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let outcome = clinicians::decide(
        &state,
        &me.user,
        id(&application)?,
        approve,
        form.into_inner().reason,
        &client,
    )
    .await;
    let message = match outcome {
        Ok(a) if approve => format!(
            "Approved: {} is now shown as \"Verified clinician · {}\" and has been told.",
            a.username, a.specialty
        ),
        Ok(a) => format!("Rejected: {} has been told why.", a.username),
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/moderation/clinicians",
        Some(&message),
        vec![],
    ))
}

async fn revoke(
    state: web::Data<AppState>,
    client: ClientInfo,
    me: SignedIn,
    path: web::Path<String>,
    form: web::Form<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    me.viewer.check_csrf(&form.csrf_token)?;
    let username = path.into_inner();
    let outcome = clinicians::revoke(
        &state,
        &me.user,
        &username,
        form.into_inner().reason,
        &client,
    )
    .await;
    let message = match outcome {
        Ok(()) => {
            format!("The badge is gone from all of {username}'s posts; they have been told why.")
        }
        Err(e) => super::notice_for(e)?,
    };
    Ok(super::redirect_with(
        &state,
        "/moderation/clinicians",
        Some(&message),
        vec![],
    ))
}

/// The page behind a badge: what was checked, by whom, when, until when.
async fn provenance_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let p = crate::badges::provenance(&state, &path).await?;
    let mut ctx = tera::Context::new();
    ctx.insert("p", &p);
    ctx.insert("verified_text", &human(&p.verified_at));
    ctx.insert("expires_text", &human(&p.expires_at));
    let title = format!("{}, verified clinician", p.username);
    super::page(&state, &req, &viewer, "clinician_badge.html", &title, ctx)
}

/// An RFC 3339 time as a date people read ("4 December 2026").
fn human(at: &str) -> String {
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
        .map(|t| crate::display::human_date(time::PrimitiveDateTime::new(t.date(), t.time())))
        .unwrap_or_else(|_| at.chars().take(10).collect())
}
