//! The `advice_timeline` column of `processes`: the process's live events as the advisor reads
//! them ([`crate::for_advice`]), in timeline order, packed in a few bytes each. `next` and
//! `list` read it instead of ten rows and ten JSON payloads per process.
//!
//! The events table stays the only source of truth; this column is a cache that cannot go
//! stale unnoticed. Triggers (schema version 3) set it to NULL whenever an event of the
//! process is inserted, updated or deleted, by any writer; every write transaction of the
//! store ends with [`refresh_stale`], and the loader reads the events table for a process
//! whose column is NULL or does not decode. Changing the format below needs a migration that
//! sets every `advice_timeline` to NULL, so the first write rebuilds them.
//!
//! Format: the number of events, then per event the seconds since the previous event (the
//! first: since the epoch) and the nanoseconds (zigzag varints), a type code and that type's
//! fields. Enum values are stored by the explicit codes below, not by declaration
//! order, so reordering an enum in the core cannot change what stored bytes mean.

use std::path::Path;

use followup_core::{ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Rapport};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, params};

use crate::codec::{decode_event_for_advice, join_instant};
use crate::error::StoreError;

/// The live events of process `key` as the advisor reads them, in timeline order, from the
/// events table.
pub(super) fn read_events(conn: &Connection, key: i64) -> Result<Vec<Event>, ReadError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at_s, at_ns, type, data FROM events
         WHERE process = ?1 AND undone_by IS NULL ORDER BY at_s, at_ns, seq",
    )?;
    let mut rows = stmt.query([key])?;
    let mut events = Vec::new();
    while let Some(r) = rows.next()? {
        let kind = decode_event_for_advice(r.get_ref(2)?.as_str()?, r.get_ref(3)?.as_str()?);
        let at = join_instant(r.get(0)?, r.get(1)?);
        events.push(Event {
            id: None,
            at: at?,
            kind: kind?,
        });
    }
    Ok(events)
}

/// A failure reading events: from SQLite, or a stored value the codec refuses.
pub(super) enum ReadError {
    Sqlite(rusqlite::Error),
    Store(StoreError),
}

impl ReadError {
    pub(super) fn at(self, path: &Path) -> StoreError {
        match self {
            ReadError::Sqlite(e) => StoreError::from_sqlite(e, path),
            ReadError::Store(e) => e,
        }
    }
}

impl From<rusqlite::Error> for ReadError {
    fn from(e: rusqlite::Error) -> Self {
        ReadError::Sqlite(e)
    }
}

impl From<rusqlite::types::FromSqlError> for ReadError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        ReadError::Sqlite(e.into())
    }
}

impl From<StoreError> for ReadError {
    fn from(e: StoreError) -> Self {
        ReadError::Store(e)
    }
}

/// Rebuilds every NULL `advice_timeline` from the events table; call inside the write
/// transaction that made them stale. A process whose stored events do not decode keeps NULL,
/// so loading it reports the damage exactly as loading from the events table does.
pub(super) fn refresh_stale(conn: &Connection) -> rusqlite::Result<()> {
    let stale: Vec<i64> = conn
        .prepare_cached("SELECT key FROM processes WHERE advice_timeline IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut update =
        conn.prepare_cached("UPDATE processes SET advice_timeline = ?1 WHERE key = ?2")?;
    for key in stale {
        match read_events(conn, key) {
            Ok(events) => {
                update.execute(params![encode(&events), key])?;
            }
            Err(ReadError::Sqlite(e)) => return Err(e),
            Err(ReadError::Store(_)) => {}
        }
    }
    Ok(())
}

const INTERVIEW: u8 = 0;
const PROMISE: u8 = 1;
const SENT: u8 = 2;
const REPLY: u8 = 3;
const CONTEXT_CHANGE: u8 = 4;
const CLOSED: u8 = 5;
const REOPENED: u8 = 6;
const NOT_STORED: u8 = 255;

/// Packs events (already in timeline order) as described in the module docs.
pub(super) fn encode(events: &[Event]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + events.len() * 12);
    put_varint(&mut out, events.len() as u64);
    let mut previous = 0i64;
    for event in events {
        let seconds = event.at.as_second();
        put_varint(&mut out, zigzag(seconds.wrapping_sub(previous)));
        previous = seconds;
        // Negative (with the seconds) before the epoch.
        put_varint(&mut out, zigzag(i64::from(event.at.subsec_nanosecond())));
        match &event.kind {
            EventKind::Interview(i) => {
                out.push(INTERVIEW);
                out.push(rapport_code(i.rapport));
                out.push(u8::from(i.reinforce_interest));
                match &i.stage {
                    None => out.push(0),
                    Some(stage) => {
                        put_varint(&mut out, stage.len() as u64 + 1);
                        out.extend_from_slice(stage.as_bytes());
                    }
                }
            }
            EventKind::Promise { by, .. } => {
                out.push(PROMISE);
                put_date(&mut out, *by);
            }
            EventKind::Sent { kind, .. } => {
                out.push(SENT);
                out.push(message_kind_code(*kind));
            }
            EventKind::Reply { .. } => out.push(REPLY),
            EventKind::ContextChange {
                reason,
                real,
                deadline,
                ..
            } => {
                out.push(CONTEXT_CHANGE);
                out.push(change_reason_code(*reason));
                out.push(u8::from(*real));
                match deadline {
                    None => out.push(0),
                    Some(date) => {
                        out.push(1);
                        put_date(&mut out, *date);
                    }
                }
            }
            EventKind::Closed { outcome, .. } => {
                out.push(CLOSED);
                out.push(outcome_code(*outcome));
            }
            EventKind::Reopened { .. } => out.push(REOPENED),
            // Never stored (see `codec::check_storable`); a code no decoder accepts makes the
            // loader read the events table instead.
            EventKind::Applied { .. }
            | EventKind::Offer { .. }
            | EventKind::Note { .. }
            | EventKind::Away { .. } => out.push(NOT_STORED),
        }
    }
    out
}

