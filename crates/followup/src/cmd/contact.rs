//! `followup contact add|edit|rm`: a process's contacts after the interview (the first is the
//! main one: drafts are addressed to it). Each echoes the change in one line.

use std::io::Write;
use std::process::ExitCode;

use followup_app::correct::{ContactEdit, diff};

use super::{Context, Run};
use crate::cli::{ContactAction, ContactArgs};
use crate::error::UserError;
use followup_app::adding::parse_contact;

impl Run for ContactArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.as_deref())?;
        let mut out = anstream::stdout().lock();
        let optional =
            |text: Option<String>| text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        match self.action {
            ContactAction::Add {
                handle,
                contact,
                title,
                honorific,
                main,
            } => {
                let mut parsed = parse_contact(&contact).map_err(|e| {
                    UserError::new(e.message().replacen("--contact", "CONTACT", 1), e.hint())
                })?;
                parsed.title = optional(title);
                parsed.honorific = optional(honorific);
                let shown = diff::contact_list(std::slice::from_ref(&parsed));
                app.add_contact(&handle, parsed, main)?;
                let role = if main { " as the main contact" } else { "" };
                writeln!(out, "added to {handle}{role}: {}", escape(&shown))?;
            }
            ContactAction::Edit {
                handle,
                who,
                name,
                email,
                title,
                honorific,
                main,
            } => {
                if [&name, &email, &title, &honorific]
                    .iter()
                    .all(|o| o.is_none())
                    && !main
                {
                    return Err(UserError::new(
                        "nothing to change: give --name, --email, --title, --honorific or --main",
                        format!("followup contact edit {handle} {who:?} --title Recruiter"),
                    )
                    .into());
                }
                let edit = ContactEdit {
                    name,
                    email,
                    title,
                    honorific,
                    main,
                };
                let edited = app.edit_contact(&handle, &who, edit)?;
                if edited.changes.is_empty() {
                    writeln!(out, "{handle}'s contacts already read so: nothing changed.")?;
                } else {
                    writeln!(out, "edited {handle}: {}", diff::line(&edited.changes))?;
                }
            }
            ContactAction::Rm { handle, who } => {
                let removed = app.remove_contact(&handle, &who)?;
                let shown = diff::contact_list(std::slice::from_ref(&removed.removed));
                writeln!(
                    out,
                    "removed from {handle}: {}. followup undo brings it back.",
                    escape(&shown)
                )?;
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

fn escape(text: &str) -> String {
    followup_core::process::limits::escape_line(text).into_owned()
}
