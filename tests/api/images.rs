//! Images: uploads re-encoded without metadata, refused when they are not a JPEG, PNG or WebP of
//! sane size, held for a moderator, served from our origin as nothing but an image, shown in posts
//! to those who may see them, and deleted with their uploader's account.

use std::io::Cursor;

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{body, code, forum, spawn_app, TestApp, PASSWORD};

/// A picture made with the `image` crate, as a camera would save it (before any metadata).
fn picture(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 7 % 256) as u8, (y * 5 % 256) as u8, 90])
    });
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    picture(w, h, image::ImageFormat::Png)
}

const CAMERA_SERIAL: &str = "SERIAL-CAMERA-0042-XYZ";
const PNG_COMMENT: &str = "taken at 14 Elm St";

/// A JPEG with an EXIF APP1 segment, as phones write it: the camera's make (holding a serial) and
/// a GPS block (latitude reference and latitude).
fn jpeg_with_exif() -> Vec<u8> {
    let plain = picture(64, 48, image::ImageFormat::Jpeg);
    let make = format!("{CAMERA_SERIAL}\0");
    // TIFF, big-endian: header, IFD0 (Make, GPSInfo), the Make text, then the GPS IFD.
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let ifd0_end = 8 + 2 + 2 * 12 + 4;
    let make_at = ifd0_end as u32;
    let gps_at = make_at + make.len() as u32 + (make.len() as u32 % 2);
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&0x010Fu16.to_be_bytes()); // Make
    tiff.extend_from_slice(&2u16.to_be_bytes()); // ASCII
    tiff.extend_from_slice(&(make.len() as u32).to_be_bytes());
    tiff.extend_from_slice(&make_at.to_be_bytes());
    tiff.extend_from_slice(&0x8825u16.to_be_bytes()); // GPSInfo
    tiff.extend_from_slice(&4u16.to_be_bytes()); // LONG
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&gps_at.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(make.as_bytes());
    if make.len() % 2 == 1 {
        tiff.push(0);
    }
    // GPS IFD: GPSLatitudeRef "N", GPSLatitude 42/1 21/1 0/1 (rationals after the IFD).
    let rationals_at = gps_at + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&0x0001u16.to_be_bytes());
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&2u32.to_be_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0x0002u16.to_be_bytes());
    tiff.extend_from_slice(&5u16.to_be_bytes()); // RATIONAL
    tiff.extend_from_slice(&3u32.to_be_bytes());
    tiff.extend_from_slice(&rationals_at.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    for (n, d) in [(42u32, 1u32), (21, 1), (0, 1)] {
        tiff.extend_from_slice(&n.to_be_bytes());
        tiff.extend_from_slice(&d.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

fn png_chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_in = kind.to_vec();
    crc_in.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_in).to_be_bytes());
    c
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG with a tEXt chunk right after its header.
fn png_with_text() -> Vec<u8> {
    let plain = png(16, 16);
    let ihdr_end = 8 + 4 + 4 + 13 + 4;
    let mut out = plain[..ihdr_end].to_vec();
    out.extend_from_slice(&png_chunk(
        b"tEXt",
        format!("Comment\0{PNG_COMMENT}").as_bytes(),
    ));
    out.extend_from_slice(&plain[ihdr_end..]);
    out
}

/// A PNG whose header claims `w` × `h` pixels, with no real pixel data behind it.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&png_chunk(b"IHDR", &ihdr));
    out.extend_from_slice(&png_chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00]));
    out.extend_from_slice(&png_chunk(b"IEND", b""));
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn upload_as(
    app: &TestApp,
    token: &str,
    bytes: Vec<u8>,
    filename: &str,
    mime: &str,
    alt: Option<&str>,
) -> (StatusCode, Value) {
    let mut form = Form::new();
    if let Some(a) = alt {
        form = form.text("alt", a.to_owned());
    }
    form = form.part(
        "file",
        Part::bytes(bytes)
            .file_name(filename.to_owned())
            .mime_str(mime)
            .unwrap(),
    );
    let res = app
        .client
        .post(format!("{}/images", app.api))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    body(res).await
}

