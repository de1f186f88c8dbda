//! Unit tests per decision step, including the worked example of the README.

use super::*;
use crate::document::{ZoneDefault, parse_document};
use jiff::tz::{TimeZone, TimeZoneDatabase};

fn process(events: &str) -> Process {
    process_with(events, r#""timezone":"America/Sao_Paulo""#)
}

fn process_with(events: &str, extra: &str) -> Process {
    let text =
        format!(r#"{{"company":"Acme","role":"Backend Engineer",{extra},"events":[{events}]}}"#);
    let default = ZoneDefault {
        name: "UTC".into(),
        zone: TimeZone::UTC,
        source: crate::TimezoneSource::System,
    };
    parse_document(&text, &TimeZoneDatabase::bundled(), &default).unwrap()
}

fn at(p: &Process, when: &str) -> Timestamp {
    crate::time::parse_now(when, &p.timezone, &p.timezone_name).unwrap()
}

fn advice(p: &Process, now: &str) -> Advice {
    advise(p, &Policy::default(), at(p, now))
}

fn d(text: &str) -> Date {
    text.parse().unwrap()
}

const INTERVIEW: &str = r#"{"type":"interview","at":"2026-05-05T14:00"}"#;
const PROMISE: &str = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-08"}"#;
const FOLLOW_UP: &str = r#"{"type":"sent","at":"2026-05-11T10:00","kind":"follow-up"}"#;
const FINAL: &str = r#"{"type":"sent","at":"2026-05-14T10:00","kind":"final"}"#;

#[test]
fn worked_example_waits_then_follows_up() {
    let p = process(&[INTERVIEW, PROMISE].join(","));
    let a = advice(&p, "2026-05-06");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-11"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert_eq!(a.rule, Rule::PromisePassed);
    assert_eq!(
        a.headline(),
        "Wait until Monday 11 May — they promised an answer by Friday 8 May. Then send one short follow-up."
    );
    let a = advice(&p, "2026-05-11");
    assert_eq!(
        a.action,
        Action::Act {
            step: Step::FollowUp,
            due: d("2026-05-11"),
            by: None
        }
    );
}

#[test]
fn worked_example_final_then_move_on() {
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP].join(","));
    let a = advice(&p, "2026-05-13");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-14"),
            then: Then::Step(Step::FinalFollowUp)
        }
    );
    assert_eq!(a.rule, Rule::MessageSpacing);
    let a = advice(&p, "2026-05-14");
    assert_eq!(
        a.action,
        Action::Act {
            step: Step::FinalFollowUp,
            due: d("2026-05-14"),
            by: None
        }
    );
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, FINAL].join(","));
    let a = advice(&p, "2026-05-15");
    assert_eq!(a.action, Action::MoveOn);
    assert_eq!(a.rule, Rule::UnansweredLimit);
}

#[test]
fn a_reply_with_a_new_promise_restarts_the_cycle() {
    let reply = r#"{"type":"reply","at":"2026-05-12T11:00"},{"type":"promise","at":"2026-05-12T11:00","by":"2026-05-22"}"#;
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, reply].join(","));
    let a = advice(&p, "2026-05-13");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-25"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert_eq!(
        advice(&p, "2026-05-25").action.due_step(),
        Some(Step::FollowUp)
    );
}

#[test]
fn a_reply_after_the_final_reopens_the_cycle() {
    let reply = r#"{"type":"reply","at":"2026-05-18T11:00"}"#;
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, FINAL, reply].join(","));
    // No promise in force after the reply: five business days after it.
    let a = advice(&p, "2026-05-19");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-25"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert_eq!(a.rule, Rule::NoPromise);
}

#[test]
fn holidays_push_the_follow_up() {
    let p = process_with(
        &[INTERVIEW, PROMISE].join(","),
        r#""timezone":"America/Sao_Paulo","holidays":["2026-05-11"]"#,
    );
    let a = advice(&p, "2026-05-11");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-12"),
            then: Then::Step(Step::FollowUp)
        }
    );
}

