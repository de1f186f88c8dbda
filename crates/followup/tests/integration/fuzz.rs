//! Fuzzing in the repository (issue 9): proptest suites that feed the real binary hostile
//! review input, process documents, date phrases, configuration files and import files, and
//! assert that it never panics, exits 0, 1, 2 or 3, prints valid JSON when it succeeds with
//! `--json`, and points only inside the input (review spans are byte offsets on character
//! boundaries).
//!
//! CI (`cargo test --workspace`) runs each suite with a fixed seed and [`CASES`] cases, a few
//! seconds in all. Run them longer with the usual proptest variables, for example
//! `PROPTEST_CASES=2000 PROPTEST_RNG_SEED=$RANDOM cargo test -p followup --test integration fuzz`.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};
use serde_json::Value;

use crate::support::{self, Run};

/// Cases per suite in CI; `PROPTEST_CASES` overrides.
const CASES: u32 = 24;

/// The seed CI uses; `PROPTEST_RNG_SEED` overrides.
const SEED: u64 = 0x00f0_110e;

/// The suites' configuration: fixed seed and few cases unless the environment says otherwise.
fn config() -> ProptestConfig {
    let from_env = ProptestConfig::default();
    let set = |key: &str| std::env::var_os(key).is_some_and(|v| !v.is_empty());
    ProptestConfig {
        cases: if set("PROPTEST_CASES") {
            from_env.cases
        } else {
            CASES
        },
        rng_seed: if set("PROPTEST_RNG_SEED") {
            from_env.rng_seed
        } else {
            RngSeed::Fixed(SEED)
        },
        failure_persistence: None,
        max_shrink_iters: 64,
        ..from_env
    }
}

/// Runs `followup ARGS` in `home` (with `env` set) and checks what holds for every input.
fn run(home: &Path, args: &[&str], env: &[(&str, &Path)]) -> Result<Run, TestCaseError> {
    let mut cmd = support::followup(home);
    cmd.env("FOLLOWUP_DB", home.join("data/followup.db"));
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.args(args);
    let out = Run::of(&mut cmd);
    prop_assert!(
        !out.stderr.contains("panicked"),
        "panic on {args:?}: {}",
        out.stderr
    );
    prop_assert!(
        [0, 1, 2, 3].contains(&out.code),
        "exit {} on {args:?}: {}",
        out.code,
        out.stderr
    );
    if out.code == 2 {
        prop_assert!(
            out.stderr.starts_with("error: ") && out.stderr.lines().count() >= 1,
            "exit 2 without a one-line error: {}",
            out.stderr
        );
    }
    Ok(out)
}

/// Parses stdout as JSON when the command succeeded with `--json`.
fn json_of(out: &Run) -> Result<Option<Value>, TestCaseError> {
    if out.code != 0 && out.code != 1 {
        return Ok(None);
    }
    match serde_json::from_str::<Value>(&out.stdout) {
        Ok(value) => Ok(Some(value)),
        Err(err) => Err(TestCaseError::fail(format!(
            "invalid JSON ({err}): {}",
            out.stdout
        ))),
    }
}

