//! Across processes through the tracker (issue 11): an offer in one process is a real
//! competing-offer in the others that had an interview, named in `show`, never exported; a
//! hire asks the others to withdraw; and every step undoes cleanly. Also the defaults that read
//! the advice: `sent` without a kind, `check --process` without `--kind`, `draft` of a
//! skeleton, a withdrawal and a booked interview.

use serde_json::Value;

use crate::tracker::Tracker;

const NOW: &str = "2026-05-13T12:00";

/// Three processes in UTC: Hooli and Acme interviewed on Monday 11 May, Globex only applied.
fn three() -> Tracker {
    let t = Tracker::new();
    for (company, role) in [
        ("Hooli", "Frontend Engineer"),
        ("Acme", "Backend Engineer"),
        ("Globex", "Designer"),
    ] {
        t.ok(&[
            "add",
            company,
            "--role",
            role,
            "--tz",
            "UTC",
            "--now",
            "2026-05-04T09:00",
        ]);
    }
    for handle in ["hooli-frontend", "acme-backend"] {
        t.ok(&[
            "log",
            handle,
            "interview",
            "--at",
            "2026-05-11 10:00",
            "--with",
            "Ana Souza",
            "--now",
            "2026-05-11T12:00",
        ]);
    }
    t.ok(&[
        "log",
        "globex-designer",
        "applied",
        "--at",
        "2026-05-11 10:00",
        "--now",
        "2026-05-11T12:00",
    ]);
    t
}

fn advice(t: &Tracker, handle: &str) -> Value {
    t.json(&["show", handle, "--now", NOW])["advice"].clone()
}

fn action(t: &Tracker, handle: &str) -> String {
    advice(t, handle)["action"].as_str().unwrap().to_owned()
}