#[test]
fn closed_and_reopened() {
    let closed = r#"{"type":"closed","at":"2026-05-06T10:00","outcome":"rejected"}"#;
    let p = process(&[INTERVIEW, PROMISE, closed].join(","));
    let a = advice(&p, "2026-05-20");
    assert_eq!((a.action, a.rule), (Action::Nothing, Rule::Closed));
    let reopened = r#"{"type":"reopened","at":"2026-05-07T10:00"}"#;
    let p = process(&[INTERVIEW, PROMISE, closed, reopened].join(","));
    assert_eq!(advice(&p, "2026-05-20").action.name(), "follow-up");
}

#[test]
fn nothing_to_follow_up_without_anchor_or_promise() {
    let p = process(r#"{"type":"sent","at":"2026-05-01T10:00","kind":"other"}"#);
    let a = advice(&p, "2026-05-20");
    assert_eq!((a.action, a.rule), (Action::Nothing, Rule::NothingYet));
    // A promise alone (say, from an application) is enough.
    let p = process(r#"{"type":"promise","at":"2026-05-01T10:00","by":"2026-05-04"}"#);
    assert_eq!(advice(&p, "2026-05-05").action.name(), "follow-up");
}

#[test]
fn no_promise_means_five_business_days_after_the_interview() {
    let p = process(INTERVIEW);
    let a = advice(&p, "2026-05-11");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-12"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert_eq!(a.rule, Rule::NoPromise);
}

#[test]
fn a_new_interview_drops_the_old_promise_and_resets_the_count() {
    let second = r#"{"type":"interview","at":"2026-05-15T10:00"}"#;
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, FINAL, second].join(","));
    let a = advice(&p, "2026-05-18");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-22"),
            then: Then::Step(Step::FollowUp)
        }
    );
}

#[test]
fn thank_you_only_inside_the_window_after_a_warm_interview() {
    let warm = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"personal"}"#;
    let p = process(warm);
    let a = advice(&p, "2026-05-06T13:59");
    assert_eq!(
        a.action,
        Action::Act {
            step: Step::ThankYou,
            due: d("2026-05-05"),
            by: None
        }
    );
    assert_eq!(a.rule, Rule::ThankYouWindow);
    assert_eq!(advice(&p, "2026-05-06T14:00").action.name(), "wait");
    // Before the interview happened, it is booked: nothing to send before it.
    let a = advice(&p, "2026-05-05T13:00");
    assert_eq!(a.rule, Rule::InterviewScheduled);
    assert_eq!(
        a.action,
        Action::UpcomingInterview {
            at: "2026-05-05T14:00".parse().unwrap()
        }
    );
    // A message sent after it closes the window.
    let thanks = r#"{"type":"sent","at":"2026-05-05T18:00","kind":"thank-you"}"#;
    let p = process(&[warm, thanks].join(","));
    assert_eq!(advice(&p, "2026-05-05T20:00").action.name(), "wait");
    // Formal rapport gets a thank-you only when the user wants to reinforce interest.
    let p = process(r#"{"type":"interview","at":"2026-05-05T14:00","reinforce_interest":true}"#);
    assert_eq!(
        advice(&p, "2026-05-05T20:00").action.name(),
        "send-thank-you"
    );
    let p = process(INTERVIEW);
    assert_eq!(advice(&p, "2026-05-05T20:00").action.name(), "wait");
}

#[test]
fn thank_yous_and_other_messages_never_count_as_unanswered() {
    let thanks = r#"{"type":"sent","at":"2026-05-05T18:00","kind":"thank-you"}"#;
    let other = r#"{"type":"sent","at":"2026-05-06T18:00","kind":"other"}"#;
    let p = process(&[INTERVIEW, PROMISE, thanks, other].join(","));
    assert_eq!(advice(&p, "2026-05-11").action.name(), "follow-up");
}

