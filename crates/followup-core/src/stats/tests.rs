//! Every stats definition on small hand-made processes.

use super::*;
use crate::advisor::advise;
use crate::document::{ZoneDefault, parse_document};
use crate::policy::Policy;
use jiff::tz::{TimeZone, TimeZoneDatabase};

/// A process in São Paulo with these events (JSON objects, comma-separated).
fn process(events: &str) -> Process {
    let text = format!(
        r#"{{"format":2,"company":"Acme","role":"Backend Engineer","timezone":"America/Sao_Paulo","events":[{events}]}}"#
    );
    let default = ZoneDefault {
        name: "UTC".into(),
        zone: TimeZone::UTC,
        source: crate::TimezoneSource::System,
    };
    parse_document(&text, &TimeZoneDatabase::bundled(), &default).unwrap()
}

fn now(text: &str) -> Timestamp {
    let zone = TimeZoneDatabase::bundled()
        .get("America/Sao_Paulo")
        .unwrap();
    crate::time::parse_now(text, &zone, "America/Sao_Paulo").unwrap()
}

/// The stats of `processes` at `at`, each advised at `at` with the default policy.
fn stats_at(processes: &[Process], at: &str) -> Stats {
    let at = now(at);
    let advice: Vec<Advice> = processes
        .iter()
        .map(|p| advise(p, &Policy::default(), at))
        .collect();
    stats(processes.iter().zip(&advice), at)
}

const INTERVIEW: &str = r#"{"type":"interview","at":"2026-05-05T14:00:00"}"#;

fn sent(at: &str, kind: &str) -> String {
    format!(r#"{{"type":"sent","at":"{at}","kind":"{kind}"}}"#)
}

fn reply(at: &str) -> String {
    format!(r#"{{"type":"reply","at":"{at}"}}"#)
}

fn promise(at: &str, by: &str) -> String {
    format!(r#"{{"type":"promise","at":"{at}","by":"{by}"}}"#)
}

fn events(list: &[&str]) -> String {
    list.join(",")
}

// A message got a reply when a reply, offer or interview came after it and before the
// user's next message.

#[test]
fn a_reply_after_the_message_answers_it() {
    let p = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "follow-up"),
        &reply("2026-05-12T10:00:00"),
    ]));
    let s = stats_at(&[p], "2026-05-20");
    assert_eq!(s.reply_rate.follow_up, Rate { hits: 1, of: 1 });
}

#[test]
fn a_reply_after_the_next_message_answers_only_the_next() {
    let p = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "follow-up"),
        &sent("2026-05-14T10:00:00", "final"),
        &reply("2026-05-15T10:00:00"),
    ]));
    let s = stats_at(&[p], "2026-05-20");
    assert_eq!(s.reply_rate.follow_up, Rate { hits: 0, of: 1 });
    assert_eq!(s.reply_rate.final_attempt, Rate { hits: 1, of: 1 });
}

#[test]
fn an_offer_or_an_interview_is_a_reply_too() {
    let offer = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "follow-up"),
        r#"{"type":"offer","at":"2026-05-12T10:00:00"}"#,
    ]));
    let interview = process(&events(&[
        INTERVIEW,
        &sent("2026-05-05T18:00:00", "thank-you"),
        r#"{"type":"interview","at":"2026-05-08T10:00:00"}"#,
    ]));
    let s = stats_at(&[offer, interview], "2026-05-20");
    assert_eq!(s.reply_rate.follow_up, Rate { hits: 1, of: 1 });
    assert_eq!(s.reply_rate.thank_you, Rate { hits: 1, of: 1 });
}

#[test]
fn what_came_before_or_is_still_to_come_is_no_reply() {
    // A reply before the message, and an interview booked after now.
    let p = process(&events(&[
        INTERVIEW,
        &reply("2026-05-06T10:00:00"),
        &sent("2026-05-13T10:00:00", "follow-up"),
        r#"{"type":"interview","at":"2026-05-25T10:00:00"}"#,
    ]));
    let s = stats_at(&[p], "2026-05-20");
    assert_eq!(s.reply_rate.follow_up, Rate { hits: 0, of: 1 });
    assert_eq!(s.median_business_days_to_reply, None);
}

// reply_rate by kind: replied ÷ sent, for thank-you, follow-up, final, align.

#[test]
fn reply_rates_are_per_kind_and_null_when_nothing_was_sent() {
    let answered = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "follow-up"),
        &reply("2026-05-12T10:00:00"),
    ]));
    let silent = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "follow-up"),
    ]));
    let other = process(&events(&[
        INTERVIEW,
        &sent("2026-05-06T10:00:00", "other"),
        &reply("2026-05-07T10:00:00"),
    ]));
    let s = stats_at(&[answered, silent, other], "2026-05-20");
    assert_eq!(s.reply_rate.follow_up, Rate { hits: 1, of: 2 });
    assert_eq!(s.reply_rate.follow_up.ratio(), Some(0.5));
    assert_eq!(s.reply_rate.thank_you.ratio(), None);
    assert_eq!(s.reply_rate.final_attempt.ratio(), None);
    assert_eq!(s.reply_rate.align.ratio(), None);
    let json = serde_json::to_value(&s.reply_rate).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"thank-you": null, "follow-up": 0.5, "final": null, "align": null})
    );
}

