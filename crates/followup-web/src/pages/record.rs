//! The process page's forms: log every event the command line logs, close and reopen, undo.
//!
//! A form posts to `/p/{handle}/log` with its `entry` kind. The first post shows what was
//! understood — every date spelled out — and saves nothing; the confirmation posts the same
//! fields again with `confirm=yes` and the dates it showed (`understood`), and only then is the
//! entry recorded. If the dates read differently by then (the day turned), it asks again. A bad
//! field shows the process page again (200) with the form open, as typed, the error beside it.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use followup_core::time::spell_date;
use followup_core::{Asks, ChangeReason, Event, EventKind, MessageKind, Outcome, Rapport};
use maud::{Markup, html};

use super::forms::{Control, Field, Problem, Values, csrf, summary};
use super::layout::{Chrome, Nav, page as layout};
use super::process::{heading, instant};
use super::{backend_error, process_href, user};
use crate::Web;
use crate::backend::{FormError, LogEntry, Preview};

/// One kind of entry: its form's fields and how they make a [`LogEntry`].
pub struct Kind {
    /// The `entry` field's value.
    pub name: &'static str,
    /// The form's title.
    pub title: &'static str,
    /// The save button.
    pub action: &'static str,
    /// What the page says once it is saved ("the promise is saved").
    pub done: &'static str,
    /// Its fields.
    pub fields: &'static [EntryField],
}

/// One field of an entry's form.
pub struct EntryField {
    /// The name in the form.
    pub name: &'static str,
    /// The command line's name for it: the application layer's errors name it.
    pub cli: &'static str,
    /// The label.
    pub label: &'static str,
    /// Examples of what to type.
    pub hint: &'static str,
    /// How it is typed in.
    pub control: Control,
    /// It must be filled in.
    pub required: bool,
}

const fn line(
    name: &'static str,
    cli: &'static str,
    label: &'static str,
    hint: &'static str,
) -> EntryField {
    EntryField {
        name,
        cli,
        label,
        hint,
        control: Control::Line,
        required: false,
    }
}

const fn required(field: EntryField) -> EntryField {
    EntryField {
        required: true,
        ..field
    }
}

const fn with(field: EntryField, control: Control) -> EntryField {
    EntryField { control, ..field }
}

/// "When it happened", read back from now, in every form.
const AT: EntryField = line(
    "at",
    "--at",
    "When it happened",
    "now, 14:00, yesterday 15:00, friday, 2 days ago, 8 may — empty: now",
);
const NOTE: EntryField = line("note", "--note", "Note", "");
const BODY: EntryField = with(
    line("body", "--body", "The message's text", ""),
    Control::Lines,
);

fn spellings<T: Copy>(all: &[T], text: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| text(*v)).collect()
}

fn must_choose() -> Option<&'static str> {
    None
}
fn default_rapport() -> Option<&'static str> {
    Some(Rapport::default().as_str())
}
fn default_asks() -> Option<&'static str> {
    Some(Asks::default().as_str())
}

fn rapports() -> Vec<&'static str> {
    spellings(Rapport::ALL, Rapport::as_str)
}
fn message_kinds() -> Vec<&'static str> {
    spellings(MessageKind::ALL, MessageKind::as_str)
}
fn asks() -> Vec<&'static str> {
    spellings(Asks::ALL, Asks::as_str)
}
fn reasons() -> Vec<&'static str> {
    spellings(ChangeReason::ALL, ChangeReason::as_str)
}
fn outcomes() -> Vec<&'static str> {
    spellings(Outcome::ALL, Outcome::as_str)
}

