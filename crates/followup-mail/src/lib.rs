//! Mail import: followup learns what happened from the user's own mail files.
//!
//! The pipeline, one message at a time and in input order:
//!
//! 1. [`source`] reads `.eml` files, mbox files and Maildir folders into raw messages, each
//!    named for the user (`inbox.mbox#3`).
//! 2. [`message`] parses one with mail-parser into a [`Mail`]: the headers that matter and the
//!    *new* text (quoted history, forwarded blocks and the signature removed). Bad input is a
//!    [`BadInput`], never a panic.
//! 3. [`Importer`] decides, against a [`Directory`] (the tracker as this crate sees it), which
//!    process the message belongs to ([`directory`]) and what it is ([`classify`]), and returns
//!    a [`Classified`] line plus the [`Effect`]s to apply. Its running state makes each
//!    message see what the earlier ones logged, `--dry-run` included.
//!
//! Everything after step 1 is pure: no clock, no files. Dates in bodies ("back on Monday 12
//! May") resolve against the message's own `Date` header.

pub mod classified;
pub mod classify;
pub mod directory;
pub mod import;
pub mod message;
pub mod source;

pub use classified::{Asks, Class, Classified, SentKind};
pub use directory::{Directory, HandLoggedSent, KnownProcess};
pub use import::{Advisor, Effect, Importer, Logged, Outcome};
pub use message::{BadInput, Mail, Mailbox, RawMessage};
pub use source::{Sources, Warning};
