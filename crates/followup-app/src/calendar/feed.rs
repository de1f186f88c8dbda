//! The calendar feed's token: calendar programs subscribe to `/calendar.ics?feed=TOKEN` and
//! cannot log in, so the feed has its own long-lived token, separate from the web app's
//! start-up token and session cookie. It is shown once, when made; the database keeps only
//! its SHA-256, so a copy of the file does not open the feed. Making a new one (`serve
//! --rotate-feed-token`) revokes the old.

use sha2::{Digest, Sha256};

use crate::{App, UserError, db};

/// What [`App::feed_token`] found or made.
#[derive(Clone, PartialEq, Eq)]
pub enum FeedToken {
    /// A token made now: the only time it can be shown.
    Fresh(String),
    /// The token made earlier is still the one (only its digest is kept).
    Kept,
}

/// Never printed by accident (logs, panics).
impl std::fmt::Debug for FeedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeedToken::Fresh(_) => f.write_str("Fresh(…)"),
            FeedToken::Kept => f.write_str("Kept"),
        }
    }
}

impl App {
    /// The feed token: a fresh one when none was made yet or `rotate` asks for a new one (the
    /// old one stops working), else [`FeedToken::Kept`].
    pub fn feed_token(&mut self, rotate: bool) -> Result<FeedToken, UserError> {
        let at = self.change_time()?;
        let store = self.store()?;
        if !rotate
            && store
                .feed_token_digest()
                .map_err(db::store_error)?
                .is_some()
        {
            return Ok(FeedToken::Kept);
        }
        let token = fresh_token()?;
        store
            .set_feed_token_digest(&digest(&token), at)
            .map_err(db::store_error)?;
        Ok(FeedToken::Fresh(token))
    }

    /// Whether `candidate` is the current feed token.
    pub fn feed_token_matches(&mut self, candidate: &str) -> Result<bool, UserError> {
        let kept = self.store()?.feed_token_digest().map_err(db::store_error)?;
        Ok(kept.is_some_and(|kept| same(&kept, &digest(candidate))))
    }
}

/// The SHA-256 of `token`, as 64 hex digits: what the database keeps.
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// 32 random bytes from the operating system, as 64 hex digits.
fn fresh_token() -> Result<String, UserError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|err| {
        UserError::new(
            format!("cannot make a calendar feed token: {err}"),
            "the system's random source is unavailable",
        )
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares in time that does not depend on where the digests differ.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use followup_store::SqliteStore;
    use jiff::Timestamp;

    use super::*;
    use crate::{Clock, Config, input};

    fn app() -> App {
        let store = SqliteStore::in_memory(input::zones().clone()).unwrap();
        App::with_store(Config::default(), Clock::Read(Timestamp::UNIX_EPOCH), store)
    }

    #[test]
    fn the_token_is_made_once_kept_as_a_digest_and_rotation_revokes_it() {
        let mut app = app();
        assert!(
            !app.feed_token_matches("").unwrap(),
            "no token yet: nothing opens the feed"
        );
        let FeedToken::Fresh(first) = app.feed_token(false).unwrap() else {
            panic!("the first start makes a token");
        };
        assert_eq!(first.len(), 64);
        assert_eq!(app.feed_token(false).unwrap(), FeedToken::Kept);
        let kept = app.store().unwrap().feed_token_digest().unwrap().unwrap();
        assert_eq!(kept, digest(&first));
        assert!(!kept.contains(&first), "only the digest is stored");
        assert!(app.feed_token_matches(&first).unwrap());
        assert!(!app.feed_token_matches(&first[..63]).unwrap());

        let FeedToken::Fresh(second) = app.feed_token(true).unwrap() else {
            panic!("rotating makes a token");
        };
        assert_ne!(first, second);
        assert!(!app.feed_token_matches(&first).unwrap());
        assert!(app.feed_token_matches(&second).unwrap());
        assert_eq!(format!("{:?}", FeedToken::Fresh(second)), "Fresh(…)");
    }
}
