//! The hasher of the scanner's word tables: keys are short ASCII words from constant lists,
//! looked up a few hundred times per post, where the standard library's SipHash (made to
//! resist keys an attacker chooses) costs more than the lookup.

use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher for short ASCII keys (FxHash's multiply-rotate, then a final mix): the sets are built from
/// constant lists, so no one can choose keys to collide.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

/// Builds `Fx` hashers for a `HashMap` or `HashSet`.
pub type FxBuild = BuildHasherDefault<Fx>;

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        let x = self.0 ^ (self.0 >> 29);
        x.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
