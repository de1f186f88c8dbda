//! The one place followup reads the clock: once per command, overridable with `--now`.
//!
//! `--now` may be a local time, which only means something in a zone, so the value is kept as
//! typed and resolved per process zone; the clock, when used, is read exactly once.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::error::UserError;

/// "Now" for one command run.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The wall clock, read once at start.
    Read(Timestamp),
    /// A `--now` value as typed.
    Given(String),
}

impl Clock {
    /// Takes `--now` if given, else reads the clock (once).
    pub fn new(now: Option<&str>) -> Self {
        tracing::debug!(now = ?now, "now: --now if given, else the clock");
        match now {
            Some(text) => Clock::Given(text.to_owned()),
            None => Clock::Read(Timestamp::now()),
        }
    }

    /// The instant, reading local `--now` forms in `zone`.
    pub fn at(&self, zone: &TimeZone, zone_name: &str) -> Result<Timestamp, UserError> {
        match self {
            Clock::Read(now) => Ok(*now),
            Clock::Given(text) => {
                followup_core::time::parse_now(text, zone, zone_name).map_err(|err| {
                    UserError::new(
                        format!("--now: {err}"),
                        "try --now 2026-05-11 or --now 2026-05-11T14:00",
                    )
                })
            }
        }
    }
}
