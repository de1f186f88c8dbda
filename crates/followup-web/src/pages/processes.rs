//! Processes (`/processes`): every process with its stage, last contact and next step, sorted
//! by any column (`?sort=…&dir=…`) and filtered by text and stage (a GET form); and the board
//! (`/board`), a column per stage.

use std::cmp::Ordering;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use followup_core::Action;
use followup_core::time::spell_date;
use jiff::civil::Date;
use maud::{Markup, html};
use serde::Deserialize;

use super::agenda::step_badge;
use super::layout::{Chrome, Nav, page as layout};
use super::{backend_error, process_href, user};
use crate::Web;
use crate::backend::Listed;

/// The page's query: what to show and in which order. Unknown values fall back to the default.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ListQuery {
    /// Text to find in the company, role, handle or stage.
    #[serde(default)]
    q: String,
    /// Only this stage ("" for all).
    #[serde(default)]
    stage: String,
    /// The column to sort by.
    #[serde(default)]
    sort: String,
    /// `asc` or `desc`.
    #[serde(default)]
    dir: String,
}

/// The sortable columns: `(sort key, heading)`.
const COLUMNS: [(&str, &str); 6] = [
    ("company", "Company"),
    ("role", "Role"),
    ("stage", "Stage"),
    ("last", "Last contact"),
    ("next", "Next step"),
    ("date", "Date"),
];

/// `GET /processes`.
pub async fn list(
    chrome: Chrome,
    State(web): State<Web>,
    Query(query): Query<ListQuery>,
) -> Response {
    match web.backend(|b| b.processes()).await {
        Ok(all) => {
            let body = table(&all, &query);
            layout("Processes", Nav::Processes, &chrome, body).into_response()
        }
        Err(err) => backend_error(&chrome, err),
    }
}

/// `GET /board`.
pub async fn board(chrome: Chrome, State(web): State<Web>) -> Response {
    match web.backend(|b| b.processes()).await {
        Ok(all) => layout("Board", Nav::Board, &chrome, columns(&all)).into_response(),
        Err(err) => backend_error(&chrome, err),
    }
}

/// The next step's name and date, from the advice.
fn next(item: &Listed) -> (String, Option<Date>) {
    match item.advice.action {
        Action::Act { step, due, .. } => (step_badge(step).to_owned(), Some(due)),
        Action::Wait { until, .. } => ("Wait".to_owned(), Some(until)),
        Action::UpcomingInterview { at } => ("Interview".to_owned(), Some(at.date())),
        Action::MoveOn => ("Move on".to_owned(), None),
        Action::Nothing => ("Nothing to do".to_owned(), None),
    }
}

/// The rows `query` asks for, in its order.
fn select<'a>(all: &'a [Listed], query: &ListQuery) -> Vec<&'a Listed> {
    let needle = query.q.trim().to_lowercase();
    let mut rows: Vec<&Listed> = all
        .iter()
        .filter(|item| query.stage.is_empty() || item.stage == query.stage)
        .filter(|item| {
            needle.is_empty()
                || [&item.company, &item.role, &item.handle, &item.stage]
                    .iter()
                    .any(|text| text.to_lowercase().contains(&needle))
        })
        .collect();
    let key = sort_key(query);
    // Missing dates sort last either way; ties by company then handle, so the order is stable.
    let dated = |a: Option<Date>, b: Option<Date>, desc: bool| match (a, b) {
        (Some(a), Some(b)) if desc => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let desc = query.dir == "desc";
    let text = |a: &str, b: &str| {
        let order = a.to_lowercase().cmp(&b.to_lowercase());
        if desc { order.reverse() } else { order }
    };
    rows.sort_by(|a, b| {
        let primary = match key {
            "company" => text(&a.company, &b.company),
            "role" => text(&a.role, &b.role),
            "stage" => text(&a.stage, &b.stage),
            "last" => dated(a.last_contact, b.last_contact, desc),
            "next" => text(&next(a).0, &next(b).0),
            _ => dated(next(a).1, next(b).1, desc),
        };
        primary
            .then_with(|| a.company.to_lowercase().cmp(&b.company.to_lowercase()))
            .then_with(|| a.handle.cmp(&b.handle))
    });
    rows
}

fn sort_key(query: &ListQuery) -> &'static str {
    COLUMNS
        .iter()
        .map(|(key, _)| *key)
        .find(|key| *key == query.sort)
        .unwrap_or("date")
}

/// The stages present, open ones first (in the order first seen), then closed ones.
fn stages(all: &[Listed]) -> Vec<&str> {
    let mut open: Vec<&str> = Vec::new();
    let mut closed: Vec<&str> = Vec::new();
    if all.iter().any(|item| item.stage == "added") {
        open.push("added");
    }
    for item in all {
        let list = if item.closed { &mut closed } else { &mut open };
        if !list.contains(&item.stage.as_str()) {
            list.push(&item.stage);
        }
    }
    closed.sort_unstable();
    open.extend(closed);
    open
}

