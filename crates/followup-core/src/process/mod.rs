//! The hiring process as the domain sees it: who, what role, and a timeline of events.
//!
//! These are validated values: times are instants, dates are civil dates in the process's zone,
//! and every enum value is known. Parsing and printing the JSON format lives in
//! [`crate::document`].

pub mod limits;
pub mod standing;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// One hiring process: a company, a role, the people involved and everything that happened.
#[derive(Clone, Debug)]
pub struct Process {
    /// Stable identifier, kept across export and import.
    pub id: Option<String>,
    /// Short name the user types (`acme-backend`).
    pub handle: Option<String>,
    /// Company name.
    pub company: String,
    /// Role applied for.
    pub role: String,
    /// IANA name of the zone all local dates are read in.
    pub timezone_name: String,
    /// Where the zone came from, so output can say which was used.
    pub timezone_source: TimezoneSource,
    /// The zone itself.
    pub timezone: TimeZone,
    /// People at the company, the first one being the main contact.
    pub contacts: Vec<Contact>,
    /// Extra non-working days for this process (local dates).
    pub holidays: Vec<Date>,
    /// Free-text details for the user's memory; they never change the advice.
    pub details: Details,
    /// The timeline, sorted by `at` (ties keep document order).
    pub events: Vec<Event>,
}

/// Free-text details of a process (format 2). The advisor never reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    /// The job posting.
    pub url: Option<String>,
    /// Where the job is ("Lisbon", "remote").
    pub location: Option<String>,
    /// The salary as the user wrote it.
    pub salary: Option<String>,
    /// Anything else worth remembering.
    pub notes: Option<String>,
}

impl Details {
    /// Whether every detail is absent.
    pub fn is_empty(&self) -> bool {
        *self == Details::default()
    }
}

/// Where a process's time zone came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimezoneSource {
    /// The document named it.
    Document,
    /// The user's configuration supplied it.
    Config,
    /// The machine's local zone was used.
    System,
}

/// A person at the company.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// Full name as the user wrote it.
    pub name: String,
    /// "Ms.", "Dr.", ... used by formal greetings.
    pub honorific: Option<String>,
    /// Address for drafts.
    pub email: Option<String>,
    /// Job title, for the user's memory.
    pub title: Option<String>,
}

/// Something that happened (or is planned) in a process.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable identifier, kept across export and import.
    pub id: Option<String>,
    /// When it happened.
    pub at: Timestamp,
    /// What happened.
    pub kind: EventKind,
}

/// The kinds of event the advisor understands.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// An interview took place.
    Interview(Interview),
    /// The company promised an answer by a date.
    Promise {
        /// The promised local date.
        by: Date,
        /// Free text.
        note: Option<String>,
    },
    /// The user applied for the role.
    Applied {
        /// The posting applied to.
        url: Option<String>,
        /// Where the user found it (free text).
        source: Option<String>,
        /// Free text.
        note: Option<String>,
    },
    /// The user sent a message.
    Sent {
        /// What kind of message it was.
        kind: MessageKind,
        /// Subject line.
        subject: Option<String>,
        /// Body text.
        body: Option<String>,
        /// Recipients.
        to: Vec<String>,
        /// The mail's `Message-ID`, to match it with replies.
        message_id: Option<String>,
    },
    /// The company replied.
    Reply {
        /// Body text.
        body: Option<String>,
        /// Who wrote.
        from: Option<String>,
        /// What the reply asks of the user; anything but nothing puts the ball in their court.
        asks: Asks,
        /// The local date by which they want the user's answer.
        respond_by: Option<Date>,
        /// The mail's `Message-ID`.
        message_id: Option<String>,
    },
    /// The company made an offer.
    Offer {
        /// The local date by which they want an answer.
        deadline: Option<Date>,
        /// Free text.
        note: Option<String>,
        /// The mail's `Message-ID`.
        message_id: Option<String>,
    },
    /// A free-text note; never changes the advice.
    Note {
        /// The note.
        text: String,
    },
    /// The contact is away (an out-of-office reply).
    Away {
        /// Their last day away (local date): "back on Monday 12 May" is `until` Sunday 11 May.
        until: Date,
        /// The mail's `Message-ID`.
        message_id: Option<String>,
    },
    /// Something changed outside this process.
    ContextChange {
        /// What changed.
        reason: ChangeReason,
        /// Whether the change is real (not leverage invented to push).
        real: bool,
        /// The outside deadline, if any.
        deadline: Option<Date>,
        /// Free text.
        note: Option<String>,
    },
    /// The process ended.
    Closed {
        /// How it ended.
        outcome: Outcome,
        /// Free text.
        note: Option<String>,
    },
    /// A closed process was opened again.
    Reopened {
        /// Free text.
        note: Option<String>,
    },
}

