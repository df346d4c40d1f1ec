//! The audit log's hash chain: each entry stores the hash of the entry before it and its own hash,
//! `SHA-256(prev_hash ‖ canonical(entry))` in lower-case hex. Changing an entry breaks its own hash;
//! removing one (or recomputing a changed entry's hash) breaks the link of the entry after it.
//!
//! What the chain cannot show by itself is the newest entries being cut off the end: `kindred audit
//! verify` prints the latest hash so an operator can keep it elsewhere and compare later.
//!
//! Entries written before the chain existed (NULL hashes) are accepted only as the oldest part of
//! the log; the first chained entry follows [`GENESIS`].

use sha2::{Digest, Sha256};

use crate::db::AnyConnection;
use crate::error::AppError;

pub use crate::db::audit::ChainRow;

/// The `prev_hash` of the first chained entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Rows read at a time by [`verify`], so that memory stays the same however long the log is.
pub const VERIFY_BATCH: i64 = 1000;

/// Bumped if the serialisation ever changes, so old and new hashes can never be confused.
const VERSION: &[u8] = b"kindred-audit-v1";

/// The hashed fields of one entry (everything but the id, which the database assigns).
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub at: time::PrimitiveDateTime,
    pub actor_id: Option<i64>,
    pub actor: Option<&'a str>,
    pub action: &'a str,
    pub target: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// A time as hashed: always with six fractional digits, whatever the backend hands back.
fn time_text(t: time::PrimitiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond()
    )
}

/// One field: `-` for NULL, else its length in bytes, `:` and the bytes. Length-prefixing makes the
/// encoding unambiguous whatever the values contain.
fn push_field(out: &mut Vec<u8>, value: Option<&str>) {
    out.push(b'\n');
    match value {
        None => out.push(b'-'),
        Some(v) => {
            out.extend_from_slice(v.len().to_string().as_bytes());
            out.push(b':');
            out.extend_from_slice(v.as_bytes());
        }
    }
}

/// The canonical bytes of an entry's fields, in a fixed order.
pub fn canonical(f: &Fields<'_>) -> Vec<u8> {
    let mut out = VERSION.to_vec();
    let at = time_text(f.at);
    let actor_id = f.actor_id.map(|i| i.to_string());
    push_field(&mut out, Some(&at));
    push_field(&mut out, actor_id.as_deref());
    push_field(&mut out, f.actor);
    push_field(&mut out, Some(f.action));
    push_field(&mut out, f.target);
    push_field(&mut out, f.ip);
    push_field(&mut out, f.reason);
    out
}

/// The hash of an entry that follows `prev_hash`.
pub fn entry_hash(prev_hash: &str, f: &Fields<'_>) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(canonical(f));
    hex::encode(h.finalize())
}

impl ChainRow {
    /// The hashed fields of the stored entry.
    pub fn fields(&self) -> Fields<'_> {
        let e = &self.entry;
        Fields {
            at: e.at,
            actor_id: e.actor_id,
            actor: e.actor.as_deref(),
            action: &e.action,
            target: e.target.as_deref(),
            ip: e.ip.as_deref(),
            reason: e.reason.as_deref(),
        }
    }
}

/// Why the chain is broken at an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The stored hash is not the hash of the stored fields and prev_hash: the entry was changed.
    Contents,
    /// Its prev_hash is not the hash of the entry before it: something between was removed or changed.
    DoesNotFollow(i64),
    /// It is the first chained entry but does not start from the genesis value.
    DoesNotStart,
    /// It has no hash although chained entries come before it.
    Unchained,
}

/// The first entry at which verification failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub id: i64,
    pub problem: Problem,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = self.id;
        match self.problem {
            Problem::Contents => write!(f, "entry {id}: hash does not match its contents"),
            Problem::DoesNotFollow(prev) => write!(f, "entry {id}: does not follow entry {prev}"),
            Problem::DoesNotStart => write!(
                f,
                "entry {id}: does not follow the start of the chain (an earlier entry was removed or changed)"
            ),
            Problem::Unchained => write!(f, "entry {id}: has no hash"),
        }
    }
}

impl std::error::Error for Broken {}

/// Walks entries in id order, one at a time, remembering only the last one.
#[derive(Debug, Default, Clone)]
pub struct Verifier {
    /// The last chained entry: its id and hash.
    last: Option<(i64, String)>,
    /// Entries from before the chain existed (only ever at the start).
    pub legacy: u64,
    /// Chained entries checked.
    pub chained: u64,
}

impl Verifier {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the next entry (in id order).
    pub fn check(&mut self, row: &ChainRow) -> Result<(), Broken> {
        let broken = |problem| Broken {
            id: row.entry.id,
            problem,
        };
        let (Some(prev_hash), Some(hash)) = (&row.prev_hash, &row.hash) else {
            if self.last.is_some() || row.prev_hash.is_some() || row.hash.is_some() {
                return Err(broken(Problem::Unchained));
            }
            self.legacy += 1;
            return Ok(());
        };
        if entry_hash(prev_hash, &row.fields()) != *hash {
            return Err(broken(Problem::Contents));
        }
        match &self.last {
            None if prev_hash != GENESIS => return Err(broken(Problem::DoesNotStart)),
            Some((id, last)) if last != prev_hash => {
                return Err(broken(Problem::DoesNotFollow(*id)))
            }
            _ => {}
        }
        self.last = Some((row.entry.id, hash.clone()));
        self.chained += 1;
        Ok(())
    }

