//! Who is asking: the client address (for throttling and the audit log) and a short description of
//! the client (for the session list).

use std::net::IpAddr;

use actix_web::HttpRequest;

/// The client's address. `X-Forwarded-For` is believed only when the direct peer is a configured
/// proxy; otherwise anyone could pick their own throttling bucket by sending the header.
pub fn address(req: &HttpRequest, trusted_proxies: &[IpAddr]) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    if let Some(peer_ip) = peer {
        if trusted_proxies.contains(&peer_ip) {
            let forwarded = req
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| {
                    // The nearest address not itself a trusted proxy is the client.
                    v.split(',')
                        .map(str::trim)
                        .filter_map(|s| s.parse::<IpAddr>().ok())
                        .rev()
                        .find(|ip| !trusted_proxies.contains(ip))
                });
            if let Some(ip) = forwarded {
                return ip.to_string();
            }
        }
    }
    peer.map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The User-Agent, cut to a sane length (it is shown to the account holder, never trusted).
pub fn user_agent(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect())
}

/// Everything a use case needs to know about the caller's connection.
#[derive(Clone, Debug)]
pub struct ClientInfo {
    pub ip: String,
    pub user_agent: Option<String>,
}
