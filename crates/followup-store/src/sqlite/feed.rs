//! The calendar feed's token, as a digest: `followup serve` makes the token, shows it once and
//! keeps only its SHA-256 here, so a copy of the database does not open the feed. One row at
//! most; a new token replaces the old one, which stops working. Not part of the history: undo
//! and purge leave it alone.

use jiff::Timestamp;
use rusqlite::OptionalExtension;

use super::SqliteStore;
use crate::error::StoreError;

impl SqliteStore {
    /// The digest of the current feed token (hex), if one was made.
    pub fn feed_token_digest(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT sha256 FROM feed_token WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Keeps `sha256` (hex) as the feed token's digest, replacing the previous one.
    pub fn set_feed_token_digest(&mut self, sha256: &str, at: Timestamp) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO feed_token (id, sha256, created_at) VALUES (1, ?1, ?2)
                 ON CONFLICT(id) DO UPDATE SET sha256 = excluded.sha256,
                     created_at = excluded.created_at",
                (sha256, at.to_string()),
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use jiff::tz::TimeZoneDatabase;

    use super::*;

    #[test]
    fn a_new_digest_replaces_the_old_one() {
        let mut store = SqliteStore::in_memory(TimeZoneDatabase::bundled()).unwrap();
        assert_eq!(store.feed_token_digest().unwrap(), None);
        store
            .set_feed_token_digest("aa", Timestamp::UNIX_EPOCH)
            .unwrap();
        store
            .set_feed_token_digest("bb", Timestamp::UNIX_EPOCH)
            .unwrap();
        assert_eq!(store.feed_token_digest().unwrap().as_deref(), Some("bb"));
    }
}
