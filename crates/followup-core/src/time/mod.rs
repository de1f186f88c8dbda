//! Dates and times as followup reads, counts and spells them.
//!
//! - [`business`]: business days (Monday–Friday minus holidays).
//! - [`instant`]: the `at` / `--now` formats of the process document and the command line.
//! - [`phrase`]: date phrases people type ("friday", "in 2 weeks"), resolved against a day.
//! - [`spell`]: dates spelled for people ("Monday 11 May").

pub mod business;
pub mod instant;
pub mod phrase;
pub mod spell;

pub use business::BusinessCalendar;
pub use instant::{InstantError, parse_at, parse_date, parse_now};
pub use phrase::{DateOrder, Direction, Field, PhraseError, Resolved, describe, parse_phrase};
pub use spell::{spell_date, spell_relative};
