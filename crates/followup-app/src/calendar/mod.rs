//! The tracker in the user's calendar: `followup calendar` and the feed `followup serve`
//! publishes. Every stored process is advised at now and handed to
//! [`followup_calendar::write_calendar`]; the configured holidays and policy apply as they do
//! for `next`. [`feed`]: the feed's own token; [`invite`]: `calendar import`.

pub mod feed;
pub mod invite;

use followup_calendar::{Entry, write_calendar};
use followup_store::Store;

use crate::{App, UserError, db};

impl App {
    /// The calendar of every tracked process at now, as RFC 5545 text. Loads whole processes
    /// (not the agenda's lighter ones): an interview's description names its interviewers.
    pub fn calendar(&mut self) -> Result<String, UserError> {
        let processes = self.store()?.processes().map_err(db::store_error)?;
        // Advised together, as `next` advises them: an offer or a hire elsewhere counts here.
        let entries: Vec<Entry> = self
            .advise_together(processes)?
            .into_iter()
            .map(|item| {
                let now = self.now_for(&item.process)?;
                Ok(Entry::of(&item.process, item.advice, now))
            })
            .collect::<Result<_, UserError>>()?;
        Ok(write_calendar(&entries, self.change_time()?))
    }
}
