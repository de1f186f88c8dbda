//! The tracker in the user's calendar: `followup calendar` and the feed `followup serve`
//! publishes. Every stored process is advised at now and handed to
//! [`followup_calendar::write_calendar`]; the configured holidays and policy apply as they do
//! for `next`. [`feed`]: the feed's own token; [`invite`]: `calendar import`.

pub mod feed;
pub mod invite;

use followup_calendar::{Entry, write_calendar};
use followup_core::Landscape;
use followup_store::Store;
use jiff::Timestamp;

use crate::{App, UserError, db};

impl App {
    /// The calendar of every tracked process at now, as RFC 5545 text. Loads whole processes
    /// (not the agenda's lighter ones): an interview's description names its interviewers.
    pub fn calendar(&mut self) -> Result<String, UserError> {
        let processes = self.store()?.processes().map_err(db::store_error)?;
        // `--now` is read once per zone, as the agenda does.
        let mut instants: Vec<(String, Timestamp)> = Vec::new();
        let mut nows = Vec::with_capacity(processes.len());
        for process in &processes {
            let known = instants
                .iter()
                .find(|(name, _)| *name == process.timezone_name)
                .map(|(_, now)| *now);
            let now = match known {
                Some(now) => now,
                None => {
                    let now = self.now_for(process)?;
                    instants.push((process.timezone_name.clone(), now));
                    now
                }
            };
            nows.push(now);
        }
        // Advised together, as `next` advises them: an offer or a hire elsewhere counts here.
        let landscape = Landscape::of(processes.iter().zip(nows.iter().copied()));
        let mut entries = Vec::with_capacity(processes.len());
        for (mut process, now) in processes.into_iter().zip(nows) {
            let outside = landscape.outside(&process, now);
            let advice = self.config.advise_with(&mut process, now, &outside);
            entries.push(Entry::of(&process, advice, now));
        }
        Ok(write_calendar(&entries, self.change_time()?))
    }
}
