//! The morning agenda: every open process advised, in the order `next` prints them, and the
//! in-memory page `next` and `list` print it on.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;

use followup_core::{Action, Advice, Policy, Process, advise};
use followup_store::Store;
use jiff::Timestamp;

use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;
use crate::tracker;

/// A process with its advice.
pub struct Advised {
    /// The process (configured holidays applied).
    pub process: Process,
    /// What to do now.
    pub advice: Advice,
}

impl Advised {
    /// The handle, or `?` for a process without one (never the case for stored ones).
    pub fn handle(&self) -> &str {
        self.process.handle.as_deref().unwrap_or("?")
    }

    /// The command that acts on the advice.
    pub fn command(&self) -> String {
        self.command_display().to_string()
    }

    /// [`Advised::command`] without building a string, for printing thousands of lines.
    pub fn command_display(&self) -> impl fmt::Display + '_ {
        CommandDisplay(self)
    }

    /// The same, its timeline freed: what `next` and `list` keep once a process is advised.
    pub fn without_events(mut self) -> Self {
        self.process.events = Vec::new();
        self
    }

    /// Whether the latest of closed/reopened is closed (as of the advice).
    pub fn is_closed(&self) -> bool {
        self.advice.rule == followup_core::Rule::Closed
    }
}

struct CommandDisplay<'a>(&'a Advised);

impl fmt::Display for CommandDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let handle = self.0.handle();
        match self.0.advice.action {
            Action::Act { .. } => write!(f, "followup draft {handle}"),
            Action::Wait { .. } => write!(f, "followup show {handle}"),
            Action::MoveOn => write!(f, "followup close {handle} no-answer"),
            Action::Nothing => write!(f, "followup show {handle}"),
        }
    }
}

/// Advises every process of `store` at the clock's instant (local `--now` forms read in each
/// zone), one at a time: `keep` gets each advised process, configured holidays applied, and
/// returns what the command keeps of it ([`Advised::without_events`] when it only prints).
/// A timeline is freed before the next one is loaded, so the memory of one serves them all.
///
/// A store error wins over a `--now` error, and the first process whose zone cannot place
/// `--now` names the error, as when every process was loaded before advising any.
pub fn advise_stored<T>(
    store: &impl Store,
    config: &Config,
    clock: &Clock,
    mut keep: impl FnMut(Advised) -> Option<T>,
) -> Result<Vec<T>, UserError> {
    let policy: &Policy = config.policy();
    // `--now` is read once per zone, not once per process: a store resolves each zone name to
    // one zone, and thousands of processes share a handful of zones.
    let mut instants: Vec<(String, Timestamp)> = Vec::new();
    let mut kept = Vec::new();
    let mut failure = None;
    let processes = store.processes_for_advice().map_err(tracker::store_error)?;
    for mut process in processes {
        if failure.is_some() {
            break;
        }
        config.apply_holidays(&mut process);
        let found = instants
            .iter()
            .find(|(name, _)| *name == process.timezone_name)
            .map(|(_, now)| *now);
        let now = match found {
            Some(now) => now,
            None => match clock.at(&process.timezone, &process.timezone_name) {
                Ok(now) => {
                    instants.push((process.timezone_name.clone(), now));
                    now
                }
                Err(err) => {
                    failure = Some(err);
                    break;
                }
            },
        };
        let advice = advise(&process, policy, now);
        kept.extend(keep(Advised { process, advice }));
    }
    match failure {
        Some(err) => Err(err),
        None => Ok(kept),
    }
}

/// Keeps what needs attention, ordered: actions due (oldest due first), then waits (soonest
/// first), then move-ons; ties by handle so the order is stable.
pub fn agenda(advised: &[Advised]) -> Vec<&Advised> {
    // Sorting small keyed references, not the large values: moving 10,000 processes around
    // costs more than the comparisons.
    let mut items: Vec<(u8, Option<jiff::civil::Date>, &str, &Advised)> = advised
        .iter()
        .filter(|a| !matches!(a.advice.action, Action::Nothing))
        .map(|a| {
            let (rank, date) = sort_key(&a.advice);
            (rank, date, a.handle(), a)
        })
        .collect();
    items.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    items.into_iter().map(|(.., a)| a).collect()
}

fn sort_key(advice: &Advice) -> (u8, Option<jiff::civil::Date>) {
    match advice.action {
        Action::Act { due, .. } => (0, Some(due)),
        Action::Wait { until, .. } => (1, Some(until)),
        Action::MoveOn => (2, None),
        Action::Nothing => (3, None),
    }
}

/// A command's whole output, built in memory and written to standard output in one go.
///
/// Styling follows standard output exactly as `anstream::stdout()` would: kept on a terminal
/// that takes colour, stripped otherwise (or by `NO_COLOR`, `CLICOLOR_FORCE` ...). Through
/// the locked, line-buffered standard output every line would cost a system call, and
/// stripping fragment by fragment costs more than the formatting; here the page is stripped
/// once, at the end.
pub struct Page {
    text: Vec<u8>,
    strip: bool,
}

impl Page {
    /// An empty page styled for standard output.
    pub fn for_stdout() -> Self {
        let choice = anstream::AutoStream::<std::io::Stdout>::choice(&std::io::stdout());
        Page {
            text: Vec::with_capacity(1 << 20),
            strip: choice == anstream::ColorChoice::Never,
        }
    }

