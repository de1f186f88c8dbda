//! What a newcomer tripped over, through the real binary: a past interview logged on the day
//! of a booked one completes the booking (no duplicate), and `list` words its advice as
//! `next` does.

use crate::tracker::Tracker;

/// Globex, applied, with a technical interview booked on Monday for Tuesday 2 June 10:00.
fn globex_booked(t: &Tracker) -> String {
    let handle = t.ok(&[
        "add",
        "Globex",
        "--role",
        "Product",
        "--applied",
        "2026-05-25",
        "--now",
        "2026-06-01T09:00",
    ]);
    let handle = handle.lines().next().unwrap().to_owned();
    t.ok(&[
        "log",
        &handle,
        "interview",
        "--on",
        "tuesday 10:00",
        "--stage",
        "technical",
        "--with",
        "Ana",
        "--now",
        "2026-06-01T09:10",
    ]);
    handle
}

fn interviews(t: &Tracker, handle: &str, now: &str) -> Vec<serde_json::Value> {
    let shown = t.json(&["show", handle, "--now", now]);
    let events = shown["process"]["events"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    events
        .into_iter()
        .filter(|e| e["type"] == "interview")
        .collect()
}

#[test]
fn logging_a_booked_interview_that_took_place_updates_the_booking() {
    let t = Tracker::new();
    let h = globex_booked(&t);
    let out = t.ok(&[
        "log",
        &h,
        "interview",
        "--at",
        "10:00",
        "--rapport",
        "back-and-forth",
        "--topic",
        "roadmap",
        "--now",
        "2026-06-02T11:00",
    ]);
    assert!(
        out.starts_with("Updated the booked interview #2 (Tuesday 2 June at 10:00)"),
        "{out}"
    );
    assert!(out.contains("back-and-forth; stage: technical; topics: roadmap; with Ana"));
    assert!(
        out.contains("thank-you"),
        "a personal interview asks for one: {out}"
    );
    let now = "2026-06-02T11:30";
    let after = interviews(&t, &h, now);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(after[0]["rapport"], "back-and-forth");
    assert_eq!(after[0]["stage"], "technical");
    // One change: one undo brings the booking back as it was.
    t.ok(&["undo", "--now", now]);
    let undone = interviews(&t, &h, now);
    assert_eq!(undone.len(), 1, "{undone:?}");
    assert_eq!(undone[0]["rapport"], "formal");
    assert!(
        undone[0]
            .get("topics")
            .is_none_or(|v| v.as_array().is_some_and(Vec::is_empty))
    );
}

#[test]
fn an_interview_logged_after_the_fact_or_on_another_day_is_not_a_booking() {
    let t = Tracker::new();
    let h = globex_booked(&t);
    // Another day: a second interview.
    t.ok(&[
        "log",
        &h,
        "interview",
        "--at",
        "2026-06-01 08:00",
        "--now",
        "2026-06-01T09:20",
    ]);
    assert_eq!(interviews(&t, &h, "2026-06-01T09:30").len(), 2);
    // The booking completed, a second log that day is a second interview (the first was
    // written after it took place, so it was no booking).
    let now = "2026-06-02T16:00";
    let first = t.ok(&["log", &h, "interview", "--at", "10:00", "--now", now]);
    assert!(first.starts_with("Updated the booked interview"), "{first}");
    let second = t.ok(&["log", &h, "interview", "--at", "14:00", "--now", now]);
    assert!(second.starts_with("interview: "), "{second}");
    assert_eq!(interviews(&t, &h, now).len(), 3);
}

#[test]
fn list_words_the_advice_as_next_does() {
    let t = Tracker::new();
    let h = globex_booked(&t);
    let now = ["--now", "2026-06-01T09:30"];
    let list = t.ok(&[&["list"][..], &now].concat());
    assert!(list.contains("interview on Tue 2 Jun at 10:00"), "{list}");
    let applied = t.ok(&[
        "add",
        "Initech",
        "--role",
        "Ops",
        "--applied",
        "yesterday",
        now[0],
        now[1],
    ]);
    let applied = applied.lines().next().unwrap().to_owned();
    t.ok(&[
        "log",
        &h,
        "interview",
        "--at",
        "10:00",
        "--now",
        "2026-06-02T11:00",
    ]);
    let later = ["--now", "2026-06-05T09:00"];
    let list = t.ok(&[&["list"][..], &later].concat());
    let next = t.ok(&[&["next"][..], &later].concat());
    for words in [
        "waiting for an answer to your application",
        ", then follow up",
    ] {
        assert!(list.contains(words), "list: {list}");
        assert!(next.contains(words), "next: {next}");
    }
    t.ok(&["close", &applied, "rejected", later[0], later[1]]);
    let all = t.ok(&[&["list", "--all"][..], &later].concat());
    assert!(all.contains("nothing to do"), "{all}");
    for internal in ["none (", "applied-waiting", "follow-up", "move-on"] {
        assert!(!all.contains(internal), "{internal}: {all}");
    }
}
