//! Template parts kept by what they were given: a part rendered from a context is kept under a
//! keyed hash of that context, and any later request that gives the same template the same
//! context gets the kept HTML without running the template engine.
//!
//! This needs no rule about who may share what: a template is a pure function of its context, and
//! the key covers the whole context, so a kept part is exactly what the template would make for
//! this request — whoever asks. Two readers share a part only when they gave it identical input
//! (the same threads, the same masked titles, the same membership). Nothing needs invalidating: a
//! change anywhere, through any server, changes what the next request reads, so its key.
//!
//! Used where a part is large, its input is read on every request anyway, and many readers give it
//! the same input: the signed-in group page's list of up to 100 threads, whose template work was
//! most of that page's time (BENCHMARKS.md, issue 17).
//!
//! The hash (foldhash, 64 bits) is seeded at random by each process, and its values are never
//! shown, so nobody can aim two contexts at one key.

use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use serde::Serialize;

use crate::error::AppError;

/// HTML kept at most (a 50-thread list is about 30 KB).
const CAPACITY_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    template: &'static str,
    content: u64,
}

/// Kept HTML weighs its length (here and in `post_blocks`).
#[derive(Clone)]
pub(super) struct ByLength;

impl<K> quick_cache::Weighter<K, Arc<str>> for ByLength {
    fn weight(&self, _key: &K, part: &Arc<str>) -> u64 {
        // Never zero: a zero-weight entry would never be evicted.
        part.len().max(1) as u64
    }
}

/// The kept parts (one per server).
pub struct Rendered {
    cache: quick_cache::sync::Cache<Key, Arc<str>, ByLength>,
    content_hash: foldhash::fast::RandomState,
}

impl Default for Rendered {
    fn default() -> Self {
        Rendered {
            cache: quick_cache::sync::Cache::with_weighter(
                (CAPACITY_BYTES / 30_000) as usize,
                CAPACITY_BYTES,
                ByLength,
            ),
            content_hash: Default::default(),
        }
    }
}

/// An `io::Write` that feeds a hasher: a context is serialised straight into it, allocating
/// nothing.
pub(super) struct HashWriter<H: Hasher>(pub H);

impl<H: Hasher> std::io::Write for HashWriter<H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A keyed hash of what a template is given (its JSON, exactly what the template engine sees).
pub(super) fn content_hash<S: BuildHasher, C: Serialize>(
    seed: &S,
    context: &C,
) -> Result<u64, AppError> {
    let mut w = HashWriter(seed.build_hasher());
    serde_json::to_writer(&mut w, context)
        .map_err(|e| AppError::internal(format!("hashing a template's context: {e}")))?;
    Ok(w.0.finish())
}

impl Rendered {
    /// `template` over `context`: the kept copy when this same context was rendered before.
    pub fn render<C: Serialize>(
        &self,
        templates: &tera::Tera,
        template: &'static str,
        context: &C,
    ) -> Result<Arc<str>, AppError> {
        let key = Key {
            template,
            content: content_hash(&self.content_hash, context)?,
        };
        if let Some(part) = self.cache.get(&key) {
            return Ok(part);
        }
        let ctx = tera::Context::from_serialize(context)
            .map_err(|e| AppError::internal(format!("context for {template}: {e:?}")))?;
        let part: Arc<str> = templates
            .render(template, &ctx)
            .map_err(|e| AppError::internal(format!("template {template}: {e:?}")))?
            .into();
        self.cache.insert(key, part.clone());
        Ok(part)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn templates() -> tera::Tera {
        let mut t = tera::Tera::default();
        t.add_raw_template("part.html", "{{ who }} has {{ n }}")
            .expect("template");
        t
    }

    #[derive(Serialize)]
    struct Ctx<'a> {
        who: &'a str,
        n: i64,
    }

    #[test]
    fn a_kept_part_is_what_the_template_makes_for_that_context_and_no_other() {
        let (r, t) = (Rendered::default(), templates());
        let a = Ctx { who: "ann", n: 1 };
        let b = Ctx { who: "bob", n: 1 };
        assert_eq!(&*r.render(&t, "part.html", &a).expect("a"), "ann has 1");
        assert_eq!(&*r.render(&t, "part.html", &b).expect("b"), "bob has 1");
        // Kept: the same context gives the same part again, a changed one its own.
        assert_eq!(
            &*r.render(&t, "part.html", &a).expect("a again"),
            "ann has 1"
        );
        let a2 = Ctx { who: "ann", n: 2 };
        assert_eq!(&*r.render(&t, "part.html", &a2).expect("a2"), "ann has 2");
        assert_eq!(r.cache.len(), 3);
    }
}
