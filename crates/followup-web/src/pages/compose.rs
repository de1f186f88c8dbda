//! The composer (`/p/{handle}/compose`) and the plain checker (`/check`): the draft for the due
//! action, editable, reviewed as the user types.
//!
//! Without JavaScript the "Check" and "Fix it" buttons post the form and the page comes back
//! with the same review `followup check` gives; with it, `compose.js` posts the text to
//! `/api/check` (debounced) and underlines the flagged words in place. "Mark as sent" logs the
//! message and returns to the process page.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use followup_core::draft::Tone;
use followup_core::{MessageKind, Process};
use followup_review::{Finding, Review, Severity};
use maud::{Markup, html};
use serde::{Deserialize, Serialize};

use super::layout::{Chrome, Nav, page as layout};
use super::{backend_error, process_href, user};
use crate::Web;
use crate::backend::{BackendError, Checked, Composed, DraftChoice, ReviewRequest, SentMessage};

/// The kinds a message can be written as here, in the order the selector lists them.
const KINDS: &[MessageKind] = &[
    MessageKind::ThankYou,
    MessageKind::FollowUp,
    MessageKind::Final,
    MessageKind::Align,
    MessageKind::Reply,
    MessageKind::Withdraw,
];

/// The composer's query: what to draft.
#[derive(Debug, Default, Deserialize)]
pub struct DraftQuery {
    kind: Option<String>,
    tone: Option<String>,
    variant: Option<usize>,
}

impl DraftQuery {
    fn choice(&self) -> DraftChoice {
        DraftChoice {
            kind: self.kind.as_deref().and_then(MessageKind::parse),
            tone: self
                .tone
                .as_deref()
                .and_then(Tone::parse)
                .unwrap_or_default(),
            variant: self.variant.unwrap_or(1).max(1),
        }
    }
}

/// The editor's form, as posted.
#[derive(Debug, Deserialize)]
pub struct EditorForm {
    kind: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    body: String,
    /// `check`, `fix` or `sent`.
    #[serde(default)]
    action: String,
}

/// `/api/check`'s request: the message, its kind, and optionally the process.
#[derive(Debug, Deserialize)]
pub struct ApiCheck {
    text: String,
    kind: Option<String>,
    process: Option<String>,
    #[serde(default)]
    fix: bool,
}

/// `/api/check`'s answer: exactly `followup check --json`'s object (with `"fixed"` after its
/// fields when asked, as `check --fix --json`).
#[derive(Serialize)]
struct ApiReview {
    #[serde(flatten)]
    review: Review,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<String>,
}

/// What the editor shows besides the text: the process, if any, and the last review.
struct Editor<'a> {
    /// The session's CSRF token, for the forms.
    csrf: String,
    /// Where the form posts.
    action: String,
    /// The process written to, with its handle.
    process: Option<(&'a Process, &'a str)>,
    kind: MessageKind,
    subject: String,
    to: String,
    body: String,
    /// The review of `body`, when it was checked.
    checked: Option<Checked>,
    /// Why there is no draft to start from.
    note: Option<String>,
}

/// `GET /p/{handle}/compose`.
pub async fn page(
    chrome: Chrome,
    State(web): State<Web>,
    Path(handle): Path<String>,
    Query(query): Query<DraftQuery>,
) -> Response {
    let choice = query.choice();
    let asked = choice.clone();
    let found = web
        .backend({
            let handle = handle.clone();
            move |b| b.compose(&handle, &asked)
        })
        .await;
    match found {
        Ok(composed) => composer(&chrome, &handle, &composed, &choice, None),
        Err(err) => backend_error(&chrome, err),
    }
}