#[test]
fn real_change_asks_for_alignment_until_its_deadline() {
    let change = r#"{"type":"context-change","at":"2026-05-06T12:00","reason":"competing-offer","real":true,"deadline":"2026-05-09"}"#;
    let p = process(&[INTERVIEW, PROMISE, change].join(","));
    let a = advice(&p, "2026-05-07");
    assert_eq!(
        a.action,
        Action::Act {
            step: Step::AlignDecision,
            due: d("2026-05-06"),
            by: None
        }
    );
    assert_eq!(a.rule, Rule::RealChange);
    assert!(
        a.reason().contains("deadline on Saturday 9 May"),
        "{}",
        a.reason()
    );
    // The deadline passed: back to the normal cycle.
    assert_eq!(advice(&p, "2026-05-11").action.name(), "follow-up");
    // Once an align was sent, not again.
    let align = r#"{"type":"sent","at":"2026-05-06T15:00","kind":"align"}"#;
    let p = process(&[INTERVIEW, PROMISE, change, align].join(","));
    let a = advice(&p, "2026-05-07");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-11"),
            then: Then::Step(Step::FinalFollowUp)
        }
    );
}

#[test]
fn unreal_changes_are_ignored_and_said_so() {
    let change = r#"{"type":"context-change","at":"2026-05-06T12:00","reason":"competing-offer","real":false}"#;
    let p = process(&[INTERVIEW, PROMISE, change].join(","));
    let a = advice(&p, "2026-05-07");
    assert_eq!(a.action.name(), "wait");
    assert!(a.reason().contains("not marked real"), "{}", a.reason());
}

#[test]
fn a_change_before_the_anchor_does_not_count() {
    let change = r#"{"type":"context-change","at":"2026-05-04T12:00","reason":"competing-offer","real":true}"#;
    let p = process(&[change, INTERVIEW, PROMISE].join(","));
    assert_eq!(advice(&p, "2026-05-07").action.name(), "wait");
}

#[test]
fn future_events_are_ignored() {
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, FINAL].join(","));
    // On 12 May the final (14 May) has not happened yet.
    let a = advice(&p, "2026-05-12");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-14"),
            then: Then::Step(Step::FinalFollowUp)
        }
    );
}

#[test]
fn now_is_read_in_the_process_zone() {
    // Sunday 10 May 16:00 UTC is already Monday 11 May 01:00 in Tokyo.
    let p = process_with(
        &[INTERVIEW, PROMISE].join(","),
        r#""timezone":"Asia/Tokyo""#,
    );
    let now: Timestamp = "2026-05-10T16:00:00Z".parse().unwrap();
    let a = advise(&p, &Policy::default(), now);
    assert_eq!(
        a.action,
        Action::Act {
            step: Step::FollowUp,
            due: d("2026-05-11"),
            by: None
        }
    );
    // The same instant is still Sunday in São Paulo.
    let p = process(&[INTERVIEW, PROMISE].join(","));
    assert_eq!(advise(&p, &Policy::default(), now).action.name(), "wait");
}

#[test]
fn thank_you_window_is_elapsed_time_across_dst() {
    // New York falls back on 1 Nov 2026: 24 elapsed hours end at 13:00 local, not 14:00.
    let warm = r#"{"type":"interview","at":"2026-10-31T14:00","rapport":"back-and-forth"}"#;
    let p = process_with(warm, r#""timezone":"America/New_York""#);
    assert_eq!(
        advice(&p, "2026-11-01T12:59").action.name(),
        "send-thank-you"
    );
    assert_eq!(advice(&p, "2026-11-01T13:00").action.name(), "wait");
}

#[test]
fn json_omits_fields_that_do_not_apply() {
    let p = process(&[INTERVIEW, PROMISE].join(","));
    let json = serde_json::to_value(advice(&p, "2026-05-06")).unwrap();
    assert_eq!(json["action"], "wait");
    assert_eq!(json["until"], "2026-05-11");
    assert_eq!(json["then"], "follow-up");
    assert_eq!(json["kind"], "follow-up");
    assert_eq!(json["rule"], "promise-passed");
    assert_eq!(json["timezone"], "America/Sao_Paulo");
    assert!(json.get("due").is_none());
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, FINAL].join(","));
    let json = serde_json::to_value(advice(&p, "2026-05-20")).unwrap();
    assert_eq!(json["action"], "move-on");
    assert!(json.get("kind").is_none() && json.get("until").is_none());
}

