//! The templates drafts are written from: the built-in ones, or the user's own files beside the
//! configuration (`templates/en/`), each replacing the built-in file of the same name.

use std::path::PathBuf;

use followup_core::draft::Templates;
use followup_core::draft::template::BUILTIN;

use crate::{Config, UserError};

/// The templates drafts are written from: the built-in ones, or the user's own files in their
/// place (`followup draft` and the web composer alike).
pub enum LoadedTemplates {
    /// No user template files.
    Builtin(&'static Templates),
    /// The user's files, each replacing the built-in one of the same name.
    Own(Box<Templates>),
}

impl LoadedTemplates {
    /// Loads the templates for `config`: a user file that does not parse names itself.
    pub fn of(config: &Config) -> Result<LoadedTemplates, UserError> {
        match user_template_files(config)? {
            None => Templates::english()
                .map(LoadedTemplates::Builtin)
                .map_err(|err| {
                    UserError::new(
                        format!("the built-in templates do not load: {err}"),
                        "this is a bug in followup; please report it",
                    )
                }),
            Some(UserTemplates { dir, files }) => {
                let files: Vec<(&str, &str)> = files
                    .iter()
                    .map(|(name, text)| (*name, text.as_str()))
                    .collect();
                Templates::load(LANGUAGE, &files)
                    .map(|own| LoadedTemplates::Own(Box::new(own)))
                    .map_err(|err| {
                        UserError::new(
                            format!("your templates in {}: {err}", dir.display()),
                            "fix the file, or delete it to use the built-in one",
                        )
                    })
            }
        }
    }

    /// The templates.
    pub fn get(&self) -> &Templates {
        match self {
            LoadedTemplates::Builtin(templates) => templates,
            LoadedTemplates::Own(templates) => templates,
        }
    }
}

/// The language of the drafts (the only one so far).
const LANGUAGE: &str = "en";

/// The user's own templates: the files in `templates/en/` beside the configuration, each
/// replacing the built-in file of the same name (the others stay built in). `None` when the
/// folder holds none. A file with a name the drafts do not use is an error, so a misspelled
/// name never silently does nothing.
fn user_template_files(config: &Config) -> Result<Option<UserTemplates>, UserError> {
    let Some(dir) = config.templates_dir().map(|d| d.join(LANGUAGE)) else {
        return Ok(None);
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(None);
    };
    let builtin = BUILTIN
        .iter()
        .find(|(language, _)| *language == LANGUAGE)
        .map_or(&[][..], |(_, files)| *files);
    let expected = || {
        builtin
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut found = false;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !builtin.iter().any(|(known, _)| *known == name) {
            return Err(UserError::new(
                format!(
                    "{}: not a template file followup uses",
                    dir.join(&name).display()
                ),
                format!("name it one of {}", expected()),
            ));
        }
        found = true;
    }
    if !found {
        return Ok(None);
    }
    let files = builtin
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(own) => Ok((*name, own)),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    Ok((*name, (*text).to_owned()))
                }
                Err(err) => Err(UserError::new(
                    format!("cannot read {}: {err}", path.display()),
                    "check the file's permissions and that it is UTF-8 text",
                )),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(UserTemplates { dir, files }))
}

/// A language folder of the user's: where it is, and every file's text (built-in where the
/// user keeps no file of that name).
struct UserTemplates {
    dir: PathBuf,
    files: Vec<(&'static str, String)>,
}