/// Text a person or an attacker might type: words that trigger rules, odd characters, controls.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Hi Ana, ".to_owned()),
        Just("ASAP".to_owned()),
        Just("!!! ".to_owned()),
        Just("I NEED AN ANSWER ".to_owned()),
        Just("by Friday ".to_owned()),
        Just("the Backend Engineer role ".to_owned()),
        Just("Is there any news on the timeline? ".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\0".to_owned()),
        Just("\u{200B}\u{FEFF}".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        Just("é\u{301}ação 🙂 ".to_owned()),
        Just("\u{202E}evil".to_owned()),
        Just("2026-05-08 ".to_owned()),
        Just("9999-12-31 ".to_owned()),
        ".{0,12}",
        "[a-zA-Z ]{0,20}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// A value for any JSON field of a process document: good ones and every kind of bad one.
fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(Value::from(0)),
        Just(Value::from(-1)),
        Just(Value::from(1e300)),
        Just(Value::from(u64::MAX)),
        Just(Value::from(true)),
        Just(Value::from("")),
        Just(Value::from("2026-05-05T14:00:00Z")),
        Just(Value::from("2026-05-05T14:00")),
        Just(Value::from("0000-01-01T00:00:00")),
        Just(Value::from("9999-12-31T23:59:59Z")),
        Just(Value::from("2026-05-05T14:00:00+25:00")),
        Just(Value::from("2026-05-05T14:00:00+09:00[America/Sao_Paulo]")),
        Just(Value::from("2026-03-08T02:30")),
        Just(Value::from("2026-05-08")),
        Just(Value::from("2026-02-30")),
        Just(Value::from("America/Sao_Paulo")),
        Just(Value::from("Nowhere/Zone")),
        Just(Value::from("a@b.c\r\nBcc: evil@x")),
        Just(Value::from("--help")),
        Just(Value::from("interview")),
        Just(Value::from("promise")),
        Just(Value::from("competing-offer")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        hostile_text().prop_map(Value::from),
    ]
}

/// A valid document to start from: an interview, a promise, a reply.
fn base_document() -> Value {
    serde_json::json!({
        "format": 2,
        "company": "Acme",
        "role": "Backend Engineer",
        "timezone": "America/Sao_Paulo",
        "contacts": [{"name": "Ana Souza", "email": "ana@acme.example"}],
        "holidays": ["2026-05-11"],
        "events": [
            {"type": "interview", "at": "2026-05-05T14:00", "rapport": "personal"},
            {"type": "promise", "at": "2026-05-05T15:00", "by": "2026-05-08"},
            {"type": "reply", "at": "2026-05-12T10:00", "body": "Thanks!", "asks": "nothing"}
        ]
    })
}

/// The JSON paths of a document that mutations may replace.
const PATHS: &[&[&str]] = &[
    &["format"],
    &["id"],
    &["handle"],
    &["company"],
    &["role"],
    &["timezone"],
    &["contacts"],
    &["contacts", "0", "email"],
    &["contacts", "0", "name"],
    &["holidays"],
    &["holidays", "0"],
    &["events"],
    &["events", "0", "at"],
    &["events", "0", "type"],
    &["events", "0", "rapport"],
    &["events", "1", "by"],
    &["events", "1", "at"],
    &["events", "2", "body"],
    &["events", "2", "asks"],
    &["events", "2", "respond_by"],
    &["extra"],
];

fn set_path(doc: &mut Value, path: &[&str], value: Value) {
    let mut at = doc;
    for (i, key) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let next = match at {
            Value::Object(map) if last => {
                map.insert((*key).to_owned(), value);
                return;
            }
            Value::Object(map) => map.get_mut(*key),
            Value::Array(items) => match key.parse::<usize>() {
                Ok(n) if n < items.len() && last => {
                    items[n] = value;
                    return;
                }
                Ok(n) => items.get_mut(n),
                Err(_) => None,
            },
            _ => None,
        };
        match next {
            Some(next) => at = next,
            None => return,
        }
    }
}

