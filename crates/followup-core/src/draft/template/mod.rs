//! Message templates: plain text files a person can read and edit, one folder per language
//! (`templates/en/`), compiled into the binary and checked when they load.
//!
//! A language folder holds `phrases.txt` (greetings, date wording, outside changes, fallback
//! subjects) and one file per kind (`thank-you.txt`, `follow-up.txt`, `final.txt`,
//! `align.txt`, `withdraw.txt`) with at least three variants per tone. [`Templates::load`] reads such a folder
//! from its files' texts, so a user's own folder (later, from the config directory) goes
//! through the same checks as the built-in one: an unknown placeholder, a value used where it
//! may not exist, a missing question or greeting is an error naming the file and line, never a
//! blank in a sent message.

pub(crate) mod pattern;
pub(crate) mod phrases;
pub(crate) mod slot;
pub(crate) mod variants;

use std::sync::OnceLock;

use crate::draft::Tone;
use crate::process::MessageKind;
use phrases::Phrases;
use variants::{KindTemplates, Variant};

/// A problem in a template file, located by file and line (0 when it concerns the whole file).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct TemplateError {
    /// The file, as `<language>/<name>.txt`.
    pub file: String,
    /// The 1-based line, or 0 for the whole file.
    pub line: usize,
    /// What is wrong, in one sentence.
    pub message: String,
}

/// The file holding each kind's variants.
const KIND_FILES: [(MessageKind, &str); 5] = [
    (MessageKind::ThankYou, "thank-you.txt"),
    (MessageKind::FollowUp, "follow-up.txt"),
    (MessageKind::Final, "final.txt"),
    (MessageKind::Align, "align.txt"),
    (MessageKind::Withdraw, "withdraw.txt"),
];

/// The shared phrases file of a language.
const PHRASES_FILE: &str = "phrases.txt";

/// Compiles a language folder into the binary: adding a language is a new folder under
/// `templates/` and one line in [`BUILTIN`].
macro_rules! language {
    ($lang:literal) => {
        (
            $lang,
            &[
                (
                    "phrases.txt",
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/templates/",
                        $lang,
                        "/phrases.txt"
                    )),
                ),
                (
                    "thank-you.txt",
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/templates/",
                        $lang,
                        "/thank-you.txt"
                    )),
                ),
                (
                    "follow-up.txt",
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/templates/",
                        $lang,
                        "/follow-up.txt"
                    )),
                ),
                (
                    "final.txt",
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/templates/",
                        $lang,
                        "/final.txt"
                    )),
                ),
                (
                    "align.txt",
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/templates/",
                        $lang,
                        "/align.txt"
                    )),
                ),
                (
                    "withdraw.txt",
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/templates/",
                        $lang,
                        "/withdraw.txt"
                    )),
                ),
            ],
        )
    };
}

/// The built-in languages: (name, [(file name, text)]).
pub const BUILTIN: &[(&str, &[(&str, &str)])] = &[language!("en")];

/// The language drafts use unless told otherwise.
pub const DEFAULT_LANGUAGE: &str = "en";

/// A checked set of templates for one language.
#[derive(Clone, Debug)]
pub struct Templates {
    language: String,
    phrases: Phrases,
    kinds: Vec<(MessageKind, KindTemplates)>,
}

impl Templates {
    /// Loads a language folder from `(file name, text)` pairs, checking every template.
    pub fn load(language: &str, files: &[(&str, &str)]) -> Result<Templates, TemplateError> {
        let path = |name: &str| format!("{language}/{name}");
        let text = |name: &str| {
            files
                .iter()
                .find(|(file, _)| *file == name)
                .map(|(_, text)| *text)
                .ok_or_else(|| TemplateError {
                    file: path(name),
                    line: 0,
                    message: "missing template file".to_owned(),
                })
        };
        if let Some((unknown, _)) = files
            .iter()
            .find(|(name, _)| *name != PHRASES_FILE && !KIND_FILES.iter().any(|(_, f)| f == name))
        {
            return Err(TemplateError {
                file: path(unknown),
                line: 0,
                message: format!(
                    "unknown template file; a language folder holds {PHRASES_FILE} and {}",
                    KIND_FILES.map(|(_, f)| f).join(", ")
                ),
            });
        }
        let phrases = Phrases::parse(&path(PHRASES_FILE), text(PHRASES_FILE)?)?;
        let kinds = KIND_FILES
            .iter()
            .map(|&(kind, name)| Ok((kind, variants::parse_kind(&path(name), kind, text(name)?)?)))
            .collect::<Result<Vec<_>, TemplateError>>()?;
        Ok(Templates {
            language: language.to_owned(),
            phrases,
            kinds,
        })
    }

