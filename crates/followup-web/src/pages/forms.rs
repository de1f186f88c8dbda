//! What every form shares: the fields as posted, a labelled field with its hint and its error
//! beside it, the error summary, the CSRF field. Errors carry a word ("Error:") as well as a
//! colour.

use maud::{Markup, html};

use super::layout::Chrome;
use crate::security::CSRF_FIELD;

/// A form's fields as posted, in order (a name may repeat).
#[derive(Clone, Debug, Default)]
pub struct Values(pub Vec<(String, String)>);

impl Values {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The value of `name` when it holds more than whitespace, as typed.
    pub fn text(&self, name: &str) -> Option<String> {
        let value = self.get(name);
        (!value.trim().is_empty()).then(|| value.to_owned())
    }

    /// The value of `name`, trimmed, when not empty.
    pub fn line(&self, name: &str) -> Option<String> {
        let value = self.get(name).trim();
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// The comma-separated items of `name`, each trimmed, empty ones left out.
    pub fn items(&self, name: &str) -> Vec<String> {
        self.get(name)
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Whether the checkbox `name` was ticked.
    pub fn checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }

    /// Every field but the ones the server adds (CSRF token, confirmation), as hidden inputs:
    /// what a confirmation step posts again.
    pub fn hidden(&self, skip: &[&str]) -> Markup {
        html! {
            @for (name, value) in &self.0 {
                @if name != CSRF_FIELD && !skip.contains(&name.as_str()) {
                    input type="hidden" name=(name) value=(value);
                }
            }
        }
    }
}

/// What is wrong with a field, or with the form as a whole.
#[derive(Clone, Debug)]
pub struct Problem {
    /// The field's id on the page; `None` for the form as a whole.
    pub id: Option<String>,
    /// The field's label, for the summary.
    pub label: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// How a field is typed in.
#[derive(Clone, Copy)]
pub enum Control {
    /// One line of text.
    Line,
    /// Several lines (a message's text).
    Lines,
    /// One of a list of spellings, and the one chosen when nothing is (`None`: the user must
    /// choose; the list starts with an empty choice).
    Choice(fn() -> Vec<&'static str>, fn() -> Option<&'static str>),
    /// Yes or no.
    Check,
}

/// One field of a form, as the page shows it.
pub struct Field<'a> {
    /// Its id (unique on the page).
    pub id: &'a str,
    /// Its name in the form.
    pub name: &'a str,
    /// The label.
    pub label: &'a str,
    /// A hint under the label (examples of what to type).
    pub hint: &'a str,
    /// How it is typed in.
    pub control: Control,
    /// It must be filled in.
    pub required: bool,
}

impl Field<'_> {
    /// The field with `value` in it, and its problem beside it, if any.
    pub fn render(&self, value: &str, problem: Option<&Problem>) -> Markup {
        let hint_id = format!("{}-hint", self.id);
        let error_id = format!("{}-error", self.id);
        let described = match (self.hint.is_empty(), problem.is_some()) {
            (true, false) => None,
            (false, false) => Some(hint_id.clone()),
            (true, true) => Some(error_id.clone()),
            (false, true) => Some(format!("{hint_id} {error_id}")),
        };
        let invalid = problem.map(|_| "true");
        html! {
            div.field.field-check[matches!(self.control, Control::Check)].has-error[problem.is_some()] {
                @if let Control::Check = self.control {
                    input type="checkbox" id=(self.id) name=(self.name) value="yes"
                        checked[!value.is_empty()] aria-describedby=[&described];
                    label for=(self.id) { (self.label) }
                } @else {
                    label for=(self.id) {
                        (self.label)
                        @if !self.required { " " span.optional { "(optional)" } }
                    }
                }
                @if !self.hint.is_empty() { p.hint id=(hint_id) { (self.hint) } }
                @if let Some(problem) = problem {
                    p.error id=(error_id) {
                        strong { "Error: " } (problem.message)
                        @if let Some(hint) = web_hint(&problem.hint) { br; span.error-hint { (hint) } }
                    }
                }
                @match self.control {
                    Control::Line => {
                        input type="text" id=(self.id) name=(self.name) value=(value)
                            required[self.required] aria-invalid=[invalid]
                            aria-describedby=[&described];
                    }
                    Control::Lines => {
                        textarea id=(self.id) name=(self.name) rows="6"
                            required[self.required] aria-invalid=[invalid]
                            aria-describedby=[&described] { (value) }
                    }
                    Control::Choice(options, default) => {
                        @let default = default();
                        @let chosen = if value.is_empty() { default.unwrap_or("") } else { value };
                        select id=(self.id) name=(self.name) aria-invalid=[invalid]
                            aria-describedby=[&described] {
                            @if default.is_none() {
                                option value="" selected[chosen.is_empty()] { "Choose one" }
                            }
                            @for option in options() {
                                option value=(option) selected[option == chosen] {
                                    (option.replace('-', " "))
                                }
                            }
                        }
                    }
                    Control::Check => {}
                }
            }
        }
    }
}

/// The list of problems atop a form, each linking to its field.
pub fn summary(problems: &[Problem]) -> Markup {
    html! {
        @if !problems.is_empty() {
            div.error-summary role="alert" {
                h2 { "Not saved: please check this" }
                ul {
                    @for problem in problems {
                        li {
                            @if let Some(id) = &problem.id {
                                a href={ "#" (id) } { (problem.label) ": " (problem.message) }
                            } @else {
                                (problem.message)
                                @if let Some(hint) = web_hint(&problem.hint) { " — " (hint) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A hint worth showing on a page: the application layer's hints are written for the command
/// line, and the ones that name a command or an option would only confuse here.
fn web_hint(hint: &str) -> Option<&str> {
    let terminal = hint.contains("followup ") || hint.contains("--");
    (!hint.is_empty() && !terminal).then_some(hint)
}

/// The hidden CSRF field every form carries.
pub fn csrf(chrome: &Chrome) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(chrome.csrf); }
}
