//! The four-week fixture (`fourweeks/`) replayed from a mailbox (issue 17): the same 28 days,
//! with every message of the hand-logged script (Hooli's receipt, each sent message, each
//! reply, the offer and its deadline, Diego's promise by Thursday) written as real mail in
//! `fourweeks/mailbox/DAY.mbox` and logged by `followup mail import` alone, plus a job alert
//! and a newsletter that must change nothing. `fourweeks/mailbox/script.txt` keeps by hand
//! only what mail cannot carry (the processes, interviews, a promise said on a call, the
//! user's close and reopen). Every morning's `next` must equal `fourweeks/expected.txt`.

use std::path::Path;
use std::time::Instant;

use crate::fourweeks::days;
use crate::tracker::Tracker;

/// The `next` outputs of a four-week transcript, with the commands typed (`$ ...`) left out.
fn mornings(transcript: &str) -> String {
    transcript
        .lines()
        .filter(|l| !l.starts_with("$ "))
        .map(|l| format!("{l}\n"))
        .collect()
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
    for (date, commands) in days(&script) {
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
                let file = mailbox.join(&command[1]);
                let json = t.ok(&[
                    "mail",
                    "import",
                    file.to_str().unwrap(),
                    "--dry-run",
                    "--json",
                    "--now",
                    &evening,
                ]);
                imports.push_str(&json);
                let out = t.ok(&["mail", "import", file.to_str().unwrap(), "--now", &evening]);
                assert!(!out.contains("Unmatched"), "{date}: {out}");
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
            "from {first} the mailbox's advice differs from the hand-logged one:\n--- hand-logged\n{}--- from mail\n{}--- the imports\n{imports}",
            day(&expected, &first),
            day(&actual, &first),
        );
    }
    eprintln!("replayed 28 days in {:?}", started.elapsed());
}