#[test]
fn policy_numbers_are_honoured() {
    let p = process(INTERVIEW);
    let policy = Policy {
        business_days_without_promise: 2,
        ..Policy::default()
    };
    let a = advise(&p, &policy, at(&p, "2026-05-06"));
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-07"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert!(
        a.reason().contains("Two business days after"),
        "{}",
        a.reason()
    );
    let one = Policy {
        business_days_without_promise: 1,
        ..Policy::default()
    };
    let a = advise(&p, &one, at(&p, "2026-05-06"));
    assert_eq!(
        a.reason(),
        "Nothing was promised, and one business day has passed since your interview on Tuesday 5 May."
    );
}

#[test]
fn an_act_says_why_now_and_a_wait_why_not_yet() {
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP].join(","));
    assert_eq!(
        advice(&p, "2026-05-12").reason(),
        "Your follow-up of Monday 11 May is still unanswered. Give it three business days before writing again."
    );
    assert_eq!(
        advice(&p, "2026-05-14").reason(),
        "Three business days have passed since your follow-up of Monday 11 May without an answer."
    );
}

#[test]
fn a_passed_answer_date_is_said_to_have_passed() {
    let asked =
        r#"{"type":"reply","at":"2026-05-06T10:00","asks":"answer","respond_by":"2026-05-07"}"#;
    let p = process(&[INTERVIEW, asked].join(","));
    assert_eq!(
        advice(&p, "2026-05-07").reason(),
        "On Wednesday 6 May they asked you a question and want your answer by Thursday 7 May. The ball is in your court."
    );
    assert_eq!(
        advice(&p, "2026-05-08").reason(),
        "On Wednesday 6 May they asked you a question and wanted your answer by Thursday 7 May, which has passed. The ball is in your court."
    );
}

#[test]
fn a_new_interview_drops_the_promise_and_says_nothing_new() {
    let second = r#"{"type":"interview","at":"2026-05-12T10:00"}"#;
    let p = process(&[INTERVIEW, PROMISE, second].join(","));
    assert_eq!(
        advice(&p, "2026-05-13").reason(),
        "Nothing new was promised since your interview on Tuesday 12 May. Five business days after it is a fair time to ask."
    );
    assert_eq!(
        advice(&p, "2026-05-19").reason(),
        "Nothing new was promised since your interview on Tuesday 12 May, and five business days have passed."
    );
}

#[test]
fn a_booked_interview_today_or_tomorrow_is_called_so() {
    let booked = r#"{"type":"interview","at":"2026-05-12T14:00"}"#;
    let p = process(booked);
    let says = |now: &str| advice(&p, now).summary();
    assert_eq!(
        says("2026-05-12T09:00"),
        "Your move: prepare for your interview today at 14:00 — nothing needs sending before it."
    );
    assert!(
        says("2026-05-11").starts_with("Your move: prepare for your interview tomorrow at 14:00")
    );
    assert!(
        says("2026-05-10")
            .starts_with("Your move: prepare for your interview on Tuesday 12 May at 14:00")
    );
}

