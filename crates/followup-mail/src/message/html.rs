//! An HTML-only message as text.
//!
//! mail-parser's `html_to_text` decodes entities and drops tags, but breaks lines only at
//! `<br>` and `</p>`: the `<div>` lines mail clients write run together ("Hi Maria,Could
//! you…"). This pass turns block elements into `<br>` first, and drops quoted history that
//! clients mark in HTML (`<blockquote>`, Gmail's `gmail_quote`, Outlook's reply header
//! `divRplyFwdMsg`, Apple's `AppleOriginalContents`) from its start to the end of the message,
//! where it sits.

use std::sync::LazyLock;

use mail_parser::decoders::html::html_to_text;
use regex::Regex;

use crate::classify::phrases::pattern;

static QUOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r#"(?is)<blockquote\b|<div[^>]*class="?[^">]*gmail_quote|<div[^>]*id="?divRplyFwdMsg|<div[^>]*id="?appendonsend|<[^>]*AppleOriginalContents"#,
    )
});

static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)</?(?:div|tr|li|h[1-6]|table|ul|ol|hr|section|article|header|footer)\b[^>]*>")
});

/// The text of an HTML body, its quoted history dropped.
pub fn to_text(html: &str) -> String {
    let own = match QUOTE_START.find(html) {
        Some(found) => &html[..found.start()],
        None => html,
    };
    let lines = BLOCK.replace_all(own, "<br>");
    html_to_text(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divs_become_lines_and_quotes_go() {
        let html = r#"<html><body><div>Hi Maria,</div><div>Could you send&nbsp;your times?</div>
            <div class="gmail_quote"><div>On Mon, Ana wrote:</div><blockquote>Any question?</blockquote></div></body></html>"#;
        let text = to_text(html);
        assert!(text.contains("Hi Maria,\n"), "{text:?}");
        assert!(text.contains("Could you send\u{a0}your times?"), "{text:?}");
        assert!(!text.contains("Any question"), "{text:?}");
    }
}