/// Every entry the page offers, in the order shown; close and reopen last.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "interview",
        title: "An interview",
        action: "Log the interview",
        done: "the interview is saved",
        fields: &[
            line(
                "at",
                "--at",
                "When it took place",
                "yesterday 15:00, today 10:00, last tuesday — empty: now",
            ),
            line(
                "on",
                "--on",
                "Or: when it is booked",
                "for one to come: thursday 15:00, next monday 10:00",
            ),
            with(
                line("rapport", "--rapport", "How it felt", ""),
                Control::Choice(rapports, default_rapport),
            ),
            with(
                line(
                    "reinforce",
                    "--reinforce-interest",
                    "I want to reinforce my interest with a thank-you",
                    "",
                ),
                Control::Check,
            ),
            line("stage", "--stage", "Stage", "technical, final"),
            line(
                "topics",
                "--topic",
                "Topics discussed",
                "separate with commas",
            ),
            line(
                "with",
                "--with",
                "Interviewers",
                "names, separated with commas",
            ),
        ],
    },
    Kind {
        name: "promise",
        title: "A promise (they said when they would answer)",
        action: "Log the promise",
        done: "the promise is saved",
        fields: &[
            required(line(
                "by",
                "promise",
                "By when",
                "friday, by friday, next week, early next week, the 20th, in 3 days, 2026-05-22",
            )),
            line("at", "--at", "When they said it", "empty: now"),
            NOTE,
        ],
    },
    Kind {
        name: "sent",
        title: "A message you sent",
        action: "Log the message",
        done: "the message is saved",
        fields: &[
            with(
                line(
                    "kind",
                    "KIND",
                    "Kind of message",
                    "withdraw also closes the process",
                ),
                Control::Choice(message_kinds, must_choose),
            ),
            line("subject", "--subject", "Subject", ""),
            line("to", "--to", "To", "addresses, separated with commas"),
            BODY,
            AT,
        ],
    },
    Kind {
        name: "reply",
        title: "A reply from them",
        action: "Log the reply",
        done: "the reply is saved",
        fields: &[
            line("from", "--from", "From", "who wrote"),
            with(
                line("asks", "--asks", "What it asks of you", ""),
                Control::Choice(asks, default_asks),
            ),
            line(
                "respond_by",
                "--respond-by",
                "They want an answer by",
                "friday, tomorrow, 2026-05-22",
            ),
            line(
                "promise",
                "--promise",
                "They promise news by",
                "friday, next week, the 20th",
            ),
            BODY,
            AT,
        ],
    },
    Kind {
        name: "offer",
        title: "An offer",
        action: "Log the offer",
        done: "the offer is saved",
        fields: &[
            line(
                "deadline",
                "--deadline",
                "Answer by",
                "friday, in 3 days, 2026-05-22",
            ),
            NOTE,
            AT,
        ],
    },
    Kind {
        name: "away",
        title: "They are away (out of office)",
        action: "Log the absence",
        done: "the absence is saved",
        fields: &[
            required(line(
                "until",
                "--until",
                "Away until (their last day away)",
                "\"back on Monday\" means until sunday; the 20th",
            )),
            AT,
        ],
    },
    Kind {
        name: "applied",
        title: "You applied",
        action: "Log the application",
        done: "the application is saved",
        fields: &[
            line("url", "--url", "Posting address (URL)", ""),
            line("source", "--source", "Found via", "a referral, a job board"),
            NOTE,
            AT,
        ],
    },
    Kind {
        name: "change",
        title: "Something changed elsewhere (another offer, a final round)",
        action: "Log the change",
        done: "the outside change is saved",
        fields: &[
            with(
                line("reason", "REASON", "What changed", ""),
                Control::Choice(reasons, must_choose),
            ),
            with(
                line(
                    "real",
                    "--real",
                    "It is real, not leverage (only real changes justify a message)",
                    "",
                ),
                Control::Check,
            ),
            line(
                "deadline",
                "--deadline",
                "The outside deadline",
                "friday, in 3 days, 2026-05-20",
            ),
            NOTE,
            AT,
        ],
    },
    Kind {
        name: "close",
        title: "Close the process",
        action: "Close it",
        done: "the process is closed",
        fields: &[
            with(
                line("outcome", "OUTCOME", "Outcome", ""),
                Control::Choice(outcomes, must_choose),
            ),
            NOTE,
            line("at", "--at", "When it ended", "empty: now"),
        ],
    },
    Kind {
        name: "reopen",
        title: "Reopen the process",
        action: "Reopen it",
        done: "the process is open again",
        fields: &[NOTE, line("at", "--at", "When it reopened", "empty: now")],
    },
];

