//! `followup draft` end to end: snapshots of drafts for representative processes, the refusal
//! paths and their exit codes, `--json` with its `mailto` round trip, the signature, and the
//! contract with the reviewer: every kind × tone × variant over varied processes passes the
//! real reviewer with no warning or error.

use crate::support::{Run, followup};
use serde_json::Value;
use tempfile::TempDir;

/// Runs `followup draft ARGS -` on `process` at `now`, unconfigured.
fn draft(process: &str, now: &str, args: &[&str]) -> Run {
    let home = TempDir::new().unwrap();
    run(followup(home.path()), process, now, args)
}

fn run(mut cmd: assert_cmd::Command, process: &str, now: &str, args: &[&str]) -> Run {
    Run::of(
        cmd.arg("draft")
            .args(["--now", now])
            .args(args)
            .arg("-")
            .write_stdin(process.to_owned()),
    )
}

/// A process document: Acme, Backend Engineer, São Paulo time, with `top` fields and `events`.
fn doc(top: &str, events: &[&str]) -> String {
    format!(
        r#"{{"company":"Acme","role":"Backend Engineer","timezone":"America/Sao_Paulo",{top}"events":[{}]}}"#,
        events.join(",")
    )
}

const ANA: &str = r#""contacts":[{"name":"Ana Souza","honorific":"Ms.","email":"ana@acme.example","title":"Recruiter"}],"#;
/// Tuesday 5 May 2026, formal: no thank-you is advised.
const INTERVIEW: &str =
    r#"{"type":"interview","at":"2026-05-05T14:00","topics":["event sourcing"]}"#;
