//! The one error type. Every failure a request can meet becomes an [`AppError`]; its HTTP status
//! and stable `code` are chosen here and nowhere else. API responses carry the JSON body of the
//! contract; HTML pages are rendered from the same error by `web::error_pages`.

use std::collections::BTreeMap;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

pub type Fields = BTreeMap<String, String>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input that parsed but breaks a rule; `fields` names each field and what is wrong with it.
    #[error("{message}")]
    Validation { message: String, fields: Fields },
    /// Input that could not be read at all (malformed JSON, a bad query string).
    #[error("{0}")]
    BadRequest(String),
    #[error("{message}")]
    Unauthorized { code: &'static str, message: String },
    #[error("{message}")]
    Forbidden { code: &'static str, message: String },
    #[error("not found")]
    NotFound,
    /// Something that existed and cannot be used any more (an expired or used one-time link).
    #[error("{message}")]
    Gone { code: &'static str, message: String },
    #[error("{message}")]
    Conflict { message: String, fields: Fields },
    /// A private message that looks like it holds an identifier: the author is shown the risky
    /// spans and sends it again with `confirm_phi` if they mean it.
    #[error("{message}")]
    PhiConfirmRequired {
        message: String,
        phi: Vec<crate::phi::Span>,
    },
    #[error("{message}")]
    TooManyRequests {
        retry_after_secs: u64,
        message: String,
    },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The database cannot be reached right now; the detail is logged, never sent.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// A bug or an unexpected failure; the cause chain is logged, never sent.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn validation(field: &str, problem: impl Into<String>) -> Self {
        let problem = problem.into();
        let mut fields = Fields::new();
        fields.insert(field.to_owned(), problem.clone());
        AppError::Validation {
            message: problem,
            fields,
        }
    }

    pub fn conflict(field: &str, problem: impl Into<String>) -> Self {
        let problem = problem.into();
        let mut fields = Fields::new();
        fields.insert(field.to_owned(), problem.clone());
        AppError::Conflict {
            message: problem,
            fields,
        }
    }

    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        AppError::Unauthorized {
            code,
            message: message.into(),
        }
    }

    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        AppError::Forbidden {
            code,
            message: message.into(),
        }
    }

    pub fn gone(code: &'static str, message: impl Into<String>) -> Self {
        AppError::Gone {
            code,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal(anyhow::anyhow!(message.into()))
    }

    /// The stable, snake_case code clients can switch on.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Validation { .. } => "validation_failed",
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized { code, .. }
            | AppError::Forbidden { code, .. }
            | AppError::Gone { code, .. } => code,
            AppError::NotFound => "not_found",
            AppError::Conflict { .. } => "conflict",
            AppError::PhiConfirmRequired { .. } => "phi_confirm_required",
            AppError::TooManyRequests { .. } => "rate_limited",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// What a person is shown: never a database message or a stack of causes.
    pub fn public_message(&self) -> String {
        match self {
            AppError::NotFound => "We could not find that page or item.".into(),
            AppError::MethodNotAllowed => "That action is not available here.".into(),
            AppError::Unavailable(_) => {
                "Kindred cannot reach its database right now. Please try again in a minute.".into()
            }
            AppError::Internal(_) => {
                "Something went wrong on our side. Nothing you sent was lost; please try again."
                    .into()
            }
            other => other.to_string(),
        }
    }

    pub fn fields(&self) -> Option<&Fields> {
        match self {
            AppError::Validation { fields, .. } | AppError::Conflict { fields, .. }
                if !fields.is_empty() =>
            {
                Some(fields)
            }
            _ => None,
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<&'a Fields>,
    /// The risky spans of a message sent without `confirm_phi` (`phi_confirm_required`).
    #[serde(skip_serializing_if = "Option::is_none")]
    phi: Option<&'a [crate::phi::Span]>,
}

/// Left in the response's extensions so that the HTML error page can be rendered from the same error.
#[derive(Clone, Debug)]
pub struct ErrorSummary {
    pub code: &'static str,
    pub message: String,
    pub fields: Option<Fields>,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            AppError::Forbidden { .. } => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Gone { .. } => StatusCode::GONE,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::PhiConfirmRequired { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Internal(e) => tracing::error!(error = format!("{e:#}"), "request failed"),
            AppError::Unavailable(e) => tracing::warn!(error = %e, "database unavailable"),
            _ => {}
        }
        let status = self.status_code();
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.public_message(),
                fields: self.fields(),
                phi: match self {
                    AppError::PhiConfirmRequired { phi, .. } => Some(phi),
                    _ => None,
                },
            },
        };
        let mut res = HttpResponse::build(status);
        match self {
            AppError::TooManyRequests {
                retry_after_secs, ..
            } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.max(&1).to_string()));
            }
            AppError::Unauthorized { .. } => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"kindred\""));
            }
            AppError::Unavailable(_) => {
                res.insert_header((header::RETRY_AFTER, "5"));
            }
            _ => {}
        }
        let mut res = res.json(body);
        res.extensions_mut().insert(ErrorSummary {
            code: self.code(),
            message: self.public_message(),
            fields: self.fields().cloned(),
        });
        res
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => AppError::NotFound,
            E::DatabaseError(K::UniqueViolation, _) => AppError::Conflict {
                message: "That already exists.".into(),
                fields: Fields::new(),
            },
            E::DatabaseError(K::ClosedConnection | K::UnableToSendCommand, info) => {
                AppError::Unavailable(info.message().to_owned())
            }
            E::BrokenTransactionManager => {
                AppError::Unavailable("broken transaction manager".into())
            }
            other => AppError::Internal(anyhow::Error::new(other).context("database query failed")),
        }
    }
}
