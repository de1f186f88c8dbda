//! The tracker's memory: hiring processes and their append-only event log, kept in a local
//! SQLite file (or an SQLite database in memory for demos and tests).
//!
//! Every command's edits are one [`Change`]: a batch of [`Op`]s applied in one transaction, so a
//! killed command leaves the store as it was ([`SqliteStore::begin`] streams a change too large
//! to hold). Nothing is deleted until [`Store::purge`]: an edit or a removal hides the old row,
//! [`Store::undo`] records a new change that flags the previous one's rows as undone (and shows
//! what it hid again), [`Store::redo`] re-applies it, and the loaders skip hidden rows. Loading yields
//! [`followup_core::Process`] values, so the advisor, drafts and checks work on stored
//! processes exactly as on files.
//!
//! - [`Store`]: the trait the commands use; [`SqliteStore`] implements it.
//! - [`handle`]: short handles (`acme-backend`) and the closest-handle suggestion.

mod change;
mod error;
pub mod handle;
mod ids;
pub mod sqlite;
mod store;

pub use change::{Applied, Change, ChangeInfo, Op, ProcessOutcome, Purged, TimelineEntry};
pub use error::StoreError;
pub use ids::fresh_id;
pub use sqlite::{OpOutcome, Salvaged, SqliteStore, Writer};
pub use store::Store;

#[cfg(test)]
mod tests;
