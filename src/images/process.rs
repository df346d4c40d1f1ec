//! An upload's bytes to the images we keep: the format from the file's own signature (never its
//! name or declared type), its dimensions from the header before anything is decoded, a decoder
//! with limits, then a fresh encoding (which carries no metadata: no EXIF GPS position, no camera
//! serial, no text chunks) and a thumbnail. Pure: no database, no web.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::Format;
use crate::error::AppError;

/// The largest upload accepted, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels an upload may have, read from its header before decoding.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The longest side an upload may have (a 40-megapixel image 1 pixel high is not a photo).
pub const MAX_SIDE: u32 = 20_000;
/// What the decoder may allocate at most: a 40-megapixel image with alpha is 160 MB.
const MAX_ALLOC: u64 = 200 * 1024 * 1024;
/// Kept images are at most this long on their longest side: enough for any screen.
pub const STORED_MAX_SIDE: u32 = 4096;
/// Thumbnails shown in posts fit in this square.
pub const THUMB_MAX_SIDE: u32 = 640;
const JPEG_QUALITY: u8 = 85;

/// One re-encoded image and its thumbnail.
#[derive(Debug)]
pub struct Processed {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
    pub thumb_width: u32,
    pub thumb_height: u32,
    pub thumb: Vec<u8>,
}

fn refuse(problem: impl Into<String>) -> AppError {
    AppError::validation("file", problem)
}

/// The format by the file's signature: JPEG, PNG or WebP, and nothing else (an SVG, an HTML page
/// named `.png`, a GIF…).
pub fn sniff(bytes: &[u8]) -> Result<Format, AppError> {
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok(Format::Jpeg),
        Ok(ImageFormat::Png) => Ok(Format::Png),
        Ok(ImageFormat::WebP) => Ok(Format::Webp),
        _ => Err(refuse(
            "This file is not a JPEG, PNG or WebP image. Upload a photo or picture in one of those formats.",
        )),
    }
}

fn image_format(f: Format) -> ImageFormat {
    match f {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::Webp => ImageFormat::WebP,
    }
}

fn malformed(e: image::ImageError) -> AppError {
    match e {
        image::ImageError::Limits(_) => refuse(
            "This image is too large to process: at most 40 megapixels.",
        ),
        _ => refuse("This image file is damaged or incomplete, so it cannot be read. Try saving it again or taking a screenshot of it."),
    }
}

/// Width and height from the header alone, refused past the limits before any pixel is decoded.
pub fn checked_dimensions(bytes: &[u8], format: Format) -> Result<(u32, u32), AppError> {
    let (w, h) = ImageReader::with_format(Cursor::new(bytes), image_format(format))
        .into_dimensions()
        .map_err(malformed)?;
    if w == 0 || h == 0 {
        return Err(refuse("This image has no pixels."));
    }
    if u64::from(w) * u64::from(h) > MAX_PIXELS || w > MAX_SIDE || h > MAX_SIDE {
        return Err(refuse(format!(
            "This image is {w} × {h} pixels; the most is 40 megapixels. Make it smaller and try again."
        )));
    }
    Ok((w, h))
}

/// Checks, decodes and re-encodes an upload.
pub fn process(bytes: &[u8]) -> Result<Processed, AppError> {
    if bytes.len() > MAX_BYTES {
        return Err(AppError::PayloadTooLarge(
            "An image can be at most 10 MB.".into(),
        ));
    }
    let format = sniff(bytes)?;
    let (w, h) = checked_dimensions(bytes, format)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format(format));
    let mut limits = Limits::default();
    limits.max_image_width = Some(w.min(MAX_SIDE));
    limits.max_image_height = Some(h.min(MAX_SIDE));
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(malformed)?;
    // Photos from phones are often stored sideways with an EXIF note saying so: turn the pixels,
    // since the note goes with the rest of the metadata.
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(malformed)?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    if img.width() > STORED_MAX_SIDE || img.height() > STORED_MAX_SIDE {
        img = img.resize(STORED_MAX_SIDE, STORED_MAX_SIDE, FilterType::Triangle);
    }
    let data = encode(&img, format)?;
    let (thumb_img, thumb) = if img.width() > THUMB_MAX_SIDE || img.height() > THUMB_MAX_SIDE {
        let t = img.thumbnail(THUMB_MAX_SIDE, THUMB_MAX_SIDE);
        let bytes = encode(&t, format)?;
        (t, bytes)
    } else {
        (img.clone(), data.clone())
    };
    Ok(Processed {
        format,
        width: img.width(),
        height: img.height(),
        data,
        thumb_width: thumb_img.width(),
        thumb_height: thumb_img.height(),
        thumb,
    })
}

/// A fresh encoding of the pixels alone. JPEG stays JPEG (quality 85, no alpha), PNG stays PNG,
/// WebP becomes lossless WebP (the encoder the `image` crate has).
fn encode(img: &DynamicImage, format: Format) -> Result<Vec<u8>, AppError> {
    let mut out = Cursor::new(Vec::new());
    let failed = |e: image::ImageError| AppError::internal(format!("re-encoding an image: {e}"));
    match format {
        Format::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            DynamicImage::ImageRgb8(img.to_rgb8())
                .write_with_encoder(enc)
                .map_err(failed)?;
        }
        Format::Png => {
            let enc = image::codecs::png::PngEncoder::new(&mut out);
            let img = match img {
                DynamicImage::ImageLuma8(_)
                | DynamicImage::ImageLumaA8(_)
                | DynamicImage::ImageRgb8(_)
                | DynamicImage::ImageRgba8(_)
                | DynamicImage::ImageLuma16(_)
                | DynamicImage::ImageLumaA16(_)
                | DynamicImage::ImageRgb16(_)
                | DynamicImage::ImageRgba16(_) => img.clone(),
                other => DynamicImage::ImageRgba8(other.to_rgba8()),
            };
            img.write_with_encoder(enc).map_err(failed)?;
        }
        Format::Webp => {
            let enc = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
            let img = if img.color().has_alpha() {
                DynamicImage::ImageRgba8(img.to_rgba8())
            } else {
                DynamicImage::ImageRgb8(img.to_rgb8())
            };
            img.write_with_encoder(enc).map_err(failed)?;
        }
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img =
            DynamicImage::ImageRgb8(image::RgbImage::from_pixel(w, h, image::Rgb([10, 200, 30])));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap_or_default();
        out.into_inner()
    }

    #[test]
    fn a_small_png_is_kept_as_png_with_its_size() {
        let p = process(&png(20, 10)).map_err(|e| e.to_string());
        let p = p
            .as_ref()
            .map(|p| (p.format, p.width, p.height, p.thumb_width));
        assert_eq!(p, Ok((Format::Png, 20, 10, 20)));
    }

    #[test]
    fn a_large_image_gets_a_thumbnail() {
        let p = process(&png(1300, 650)).map_err(|e| e.to_string());
        let p = p.as_ref().map(|p| (p.thumb_width, p.thumb_height));
        assert_eq!(p, Ok((640, 320)));
    }

    #[test]
    fn text_is_not_an_image() {
        assert!(sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>").is_err());
        assert!(sniff(b"<html><script>alert(1)</script></html>").is_err());
        assert!(sniff(b"GIF89a....").is_err());
    }
}