#[test]
fn with_several_aligns_the_latest_live_deadline_is_awaited() {
    let change = |at: &str, deadline: &str| {
        format!(
            r#"{{"type":"context-change","at":"{at}","reason":"competing-offer","real":true,"deadline":"{deadline}"}}"#
        )
    };
    let align = |at: &str| format!(r#"{{"type":"sent","at":"{at}","kind":"align"}}"#);
    let events = [
        INTERVIEW.to_owned(),
        change("2026-05-06T10:00", "2026-05-20"),
        align("2026-05-06T12:00"),
        change("2026-05-11T10:00", "2026-05-13"),
        align("2026-05-12T12:00"),
    ];
    let p = process(&events.join(","));
    let a = advice(&p, "2026-05-13");
    assert_eq!(
        (a.action, a.rule),
        (
            Action::Wait {
                until: d("2026-05-21"),
                then: Then::MoveOn
            },
            Rule::AwaitingOutsideDeadline
        )
    );
    assert_eq!(advice(&p, "2026-05-21").rule, Rule::UnansweredLimit);
}

#[test]
fn the_summary_says_whose_move_it_is() {
    let says = |events: &str, now: &str| advice(&process(events), now).summary();
    let p = [INTERVIEW, PROMISE].join(",");
    assert!(says(&p, "2026-05-06").starts_with("Their move: wait until Monday 11 May"));
    assert!(says(&p, "2026-05-11").starts_with("Your move: send one short follow-up today"));
    let closed = r#"{"type":"closed","at":"2026-05-06T10:00","outcome":"rejected"}"#;
    assert!(
        says(&[INTERVIEW, closed].join(","), "2026-05-07")
            .starts_with("Nobody's move: nothing to do")
    );
    let applied = r#"{"type":"applied","at":"2026-05-04T10:00"}"#;
    assert!(says(applied, "2026-05-05").starts_with("Their move: nothing to do — waiting"));
    let asked = r#"{"type":"reply","at":"2026-05-06T10:00","asks":"answer"}"#;
    assert_eq!(
        says(&[INTERVIEW, asked].join(","), "2026-05-07"),
        "Your move: answer Acme's question now (due since Wednesday 6 May) — on Wednesday 6 May they asked you a question. The ball is in your court."
    );
}

#[test]
fn json_of_the_new_actions() {
    let asked =
        r#"{"type":"reply","at":"2026-05-06T10:00","asks":"assignment","respond_by":"2026-05-08"}"#;
    let json = serde_json::to_value(advice(
        &process(&[INTERVIEW, asked].join(",")),
        "2026-05-07",
    ))
    .unwrap();
    assert_eq!(
        (
            &json["action"],
            &json["due"],
            &json["by"],
            &json["kind"],
            &json["rule"]
        ),
        (
            &"respond".into(),
            &"2026-05-06".into(),
            &"2026-05-08".into(),
            &"reply".into(),
            &"your-turn".into()
        )
    );
    let booked = r#"{"type":"interview","at":"2026-05-12T09:30"}"#;
    let json = serde_json::to_value(advice(
        &process(&[INTERVIEW, booked].join(",")),
        "2026-05-08",
    ))
    .unwrap();
    assert_eq!(json["action"], "upcoming-interview");
    assert_eq!(json["at"], "2026-05-12T09:30");
    assert!(
        json.get("kind").is_none() && json.get("due").is_none(),
        "{json}"
    );
}

#[test]
fn the_new_policy_numbers_are_honoured() {
    let policy = Policy {
        business_days_align_spacing: 2,
        business_days_application_silence: 5,
        business_days_overdue_before_quiet: 3,
        ..Policy::default()
    };
    let ask = |p: &Process, now: &str| advise(p, &policy, at(p, now));
    // Align: two business days after the follow-up of Monday 11 May.
    let change = r#"{"type":"context-change","at":"2026-05-11T14:00","reason":"competing-offer","real":true,"deadline":"2026-05-20"}"#;
    let p = process(&[INTERVIEW, PROMISE, FOLLOW_UP, change].join(","));
    assert_eq!(
        ask(&p, "2026-05-12").action,
        Action::Wait {
            until: d("2026-05-13"),
            then: Then::Step(Step::AlignDecision)
        }
    );
    // Application: silence from the fifth business day.
    let p = process(r#"{"type":"applied","at":"2026-05-04T10:00"}"#);
    assert_eq!(ask(&p, "2026-05-08").rule, Rule::AppliedWaiting);
    assert_eq!(ask(&p, "2026-05-11").rule, Rule::ApplicationSilence);
    // Quiet: a follow-up due Monday 11 May goes quiet on the fourth business day after it.
    let p = process(&[INTERVIEW, PROMISE].join(","));
    assert_eq!(ask(&p, "2026-05-14").rule, Rule::PromisePassed);
    assert_eq!(ask(&p, "2026-05-15").rule, Rule::WentQuiet);
}

/// The newcomer's Hooli case: an offer due Friday 22 May, answered on Friday 15 May ("please
/// send it in writing"), their reply with the paperwork on Monday 18 May. The decision stays
/// due: no wait past Thursday 21 May, the business day before the deadline.
const OFFER: &str = r#"{"type":"offer","at":"2026-05-14T11:00","deadline":"2026-05-22"}"#;
const OFFER_ANSWERED: &str = r#"{"type":"sent","at":"2026-05-15T10:00","kind":"reply"}"#;
const PAPERWORK: &str = r#"{"type":"reply","at":"2026-05-18T11:00"}"#;

fn decide_by_22_may(due: &str) -> Action {
    Action::Act {
        step: Step::RespondOffer,
        due: d(due),
        by: Some(d("2026-05-22")),
    }
}

fn wait_to_decide_21_may() -> Action {
    Action::Wait {
        until: d("2026-05-21"),
        then: Then::Step(Step::RespondOffer),
    }
}

#[test]
fn answered_offer_keeps_its_deadline_day_by_day() {
    let p = process(&[INTERVIEW, OFFER, OFFER_ANSWERED, PAPERWORK].join(","));
    // Before their reply: the follow-up wait (Friday 22 May) is cut to the decision day.
    let answered = process(&[INTERVIEW, OFFER, OFFER_ANSWERED].join(","));
    let a = advice(&answered, "2026-05-15T12:00");
    assert_eq!(a.action, wait_to_decide_21_may());
    assert_eq!(a.rule, Rule::OfferDeadline);
    assert!(a.because.contains("Friday 22 May"), "{}", a.because);
    // After it: the wait would run to Monday 25 May; it still ends Thursday 21 May.
    for day in ["2026-05-18T12:00", "2026-05-19", "2026-05-20"] {
        let a = advice(&p, day);
        assert_eq!(a.action, wait_to_decide_21_may(), "{day}");
        assert_eq!(a.rule, Rule::OfferDeadline, "{day}");
        assert!(a.because.contains("Friday 22 May"), "{day}: {}", a.because);
    }
    // The business day before the deadline, and the deadline day itself: decide.
    for day in ["2026-05-21", "2026-05-22T08:00", "2026-05-22T23:00"] {
        let a = advice(&p, day);
        assert_eq!(a.action, decide_by_22_may("2026-05-21"), "{day}");
        assert_eq!(a.rule, Rule::OfferDeadline, "{day}");
    }
    assert_eq!(
        advice(&p, "2026-05-22").headline(),
        "Answer Acme's offer today (their deadline): accept, decline, or ask for what you need."
    );
    // Once the deadline has passed, the rules go on as before.
    let a = advice(&p, "2026-05-25");
    assert_eq!(a.rule, Rule::NoPromise);
    assert_eq!(a.action.name(), "follow-up");
}

#[test]
fn answered_offer_deadline_overrides_later_rules_and_skips_holidays() {
    // A question open on the decision day: the offer decision comes first.
    let ask = r#"{"type":"reply","at":"2026-05-20T11:00","asks":"answer"}"#;
    let p = process(&[INTERVIEW, OFFER, OFFER_ANSWERED, PAPERWORK, ask].join(","));
    assert_eq!(advice(&p, "2026-05-20T12:00").rule, Rule::YourTurn);
    assert_eq!(
        advice(&p, "2026-05-21").action,
        decide_by_22_may("2026-05-21")
    );
    // Thursday 21 May a holiday: the decision day is Wednesday 20 May.
    let p = process_with(
        &[INTERVIEW, OFFER, OFFER_ANSWERED, PAPERWORK].join(","),
        r#""timezone":"America/Sao_Paulo","holidays":["2026-05-21"]"#,
    );
    let a = advice(&p, "2026-05-19");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-20"),
            then: Then::Step(Step::RespondOffer)
        }
    );
    assert_eq!(
        advice(&p, "2026-05-20").action,
        decide_by_22_may("2026-05-20")
    );
}

