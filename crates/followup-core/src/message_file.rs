//! A message as a text file: an optional header block (`To:`, `Subject:`) up to the first blank
//! line, then the body. `followup draft > msg.txt` writes this form ([`render`]) and both `log
//! sent --file` and `check` read it ([`read`]), so the round trip keeps the body byte for byte
//! and the reviewer never counts a header as words.
//!
//! A file has a header block only when its first line starts with `To:` or `Subject:` (any
//! case); any other file is all body. Pure: text in, parts and offsets out.

/// A message file split into its parts. Offsets are bytes into the file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageFile<'a> {
    /// The recipients of the `To:` lines, in order (an address written `Name <addr>` keeps
    /// the address).
    pub to: Vec<String>,
    /// The `Subject:` line's text.
    pub subject: Option<String>,
    /// Where the body starts in the file (0 without a header block).
    pub body_start: usize,
    /// How many lines come before the body (the header block and its blank line).
    pub header_lines: usize,
    /// The body, from `body_start` to the end of the file, as written.
    pub body: &'a str,
}

impl MessageFile<'_> {
    /// Whether the file had a header block.
    pub fn has_headers(&self) -> bool {
        self.header_lines > 0
    }

    /// The body as the message holds it: the file's final line break (the text file's line
    /// terminator, which [`render`] adds) removed.
    pub fn body_text(&self) -> &str {
        let body = self.body;
        body.strip_suffix("\r\n")
            .or_else(|| body.strip_suffix('\n'))
            .unwrap_or(body)
    }
}

/// Why a header block cannot be read; `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// A header other than `To:` or `Subject:`.
    #[error("line {line}: unknown header {name:?} (the header block takes To: and Subject:)")]
    Unknown {
        /// The line.
        line: usize,
        /// The header's name as written.
        name: String,
    },
    /// A line of the block that is not `Name: value`.
    #[error("line {line}: not a header line (a blank line ends the header block)")]
    NotAHeader {
        /// The line.
        line: usize,
    },
    /// A second `Subject:` line.
    #[error("line {line}: a second Subject: line")]
    SecondSubject {
        /// The line.
        line: usize,
    },
}

/// Splits `text` into its header block and body (see the module docs).
pub fn read(text: &str) -> Result<MessageFile<'_>, HeaderError> {
    let mut file = MessageFile {
        to: Vec::new(),
        subject: None,
        body_start: 0,
        header_lines: 0,
        body: text,
    };
    let first = text.lines().next().unwrap_or_default();
    if header_name(first).is_none_or(|name| !is_known(name)) {
        return Ok(file);
    }
    // The header currently being read, for continuation lines.
    let mut last: Option<Known> = None;
    let mut offset = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        offset += raw.len();
        file.header_lines = number;
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            file.body_start = offset;
            file.body = &text[offset..];
            return Ok(file);
        }
        if line.starts_with([' ', '\t']) {
            // A folded header goes on with the previous one.
            match last {
                Some(Known::To) => push_recipients(&mut file.to, line),
                Some(Known::Subject) => {
                    if let Some(subject) = &mut file.subject {
                        subject.push(' ');
                        subject.push_str(line.trim());
                    }
                }
                None => return Err(HeaderError::NotAHeader { line: number }),
            }
            continue;
        }
        let Some(name) = header_name(line) else {
            return Err(HeaderError::NotAHeader { line: number });
        };
        let value = line[name.len() + 1..].trim();
        match known(name) {
            Some(Known::To) => push_recipients(&mut file.to, value),
            Some(Known::Subject) if file.subject.is_some() => {
                return Err(HeaderError::SecondSubject { line: number });
            }
            Some(Known::Subject) => file.subject = Some(value.to_owned()),
            None => {
                return Err(HeaderError::Unknown {
                    line: number,
                    name: name.to_owned(),
                });
            }
        }
        last = known(name);
    }
    // Headers only: the body is empty.
    file.body_start = text.len();
    file.body = &text[text.len()..];
    Ok(file)
}

