//! Eight ASCII bytes at a time ("SIMD within a register"), for the two things the tokenizer
//! does with every word: find where a run of letters and digits ends, and read the word as a
//! lowercase integer key for the [`super::vocabulary::Vocabulary`].
//!
//! Why: a byte-at-a-time loop pays a mispredicted branch at the end of every word, and words
//! are short, so that branch dominated tokenizing. Here a word of up to eight bytes is one load,
//! a dozen arithmetic operations and a `trailing_zeros`. Bytes at or above 0x80 (non-ASCII)
//! count as "not a letter or digit": the caller's slower path decodes them.
//!
//! The tests check every function against the plain byte-by-byte definition.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that lies in `lo..=hi`. Exact for bytes below 0x80;
/// a byte at or above 0x80 may disturb the answer for the bytes after it (a carry), which is
/// why callers only trust bytes before the first non-ASCII one.
#[inline]
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = x.wrapping_add(ONES * (0x80 - lo as u64));
    let above_hi = x.wrapping_add(ONES * (0x7F - hi as u64));
    at_least_lo & !above_hi & HIGH
}

/// High bit of each ASCII letter or digit in `x`.
#[inline]
const fn alphanumeric(x: u64) -> u64 {
    let digits = in_range(x, b'0', b'9');
    let letters = in_range(x | (ONES * 0x20), b'a', b'z');
    (digits | letters) & !x
}

/// High bit of each ASCII capital in `x`.
#[inline]
const fn capitals(x: u64) -> u64 {
    in_range(x, b'A', b'Z') & !x
}

/// `x` with its ASCII capitals lowercased (0x20 is the high bit shifted down twice). Exact
/// when every byte is ASCII, which is how the tokenizer uses it.
#[inline]
pub(crate) const fn lowercase(x: u64) -> u64 {
    x | (capitals(x) >> 2)
}

/// Eight bytes at `at`, little-endian, when they exist.
#[inline]
pub(crate) fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    Some(u64::from_le_bytes(word))
}

/// Up to eight bytes at `at..end`, zero-padded: one load when the text goes on for eight
/// bytes (the bytes past `end` are masked off), a short copy near the end of the text.
#[inline]
pub(crate) fn load_padded(bytes: &[u8], at: usize, end: usize) -> u64 {
    let len = end.saturating_sub(at).min(8);
    if let Some(word) = load8(bytes, at) {
        return if len == 8 {
            word
        } else {
            word & ((1u64 << (len * 8)) - 1)
        };
    }
    let mut word = [0u8; 8];
    for (slot, &b) in word
        .iter_mut()
        .zip(&bytes[at.min(bytes.len())..end.min(bytes.len())])
    {
        *slot = b;
    }
    u64::from_le_bytes(word)
}

/// The run of ASCII letters and digits starting at `at`: where it ends, and whether it holds
/// a capital.
#[inline]
pub(crate) fn alphanumeric_run(bytes: &[u8], mut at: usize) -> (usize, bool) {
    let mut upper = 0u64;
    while let Some(x) = load8(bytes, at) {
        let stop = !alphanumeric(x) & HIGH;
        if stop == 0 {
            upper |= capitals(x);
            at += 8;
            continue;
        }
        // The bits below the first stopping byte's high bit: the run's bytes in this window.
        let before = (stop & stop.wrapping_neg()) - 1;
        upper |= capitals(x) & before;
        return (at + (stop.trailing_zeros() / 8) as usize, upper != 0);
    }
    // Fewer than eight bytes left: one at a time.
    while let Some(&b) = bytes.get(at) {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        upper |= u64::from(b.is_ascii_uppercase());
        at += 1;
    }
    (at, upper != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_run(bytes: &[u8], at: usize) -> (usize, bool) {
        let len = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let upper = bytes[at..at + len].iter().any(u8::is_ascii_uppercase);
        (at + len, upper)
    }

    #[test]
    fn runs_match_the_byte_by_byte_definition() {
        let samples: &[&[u8]] = &[
            b"hello world",
            b"Hello, World",
            b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!",
            b"a",
            b"",
            b"@[`{/:AZaz09",
            "caf\u{e9} ol\u{e1}".as_bytes(),
            b"x\x7f\x80\xffyz",
            b"12345678",
            b"1234567Z9",
        ];
        for sample in samples {
            for at in 0..sample.len() {
                assert_eq!(
                    alphanumeric_run(sample, at),
                    plain_run(sample, at),
                    "{sample:?} at {at}"
                );
            }
        }
        // Every byte value, in every position of a window.
        for b in 0..=255u8 {
            for position in 0..9 {
                let mut bytes = vec![b'a'; 12];
                bytes[position] = b;
                assert_eq!(alphanumeric_run(&bytes, 0), plain_run(&bytes, 0), "{b}");
            }
        }
    }

    #[test]
    fn lowercase_and_padded_loads() {
        let x = load_padded(b"HeLLo-Z@[", 0, 9);
        assert_eq!(lowercase(x).to_le_bytes(), *b"hello-z@");
        assert_eq!(
            load_padded(b"abc", 0, 3),
            u64::from_le_bytes(*b"abc\0\0\0\0\0")
        );
        assert_eq!(
            load_padded(b"abcdefghij", 1, 4),
            u64::from_le_bytes(*b"bcd\0\0\0\0\0")
        );
        assert_eq!(load_padded(b"abc", 3, 3), 0);
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b; 8]);
            let expected = if b.is_ascii_uppercase() { b + 32 } else { b };
            if b < 0x80 {
                assert_eq!(lowercase(x).to_le_bytes()[0], expected, "{b}");
            }
        }
    }
}