async fn upload(app: &TestApp, token: &str, bytes: Vec<u8>) -> String {
    let (s, v) = upload_as(app, token, bytes, "g.png", "image/png", Some("my garden")).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_str().unwrap().to_owned()
}

/// `GET /images/{id}` (outside /api) with a bearer token, or signed out.
async fn fetch(app: &TestApp, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut rq = reqwest::Client::new().get(format!("{}{path}", app.base));
    if let Some(t) = token {
        rq = rq.bearer_auth(t);
    }
    rq.send().await.unwrap()
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

async fn stored_bytes(app: &TestApp, id: &str, thumb: bool) -> Vec<u8> {
    let id: i64 = id.parse().unwrap();
    app.state
        .db
        .run(move |conn| kindred::db::images::bytes(conn, id, thumb))
        .await
        .unwrap()
        .unwrap_or_default()
}

#[actix_web::test]
async fn an_uploaded_image_is_held_then_served_as_an_image_once_approved() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let (s, v) = upload_as(
        &app,
        &f.alice,
        png(40, 30),
        "g.png",
        "image/png",
        Some("my garden"),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "held");
    assert_eq!(
        (v["width"].as_i64(), v["height"].as_i64()),
        (Some(40), Some(30))
    );
    let id = v["id"].as_str().unwrap();
    assert_eq!(v["markdown"], format!("![my garden](/images/{id})"));
    let path = format!("/images/{id}");

    // Held: another member, and anyone signed out, get 404; the uploader and moderators see it.
    assert_eq!(
        fetch(&app, &path, Some(&f.bob)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, &path, None).await.status(),
        StatusCode::NOT_FOUND
    );
    let own = fetch(&app, &path, Some(&f.alice)).await;
    assert_eq!(own.status(), StatusCode::OK);
    assert!(
        header(&own, "cache-control").contains("no-store"),
        "a held image is not cached"
    );
    assert!(
        !app.audit_actions()
            .await
            .contains(&"image.held_viewed".to_owned()),
        "the uploader's own look is not a moderator's"
    );
    assert_eq!(
        fetch(&app, &path, Some(&f.moderator)).await.status(),
        StatusCode::OK
    );
    let looks = app
        .audit_actions()
        .await
        .into_iter()
        .filter(|a| a == "image.held_viewed")
        .count();
    assert_eq!(looks, 1, "a moderator's look at a held image is on record");

    // A member cannot approve; a moderator can, and it is audited.
    let (s, _) = app
        .post(
            &format!("/moderation/images/{id}/approve"),
            json!({}),
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app
        .post(
            &format!("/moderation/images/{id}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["status"], "approved");
    assert!(app
        .audit_actions()
        .await
        .contains(&"image.approved".to_owned()));
    let (s, v) = app
        .post(
            &format!("/moderation/images/{id}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "approved twice: {v}");

    // Approved and shown by no post or message yet: any signed-in member, as an image and
    // nothing else.
    let res = fetch(&app, &path, Some(&f.bob)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "content-type"), "image/png");
    assert_eq!(header(&res, "x-content-type-options"), "nosniff");
    assert!(header(&res, "content-disposition").starts_with("inline"));
    assert!(header(&res, "content-security-policy").contains("sandbox"));
    assert!(header(&res, "cache-control").starts_with("private"));
    let served = res.bytes().await.unwrap();
    assert_eq!(
        image::guess_format(&served).unwrap(),
        image::ImageFormat::Png
    );
    let thumb = fetch(&app, &format!("{path}/thumb"), Some(&f.bob)).await;
    assert_eq!(thumb.status(), StatusCode::OK);
    assert_eq!(
        fetch(&app, &path, None).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, "/images/999999", Some(&f.bob)).await.status(),
        StatusCode::NOT_FOUND
    );
}

/// The walk's settings for messages: anyone may start a conversation at once.
const MESSAGES_OPEN: [&str; 4] = ["--message-min-posts", "0", "--message-min-days", "0"];

async fn approve(app: &TestApp, moderator: &str, id: &str) {
    let (s, v) = app
        .post(
            &format!("/moderation/images/{id}/approve"),
            json!({}),
            Some(moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

/// The one message of a conversation, as `token` reads it.
async fn message_html(app: &TestApp, conv: &str, token: &str) -> String {
    let (s, v) = app
        .get(&format!("/conversations/{conv}"), Some(token))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["messages"][0]["body_html"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn an_image_in_a_message_reaches_that_conversation_once_approved_and_nobody_else() {
    let app = crate::helpers::spawn_app_with(&MESSAGES_OPEN).await;
    let f = forum(&app).await;
    let id = upload(&app, &f.alice, png(300, 200)).await;
    let (s, v) = app
        .post(
            "/conversations",
            json!({"to": ["bob"], "body": format!("My tomatoes this year ![my garden](/images/{id})")}),
            Some(&f.alice),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let sent = v["message"]["body_html"].as_str().unwrap();
    assert!(
        sent.contains(&format!("<img src=\"/images/{id}/thumb\"")),
        "the sender sees their own held image: {sent}"
    );
    let conv = v["conversation"]["id"].as_str().unwrap().to_owned();
    let path = format!("/images/{id}");

    // Held: the recipient reads the words, and the image itself is not theirs to fetch.
    let bob_sees = message_html(&app, &conv, &f.bob).await;
    assert!(bob_sees.contains("image waiting for review"), "{bob_sees}");
    assert!(!bob_sees.contains("<img"), "{bob_sees}");
    assert_eq!(
        fetch(&app, &path, Some(&f.bob)).await.status(),
        StatusCode::NOT_FOUND
    );

    approve(&app, &f.moderator, &id).await;
    let bob_sees = message_html(&app, &conv, &f.bob).await;
    assert!(
        bob_sees.contains(&format!(
            "<img src=\"/images/{id}/thumb\" alt=\"my garden\""
        )),
        "{bob_sees}"
    );
    assert_eq!(
        fetch(&app, &path, Some(&f.bob)).await.status(),
        StatusCode::OK
    );
    let browser = app.new_browser();
    browser.sign_in("bob", None).await;
    let (_, page) = browser.page(&format!("/messages/{conv}")).await;
    assert!(
        page.contains(&format!("/images/{id}/thumb")),
        "the page shows it too"
    );
    // Outside the conversation it does not exist.
    assert_eq!(
        fetch(&app, &path, Some(&f.carol)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, &format!("{path}/thumb"), None).await.status(),
        StatusCode::NOT_FOUND
    );
    let (s, _) = app
        .get(&format!("/conversations/{conv}"), Some(&f.carol))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn knowing_another_members_image_number_opens_nothing() {
    let app = crate::helpers::spawn_app_with(&MESSAGES_OPEN).await;
    let f = forum(&app).await;
    app.group(&f.admin, "carers", "private").await;
    let (s, v) = app
        .post("/groups/carers/membership", json!({}), Some(&f.alice))
        .await;
    assert!(s.is_success(), "{v}");
    let (s, v) = app
        .send(
            reqwest::Method::PUT,
            "/groups/carers/members/alice",
            None,
            Some(&f.admin),
        )
        .await;
    assert!(s.is_success(), "{s} {v}");
    let (private_thread, _) = app
        .thread("carers", &f.alice, "Our week", "A quiet week here.")
        .await;
    let id = upload_as(
        &app,
        &f.alice,
        png(120, 90),
        "p.png",
        "image/png",
        Some("the kitchen at home"),
    )
    .await
    .1["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.reply(
        &private_thread,
        None,
        &f.alice,
        &format!("![](/images/{id})"),
    )
    .await;
    approve(&app, &f.moderator, &id).await;
    let path = format!("/images/{id}");
    assert_eq!(
        fetch(&app, &path, Some(&f.bob)).await.status(),
        StatusCode::NOT_FOUND,
        "bob is not in the private group"
    );

    // Bob guesses the number and shows it in a public post and in a message to carol.
    let post = app
        .reply(&f.thread, None, &f.bob, &format!("Look ![](/images/{id})"))
        .await;
    let (s, v) = app
        .post(
            "/conversations",
            json!({"to": ["carol"], "body": format!("Look ![](/images/{id})")}),
            Some(&f.bob),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let conv = v["conversation"]["id"].as_str().unwrap().to_owned();

    for (who, token) in [
        ("signed out", None),
        ("bob", Some(&f.bob)),
        ("carol", Some(&f.carol)),
    ] {
        assert_eq!(
            fetch(&app, &path, token.map(String::as_str)).await.status(),
            StatusCode::NOT_FOUND,
            "{who} fetched a private group's image through a post or message that is not its uploader's"
        );
    }
    let (s, v) = app.get(&format!("/threads/{}", f.thread), None).await;
    assert_eq!(s, StatusCode::OK);
    let shown = v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == post.as_str())
        .unwrap()["body_html"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(shown.contains("image not available"), "{shown}");
    assert!(!shown.contains("kitchen"), "not even its alt text: {shown}");
    let in_message = message_html(&app, &conv, &f.carol).await;
    assert!(in_message.contains("image not available"), "{in_message}");
    assert!(!in_message.contains("kitchen"), "{in_message}");
    // The uploader and the private group's members still see it.
    assert_eq!(
        fetch(&app, &path, Some(&f.alice)).await.status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn metadata_is_gone_after_re_encoding() {
    let app = spawn_app().await;
    let alice = app.member("alice").await;

    let jpeg = jpeg_with_exif();
    assert!(contains(&jpeg, CAMERA_SERIAL.as_bytes()) && contains(&jpeg, b"Exif\0\0"));
    let (s, v) = upload_as(&app, &alice, jpeg, "p.jpg", "image/jpeg", Some("seedlings")).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["format"], "jpeg");
    let id = v["id"].as_str().unwrap();
    let res = fetch(&app, &format!("/images/{id}"), Some(&alice)).await;
    assert_eq!(header(&res, "content-type"), "image/jpeg");
    let served = res.bytes().await.unwrap().to_vec();
    for bytes in [
        served,
        stored_bytes(&app, id, false).await,
        stored_bytes(&app, id, true).await,
    ] {
        assert_eq!(
            image::guess_format(&bytes).unwrap(),
            image::ImageFormat::Jpeg
        );
        assert!(
            !contains(&bytes, CAMERA_SERIAL.as_bytes()),
            "the camera serial survived"
        );
        assert!(!contains(&bytes, b"Exif"), "an EXIF block survived");
        assert!(!contains(&bytes, &[0xFF, 0xE1]), "an APP1 segment survived");
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (64, 48));
    }

    let with_text = png_with_text();
    assert!(contains(&with_text, PNG_COMMENT.as_bytes()));
    let id = upload(&app, &alice, with_text).await;
    let served = fetch(&app, &format!("/images/{id}"), Some(&alice))
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    for bytes in [served, stored_bytes(&app, &id, false).await] {
        assert!(
            !contains(&bytes, PNG_COMMENT.as_bytes()),
            "the PNG text chunk survived"
        );
        assert!(!contains(&bytes, b"tEXt"));
        assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 16);
    }
}

/// What is sent, as (what, bytes, file name, declared type, alt text, the field refused).
type Refused = (
    &'static str,
    Vec<u8>,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

#[actix_web::test]
async fn malformed_oversized_and_unlabelled_uploads_are_refused_clearly() {
    let app = spawn_app().await;
    let alice = app.member("alice").await;
    let cases: Vec<Refused> = vec![
        (
            "a truncated PNG",
            png(50, 50)[..60].to_vec(),
            "a.png",
            "image/png",
            Some("x"),
            "file",
        ),
        (
            "garbage",
            b"\x89PNG\r\n\x1a\nnot really".to_vec(),
            "a.png",
            "image/png",
            Some("x"),
            "file",
        ),
        (
            "an SVG",
            br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec(),
            "a.svg",
            "image/svg+xml",
            Some("x"),
            "file",
        ),
        (
            "an HTML file named .png",
            b"<html><script>alert(document.cookie)</script></html>".to_vec(),
            "a.png",
            "image/png",
            Some("x"),
            "file",
        ),
        (
            "a GIF",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            "a.gif",
            "image/gif",
            Some("x"),
            "file",
        ),
        (
            "50 megapixels by its header",
            png_claiming(10_000, 5_000),
            "big.png",
            "image/png",
            Some("x"),
            "file",
        ),
        (
            "a 1 × 100,000 strip",
            png_claiming(1, 100_000),
            "strip.png",
            "image/png",
            Some("x"),
            "file",
        ),
        (
            "no alt text",
            png(10, 10),
            "a.png",
            "image/png",
            None,
            "alt",
        ),
        (
            "blank alt text",
            png(10, 10),
            "a.png",
            "image/png",
            Some("   "),
            "alt",
        ),
        (
            "an empty file",
            Vec::new(),
            "a.png",
            "image/png",
            Some("x"),
            "file",
        ),
    ];
    for (what, bytes, name, mime, alt, field) in cases {
        let (s, v) = upload_as(&app, &alice, bytes, name, mime, alt).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {v}");
        assert_eq!(code(&v), "validation_failed", "{what}: {v}");
        assert!(v["error"]["fields"][field].is_string(), "{what}: {v}");
        assert!(!v["error"]["message"].as_str().unwrap_or("").is_empty());
    }
    let (s, v) = upload_as(
        &app,
        &alice,
        png_claiming(10_000, 5_000),
        "big.png",
        "image/png",
        Some("x"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("megapixels"),
        "{v}"
    );

    // Over 10 MB: refused with 413 while streaming, whatever the content.
    let big = vec![0u8; 10 * 1024 * 1024 + 1];
    let (s, v) = upload_as(&app, &alice, big, "big.jpg", "image/jpeg", Some("x")).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(code(&v), "payload_too_large");

    // Not multipart at all, and no token.
    let (s, v) = app
        .post("/images", json!({"file": "x", "alt": "y"}), Some(&alice))
        .await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{v}");
    let (s, _) = upload_as(&app, "nope", png(4, 4), "a.png", "image/png", Some("x")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // Nothing was stored.
    let count = app
        .state
        .db
        .run(|conn| Ok(kindred::db::images::held(conn, 100)?.len()))
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[actix_web::test]
async fn a_polyglot_is_re_encoded_and_never_served_as_anything_but_an_image() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    // A real PNG with an HTML page after its end: valid to an image decoder, script to a sniffer.
    let mut polyglot = png(12, 12);
    polyglot
        .extend_from_slice(b"<html><body><script>alert(document.cookie)</script></body></html>");
    let id = upload(&app, &f.alice, polyglot).await;
    app.reply(
        &f.thread,
        None,
        &f.alice,
        &format!("![a tile](/images/{id})"),
    )
    .await;
    app.post(
        &format!("/moderation/images/{id}/approve"),
        json!({}),
        Some(&f.moderator),
    )
    .await;
    for path in [format!("/images/{id}"), format!("/images/{id}/thumb")] {
        let res = fetch(&app, &path, Some(&f.bob)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let ct = header(&res, "content-type").to_owned();
        assert_eq!(ct, "image/png");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
        assert!(header(&res, "content-security-policy").starts_with("default-src 'none'"));
        let bytes = res.bytes().await.unwrap();
        assert!(
            !contains(&bytes, b"<script"),
            "the appended page survived re-encoding"
        );
        assert!(!contains(&bytes, b"<html"));
    }
}

#[actix_web::test]
async fn images_in_posts_show_only_once_approved_except_to_their_uploader() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let id = upload(&app, &f.alice, png(900, 600)).await;
    let post = app
        .reply(&f.thread, None, &f.alice, &format!("Look at this ![my garden](/images/{id}) and [a guide](https://elsewhere.example/a)"))
        .await;
    let body_for = |token: Option<String>| {
        let app = &app;
        let (thread, post) = (f.thread.clone(), post.clone());
        async move {
            let (s, v) = app
                .get(&format!("/threads/{thread}"), token.as_deref())
                .await;
            assert_eq!(s, StatusCode::OK, "{v}");
            v["posts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["id"] == post.as_str())
                .map(|p| p["body_html"].as_str().unwrap_or("").to_owned())
                .unwrap_or_else(|| panic!("post {post} not shown: {v}"))
        }
    };
    let thumb = format!("<img src=\"/images/{id}/thumb\" alt=\"my garden\" width=\"640\" height=\"427\" loading=\"lazy\">");
    let bob_sees = body_for(Some(f.bob.clone())).await;
    assert!(bob_sees.contains("image waiting for review"), "{bob_sees}");
    assert!(!bob_sees.contains("<img"), "{bob_sees}");
    let alice_sees = body_for(Some(f.alice.clone())).await;
    assert!(alice_sees.contains(&thumb), "{alice_sees}");
    assert!(alice_sees.contains("waiting for review"), "{alice_sees}");
    assert!(
        alice_sees.contains("href=\"https://elsewhere.example/a\""),
        "{alice_sees}"
    );
    assert!(!body_for(None).await.contains("<img"));

    let (s, _) = app
        .post(
            &format!("/moderation/images/{id}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let bob_sees = body_for(Some(f.bob.clone())).await;
    assert!(
        bob_sees.contains(&format!(
            "<a class=\"post-image\" href=\"/images/{id}\">{thumb}</a>"
        )),
        "{bob_sees}"
    );
    // Used in a post of a public group: its readers, signed in or not, may fetch it.
    assert!(body_for(None).await.contains(&thumb));
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), None).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        fetch(&app, &format!("/images/{id}/thumb"), Some(&f.bob))
            .await
            .status(),
        StatusCode::OK
    );
    let (_, page) = app.page(&format!("/threads/{}", f.thread)).await;
    assert!(page.contains(&thumb), "the HTML page shows the thumbnail");
}

#[actix_web::test]
async fn an_approved_image_in_a_private_group_reaches_only_its_members() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    app.group(&f.admin, "carers", "private").await;
    let (s, v) = app
        .post("/groups/carers/membership", json!({}), Some(&f.alice))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, v) = app
        .send(
            reqwest::Method::PUT,
            "/groups/carers/members/alice",
            None,
            Some(&f.admin),
        )
        .await;
    assert!(s.is_success(), "{s} {v}");
    let id = upload(&app, &f.alice, png(20, 20)).await;
    app.thread(
        "carers",
        &f.alice,
        "Our garden",
        &format!("![our garden](/images/{id})"),
    )
    .await;
    app.post(
        &format!("/moderation/images/{id}/approve"),
        json!({}),
        Some(&f.moderator),
    )
    .await;
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), Some(&f.alice))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), Some(&f.bob))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[actix_web::test]
async fn moderators_list_held_images_and_reject_them_with_a_reason() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let id = upload(&app, &f.alice, png(30, 30)).await;
    let (s, _) = app.get("/moderation/images", Some(&f.bob)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = app.get("/moderation/images", Some(&f.moderator)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let listed = v["images"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(listed[0]["uploader"], "alice");
    assert_eq!(listed[0]["alt"], "my garden");

    let (s, v) = app
        .post(
            &format!("/moderation/images/{id}/reject"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required: {v}"
    );
    let (s, v) = app
        .post(
            &format!("/moderation/images/{id}/reject"),
            json!({"reason": "A face shows."}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["status"], "rejected");
    assert!(app
        .audit_actions()
        .await
        .contains(&"image.rejected".to_owned()));
    // Gone for everyone, its pixels deleted.
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), Some(&f.alice))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), Some(&f.moderator))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert!(stored_bytes(&app, &id, false).await.is_empty());
    let (s, _) = app
        .post(
            &format!("/moderation/images/{id}/approve"),
            json!({}),
            Some(&f.moderator),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (_, v) = app.get("/moderation/images", Some(&f.moderator)).await;
    assert_eq!(v["images"].as_array().unwrap().len(), 0);
    let (_, inbox) = app.get("/notifications", Some(&f.alice)).await;
    assert!(inbox.to_string().contains("A face shows."), "{inbox}");
}

#[actix_web::test]
async fn deleting_an_account_deletes_its_images() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let id = upload(&app, &f.alice, png(10, 10)).await;
    // Her export describes it (not its pixels) and says where it is; bob's holds none of hers.
    let (s, export) = app.get("/me/export", Some(&f.alice)).await;
    assert_eq!(s, StatusCode::OK);
    let images = export["images"].as_array().unwrap();
    assert_eq!(images.len(), 1, "{export}");
    assert_eq!(images[0]["id"], id.as_str());
    assert_eq!(images[0]["url"], format!("/images/{id}"));
    assert_eq!(images[0]["status"], "held");
    let (_, theirs) = app.get("/me/export", Some(&f.bob)).await;
    assert_eq!(theirs["images"].as_array().map(Vec::len), Some(0));
    let (s, v) = app
        .send(
            reqwest::Method::DELETE,
            "/me",
            Some(json!({"password": PASSWORD, "posts": "delete"})),
            Some(&f.alice),
        )
        .await;
    assert!(s.is_success(), "{s} {v}");
    assert_eq!(
        fetch(&app, &format!("/images/{id}"), Some(&f.moderator))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let id: i64 = id.parse().unwrap();
    let left = app
        .state
        .db
        .run(move |conn| kindred::db::images::by_id(conn, id))
        .await
        .unwrap();
    assert!(left.is_none());
}

#[actix_web::test]
async fn a_member_uploads_through_the_page_and_gets_the_line_to_paste() {
    let app = spawn_app().await;
    let f = forum(&app).await;
    let _ = &f;
    let b = app.new_browser();
    b.sign_in("bob", None).await;
    let (s, page) = b.page(&format!("/threads/{}", f.thread)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Add an image"),
        "the reply form offers an upload"
    );
    let csrf = b.csrf("/images/new").await;
    let form = |alt: Option<&str>| {
        let mut form = Form::new().text("csrf_token", csrf.clone());
        if let Some(a) = alt {
            form = form.text("alt", a.to_owned());
        }
        form.part(
            "file",
            Part::bytes(png(20, 10))
                .file_name("g.png")
                .mime_str("image/png")
                .unwrap(),
        )
    };
    let res = b
        .client
        .post(format!("{}/images", app.base))
        .multipart(form(None))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("alt text"));
    let res = b
        .client
        .post(format!("{}/images", app.base))
        .multipart(form(Some("sunflowers")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("waiting for review"), "{html}");
    assert!(html.contains("![sunflowers](/images/"), "{html}");
    // A form without the CSRF token is refused.
    let bare = Form::new().text("alt", "x").part(
        "file",
        Part::bytes(png(4, 4))
            .file_name("g.png")
            .mime_str("image/png")
            .unwrap(),
    );
    let res = b
        .client
        .post(format!("{}/images", app.base))
        .multipart(bare)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn moderators_review_held_images_on_their_page() {
    let app = spawn_app().await;
    let alice = app.member("alice").await;
    let id = upload(&app, &alice, png(30, 20)).await;
    let m = app
        .staff_browser("mod", kindred::domain::Role::Moderator)
        .await;
    let (s, queue) = m.page("/moderation").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        queue.contains("href=\"/moderation/images\""),
        "the queue links to the images"
    );
    let (s, page) = m.page("/moderation/images").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(&format!("src=\"/images/{id}/thumb\"")),
        "{page}"
    );
    assert!(page.contains("alt=\"my garden\""));
    // The moderator's browser session fetches the held thumbnail.
    let thumb = m
        .client
        .get(format!("{}/images/{id}/thumb", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(thumb.status(), StatusCode::OK);
    let csrf = m.csrf("/moderation/images").await;
    let res = m
        .form(
            &format!("/moderation/images/{id}/approve"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = m.page("/moderation/images").await;
    assert!(page.contains("Image approved."), "{page}");
    assert!(!page.contains(&format!("/images/{id}/thumb")));
    assert!(app
        .audit_actions()
        .await
        .contains(&"image.approved".to_owned()));

    // A member is not shown the page.
    let b = app.new_browser();
    b.sign_in("alice", None).await;
    let (s, _) = b.page("/moderation/images").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}
