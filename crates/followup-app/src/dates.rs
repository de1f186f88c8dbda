//! Date phrases on tracker commands: `--at` (when it happened) and due dates (promise,
//! deadline), resolved in the process's zone with `followup_core::time::phrase`.

use followup_core::Process;
use followup_core::time::phrase::{Direction, accepted_forms, parse_phrase};
use jiff::civil::{Date, Time};
use jiff::{Timestamp, ZonedDateTime};

use crate::error::UserError;

/// The time of day given to a past day named without one ("--at friday"): midday, so the
/// event falls on that day in the process's zone whatever the offset.
const DEFAULT_TIME: Time = Time::constant(12, 0, 0, 0);

/// Resolves `--at` (default: now) relative to `now`, in the process's zone. A day without a
/// time means now when it is today, else midday.
pub fn resolve_at(
    text: Option<&str>,
    now: Timestamp,
    process: &Process,
) -> Result<ZonedDateTime, UserError> {
    let reference = now.to_zoned_datetime(process.timezone.clone());
    let Some(text) = text else {
        return Ok(reference);
    };
    let bad = |err: String| UserError::new(format!("--at: {err}"), hint(Direction::Past, &err));
    let resolved =
        parse_phrase(text, Direction::Past, &reference).map_err(|e| bad(e.to_string()))?;
    if resolved.at.is_none() && resolved.date == reference.date() {
        return Ok(reference);
    }
    resolved
        .instant_or(DEFAULT_TIME, &reference)
        .map_err(|e| bad(e.to_string()))
}

/// Resolves a due date (`promise WHEN`, `--deadline WHEN`) relative to the day it was said.
pub fn resolve_due(text: &str, field: &str, said: &ZonedDateTime) -> Result<Date, UserError> {
    parse_phrase(text, Direction::Future, said)
        .map(|r| r.date)
        .map_err(|e| {
            let err = e.to_string();
            UserError::new(format!("{field}: {err}"), hint(Direction::Future, &err))
        })
}

/// The accepted forms, unless the error already lists them (then a pointer to the README).
fn hint(direction: Direction, err: &str) -> String {
    let forms = accepted_forms(direction);
    if err.contains(forms) {
        "the README (Tracking your processes) shows how dates are read, with examples".to_owned()
    } else {
        format!("accepted: {forms}")
    }
}
