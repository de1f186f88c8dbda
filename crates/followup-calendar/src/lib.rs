//! The user's calendar: what is due and which interviews are booked, as an RFC 5545 file a
//! calendar program subscribes to or imports ([`write_calendar`]), and interview invitations
//! read from `.ics` files ([`parse_invitation`]) and matched to a tracked process
//! ([`match_invitation`]).
//!
//! Pure: the caller passes the processes, their advice, "now" and the file's text; nothing
//! here reads the clock, the disk or the network.

pub mod import;
pub mod write;

pub use import::{
    Invitation, InvitationError, Method, Participant, match_invitation,
    matching::{InvitationMatch, KnownProcess},
    parse_invitation,
};
pub use write::{BookedInterview, Entry, INTERVIEW_LENGTH, PRODID, ProcessSummary, write_calendar};