impl Kind {
    /// The kind named `name`.
    pub fn named(name: &str) -> Option<&'static Kind> {
        KINDS.iter().find(|kind| kind.name == name)
    }

    /// A field's id on the process page.
    fn id(&self, field: &EntryField) -> String {
        format!("{}-{}", self.name, field.name)
    }

    /// The entry the posted `values` describe, every text as typed.
    pub fn entry(&self, v: &Values) -> LogEntry {
        match self.name {
            "interview" => LogEntry::Interview {
                at: v.line("at"),
                on: v.line("on"),
                rapport: v.line("rapport"),
                reinforce_interest: v.checked("reinforce"),
                stage: v.line("stage"),
                topics: v.items("topics"),
                with: v.items("with"),
            },
            "promise" => LogEntry::Promise {
                by: v.get("by").trim().to_owned(),
                at: v.line("at"),
                note: v.text("note"),
            },
            "sent" => LogEntry::Sent {
                kind: v.get("kind").to_owned(),
                body: v.text("body"),
                subject: v.line("subject"),
                to: v.items("to"),
                at: v.line("at"),
            },
            "reply" => LogEntry::Reply {
                at: v.line("at"),
                promise: v.line("promise"),
                asks: v.line("asks"),
                respond_by: v.line("respond_by"),
                body: v.text("body"),
                from: v.line("from"),
            },
            "offer" => LogEntry::Offer {
                at: v.line("at"),
                deadline: v.line("deadline"),
                note: v.text("note"),
            },
            "away" => LogEntry::Away {
                at: v.line("at"),
                until: v.get("until").trim().to_owned(),
            },
            "applied" => LogEntry::Applied {
                at: v.line("at"),
                url: v.line("url"),
                source: v.line("source"),
                note: v.text("note"),
            },
            "change" => LogEntry::Change {
                reason: v.get("reason").to_owned(),
                deadline: v.line("deadline"),
                real: v.checked("real"),
                note: v.text("note"),
                at: v.line("at"),
            },
            "close" => LogEntry::Close {
                outcome: v.get("outcome").to_owned(),
                note: v.text("note"),
                at: v.line("at"),
            },
            _ => LogEntry::Reopen {
                note: v.text("note"),
                at: v.line("at"),
            },
        }
    }

    /// The problem beside the field `cli` names, or atop the form when none does.
    pub fn problem(&self, cli: &str, message: String, hint: String) -> Problem {
        let field = self.fields.iter().find(|f| f.cli == cli);
        Problem {
            id: field.map(|f| self.id(f)),
            label: field.map_or("", |f| f.label).to_owned(),
            message,
            hint,
        }
    }

    /// The form, filled with `values`, its problems beside the fields.
    pub fn form(
        &self,
        href: &str,
        chrome: &Chrome,
        values: &Values,
        problems: &[Problem],
    ) -> Markup {
        html! {
            form.form method="post" action={ (href) "/log" } {
                (csrf(chrome))
                input type="hidden" name="entry" value=(self.name);
                (summary(problems))
                @for field in self.fields {
                    @let id = self.id(field);
                    @let problem = problems.iter().find(|p| p.id.as_deref() == Some(id.as_str()));
                    @let shown = Field {
                        id: &id,
                        name: field.name,
                        label: field.label,
                        hint: field.hint,
                        control: field.control,
                        required: field.required,
                    };
                    (shown.render(values.get(field.name), problem))
                }
                button.button type="submit" { (self.action) }
                p.hint { "Nothing is saved before you check the date understood." }
            }
        }
    }
}

/// A form the process page shows open, as typed, with its problems.
pub struct Draft<'a> {
    /// Which form.
    pub kind: &'static Kind,
    /// What was typed.
    pub values: &'a Values,
    /// What is wrong.
    pub problems: Vec<Problem>,
    /// The id of the event whose edit form this is; `None` for a new entry's form.
    pub event: Option<String>,
}

/// `POST /p/{handle}/log`: the confirmation step, then the save.
pub async fn log(
    chrome: Chrome,
    State(web): State<Web>,
    Path(handle): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let values = Values(fields);
    let Some(kind) = Kind::named(values.get("entry")) else {
        let body = html! {
            h1 { "Unknown form" }
            p { "This form is not one followup knows. " a href=(process_href(&handle)) { "Back to the process" } }
        };
        let page = layout("Unknown form", Nav::None, &chrome, body);
        return (StatusCode::BAD_REQUEST, page).into_response();
    };
    let entry = kind.entry(&values);
    if values.get("edit") == "yes" {
        let draft = Draft {
            kind,
            values: &values,
            problems: Vec::new(),
            event: None,
        };
        return super::process::with_draft(&chrome, &web, handle, draft).await;
    }
    let asked = handle.clone();
    let preview = web.backend(move |b| b.preview(&asked, entry)).await;
    let preview = match preview {
        Ok(preview) => preview,
        Err(err) => return refused(&chrome, &web, handle, kind, &values, err).await,
    };
    let understood = fingerprint(&preview.events, &preview.process);
    let confirmed = values.get("confirm") == "yes";
    if !(confirmed && values.get("understood") == understood) {
        let changed = confirmed;
        return confirm(&chrome, &handle, &values, &preview, &understood, changed).into_response();
    }
    let entry = kind.entry(&values);
    let asked = handle.clone();
    match web.backend(move |b| b.log(&asked, entry)).await {
        Ok(()) => {
            let to = format!("{}?saved={}#timeline", process_href(&handle), kind.name);
            (StatusCode::SEE_OTHER, [(LOCATION, to)]).into_response()
        }
        Err(err) => refused(&chrome, &web, handle, kind, &values, err).await,
    }
}

