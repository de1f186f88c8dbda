//! `followup check` end to end: human output (snapshot, plain markers when not a terminal),
//! the `--json` contract, exit codes 0 / 1 / 2, and the context rules of `--process`.

use crate::support::{Run, followup};
use serde_json::Value;
use tempfile::TempDir;

const GOOD: &str = "Hi Ana,\n\nI hope you're well. I'm following up on the Backend Engineer \
position at Acme. You mentioned you expected to have an update by Friday. Is there any news on \
the timeline, or anything else you need from me?\n\nBest regards,\nMaria\n";

const BAD: &str = "Hello, I'm writing again because I'm honestly so anxious about this. It's my \
dream job and any news at all would help me a lot.\n";

/// One warning only: no time anchor.
const OK: &str = "Hi Ana,\n\nI'm following up on the Backend Engineer position at Acme. Is there \
any news on the timeline?\n\nBest regards,\nMaria\n";

/// The issue's worked example: interview Tue 5 May, promise by Fri 8 May, São Paulo time.
const PROCESS: &str = r#"{"company":"Acme","role":"Backend Engineer","timezone":"America/Sao_Paulo",
"contacts":[{"name":"Ana Souza"}],
"events":[{"type":"interview","at":"2026-05-05T14:00:00"},
{"type":"promise","at":"2026-05-05T15:00:00","by":"2026-05-08"}]}"#;

/// Runs `followup check ARGS -` with `message` on standard input.
fn check(message: &str, args: &[&str]) -> Run {
    let home = TempDir::new().unwrap();
    Run::of(
        followup(home.path())
            .arg("check")
            .args(args)
            .arg("-")
            .write_stdin(message.to_owned()),
    )
}

/// Runs `followup check ARGS` with the process document written to a file first; `{process}`
/// in `args` is replaced by its path.
fn check_with_process(message: &str, args: &[&str]) -> Run {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("acme.json");
    std::fs::write(&path, PROCESS).unwrap();
    let path = path.to_str().unwrap().to_owned();
    let args: Vec<String> = args.iter().map(|a| a.replace("{process}", &path)).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    check(message, &args)
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap()
}

fn rules(value: &Value) -> Vec<String> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

fn findings_of<'v>(value: &'v Value, rule: &str) -> Vec<&'v Value> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn human_output_marks_the_words_and_exits_1_on_errors() {
    let run = check(BAD, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'), "no colour when piped");
    insta::assert_snapshot!("check_bad_follow_up", run.stdout);
    assert!(run.stdout.contains("1:34 emotion error "));
    assert!(run.stdout.contains(" → "));
    assert!(
        run.stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("weak (score 0/100)")
    );
}

#[test]
fn a_good_message_is_strong_and_exits_0() {
    let run = check(GOOD, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.starts_with(GOOD.trim_end()), "{}", run.stdout);
    assert!(!run.stdout.contains('^'));
    assert!(
        run.stdout
            .contains("strong (score 100/100): 0 errors, 0 warnings")
    );
}

#[test]
fn one_warning_is_ok_and_exits_0() {
    let run = check(OK, &["--json"]);
    assert_eq!(run.code, 0);
    let value = json(&run);
    assert_eq!(value["verdict"], "ok");
    assert_eq!(value["score"], 90);
    assert_eq!(rules(&value), ["vague.no-time-anchor"]);
}

