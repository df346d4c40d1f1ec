//! What every request handler shares: the database, settings, keys, the password hasher and the
//! compiled templates.

use std::sync::Arc;

use crate::auth::passwords::Hasher;
use crate::auth::tokens::Keys;
use crate::config::Settings;
use crate::db::Db;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub keys: Arc<Keys>,
    pub hasher: Hasher,
    pub templates: Arc<tera::Tera>,
    /// Threads as anonymous readers see them, for a second (see [`crate::forum::anon_cache`]).
    pub anon_cache: Arc<crate::forum::anon_cache::AnonCache>,
    /// Groups' first pages of threads as anonymous readers see them, for a second (same module).
    pub anon_lists:
        Arc<crate::forum::anon_cache::AnonCache<crate::forum::anon_cache::RenderedList>>,
    /// Posts' blocks as every reader of them sees them alike (see [`crate::web::post_blocks`]).
    pub post_blocks: Arc<crate::web::post_blocks::PostBlocks>,
    /// Template parts kept by the context they were given (see [`crate::web::rendered`]).
    pub rendered: Arc<crate::web::rendered::Rendered>,
    /// Pages of threads' rows kept under the thread's version (see [`crate::forum::thread_rows`]).
    pub thread_rows: Arc<crate::forum::thread_rows::ThreadRows>,
    /// Signed-in thread pages rendered once for readers who stand alike (see
    /// [`crate::forum::kept_pages`]).
    pub kept_pages: Arc<crate::forum::kept_pages::KeptPages>,
    /// Signed-in thread reads per member, for bulk-read detection (this server's count).
    pub reads: Arc<crate::forum::read_limit::ReadLimit>,
}
