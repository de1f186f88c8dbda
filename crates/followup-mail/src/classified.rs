//! One line of `followup mail import --dry-run --json`: what a message is and where it goes.
//!
//! Field names, values and the omission of fields that do not apply are the contract of
//! issue 17; dates are `YYYY-MM-DD`.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a message is, decided in the order of the variants (duplicates first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Seen before: imported earlier, or earlier in this run.
    Duplicate,
    /// Mailing lists, bulk mail, job alerts.
    Ignored,
    /// An out-of-office or other automatic reply; never a reply.
    AutoReply,
    /// An automatic receipt of an application.
    ApplicationAck,
    /// A decline.
    Rejection,
    /// An explicit offer.
    Offer,
    /// Written by the user.
    Sent,
    /// Any other human message from the company.
    Reply,
}

impl Class {
    /// The value as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Duplicate => "duplicate",
            Class::Ignored => "ignored",
            Class::AutoReply => "auto-reply",
            Class::ApplicationAck => "application-ack",
            Class::Rejection => "rejection",
            Class::Offer => "offer",
            Class::Sent => "sent",
            Class::Reply => "reply",
        }
    }
}

/// What a reply asks of the user (format 2's `asks`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Asks {
    /// Nothing to answer.
    Nothing,
    /// A question, or a request for information or documents.
    Answer,
    /// Availability, or proposed times.
    Schedule,
    /// A task or test to complete.
    Assignment,
}

/// The kind of a message the user sent (format 2's `sent` kinds, and `other`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentKind {
    /// A thank-you after an interview.
    ThankYou,
    /// A follow-up.
    FollowUp,
    /// The final attempt.
    Final,
    /// A decision-alignment message.
    Align,
    /// An answer to them.
    Reply,
    /// Leaving the process.
    Withdraw,
    /// Anything the advice did not ask for.
    Other,
}

/// One message, classified and matched: the JSON line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Classified {
    /// The `Message-ID` (without brackets), or `sha256:…` for a message without one.
    pub message_id: String,
    /// The file, `inbox.mbox#3` inside an mbox.
    pub file: String,
    /// The local date of its `Date` header.
    pub date: Date,
    /// The sender's address.
    pub from: String,
    /// The subject.
    pub subject: String,
    /// What it is.
    pub class: Class,
    /// The process's handle, or null when no process matched.
    pub process: Option<String>,
    /// `sent` matched to a process: what the advice asked for at that moment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<SentKind>,
    /// `reply`: what it asks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asks: Option<Asks>,
    /// `reply`: the date set for the user's answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respond_by: Option<Date>,
    /// `offer`: its deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// `auto-reply`: their last day away.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub away_until: Option<Date>,
    /// Unmatched: the processes it could belong to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<String>>,
    /// Why, in one sentence.
    pub reason: String,
}

impl Classified {
    /// The JSON line.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
