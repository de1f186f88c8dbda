//! The four-week fixture (`fourweeks/`) replayed from a mailbox (issue 17): the same 28 days,
//! with every message of the hand-logged script (Hooli's receipt, each sent message, each
//! reply, the offer and its deadline, Diego's promise by Thursday) written as real mail in
//! `fourweeks/mailbox/DAY.mbox` and logged by `followup mail import` alone, plus a job alert
//! and a newsletter that must change nothing. `fourweeks/mailbox/script.txt` keeps by hand
//! only what mail cannot carry (the processes, interviews, a promise said on a call, the
//! user's close and reopen). Every morning's `next` must equal `fourweeks/expected.txt`.
//! What each message was read as is pinned in `fourweeks/mailbox/imports.txt`
//! (`FOLLOWUP_BLESS=1` rewrites that file; never expected.txt, which is the hand-logged truth).

use std::path::Path;
use std::time::Instant;

use crate::scripted::days;
use crate::tracker::Tracker;

/// The `next` outputs of a four-week transcript, with the commands typed (`$ ...`) left out.
fn mornings(transcript: &str) -> String {
    transcript
        .lines()
        .filter(|l| !l.starts_with("$ "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// One dry-run JSON line as `DATE FILE CLASS PROCESS key=value...` for what applies.
fn summary(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let field = |k: &str| v[k].as_str().unwrap_or("-").to_owned();
    let mut out = format!(
        "{} {} {} {}",
        field("date"),
        field("file"),
        field("class"),
        field("process")
    );
    for key in ["kind", "asks", "respond_by", "deadline", "away_until"] {
        if let Some(value) = v[key].as_str() {
            out.push_str(&format!(" {key}={value}"));
        }
    }
    out.push('\n');
    out
}

#[test]
fn four_weeks_replayed_from_a_mailbox_give_the_hand_logged_advice() {
    let started = Instant::now();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/fourweeks");
    let mailbox = fixture.join("mailbox");
    let script = std::fs::read_to_string(mailbox.join("script.txt")).unwrap();
    let t = Tracker::new();
    let config = t.dir().join("xdg/followup");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "addresses = [\"maria.silva@example.org\"]\n",
    )
    .unwrap();

    let mut actual = String::new();
    let mut imports = String::new();
    for day in days(&script) {
        let date = day.date.clone();
        let commands: Vec<Vec<String>> = day.steps.into_iter().map(|step| step.words).collect();
        let morning = format!("{date}T09:00");
        let evening = format!("{date}T18:00");
        let weekday = jiff::civil::Date::strptime("%Y-%m-%d", &date)
            .unwrap()
            .strftime("%A %-d %B %Y")
            .to_string();
        actual.push_str(&format!("== {weekday}: followup next --now {morning}\n"));
        actual.push_str(&t.ok(&["next", "--now", &morning]));
        actual.push('\n');
        for command in commands {
            if command[0] == "mail" {
                // `--json` without `--dry-run` logs and prints one line per message.
                let path = command[1].as_str();
                let all = ["mail", "import", path, "--json", "--now", &evening];
                let out = t.cmd(&all).current_dir(&mailbox).assert().success();
                let json = String::from_utf8(out.get_output().stdout.clone()).unwrap();
                for line in json.lines() {
                    let summary = summary(line);
                    assert!(
                        !summary.contains(" -\n") || summary.contains(" ignored "),
                        "{date}: unmatched: {line}"
                    );
                    imports.push_str(&summary);
                }
                continue;
            }
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.extend(["--now", &evening]);
            t.ok(&args);
        }
    }
    let expected = mornings(&std::fs::read_to_string(fixture.join("expected.txt")).unwrap());
    if expected != actual {
        let day = |text: &str, header: &str| -> String {
            text.split("== ")
                .find(|d| d.starts_with(header))
                .unwrap_or_default()
                .to_owned()
        };
        let first = expected
            .split("== ")
            .zip(actual.split("== "))
            .find(|(e, a)| e != a)
            .map(|(e, _)| e.lines().next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        panic!(
            "from {first} the mailbox's advice differs from the hand-logged one:\n--- hand-logged\n{}--- from mail\n{}",
            day(&expected, &first),
            day(&actual, &first),
        );
    }
    // What each message was read as: the kinds of sent mail are those the hand-logged script
    // typed, decided by the advice across processes.
    let imports_path = mailbox.join("imports.txt");
    if std::env::var_os("FOLLOWUP_BLESS").is_some() {
        std::fs::write(&imports_path, &imports).unwrap();
    }
    assert_eq!(
        imports,
        std::fs::read_to_string(&imports_path).unwrap(),
        "FOLLOWUP_BLESS=1 rewrites fourweeks/mailbox/imports.txt"
    );
    eprintln!("replayed 28 days in {:?}", started.elapsed());
}
