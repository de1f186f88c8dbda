//! What was said, as `show` prints it under its event: a message's text (sent or received) or a
//! note, indented, and wrapped at the terminal's width when standard output is a terminal (left
//! as written when piped, so a script reads every line whole).

use std::io::IsTerminal;

use followup_core::process::limits::escape_controls;
use followup_core::{Event, EventKind};

/// How far the text sits in from the left edge: deeper than the event lines (two spaces and
/// room for a `#N ` number).
pub const INDENT: &str = "      ";

/// The width to wrap at when standard output is a terminal: its columns, else `COLUMNS`, else
/// 80 (a terminal that reports no size). `None` when piped.
pub fn terminal_width() -> Option<usize> {
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0)
    };
    Some(
        terminal_size::terminal_size_of(&stdout)
            .map(|(width, _)| usize::from(width.0))
            .or_else(columns)
            .unwrap_or(80),
    )
}

/// The text an event holds: a sent message's or a reply's body, a note's text.
pub fn text_of(event: &Event) -> Option<&str> {
    match &event.kind {
        EventKind::Sent { body, .. } | EventKind::Reply { body, .. } => body.as_deref(),
        EventKind::Note { text } => Some(text.as_str()),
        _ => None,
    }
    .filter(|text| !text.trim().is_empty())
}

/// The lines printed for `text`: each of its lines indented (blank ones left empty, control
/// characters but tabs escaped), wrapped at spaces to fit `width` columns when given. A word longer than
/// the room left stands alone on its line rather than being cut.
pub fn block(text: &str, width: Option<usize>) -> Vec<String> {
    // Never narrower than 20 columns of text, however small the terminal.
    let room = width.map(|w| w.saturating_sub(INDENT.len()).max(20));
    let mut lines = Vec::new();
    for raw in text.lines() {
        let line = escape_controls(raw.trim_end());
        if line.is_empty() {
            lines.push(String::new());
            continue;
        }
        match room {
            Some(room) if line.chars().count() > room => wrap(&line, room, &mut lines),
            _ => lines.push(format!("{INDENT}{line}")),
        }
    }
    // A trailing blank line says nothing under an event.
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Greedy wrap of one line at spaces, keeping the line's own leading spaces on its first part.
fn wrap(line: &str, room: usize, lines: &mut Vec<String>) {
    let lead = line.len() - line.trim_start().len();
    let mut current = line[..lead].to_owned();
    let mut count = current.chars().count();
    let mut has_word = false;
    for word in line[lead..].split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if has_word && count + 1 + len > room {
            lines.push(format!("{INDENT}{current}"));
            current = String::new();
            count = 0;
            has_word = false;
        }
        if has_word {
            current.push(' ');
            count += 1;
        }
        current.push_str(word);
        count += len;
        has_word = true;
    }
    lines.push(format!("{INDENT}{current}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwrapped_text_keeps_each_line_indented() {
        let text = "Hi Ana,\n\nThank you for the call.   \nBest regards,\nMaria\n\n";
        assert_eq!(
            block(text, None),
            [
                "      Hi Ana,",
                "",
                "      Thank you for the call.",
                "      Best regards,",
                "      Maria"
            ]
        );
    }

    #[test]
    fn long_lines_wrap_at_spaces_within_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = block(text, Some(INDENT.len() + 20));
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            assert!(line.chars().count() <= INDENT.len() + 20, "{line:?}");
            assert!(line.starts_with(INDENT));
        }
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words.join(" "), text);
        // A word longer than the room is not cut.
        let url = "https://example.invalid/a/very/long/path/that/does/not/fit";
        assert_eq!(
            block(&format!("see {url}"), Some(30)),
            [format!("{INDENT}see"), format!("{INDENT}{url}")]
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(block("a\u{1b}[31mb", None), ["      a\\u{1b}[31mb"]);
    }
}