/// A document mutated at a few paths; sometimes a key repeated or the text cut short.
fn document_text() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((0..PATHS.len(), field_value()), 0..5);
    (edits, 0..8u8, any::<prop::sample::Index>()).prop_map(|(edits, how, cut)| {
        let mut doc = base_document();
        for (path, value) in edits {
            set_path(&mut doc, PATHS[path], value);
        }
        let text = doc.to_string();
        match how {
            0 => text.replacen("\"company\":", "\"company\":\"Dup\",\"company\":", 1),
            1 => {
                let mut end = cut.index(text.len().max(1));
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text[..end].to_owned()
            }
            2 => format!("[{text}]"),
            _ => text,
        }
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_review_input(text in hostile_text(), kind in 0..7usize) {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("message.txt");
        std::fs::write(&file, &text).unwrap();
        let kinds = ["thank-you", "follow-up", "final", "align", "reply", "withdraw", "follow-up"];
        let out = run(home.path(), &["check", file.to_str().unwrap(), "--kind", kinds[kind], "--json"], &[])?;
        if let Some(review) = json_of(&out)? {
            for finding in review["findings"].as_array().into_iter().flatten() {
                let (start, end) = (finding["start"].as_u64(), finding["end"].as_u64());
                let (Some(start), Some(end)) = (start, end) else {
                    return Err(TestCaseError::fail(format!("a finding without a span: {finding}")));
                };
                let (start, end) = (start as usize, end as usize);
                prop_assert!(start <= end && end <= text.len(), "span {start}..{end} outside {} bytes", text.len());
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {start}..{end} splits a character");
            }
        }
    }

    #[test]
    fn fuzz_process_document(text in document_text()) {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("process.json");
        std::fs::write(&file, &text).unwrap();
        let out = run(home.path(), &["advise", file.to_str().unwrap(), "--now", "2026-05-20", "--json"], &[])?;
        if let Some(advice) = json_of(&out)? {
            prop_assert!(advice.is_object(), "{advice}");
        }
    }

    #[test]
    fn fuzz_date_phrases(phrase in prop_oneof![
        hostile_text(),
        "(in|last|next|this)? ?[0-9]{0,12} ?(days?|weeks?|months?|monday|friday|may|am|pm)? ?(ago)?",
        "[0-9]{1,6}[-/.][0-9]{1,4}([-/.][0-9]{1,6})?( [0-9]{1,2}:[0-9]{2})?",
    ]) {
        // An argument cannot hold NUL (the kernel's strings end there).
        let phrase = phrase.replace('\0', "");
        let home = tempfile::tempdir().unwrap();
        let add = run(home.path(), &["add", "Acme", "--role", "Dev", "--tz", "America/New_York", "--now", "2026-05-05T18:00"], &[])?;
        prop_assert_eq!(add.code, 0, "{}", add.stderr);
        let now = "2026-05-07T12:00";
        run(home.path(), &["log", "acme-dev", "interview", "--at", &phrase, "--now", now, "--json"], &[])
            .and_then(|out| json_of(&out).map(|_| ()))?;
        run(home.path(), &["log", "acme-dev", "promise", &phrase, "--now", now, "--json"], &[])
            .and_then(|out| json_of(&out).map(|_| ()))?;
        let out = run(home.path(), &["export"], &[])?;
        prop_assert_eq!(out.code, 0, "{}", out.stderr);
        json_of(&out)?;
    }

    #[test]
    fn fuzz_config(lines in prop::collection::vec((
        prop::sample::select(vec![
            "name", "timezone", "holidays", "date_order", "policy.max_unanswered",
            "policy.thank_you_window_hours", "policy.business_days_without_promise",
            "policy.business_days_after_promise", "policy.unknown", "[policy]", "[other]", "name",
        ]),
        prop::sample::select(vec![
            "\"Maria\"", "0", "1", "5", "6", "168", "169", "60", "61", "-1", "1e9", "4294967296",
            "\"America/Sao_Paulo\"", "\"Nowhere\"", "[\"2026-06-04\"]", "[\"0000-01-01\"]",
            "\"dmy\"", "\"ydm\"", "[]", "{}", "\"\\u001b[2J\"", "true", "",
        ]),
    ), 0..6)) {
        let home = tempfile::tempdir().unwrap();
        let text: String = lines
            .iter()
            .map(|(key, value)| if key.starts_with('[') { format!("{key}\n") } else { format!("{key} = {value}\n") })
            .collect();
        let config = home.path().join("config.toml");
        std::fs::write(&config, &text).unwrap();
        let out = run(home.path(), &["next", "--now", "2026-05-20", "--json"], &[("FOLLOWUP_CONFIG", &config)])?;
        if out.code == 0 {
            json_of(&out)?;
        }
        if out.code == 2 && text.contains("max_unanswered = 0\n") && !out.stderr.contains("line") {
            return Err(TestCaseError::fail(format!("a config error without its line: {}", out.stderr)));
        }
    }

    #[test]
    fn fuzz_import_file(docs in prop::collection::vec(document_text(), 0..4), wrap in any::<bool>()) {
        let home = tempfile::tempdir().unwrap();
        let text = if wrap || docs.len() != 1 { format!("[{}]", docs.join(",")) } else { docs[0].clone() };
        let file = home.path().join("import.json");
        std::fs::write(&file, &text).unwrap();
        let out = run(home.path(), &["import", file.to_str().unwrap(), "--now", "2026-05-20", "--json"], &[])?;
        json_of(&out)?;
        // Whatever the file, the database is still whole: it exports, as JSON.
        let export = run(home.path(), &["export"], &[])?;
        prop_assert_eq!(export.code, 0, "{}", export.stderr);
        json_of(&export)?;
    }
}