/// `POST /p/{handle}/compose`: check, fix, or mark as sent.
pub async fn submit(
    chrome: Chrome,
    State(web): State<Web>,
    Path(handle): Path<String>,
    axum::Form(form): axum::Form<EditorForm>,
) -> Response {
    let Some(kind) = MessageKind::parse(&form.kind) else {
        return bad_kind(&chrome, &form.kind);
    };
    if form.action == "sent" {
        let message = SentMessage {
            kind,
            subject: Some(form.subject.clone()),
            body: form.body.clone(),
            to: recipients(&form.to),
        };
        let sent = web
            .backend({
                let handle = handle.clone();
                move |b| b.mark_sent(&handle, &message)
            })
            .await;
        return match sent {
            Ok(()) => Redirect::to(&process_href(&handle)).into_response(),
            Err(err) => backend_error(&chrome, err),
        };
    }
    let request = ReviewRequest {
        text: form.body.clone(),
        kind,
        handle: Some(handle.clone()),
        fix: form.action == "fix",
    };
    let choice = DraftChoice {
        kind: Some(kind),
        ..DraftChoice::default()
    };
    let result = web
        .backend({
            let handle = handle.clone();
            let choice = choice.clone();
            move |b| Ok((b.compose(&handle, &choice)?, review_or_empty(b, &request)?))
        })
        .await;
    match result {
        Ok((composed, checked)) => {
            let editor_form = EditorState {
                subject: form.subject,
                to: form.to,
                body: form.body,
                checked,
            };
            composer(&chrome, &handle, &composed, &choice, Some(editor_form))
        }
        Err(err) => backend_error(&chrome, err),
    }
}

/// What the user had in the editor when they posted it.
struct EditorState {
    subject: String,
    to: String,
    body: String,
    checked: Option<Checked>,
}

/// `GET /check`: the editor with a kind selector and no process.
pub async fn check_page(chrome: Chrome, Query(query): Query<DraftQuery>) -> Response {
    let kind = query
        .kind
        .as_deref()
        .and_then(MessageKind::parse)
        .unwrap_or(MessageKind::FollowUp);
    let editor = Editor {
        csrf: chrome.csrf.clone(),
        action: "/check".to_owned(),
        process: None,
        kind,
        subject: String::new(),
        to: String::new(),
        body: String::new(),
        checked: None,
        note: None,
    };
    layout("Check a message", Nav::Check, &chrome, check_body(&editor)).into_response()
}

/// `POST /check`: the same review, without a process.
pub async fn check_submit(
    chrome: Chrome,
    State(web): State<Web>,
    axum::Form(form): axum::Form<EditorForm>,
) -> Response {
    let Some(kind) = MessageKind::parse(&form.kind) else {
        return bad_kind(&chrome, &form.kind);
    };
    let request = ReviewRequest {
        text: form.body.clone(),
        kind,
        handle: None,
        fix: form.action == "fix",
    };
    match web.backend(move |b| review_or_empty(b, &request)).await {
        Ok(checked) => {
            let editor = Editor {
                csrf: chrome.csrf.clone(),
                action: "/check".to_owned(),
                process: None,
                kind,
                subject: form.subject,
                to: form.to,
                body: form.body,
                checked,
                note: None,
            };
            layout("Check a message", Nav::Check, &chrome, check_body(&editor)).into_response()
        }
        Err(err) => backend_error(&chrome, err),
    }
}

/// `POST /api/check` (JSON in, JSON out; the CSRF header is required like any POST).
pub async fn api_check(State(web): State<Web>, Json(request): Json<ApiCheck>) -> Response {
    let kind = match request.kind.as_deref() {
        None => MessageKind::FollowUp,
        Some(text) => match MessageKind::parse(text) {
            Some(kind) => kind,
            None => {
                let error = format!(
                    "kind: unknown value \"{text}\", expected one of {}",
                    MessageKind::expected()
                );
                return (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(serde_json::json!({ "error": error })),
                )
                    .into_response();
            }
        },
    };
    if blank(&request.text) {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "error": "the message is empty" })),
        )
            .into_response();
    }
    let review = ReviewRequest {
        text: request.text,
        kind,
        handle: request.process,
        fix: request.fix,
    };
    match web.backend(move |b| b.review(&review)).await {
        Ok(checked) => Json(ApiReview {
            review: checked.review,
            fixed: checked.fixed,
        })
        .into_response(),
        Err(BackendError::NotFound { handle, .. }) => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({ "error": format!("no process has the handle \"{handle}\"") })),
        )
            .into_response(),
        Err(BackendError::Failed { message, .. }) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(serde_json::json!({ "error": message })),
        )
            .into_response(),
    }
}

