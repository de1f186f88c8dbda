//! Reading mail files: `.eml` files, mbox files and Maildir folders, in the order given.
//!
//! This is the crate's only file access. Each message comes out as a [`RawMessage`] named the
//! way the user sees it: the file's path, `inbox.mbox#3` for the third message of an mbox, the
//! message's own file inside a Maildir. A Maildir is read in file-name order (`cur/` and `new/`
//! together); mail-parser's Maildir iterator follows the directory's order instead, so the
//! folder is listed here and each message read when its turn comes. Anything unreadable is a
//! [`Warning`] and the reading goes on.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use mail_parser::mailbox::mbox;

use crate::message::RawMessage;

/// A message (or a whole path) that could not be read, for stderr: the file, the message when
/// known, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The file as the user named it (`inbox.mbox#3` inside an mbox).
    pub file: String,
    /// The message's `Message-ID` or subject, when it could be read.
    pub message: Option<String>,
    /// What was wrong, in one line.
    pub problem: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => write!(f, "{} ({message}): {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// The messages of several paths, one after another, in the order given.
pub struct Sources {
    pending: VecDeque<PathBuf>,
    current: Current,
}

enum Current {
    Idle,
    Mbox {
        label: String,
        index: usize,
        messages: mbox::MessageIterator<BufReader<File>>,
    },
    Maildir(std::vec::IntoIter<PathBuf>),
}

impl Sources {
    /// Reads `paths` lazily: nothing is opened before the first message is asked for.
    pub fn new<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Self {
        Sources {
            pending: paths
                .into_iter()
                .map(|p| p.as_ref().to_path_buf())
                .collect(),
            current: Current::Idle,
        }
    }

    /// Opens the next path: a message, or the first message of a mailbox.
    fn open(&mut self, path: PathBuf) -> Option<Result<RawMessage, Warning>> {
        let label = path.display().to_string();
        let warn = |problem: String| {
            Some(Err(Warning {
                file: label.clone(),
                message: None,
                problem,
            }))
        };
        if path.is_dir() {
            if !path.join("cur").is_dir() || !path.join("new").is_dir() {
                return warn("a folder that is not a Maildir (no cur/ and new/)".into());
            }
            return match maildir_files(&path) {
                Ok(files) => {
                    self.current = Current::Maildir(files.into_iter());
                    None
                }
                Err(err) => warn(format!("cannot list the Maildir: {err}")),
            };
        }
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(err) => return warn(format!("cannot read: {err}")),
        };
        let mut reader = BufReader::new(file);
        let is_mbox = match reader.fill_buf() {
            Ok(start) => start.starts_with(b"From "),
            Err(err) => return warn(format!("cannot read: {err}")),
        };
        if is_mbox {
            self.current = Current::Mbox {
                label,
                index: 0,
                messages: mbox::MessageIterator::new(reader),
            };
            return None;
        }
        let mut bytes = Vec::new();
        match reader.read_to_end(&mut bytes) {
            Ok(_) => Some(Ok(RawMessage {
                file: label,
                bytes,
                internal_date: None,
            })),
            Err(err) => warn(format!("cannot read: {err}")),
        }
    }
}

impl Iterator for Sources {
    type Item = Result<RawMessage, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match &mut self.current {
                Current::Idle => {}
                Current::Mbox {
                    label,
                    index,
                    messages,
                } => match messages.next() {
                    Some(item) => {
                        *index += 1;
                        let file = format!("{label}#{index}");
                        return Some(match item {
                            Ok(message) => Ok(RawMessage {
                                internal_date: i64::try_from(message.internal_date()).ok(),
                                bytes: message.unwrap_contents(),
                                file,
                            }),
                            Err(err) => Err(Warning {
                                file,
                                message: None,
                                problem: format!("cannot read: {err}"),
                            }),
                        });
                    }
                    None => self.current = Current::Idle,
                },
                Current::Maildir(files) => match files.next() {
                    Some(path) => {
                        let file = path.display().to_string();
                        return Some(match std::fs::read(&path) {
                            Ok(bytes) => Ok(RawMessage {
                                file,
                                bytes,
                                internal_date: None,
                            }),
                            Err(err) => Err(Warning {
                                file,
                                message: None,
                                problem: format!("cannot read: {err}"),
                            }),
                        });
                    }
                    None => self.current = Current::Idle,
                },
            }
            let path = self.pending.pop_front()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

/// The message files of a Maildir (`cur/` and `new/`), in file-name order; dot files skipped.
fn maildir_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for sub in ["cur", "new"] {
        for entry in std::fs::read_dir(root.join(sub))? {
            let path = entry?.path();
            let visible = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'));
            if visible && path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}
