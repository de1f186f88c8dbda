//! Dates as people say them, through the real binary: a table of phrase × today × field →
//! the date `log` echoes (or the refusal it prints), then the date order from the config.

use crate::tracker::Tracker;

/// The field a phrase fills, and the `log` command that fills it.
#[derive(Clone, Copy, Debug)]
enum Field {
    /// `log H interview --at PHRASE`: echoes "interview: Tuesday 5 May at 14:00 (…)".
    At,
    /// `log H promise PHRASE`: echoes "promise: by Friday 8 May (said …)".
    Promise,
    /// `log H change competing-offer --real --deadline PHRASE`: echoes "(real; deadline …)".
    Deadline,
}

use Field::{At, Deadline, Promise};

// The "todays" of the table, local to the process's zone (America/Sao_Paulo).
const MON: &str = "2026-05-04T10:00";
const WED: &str = "2026-05-06T10:30";
const FRI: &str = "2026-05-08T16:00";
const SAT: &str = "2026-05-09T10:00";
const SUN: &str = "2026-05-10T10:00";
/// Wednesday 30 December 2026.
const NYE: &str = "2026-12-30T18:00";
/// Saturday 2 January 2027.
const JAN: &str = "2027-01-02T09:00";

/// phrase, today, field, and the echoed date — or `error: ` and a part of the message.
const TABLE: &[(&str, &str, Field, &str)] = &[
    // Promises look ahead.
    ("friday", WED, Promise, "Friday 8 May"),
    ("by friday", WED, Promise, "Friday 8 May"),
    ("By Friday", MON, Promise, "Friday 8 May"),
    ("on friday", FRI, Promise, "Friday 15 May"),
    ("until tuesday", WED, Promise, "Tuesday 12 May"),
    ("before next friday", WED, Promise, "Friday 15 May"),
    ("this friday", WED, Promise, "Friday 8 May"),
    ("this friday", MON, Promise, "Friday 8 May"),
    (
        "this friday",
        SAT,
        Promise,
        "error: before the promise was made",
    ),
    ("next friday", WED, Promise, "Friday 15 May"),
    ("next week", WED, Promise, "Friday 15 May"),
    ("next week", SUN, Promise, "Friday 15 May"),
    ("next week", FRI, Promise, "Friday 15 May"),
    ("end of next week", WED, Promise, "Friday 15 May"),
    ("by the end of next week", MON, Promise, "Friday 15 May"),
    ("early next week", WED, Promise, "Tuesday 12 May"),
    ("early next week", SAT, Promise, "Tuesday 12 May"),
    ("mid next week", WED, Promise, "Wednesday 13 May"),
    ("the 20th", WED, Promise, "Wednesday 20 May"),
    ("20th", WED, Promise, "Wednesday 20 May"),
    ("the 6th", WED, Promise, "Wednesday 6 May"),
    ("the 5th", WED, Promise, "Friday 5 June"),
    ("by the 31st", JAN, Promise, "Sunday 31 January"),
    ("20/05", WED, Promise, "Wednesday 20 May"),
    ("05/20", WED, Promise, "Wednesday 20 May"),
    ("20.05", WED, Promise, "Wednesday 20 May"),
    ("05/08", WED, Promise, "Wednesday 5 August"),
    ("08/05", WED, Promise, "Friday 8 May"),
    ("8 may", WED, Promise, "Friday 8 May"),
    ("6 nov", WED, Promise, "Friday 6 November"),
    (
        "1 may",
        WED,
        Promise,
        "error: \"1 may\" would be Saturday 1 May 2027, more than 6 months ahead; did you mean 1 May 2026, which has passed?",
    ),
    ("may 4", WED, Promise, "error: more than 6 months ahead"),
    ("jan 5", NYE, Promise, "Tuesday 5 January 2027"),
    ("05/01", NYE, Promise, "Tuesday 5 January 2027"),
    ("tuesday or wednesday", WED, Promise, "Wednesday 13 May"),
    ("tuesday or wednesday", MON, Promise, "Wednesday 6 May"),
    ("friday or monday", WED, Promise, "Monday 11 May"),
    ("in 3 days", WED, Promise, "Saturday 9 May"),
    ("tomorrow", WED, Promise, "Thursday 7 May"),
    ("2026-05-08", WED, Promise, "Friday 8 May"),
    (
        "soon",
        WED,
        Promise,
        "error: \"soon\" is too vague to be a date",
    ),
    ("in a few days", WED, Promise, "error: too vague"),
    ("later", WED, Promise, "error: too vague"),
    ("asap", WED, Promise, "error: too vague"),
    (
        "last tuesday",
        WED,
        Promise,
        "error: names a day that has passed",
    ),
    ("2pm", WED, Promise, "error: has a time of day"),
    ("end of week", SAT, Promise, "error: already past"),
    // Deadlines look ahead too; of two days, the earlier.
    ("tuesday or wednesday", WED, Deadline, "Tuesday 12 May"),
    ("friday or monday", WED, Deadline, "Friday 8 May"),
    ("by next week", WED, Deadline, "Friday 15 May"),
    ("the 20th", WED, Deadline, "Wednesday 20 May"),
    ("20/05", WED, Deadline, "Wednesday 20 May"),
    ("early next week", FRI, Deadline, "Tuesday 12 May"),
    ("1 may", WED, Deadline, "error: which has passed?"),
    ("soon", WED, Deadline, "error: too vague"),
    // Past moments look back; a day alone is midday, today is now.
    ("yesterday 14:00", WED, At, "Tuesday 5 May at 14:00"),
    ("friday", WED, At, "Friday 1 May at 12:00"),
    ("on monday", WED, At, "Monday 4 May at 12:00"),
    ("last tuesday", WED, At, "Tuesday 28 April at 12:00"),
    ("last tuesday", FRI, At, "Tuesday 28 April at 12:00"),
    ("last friday", SUN, At, "Friday 1 May at 12:00"),
    ("this monday", WED, At, "Monday 4 May at 12:00"),
    ("2 days ago", WED, At, "Monday 4 May at 12:00"),
    ("3 weeks ago", WED, At, "Wednesday 15 April at 12:00"),
    ("an hour ago", WED, At, "Wednesday 6 May at 09:30"),
    ("20 minutes ago", WED, At, "Wednesday 6 May at 10:10"),
    ("14:00", WED, At, "Wednesday 6 May at 14:00"),
    ("2pm", WED, At, "Wednesday 6 May at 14:00"),
    ("9:30am", WED, At, "Wednesday 6 May at 09:30"),
    ("at 9am", FRI, At, "Friday 8 May at 09:00"),
    ("tuesday 3 pm", WED, At, "Tuesday 5 May at 15:00"),
    ("today", WED, At, "Wednesday 6 May at 10:30"),
    ("the 20th", WED, At, "Monday 20 April at 12:00"),
    ("the 6th", WED, At, "Wednesday 6 May at 10:30"),
    ("4/5", WED, At, "Monday 4 May at 12:00"),
    ("20.04", WED, At, "Monday 20 April at 12:00"),
    ("dec 31", JAN, At, "Thursday 31 December 2026 at 12:00"),
    (
        "8 may",
        WED,
        At,
        "error: \"8 may\" would be Thursday 8 May 2025, more than 6 months ago; did you mean 8 May 2026, which is still ahead?",
    ),
    (
        "next week",
        WED,
        At,
        "error: \"next week\" names a date ahead",
    ),
    ("early next week", WED, At, "error: names a date ahead"),
    ("tuesday or wednesday", WED, At, "error: names two days"),
    ("soon", WED, At, "error: too vague"),
];

