//! Templates and static files, compiled into the binary so that it runs from any folder.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use rust_embed::RustEmbed;

use crate::error::AppError;

#[derive(RustEmbed)]
#[folder = "templates/"]
struct Templates;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

/// Every template in `templates/`, autoescaped (they all end in `.html`).
pub fn templates() -> anyhow::Result<tera::Tera> {
    let mut tera = tera::Tera::new();
    let mut sources = Vec::new();
    for name in Templates::iter() {
        let file =
            Templates::get(&name).ok_or_else(|| anyhow::anyhow!("template {name} vanished"))?;
        let text = String::from_utf8(file.data.into_owned())?;
        sources.push((name.to_string(), text));
    }
    tera.add_raw_templates(sources)?;
    Ok(tera)
}

/// `GET /static/{path}`: embedded files, cached by browsers for a day.
pub async fn serve(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let path = path.into_inner();
    let file = Static::get(&path).ok_or(AppError::NotFound)?;
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime.essence_str().to_owned()))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .insert_header((
            "ETag",
            format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..8])),
        ))
        .body(file.data.into_owned()))
}

/// `GET /favicon.ico`: browsers ask for it whatever the page says; answer with the site's icon.
pub async fn favicon() -> Result<HttpResponse, AppError> {
    let file = Static::get("favicon.svg").ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "image/svg+xml"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(file.data.into_owned()))
}