// reply_rate_by_delay: follow-ups by business days after the promised date (or the anchor).

/// A follow-up sent `on` after the promise of Tuesday 5 May for Friday 8 May.
fn promised_and_followed_up(on: &str, replied: bool) -> Process {
    let mut list = vec![
        INTERVIEW.to_owned(),
        promise("2026-05-05T15:00:00", "2026-05-08"),
        sent(&format!("{on}T10:00:00"), "follow-up"),
    ];
    if replied {
        list.push(reply(&format!("{on}T16:00:00")));
    }
    process(&list.join(","))
}

#[test]
fn follow_ups_are_grouped_by_business_days_after_the_promise() {
    let processes = [
        promised_and_followed_up("2026-05-07", true), // before the date: 0
        promised_and_followed_up("2026-05-08", false), // on the date: 0
        promised_and_followed_up("2026-05-11", true), // Monday: 1
        promised_and_followed_up("2026-05-12", true), // 2
        promised_and_followed_up("2026-05-13", false), // 3
        promised_and_followed_up("2026-05-15", true), // 5
        promised_and_followed_up("2026-05-18", false), // 6
    ];
    let d = stats_at(&processes, "2026-06-30").reply_rate_by_delay;
    assert_eq!(d.on_the_day, Rate { hits: 1, of: 2 });
    assert_eq!(d.one, Rate { hits: 1, of: 1 });
    assert_eq!(d.two, Rate { hits: 1, of: 1 });
    assert_eq!(d.three_to_five, Rate { hits: 1, of: 2 });
    assert_eq!(d.over_five, Rate { hits: 0, of: 1 });
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"0": 0.5, "1": 1.0, "2": 1.0, "3-5": 0.5, "over-5": 0.0})
    );
}

#[test]
fn without_a_promise_the_delay_counts_from_the_anchor() {
    // Interview Tuesday 5 May, no promise, follow-up Tuesday 12 May: 5 business days.
    let p = process(&events(&[
        INTERVIEW,
        &sent("2026-05-12T10:00:00", "follow-up"),
    ]));
    let d = stats_at(&[p], "2026-05-20").reply_rate_by_delay;
    assert_eq!(d.three_to_five, Rate { hits: 0, of: 1 });
    // A promise made before their latest reply is no longer in force: the reply anchors.
    let p = process(&events(&[
        INTERVIEW,
        &promise("2026-05-05T15:00:00", "2026-05-08"),
        &reply("2026-05-11T10:00:00"),
        &sent("2026-05-12T10:00:00", "follow-up"),
    ]));
    let d = stats_at(&[p], "2026-05-20").reply_rate_by_delay;
    assert_eq!(d.one, Rate { hits: 0, of: 1 });
}

#[test]
fn only_follow_ups_are_grouped_by_delay() {
    let p = process(&events(&[
        INTERVIEW,
        &promise("2026-05-05T15:00:00", "2026-05-08"),
        &sent("2026-05-11T10:00:00", "final"),
    ]));
    let d = stats_at(&[p], "2026-05-20").reply_rate_by_delay;
    assert_eq!(d, DelayRates::default());
}

// median_business_days_to_reply: from each message that got a reply to that reply.

#[test]
fn the_median_counts_business_days_to_each_reply() {
    // Friday → Monday is one business day; Monday → Wednesday two; Monday → Friday four.
    let friday = process(&events(&[
        INTERVIEW,
        &sent("2026-05-08T10:00:00", "follow-up"),
        &reply("2026-05-11T10:00:00"),
    ]));
    let two = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "follow-up"),
        &reply("2026-05-13T10:00:00"),
    ]));
    let four = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "reply"),
        &reply("2026-05-15T10:00:00"),
    ]));
    let odd = stats_at(&[friday.clone(), two.clone(), four], "2026-05-20");
    assert_eq!(odd.median_business_days_to_reply, Some(2.0));
    let even = stats_at(&[friday, two], "2026-05-20");
    assert_eq!(even.median_business_days_to_reply, Some(1.5));
    assert_eq!(
        stats_at(&[], "2026-05-20").median_business_days_to_reply,
        None
    );
}

// went_silent: closed no-answer, or move-on by unanswered-limit or went-quiet.

