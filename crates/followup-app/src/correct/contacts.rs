//! Contacts after `contact add`, `contact edit` and `contact rm`: who `WHO` names (an email,
//! or a name, either case-insensitive) and the list after the change. The first contact is
//! the main one: drafts are addressed to it.

use followup_core::{Contact, Process};

use crate::error::UserError;

/// New values for a contact's fields; `None` keeps a field, an empty text clears an optional
/// one.
#[derive(Clone, Debug, Default)]
pub struct ContactEdit {
    /// `--name`.
    pub name: Option<String>,
    /// `--email`.
    pub email: Option<String>,
    /// `--title`.
    pub title: Option<String>,
    /// `--honorific`.
    pub honorific: Option<String>,
    /// `--main`: make it the first contact.
    pub main: bool,
}

/// `process` with `contact` added, first when `main`. The same email twice is refused.
pub fn added(
    process: &Process,
    handle: &str,
    contact: Contact,
    main: bool,
) -> Result<Process, UserError> {
    if let Some(email) = &contact.email
        && process.contacts.iter().any(|c| {
            c.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email))
        })
    {
        return Err(UserError::new(
            format!("{handle} already has a contact with the address {email}"),
            format!("change it with followup contact edit {handle} {email} --name ..."),
        ));
    }
    let mut after = process.clone();
    if main {
        after.contacts.insert(0, contact);
    } else {
        after.contacts.push(contact);
    }
    Ok(after)
}

/// `process` with the contact `who` names changed by `edit`.
pub fn edited(
    process: &Process,
    handle: &str,
    who: &str,
    edit: ContactEdit,
) -> Result<Process, UserError> {
    let i = find(process, handle, who)?;
    let mut after = process.clone();
    let contact = &mut after.contacts[i];
    if let Some(name) = edit.name {
        let name = name.trim();
        if name.is_empty() {
            return Err(UserError::new(
                "--name: must not be empty",
                "give the contact's name, like --name \"Ana Souza\"",
            ));
        }
        contact.name = name.to_owned();
    }
    let optional = |text: String| {
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    if let Some(email) = edit.email {
        contact.email = optional(email);
    }
    if let Some(title) = edit.title {
        contact.title = optional(title);
    }
    if let Some(honorific) = edit.honorific {
        contact.honorific = optional(honorific);
    }
    if edit.main {
        let moved = after.contacts.remove(i);
        after.contacts.insert(0, moved);
    }
    Ok(after)
}

/// `process` without the contact `who` names, and that contact.
pub fn removed(
    process: &Process,
    handle: &str,
    who: &str,
) -> Result<(Process, Contact), UserError> {
    let i = find(process, handle, who)?;
    let mut after = process.clone();
    let contact = after.contacts.remove(i);
    Ok((after, contact))
}

/// The index of the one contact `who` names: its email, else its name (case-insensitive).
fn find(process: &Process, handle: &str, who: &str) -> Result<usize, UserError> {
    let who = who.trim();
    let matches = |by: &dyn Fn(&Contact) -> bool| -> Vec<usize> {
        (0..process.contacts.len())
            .filter(|&i| by(&process.contacts[i]))
            .collect()
    };
    let by_email = matches(&|c| {
        c.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(who))
    });
    let found = if by_email.is_empty() {
        matches(&|c| c.name.trim().eq_ignore_ascii_case(who))
    } else {
        by_email
    };
    let listed = super::diff::contact_list(&process.contacts);
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(UserError::new(
            format!("{handle} has no contact {who:?} (its contacts: {listed})"),
            "name the contact by its email or its name, as followup show lists them",
        )),
        _ => Err(UserError::new(
            format!("{who:?} names several contacts of {handle}: {listed}"),
            "name the contact by its email instead",
        )),
    }
}