    /// The built-in templates of `language`, loaded once; `None` for an unknown language.
    pub fn builtin(language: &str) -> Option<Result<&'static Templates, TemplateError>> {
        static LOADED: OnceLock<Vec<Result<Templates, TemplateError>>> = OnceLock::new();
        let loaded = LOADED.get_or_init(|| {
            BUILTIN
                .iter()
                .map(|(name, files)| Templates::load(name, files))
                .collect()
        });
        let index = BUILTIN.iter().position(|(name, _)| *name == language)?;
        Some(loaded.get(index)?.as_ref().map_err(Clone::clone))
    }

    /// The built-in English templates.
    pub fn english() -> Result<&'static Templates, TemplateError> {
        match Templates::builtin(DEFAULT_LANGUAGE) {
            Some(result) => result,
            None => Err(TemplateError {
                file: DEFAULT_LANGUAGE.to_owned(),
                line: 0,
                message: "the default language is not built in".to_owned(),
            }),
        }
    }

    /// The language name (`en`).
    pub fn language(&self) -> &str {
        &self.language
    }

    /// How many variants `kind` offers in `tone` (0 for a kind without templates).
    pub fn variant_count(&self, kind: MessageKind, tone: Tone) -> usize {
        self.variants(kind, tone).map_or(0, <[Variant]>::len)
    }

    pub(crate) fn variants(&self, kind: MessageKind, tone: Tone) -> Option<&[Variant]> {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t.by_tone[tone.index()].as_slice())
    }

    pub(crate) fn phrases(&self) -> &Phrases {
        &self.phrases
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_language_loads() {
        for (name, files) in BUILTIN {
            let templates = Templates::load(name, files).unwrap_or_else(|e| panic!("{e}"));
            for (kind, _) in KIND_FILES {
                for tone in Tone::ALL {
                    assert!(templates.variant_count(kind, tone) >= variants::MIN_VARIANTS);
                }
            }
        }
        assert!(Templates::english().is_ok());
        assert!(Templates::builtin("xx").is_none());
        assert_eq!(Templates::english().unwrap().language(), "en");
    }

    #[test]
    fn a_folder_with_a_broken_template_is_refused() {
        let (_, files) = BUILTIN[0];
        let broken: Vec<(&str, String)> = files
            .iter()
            .map(|(name, text)| {
                let text = if *name == "final.txt" {
                    text.replacen("\n{greeting}\n", "\nHi {first_name},\n{greeting}\n", 1)
                } else {
                    (*text).to_owned()
                };
                (*name, text)
            })
            .collect();
        let refs: Vec<(&str, &str)> = broken.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let err = Templates::load("en", &refs).unwrap_err();
        assert_eq!(err.file, "en/final.txt");
        assert!(
            err.message.contains("unknown placeholder {first_name}"),
            "{err}"
        );

        let missing: Vec<(&str, &str)> = files
            .iter()
            .copied()
            .filter(|(n, _)| *n != "align.txt")
            .collect();
        assert_eq!(
            Templates::load("en", &missing).unwrap_err().file,
            "en/align.txt"
        );
        let mut extra = files.to_vec();
        extra.push(("notes.txt", ""));
        assert!(
            Templates::load("en", &extra)
                .unwrap_err()
                .message
                .contains("unknown template file")
        );
    }
}