/// Every process's action, as `next --json` gives them (handles in order).
fn agenda(t: &Tracker) -> Vec<(String, String)> {
    let next = t.json(&["next", "--now", NOW]);
    let mut items: Vec<(String, String)> = next
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["handle"].as_str().unwrap().to_owned(),
                i["advice"]["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    items.sort();
    items
}

#[test]
fn an_offer_turns_the_others_to_align_and_each_step_undoes() {
    let t = three();
    let before = agenda(&t);
    assert_eq!(action(&t, "acme-backend"), "wait");

    // Hooli's offer: Acme (interviewed) aligns, Globex (only applied) does not.
    t.ok(&[
        "log",
        "hooli-frontend",
        "offer",
        "--at",
        "2026-05-12 16:00",
        "--deadline",
        "2026-05-22",
        "--now",
        NOW,
    ]);
    let acme = advice(&t, "acme-backend");
    assert_eq!(acme["action"], "align-decision", "{acme}");
    assert_eq!(acme["rule"], "real-change");
    assert_eq!(acme["due"], "2026-05-12");
    assert_eq!(action(&t, "hooli-frontend"), "respond-offer");
    assert_eq!(action(&t, "globex-designer"), "none");

    // `show` names where the change comes from; it is not in Acme's stored timeline.
    let shown = t.ok(&["show", "acme-backend", "--now", NOW]);
    assert!(
        shown.contains("Hooli's offer, deadline Friday 22 May — from hooli-frontend"),
        "{shown}"
    );
    let json = t.json(&["show", "acme-backend", "--now", NOW]);
    assert_eq!(json["from_other_processes"].as_array().unwrap().len(), 1);
    let events = json["process"]["events"].as_array().unwrap();
    assert!(
        events.iter().all(|e| e["type"] != "context-change"),
        "{json}"
    );
    let exported = t.ok(&["export"]);
    assert!(!exported.contains("context-change"), "{exported}");
    assert!(!exported.contains("competing-offer"), "{exported}");

    // The align draft states the change and its deadline, naming no company but Acme.
    let draft = t.ok(&["draft", "acme-backend", "--now", NOW]);
    assert!(draft.contains("another offer"), "{draft}");
    assert!(!draft.contains("Hooli"), "{draft}");
    // check --process reads the same change: mentioning the offer is no leverage.
    let message = t.dir().join("align.txt");
    std::fs::write(&message, draft.split_once("\n\n").unwrap().1).unwrap();
    let review = t
        .cmd(&[
            "check",
            "--process",
            "acme-backend",
            "--now",
            NOW,
            "--json",
            message.to_str().unwrap(),
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let review: Value = serde_json::from_slice(&review).unwrap();
    assert_eq!(review["kind"], "align", "{review}");
    assert_eq!(review["verdict"], "strong", "{review}");

    // Closing Hooli declined takes the change back; undo brings it back.
    t.ok(&["close", "hooli-frontend", "declined", "--now", NOW]);
    assert_eq!(action(&t, "acme-backend"), "wait");
    let shown = t.ok(&["show", "acme-backend", "--now", NOW]);
    assert!(!shown.contains("Hooli's offer"), "{shown}");
    t.ok(&["undo", "--now", NOW]);
    assert_eq!(action(&t, "acme-backend"), "align-decision");

    // Undoing the offer leaves the agenda as it was.
    t.ok(&["undo", "--now", NOW]);
    assert_eq!(agenda(&t), before);
}

#[test]
fn a_hire_turns_the_others_to_withdraw_until_the_withdrawal_is_logged() {
    let t = three();
    t.ok(&[
        "log",
        "hooli-frontend",
        "offer",
        "--at",
        "2026-05-12 16:00",
        "--deadline",
        "2026-05-22",
        "--now",
        NOW,
    ]);
    let before = agenda(&t);
    t.ok(&["close", "hooli-frontend", "hired", "--now", NOW]);

    // Every other open process: withdraw, due the day of the close, kind withdraw.
    for handle in ["acme-backend", "globex-designer"] {
        let a = advice(&t, handle);
        assert_eq!(a["action"], "withdraw", "{handle}: {a}");
        assert_eq!(a["rule"], "accepted-elsewhere");
        assert_eq!(a["due"], "2026-05-13");
        assert_eq!(a["kind"], "withdraw");
    }
    let next = t.ok(&["next", "--now", NOW]);
    let your_move = next.split("\n\n").next().unwrap();
    assert!(
        your_move.starts_with("Your move")
            && your_move
                .lines()
                .any(|l| l.contains("acme-backend") && l.contains("Withdraw, due today")),
        "{next}"
    );
    let shown = t.ok(&["show", "acme-backend", "--now", NOW]);
    assert!(shown.contains("you accepted Hooli's offer"), "{shown}");
    let list = t.ok(&["list", "--all", "--now", NOW]);
    assert!(list.contains("closed: hired"), "{list}");

    // The withdraw draft thanks by name, names no other company, asks nothing.
    let draft = t.ok(&["draft", "acme-backend", "--now", NOW]);
    assert!(draft.contains("Ana"), "{draft}");
    assert!(!draft.contains("Hooli") && !draft.contains('?'), "{draft}");

    // `sent` without a kind records what the advice asks for: a withdrawal, which closes it.
    let logged = t.ok(&["log", "acme-backend", "sent", "--now", NOW]);
    assert!(logged.contains("withdraw"), "{logged}");
    assert_eq!(action(&t, "acme-backend"), "none");
    // A process's stage, as `list --all` shows it.
    let stage = |handle: &str| {
        let list = t.json(&["list", "--all", "--now", NOW]);
        let row = list
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["handle"] == handle);
        row.unwrap()["stage"].clone()
    };
    assert_eq!(stage("acme-backend"), "closed: withdrew");
    assert_eq!(action(&t, "globex-designer"), "withdraw");

    // `draft --log` of the withdrawal closes the process too, in one change.
    t.ok(&["draft", "globex-designer", "--log", "--now", NOW]);
    assert_eq!(stage("globex-designer"), "closed: withdrew");
    t.ok(&["undo", "--now", NOW]);
    assert_eq!(action(&t, "globex-designer"), "withdraw");

    // One undo reverses the withdrawal and its close; another, the hire.
    t.ok(&["undo", "--now", NOW]);
    assert_eq!(action(&t, "acme-backend"), "withdraw");
    t.ok(&["undo", "--now", NOW]);
    assert_eq!(agenda(&t), before);
}

#[test]
fn a_file_is_advised_on_its_own() {
    let t = three();
    t.ok(&[
        "log",
        "hooli-frontend",
        "offer",
        "--at",
        "2026-05-12 16:00",
        "--now",
        NOW,
    ]);
    let exported: Value = serde_json::from_str(&t.ok(&["export"])).unwrap();
    let acme = exported["processes"]
        .as_array()
        .or_else(|| exported.as_array())
        .unwrap()
        .iter()
        .find(|p| p["handle"] == "acme-backend")
        .unwrap()
        .clone();
    let file = t.dir().join("acme.json");
    std::fs::write(&file, acme.to_string()).unwrap();
    let advised = t.json(&["advise", file.to_str().unwrap(), "--now", NOW]);
    assert_eq!(advised["action"], "wait", "{advised}");
    let drafted = t
        .cmd(&["draft", file.to_str().unwrap(), "--now", NOW])
        .assert()
        .code(3);
    drop(drafted);
    assert_eq!(action(&t, "acme-backend"), "align-decision");
}

#[test]
fn sent_without_a_kind_takes_the_advised_one_or_says_to_name_it() {
    let t = three();
    // Acme waits for a follow-up (five business days after the interview): the kind awaited.
    let logged = t.json(&["log", "acme-backend", "sent", "--now", NOW]);
    assert_eq!(logged["events"][0]["kind"], "follow-up", "{logged}");
    // Globex's application awaits their answer: no message is asked for.
    let err = t.fails(&["log", "globex-designer", "sent", "--now", NOW]);
    assert!(err.contains("KIND"), "{err}");
    assert!(err.contains("followup log globex-designer sent"), "{err}");
}

#[test]
fn check_with_a_process_takes_the_kind_from_the_advice() {
    let t = three();
    t.ok(&[
        "log",
        "acme-backend",
        "interview",
        "--at",
        "2026-05-13 10:00",
        "--rapport",
        "personal",
        "--now",
        NOW,
    ]);
    let message = t.dir().join("thanks.txt");
    std::fs::write(
        &message,
        "Hi Ana,\n\nThank you for the conversation today about the Backend Engineer role. I \
         enjoyed hearing how the team works.\n\nBest regards,\nMaria",
    )
    .unwrap();
    let out = t
        .cmd(&[
            "check",
            "--process",
            "acme-backend",
            "--now",
            NOW,
            "--json",
            message.to_str().unwrap(),
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let review: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(review["kind"], "thank-you", "{review}");
    let rules: Vec<&str> = review["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.iter().any(|r| r.starts_with("timing.")), "{review}");
    // Without --process the default stays a follow-up.
    let out = t
        .cmd(&["check", "--json", message.to_str().unwrap()])
        .output()
        .unwrap();
    let review: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(review["kind"], "follow-up");
}

#[test]
fn drafts_for_answers_and_booked_interviews() {
    let t = three();
    t.ok(&[
        "log",
        "acme-backend",
        "reply",
        "--asks",
        "schedule",
        "--at",
        "2026-05-12 10:00",
        "--now",
        NOW,
    ]);
    let run = t
        .cmd(&["draft", "acme-backend", "--now", NOW])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let skeleton = String::from_utf8(run).unwrap();
    assert!(skeleton.contains("[your answer]"), "{skeleton}");
    assert!(skeleton.contains("times"), "{skeleton}");
    assert!(
        skeleton.contains("Thank you for your message"),
        "{skeleton}"
    );

    // Booked: nothing to draft, exit 3 with the advice.
    t.ok(&[
        "log",
        "acme-backend",
        "interview",
        "--on",
        "friday 15:00",
        "--now",
        NOW,
    ]);
    let out = t
        .cmd(&["draft", "acme-backend", "--now", NOW])
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("prepare for your interview"), "{out}");
    let next = t.ok(&["next", "--now", NOW]);
    assert!(
        next.contains("Coming up\n  acme-backend     interview on Friday 15 May at 15:00"),
        "{next}"
    );
    let list = t.json(&["list", "--now", NOW]);
    let stages: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["stage"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["interviewing", "interviewing", "applied"]);
}
