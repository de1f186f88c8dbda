//! The tracker for everyday use (issue 12) through the real binary: `add` of an open company
//! and role refused (`--again`), a process closed and reopened once, a reply that reopens a
//! close for silence, the unsigned-draft hint, `show` printing what was said, message files
//! with a header block in `log` and `check`, `draft --log`, and the draft → log → show round
//! trip.

use serde_json::Value;

use crate::support::{self, Run};
use crate::tracker::Tracker;

/// Monday 11 May 2026, 10:00 in São Paulo: Acme's promise (Friday 8 May) has passed, so a
/// follow-up is due.
const MONDAY: &str = "2026-05-11T10:00";

fn events(t: &Tracker, handle: &str) -> Vec<Value> {
    t.json(&["show", handle, "--now", MONDAY])["process"]["events"]
        .as_array()
        .unwrap()
        .clone()
}

fn types(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect()
}

fn write(t: &Tracker, name: &str, text: &str) -> String {
    let path = t.dir().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn run(t: &Tracker, args: &[&str]) -> Run {
    Run::of(&mut t.cmd(args))
}

// ---------------------------------------------------------------- add twice

#[test]
fn add_of_an_open_company_and_role_is_refused_and_again_tracks_a_second() {
    let t = Tracker::new();
    let add = |company: &str, role: &str, extra: &[&str]| {
        let mut args = vec!["add", company, "--role", role, "--tz", "UTC"];
        args.extend_from_slice(extra);
        run(&t, &args)
    };
    assert_eq!(add("Acme", "Backend Engineer", &[]).code, 0);
    // Case and spacing do not make another posting.
    let refused = add("ACME", "backend  engineer", &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("already tracked and open, as acme-backend"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("hint: "), "{}", refused.stderr);
    assert!(refused.stderr.contains("--again"), "{}", refused.stderr);
    assert_eq!(t.json(&["list", "--all"]).as_array().unwrap().len(), 1);

    let again = add("Acme", "Backend Engineer", &["--again"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout.lines().next(), Some("acme-backend-2"));
    // Another role at the same company is another posting.
    assert_eq!(add("Acme", "Data Engineer", &[]).code, 0);

    // Once both are closed, applying again needs no --again.
    for handle in ["acme-backend", "acme-backend-2"] {
        t.ok(&["close", handle, "rejected"]);
    }
    let later = add("Acme", "Backend Engineer", &[]);
    assert_eq!(later.code, 0, "{}", later.stderr);
    assert_eq!(later.stdout.lines().next(), Some("acme-backend-3"));
}

// ---------------------------------------------------------------- close, reopen, reply

#[test]
fn closing_a_closed_process_or_reopening_an_open_one_is_exit_2_and_writes_nothing() {
    let t = Tracker::new();
    let h = t.acme();
    let err = t.fails(&["reopen", &h, "--now", MONDAY]);
    assert!(
        err.contains("acme-backend is open: there is nothing to reopen"),
        "{err}"
    );
    assert!(err.contains("hint: followup close acme-backend"), "{err}");
    t.ok(&["close", &h, "rejected", "--now", MONDAY]);
    let err = t.fails(&["close", &h, "no-answer", "--now", MONDAY]);
    assert!(
        err.contains("acme-backend is already closed (rejected, Monday 11 May)"),
        "{err}"
    );
    assert!(err.contains("hint: followup reopen acme-backend"), "{err}");
    // A withdrawal closes too: on a closed process it is refused whole.
    let err = t.fails(&["log", &h, "sent", "withdraw", "--now", MONDAY]);
    assert!(err.contains("already closed"), "{err}");
    assert_eq!(
        types(&events(&t, &h)),
        ["interview", "promise", "closed"],
        "nothing was written by the refusals"
    );
    t.ok(&["reopen", &h, "--now", MONDAY]);
    let err = t.fails(&["reopen", &h, "--now", MONDAY]);
    assert!(err.contains("nothing to reopen"), "{err}");
    assert_eq!(
        types(&events(&t, &h)),
        ["interview", "promise", "closed", "reopened"]
    );
}

#[test]
fn a_reply_on_a_process_closed_no_answer_reopens_it_and_one_undo_reverses_both() {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&["close", &h, "no-answer", "--now", "2026-05-25T09:00"]);
    let out = t.ok(&[
        "log",
        &h,
        "reply",
        "--asks",
        "schedule",
        "--body",
        "Sorry for the silence! Can we talk Thursday?",
        "--now",
        "2026-05-26T10:00",
    ]);
    let reopened = out.find("reopened: Tuesday 26 May at 10:00").expect(&out);
    let reply = out.find("reply: Tuesday 26 May at 10:00").expect(&out);
    assert!(reopened < reply, "the reopened event comes first: {out}");
    assert!(
        out.contains("Reopened acme-backend: it was closed as no-answer"),
        "{out}"
    );
    assert!(out.contains("Now: Answer Acme to book a time"), "{out}");
    let at = "2026-05-26T10:00";
    let shown = t.json(&["show", &h, "--now", at]);
    let all = shown["process"]["events"].as_array().unwrap().clone();
    assert_eq!(
        types(&all),
        ["interview", "promise", "closed", "reopened", "reply"]
    );
    assert_eq!(shown["advice"]["rule"], "your-turn");

    // One change: one undo takes both back, and the process is closed again.
    let out = t.ok(&["undo", "--now", at]);
    assert!(out.contains("log acme-backend reply"), "{out}");
    let shown = t.json(&["show", &h, "--now", at]);
    assert_eq!(
        types(shown["process"]["events"].as_array().unwrap()),
        ["interview", "promise", "closed"]
    );
    assert_eq!(shown["advice"]["rule"], "closed");

    // An interview reopens too, and the JSON says so.
    let logged = t.json(&[
        "log",
        &h,
        "interview",
        "--at",
        "2026-05-26 09:00",
        "--now",
        at,
    ]);
    assert_eq!(logged["reopened"], true);
    let logged_types: Vec<&str> = logged["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(logged_types, ["reopened", "interview"]);
}

#[test]
fn a_reply_does_not_reopen_a_process_closed_otherwise() {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&["close", &h, "rejected", "--now", "2026-05-25T09:00"]);
    let logged = t.json(&["log", &h, "reply", "--now", "2026-05-26T10:00"]);
    assert_eq!(logged["reopened"], false);
    let out = t.ok(&["show", &h, "--now", "2026-05-26T10:00"]);
    assert!(!out.contains("reopened"), "{out}");
    assert!(out.contains("the process is closed (rejected)"), "{out}");
}

// ---------------------------------------------------------------- signature hint

#[test]
fn an_unsigned_draft_ends_with_the_close_and_hints_once_where_to_set_the_name() {
    let t = Tracker::new();
    let h = t.acme();
    let out = run(&t, &["draft", &h, "--now", MONDAY]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.ends_with("Best regards,\n"), "{}", out.stdout);
    // The tests' config home is $HOME/xdg: the hint names that file, under ~.
    let hint = "hint: set name = \"…\" in ~/xdg/followup/config.toml to sign your drafts";
    assert_eq!(out.stderr.matches(hint).count(), 1, "{}", out.stderr);
    assert_eq!(out.stderr.matches("set name").count(), 1, "{}", out.stderr);

    // Without XDG_CONFIG_HOME the file is the usual one.
    let mut cmd = t.cmd(&["draft", &h, "--now", MONDAY]);
    cmd.env_remove("XDG_CONFIG_HOME");
    let out = Run::of(&mut cmd);
    assert!(
        out.stderr.contains(
            "hint: set name = \"…\" in ~/.config/followup/config.toml to sign your drafts"
        ),
        "{}",
        out.stderr
    );

    // Signed: no hint.
    let config = write(&t, "config.toml", "name = \"Maria Silva\"\n");
    let mut cmd = t.cmd(&["draft", &h, "--now", MONDAY]);
    cmd.env("FOLLOWUP_CONFIG", &config);
    let out = Run::of(&mut cmd);
    assert!(
        out.stdout.ends_with("Best regards,\nMaria Silva\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stderr.contains("set name"), "{}", out.stderr);
    let out = run(&t, &["draft", &h, "--from", "Zoë", "--now", MONDAY]);
    assert!(!out.stderr.contains("set name"), "{}", out.stderr);
}

// ---------------------------------------------------------------- show

/// A long sentence: one line of 150-odd characters, for wrapping.
const LONG: &str = "Thank you for your patience: the team needs a few more days to compare the \
                    last candidates, and I will write to you again by Friday with our answer.";

/// Acme with a sent message (two paragraphs), a reply with a long line and a note.
fn acme_with_texts() -> (Tracker, String) {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&[
        "log",
        &h,
        "sent",
        "follow-up",
        "--subject",
        "Following up",
        "--body",
        "Hi Ana,\n\nIs there any news on the timeline?\n\nBest regards,\nMaria",
        "--at",
        "2026-05-11 09:40",
        "--now",
        MONDAY,
    ]);
    let reply = write(&t, "reply.txt", &format!("Hi Maria,\n\n{LONG}\n\nAna\n"));
    t.ok(&[
        "log",
        &h,
        "reply",
        "--file",
        &reply,
        "--from",
        "Ana",
        "--at",
        "2026-05-12 11:00",
        "--now",
        "2026-05-12T12:00",
    ]);
    // A note, imported as the format writes it.
    let mut doc = t.json(&["export"])[0].clone();
    let note = serde_json::json!({"type": "note", "at": "2026-05-12T15:00:00Z",
        "text": "Bill is the hiring manager"});
    doc["events"].as_array_mut().unwrap().push(note);
    let file = write(&t, "with-note.json", &doc.to_string());
    t.ok(&["import", &file, "--now", "2026-05-12T12:00"]);
    (t, h)
}

#[test]
fn show_prints_each_message_and_note_under_its_event_unwrapped_when_piped() {
    let (t, h) = acme_with_texts();
    let out = t.ok(&["show", &h, "--now", "2026-05-12T18:00"]);
    let expected = [
        "  #3 sent follow-up: Monday 11 May at 09:40 (subject: \"Following up\")",
        "      Hi Ana,",
        "",
        "      Is there any news on the timeline?",
        "",
        "      Best regards,",
        "      Maria",
        "  #4 reply: Tuesday 12 May at 11:00 (from Ana)",
        "      Hi Maria,",
        "",
    ];
    assert!(out.contains(&expected.join("\n")), "{out}");
    // Piped: the long line is kept whole.
    assert!(
        out.contains(&format!("\n      {LONG}\n\n      Ana\n")),
        "{out}"
    );
    assert!(
        out.contains("  #5 note: Tuesday 12 May at 12:00\n      Bill is the hiring manager\n"),
        "{out}"
    );
    // The event lines keep their shape; the text sizes give way to the text.
    assert!(!out.contains("characters"), "{out}");
}

#[test]
fn show_brief_keeps_one_line_per_event() {
    let (t, h) = acme_with_texts();
    let out = t.ok(&["show", &h, "--brief", "--now", "2026-05-12T18:00"]);
    assert!(
        out.contains(
            "  #3 sent follow-up: Monday 11 May at 09:40 (subject: \"Following up\"; 64 characters)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("  #5 note: Tuesday 12 May at 12:00 (Bill is the hiring manager)\n"),
        "{out}"
    );
    assert!(!out.contains("Is there any news"), "{out}");
    assert!(!out.contains("\n      "), "{out}");
}

#[test]
fn show_wraps_the_text_at_the_terminal_width_on_a_terminal() {
    // `script` gives the command a terminal of a chosen width; skip where it is missing.
    let Ok(script) = which("script") else {
        eprintln!("skipped: no `script` on this machine");
        return;
    };
    let (t, h) = acme_with_texts();
    let bin = assert_cmd::cargo::cargo_bin("followup");
    let inner = format!(
        "stty rows 24 cols 50; {} show {h} --now 2026-05-12T18:00",
        bin.display()
    );
    // The tests' isolated environment, around `script` instead of the binary.
    let isolated = support::isolated(t.dir());
    let mut std_cmd = std::process::Command::new(script);
    for (key, value) in isolated.get_envs() {
        match value {
            Some(value) => std_cmd.env(key, value),
            None => std_cmd.env_remove(key),
        };
    }
    std_cmd
        .env("FOLLOWUP_DB", t.db())
        .env("TERM", "dumb")
        .args(["-qec", &inner, "/dev/null"]);
    let mut cmd = assert_cmd::Command::from_std(std_cmd);
    let out = Run::of(cmd.write_stdin(""));
    let text = out.stdout.replace('\r', "");
    let wrapped: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("      ") && !l.trim().is_empty())
        .collect();
    assert!(wrapped.len() > 8, "{text}");
    for line in &wrapped {
        assert!(line.chars().count() <= 50, "{line:?} in {text}");
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let long: Vec<&str> = LONG.split_whitespace().collect();
    assert!(
        words.windows(long.len()).any(|w| w == long.as_slice()),
        "every word kept, in order: {text}"
    );
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}

// ---------------------------------------------------------------- header blocks

#[test]
fn log_sent_file_reads_the_header_block_into_to_and_subject() {
    let t = Tracker::new();
    let h = t.acme();
    let file = write(
        &t,
        "msg.txt",
        "To: Ana Souza <ana@acme.example>, bruno@acme.example\nSubject: Quick question\n\nHi Ana,\n\nAny news?\n",
    );
    t.ok(&[
        "log",
        &h,
        "sent",
        "follow-up",
        "--file",
        &file,
        "--now",
        MONDAY,
    ]);
    let sent = events(&t, &h).last().unwrap().clone();
    assert_eq!(sent["subject"], "Quick question");
    assert_eq!(
        sent["to"],
        serde_json::json!(["ana@acme.example", "bruno@acme.example"])
    );
    assert_eq!(sent["body"], "Hi Ana,\n\nAny news?");

    // A file without headers is all body, as before.
    let plain = write(&t, "plain.txt", "To be honest, I am still keen.\n");
    t.ok(&[
        "log", &h, "sent", "other", "--file", &plain, "--now", MONDAY,
    ]);
    let sent = events(&t, &h).last().unwrap().clone();
    assert_eq!(sent["body"], "To be honest, I am still keen.");
    assert!(sent.get("subject").is_none_or(Value::is_null), "{sent}");
}

#[test]
fn header_blocks_that_cannot_be_read_or_clash_with_options_are_exit_2() {
    let t = Tracker::new();
    let h = t.acme();
    let bad = write(&t, "bad.txt", "Subject: Hi\nCc: x@y.example\n\nBody\n");
    let err = t.fails(&["log", &h, "sent", "other", "--file", &bad, "--now", MONDAY]);
    assert!(err.contains("line 2: unknown header \"Cc\""), "{err}");
    assert!(err.contains("hint: "), "{err}");
    let good = write(&t, "good.txt", "Subject: Hi\n\nBody\n");
    let err = t.fails(&[
        "log",
        &h,
        "sent",
        "other",
        "--file",
        &good,
        "--subject",
        "Other",
        "--now",
        MONDAY,
    ]);
    assert!(err.contains("--subject and the Subject: line of"), "{err}");
    let err = t.fails(&["check", &bad]);
    assert!(err.contains("line 2: unknown header"), "{err}");
    let headers_only = write(&t, "headers.txt", "Subject: Hi\n\n");
    let err = t.fails(&["check", &headers_only]);
    assert!(err.contains("no body"), "{err}");
    assert_eq!(types(&events(&t, &h)), ["interview", "promise"]);
}

#[test]
fn check_reviews_only_the_body_and_points_into_the_file() {
    let t = Tracker::new();
    let body = "Hi Ana,\n\nJust checking in. I am very excited!!! Any news?\n\nBest,\nMaria\n";
    let header = "To: ana@acme.example\nSubject: Checking in on the timeline\n\n";
    let with_headers = write(&t, "with.txt", &format!("{header}{body}"));
    let body_only = write(&t, "body.txt", body);
    let check = |file: &str| -> Value {
        let out = Run::of(&mut t.cmd(&["check", file, "--json"]));
        assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    };
    let alone = check(&body_only);
    let within = check(&with_headers);
    // The headers are not words of the message.
    assert_eq!(within["words"], alone["words"]);
    assert_eq!(within["score"], alone["score"]);
    let found = within["findings"].as_array().unwrap();
    assert!(!found.is_empty(), "{within}");
    let text = format!("{header}{body}");
    for (a, w) in alone["findings"].as_array().unwrap().iter().zip(found) {
        assert_eq!(a["rule"], w["rule"]);
        let (start, end) = (
            w["start"].as_u64().unwrap() as usize,
            w["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(start, a["start"].as_u64().unwrap() as usize + header.len());
        assert_eq!(end, a["end"].as_u64().unwrap() as usize + header.len());
        assert_eq!(w["line"], a["line"].as_u64().unwrap() + 3);
        assert_eq!(w["column"], a["column"]);
        // The offsets are into the whole file.
        assert_eq!(
            &text[start..end],
            &body[start - header.len()..end - header.len()]
        );
    }
    // The human form prints the file with the headers, and line numbers of the file.
    let out = Run::of(&mut t.cmd(&["check", &with_headers]));
    assert!(out.stdout.starts_with(header), "{}", out.stdout);
    let first = &found[0];
    assert!(
        out.stdout
            .contains(&format!("{}:{} ", first["line"], first["column"])),
        "{}",
        out.stdout
    );
}

// ---------------------------------------------------------------- draft --log, round trip

#[test]
fn draft_log_prints_the_draft_and_records_it_as_sent() {
    let t = Tracker::new();
    let h = t.acme();
    let drafted = t.json(&["draft", &h, "--now", MONDAY]);
    let out = run(&t, &["draft", &h, "--log", "--now", MONDAY]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let subject = drafted["subject"].as_str().unwrap();
    let body = drafted["body"].as_str().unwrap();
    assert_eq!(
        out.stdout,
        format!("To: ana@acme.example\nSubject: {subject}\n\n{body}\n"),
        "stdout is the draft alone"
    );
    assert!(
        out.stderr
            .contains("Logged: sent follow-up: Monday 11 May at 10:00"),
        "{}",
        out.stderr
    );
    let sent = events(&t, &h).last().unwrap().clone();
    assert_eq!(sent["type"], "sent");
    assert_eq!(sent["kind"], "follow-up");
    assert_eq!(sent["subject"], drafted["subject"]);
    assert_eq!(sent["body"], drafted["body"]);
    assert_eq!(sent["to"], drafted["to"]);
    // Recorded: the follow-up is no longer due.
    let advice = t.json(&["show", &h, "--now", MONDAY])["advice"].clone();
    assert_eq!(advice["action"], "wait", "{advice}");
    // One change, undone like any other.
    t.ok(&["undo", "--now", MONDAY]);
    assert_eq!(types(&events(&t, &h)), ["interview", "promise"]);

    // A document file is not the tracker.
    let doc = write(&t, "acme.json", &t.json(&["export"])[0].to_string());
    let err = t.fails(&["draft", &doc, "--log", "--now", MONDAY]);
    assert!(
        err.contains("--log records the draft in the tracker"),
        "{err}"
    );
    // Nothing to draft: nothing recorded (exit 3).
    let out = run(&t, &["draft", &h, "--log", "--now", "2026-05-06T10:00"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_eq!(types(&events(&t, &h)), ["interview", "promise"]);
}

#[test]
fn draft_then_log_file_then_show_keeps_the_body_byte_for_byte_and_the_subject() {
    let t = Tracker::new();
    let h = t.acme();
    let drafted = t.json(&["draft", &h, "--now", MONDAY]);
    let printed = run(&t, &["draft", &h, "--now", MONDAY]).stdout;
    let file = write(&t, "msg.txt", &printed);
    let out = t.ok(&[
        "log",
        &h,
        "sent",
        "follow-up",
        "--file",
        &file,
        "--now",
        MONDAY,
    ]);
    assert!(
        out.contains("sent follow-up: Monday 11 May at 10:00"),
        "{out}"
    );
    let sent = events(&t, &h).last().unwrap().clone();
    assert_eq!(sent["body"].as_str(), drafted["body"].as_str());
    assert_eq!(sent["subject"].as_str(), drafted["subject"].as_str());
    assert_eq!(sent["to"], drafted["to"]);
    let exported = t.json(&["export"])[0]["events"].as_array().unwrap().clone();
    assert_eq!(exported.last().unwrap()["body"], drafted["body"]);
    // And `show` prints that body, line for line, under the event.
    let shown = t.ok(&["show", &h, "--now", MONDAY]);
    let body = drafted["body"].as_str().unwrap();
    let indented: Vec<String> = body
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("      {l}")
            }
        })
        .collect();
    assert!(shown.contains(&indented.join("\n")), "{shown}");
    assert!(
        shown.contains(&format!(
            "(subject: {:?}; to ana@acme.example)",
            drafted["subject"].as_str().unwrap()
        )),
        "{shown}"
    );
}
