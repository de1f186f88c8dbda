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
//!
//! What `followup mail import PATH... [--dry-run] [--json]` adds around this crate: the
//! config's `addresses` (missing: exit 2 naming the key), a [`Directory`] filled from the
//! store, an [`Advisor`] backed by the real advice at each message's moment, printing each
//! [`Warning`] on stderr, and without `--dry-run` applying every [`Effect`] in one
//! transaction and remembering [`Directory::seen`]; exit 0 when a message was read, else 2.

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
