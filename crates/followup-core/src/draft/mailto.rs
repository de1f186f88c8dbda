//! `mailto:` URIs (RFC 6068) for drafts, so a mail client opens with the message filled in.
//!
//! Written here rather than taken from a crate because the rule is small and exact: every
//! byte of the UTF-8 text except the unreserved characters (`A–Z a–z 0–9 - . _ ~`) is
//! percent-encoded, so no `&`, `=`, `?`, `#`, `%` or space can break the URI; addresses keep
//! their `@`; line breaks in the body are sent as `%0D%0A`, as section 5 of the RFC requires.

/// The `mailto:` URI of a message to `to` with `subject` and `body`.
pub fn mailto_uri(to: &[String], subject: &str, body: &str) -> String {
    let mut uri = String::from("mailto:");
    for (i, address) in to.iter().enumerate() {
        if i > 0 {
            uri.push(',');
        }
        encode_into(&mut uri, address, b"@");
    }
    uri.push_str("?subject=");
    encode_into(&mut uri, subject, b"");
    uri.push_str("&body=");
    let crlf = body.replace("\r\n", "\n").replace('\n', "\r\n");
    encode_into(&mut uri, &crlf, b"");
    uri
}

/// Appends `text` percent-encoded, keeping unreserved characters and the bytes in `keep`.
fn encode_into(out: &mut String, text: &str, keep: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An independent decoder: percent-decoding of the whole value, then UTF-8.
    fn decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn encodes_reserved_characters_spaces_and_accents() {
        let uri = mailto_uri(
            &["ana+jobs@acme.example".to_owned()],
            "Engenheiro — 100% & mais?",
            "Olá João,\n\nA=B #1\n",
        );
        assert_eq!(
            uri,
            "mailto:ana%2Bjobs@acme.example?subject=Engenheiro%20%E2%80%94%20100%25%20%26%20mais%3F&body=Ol%C3%A1%20Jo%C3%A3o%2C%0D%0A%0D%0AA%3DB%20%231%0D%0A"
        );
    }

    #[test]
    fn round_trips_subject_and_body() {
        let subject = "Backend Engineer — following up";
        let body = "Hi Ana,\n\nIs there an update?\n\nBest regards,\nJosé Müller";
        let uri = mailto_uri(
            &["a@x.example".to_owned(), "b@y.example".to_owned()],
            subject,
            body,
        );
        let (to, query) = uri
            .strip_prefix("mailto:")
            .unwrap()
            .split_once('?')
            .unwrap();
        assert_eq!(to, "a@x.example,b@y.example");
        let mut fields = query.split('&');
        let subject_field = fields.next().unwrap().strip_prefix("subject=").unwrap();
        let body_field = fields.next().unwrap().strip_prefix("body=").unwrap();
        assert_eq!(decode(subject_field), subject);
        assert_eq!(decode(body_field).replace("\r\n", "\n"), body);
    }

    #[test]
    fn no_recipient_still_gives_a_valid_uri() {
        assert_eq!(mailto_uri(&[], "a b", ""), "mailto:?subject=a%20b&body=");
    }
}