/// A review of a message with words in it; an empty one has none (as `check` refuses it).
fn review_or_empty(
    backend: &dyn crate::Backend,
    request: &ReviewRequest,
) -> Result<Option<Checked>, BackendError> {
    if blank(&request.text) {
        return Ok(None);
    }
    backend.review(request).map(Some)
}

/// Empty once whitespace and invisible characters are removed, as `check` judges it.
fn blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c == '\0'
            || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    })
}

fn recipients(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn bad_kind(chrome: &Chrome, kind: &str) -> Response {
    let body = html! {
        h1 { "Unknown kind of message" }
        p { "“" (kind) "” is not a kind; choose one of " (MessageKind::expected()) "." }
    };
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        layout("Unknown kind", Nav::None, chrome, body),
    )
        .into_response()
}

/// The composer page: the draft (or what the user posted) in the editor.
fn composer(
    chrome: &Chrome,
    handle: &str,
    composed: &Composed,
    choice: &DraftChoice,
    posted: Option<EditorState>,
) -> Response {
    let process = &composed.process;
    let (kind, subject, to, body, note) = match &composed.draft {
        Ok(draft) => (
            draft.kind,
            draft.subject.clone(),
            draft.to.join(", "),
            draft.body.clone(),
            draft.warning.clone(),
        ),
        Err(why) => (
            choice
                .kind
                .or_else(|| composed.advice.action.due_step().map(|s| s.message_kind()))
                .unwrap_or(MessageKind::FollowUp),
            String::new(),
            process
                .contacts
                .first()
                .and_then(|c| c.email.clone())
                .unwrap_or_default(),
            String::new(),
            Some(why.clone()),
        ),
    };
    let editor = match posted {
        Some(state) => Editor {
            csrf: chrome.csrf.clone(),
            action: format!("{}/compose", process_href(handle)),
            process: Some((process, handle)),
            kind,
            subject: state.subject,
            to: state.to,
            body: state.body,
            checked: state.checked,
            note: None,
        },
        None => Editor {
            csrf: chrome.csrf.clone(),
            action: format!("{}/compose", process_href(handle)),
            process: Some((process, handle)),
            kind,
            subject,
            to,
            body,
            checked: None,
            note,
        },
    };
    let title = format!("Write to {} — {}", process.company, process.role);
    let main = html! {
        p.back { a href=(process_href(handle)) { "← " (user(&process.company)) " — " (user(&process.role)) } }
        h1 { "Write to " (user(&process.company)) }
        p.advice-line { (composed.advice.reason()) }
        (redraft_form(handle, &editor, choice))
        (editor_markup(&editor))
    };
    layout(&title, Nav::None, chrome, main).into_response()
}

/// The kind, tone and variant selector: a GET form, so a change re-drafts.
fn redraft_form(handle: &str, editor: &Editor<'_>, choice: &DraftChoice) -> Markup {
    html! {
        form.redraft method="get" action={ (process_href(handle)) "/compose" } {
            div.field {
                label for="draft-kind" { "Kind" }
                select #draft-kind name="kind" {
                    @for kind in KINDS {
                        option value=(kind.as_str()) selected[*kind == editor.kind] { (kind.as_str()) }
                    }
                }
            }
            div.field {
                label for="draft-tone" { "Tone" }
                select #draft-tone name="tone" {
                    @for tone in Tone::ALL {
                        option value=(tone.as_str()) selected[tone == choice.tone] { (tone.as_str()) }
                    }
                }
            }
            div.field {
                label for="draft-variant" { "Variant" }
                input #draft-variant type="number" name="variant" min="1" max="9" value=(choice.variant.max(1));
            }
            button.secondary type="submit" { "Re-draft" }
        }
    }
}

/// The `/check` page.
fn check_body(editor: &Editor<'_>) -> Markup {
    html! {
        h1 { "Check a message" }
        p { "Paste or write a message: the words a recruiter would mind are underlined, with why and what to write instead." }
        (editor_markup(editor))
    }
}