/// Details of an interview.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Interview {
    /// How the conversation felt.
    pub rapport: Rapport,
    /// The user wants to reinforce interest with a thank-you.
    pub reinforce_interest: bool,
    /// "Technical", "final", ...
    pub stage: Option<String>,
    /// Topics discussed, the first one used by thank-you drafts.
    pub topics: Vec<String>,
    /// Names of the interviewers.
    pub with: Vec<String>,
    /// The `UID` of the calendar invitation it was booked from (`calendar import`), so an
    /// update or a cancellation of that invitation finds it.
    pub invitation_uid: Option<String>,
    /// The invitation's `SEQUENCE`: an update with a higher one replaces this booking.
    pub invitation_sequence: Option<u32>,
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in documents and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads the value as written in documents and on the command line.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                [$($text),+].iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown value \"{text}\", expected one of {}",
                        $name::expected()
                    ))
                })
            }
        }
    };
}

string_enum! {
    /// How personal the interview felt; personal talks deserve a thank-you.
    #[derive(Default)]
    Rapport {
        /// A personal conversation.
        Personal = "personal",
        /// Lots of back-and-forth.
        BackAndForth = "back-and-forth",
        /// A formal interview (the default).
        #[default]
        Formal = "formal",
    }
}

string_enum! {
    /// The kind of a message the user sends.
    MessageKind {
        /// Right after an interview.
        ThankYou = "thank-you",
        /// After the promised date passed.
        FollowUp = "follow-up",
        /// The last attempt.
        Final = "final",
        /// Aligning a decision around a real outside change.
        Align = "align",
        /// Anything else; never counts as unanswered.
        Other = "other",
        /// The user's answer to something they asked.
        Reply = "reply",
        /// The user leaves the process.
        Withdraw = "withdraw",
    }
}

string_enum! {
    /// What a reply from the company asks of the user.
    #[derive(Default)]
    Asks {
        /// Nothing: an update, an acknowledgement (the default).
        #[default]
        Nothing = "nothing",
        /// A question, or a request for information or documents.
        Answer = "answer",
        /// To book a call or an interview.
        Schedule = "schedule",
        /// A task to do.
        Assignment = "assignment",
    }
}

impl MessageKind {
    /// Whether an unanswered message of this kind counts toward the limit.
    pub fn counts_as_unanswered(self) -> bool {
        matches!(
            self,
            MessageKind::FollowUp | MessageKind::Final | MessageKind::Align
        )
    }
}

string_enum! {
    /// Why the outside context changed.
    ChangeReason {
        /// Another company made an offer.
        CompetingOffer = "competing-offer",
        /// A final round elsewhere.
        FinalRoundElsewhere = "final-round-elsewhere",
        /// The user's availability changed.
        AvailabilityChanged = "availability-changed",
    }
}

string_enum! {
    /// How a process ended.
    Outcome {
        /// Got the job.
        Hired = "hired",
        /// The company said no.
        Rejected = "rejected",
        /// The user withdrew.
        Withdrew = "withdrew",
        /// Silence; the user moved on.
        NoAnswer = "no-answer",
        /// The user declined an offer.
        Declined = "declined",
    }
}

impl EventKind {
    /// The `type` of the event in documents.
    pub fn type_name(&self) -> &'static str {
        match self {
            EventKind::Interview(_) => "interview",
            EventKind::Promise { .. } => "promise",
            EventKind::Applied { .. } => "applied",
            EventKind::Sent { .. } => "sent",
            EventKind::Reply { .. } => "reply",
            EventKind::Offer { .. } => "offer",
            EventKind::Note { .. } => "note",
            EventKind::Away { .. } => "away",
            EventKind::ContextChange { .. } => "context-change",
            EventKind::Closed { .. } => "closed",
            EventKind::Reopened { .. } => "reopened",
        }
    }

    /// Every event `type`, for error messages.
    pub const TYPE_NAMES: &'static [&'static str] = &[
        "interview",
        "promise",
        "applied",
        "sent",
        "reply",
        "offer",
        "note",
        "away",
        "context-change",
        "closed",
        "reopened",
    ];
}

impl Process {
    /// The local calendar date of an instant in this process's zone.
    pub fn local_date(&self, at: Timestamp) -> Date {
        at.to_zoned_datetime(self.timezone.clone()).date()
    }

    /// Events that have happened by `now` (later ones are plans: only a booked interview is
    /// read, by the advisor).
    pub fn events_until(&self, now: Timestamp) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.at <= now)
    }

    /// Sorts events by time, keeping the given order for ties.
    pub fn sort_events(&mut self) {
        self.events.sort_by_key(|e| e.at);
    }
}
