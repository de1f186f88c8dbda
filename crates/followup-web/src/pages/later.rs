//! The pages of the navigation that come with the application layer (the list, the board, the
//! new-process form): for now each says where the same thing is in the terminal.

use maud::{Markup, html};

use super::layout::{Chrome, Nav, page};

/// `GET /processes`.
pub async fn processes(chrome: Chrome) -> Markup {
    later(&chrome, Nav::Processes, "Processes", "followup list --all")
}

/// `GET /board`.
pub async fn board(chrome: Chrome) -> Markup {
    later(&chrome, Nav::Board, "Board", "followup list --all")
}

/// `GET /new`.
pub async fn new(chrome: Chrome) -> Markup {
    later(
        &chrome,
        Nav::New,
        "New process",
        "followup add COMPANY --role ROLE",
    )
}

fn later(chrome: &Chrome, nav: Nav, title: &str, command: &str) -> Markup {
    let body = html! {
        h1 { (title) }
        p { "This page is not in this version yet. In a terminal: " code { (command) } }
        p { a href="/" { "Back to the agenda" } }
    };
    page(title, nav, chrome, body)
}
