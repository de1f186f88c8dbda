//! Dates and times as followup reads, counts and spells them.
//!
//! - [`business`]: business days (Monday–Friday minus holidays).
//! - [`instant`]: the `at` / `--now` formats of the process document and the command line.
//! - [`spell`]: dates spelled for people ("Monday 11 May").

pub mod business;
pub mod instant;
pub mod spell;

pub use business::BusinessCalendar;
pub use instant::{InstantError, parse_at, parse_date, parse_now};
pub use spell::{spell_date, spell_relative};
