//! New process (`/new`): company, role, contact, zone and the posting's address. The
//! application layer checks them as it checks `followup add`; a bad field is shown beside it
//! with the form as typed (200), a good one leads to the new process's page.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::forms::{Control, Field, Problem, Values, csrf, summary};
use super::layout::{Chrome, Nav, page as layout};
use super::{backend_error, process_href};
use crate::Web;
use crate::backend::{FormError, NewProcess};

/// The form's fields, with the command line's name for each (`followup add`'s errors name it).
const FIELDS: &[(Field<'static>, &str)] = &[
    (
        Field {
            id: "company",
            name: "company",
            label: "Company",
            hint: "",
            control: Control::Line,
            required: true,
        },
        "COMPANY",
    ),
    (
        Field {
            id: "role",
            name: "role",
            label: "Role",
            hint: "As the posting names it: Backend Engineer",
            control: Control::Line,
            required: true,
        },
        "--role",
    ),
    (
        Field {
            id: "contact",
            name: "contact",
            label: "Contact",
            hint: "Ana Souza <ana@acme.example>, a name, or an address",
            control: Control::Line,
            required: false,
        },
        "--contact",
    ),
    (
        Field {
            id: "zone",
            name: "zone",
            label: "Time zone",
            hint: "Where they are, as Europe/Lisbon or America/Sao_Paulo; empty: yours",
            control: Control::Line,
            required: false,
        },
        "--tz",
    ),
    (
        Field {
            id: "url",
            name: "url",
            label: "Posting address (URL)",
            hint: "",
            control: Control::Line,
            required: false,
        },
        "--url",
    ),
];

/// `GET /new`.
pub async fn page(chrome: Chrome) -> Markup {
    form(&chrome, &Values::default(), &[])
}

/// `POST /new`.
pub async fn create(
    chrome: Chrome,
    State(web): State<Web>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let values = Values(fields);
    let new = NewProcess {
        company: values.get("company").to_owned(),
        role: values.get("role").to_owned(),
        contacts: values.line("contact").into_iter().collect(),
        zone: values.line("zone"),
        url: values.line("url"),
        ..NewProcess::default()
    };
    match web.backend(move |b| b.add(new)).await {
        Ok(handle) => (StatusCode::SEE_OTHER, [(LOCATION, process_href(&handle))]).into_response(),
        Err(FormError::Field {
            field,
            message,
            hint,
        }) => {
            let found = FIELDS.iter().find(|(_, cli)| *cli == field);
            let problem = Problem {
                id: found.map(|(f, _)| f.id.to_owned()),
                label: found.map_or("", |(f, _)| f.label).to_owned(),
                message,
                hint,
            };
            form(&chrome, &values, &[problem]).into_response()
        }
        Err(FormError::Backend(err)) => backend_error(&chrome, err),
    }
}

fn form(chrome: &Chrome, values: &Values, problems: &[Problem]) -> Markup {
    let body = html! {
        h1 { "New process" }
        p { "A company and a role are enough to start; you can log what happened next on its page." }
        (summary(problems))
        form.form method="post" action="/new" {
            (csrf(chrome))
            @for (field, _) in FIELDS {
                @let problem = problems.iter().find(|p| p.id.as_deref() == Some(field.id));
                (field.render(values.get(field.name), problem))
            }
            button.button type="submit" { "Start tracking" }
        }
    };
    let title = if problems.is_empty() {
        "New process"
    } else {
        "Error: New process"
    };
    layout(title, Nav::New, chrome, body)
}