    /// Entries checked in all.
    pub fn total(&self) -> u64 {
        self.legacy + self.chained
    }

    /// The newest entry's hash: the value to keep elsewhere to notice entries cut off the end.
    pub fn head(&self) -> Option<&str> {
        self.last.as_ref().map(|(_, h)| h.as_str())
    }
}

/// How the whole log checked out.
#[derive(Debug)]
pub enum Outcome {
    Verified(Verifier),
    Broken(Broken),
}

/// Reads the whole log in id order, [`VERIFY_BATCH`] rows at a time, and checks the chain.
pub fn verify(conn: &mut AnyConnection) -> Result<Outcome, AppError> {
    let mut verifier = Verifier::new();
    let mut after: Option<i64> = None;
    loop {
        let rows = crate::db::audit::chain_after(conn, after, VERIFY_BATCH)?;
        for row in &rows {
            if let Err(b) = verifier.check(row) {
                return Ok(Outcome::Broken(b));
            }
        }
        match rows.last() {
            Some(r) if rows.len() as i64 == VERIFY_BATCH => after = Some(r.entry.id),
            _ => return Ok(Outcome::Verified(verifier)),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::db::audit::AuditRow;

    fn at() -> time::PrimitiveDateTime {
        time::macros::datetime!(2026-11-23 09:22:33.000120)
    }

    fn row(id: i64, prev: &str, reason: &str) -> ChainRow {
        let mut r = ChainRow {
            entry: AuditRow {
                id,
                at: at(),
                actor_id: Some(7),
                actor: Some("alice".into()),
                action: "group.created".into(),
                target: Some("group x".into()),
                ip: Some("127.0.0.1".into()),
                reason: Some(reason.into()),
            },
            prev_hash: Some(prev.into()),
            hash: None,
        };
        r.hash = Some(entry_hash(prev, &r.fields()));
        r
    }

    fn chain(n: i64) -> Vec<ChainRow> {
        let mut out: Vec<ChainRow> = Vec::new();
        for id in 1..=n {
            let prev = out
                .last()
                .and_then(|r| r.hash.clone())
                .unwrap_or_else(|| GENESIS.into());
            out.push(row(id, &prev, &format!("reason {id}")));
        }
        out
    }

    fn run(rows: &[ChainRow]) -> Result<Verifier, Broken> {
        let mut v = Verifier::new();
        for r in rows {
            v.check(r)?;
        }
        Ok(v)
    }

    #[test]
    fn a_clean_chain_verifies() {
        let v = run(&chain(5)).unwrap();
        assert_eq!((v.chained, v.legacy, v.total()), (5, 0, 5));
        assert_eq!(v.head().unwrap().len(), 64);
    }

    #[test]
    fn the_serialisation_is_unambiguous() {
        let base = row(1, GENESIS, "x");
        let mut a = base.fields();
        let mut b = a;
        a.target = Some("a\n1:b");
        a.ip = None;
        b.target = Some("a");
        b.ip = Some("b");
        assert_ne!(canonical(&a), canonical(&b));
        let mut c = a;
        c.reason = None;
        let mut d = a;
        d.reason = Some("");
        assert_ne!(entry_hash(GENESIS, &c), entry_hash(GENESIS, &d));
    }

    #[test]
    fn a_changed_entry_is_named() {
        let mut rows = chain(4);
        rows[2].entry.reason = Some("nothing to see".into());
        assert_eq!(
            run(&rows).unwrap_err().to_string(),
            "entry 3: hash does not match its contents"
        );
    }

    #[test]
    fn a_rehashed_entry_breaks_the_next_link() {
        let mut rows = chain(4);
        rows[1].entry.reason = Some("rewritten".into());
        let prev = rows[1].prev_hash.clone().unwrap();
        rows[1].hash = Some(entry_hash(&prev, &rows[1].fields()));
        assert_eq!(
            run(&rows).unwrap_err().to_string(),
            "entry 3: does not follow entry 2"
        );
    }

    #[test]
    fn a_removed_entry_breaks_the_chain() {
        let mut rows = chain(4);
        rows.remove(1);
        assert_eq!(
            run(&rows).unwrap_err(),
            Broken {
                id: 3,
                problem: Problem::DoesNotFollow(1)
            }
        );
        let mut rows = chain(3);
        rows.remove(0);
        assert_eq!(run(&rows).unwrap_err().problem, Problem::DoesNotStart);
    }

    #[test]
    fn entries_from_before_the_chain_are_only_accepted_first() {
        let mut legacy = row(1, GENESIS, "old");
        legacy.prev_hash = None;
        legacy.hash = None;
        let mut rows = vec![legacy.clone()];
        for mut r in chain(2) {
            r.entry.id += 1;
            rows.push(r);
        }
        let v = run(&rows).unwrap();
        assert_eq!((v.legacy, v.chained), (1, 2));

        legacy.entry.id = 4;
        rows.push(legacy);
        assert_eq!(run(&rows).unwrap_err().problem, Problem::Unchained);
    }

    #[test]
    fn times_are_hashed_with_microseconds() {
        assert_eq!(time_text(at()), "2026-11-23T09:22:33.000120");
    }
}