/// Promised by Friday 8 May: the follow-up is due Monday 11 May.
const PROMISE: &str = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-08"}"#;
const FOLLOW_UP: &str = r#"{"type":"sent","at":"2026-05-11T10:00","kind":"follow-up"}"#;
const FINAL: &str = r#"{"type":"sent","at":"2026-05-14T10:00","kind":"final"}"#;

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_follow_up_due_after_the_promise() {
    let out = draft(
        &doc(ANA, &[INTERVIEW, PROMISE]),
        "2026-05-11",
        &["--from", "Maria Silva"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    insta::assert_snapshot!("follow_up_neutral", out.stdout);
}

#[test]
fn snapshot_final_formal() {
    let out = draft(
        &doc(ANA, &[INTERVIEW, PROMISE, FOLLOW_UP]),
        "2026-05-14",
        &[
            "--tone",
            "formal",
            "--variant",
            "2",
            "--from",
            "Maria Silva",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    insta::assert_snapshot!("final_formal_2", out.stdout);
}

#[test]
fn snapshot_thank_you_to_several_interviewers() {
    let interview = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"personal",
        "topics":["the onboarding redesign","hiring"],"with":["Bruno Lima","Chloé Durand"]}"#;
    let out = draft(
        &doc("", &[interview]),
        "2026-05-05T18:30",
        &["--tone", "warm", "--from", "João Pereira"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("thank_you_warm_group", out.stdout);
}

#[test]
fn snapshot_align_with_deadline_and_promise() {
    let promise = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-22"}"#;
    let change = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"competing-offer",
        "real":true,"deadline":"2026-05-15"}"#;
    let out = draft(
        &doc(ANA, &[INTERVIEW, promise, change]),
        "2026-05-12T12:00",
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("align_neutral", out.stdout);
}

#[test]
fn snapshot_no_promise_accented_contact_unsigned() {
    let top = r#""contacts":[{"name":"Zoë Ålvarez-Núñez","honorific":"Sra.","email":"zoe@acme.example"}],"#;
    let out = draft(&doc(top, &[INTERVIEW]), "2026-05-12", &["--tone", "formal"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("follow_up_formal_no_promise", out.stdout);
}

#[test]
fn snapshot_json() {
    let out = draft(
        &doc(ANA, &[INTERVIEW, PROMISE]),
        "2026-05-11",
        &["--json", "--variant", "3"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("follow_up_json", out.stdout);
}

// ---------------------------------------------------------------- refusals and exit codes

/// `advise` on the same input, to compare what `draft` prints when it refuses.
fn advise(process: &str, now: &str, json: bool) -> String {
    let home = TempDir::new().unwrap();
    let mut cmd = followup(home.path());
    cmd.args(["advise", "--now", now]);
    if json {
        cmd.arg("--json");
    }
    let output = cmd
        .arg("-")
        .write_stdin(process.to_owned())
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// Nothing to draft: exit 3 with the advice on stdout, as `advise` prints it, human and JSON.
fn assert_nothing_to_draft(process: &str, now: &str, action: &str) {
    let human = draft(process, now, &[]);
    assert_eq!(human.code, 3, "{}", human.stderr);
    assert_eq!(human.stdout, advise(process, now, false));
    assert!(
        human.stderr.contains("nothing to draft"),
        "{}",
        human.stderr
    );
    let json = draft(process, now, &["--json"]);
    assert_eq!(json.code, 3);
    assert_eq!(json.stdout, advise(process, now, true));
    let advice: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(advice["action"], action);
}

#[test]
fn wait_is_exit_3_with_the_advice() {
    let process = doc(ANA, &[INTERVIEW, PROMISE]);
    assert_nothing_to_draft(&process, "2026-05-06", "wait");
    let human = draft(&process, "2026-05-06", &[]);
    assert!(
        human
            .stdout
            .contains("Their move: wait until Monday 11 May"),
        "{}",
        human.stdout
    );
}

#[test]
fn move_on_is_exit_3_with_the_advice() {
    assert_nothing_to_draft(
        &doc(ANA, &[INTERVIEW, PROMISE, FOLLOW_UP, FINAL]),
        "2026-05-20",
        "move-on",
    );
}

#[test]
fn none_is_exit_3_with_the_advice() {
    let closed = r#"{"type":"closed","at":"2026-05-12T10:00","outcome":"rejected"}"#;
    assert_nothing_to_draft(
        &doc(ANA, &[INTERVIEW, PROMISE, closed]),
        "2026-05-13",
        "none",
    );
    assert_nothing_to_draft(&doc(ANA, &[]), "2026-05-13", "none");
}

#[test]
fn a_forced_kind_warns_about_timing_and_exits_0() {
    let out = draft(
        &doc(ANA, &[INTERVIEW, PROMISE]),
        "2026-05-06",
        &["--kind", "follow-up"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("warning: the timing is wrong for a follow-up: Wait until Monday 11 May"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("by Friday"), "{}", out.stdout);
    // Forcing the kind that is due anyway is no warning.
    let out = draft(
        &doc(ANA, &[INTERVIEW, PROMISE]),
        "2026-05-11",
        &["--kind", "follow-up"],
    );
    assert_eq!(out.code, 0);
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);
}

#[test]
fn an_align_without_a_real_change_is_refused_even_when_forced() {
    let unreal = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"competing-offer",
        "real":false,"deadline":"2026-05-15"}"#;
    let process = doc(ANA, &[INTERVIEW, PROMISE, unreal]);
    let out = draft(&process, "2026-05-12T12:00", &["--kind", "align"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("not marked real"), "{}", out.stderr);
    assert!(
        out.stderr.contains("only mentioned when it is real"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, advise(&process, "2026-05-12T12:00", false));
    let out = draft(
        &doc(ANA, &[INTERVIEW]),
        "2026-05-12",
        &["--kind", "align", "--json"],
    );
    assert_eq!(out.code, 3);
    assert!(
        out.stderr.contains("no real context change"),
        "{}",
        out.stderr
    );
    let advice: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(advice["action"], "follow-up");
}

#[test]
fn bad_usage_is_exit_2_naming_the_range() {
    let process = doc(ANA, &[INTERVIEW, PROMISE]);
    for variant in ["0", "4"] {
        let out = draft(&process, "2026-05-11", &["--variant", variant]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains("1–3"), "{}", out.stderr);
        assert!(out.stderr.contains("hint:"), "{}", out.stderr);
        assert_eq!(out.stdout, "");
    }
    for args in [
        &["--kind", "other"][..],
        &["--tone", "casual"],
        &["--variant", "-1"],
        &["--now", "someday"],
    ] {
        let out = draft(&process, "2026-05-11", args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
    }
    let out = draft("{\"company\":\"Acme\"}", "2026-05-11", &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: <stdin>: "), "{}", out.stderr);
    assert!(out.stderr.contains("hint:"), "{}", out.stderr);
}

// ---------------------------------------------------------------- signature

#[test]
fn the_configured_name_signs_and_from_overrides_it() {
    let home = TempDir::new().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "name = \"Maria Silva\"\n").unwrap();
    let process = doc(ANA, &[INTERVIEW, PROMISE]);
    let mut cmd = followup(home.path());
    cmd.env("FOLLOWUP_CONFIG", &config);
    let out = run(cmd, &process, "2026-05-11", &[]);
    assert!(
        out.stdout.ends_with("Best regards,\nMaria Silva\n"),
        "{}",
        out.stdout
    );
    let mut cmd = followup(home.path());
    cmd.env("FOLLOWUP_CONFIG", &config);
    let out = run(cmd, &process, "2026-05-11", &["--from", "Zoë Núñez"]);
    assert!(
        out.stdout.ends_with("Best regards,\nZoë Núñez\n"),
        "{}",
        out.stdout
    );
    // No name anywhere: the close ends the message, with no placeholder.
    let out = draft(&process, "2026-05-11", &[]);
    assert!(out.stdout.ends_with("Best regards,\n"), "{}", out.stdout);
    assert!(!out.stdout.contains(['{', '}', '[', ']']));
}

/// The user's own templates: files in `templates/en/` beside the configuration replace the
/// built-in ones, and go through the same checks.
#[test]
fn templates_in_the_config_folder_replace_the_built_in_ones() {
    let builtin = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../followup-core/templates/en/follow-up.txt"
    ))
    .unwrap();
    assert!(builtin.contains("I hope you are well."));
    let home = TempDir::new().unwrap();
    let dir = home.path().join("xdg/followup/templates/en");
    std::fs::create_dir_all(&dir).unwrap();
    let process = doc(ANA, &[INTERVIEW, PROMISE]);

    let own = builtin.replace("I hope you are well.", "I hope your week is going well.");
    std::fs::write(dir.join("follow-up.txt"), own).unwrap();
    let out = run(followup(home.path()), &process, "2026-05-11", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("I hope your week is going well."),
        "{}",
        out.stdout
    );

    // An unknown placeholder is an error naming the file and line, never a blank.
    let bad = builtin.replacen("I hope you are well.", "I hope {weather} is nice.", 1);
    std::fs::write(dir.join("follow-up.txt"), bad).unwrap();
    let out = run(followup(home.path()), &process, "2026-05-11", &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("follow-up.txt:") && out.stderr.contains("weather"),
        "{}",
        out.stderr
    );

    // A misspelled file name is an error too, not silently ignored.
    std::fs::remove_file(dir.join("follow-up.txt")).unwrap();
    std::fs::write(dir.join("followup.txt"), "x").unwrap();
    let out = run(followup(home.path()), &process, "2026-05-11", &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("followup.txt: not a template file"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------- --json and mailto

/// Percent-decoding written independently of the encoder under test.
fn percent_decode(text: &str) -> String {
    let mut bytes = Vec::new();
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' {
            let hex = std::str::from_utf8(&tail[..2]).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).unwrap()
}

/// Splits a mailto URI into recipients and decoded header fields.
fn parse_mailto(uri: &str) -> (String, Vec<(String, String)>) {
    let rest = uri.strip_prefix("mailto:").unwrap();
    let (to, query) = rest.split_once('?').unwrap();
    for c in query.chars() {
        assert!(
            c.is_ascii_alphanumeric() || "-._~%&=@".contains(c),
            "unencoded {c:?} in {uri}"
        );
    }
    let fields = query
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap();
            (key.to_owned(), percent_decode(value))
        })
        .collect();
    (percent_decode(to), fields)
}

#[test]
fn json_has_the_documented_fields_and_mailto_round_trips() {
    let top = r#""contacts":[{"name":"Zoë Ålvarez-Núñez","honorific":"Sra.","email":"zoe+jobs@acme.example"}],"#;
    let processes = [
        (doc(ANA, &[INTERVIEW, PROMISE]), "2026-05-11", "follow-up"),
        (doc(top, &[INTERVIEW]), "2026-05-12", "follow-up"),
        (
            doc("", &[INTERVIEW, PROMISE, FOLLOW_UP]),
            "2026-05-14",
            "final",
        ),
    ];
    for (process, now, kind) in processes {
        for tone in ["formal", "neutral", "warm"] {
            let out = draft(
                &process,
                now,
                &["--json", "--tone", tone, "--from", "José & Ana?"],
            );
            assert_eq!(out.code, 0, "{}", out.stderr);
            let value: Value = serde_json::from_str(&out.stdout).unwrap();
            let object = value.as_object().unwrap();
            let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["body", "kind", "mailto", "subject", "to"]);
            assert_eq!(value["kind"], kind);
            let subject = value["subject"].as_str().unwrap();
            let body = value["body"].as_str().unwrap();
            let (to, fields) = parse_mailto(value["mailto"].as_str().unwrap());
            let emails: Vec<&str> = value["to"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(to, emails.join(","));
            assert_eq!(fields[0], ("subject".to_owned(), subject.to_owned()));
            assert_eq!(fields[1].0, "body");
            assert!(
                !fields[1].1.replace("\r\n", "").contains('\n'),
                "bare LF in mailto body"
            );
            assert_eq!(fields[1].1.replace("\r\n", "\n"), body);
            assert!(body.ends_with("José & Ana?"));
        }
    }
}

#[test]
fn a_process_without_a_zone_says_which_zone_was_used() {
    let process = r#"{"company":"Acme","role":"Backend Engineer","events":[
        {"type":"interview","at":"2026-05-05T14:00"},
        {"type":"promise","at":"2026-05-05T15:00","by":"2026-05-08"}]}"#;
    let out = draft(process, "2026-05-11", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "note: dates read in UTC (your system zone)\n\
         hint: set name = \"…\" in ~/xdg/followup/config.toml to sign your drafts\n"
    );
    assert!(
        out.stdout.contains("by the end of last week"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_contact_without_email_gives_an_empty_to() {
    let top = r#""contacts":[{"name":"Ana Souza"}],"#;
    let out = draft(&doc(top, &[INTERVIEW, PROMISE]), "2026-05-11", &["--json"]);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["to"], serde_json::json!([]));
    assert!(
        value["mailto"]
            .as_str()
            .unwrap()
            .starts_with("mailto:?subject=")
    );
}

// ---------------------------------------------------------------- the contract with the reviewer

/// Runs `followup check --json ARGS -` on `text` and returns the exit code and the review.
fn check(text: &str, args: &[&str]) -> (i32, Value) {
    let home = TempDir::new().unwrap();
    let output = followup(home.path())
        .args(["check", "--json"])
        .args(args)
        .arg("-")
        .write_stdin(text.to_owned())
        .output()
        .unwrap();
    let review = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), review)
}

/// The contract end to end through the binary: `followup draft` piped into `followup check
/// --kind K` (and, for the draft that is due, `--process` the same file) gives a strong verdict.
#[test]
fn drafts_pass_followup_check_end_to_end() {
    let home = TempDir::new().unwrap();
    let cases = [
        (doc(ANA, &[INTERVIEW, PROMISE]), "2026-05-11"),
        (
            doc(
                r#""contacts":[{"name":"João da Silva","email":"joao@acme.example"}],"#,
                &[INTERVIEW, PROMISE, FOLLOW_UP],
            ),
            "2026-05-14",
        ),
    ];
    for (process, now) in cases {
        let file = home.path().join("process.json");
        std::fs::write(&file, &process).unwrap();
        let file = file.to_str().unwrap();
        for kind in ["thank-you", "follow-up", "final", "align"] {
            for tone in ["formal", "neutral", "warm"] {
                for variant in ["1", "2", "3"] {
                    let args = [
                        "--json",
                        "--kind",
                        kind,
                        "--tone",
                        tone,
                        "--variant",
                        variant,
                    ];
                    let out = draft(&process, now, &args);
                    if out.code == 3 {
                        assert_eq!(kind, "align", "{}", out.stderr);
                        continue;
                    }
                    let value: Value = serde_json::from_str(&out.stdout).unwrap();
                    let body = value["body"].as_str().unwrap();
                    let (code, review) = check(body, &["--kind", kind]);
                    assert_eq!(code, 0, "{kind} {tone} {variant}: {review}");
                    assert_eq!(
                        review["verdict"], "strong",
                        "{kind} {tone} {variant}: {review}"
                    );
                    if out.stderr.is_empty() {
                        // Not forced: the step that is due, checked against its process.
                        let (code, review) =
                            check(body, &["--kind", kind, "--process", file, "--now", now]);
                        assert_eq!(code, 0, "{review}");
                        assert_eq!(
                            review["verdict"], "strong",
                            "{kind} {tone} {variant}: {review}"
                        );
                    }
                }
            }
        }
    }
}

/// Every kind × tone × variant, over varied processes, passes the real reviewer (as `followup
/// check --kind K` without `--process` runs it) with no warning and no error, at the length the
/// kind aims for and with a 3–6 word subject.
mod contract {
    use followup_core::draft::{
        DraftError, DraftRequest, SUBJECT_WORDS, Templates, Tone, compose, length_aim, word_count,
    };
    use followup_core::{MessageKind, Policy, TimezoneSource, ZoneDefault, advise, parse_document};
    use followup_review::{ProcessContext, Reviewer, Severity};
    use jiff::tz::{TimeZone, TimeZoneDatabase};

    const KINDS: [MessageKind; 5] = [
        MessageKind::ThankYou,
        MessageKind::FollowUp,
        MessageKind::Final,
        MessageKind::Align,
        MessageKind::Withdraw,
    ];

    /// A named process document and the local instant to draft at.
    struct Case {
        name: &'static str,
        doc: String,
        now: &'static str,
    }

    fn case(name: &'static str, top: &str, events: &[&str], now: &'static str) -> Case {
        Case {
            name,
            doc: super::doc(top, events),
            now,
        }
    }

    fn cases() -> Vec<Case> {
        use super::{ANA, FOLLOW_UP, INTERVIEW, PROMISE};
        let warm_group = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"personal",
            "topics":["the onboarding redesign"],"with":["Bruno Lima","Chloé Durand"]}"#;
        let warm_one = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"back-and-forth",
            "with":["Søren Kierkegård"]}"#;
        let early = r#"{"type":"interview","at":"2026-03-31T10:00","topics":["Kafka"]}"#;
        let weeks_back = r#"{"type":"promise","at":"2026-03-31T11:00","by":"2026-04-10"}"#;
        let yesterday = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-12"}"#;
        let next_week = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-22"}"#;
        let reply = r#"{"type":"reply","at":"2026-05-07T10:00","from":"Ana"}"#;
        let offer = r#"{"type":"context-change","at":"2026-05-12T10:00",
            "reason":"competing-offer","real":true,"deadline":"2026-05-15"}"#;
        let final_round = r#"{"type":"context-change","at":"2026-05-12T10:00",
            "reason":"final-round-elsewhere","real":true,"deadline":"2026-05-20"}"#;
        let availability = r#"{"type":"context-change","at":"2026-05-12T10:00",
            "reason":"availability-changed","real":true}"#;
        let december = r#"{"type":"interview","at":"2025-12-15T10:00","topics":["search"]}"#;
        let december_promise = r#"{"type":"promise","at":"2025-12-15T11:00","by":"2025-12-19"}"#;
        let zoe = r#""contacts":[{"name":"Zoë Ålvarez-Núñez","honorific":"Sra.","email":"zoe@acme.example"}],"#;
        let plain_ana = r#""contacts":[{"name":"Ana"}],"#;
        let holidays = format!(r#"{ANA}"holidays":["2026-05-11"],"#);
        vec![
            case(
                "promise passed last week",
                ANA,
                &[INTERVIEW, PROMISE],
                "2026-05-11",
            ),
            case(
                "promise yesterday",
                plain_ana,
                &[INTERVIEW, yesterday],
                "2026-05-13",
            ),
            case(
                "promise weeks back",
                ANA,
                &[early, weeks_back],
                "2026-05-12",
            ),
            case(
                "promise still ahead",
                ANA,
                &[INTERVIEW, PROMISE],
                "2026-05-06",
            ),
            case("no promise, accents", zoe, &[INTERVIEW], "2026-05-13"),
            case(
                "several interviewers, today",
                "",
                &[warm_group],
                "2026-05-05T18:00",
            ),
            case(
                "one interviewer, yesterday",
                "",
                &[warm_one],
                "2026-05-06T10:00",
            ),
            case("nobody named", "", &[INTERVIEW], "2026-05-12"),
            case(
                "holiday Monday",
                &holidays,
                &[INTERVIEW, PROMISE],
                "2026-05-12",
            ),
            case("after their reply", ANA, &[INTERVIEW, reply], "2026-05-14"),
            case(
                "after a follow-up",
                ANA,
                &[INTERVIEW, PROMISE, FOLLOW_UP],
                "2026-05-14",
            ),
            case(
                "offer this Friday",
                ANA,
                &[INTERVIEW, next_week, offer],
                "2026-05-12T12:00",
            ),
            case(
                "final round next week",
                zoe,
                &[INTERVIEW, final_round],
                "2026-05-13",
            ),
            case(
                "availability, no deadline",
                "",
                &[warm_group, availability],
                "2026-05-12T12:00",
            ),
            case(
                "last year",
                ANA,
                &[december, december_promise],
                "2026-01-05",
            ),
        ]
    }

    fn process(case: &Case) -> followup_core::Process {
        let zone = ZoneDefault {
            name: "UTC".into(),
            zone: TimeZone::UTC,
            source: TimezoneSource::System,
        };
        let mut p = parse_document(&case.doc, &TimeZoneDatabase::bundled(), &zone)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        if case.name == "last year" {
            p.role = "Senior Staff Site Reliability Engineer, Payments".into();
            p.company = "Companhia Brasileira de Distribuição".into();
        }
        p
    }

    #[test]
    fn every_draft_passes_the_reviewer() {
        let templates = Templates::english().unwrap();
        let reviewer = Reviewer::new();
        let mut failures = Vec::new();
        let mut reviewed = 0;
        for case in cases() {
            let p = process(&case);
            let now =
                followup_core::time::parse_now(case.now, &p.timezone, &p.timezone_name).unwrap();
            let advice = advise(&p, &Policy::default(), now);
            for kind in KINDS {
                for tone in Tone::ALL {
                    for variant in 1..=templates.variant_count(kind, tone) {
                        for from in [None, Some("Maria José Gonçalves")] {
                            let topics: &[Option<&str>] = if kind == MessageKind::ThankYou {
                                &[None, Some("the migration plan")]
                            } else {
                                &[None]
                            };
                            for topic in topics {
                                let request = DraftRequest {
                                    kind: Some(kind),
                                    tone,
                                    variant,
                                    topic: topic.map(str::to_owned),
                                    from: from.map(str::to_owned),
                                };
                                let draft = match compose(&p, &advice, &request, templates, now) {
                                    Ok(draft) => draft,
                                    Err(DraftError::Refused { .. }) => continue,
                                    Err(err) => {
                                        panic!("{}: {kind} {tone} {variant}: {err}", case.name)
                                    }
                                };
                                reviewed += 1;
                                let label = format!(
                                    "[{}] {kind} {tone} {variant} from={from:?} topic={topic:?}",
                                    case.name
                                );
                                let words = word_count(&draft.body);
                                if !length_aim(kind).contains(&words) {
                                    failures
                                        .push(format!("{label}: {words} words\n{}", draft.body));
                                }
                                if !SUBJECT_WORDS.contains(&word_count(&draft.subject)) {
                                    failures.push(format!("{label}: subject {:?}", draft.subject));
                                }
                                let review = reviewer.review(&draft.body, kind, None);
                                let bad: Vec<String> = review
                                    .findings
                                    .iter()
                                    .filter(|f| f.severity >= Severity::Warning)
                                    .map(|f| {
                                        format!(
                                            "  {} {} {:?}: {}",
                                            f.severity, f.rule, f.excerpt, f.message
                                        )
                                    })
                                    .collect();
                                if !bad.is_empty() {
                                    failures.push(format!(
                                        "{label}:\n{}\n---\n{}\n---",
                                        bad.join("\n"),
                                        draft.body
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {reviewed} drafts fail the contract:\n{}",
            failures.len(),
            failures.join("\n")
        );
        assert!(reviewed >= 1000, "only {reviewed} drafts reviewed");
    }

    /// With the process as context (`followup check --process`), the draft of the step that is
    /// due passes too: right timing, the promised date named, the right person greeted.
    #[test]
    fn the_due_draft_passes_the_reviewer_with_its_process() {
        let templates = Templates::english().unwrap();
        let reviewer = Reviewer::new();
        let policy = Policy::default();
        let mut failures = Vec::new();
        let mut reviewed = 0;
        for case in cases() {
            let p = process(&case);
            let now =
                followup_core::time::parse_now(case.now, &p.timezone, &p.timezone_name).unwrap();
            let advice = advise(&p, &policy, now);
            let Some(step) = advice.action.due_step() else {
                continue;
            };
            let kind = step.message_kind();
            let context = ProcessContext::new(&p, &policy, now, kind);
            for tone in Tone::ALL {
                for variant in 1..=templates.variant_count(kind, tone) {
                    let request = DraftRequest {
                        tone,
                        variant,
                        ..DraftRequest::default()
                    };
                    let draft = compose(&p, &advice, &request, templates, now).unwrap();
                    reviewed += 1;
                    let review = reviewer.review(&draft.body, kind, Some(&context));
                    for f in review
                        .findings
                        .iter()
                        .filter(|f| f.severity >= Severity::Warning)
                    {
                        failures.push(format!(
                            "[{}] {kind} {tone} {variant}: {} {} {:?}: {}\n{}",
                            case.name, f.severity, f.rule, f.excerpt, f.message, draft.body
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
        assert!(reviewed >= 90, "only {reviewed} due drafts reviewed");
    }

    /// The contract means something only if the reviewer does flag bad messages.
    #[test]
    fn the_reviewer_used_by_the_contract_flags_a_bad_message() {
        let text = "Hello, I'm writing again because I'm honestly so anxious about this. \
                    It's my dream job and any news at all would help me a lot.";
        let review = Reviewer::new().review(text, MessageKind::FollowUp, None);
        assert!(
            review
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error),
            "{:?}",
            review.findings
        );
    }

    /// Each case drafts every kind it can honestly draft; refusals are only the expected ones.
    #[test]
    fn the_cases_cover_every_kind_and_refuse_only_what_they_must() {
        let templates = Templates::english().unwrap();
        let mut drafted = std::collections::BTreeMap::new();
        for case in cases() {
            let p = process(&case);
            let now =
                followup_core::time::parse_now(case.now, &p.timezone, &p.timezone_name).unwrap();
            let advice = advise(&p, &Policy::default(), now);
            for kind in KINDS {
                let request = DraftRequest {
                    kind: Some(kind),
                    ..DraftRequest::default()
                };
                match compose(&p, &advice, &request, templates, now) {
                    Ok(_) => *drafted.entry(kind.as_str()).or_insert(0) += 1,
                    Err(DraftError::Refused {
                        kind: MessageKind::Align,
                        ..
                    }) => {}
                    Err(err) => panic!("{}: {err}", case.name),
                }
            }
        }
        assert_eq!(drafted["thank-you"], 15);
        assert_eq!(drafted["follow-up"], 15);
        assert_eq!(drafted["final"], 15);
        assert_eq!(drafted["align"], 3);
        assert_eq!(drafted["withdraw"], 15);
    }

    /// A withdrawal due because another process was closed hired (rule 2) is drafted without
    /// `--kind`, names no other company, thanks the interviewers by name, asks nothing, and
    /// reviews strong with its process as context, in every tone and variant.
    #[test]
    fn the_withdraw_draft_reviews_strong_with_its_process() {
        use followup_core::{Landscape, advise_with};
        let templates = Templates::english().unwrap();
        let reviewer = Reviewer::new();
        let policy = Policy::default();
        let zone = ZoneDefault {
            name: "UTC".into(),
            zone: TimeZone::UTC,
            source: TimezoneSource::System,
        };
        let parse = |text: &str| parse_document(text, &TimeZoneDatabase::bundled(), &zone).unwrap();
        let hooli = parse(
            r#"{"handle":"hooli","company":"Hooli","role":"Frontend Engineer","events":[
            {"type":"interview","at":"2026-05-05T10:00"},
            {"type":"offer","at":"2026-05-08T10:00","deadline":"2026-05-15"},
            {"type":"closed","at":"2026-05-11T09:00","outcome":"hired"}]}"#,
        );
        let mut hooli = hooli;
        hooli.handle = Some("hooli".into());
        let with_names = super::doc(
            super::ANA,
            &[r#"{"type":"interview","at":"2026-05-05T14:00","with":["Ana Souza","Bruno Lima"]}"#],
        );
        let mut failures = Vec::new();
        let mut reviewed = 0;
        for doc in [
            with_names,
            super::doc(super::ANA, &[super::INTERVIEW]),
            super::doc("", &[super::INTERVIEW]),
        ] {
            let mut acme = parse(&doc);
            acme.handle = Some("acme".into());
            let now =
                followup_core::time::parse_now("2026-05-11T12:00", &acme.timezone, "UTC").unwrap();
            let all = [hooli.clone(), acme.clone()];
            let outside = Landscape::of(all.iter().map(|p| (p, now))).outside(&acme, now);
            let advice = advise_with(&acme, &policy, now, &outside);
            assert_eq!(advice.rule.id(), "accepted-elsewhere");
            let context = ProcessContext::new(&acme, &policy, now, MessageKind::Withdraw);
            for tone in Tone::ALL {
                assert!(templates.variant_count(MessageKind::Withdraw, tone) >= 3);
                for variant in 1..=templates.variant_count(MessageKind::Withdraw, tone) {
                    let request = DraftRequest {
                        tone,
                        variant,
                        ..DraftRequest::default()
                    };
                    let draft = compose(&acme, &advice, &request, templates, now).unwrap();
                    assert_eq!(draft.kind, MessageKind::Withdraw);
                    assert!(!draft.body.contains("Hooli"), "{}", draft.body);
                    assert!(!draft.body.contains('?'), "{}", draft.body);
                    if doc_names(&acme) {
                        assert!(draft.body.contains("Bruno"), "{}", draft.body);
                    }
                    reviewed += 1;
                    let review =
                        reviewer.review(&draft.body, MessageKind::Withdraw, Some(&context));
                    if review.verdict.as_str() != "strong" {
                        failures.push(format!(
                            "{tone} {variant}: {:?}\n{}",
                            review.findings, draft.body
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
        assert!(reviewed >= 27, "{reviewed}");
    }

    fn doc_names(p: &followup_core::Process) -> bool {
        p.events.iter().any(
            |e| matches!(&e.kind, followup_core::EventKind::Interview(i) if !i.with.is_empty()),
        )
    }

    /// The skeleton of an answer (respond, respond-offer): the only findings, with or without
    /// the process, are the gaps it marks (`vague.placeholder`), and once they are filled in it
    /// reviews strong.
    #[test]
    fn skeletons_review_with_only_the_placeholder() {
        let templates = Templates::english().unwrap();
        let reviewer = Reviewer::new();
        let policy = Policy::default();
        let question =
            r#"{"type":"reply","at":"2026-05-07T10:00","asks":"answer","respond_by":"2026-05-12"}"#;
        let schedule = r#"{"type":"reply","at":"2026-05-07T10:00","asks":"schedule"}"#;
        let task = r#"{"type":"reply","at":"2026-05-07T10:00","asks":"assignment"}"#;
        let offer = r#"{"type":"offer","at":"2026-05-07T10:00","deadline":"2026-05-15"}"#;
        let mut failures = Vec::new();
        let mut reviewed = 0;
        for (name, events, step) in [
            ("question", question, "respond"),
            ("schedule", schedule, "respond"),
            ("assignment", task, "respond"),
            ("offer", offer, "respond-offer"),
        ] {
            for top in [super::ANA, ""] {
                let case = case(name, top, &[super::INTERVIEW, events], "2026-05-08");
                let p = process(&case);
                let now = followup_core::time::parse_now(case.now, &p.timezone, "UTC").unwrap();
                let advice = advise(&p, &policy, now);
                assert_eq!(advice.action.name(), step, "{name}");
                let context = ProcessContext::new(&p, &policy, now, MessageKind::Reply);
                for tone in Tone::ALL {
                    for from in [None, Some("Maria Silva")] {
                        let request = DraftRequest {
                            tone,
                            from: from.map(str::to_owned),
                            ..DraftRequest::default()
                        };
                        let draft = compose(&p, &advice, &request, templates, now).unwrap();
                        assert_eq!(draft.kind, MessageKind::Reply);
                        assert!(draft.body.contains("[your answer]"), "{}", draft.body);
                        assert_eq!(
                            draft.body.contains("times"),
                            name == "schedule",
                            "{}",
                            draft.body
                        );
                        assert!(
                            SUBJECT_WORDS.contains(&word_count(&draft.subject)),
                            "{}",
                            draft.subject
                        );
                        for context in [None, Some(&context)] {
                            reviewed += 1;
                            let review = reviewer.review(&draft.body, MessageKind::Reply, context);
                            let others: Vec<_> = review
                                .findings
                                .iter()
                                .filter(|f| f.rule != "vague.placeholder")
                                .collect();
                            let gaps = review.findings.len() - others.len();
                            if !others.is_empty() || gaps == 0 {
                                failures
                                    .push(format!("[{name}] {tone}: {others:?}\n{}", draft.body));
                            }
                            let filled = draft
                                .body
                                .replace("[your answer]", "I can send both references tomorrow.")
                                .replace(
                                    "[two or three days and times that suit you]",
                                    "Tuesday at 10:00 or Wednesday at 15:00",
                                );
                            let review = reviewer.review(&filled, MessageKind::Reply, context);
                            if review.verdict.as_str() != "strong" {
                                failures.push(format!(
                                    "[{name}] {tone} filled: {:?}\n{filled}",
                                    review.findings
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
        assert!(reviewed >= 48, "{reviewed}");
    }
}