/// The editor: recipients and subject (with a process), the text with its review beside it,
/// and the buttons.
fn editor_markup(editor: &Editor<'_>) -> Markup {
    let with_process = editor.process.is_some();
    let review = editor.checked.as_ref().map(|c| &c.review);
    let mailto =
        followup_core::draft::mailto_uri(&recipients(&editor.to), &editor.subject, &editor.body);
    html! {
        @if let Some(note) = &editor.note { p.note role="note" { (note) } }
        form.composer #composer method="post" action=(editor.action)
            data-process=[editor.process.map(|(_, handle)| handle)] {
            input type="hidden" name="csrf" value=(editor.csrf);
            @if with_process {
                div.field {
                    label for="to" { "To" }
                    input #to type="text" name="to" value=(editor.to) autocomplete="off";
                }
                div.field {
                    label for="subject" { "Subject" }
                    input #subject type="text" name="subject" value=(editor.subject) autocomplete="off";
                }
                input type="hidden" name="kind" value=(editor.kind.as_str());
            } @else {
                div.field {
                    label for="check-kind" { "Kind" }
                    select #check-kind name="kind" {
                        @for kind in KINDS {
                            option value=(kind.as_str()) selected[*kind == editor.kind] { (kind.as_str()) }
                        }
                    }
                }
            }
            div.compose-grid {
                div.field.editor-field {
                    label for="body" { "Message" }
                    div.editor {
                        textarea #body name="body" rows="14" spellcheck="true" { (editor.body) }
                        div.overlay #overlay aria-hidden="true" {}
                    }
                    p.hint.js-only { "Flagged words are underlined as you type; hover or Tab to one to read why." }
                }
                aside.review-panel #review aria-live="polite" aria-labelledby="review-title" {
                    h2 #review-title { "Review" }
                    (review_summary(review))
                }
            }
            div.buttons {
                button type="submit" name="action" value="check" { "Check" }
                button.secondary type="submit" name="action" value="fix" #fix-button { "Fix it" }
                @if with_process {
                    button.secondary type="button" #copy-button hidden { "Copy" }
                    a.button.secondary #mailto href=(mailto) { "Open in mail" }
                    button type="submit" name="action" value="sent" #sent-button { "Mark as sent" }
                }
            }
        }
        section.fixed #fixed-panel hidden[editor.checked.as_ref().and_then(|c| c.fixed.as_ref()).is_none()] aria-labelledby="fixed-title" {
            h2 #fixed-title { "The strong version" }
            p { "Every sentence with nothing flagged is kept word for word; what was missing is added." }
            @let fixed = editor.checked.as_ref().and_then(|c| c.fixed.clone()).unwrap_or_default();
            form method="post" action=(editor.action) {
                input type="hidden" name="csrf" value=(editor.csrf);
                input type="hidden" name="kind" value=(editor.kind.as_str());
                input type="hidden" name="to" value=(editor.to);
                input type="hidden" name="subject" value=(editor.subject);
                label for="fixed-text" { "Fixed message" }
                textarea #fixed-text name="body" rows="10" readonly { (fixed) }
                button type="submit" name="action" value="check" #take-fix { "Use this version" }
            }
        }
        script src="/static/compose.js" defer {}
    }
}

/// The verdict, score, counts and findings of a review, or a prompt before the first check.
fn review_summary(review: Option<&Review>) -> Markup {
    let Some(review) = review else {
        return html! {
            p.verdict #verdict { "Not checked yet." }
            ul.findings #findings {}
        };
    };
    html! {
        p.verdict #verdict data-verdict=(review.verdict.as_str()) {
            strong { (review.verdict.as_str()) } " · score " (review.score)
            " · " (review.words) " words · " (review.questions) " "
            (if review.questions == 1 { "question" } else { "questions" })
        }
        ul.findings #findings {
            @for finding in &review.findings { (finding_item(finding)) }
            @if review.findings.is_empty() { li.none { "Nothing to fix." } }
        }
    }
}

fn finding_item(finding: &Finding) -> Markup {
    html! {
        li class={ "finding sev-" (severity(finding.severity)) } {
            span.severity { (severity(finding.severity)) }
            " "
            @if !finding.whole_message {
                span.where { (finding.line) ":" (finding.column) " " }
                q { (finding.excerpt) }
                " — "
            }
            (finding.message)
            @if !finding.suggestion.is_empty() { " → " em { (finding.suggestion) } }
        }
    }
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}
