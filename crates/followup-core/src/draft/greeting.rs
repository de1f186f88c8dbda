//! Who a draft greets, and how: the first contact's first name ("Hi Ana,"), their honorific
//! and surname when formal ("Dear Ms. Souza,", else the full name), "Hi everyone," for several
//! interviewers with no contact, the one interviewer's name, or a greeting with no name. A
//! name is never invented.

use super::Tone;
use super::template::phrases::{Greeting, Hole, Phrases};
use crate::process::{Contact, Interview, Process};

/// The greeting line of a draft.
pub(crate) fn greeting(
    process: &Process,
    interview: Option<&Interview>,
    tone: Tone,
    phrases: &Phrases,
) -> String {
    let (situation, name) = match process.contacts.first() {
        Some(contact) => person(contact_name(contact, tone)),
        None => {
            let with: Vec<String> = interview
                .map(|i| {
                    i.with
                        .iter()
                        .map(|w| clean(w))
                        .filter(|w| !w.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            match with.as_slice() {
                [] => (Greeting::Nobody, String::new()),
                [one] => person(interviewer_name(one, tone)),
                _ => (Greeting::Group, String::new()),
            }
        }
    };
    phrases.greeting(tone, situation).render(|hole| match hole {
        Hole::Name => name.as_str(),
        // Greeting phrases are checked at load to offer only {name}.
        _ => "",
    })
}

fn person(name: String) -> (Greeting, String) {
    if name.is_empty() {
        (Greeting::Nobody, name)
    } else {
        (Greeting::Person, name)
    }
}

/// Formal: "Ms. Souza" with an honorific, else "Ana Souza"; otherwise "Ana".
fn contact_name(contact: &Contact, tone: Tone) -> String {
    let name = clean(&contact.name);
    if tone != Tone::Formal {
        return first_word(&name);
    }
    let honorific = contact.honorific.as_deref().map(clean).unwrap_or_default();
    match name.rsplit(' ').next() {
        Some(surname) if !honorific.is_empty() && !surname.is_empty() => {
            format!("{honorific} {surname}")
        }
        _ => name,
    }
}

/// Formal: the full name (no honorific is known); otherwise the first name.
fn interviewer_name(name: &str, tone: Tone) -> String {
    if tone == Tone::Formal {
        name.to_owned()
    } else {
        first_word(name)
    }
}

fn first_word(name: &str) -> String {
    name.split(' ').next().unwrap_or_default().to_owned()
}

/// Collapses whitespace so names and values read cleanly in one line.
pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