/// A tracker with one process in São Paulo, made before every "today" of the table.
fn tracker() -> (Tracker, String) {
    let t = Tracker::new();
    let out = t.ok(&[
        "add",
        "Acme",
        "--role",
        "Backend Engineer",
        "--tz",
        "America/Sao_Paulo",
        "--now",
        "2026-04-01T09:00",
    ]);
    let handle = out.lines().next().unwrap().to_owned();
    (t, handle)
}

/// Writes the tracker's user configuration (`$XDG_CONFIG_HOME/followup/config.toml`).
fn write_config(t: &Tracker, text: &str) {
    let dir = t.dir().join("xdg/followup");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

/// The arguments that log `phrase` into `field` of `handle` at `now`.
fn log_args<'a>(handle: &'a str, phrase: &'a str, now: &'a str, field: Field) -> Vec<&'a str> {
    let mut args = vec!["log", handle];
    match field {
        At => args.extend(["interview", "--at", phrase]),
        Promise => args.extend(["promise", phrase]),
        Deadline => args.extend(["change", "competing-offer", "--real", "--deadline", phrase]),
    }
    args.extend(["--now", now]);
    args
}

/// The date the echo shows for `field`, from `log`'s first line.
fn echoed(stdout: &str, field: Field) -> Option<&str> {
    let line = stdout.lines().next()?;
    // The table's rows log many interviews into one process at --now's that go back and
    // forth, so a row may complete an earlier row's "booking": its echo ends the same way.
    let line = line
        .split_once("instead of adding a second one: ")
        .map_or(line, |(_, echo)| echo);
    match field {
        At => line.strip_prefix("interview: ")?.split(" (").next(),
        Promise => line.strip_prefix("promise: by ")?.split(" (said").next(),
        Deadline => line.split("; deadline ").nth(1)?.strip_suffix(')'),
    }
}