#[test]
fn answered_offer_shorter_wait_keeps_its_rule_and_names_the_deadline() {
    // They promise the paperwork by Monday 18 May: the follow-up (Tuesday 19 May) comes
    // before the decision day and stays, with the deadline in its reason.
    let promise = r#"{"type":"promise","at":"2026-05-15T11:00","by":"2026-05-18"}"#;
    let p = process(&[INTERVIEW, OFFER, OFFER_ANSWERED, promise].join(","));
    let a = advice(&p, "2026-05-15T12:00");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-19"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert_eq!(a.rule, Rule::PromisePassed);
    assert!(a.because.contains("Friday 22 May"), "{}", a.because);
}

#[test]
fn a_promise_past_the_deadline_moves_it() {
    // After your counter, they promise a revised offer by Monday 25 May: the follow-up after
    // that promise stands, even on the deadline day.
    let promise = r#"{"type":"promise","at":"2026-05-18T11:00","by":"2026-05-25"}"#;
    let p = process(&[INTERVIEW, OFFER, OFFER_ANSWERED, PAPERWORK, promise].join(","));
    for day in ["2026-05-19", "2026-05-21", "2026-05-22"] {
        let a = advice(&p, day);
        assert_eq!(
            a.action,
            Action::Wait {
                until: d("2026-05-26"),
                then: Then::Step(Step::FollowUp)
            },
            "{day}"
        );
        assert_eq!(a.rule, Rule::PromisePassed, "{day}");
    }
    // A promise within the deadline moves nothing.
    let promise = r#"{"type":"promise","at":"2026-05-18T11:00","by":"2026-05-22"}"#;
    let p = process(&[INTERVIEW, OFFER, OFFER_ANSWERED, PAPERWORK, promise].join(","));
    assert_eq!(advice(&p, "2026-05-19").action, wait_to_decide_21_may());
    assert_eq!(
        advice(&p, "2026-05-21").action,
        decide_by_22_may("2026-05-21")
    );
}

