//! Sign-in alerts: each account remembers the clients it has signed in from as keyed hashes of
//! (browser family, operating system, address prefix), never the User-Agent or the address. A
//! sign-in from a client not seen before puts a notification in the member's inbox. The very
//! first client an account signs in from is remembered without one: there is nothing to compare.

use crate::auth::client::ClientInfo;
use crate::auth::tokens::hmac_sha256;
use crate::db::users::UserRow;
use crate::db::{known_clients, now, AnyConnection};
use crate::error::AppError;
use crate::notify;

pub const KIND: &str = "new_sign_in";

/// The network an address belongs to, roughly: the first three octets of IPv4 (a /24), the first
/// three groups of IPv6 (a /48). A phone moving between cells of one provider mostly keeps it.
pub fn address_prefix(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(v4)) => {
            let o = v4.octets();
            format!("{}.{}.{}", o[0], o[1], o[2])
        }
        Ok(std::net::IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}", s[0], s[1], s[2])
        }
        Err(_) => "unknown".to_owned(),
    }
}

/// The keyed hash stored for a client of an account. The browser family and system (not the whole
/// User-Agent) are used, so a browser update is not a "new device".
pub fn fingerprint(key: &[u8; 32], user_id: i64, client: &ClientInfo) -> String {
    let device = crate::display::describe_device(client.user_agent.as_deref());
    let data = format!("{user_id}\n{device}\n{}", address_prefix(&client.ip));
    hex::encode(hmac_sha256(key, data.as_bytes()))
}

/// Records a successful sign-in's client; tells the member when it is a client not seen before.
/// Runs inside the sign-in's transaction.
pub fn note_sign_in(
    conn: &mut AnyConnection,
    key: &[u8; 32],
    user: &UserRow,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let fp = fingerprint(key, user.id, client);
    let at = now();
    if let Some(id) = known_clients::find(conn, user.id, &fp)? {
        return known_clients::touch(conn, id, at);
    }
    let others = known_clients::count_of(conn, user.id)?;
    known_clients::insert(conn, user.id, &fp, at)?;
    if others > 0 {
        let device = crate::display::describe_device(client.user_agent.as_deref());
        notify::notify(
            conn,
            user.id,
            KIND,
            &format!(
                "New sign-in to your account from {device}. If this wasn't you, change your password and sign out everywhere."
            ),
            "/me",
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_keep_only_the_network() {
        assert_eq!(address_prefix("203.0.113.77"), "203.0.113");
        assert_eq!(address_prefix("2001:db8:abcd:12::1"), "2001:db8:abcd");
        assert_eq!(address_prefix("unknown"), "unknown");
    }

    #[test]
    fn fingerprints_ignore_browser_versions_but_not_devices() {
        let key = [7u8; 32];
        let c = |ua: &str, ip: &str| ClientInfo {
            ip: ip.into(),
            user_agent: Some(ua.into()),
        };
        let a = fingerprint(
            &key,
            1,
            &c("Mozilla/5.0 (Linux; Android 14) Chrome/120.0", "10.0.0.5"),
        );
        let b = fingerprint(
            &key,
            1,
            &c("Mozilla/5.0 (Linux; Android 14) Chrome/121.0", "10.0.0.9"),
        );
        let other = fingerprint(
            &key,
            1,
            &c("Mozilla/5.0 (Windows NT 10.0) Firefox/120.0", "10.0.0.5"),
        );
        assert_eq!(a, b);
        assert_ne!(a, other);
        assert_ne!(
            a,
            fingerprint(
                &key,
                2,
                &c("Mozilla/5.0 (Linux; Android 14) Chrome/120.0", "10.0.0.5")
            )
        );
    }
}
