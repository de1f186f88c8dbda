//! Reads the corpus (`messages.txt`): a header line `=== id | kind | categories` (`-` for
//! none), then the message up to the next header. Shared by the corpus test, the snapshot
//! test and the benchmarks.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use followup_core::MessageKind;

/// The corpus file itself.
pub const TEXT: &str = include_str!("messages.txt");

/// One message of the corpus.
pub struct Entry {
    /// Its id.
    pub id: String,
    /// The kind it is reviewed as.
    pub kind: MessageKind,
    /// The categories a reviewer should report (warnings and errors).
    pub expected: BTreeSet<String>,
    /// The message, trimmed.
    pub text: String,
}

/// Every message of the corpus, in file order.
pub fn entries() -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for line in TEXT.lines() {
        if let Some(header) = line.strip_prefix("=== ") {
            let parts: Vec<&str> = header.split('|').map(str::trim).collect();
            assert_eq!(parts.len(), 3, "bad header {header:?}");
            let expected = if parts[2] == "-" {
                BTreeSet::new()
            } else {
                parts[2].split(',').map(|c| c.trim().to_owned()).collect()
            };
            entries.push(Entry {
                id: parts[0].to_owned(),
                kind: MessageKind::parse(parts[1]).expect("kind"),
                expected,
                text: String::new(),
            });
        } else if let Some(entry) = entries.last_mut() {
            entry.text.push_str(line);
            entry.text.push('\n');
        }
    }
    for entry in &mut entries {
        entry.text = entry.text.trim().to_owned();
    }
    entries
}