#[test]
fn offer_without_deadline_or_closed_is_unchanged() {
    let no_deadline = r#"{"type":"offer","at":"2026-05-14T11:00"}"#;
    let p = process(&[INTERVIEW, no_deadline, OFFER_ANSWERED, PAPERWORK].join(","));
    let a = advice(&p, "2026-05-21");
    assert_eq!(
        a.action,
        Action::Wait {
            until: d("2026-05-25"),
            then: Then::Step(Step::FollowUp)
        }
    );
    assert_eq!(a.rule, Rule::NoPromise);
    assert!(!a.because.contains("offer"), "{}", a.because);
    for outcome in ["hired", "declined", "withdrew"] {
        let closed =
            format!(r#"{{"type":"closed","at":"2026-05-19T10:00","outcome":"{outcome}"}}"#);
        let p = process(&[INTERVIEW, OFFER, OFFER_ANSWERED, PAPERWORK, &closed].join(","));
        for day in ["2026-05-20", "2026-05-21", "2026-05-22"] {
            let a = advice(&p, day);
            assert_eq!((a.action, a.rule), (Action::Nothing, Rule::Closed), "{day}");
        }
        // Reopened after the close: the old offer is decided, the rules go on as before.
        let reopened = r#"{"type":"reopened","at":"2026-05-20T10:00"}"#;
        let p = process(
            &[
                INTERVIEW,
                OFFER,
                OFFER_ANSWERED,
                PAPERWORK,
                &closed,
                reopened,
            ]
            .join(","),
        );
        assert_ne!(
            advice(&p, "2026-05-21").rule,
            Rule::OfferDeadline,
            "{outcome}"
        );
    }
}