/// A link to the list sorted by `key`, flipping the direction when it is already the sort.
fn sort_href(query: &ListQuery, key: &str) -> String {
    let current = sort_key(query) == key;
    let dir = if current && query.dir != "desc" {
        "desc"
    } else {
        "asc"
    };
    let pairs = [
        ("q", query.q.as_str()),
        ("stage", query.stage.as_str()),
        ("sort", key),
        ("dir", dir),
    ];
    let kept: Vec<(&str, &str)> = pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    format!(
        "/processes?{}",
        serde_urlencoded::to_string(kept).unwrap_or_default()
    )
}

fn table(all: &[Listed], query: &ListQuery) -> Markup {
    let rows = select(all, query);
    let key = sort_key(query);
    let desc = query.dir == "desc";
    html! {
        h1 { "Processes" }
        @if all.is_empty() {
            p.empty { "Nothing tracked yet. " a href="/new" { "Add your first process" } "." }
        } @else {
            form.filters method="get" action="/processes" role="search" {
                div.field {
                    label for="q" { "Find" }
                    input type="search" id="q" name="q" value=(query.q);
                }
                div.field {
                    label for="stage" { "Stage" }
                    select id="stage" name="stage" {
                        option value="" selected[query.stage.is_empty()] { "All stages" }
                        @for stage in stages(all) {
                            option value=(stage) selected[stage == query.stage] { (stage) }
                        }
                    }
                }
                input type="hidden" name="sort" value=(key);
                @if desc { input type="hidden" name="dir" value="desc"; }
                button.button type="submit" { "Filter" }
                @if !query.q.is_empty() || !query.stage.is_empty() {
                    a.reset href="/processes" { "Show all" }
                }
            }
            p.count-line role="status" {
                (rows.len()) " of " (all.len()) " processes"
                " · sorted by " (COLUMNS.iter().find(|(k, _)| *k == key).map_or("date", |(_, h)| *h).to_lowercase())
                @if desc { ", descending" } @else { ", ascending" }
            }
            @if rows.is_empty() {
                p.empty { "No process matches. " a href="/processes" { "Show all" } }
            } @else {
                table.list {
                    caption.visually-hidden { "Processes, sortable by any column" }
                    thead {
                        tr {
                            @for (column, heading) in COLUMNS {
                                @let sorted = column == key;
                                th scope="col" aria-sort=[sorted.then_some(if desc { "descending" } else { "ascending" })] {
                                    a href=(sort_href(query, column)) {
                                        (heading)
                                        @if sorted {
                                            span aria-hidden="true" { @if desc { " ▼" } @else { " ▲" } }
                                        }
                                        span.visually-hidden {
                                            @if sorted { @if desc { " (sorted descending; sort ascending)" } @else { " (sorted ascending; sort descending)" } }
                                            @else { " (sort)" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    tbody {
                        @for item in rows { (row(item)) }
                    }
                }
            }
        }
    }
}

fn row(item: &Listed) -> Markup {
    let today = item.advice.today;
    let (step, date) = next(item);
    html! {
        tr.closed[item.closed] {
            td data-label="Company" { a href=(process_href(&item.handle)) { (user(&item.company)) } }
            td data-label="Role" { (user(&item.role)) }
            td data-label="Stage" { (user(&item.stage)) }
            td data-label="Last contact" { (date_cell(item.last_contact, today)) }
            td data-label="Next step" { (step) }
            td data-label="Date" { (date_cell(date, today)) }
        }
    }
}

fn date_cell(date: Option<Date>, today: Date) -> Markup {
    html! {
        @match date {
            Some(date) => time datetime=(date.to_string()) { (spell_date(date, today)) },
            None => span { "—" span.visually-hidden { "none" } },
        }
    }
}

fn columns(all: &[Listed]) -> Markup {
    html! {
        h1 { "Board" }
        @if all.is_empty() {
            p.empty { "Nothing tracked yet. " a href="/new" { "Add your first process" } "." }
        } @else {
            p { "One column per stage; closed processes last. " a href="/processes" { "The list" } " sorts and filters them." }
            div.board {
                @for (i, stage) in stages(all).into_iter().enumerate() {
                    @let items: Vec<&Listed> = all.iter().filter(|i| i.stage == stage).collect();
                    @let id = format!("stage-{i}");
                    section.column aria-labelledby=(id) {
                        h2 #(id) { (user(stage)) " " span.count { "(" (items.len()) ")" } }
                        ul.cards {
                            @for item in items {
                                @let (step, date) = next(item);
                                li.card {
                                    a.item-title href=(process_href(&item.handle)) {
                                        (user(&item.company)) " — " (user(&item.role))
                                    }
                                    p.card-next {
                                        (step)
                                        @if let Some(date) = date { " · " (spell_date(date, item.advice.today)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