#[test]
fn went_silent_is_the_share_of_processes_ending_in_silence() {
    let closed_no_answer = process(&events(&[
        INTERVIEW,
        r#"{"type":"closed","at":"2026-05-10T10:00:00","outcome":"no-answer"}"#,
    ]));
    let unanswered_limit = process(&events(&[
        INTERVIEW,
        &sent("2026-05-12T10:00:00", "follow-up"),
        &sent("2026-05-15T10:00:00", "final"),
    ]));
    // A follow-up due on 12 May, still unsent on 20 June: went quiet.
    let went_quiet = process(INTERVIEW);
    let rejected = process(&events(&[
        INTERVIEW,
        r#"{"type":"closed","at":"2026-05-10T10:00:00","outcome":"rejected"}"#,
    ]));
    let waiting = process(&events(&[
        r#"{"type":"interview","at":"2026-06-18T10:00:00"}"#,
        &promise("2026-06-18T11:00:00", "2026-06-26"),
    ]));
    let all = [
        closed_no_answer,
        unanswered_limit,
        went_quiet,
        rejected,
        waiting,
    ];
    let at = now("2026-06-20");
    let advice: Vec<Advice> = all
        .iter()
        .map(|p| advise(p, &Policy::default(), at))
        .collect();
    assert_eq!(advice[1].rule, Rule::UnansweredLimit);
    assert_eq!(advice[2].rule, Rule::WentQuiet);
    let s = stats(all.iter().zip(&advice), at);
    assert_eq!(s.went_silent, Rate { hits: 3, of: 5 });
    assert_eq!(s.went_silent.ratio(), Some(0.6));
    assert_eq!(stats_at(&[], "2026-06-20").went_silent.ratio(), None);
}

// funnel: applied (or any later stage), interviewed, offered, hired.

#[test]
fn the_funnel_counts_each_stage_reached_and_never_widens() {
    let applied = process(r#"{"type":"applied","at":"2026-05-01T10:00:00"}"#);
    let interviewed = process(INTERVIEW); // no application logged: still applied
    let offered = process(r#"{"type":"offer","at":"2026-05-07T10:00:00"}"#);
    let hired = process(r#"{"type":"closed","at":"2026-05-09T10:00:00","outcome":"hired"}"#);
    let booked_only = process(r#"{"type":"interview","at":"2026-06-25T10:00:00"}"#);
    let reached_out = process(&reply("2026-05-04T10:00:00"));
    let s = stats_at(
        &[
            applied,
            interviewed,
            offered,
            hired,
            booked_only,
            reached_out,
        ],
        "2026-05-20",
    );
    assert_eq!(
        s.funnel,
        Funnel {
            applied: 4,
            interviewed: 3,
            offered: 2,
            hired: 1
        }
    );
}

// by_outcome: counts per close outcome, plus open.

#[test]
fn outcomes_are_counted_with_the_open_processes() {
    let closed = |outcome: &str| {
        process(&format!(
            r#"{INTERVIEW},{{"type":"closed","at":"2026-05-10T10:00:00","outcome":"{outcome}"}}"#
        ))
    };
    let reopened = process(&events(&[
        INTERVIEW,
        r#"{"type":"closed","at":"2026-05-10T10:00:00","outcome":"rejected"}"#,
        r#"{"type":"reopened","at":"2026-05-12T10:00:00"}"#,
    ]));
    let withdrawn = process(&events(&[
        INTERVIEW,
        &sent("2026-05-11T10:00:00", "withdraw"),
    ]));
    let s = stats_at(
        &[
            closed("hired"),
            closed("rejected"),
            closed("rejected"),
            closed("withdrew"),
            closed("no-answer"),
            closed("declined"),
            reopened,
            withdrawn,
            process(INTERVIEW),
        ],
        "2026-05-20",
    );
    assert_eq!(s.processes, 9);
    assert_eq!(
        s.by_outcome,
        ByOutcome {
            hired: 1,
            rejected: 2,
            withdrew: 2,
            no_answer: 1,
            declined: 1,
            open: 2
        }
    );
}

#[test]
fn the_json_has_exactly_the_keys_of_stats_json() {
    let s = stats_at(&[process(INTERVIEW)], "2026-05-06");
    let json = serde_json::to_value(&s).unwrap();
    let keys: std::collections::BTreeSet<&str> = json
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    let expected = std::collections::BTreeSet::from([
        "processes",
        "by_outcome",
        "funnel",
        "reply_rate",
        "reply_rate_by_delay",
        "median_business_days_to_reply",
        "went_silent",
    ]);
    assert_eq!(keys, expected);
    assert_eq!(
        json["by_outcome"],
        serde_json::json!({"hired": 0, "rejected": 0, "withdrew": 0, "no-answer": 0, "declined": 0, "open": 1})
    );
    assert_eq!(
        json["funnel"],
        serde_json::json!({"applied": 1, "interviewed": 1, "offered": 0, "hired": 0})
    );
    assert_eq!(
        json["median_business_days_to_reply"],
        serde_json::Value::Null
    );
    assert_eq!(json["went_silent"], serde_json::json!(0.0));
}
