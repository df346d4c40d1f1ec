//! How dates, times and devices are written for people, on pages and in notifications.

/// A date as people write it: "23 November 2026".
pub fn human_date(t: time::PrimitiveDateTime) -> String {
    format!("{} {} {}", t.day(), t.month(), t.year())
}

/// A moment as people read it: "23 Nov 2026, 09:22 UTC".
pub fn human_time(t: time::PrimitiveDateTime) -> String {
    let month = t.month().to_string();
    format!(
        "{} {} {}, {:02}:{:02} UTC",
        t.day(),
        &month[..3],
        t.year(),
        t.hour(),
        t.minute()
    )
}

/// "Chrome on Android" from a User-Agent string: enough for a person to recognise their device.
pub fn describe_device(user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|u| !u.is_empty()) else {
        return "Unknown device".into();
    };
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"),
        ("HeadlessChrome/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} on {s}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(s)) => format!("A browser on {s}"),
        (None, None) => ua.chars().take(40).collect(),
    }
}