/// Runs every row and returns the ones that did not come out as expected.
fn failures(t: &Tracker, handle: &str, table: &[(&str, &str, Field, &str)]) -> Vec<String> {
    let mut failed = Vec::new();
    for &(phrase, now, field, expected) in table {
        let output = t
            .cmd(&log_args(handle, phrase, now, field))
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        let row = format!("{phrase:?} on {now} for {field:?}");
        match expected.strip_prefix("error: ") {
            Some(part) => {
                let refused = output.status.code() == Some(2)
                    && stderr.contains(part)
                    && stderr.lines().any(|l| l.starts_with("hint: "));
                if !refused {
                    failed.push(format!(
                        "{row}: expected exit 2 with {part:?}, got {stderr}"
                    ));
                }
            }
            None => {
                if echoed(&stdout, field) != Some(expected) {
                    failed.push(format!(
                        "{row}: expected {expected:?}, got {stdout}{stderr}"
                    ));
                }
            }
        }
    }
    failed
}

#[test]
fn phrase_by_today_by_field_resolves_to_the_echoed_date() {
    assert!(TABLE.len() >= 60);
    let (t, handle) = tracker();
    let failed = failures(&t, &handle, TABLE);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn date_order_mdy_reads_month_first_unless_a_day_above_12_says_otherwise() {
    let (t, handle) = tracker();
    write_config(&t, "date_order = \"mdy\"\n");
    let table = [
        ("05/08", WED, Promise, "Friday 8 May"),
        ("08/05", WED, Promise, "Wednesday 5 August"),
        ("20/05", WED, Promise, "Wednesday 20 May"),
        ("05/20", WED, Deadline, "Wednesday 20 May"),
        ("4/5", WED, At, "Sunday 5 April at 12:00"),
        ("5.4", WED, At, "Monday 4 May at 12:00"),
    ];
    let failed = failures(&t, &handle, &table);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn a_bad_date_order_names_the_key_and_its_line() {
    let (t, handle) = tracker();
    write_config(&t, "name = \"Maria\"\ndate_order = \"ymd\"\n");
    let err = t.fails(&log_args(&handle, "friday", WED, Promise));
    assert!(err.contains("config.toml line 2"), "{err}");
    assert!(err.contains("`dmy`") && err.contains("`mdy`"), "{err}");
}

#[test]
fn a_vague_phrase_s_hint_names_two_phrases_the_same_command_reads() {
    let (t, handle) = tracker();
    for field in [At, Promise, Deadline] {
        for phrase in ["soon", "in a few days", "later", "asap"] {
            let err = t.fails(&log_args(&handle, phrase, WED, field));
            let hint = err
                .lines()
                .find_map(|l| l.strip_prefix("hint: "))
                .unwrap_or_else(|| panic!("no hint for {phrase:?}: {err}"));
            let named: Vec<&str> = hint.split('"').skip(1).step_by(2).collect();
            assert_eq!(named.len(), 2, "{hint}");
            for instead in named {
                t.ok(&log_args(&handle, instead, WED, field));
            }
        }
    }
}

#[test]
fn reply_promise_close_and_reopen_read_the_same_phrases() {
    let (t, handle) = tracker();
    let out = t.ok(&[
        "log",
        &handle,
        "reply",
        "--promise",
        "early next week",
        "--now",
        WED,
    ]);
    assert!(out.contains("promise: by Tuesday 12 May"), "{out}");
    let out = t.ok(&[
        "close",
        &handle,
        "rejected",
        "--at",
        "an hour ago",
        "--now",
        WED,
    ]);
    assert!(out.contains("Wednesday 6 May at 09:30"), "{out}");
    let out = t.ok(&["reopen", &handle, "--at", "by 10:00", "--now", WED]);
    assert!(out.contains("Wednesday 6 May at 10:00"), "{out}");
    let err = t.fails(&["log", &handle, "reply", "--promise", "soon", "--now", WED]);
    assert!(err.contains("--promise: \"soon\" is too vague"), "{err}");
}
