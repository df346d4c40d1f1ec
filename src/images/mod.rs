//! Images in posts: uploads re-encoded by the server (so no metadata survives), stored in the
//! database, held for a moderator by default, and served from our own origin as nothing but an
//! image.
//!
//! - [`process`]: the pure part: limits, decoding with the `image` crate, re-encoding, thumbnail.
//! - [`upload`]: the use case (rate limit, process off the async threads, store).
//! - [`serve`]: who may see an image, and its bytes.
//! - [`decide`]: the moderators' queue of held images, approve and reject (audited).
//! - [`embed`]: what `![alt](/images/{id})` in a post becomes for each reader, applied when a
//!   thread is read (posts store their HTML when written, an image's state changes later).
//! - [`form`]: reading a `multipart/form-data` upload with its size cap.

pub mod decide;
pub mod embed;
pub mod form;
pub mod process;
pub mod serve;
pub mod upload;

use serde::Serialize;

use crate::error::AppError;

/// The formats kept: each upload is re-encoded in the family it came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    /// The only content types an image is ever served with: chosen here from the format of our
    /// own re-encoding, never from what the uploader said.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    /// A stored value; anything else is an error, not a guess.
    pub fn stored(raw: &str) -> Result<Format, AppError> {
        match raw {
            "jpeg" => Ok(Format::Jpeg),
            "png" => Ok(Format::Png),
            "webp" => Ok(Format::Webp),
            other => Err(AppError::internal(format!(
                "unknown stored image format {other:?}"
            ))),
        }
    }
}

/// Where an image stands with the moderators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Held,
    Approved,
    Rejected,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
        }
    }

    pub fn stored(raw: &str) -> Result<Status, AppError> {
        match raw {
            "held" => Ok(Status::Held),
            "approved" => Ok(Status::Approved),
            "rejected" => Ok(Status::Rejected),
            other => Err(AppError::internal(format!(
                "unknown stored image status {other:?}"
            ))),
        }
    }
}

/// The text that describes an image to people who cannot see it: required, one line, 1–300
/// characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AltText(String);

impl AltText {
    pub const MAX_CHARS: usize = 300;

    pub fn parse(raw: Option<&str>) -> Result<AltText, AppError> {
        let alt = raw
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if alt.is_empty() {
            return Err(AppError::validation(
                "alt",
                "Describe the image in a few words (alt text), for people who cannot see it.",
            ));
        }
        if alt.chars().count() > Self::MAX_CHARS {
            return Err(AppError::validation(
                "alt",
                "Keep the description (alt text) under 300 characters.",
            ));
        }
        if alt.chars().any(char::is_control) {
            return Err(AppError::validation(
                "alt",
                "The description cannot contain control characters.",
            ));
        }
        Ok(AltText(alt))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An image as its uploader and the moderators see it described (never its bytes).
#[derive(Clone, Debug, Serialize)]
pub struct ImageView {
    pub id: String,
    pub status: Status,
    pub format: Format,
    pub width: i32,
    pub height: i32,
    pub alt: String,
    pub url: String,
    pub thumb_url: String,
    /// What to write in a post to show it.
    pub markdown: String,
    pub uploader: Option<String>,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
}

impl ImageView {
    pub fn new(
        row: &crate::db::images::ImageMeta,
        uploader: Option<String>,
    ) -> Result<Self, AppError> {
        Ok(ImageView {
            id: row.id.to_string(),
            status: Status::stored(&row.status)?,
            format: Format::stored(&row.format)?,
            width: row.width,
            height: row.height,
            alt: row.alt.clone(),
            url: format!("/images/{}", row.id),
            thumb_url: format!("/images/{}/thumb", row.id),
            markdown: format!("![{}](/images/{})", markdown_alt(&row.alt), row.id),
            uploader,
            created_at: crate::db::rfc3339(row.created_at),
            decision_reason: row.decision_reason.clone(),
        })
    }
}

/// Alt text as Markdown image text: brackets and backslashes escaped so the description cannot
/// end the image early.
fn markdown_alt(alt: &str) -> String {
    let mut out = String::with_capacity(alt.len());
    for c in alt.chars() {
        if matches!(c, '[' | ']' | '\\' | '*' | '_' | '`' | '<' | '>' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