    /// Writes the page to standard output.
    pub fn print(self) -> std::io::Result<()> {
        let text = if self.strip {
            stripped(&self.text)
        } else {
            Cow::Borrowed(self.text.as_slice())
        };
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&text)?;
        stdout.flush()
    }
}

impl Write for Page {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.text.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.text.extend_from_slice(buf);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `text` without escape sequences, as anstream strips it.
///
/// The common case is done here ([`stripped_styles`]); anything else (a stray escape or
/// control character in a company name, say) goes through anstream's stripper, in one pass
/// over the page. (How anstream treats a malformed escape sequence depends on how the text
/// reaches it; it used to be in blocks of the old 8 KB output buffer, so the exact bytes it
/// dropped around one depended on where that buffer happened to break.)
fn stripped(text: &[u8]) -> Cow<'_, [u8]> {
    match stripped_styles(text) {
        Some(plain) => plain,
        None => Cow::Owned(anstream::adapter::strip_bytes(text).into_vec()),
    }
}

/// `text` without its SGR sequences (`ESC [ 1 ; 36 m`, what styling writes), or `None` when it
/// holds any other control byte than whitespace. Such text strips the same in anstream
/// however it is cut into writes: each sequence goes whole, every other byte stays.
fn stripped_styles(text: &[u8]) -> Option<Cow<'_, [u8]>> {
    let mut out = Vec::new();
    let mut kept_from = 0;
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        if (b >= 0x20 && b != 0x7f) || matches!(b, b'\t' | b'\n' | 0x0c | b'\r') {
            i += 1;
            continue;
        }
        if b != 0x1b || text.get(i + 1) != Some(&b'[') {
            return None;
        }
        let end = i
            + 2
            + text[i + 2..]
                .iter()
                .position(|&c| !(c.is_ascii_digit() || c == b';'))?;
        if text[end] != b'm' {
            return None;
        }
        if out.capacity() == 0 {
            out.reserve(text.len());
        }
        out.extend_from_slice(&text[kept_from..i]);
        i = end + 1;
        kept_from = i;
    }
    if kept_from == 0 {
        return Some(Cow::Borrowed(text));
    }
    out.extend_from_slice(&text[kept_from..]);
    Some(Cow::Owned(out))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// What anstream's stripping stream makes of `pieces` written one after the other.
    fn anstream_strip(pieces: &[&[u8]]) -> Vec<u8> {
        let mut stream = anstream::StripStream::new(Vec::new());
        for piece in pieces {
            stream.write_all(piece).unwrap();
        }
        stream.into_inner()
    }

    /// `stripped` agrees with anstream in one pass; where the fast path answers, it also
    /// agrees with anstream fed piece by piece, as the formatting machinery writes.
    fn check(pieces: &[&[u8]]) {
        let text = pieces.concat();
        let shown = String::from_utf8_lossy(&text);
        assert_eq!(
            stripped(&text).as_ref(),
            anstream::adapter::strip_bytes(&text).into_vec().as_slice(),
            "{shown:?}"
        );
        if let Some(fast) = stripped_styles(&text) {
            assert_eq!(
                fast.as_ref(),
                anstream_strip(pieces).as_slice(),
                "{shown:?}"
            );
            assert_eq!(
                fast.as_ref(),
                anstream_strip(&[&text]).as_slice(),
                "{shown:?}"
            );
        }
    }

    #[test]
    fn stripping_matches_anstream_on_styled_and_hostile_text() {
        let samples: &[&[u8]] = &[
            b"",
            b"plain text\n",
            "\x1b[1mAct now\x1b[22m\n  acme  Follow up — Acme \x1b[36m→ followup draft acme\x1b[39m\n"
                .as_bytes(),
            b"Acme\x1b[ broke \x1b[36mthis\x1b[39m",
            b"tab\tand\rcr\x0cff\x0bvt",
            b"del\x7fhere",
            b"bell\x07 and nul\x00",
            b"\x1b]0;title\x07osc",
            b"\x1b[31;1mred\x1b[m",
            b"\x1b[",
            b"trailing \x1b[1",
            b"\x1b[1;2;3m\x1b[m\x1b[0m",
            "caf\u{e9} \u{9b}31m c1 \u{2028} sep".as_bytes(),
        ];
        for sample in samples {
            check(&[sample]);
        }
        assert!(stripped_styles(samples[2]).is_some());
        assert!(matches!(
            stripped_styles(samples[1]),
            Some(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn stripping_matches_anstream_on_generated_text() {
        const TOKENS: &[&str] = &[
            "\x1b", "[", "1", ";", "36", "m", "a", " ", "\n", "\t", "\x7f", "\x01", "\x0b", "é",
            "→", "\u{9b}", "]", "\x07", "P", "\\", "\x1b[1m", "\x1b[39m",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut fast = 0;
        for _ in 0..20_000 {
            let len = next(14);
            let pieces: Vec<&[u8]> = (0..len)
                .map(|_| TOKENS[next(TOKENS.len())].as_bytes())
                .collect();
            fast += usize::from(stripped_styles(&pieces.concat()).is_some());
            check(&pieces);
        }
        assert!(fast > 1_000, "the fast path is exercised: {fast}");
    }
}
