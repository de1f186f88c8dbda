//! The everyday four-week fixture (issue 12): three processes over 28 days of June 2026, typed
//! in `everyday_weeks/script.txt` the way a user types (dates as people say them, drafts
//! written to a file and logged with `--file`, replies read from files, notes, and
//! corrections made with `edit`, `rm`, `contact`, `undo` and `redo`). `everyday_weeks/expected.txt`
//! pins what each command printed, then, after each day, `show` for every process touched
//! that day and `next` (each day read against the README's "The rules in plain words").
//! `FOLLOWUP_BLESS=1` rewrites the expected file instead of comparing.
//!
//! Beyond `followup` commands the script knows `write FILE` (its `|` lines become the file,
//! under the tracker's home, where every command runs), `CMD > FILE` (stdout into FILE) and
//! `! CMD` (a command that must be refused with exit code 2; its message is pinned).

use std::path::Path;

use crate::scripted::{Step, compare_or_bless, days, typed};
use crate::support::Run;
use crate::tracker::Tracker;

/// Commands run at the end of the working day; the snapshot is taken just after.
const TYPED_AT: &str = "T17:30";
const SNAPSHOT_AT: &str = "T18:00";

#[test]
fn four_everyday_weeks_match_the_expected_transcript() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/everyday_weeks");
    let script = std::fs::read_to_string(dir.join("script.txt")).unwrap();
    let t = Tracker::new();
    let mut out = String::new();
    for day in days(&script) {
        out.push_str(&format!("==== {}\n", day.spelled()));
        let typed_at = format!("{}{TYPED_AT}", day.date);
        let mut touched: Vec<String> = Vec::new();
        for step in &day.steps {
            if let Some(handle) = run(&t, step, &typed_at, &mut out)
                && !touched.contains(&handle)
            {
                touched.push(handle);
            }
        }
        let snapshot_at = format!("{}{SNAPSHOT_AT}", day.date);
        for handle in &touched {
            out.push_str(&format!(
                "---- followup show {handle} --now {snapshot_at}\n"
            ));
            out.push_str(&t.ok(&["show", handle, "--now", &snapshot_at]));
        }
        out.push_str(&format!("---- followup next --now {snapshot_at}\n"));
        out.push_str(&t.ok(&["next", "--now", &snapshot_at]));
        out.push('\n');
    }
    compare_or_bless(&dir.join("expected.txt"), &out);
}

/// Runs one step, appends what it printed, and returns the handle of the process it touched.
fn run(t: &Tracker, step: &Step, now: &str, out: &mut String) -> Option<String> {
    let words = &step.words;
    if words[0] == "write" {
        out.push_str(&format!("$ cat > {}\n{}", words[1], step.text));
        let path = t.dir().join(&words[1]);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &step.text).unwrap();
        return None;
    }
    let refused = words[0] == "!";
    let words = if refused { &words[1..] } else { &words[..] };
    let (words, into) = match words.iter().position(|w| w == ">") {
        Some(i) => (&words[..i], Some(&words[i + 1])),
        None => (words, None),
    };
    out.push_str(&format!("$ followup {}", typed(words)));
    if let Some(file) = into {
        out.push_str(&format!(" > {file}"));
    }
    out.push('\n');
    let mut args: Vec<&str> = words.iter().map(String::as_str).collect();
    args.extend(["--now", now]);
    let mut cmd = t.cmd(&args);
    cmd.current_dir(t.dir());
    let ran = Run::of(&mut cmd);
    let expected_code = if refused { 2 } else { 0 };
    assert_eq!(
        ran.code,
        expected_code,
        "followup {} exited {}:\n{}{}",
        typed(words),
        ran.code,
        ran.stdout,
        ran.stderr
    );
    match into {
        Some(file) => std::fs::write(t.dir().join(file), &ran.stdout).unwrap(),
        None => out.push_str(&ran.stdout),
    }
    for line in ran.stderr.lines() {
        out.push_str(&format!("2> {line}\n"));
    }
    if refused {
        out.push_str("(exit 2)\n");
        return None;
    }
    match words[0].as_str() {
        "add" => ran.stdout.lines().next().map(str::to_owned),
        "contact" => words.get(2).cloned(),
        "log" | "edit" | "rm" | "note" | "draft" | "close" | "reopen" => words.get(1).cloned(),
        _ => None,
    }
}
