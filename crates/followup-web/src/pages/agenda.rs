//! The agenda (`/`): the sections of `followup next`, each row with its action and the reason
//! beneath.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use followup_core::advisor::Then;
use followup_core::advisor::step_instruction;
use followup_core::time::spell_date;
use followup_core::{Action, Advice, Rule, Step};
use maud::{Markup, html};

use super::layout::{Chrome, Nav, page as layout};
use super::{backend_error, process_href, user};
use crate::Web;
use crate::backend::{Agenda, AgendaItem};

/// `GET /`.
pub async fn page(chrome: Chrome, State(web): State<Web>) -> Response {
    match web.backend(|b| b.agenda()).await {
        Ok(agenda) => layout("Agenda", Nav::Agenda, &chrome, body(&agenda)).into_response(),
        Err(err) => backend_error(&chrome, err),
    }
}

fn body(agenda: &Agenda) -> Markup {
    html! {
        h1 { "Agenda" }
        @if agenda.tracked == 0 {
            p.empty { "Nothing tracked yet. " a href="/new" { "Add your first process" } "." }
        } @else if agenda.sections.is_empty() {
            p.empty { "Nothing to do today across " (agenda.tracked) " tracked processes." }
        }
        @for section in &agenda.sections {
            @let id = section.kind.title().to_lowercase().replace(' ', "-");
            section.agenda-section aria-labelledby=(id) {
                h2 #(id) { (section.kind.title()) " " span.count { "(" (section.items.len()) ")" } }
                ul.items {
                    @for item in &section.items { (row(item)) }
                }
            }
        }
    }
}

fn row(item: &AgendaItem) -> Markup {
    let href = process_href(&item.handle);
    let (verb, anchor) = verb(&item.advice.action);
    html! {
        li.item {
            div.item-text {
                a.item-title href=(href) { (user(&item.company)) " — " (user(&item.role)) }
                p.item-action { (summary(&item.advice)) }
                p.item-reason { (item.advice.reason()) }
            }
            a.button href={ (href) (anchor) } {
                (verb) span.visually-hidden { ": " (item.company) ", " (item.role) }
            }
        }
    }
}

/// What the row's button says, and where on the process page it leads.
fn verb(action: &Action) -> (&'static str, &'static str) {
    match action {
        Action::Act {
            step: Step::Respond(_) | Step::RespondOffer,
            ..
        } => ("Respond", "#advice"),
        Action::Act { .. } => ("Draft", "/compose"),
        Action::MoveOn => ("Close", "#advice"),
        Action::Wait { .. } | Action::UpcomingInterview { .. } | Action::Nothing => ("View", ""),
    }
}

/// "Follow-up due since Monday 11 May": the action first in words, so colour is never the only
/// signal.
pub fn summary(advice: &Advice) -> Markup {
    let spell = |date| spell_date(date, advice.today);
    html! {
        @match advice.action {
            Action::Act { step, due, by } => {
                strong.tag.tag-act { (step_badge(step)) }
                @if due == advice.today { " due today" } @else { " due since " (spell(due)) }
                @if let Some(by) = by { " · they asked by " (spell(by)) }
            }
            Action::Wait { until, then } => {
                strong.tag.tag-wait { "Wait" }
                " until " (spell(until)) ", then "
                @match then {
                    Then::Step(step) => (step_instruction(step)),
                    Then::MoveOn => "move on if they stay silent",
                }
            }
            Action::UpcomingInterview { at } => {
                strong.tag.tag-wait { "Interview" }
                " " (spell(at.date())) " at " (at.strftime("%H:%M")) ": nothing to send before it"
            }
            Action::MoveOn => { strong.tag.tag-stop { "Move on" } " — no more messages; close it" }
            Action::Nothing if advice.rule == Rule::AppliedWaiting => {
                strong.tag.tag-wait { "Wait" } " for an answer to your application"
            }
            Action::Nothing => { strong.tag { "Nothing to do" } }
        }
    }
}

pub fn step_badge(step: Step) -> &'static str {
    match step {
        Step::ThankYou => "Thank-you",
        Step::FollowUp => "Follow-up",
        Step::FinalFollowUp => "Final follow-up",
        Step::AlignDecision => "Align the decision",
        Step::Respond(_) => "Answer them",
        Step::RespondOffer => "Answer the offer",
        Step::Withdraw => "Withdraw",
    }
}
