//! Date phrases on tracker commands: `--at` (when it happened) and due dates (promise,
//! deadline), resolved in the process's zone with `followup_core::time::phrase`.

use followup_core::Process;
use followup_core::time::phrase::{DateOrder, Field, PhraseError, parse_phrase};
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
    order: DateOrder,
) -> Result<ZonedDateTime, UserError> {
    let reference = now.to_zoned_datetime(process.timezone.clone());
    let Some(text) = text else {
        return Ok(reference);
    };
    let bad = |err: PhraseError| UserError::new(format!("--at: {err}"), err.hint());
    let resolved = parse_phrase(text, Field::At, &reference, order).map_err(bad)?;
    if resolved.at.is_none() && resolved.date == reference.date() {
        return Ok(reference);
    }
    resolved.instant_or(DEFAULT_TIME, &reference).map_err(bad)
}

/// Resolves a due date (`promise WHEN`, `--deadline WHEN`) relative to the day it was said;
/// `name` is the option or argument it came from, for errors.
pub fn resolve_due(
    text: &str,
    field: Field,
    name: &str,
    said: &ZonedDateTime,
    order: DateOrder,
) -> Result<Date, UserError> {
    parse_phrase(text, field, said, order)
        .map(|r| r.date)
        .map_err(|err| UserError::new(format!("{name}: {err}"), err.hint()))
}
