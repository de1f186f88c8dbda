//! The new text of a message: what its author wrote this time.
//!
//! Classifying reads only this, so a question in the quoted history or a rejection inside a
//! forwarded block never decides anything. Removed, in order:
//! - everything from the first history or forward marker: "On … wrote:" (and "Em … escreveu:",
//!   "El … escribió:"), an Outlook header block ("From: … Sent: …", "De: … Enviado: …"),
//!   "-----Original Message-----", "---------- Forwarded message ----------", "Begin
//!   forwarded message:" and their Portuguese and Spanish forms;
//! - lines starting with `>`, and "Sent from my iPhone" lines;
//! - a trailing signature: from a `-- ` line, else from the last line that is only a sign-off
//!   ("Best,", "Abraços,", "Saludos cordiales,", optionally with a name after a comma).
//!
//! A text over [`MAX_BYTES`] is cut at a character boundary and the cut is noted.

use std::sync::LazyLock;

use regex::Regex;

use crate::classify::phrases::{fold, pattern};

/// The longest new text kept (64 KiB); longer texts are cut with a note.
pub const MAX_BYTES: usize = 64 * 1024;

/// The new text and whether it was cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewText {
    /// The text, trimmed; ends with a note when cut.
    pub text: String,
    /// The length in bytes before cutting, when the text was cut.
    pub cut_from: Option<usize>,
}

/// "On Mon, 4 May 2026, Ana <ana@acme.example> wrote:" and its Portuguese and Spanish forms,
/// on one line or wrapped over two (matched on folded text).
static WROTE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^(?:on|em|el|le|am) .{0,300}(?:wrote|escreveu|escribio|a ecrit|schrieb)\s?:$")
});

/// Markers that start a history or forwarded block on their own line (folded text).
static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
    pattern(concat!(
        r"^(?:-{2,}\s*(?:original message|mensagem original|mensaje original|forwarded message|",
        r"mensagem encaminhada|mensaje reenviado)\s*-{2,}",
        r"|begin forwarded message:|inicio da mensagem (?:encaminhada|reencaminhada):",
        r"|inicio del mensaje reenviado:|_{10,})"
    ))
});

/// The first line of an Outlook-style header block ("From: …" followed by "Sent: …").
static HEADER_FROM: LazyLock<Regex> = LazyLock::new(|| pattern(r"^\*?(?:from|de)\s?:\*?\s*\S"));
static HEADER_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^\*?(?:sent|date|to|subject|enviado|enviada|data|para|fecha|asunto|assunto)\s?:\*?\s*\S",
    )
});

static MOBILE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?:sent from my|enviado do meu|enviado desde mi|get outlook for|obtener outlook para|baixe o outlook)",
    )
});

/// A line that is only a sign-off, possibly followed by a comma and a name.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    let phrases = include_str!("../classify/phrases/sign-off.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("|");
    pattern(&format!(
        r"^(?:{phrases})\s*[!.]*\s*(?:,\s*[\p{{L}} .'-]{{0,40}})?$"
    ))
});

/// The new text of `body` (plain text, or HTML already converted).
pub fn new_text(body: &str) -> NewText {
    let body = body.replace("\r\n", "\n");
    let lines: Vec<&str> = body.lines().collect();
    let folded: Vec<String> = lines.iter().map(|l| fold(l.trim())).collect();

    let mut end = lines.len();
    for i in 0..lines.len() {
        let line = &folded[i];
        let two = folded.get(i + 1).map(|next| format!("{line} {next}"));
        let wrote = WROTE.is_match(line)
            || (line.len() > 3 && two.as_deref().is_some_and(|t| WROTE.is_match(t)));
        let header_block = HEADER_FROM.is_match(line)
            && folded[i + 1..]
                .iter()
                .take(3)
                .any(|l| HEADER_NEXT.is_match(l));
        if wrote || header_block || BLOCK_START.is_match(line) {
            end = i;
            break;
        }
    }

    let mut kept: Vec<(&str, &str)> = lines[..end]
        .iter()
        .zip(&folded[..end])
        .filter(|(line, fold)| !line.trim_start().starts_with('>') && !MOBILE.is_match(fold))
        .map(|(line, fold)| (*line, fold.as_str()))
        .collect();

    if let Some(dash) = kept
        .iter()
        .position(|(line, _)| matches!(*line, "-- " | "--"))
    {
        kept.truncate(dash);
    } else if let Some(sign_off) = kept
        .iter()
        .rposition(|(_, fold)| !fold.is_empty() && SIGN_OFF.is_match(fold))
        // A sign-off on the first line is a greeting-like thanks, not a signature.
        && kept[..sign_off].iter().any(|(_, fold)| !fold.is_empty())
    {
        kept.truncate(sign_off);
    }

    let text = kept
        .iter()
        .map(|(line, _)| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim().to_owned();
    if text.len() <= MAX_BYTES {
        return NewText {
            text,
            cut_from: None,
        };
    }
    let mut cut = MAX_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let kib = text.len().div_ceil(1024);
    NewText {
        text: format!(
            "{}\n[followup: cut at 64 KiB; the message was {kib} KiB]",
            &text[..cut]
        ),
        cut_from: Some(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> String {
        new_text(body).text
    }

    #[test]
    fn history_after_wrote_goes() {
        let body = "Thanks, Friday works.\n\nOn Mon, 4 May 2026 at 10:00, Ana Souza <ana@acme.example>\nwrote:\n> Could you send times?\n";
        assert_eq!(read(body), "Thanks, Friday works.");
        let pt = "Combinado!\n\nEm seg., 4 de mai. de 2026 às 10:00, Ana <ana@x.example> escreveu:\n> Pode?";
        assert_eq!(read(pt), "Combinado!");
    }

    #[test]
    fn outlook_header_block_and_forward_go() {
        let body = "See below.\n\nFrom: Ana Souza <ana@acme.example>\nSent: Monday, May 4, 2026 10:00 AM\nTo: Maria\nSubject: Next steps\n\nCan you come in?";
        assert_eq!(read(body), "See below.");
        let fwd = "FYI\n\n---------- Forwarded message ---------\nFrom: HR\nWe decided not to move forward.";
        assert_eq!(read(fwd), "FYI");
    }

    #[test]
    fn signature_goes() {
        assert_eq!(
            read("Hi Maria,\nAll good.\n\nBest,\nJane Doe\nRecruiter | Acme\n+1 555 0100"),
            "Hi Maria,\nAll good."
        );
        assert_eq!(read("Ok.\n-- \nJane\nAcme"), "Ok.");
        assert_eq!(
            read("Olá Maria,\nTudo certo.\n\nAbraços,\nAna"),
            "Olá Maria,\nTudo certo."
        );
        assert_eq!(
            read("Hola,\nPerfecto.\n\nSaludos cordiales,\nLucía"),
            "Hola,\nPerfecto."
        );
        // "Thanks for your time." is a sentence, not a sign-off.
        assert_eq!(
            read("Hi,\nThanks for your time."),
            "Hi,\nThanks for your time."
        );
    }

    #[test]
    fn long_text_is_cut_with_a_note() {
        let body = "é".repeat(MAX_BYTES);
        let text = new_text(&body);
        assert_eq!(text.cut_from, Some(2 * MAX_BYTES));
        assert!(
            text.text
                .ends_with("[followup: cut at 64 KiB; the message was 128 KiB]")
        );
        assert!(text.text.len() < MAX_BYTES + 100);
    }
}
