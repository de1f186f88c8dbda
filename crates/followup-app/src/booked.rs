//! A past interview logged on the day of one that was booked is that interview taking place,
//! not a second one: [`App::record`] completes the booking (one `UpdateEvent`, so `undo`
//! reverses it) instead of adding a duplicate, on the command line and in the web app alike.

use followup_core::{Event, EventKind, Interview, Process};
use followup_store::Store;
use jiff::Timestamp;

use crate::error::UserError;
use crate::{App, db};

/// The booked interview a logged one completed, as it was before.
#[derive(Clone, Debug)]
pub struct Completed {
    /// Its number in the timeline before the change (`#4`, as `show` printed it).
    pub number: usize,
    /// The booking as it was.
    pub booked: Event,
}

impl App {
    /// The booked interview of `process` (named `handle`) that `event` completes: `event` is an
    /// interview that took place by `now`, and the booking is an interview on the same local
    /// day that was still to come when it was last written (so an interview logged after the
    /// fact is never taken for a booking). The closest in time wins.
    pub(crate) fn booking_completed_by(
        &mut self,
        handle: &str,
        process: &Process,
        event: &Event,
        now: Timestamp,
    ) -> Result<Option<Completed>, UserError> {
        if !matches!(event.kind, EventKind::Interview(_)) || event.at > now {
            return Ok(None);
        }
        let day = process.local_date(event.at);
        let same_day: Vec<(usize, &Event)> = process
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                matches!(e.kind, EventKind::Interview(_)) && process.local_date(e.at) == day
            })
            .collect();
        if same_day.is_empty() {
            return Ok(None);
        }
        // When each event was last written: the history entry of its live version.
        let store = self.reader()?;
        let timeline = store.timeline(handle).map_err(db::store_error)?;
        let history = store.history().map_err(db::store_error)?;
        let written_at = |id: &str| {
            let change = timeline
                .iter()
                .find(|t| !t.undone && t.event.id.as_deref() == Some(id))?
                .change_id;
            history.iter().find(|c| c.id == change).map(|c| c.at)
        };
        let best = same_day
            .into_iter()
            .filter(|(_, e)| {
                let id = e.id.as_deref().unwrap_or_default();
                written_at(id).is_some_and(|written| written < e.at)
            })
            .min_by_key(|(_, e)| e.at.as_second().abs_diff(event.at.as_second()));
        Ok(best.map(|(i, e)| Completed {
            number: i + 1,
            booked: e.clone(),
        }))
    }
}

/// The booking after the interview took place: its id, the time and the fields logged, and
/// what was booked where nothing new was said (stage, topics, interviewers, the invitation).
pub(crate) fn completed(booked: &Event, logged: &Event) -> Event {
    let (EventKind::Interview(was), EventKind::Interview(now)) = (&booked.kind, &logged.kind)
    else {
        return logged.clone();
    };
    let pick = |new: &Vec<String>, old: &Vec<String>| {
        if new.is_empty() {
            old.clone()
        } else {
            new.clone()
        }
    };
    Event {
        id: booked.id.clone(),
        at: logged.at,
        kind: EventKind::Interview(Interview {
            rapport: now.rapport,
            reinforce_interest: now.reinforce_interest || was.reinforce_interest,
            stage: now.stage.clone().or_else(|| was.stage.clone()),
            topics: pick(&now.topics, &was.topics),
            with: pick(&now.with, &was.with),
            invitation_uid: was.invitation_uid.clone(),
            invitation_sequence: was.invitation_sequence,
        }),
    }
}