#[test]
fn json_is_the_documented_object() {
    let run = check(BAD, &["--json"]);
    assert_eq!(run.code, 1);
    let value = json(&run);
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let order = ["verdict", "score", "kind", "words", "questions", "findings"];
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    assert_eq!(keys, sorted);
    // Printed in the documented order.
    let positions: Vec<usize> = order
        .iter()
        .map(|k| run.stdout.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", run.stdout);
    assert_eq!(value["verdict"], "weak");
    assert_eq!(value["kind"], "follow-up");
    assert_eq!(value["words"], 25);
    assert_eq!(value["questions"], 0);
    let anxious = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "emotion.anxiety")
        .unwrap();
    let fields: Vec<&str> = anxious
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "rule",
        "category",
        "severity",
        "start",
        "end",
        "line",
        "column",
        "excerpt",
        "message",
        "suggestion",
    ];
    expected.sort_unstable();
    assert_eq!(fields, expected);
    assert_eq!(anxious["category"], "emotion");
    assert_eq!(anxious["severity"], "error");
    let (start, end) = (
        anxious["start"].as_u64().unwrap() as usize,
        anxious["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&BAD[start..end], "I'm honestly so anxious");
    assert_eq!(anxious["excerpt"], "I'm honestly so anxious");
    assert_eq!(
        (anxious["line"].as_u64(), anxious["column"].as_u64()),
        (Some(1), Some(34))
    );
}

#[test]
fn a_finding_repeated_more_than_twenty_times_is_reported_once_with_its_count() {
    let message = format!(
        "Hi Ana, is there any news on the Backend Engineer role since Friday? {}",
        "I'm so anxious. ".repeat(25)
    );
    let value = json(&check(&message, &["--json"]));
    let anxious = findings_of(&value, "emotion.anxiety");
    assert_eq!(anxious.len(), 1, "{value:#}");
    assert_eq!(anxious[0]["count"], 25);
    let first = message.find("I'm so anxious").unwrap();
    assert_eq!(anxious[0]["start"], first);
    // It costs the score once.
    assert_eq!(value["score"], 75, "{value:#}");
    let plain = check(&message, &[]);
    assert!(plain.stdout.contains("(25 times)"), "{}", plain.stdout);

    // Twenty times are still listed one by one, without a count.
    let twenty = message.replace(
        &"I'm so anxious. ".repeat(25),
        &"I'm so anxious. ".repeat(20),
    );
    let value = json(&check(&twenty, &["--json"]));
    let listed = findings_of(&value, "emotion.anxiety");
    assert_eq!(listed.len(), 20);
    assert!(listed.iter().all(|f| f.get("count").is_none()));
}

#[test]
fn kinds_change_the_rules() {
    let thanks = "Hi Ana,\n\nThank you for your time today. I enjoyed our conversation about \
        event sourcing. I'm still very interested in the Backend Engineer role.\n\nBest,\nMaria";
    let run = check(thanks, &["--kind", "thank-you", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(json(&run)["verdict"], "strong");
    // The same text as a follow-up asks nothing and anchors nothing.
    let run = check(thanks, &["--kind", "follow-up", "--json"]);
    assert_eq!(run.code, 1);
    assert!(rules(&json(&run)).contains(&"no-question.missing".to_owned()));
}

#[test]
fn a_file_argument_works_like_stdin() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("message.txt");
    std::fs::write(&path, GOOD).unwrap();
    let output = followup(dir.path())
        .args(["check", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["verdict"], "strong");
}

#[test]
fn process_timing_inside_the_timeline_is_an_error() {
    // Wednesday 6 May: the promise runs to Friday 8 May.
    let run = check_with_process(
        GOOD,
        &["--process", "{process}", "--now", "2026-05-06", "--json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let value = json(&run);
    assert_eq!(rules(&value), ["timing.too-early"]);
    assert_eq!(
        value["findings"][0]["suggestion"],
        "Wait until Monday 11 May, then send it."
    );
    // Monday 11 May the follow-up is due, and the good message stays strong.
    let run = check_with_process(
        GOOD,
        &["--process", "{process}", "--now", "2026-05-11", "--json"],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(json(&run)["verdict"], "strong");
}

#[test]
fn process_name_and_promise_date() {
    let text = "Hi Anna,\n\nI'm following up on the Backend Engineer position at Acme. You \
        mentioned an update by Thursday. Is there any news?\n\nBest,\nMaria";
    let run = check_with_process(
        text,
        &["--process", "{process}", "--now", "2026-05-12", "--json"],
    );
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    let value = json(&run);
    assert_eq!(rules(&value), ["vague.promise-date", "vague.wrong-name"]);
    assert_eq!(value["verdict"], "weak");
}

#[test]
fn process_offer_without_a_real_change_is_pressure() {
    let text = "Hi Ana,\n\nI have received an offer from another company. Is there any news on \
        the Backend Engineer role since Friday?\n\nBest,\nMaria";
    let run = check(text, &["--kind", "align", "--json"]);
    assert_eq!(run.code, 0);
    assert_eq!(rules(&json(&run)), ["pressure.other-offer"]);
    assert_eq!(json(&run)["findings"][0]["severity"], "info");
    let run = check_with_process(
        text,
        &[
            "--kind",
            "align",
            "--process",
            "{process}",
            "--now",
            "2026-05-12",
            "--json",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(rules(&json(&run)), ["pressure.unrecorded-change"]);
}

/// `--now` used to be accepted and ignored without `--process`: the user believed the timing
/// was checked.
#[test]
fn now_without_process_is_a_usage_error() {
    let run = check(GOOD, &["--now", "2026-05-11"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: --now only matters with --process\nhint: "),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    // With the process it is what it was meant for.
    let run = check_with_process(GOOD, &["--process", "{process}", "--now", "2026-05-11"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn bad_input_exits_2_with_one_line_and_a_hint() {
    let cases: Vec<(Run, &str)> = vec![
        (check("   \n\n", &[]), "the message is empty"),
        (check(GOOD, &["--kind", "note"]), "invalid value 'note'"),
        (
            check_with_process(GOOD, &["--process", "{process}", "--now", "someday"]),
            "--now",
        ),
        (check(GOOD, &["--process", "-"]), "standard input"),
        (
            check(GOOD, &["--process", "/nonexistent/acme.json"]),
            "cannot read /nonexistent/acme.json",
        ),
    ];
    for (run, expected) in cases {
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(expected),
            "{expected:?} in {}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
    let home = TempDir::new().unwrap();
    let output = followup(home.path())
        .args(["check", "/nonexistent/message.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: cannot read /nonexistent/message.txt"));
    assert!(stderr.contains("\nhint: "));

    let output = followup(home.path())
        .args(["check", "-"])
        .write_stdin(vec![b'H', b'i', 0xff, b'\n'])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");

    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        r#"{"company":"Acme","role":"x","events":[{"type":"intervew"}]}"#,
    )
    .unwrap();
    let run = check(GOOD, &["--process", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("events[0]"), "{}", run.stderr);
}

#[test]
fn colour_only_when_asked_for() {
    // CLICOLOR_FORCE asks for colour even when piped; NO_COLOR is removed for this run.
    let home = TempDir::new().unwrap();
    let output = followup(home.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "-"])
        .write_stdin(BAD)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains('\u{1b}'), "{stdout}");
    assert!(!stdout.contains("^^^"), "carets only without colour");
}

// ---------------------------------------------------------------- --fix

const WEAK_WITH_ROLE: &str = "Hi Ana,\n\nI'm following up on the Backend Engineer role we \
discussed on Tuesday. It has been two weeks and I still haven't heard anything!! I'm so \
anxious about this. I hope the team is doing well.\n\nBest,\nMaria\n";

#[test]
fn fix_prints_the_strong_version_and_keeps_the_exit_code_of_the_original() {
    let run = check(WEAK_WITH_ROLE, &["--fix"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let fixed = run.stdout.split("Fixed:").nth(1).unwrap().trim().to_owned();
    assert!(
        fixed.contains("I'm following up on the Backend Engineer role we discussed on Tuesday.")
    );
    assert!(fixed.contains("I hope the team is doing well."));
    assert!(!fixed.contains("anxious"), "{fixed}");
    assert!(fixed.ends_with("Best,\nMaria"), "{fixed}");
    let again = check(&fixed, &["--json"]);
    assert_eq!(again.code, 0, "{}", again.stdout);
    assert_eq!(json(&again)["verdict"], "strong");
}

#[test]
fn fix_with_json_adds_fixed_and_a_process_adds_its_timeline() {
    let run = check_with_process(
        "Any news??",
        &[
            "--json",
            "--fix",
            "--process",
            "{process}",
            "--now",
            "2026-05-11",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let value = json(&run);
    assert_eq!(value["verdict"], "weak");
    let fixed = value["fixed"].as_str().unwrap();
    assert!(fixed.contains("Backend Engineer"), "{fixed}");
    assert!(fixed.contains("8 May"), "{fixed}");
    let again = check_with_process(
        fixed,
        &["--json", "--process", "{process}", "--now", "2026-05-11"],
    );
    assert_eq!(
        json(&again)["verdict"],
        "strong",
        "{fixed}\n{}",
        again.stdout
    );
    // Without --fix the JSON contract is unchanged.
    assert!(
        json(&check("Any news??", &["--json"]))
            .get("fixed")
            .is_none()
    );
}

#[test]
fn reply_and_withdraw_need_no_question() {
    let reply = "Hi Ana,\n\nThank you for your message about the Backend Engineer role. Tuesday \
        at 14:00 works well for me.\n\nBest regards,\nMaria\n";
    let withdraw = "Hi Ana,\n\nThank you for your time during the Backend Engineer process. I \
        have decided to withdraw my application, and I hope our paths cross again.\n\nBest \
        regards,\nMaria\n";
    for (kind, text) in [("reply", reply), ("withdraw", withdraw)] {
        let run = check(text, &["--json", "--kind", kind]);
        assert_eq!(run.code, 0, "{kind}: {}", run.stdout);
        assert_eq!(json(&run)["verdict"], "strong", "{kind}");
    }
}