/// A refused entry: the process page with the form and its problem, or the error page.
async fn refused(
    chrome: &Chrome,
    web: &Web,
    handle: String,
    kind: &'static Kind,
    values: &Values,
    err: FormError,
) -> Response {
    match err {
        FormError::Field {
            field,
            message,
            hint,
        } => {
            let draft = Draft {
                kind,
                values,
                problems: vec![kind.problem(field, message, hint)],
                event: None,
            };
            super::process::with_draft(chrome, web, handle, draft).await
        }
        FormError::Backend(err) => backend_error(chrome, err),
    }
}

/// The days an entry resolved to, as the confirmation carries them. Days, not instants: an
/// empty "when" means the moment of saving, and the confirmation is about the days.
fn fingerprint(events: &[Event], process: &followup_core::Process) -> String {
    let dates = |event: &Event| -> String {
        let on = process.local_date(event.at);
        let day = match &event.kind {
            EventKind::Promise { by, .. } => Some(*by),
            EventKind::Reply { respond_by, .. } => *respond_by,
            EventKind::Offer { deadline, .. } | EventKind::ContextChange { deadline, .. } => {
                *deadline
            }
            EventKind::Away { until, .. } => Some(*until),
            _ => None,
        };
        match day {
            Some(day) => format!("{on} {day}"),
            None => on.to_string(),
        }
    };
    events.iter().map(dates).collect::<Vec<_>>().join(";")
}

/// The confirmation step: what will be saved, every date spelled out.
fn confirm(
    chrome: &Chrome,
    handle: &str,
    values: &Values,
    preview: &Preview,
    understood: &str,
    changed: bool,
) -> Markup {
    let process = &preview.process;
    let today = preview.today;
    let href = process_href(handle);
    let spell = |date| spell_date(date, today);
    let body = html! {
        h1 { "Check the date before saving" }
        p.meta { (user(&process.company)) " — " (user(&process.role)) }
        @if changed {
            p.error role="alert" { strong { "Note: " } "the dates read differently now (the day has turned): check them again." }
        }
        p { "followup understood:" }
        ul.understood {
            @for event in &preview.events {
                li {
                    strong { (heading(event, &spell)) }
                    br;
                    "On " (instant(event.at, process, today))
                    " (" (process.timezone_name) ")"
                    @match &event.kind {
                        EventKind::Reply { respond_by: Some(by), .. } => { br; "They want an answer by " strong { (spell(*by)) } }
                        EventKind::Offer { deadline: Some(by), .. } => { br; "Answer by " strong { (spell(*by)) } }
                        EventKind::ContextChange { deadline: Some(by), .. } => { br; "Outside deadline " strong { (spell(*by)) } }
                        EventKind::Away { until, .. } => { br; "Away until " strong { (spell(*until)) } }
                        EventKind::Interview(_) if event.at > preview.now => { br; "Booked: it is still to come" }
                        _ => {}
                    }
                }
            }
        }
        div.actions {
            form.confirm-save method="post" action={ (href) "/log" } {
                (csrf(chrome))
                (values.hidden(&["confirm", "understood", "edit"]))
                input type="hidden" name="confirm" value="yes";
                input type="hidden" name="understood" value=(understood);
                button.button type="submit" { "Save" }
            }
            form method="post" action={ (href) "/log" } {
                (csrf(chrome))
                (values.hidden(&["confirm", "understood", "edit"]))
                input type="hidden" name="edit" value="yes";
                button.button.secondary type="submit" { "Change it" }
            }
            a href=(href) { "Cancel" }
        }
        p.hint { "Nothing is saved until you press Save." }
    };
    layout("Check the date", Nav::None, chrome, body)
}

/// `back` when it is a path of this server (never `//host`, never a scheme), else `/`.
pub fn local_path(back: &str) -> String {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back.to_owned()
    } else {
        "/".to_owned()
    }
}

/// `POST /undo`: reverses the latest change, then says what it was.
pub async fn undo(
    chrome: Chrome,
    State(web): State<Web>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let back = local_path(Values(fields).get("back"));
    match web.backend(|b| b.undo()).await {
        Ok(undone) => {
            let body = html! {
                @match undone {
                    Some(change) => {
                        h1 { "Undone" }
                        p role="status" {
                            "Undid change " (change.id) ": " code { (user(&change.summary)) }
                            " (made " (change.at.strftime("%Y-%m-%d %H:%M UTC")) ")."
                        }
                        p { "The history keeps both; undo again to go further back." }
                    }
                    None => {
                        h1 { "Nothing to undo" }
                        p role="status" { "There is no change left to undo." }
                    }
                }
                p { a href=(back) { "Back" } " · " a href="/" { "The agenda" } }
            };
            layout("Undo", Nav::None, &chrome, body).into_response()
        }
        Err(err) => backend_error(&chrome, err),
    }
}
