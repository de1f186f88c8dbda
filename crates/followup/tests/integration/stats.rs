//! `followup stats` over a tracker with known counts: every figure of the JSON contract and
//! the text form that prints them.

use crate::tracker::Tracker;

/// Acme answers a follow-up sent one business day after its Friday promise; Globex never
/// answers one sent four business days late and is closed `no-answer`; Initech rejects the
/// application.
fn search() -> Tracker {
    let t = Tracker::new();
    let acme = t.acme(); // interview Tue 5 May, promise by Fri 8 May
    let now = ["--now", "2026-05-20T12:00"];
    let log = |handle: &str, args: &[&str]| {
        let mut all = vec!["log", handle];
        all.extend_from_slice(args);
        all.extend_from_slice(&now);
        t.ok(&all);
    };
    log(&acme, &["sent", "follow-up", "--at", "2026-05-11 10:00"]);
    log(&acme, &["reply", "--at", "2026-05-13 16:00"]);

    let globex = t.ok(&[
        "add",
        "Globex",
        "--role",
        "Designer",
        "--tz",
        "UTC",
        "--now",
        "2026-05-05",
    ]);
    let globex = globex.lines().next().unwrap().to_owned();
    log(&globex, &["interview", "--at", "2026-05-05 11:00"]);
    log(
        &globex,
        &["promise", "2026-05-08", "--at", "2026-05-05 12:00"],
    );
    log(&globex, &["sent", "follow-up", "--at", "2026-05-14 10:00"]);
    t.ok(&["close", &globex, "no-answer", "--now", "2026-05-20T12:00"]);

    let initech = t.ok(&[
        "add",
        "Initech",
        "--role",
        "SRE",
        "--tz",
        "UTC",
        "--now",
        "2026-05-01",
    ]);
    let initech = initech.lines().next().unwrap().to_owned();
    log(&initech, &["applied", "--at", "2026-05-01 09:00"]);
    t.ok(&["close", &initech, "rejected", "--now", "2026-05-20T12:00"]);
    t
}

#[test]
fn stats_json_has_exactly_the_contract_keys_and_known_counts() {
    let t = search();
    let stats = t.json(&["stats", "--now", "2026-06-01"]);
    let keys: Vec<&str> = stats
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [
            "by_outcome",
            "funnel",
            "median_business_days_to_reply",
            "processes",
            "reply_rate",
            "reply_rate_by_delay",
            "went_silent"
        ]
    );
    assert_eq!(stats["processes"], 3);
    assert_eq!(stats["by_outcome"]["open"], 1);
    assert_eq!(stats["by_outcome"]["no-answer"], 1);
    assert_eq!(stats["by_outcome"]["rejected"], 1);
    assert_eq!(stats["by_outcome"]["hired"], 0);
    assert_eq!(stats["funnel"]["applied"], 3);
    assert_eq!(stats["funnel"]["interviewed"], 2);
    assert_eq!(stats["funnel"]["offered"], 0);
    assert_eq!(stats["reply_rate"]["follow-up"], 0.5);
    assert!(stats["reply_rate"]["thank-you"].is_null(), "{stats}");
    assert_eq!(stats["reply_rate_by_delay"]["1"], 1.0);
    assert_eq!(stats["reply_rate_by_delay"]["3-5"], 0.0);
    assert!(stats["reply_rate_by_delay"]["0"].is_null(), "{stats}");
    assert_eq!(stats["median_business_days_to_reply"], 2.0);
    let silent = stats["went_silent"].as_f64().unwrap();
    assert!((silent - 1.0 / 3.0).abs() < 1e-9, "{silent}");
}

#[test]
fn stats_text_prints_each_rate_with_its_counts() {
    let t = search();
    let out = t.ok(&["stats", "--now", "2026-06-01"]);
    assert!(
        out.contains("Processes: 3 (1 open, 0 hired, 1 rejected"),
        "{out}"
    );
    assert!(
        out.contains("Funnel: applied 3 → interviewed 2 → offered 0 → hired 0"),
        "{out}"
    );
    assert!(out.contains("follow-up 1/2 (50%)"), "{out}");
    assert!(out.contains("thank-you —"), "{out}");
    assert!(
        out.contains("Median time to a reply: 2 business days"),
        "{out}"
    );
    assert!(out.contains("Went silent: 1 of 3 processes (33%)"), "{out}");
}

#[test]
fn stats_on_an_empty_tracker_says_how_to_start() {
    let t = Tracker::new();
    let out = t.ok(&["stats", "--now", "2026-06-01"]);
    assert!(out.starts_with("Nothing tracked yet."), "{out}");
    let json = t.json(&["stats", "--now", "2026-06-01"]);
    assert_eq!(json["processes"], 0);
    assert!(json["reply_rate"]["follow-up"].is_null());
}
