//! Random tokens, their stored hashes, and keys derived from the one secret.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::config::Secret;
pub use crate::random::random_token;

/// What the database keeps of a bearer secret (refresh token, session cookie, recovery code): its
/// SHA-256. The tokens carry 256 bits of randomness, so a fast hash is enough; a leaked table
/// cannot be replayed.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC takes a key of any length, so `new_from_slice` cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Independent keys for each use, so that a token of one kind can never pass as another.
#[derive(Clone)]
pub struct Keys {
    pub jwt: [u8; 32],
    pub csrf: [u8; 32],
}

impl Keys {
    pub fn derive(secret: &Secret) -> Keys {
        Keys {
            jwt: hmac_sha256(secret.expose(), b"kindred/jwt/v1"),
            csrf: hmac_sha256(secret.expose(), b"kindred/csrf/v1"),
        }
    }
}

/// Equal-time comparison for secrets.
pub fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}