/// The file for a message: `To:` (when there are recipients), `Subject:`, a blank line, the
/// body and a final line break. [`read`] gives back the same recipients, subject and body.
pub fn render(to: &[String], subject: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + subject.len() + 32);
    if !to.is_empty() {
        out.push_str("To: ");
        out.push_str(&to.join(", "));
        out.push('\n');
    }
    out.push_str("Subject: ");
    out.push_str(subject);
    out.push_str("\n\n");
    out.push_str(body);
    out.push('\n');
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    To,
    Subject,
}

fn known(name: &str) -> Option<Known> {
    if name.eq_ignore_ascii_case("to") {
        Some(Known::To)
    } else if name.eq_ignore_ascii_case("subject") {
        Some(Known::Subject)
    } else {
        None
    }
}

fn is_known(name: &str) -> bool {
    known(name).is_some()
}

/// The name of a `Name: value` line: letters, digits and dashes before the colon.
fn header_name(line: &str) -> Option<&str> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then_some(name)
}

/// Adds the comma-separated recipients of `value`; `Name <addr>` keeps the address.
fn push_recipients(to: &mut Vec<String>, value: &str) {
    for part in value.split(',') {
        let part = part.trim();
        let address = match (part.rfind('<'), part.ends_with('>')) {
            (Some(open), true) => part[open + 1..part.len() - 1].trim(),
            _ => part,
        };
        if !address.is_empty() {
            to.push(address.to_owned());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_headers_is_all_body() {
        for text in [
            "Hi Ana,\n\nThanks.\n",
            "",
            "Note: this is the body\n\nx",
            "To me",
        ] {
            let file = read(text).unwrap();
            assert!(!file.has_headers(), "{text:?}");
            assert_eq!((file.body, file.body_start), (text, 0));
        }
    }

    #[test]
    fn the_header_block_ends_at_the_first_blank_line() {
        let text = "To: ana@acme.example, Bruno <bruno@acme.example>\r\nsubject: Quick\n  question\n\nHi Ana,\n\nBody.\n";
        let file = read(text).unwrap();
        assert_eq!(file.to, ["ana@acme.example", "bruno@acme.example"]);
        assert_eq!(file.subject.as_deref(), Some("Quick question"));
        assert_eq!(file.header_lines, 4);
        assert_eq!(file.body, "Hi Ana,\n\nBody.\n");
        assert_eq!(&text[file.body_start..], file.body);
        assert_eq!(file.body_text(), "Hi Ana,\n\nBody.");
        let only = read("Subject: Hello\n").unwrap();
        assert_eq!((only.subject.as_deref(), only.body), (Some("Hello"), ""));
    }

    #[test]
    fn bad_header_blocks_name_the_line() {
        assert_eq!(
            read("To: a@b.example\nCc: c@d.example\n\nx"),
            Err(HeaderError::Unknown {
                line: 2,
                name: "Cc".into()
            })
        );
        assert_eq!(
            read("Subject: a\nHello there\n\nx"),
            Err(HeaderError::NotAHeader { line: 2 })
        );
        assert_eq!(
            read("Subject: a\nSubject: b\n\nx"),
            Err(HeaderError::SecondSubject { line: 2 })
        );
    }

    #[test]
    fn render_then_read_gives_the_message_back() {
        let to = vec!["ana@acme.example".to_owned()];
        for body in [
            "Hi Ana,\n\nIs there news?\n\nBest regards,",
            "One line",
            "Ends\n\n",
        ] {
            let text = render(&to, "Following up", body);
            let file = read(&text).unwrap();
            assert_eq!(file.to, to);
            assert_eq!(file.subject.as_deref(), Some("Following up"));
            assert_eq!(file.body_text(), body);
        }
        let text = render(&[], "Thanks", "Hi");
        assert_eq!(text, "Subject: Thanks\n\nHi\n");
        assert!(read(&text).unwrap().to.is_empty());
    }
}