/// Unpacks what [`encode`] wrote; `None` when the bytes are not such a value.
pub(super) fn decode(bytes: &[u8]) -> Option<Vec<Event>> {
    let mut r = Reader { bytes, at: 0 };
    let count = usize::try_from(r.varint()?).ok()?;
    // Every event takes at least three bytes: a damaged count cannot reserve much.
    let mut events = Vec::with_capacity(count.min(bytes.len() / 3));
    let mut seconds = 0i64;
    for _ in 0..count {
        seconds = seconds.checked_add(unzigzag(r.varint()?))?;
        let nanos = i32::try_from(unzigzag(r.varint()?)).ok()?;
        let at = Timestamp::new(seconds, nanos).ok()?;
        let kind = match r.byte()? {
            INTERVIEW => {
                let rapport = rapport_of(r.byte()?)?;
                let reinforce_interest = r.flag()?;
                let stage = match r.varint()? {
                    0 => None,
                    n => {
                        let len = usize::try_from(n - 1).ok()?;
                        Some(std::str::from_utf8(r.take(len)?).ok()?.to_owned())
                    }
                };
                EventKind::Interview(Interview {
                    rapport,
                    reinforce_interest,
                    stage,
                    topics: Vec::new(),
                    with: Vec::new(),
                })
            }
            PROMISE => EventKind::Promise {
                by: r.date()?,
                note: None,
            },
            SENT => EventKind::Sent {
                kind: message_kind_of(r.byte()?)?,
                subject: None,
                body: None,
                to: Vec::new(),
                message_id: None,
            },
            REPLY => EventKind::Reply {
                body: None,
                from: None,
                asks: followup_core::Asks::Nothing,
                respond_by: None,
                message_id: None,
            },
            CONTEXT_CHANGE => EventKind::ContextChange {
                reason: change_reason_of(r.byte()?)?,
                real: r.flag()?,
                deadline: if r.flag()? { Some(r.date()?) } else { None },
                note: None,
            },
            CLOSED => EventKind::Closed {
                outcome: outcome_of(r.byte()?)?,
                note: None,
            },
            REOPENED => EventKind::Reopened { note: None },
            _ => return None,
        };
        events.push(Event { id: None, at, kind });
    }
    (r.at == bytes.len()).then_some(events)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(slice)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn date(&mut self) -> Option<Date> {
        let year = i16::from_le_bytes([self.byte()?, self.byte()?]);
        let month = i8::try_from(self.byte()?).ok()?;
        let day = i8::try_from(self.byte()?).ok()?;
        Date::new(year, month, day).ok()
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_date(out: &mut Vec<u8>, date: Date) {
    out.extend_from_slice(&date.year().to_le_bytes());
    // Months and days are 1..=12 and 1..=31.
    out.push(date.month().unsigned_abs());
    out.push(date.day().unsigned_abs());
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

fn rapport_code(rapport: Rapport) -> u8 {
    match rapport {
        Rapport::Personal => 0,
        Rapport::BackAndForth => 1,
        Rapport::Formal => 2,
    }
}

fn rapport_of(code: u8) -> Option<Rapport> {
    Some(match code {
        0 => Rapport::Personal,
        1 => Rapport::BackAndForth,
        2 => Rapport::Formal,
        _ => return None,
    })
}

fn message_kind_code(kind: MessageKind) -> u8 {
    match kind {
        MessageKind::ThankYou => 0,
        MessageKind::FollowUp => 1,
        MessageKind::Final => 2,
        MessageKind::Align => 3,
        MessageKind::Other => 4,
        MessageKind::Reply => 5,
        MessageKind::Withdraw => 6,
    }
}

fn message_kind_of(code: u8) -> Option<MessageKind> {
    Some(match code {
        0 => MessageKind::ThankYou,
        1 => MessageKind::FollowUp,
        2 => MessageKind::Final,
        3 => MessageKind::Align,
        4 => MessageKind::Other,
        5 => MessageKind::Reply,
        6 => MessageKind::Withdraw,
        _ => return None,
    })
}

fn change_reason_code(reason: ChangeReason) -> u8 {
    match reason {
        ChangeReason::CompetingOffer => 0,
        ChangeReason::FinalRoundElsewhere => 1,
        ChangeReason::AvailabilityChanged => 2,
    }
}

fn change_reason_of(code: u8) -> Option<ChangeReason> {
    Some(match code {
        0 => ChangeReason::CompetingOffer,
        1 => ChangeReason::FinalRoundElsewhere,
        2 => ChangeReason::AvailabilityChanged,
        _ => return None,
    })
}

fn outcome_code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Hired => 0,
        Outcome::Rejected => 1,
        Outcome::Withdrew => 2,
        Outcome::NoAnswer => 3,
        Outcome::Declined => 4,
    }
}

fn outcome_of(code: u8) -> Option<Outcome> {
    Some(match code {
        0 => Outcome::Hired,
        1 => Outcome::Rejected,
        2 => Outcome::Withdrew,
        3 => Outcome::NoAnswer,
        4 => Outcome::Declined,
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn every_kind() -> Vec<Event> {
        let kinds = vec![
            EventKind::Interview(Interview {
                rapport: Rapport::Personal,
                reinforce_interest: true,
                stage: Some("final — ünïcode".to_owned()),
                topics: Vec::new(),
                with: Vec::new(),
            }),
            EventKind::Interview(Interview::default()),
            EventKind::Promise {
                by: Date::constant(2026, 12, 31),
                note: None,
            },
            EventKind::Sent {
                kind: MessageKind::Align,
                subject: None,
                body: None,
                to: Vec::new(),
                message_id: None,
            },
            EventKind::Reply {
                asks: Default::default(),
                message_id: None,
                respond_by: None,
                body: None,
                from: None,
            },
            EventKind::ContextChange {
                reason: ChangeReason::FinalRoundElsewhere,
                real: true,
                deadline: Some(Date::constant(-9, 1, 1)),
                note: None,
            },
            EventKind::ContextChange {
                reason: ChangeReason::AvailabilityChanged,
                real: false,
                deadline: None,
                note: None,
            },
            EventKind::Closed {
                outcome: Outcome::Declined,
                note: None,
            },
            EventKind::Reopened { note: None },
        ];
        let times = [
            "1969-07-20T20:17:40.5Z",
            "2026-05-05T17:00:00Z",
            "2026-05-05T17:00:00Z",
            "2026-05-05T17:00:00.000000001Z",
            "2026-05-06T09:00:00Z",
            "2026-05-07T09:00:00Z",
            "2026-05-08T09:00:00Z",
            "2026-06-01T00:00:00Z",
            "9999-12-30T21:59:59.999999999Z",
        ];
        kinds
            .into_iter()
            .zip(times)
            .map(|(kind, t)| Event {
                id: None,
                at: at(t),
                kind,
            })
            .collect()
    }

    #[test]
    fn every_kind_round_trips() {
        let events = every_kind();
        assert_eq!(decode(&encode(&events)).unwrap(), events);
        assert_eq!(decode(&encode(&[])).unwrap(), Vec::new());
    }

    #[test]
    fn damaged_bytes_decode_to_none_without_panicking() {
        let bytes = encode(&every_kind());
        for len in 0..bytes.len() {
            assert_eq!(decode(&bytes[..len]), None, "cut at {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0xff;
            let _ = decode(&damaged);
        }
        assert_eq!(decode(&[0xff; 12]), None);
    }
}
