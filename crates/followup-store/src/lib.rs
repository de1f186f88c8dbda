//! The tracker's memory: hiring processes and their append-only event log, kept in a local
//! SQLite file (or in memory for demos and tests).
//!
//! Every command's edits are one [`Change`]: a batch of [`Op`]s applied in one transaction, so a
//! killed command leaves the store as it was. Nothing is deleted: [`Store::undo`] records a new
//! change that flags the previous one's events (and processes it created) as undone, and the
//! loaders skip them. Loading yields [`followup_core::Process`] values, so the advisor, drafts
//! and checks work on stored processes exactly as on files.
//!
//! - [`Store`]: the trait; [`SqliteStore`] and [`MemoryStore`] implement it and share one test
//!   suite.
//! - [`handle`]: short handles (`acme-backend`) and the closest-handle suggestion.

mod change;
mod codec;
mod error;
pub mod handle;
mod ids;
mod memory;
pub mod sqlite;
mod store;

pub use change::{Applied, Change, ChangeInfo, Op, ProcessOutcome, TimelineEntry};
pub use error::StoreError;
pub use ids::fresh_id;
pub use memory::MemoryStore;
pub use sqlite::SqliteStore;
pub use store::{Store, for_advice};

#[cfg(test)]
mod tests;
