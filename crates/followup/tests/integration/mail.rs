//! `followup mail import` through the real binary over the committed corpus of
//! crates/followup-mail (`.eml` files, one mbox, one Maildir), against a tracker imported from
//! `mail/tracker.json` (the corpus's `directory.json` as processes with events). The dry run's
//! JSON lines must equal `mail/expected.jsonl` (`UPDATE_MAIL=1` rewrites it for review), and
//! those equal the classifier's own `expected.jsonl` except where the real advice, not the
//! classifier's test advisor, decides a sent message's `kind`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::tracker::Tracker;

/// After every message of the corpus.
const NOW: &str = "2026-06-01T09:00Z";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../followup-mail/tests/corpus")
}

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/mail")
}

/// The entries of `dir`, in name order, relative to the corpus.
fn sorted(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus().join(dir))
        .unwrap()
        .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}

/// The inputs in the order the classifier's corpus test reads them.
fn inputs() -> Vec<String> {
    let mut all = sorted("eml");
    all.push("inbox.mbox".into());
    all.push("Maildir".into());
    for batch in ["blind-1", "blind-2", "blind-3", "blind-4"] {
        all.extend(sorted(batch));
    }
    all
}

/// A tracker holding the corpus's processes, with the user's addresses configured.
fn tracker() -> Tracker {
    let t = Tracker::new();
    let config = t.dir().join("xdg/followup");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "addresses = [\"maria.silva@example.org\", \"maria.silva.dev@gmail.com\"]\n",
    )
    .unwrap();
    let fixture = here().join("tracker.json");
    t.ok(&[
        "import",
        fixture.to_str().unwrap(),
        "--now",
        "2026-05-01T09:00Z",
    ]);
    t
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `followup mail import ARGS... INPUTS...` run from the corpus folder.
fn mail(t: &Tracker, args: &[&str], inputs: &[String]) -> Out {
    let mut all = vec!["mail", "import"];
    all.extend_from_slice(args);
    all.extend(inputs.iter().map(String::as_str));
    all.extend_from_slice(&["--now", NOW]);
    let output = t.cmd(&all).current_dir(corpus()).output().unwrap();
    Out {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn dry_run_json_lines_equal_the_expected_ones() {
    let t = tracker();
    let before = t.ok(&["export"]);
    let run = mail(&t, &["--dry-run", "--json"], &inputs());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(t.ok(&["export"]), before, "a dry run writes nothing");

    let expected_file = here().join("expected.jsonl");
    if std::env::var_os("UPDATE_MAIL").is_some() {
        std::fs::write(&expected_file, &run.stdout).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_file).unwrap();
    assert_eq!(
        run.stdout, expected,
        "UPDATE_MAIL=1 rewrites mail/expected.jsonl"
    );

    // The warnings name the file and the message, as the classifier's corpus expects.
    let warnings: Vec<String> = run
        .stderr
        .lines()
        .map(|l| l.strip_prefix("warning: ").unwrap().to_owned())
        .collect();
    let want = std::fs::read_to_string(corpus().join("expected-warnings.txt")).unwrap();
    assert_eq!(warnings, want.lines().collect::<Vec<_>>());

    // Line for line the classifier's expectations, but for the kind of sent mail (the real
    // advice decides it here) and the reason that names it.
    let classifier = std::fs::read_to_string(corpus().join("expected.jsonl")).unwrap();
    let ours = lines(&run.stdout);
    let theirs = lines(&classifier);
    assert_eq!(ours.len(), theirs.len());
    let mut kinds_differ = 0;
    for (a, b) in ours.iter().zip(&theirs) {
        let (mut a, mut b) = (a.clone(), b.clone());
        if a["kind"] != b["kind"] {
            kinds_differ += 1;
        }
        for v in [&mut a, &mut b] {
            let o = v.as_object_mut().unwrap();
            if o["class"] == "sent" {
                o.remove("kind");
                o.remove("reason");
            }
        }
        assert_eq!(a, b);
    }
    assert!(kinds_differ < 10, "{kinds_differ} sent kinds differ");
}

#[test]
fn a_real_import_logs_the_events_and_next_and_show_see_them() {
    let t = tracker();
    let run = mail(&t, &[], &inputs());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    // One line per event logged, then the unmatched messages.
    assert!(out.contains("acme-backend: reply"), "{out}");
    assert!(out.contains("hooli-sre: offer"), "{out}");
    assert!(
        out.contains("closed (rejected)") || out.contains("closed"),
        "{out}"
    );
    assert!(out.contains("away"), "{out}");
    let unmatched = out.find("Unmatched (").expect(out);
    let first_event = out.find("acme-backend: ").unwrap();
    assert!(first_event < unmatched, "events first, then the unmatched");
    assert!(out.contains("megacorp"), "{out}");
    assert!(out.contains("followup undo reverses it"), "{out}");

    let show = t.ok(&["show", "acme-backend", "--now", NOW]);
    assert!(show.contains("reply"), "{show}");
    let next = t.ok(&["next", "--now", NOW]);
    assert!(next.contains("hooli-sre"), "{next}");

    // Every logged event keeps its message_id; the hand-logged sent got one, no second event.
    let export: Value = serde_json::from_str(&t.ok(&["export"])).unwrap();
    let process = |h: &str| {
        export
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["handle"] == h)
            .unwrap()
            .clone()
    };
    let wayne = process("wayne-security");
    let sent: Vec<&Value> = wayne["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "sent")
        .collect();
    assert_eq!(sent.len(), 1, "{wayne:#}");
    assert_eq!(sent[0]["id"], "ev-wayne-7");
    assert!(sent[0]["message_id"].is_string(), "{wayne:#}");
    for p in export.as_array().unwrap() {
        for e in p["events"].as_array().unwrap() {
            if ["reply", "offer", "away"].contains(&e["type"].as_str().unwrap()) {
                assert!(e["message_id"].is_string(), "{e}");
            }
        }
    }
    // A new person at a contact's domain became a contact.
    let acme = process("acme-backend");
    assert!(
        acme["contacts"].as_array().unwrap().len() > 1,
        "{:#}",
        acme["contacts"]
    );
}

#[test]
fn importing_twice_changes_nothing() {
    let t = tracker();
    assert_eq!(mail(&t, &[], &inputs()).code, 0);
    let once = t.ok(&["export"]);
    let again = mail(&t, &["--json"], &inputs());
    assert_eq!(again.code, 0);
    assert_eq!(t.ok(&["export"]), once);
    for line in lines(&again.stdout) {
        assert_eq!(line["class"], "duplicate", "{line}");
    }
    let text = mail(&t, &[], &inputs());
    assert!(
        text.stdout.contains("nothing new to log"),
        "{}",
        text.stdout
    );
}

#[test]
fn undo_reverses_the_whole_import() {
    let t = tracker();
    let before = t.ok(&["export"]);
    assert_eq!(mail(&t, &[], &inputs()).code, 0);
    assert_ne!(t.ok(&["export"]), before);
    let undo = t.ok(&["undo", "--now", NOW]);
    assert!(undo.contains("mail import"), "{undo}");
    assert_eq!(
        t.ok(&["export"]),
        before,
        "contacts, events and message ids reversed"
    );
    // Forgotten too: importing again logs it all again.
    let again = mail(&t, &["--json"], &inputs());
    assert!(
        lines(&again.stdout)
            .iter()
            .all(|l| l["class"] != "duplicate"
                || l["file"] == "eml/19-vandelay-no-message-id-again.eml"
                || l["file"] == "eml/22-hooli-duplicate-of-15.eml"),
        "{}",
        again.stdout
    );
}

#[test]
fn without_addresses_it_is_exit_2_naming_the_key() {
    let t = Tracker::new();
    let run = mail(
        &t,
        &["--dry-run"],
        &["eml/01-acme-reply-nothing.eml".into()],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("addresses"), "{}", run.stderr);
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
}

#[test]
fn no_message_read_is_exit_2_and_bad_input_a_warning() {
    let t = tracker();
    let run = mail(
        &t,
        &["--dry-run", "--json"],
        &["eml/47-not-mail.eml".into()],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("eml/47-not-mail.eml"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let run = mail(
        &t,
        &["--dry-run", "--json"],
        &[
            "eml/47-not-mail.eml".into(),
            "eml/01-acme-reply-nothing.eml".into(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(lines(&run.stdout).len(), 1);
    assert!(!run.stderr.contains("panicked"));
}
