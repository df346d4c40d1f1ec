//! Members' privacy rights: downloading everything the forum holds about them, deleting their
//! account (posts anonymised or deleted), seeing and ending their sign-ins, and being told of a
//! sign-in from a client not seen before.

pub mod devices;
pub mod erase;
pub mod export;
pub mod sessions;

use crate::auth::tokens::hmac_sha256;
use crate::state::AppState;

/// A key for one purpose of this module, derived from the deployment's keys, so that the stored
/// hashes (client fingerprints, retired usernames) cannot be recomputed from a database alone.
pub fn derived_key(state: &AppState, label: &str) -> [u8; 32] {
    hmac_sha256(
        &state.keys.csrf,
        format!("kindred/privacy/{label}/v1").as_bytes(),
    )
}
