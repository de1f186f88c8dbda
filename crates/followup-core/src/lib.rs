//! The pure heart of followup: hiring processes, their events, the timing policy and the
//! advisor that answers "what should I do now?".
//!
//! Nothing in this crate reads the clock, the file system, the network or a database. Time,
//! time zones and policy are passed in by the caller, so every decision is a function of
//! `(process, policy, now)` and can be tested at any instant.

pub mod advisor;
pub mod document;
pub mod draft;
pub mod message_file;
pub mod policy;
pub mod process;
pub mod sample;
pub mod stats;
pub mod time;

pub use advisor::{
    Action, Advice, Landscape, Outside, Request, Rule, Step, Then, advise, advise_with,
};
pub use document::{DocumentError, ZoneDefault, parse_document, to_document};
pub use policy::Policy;
pub use process::{
    Asks, ChangeReason, Contact, Details, Event, EventKind, Interview, MessageKind, Outcome,
    Process, Rapport, TimezoneSource,
};
