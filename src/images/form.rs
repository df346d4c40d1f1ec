//! Reading an upload form (`multipart/form-data`: `file`, `alt`, and `csrf_token` on pages) while
//! it streams in: the file is refused as soon as it passes the size limit, before the rest of the
//! body is read, and text fields are short.

use actix_multipart::{Field, Multipart, MultipartError};
use actix_web::http::header;
use actix_web::HttpRequest;
use futures_util::StreamExt as _;

use super::process::MAX_BYTES;
use crate::error::AppError;

/// The most a text field (alt text, CSRF token) may hold.
const MAX_TEXT: usize = 4 * 1024;
/// Room for the form's other fields and boundaries around the file.
const OVERHEAD: usize = 64 * 1024;

/// What an upload form sent.
#[derive(Default)]
pub struct UploadForm {
    pub file: Option<Vec<u8>>,
    pub alt: Option<String>,
    pub csrf_token: Option<String>,
}

fn too_large() -> AppError {
    AppError::PayloadTooLarge("An image can be at most 10 MB.".into())
}

fn unreadable(e: MultipartError) -> AppError {
    match e {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible
        | MultipartError::BoundaryMissing => AppError::UnsupportedMediaType(
            "Send the image as multipart/form-data with the fields \"file\" and \"alt\".".into(),
        ),
        other => AppError::BadRequest(format!("The upload could not be read: {other}")),
    }
}

/// A body announced larger than an image and its form can be is refused before it is read.
pub fn check_length(req: &HttpRequest) -> Result<(), AppError> {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    match announced {
        Some(n) if n > MAX_BYTES + OVERHEAD => Err(too_large()),
        _ => Ok(()),
    }
}

async fn read_field(field: &mut Field, max: usize) -> Result<Option<Vec<u8>>, AppError> {
    let mut out = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(unreadable)?;
        if out.len() + chunk.len() > max {
            return Ok(None);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(Some(out))
}

fn text(bytes: Vec<u8>) -> Result<String, AppError> {
    String::from_utf8(bytes)
        .map_err(|_| AppError::validation("alt", "The text is not valid UTF-8."))
}

/// Reads the form, keeping the first `file`, `alt` and `csrf_token` and skipping anything else.
pub async fn read(mut form: Multipart) -> Result<UploadForm, AppError> {
    let mut out = UploadForm::default();
    let mut skipped = 0usize;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" if out.file.is_none() => {
                out.file = Some(
                    read_field(&mut field, MAX_BYTES)
                        .await?
                        .ok_or_else(too_large)?,
                );
            }
            "alt" if out.alt.is_none() => {
                let v = read_field(&mut field, MAX_TEXT).await?.ok_or_else(|| {
                    AppError::validation(
                        "alt",
                        "Keep the description (alt text) under 300 characters.",
                    )
                })?;
                out.alt = Some(text(v)?);
            }
            "csrf_token" if out.csrf_token.is_none() => {
                let v = read_field(&mut field, MAX_TEXT).await?.unwrap_or_default();
                out.csrf_token = Some(String::from_utf8_lossy(&v).into_owned());
            }
            _ => {
                let v = read_field(&mut field, OVERHEAD)
                    .await?
                    .ok_or_else(too_large)?;
                skipped += v.len();
                if skipped > OVERHEAD {
                    return Err(too_large());
                }
            }
        }
    }
    Ok(out)
}
