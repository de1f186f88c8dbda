//! Composer tests: the four parts, greetings, dates, refusals and every compiled template over
//! a spread of processes (lengths, questions, subjects, no blank and no leftover brace).

use jiff::Timestamp;
use jiff::tz::{TimeZone, TimeZoneDatabase};

use super::*;
use crate::document::{ZoneDefault, parse_document};
use crate::{Policy, Process, TimezoneSource, advise};

fn process(top: &str, events: &str) -> Process {
    let text = format!(
        r#"{{"company":"Acme","role":"Backend Engineer","timezone":"America/Sao_Paulo",{top}"events":[{events}]}}"#
    );
    let zone = ZoneDefault {
        name: "UTC".into(),
        zone: TimeZone::UTC,
        source: TimezoneSource::System,
    };
    parse_document(&text, &TimeZoneDatabase::bundled(), &zone).unwrap()
}

const ANA: &str =
    r#""contacts":[{"name":"Ana Souza","honorific":"Ms.","email":"ana@acme.example"}],"#;
const INTERVIEW: &str =
    r#"{"type":"interview","at":"2026-05-05T14:00","topics":["event sourcing","hiring"]}"#;
const PROMISE: &str = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-08"}"#;

fn now(p: &Process, text: &str) -> Timestamp {
    crate::time::parse_now(text, &p.timezone, &p.timezone_name).unwrap()
}

fn draft(p: &Process, at: &str, request: &DraftRequest) -> Result<Draft, DraftError> {
    let now = now(p, at);
    let advice = advise(p, &Policy::default(), now);
    compose(p, &advice, request, Templates::english().unwrap(), now)
}

fn forced(kind: MessageKind, tone: Tone, variant: usize) -> DraftRequest {
    DraftRequest {
        kind: Some(kind),
        tone,
        variant,
        ..DraftRequest::default()
    }
}

#[test]
fn the_due_follow_up_has_the_four_parts() {
    let p = process(ANA, &[INTERVIEW, PROMISE].join(","));
    let request = DraftRequest {
        from: Some("José  Müller".into()),
        ..DraftRequest::default()
    };
    let d = draft(&p, "2026-05-11", &request).unwrap();
    assert_eq!(d.kind, MessageKind::FollowUp);
    assert_eq!(d.warning, None);
    assert_eq!(d.subject, "Backend Engineer — following up");
    assert_eq!(
        d.body,
        "Hi Ana,\n\nI hope you are well. I am writing to follow up on the Backend Engineer role at Acme. \
         You mentioned you expected to reach a decision by the end of last week. \
         Is there an update on the timeline?\n\nBest regards,\nJosé Müller"
    );
    assert_eq!(d.to, ["ana@acme.example"]);
    assert!(
        d.mailto
            .starts_with("mailto:ana@acme.example?subject=Backend%20Engineer%20%E2%80%94")
    );
}

#[test]
fn nothing_due_is_not_drafted_unless_forced() {
    let p = process(ANA, &[INTERVIEW, PROMISE].join(","));
    let err = draft(&p, "2026-05-06", &DraftRequest::default()).unwrap_err();
    assert_eq!(err, DraftError::NothingToDraft);
    assert!(err.is_refusal());
    let d = draft(
        &p,
        "2026-05-06",
        &forced(MessageKind::FollowUp, Tone::Neutral, 1),
    )
    .unwrap();
    let warning = d.warning.unwrap();
    assert!(
        warning.starts_with("the timing is wrong for a follow-up: Wait until Monday 11 May"),
        "{warning}"
    );
    assert!(d.body.contains("by Friday"), "{}", d.body);
}

#[test]
fn forcing_the_due_kind_gives_no_warning() {
    let p = process(ANA, &[INTERVIEW, PROMISE].join(","));
    let d = draft(
        &p,
        "2026-05-11",
        &forced(MessageKind::FollowUp, Tone::Warm, 2),
    )
    .unwrap();
    assert_eq!(d.warning, None);
}

#[test]
fn greetings_follow_tone_contact_and_interviewers() {
    let first_line = |top: &str, events: &str, tone| {
        let p = process(top, events);
        let d = draft(&p, "2026-05-11", &forced(MessageKind::FollowUp, tone, 1)).unwrap();
        d.body.lines().next().unwrap().to_owned()
    };
    let base = [INTERVIEW, PROMISE].join(",");
    assert_eq!(first_line(ANA, &base, Tone::Neutral), "Hi Ana,");
    assert_eq!(first_line(ANA, &base, Tone::Warm), "Hi Ana,");
    assert_eq!(first_line(ANA, &base, Tone::Formal), "Dear Ms. Souza,");
    let no_honorific = r#""contacts":[{"name":"João  da Silva"}],"#;
    assert_eq!(
        first_line(no_honorific, &base, Tone::Formal),
        "Dear João da Silva,"
    );
    assert_eq!(first_line(no_honorific, &base, Tone::Neutral), "Hi João,");
    let several =
        r#"{"type":"interview","at":"2026-05-05T14:00","with":["Bruno Lima","Chloé Durand"]}"#;
    assert_eq!(first_line("", several, Tone::Neutral), "Hi everyone,");
    assert_eq!(first_line("", several, Tone::Formal), "Dear all,");
    let one = r#"{"type":"interview","at":"2026-05-05T14:00","with":["Chloé Durand"]}"#;
    assert_eq!(first_line("", one, Tone::Warm), "Hi Chloé,");
    assert_eq!(first_line("", one, Tone::Formal), "Dear Chloé Durand,");
    assert_eq!(first_line("", INTERVIEW, Tone::Formal), "Hello,");
    assert_eq!(first_line("", INTERVIEW, Tone::Neutral), "Hello,");
}

#[test]
fn a_withdrawal_thanks_the_others_met_not_the_person_it_greets() {
    let body = |top: &str, with: &str| {
        let interview =
            format!(r#"{{"type":"interview","at":"2026-05-05T14:00","with":[{with}]}}"#);
        let p = process(top, &interview);
        draft(
            &p,
            "2026-05-11",
            &forced(MessageKind::Withdraw, Tone::Neutral, 1),
        )
        .unwrap()
        .body
    };
    let both = body(ANA, r#""Ana Souza","Bruno Lima""#);
    assert!(both.starts_with("Hi Ana,"), "{both}");
    assert!(both.contains("I am grateful to Bruno for"), "{both}");
    let only_her = body(ANA, r#""Ana""#);
    assert!(
        only_her.contains("grateful to everyone I met"),
        "{only_her}"
    );
    let no_contact = body("", r#""Chloé Durand""#);
    assert!(no_contact.starts_with("Hi Chloé,"), "{no_contact}");
    assert!(!no_contact.contains("grateful to Chloé"), "{no_contact}");
}

#[test]
fn no_promise_speaks_of_the_conversation() {
    let p = process(ANA, INTERVIEW);
    // Interview Tuesday 5 May; five business days later is Tuesday 12 May.
    let d = draft(&p, "2026-05-12", &DraftRequest::default()).unwrap();
    assert!(
        d.body
            .contains("Since our conversation on Tuesday last week"),
        "{}",
        d.body
    );
    let reply = r#"{"type":"reply","at":"2026-05-07T10:00"}"#;
    let p = process(ANA, &[INTERVIEW, reply].join(","));
    let d = draft(&p, "2026-05-14", &DraftRequest::default()).unwrap();
    assert!(
        d.body.contains("your message on Thursday last week"),
        "{}",
        d.body
    );
}

#[test]
fn a_thank_you_mentions_the_first_topic_or_the_given_one_and_asks_nothing() {
    let warm = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"personal","topics":["event sourcing"]}"#;
    let p = process(ANA, warm);
    let d = draft(&p, "2026-05-05T18:00", &DraftRequest::default()).unwrap();
    assert_eq!(d.kind, MessageKind::ThankYou);
    assert!(d.body.contains("today"), "{}", d.body);
    assert!(d.body.contains("event sourcing"), "{}", d.body);
    assert!(!d.body.contains('?'));
    let request = DraftRequest {
        topic: Some("the migration plan.".into()),
        ..DraftRequest::default()
    };
    let d = draft(&p, "2026-05-05T18:00", &request).unwrap();
    assert!(d.body.contains("about the migration plan."), "{}", d.body);
    assert!(!d.body.contains("event sourcing"));

    let bare = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"personal"}"#;
    let p = process(ANA, bare);
    let d = draft(&p, "2026-05-06T10:00", &DraftRequest::default()).unwrap();
    assert!(d.body.contains("yesterday"), "{}", d.body);
    assert!(
        d.body
            .contains("I appreciated your time and the conversation."),
        "{}",
        d.body
    );
}

#[test]
fn align_states_the_change_and_its_deadline() {
    let change = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"competing-offer","real":true,"deadline":"2026-05-15"}"#;
    let p = process(ANA, &[INTERVIEW, change].join(","));
    let d = draft(&p, "2026-05-12T12:00", &DraftRequest::default()).unwrap();
    assert_eq!(d.kind, MessageKind::Align);
    assert!(
        d.body
            .contains("I have received another offer and need to give my answer by Friday."),
        "{}",
        d.body
    );
    assert!(
        d.body
            .contains("Could you let me know whether a decision is possible by Friday?")
    );
}

#[test]
fn align_is_refused_without_a_real_change() {
    let unreal = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"competing-offer","real":false,"deadline":"2026-05-15"}"#;
    let p = process(ANA, &[INTERVIEW, unreal].join(","));
    let err = draft(
        &p,
        "2026-05-12T12:00",
        &forced(MessageKind::Align, Tone::Neutral, 1),
    )
    .unwrap_err();
    assert!(err.is_refusal());
    assert!(err.to_string().contains("not marked real"), "{err}");
    let p = process(ANA, INTERVIEW);
    let err = draft(
        &p,
        "2026-05-12T12:00",
        &forced(MessageKind::Align, Tone::Neutral, 1),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no real context change"), "{err}");
    let past = r#"{"type":"context-change","at":"2026-05-06T10:00","reason":"final-round-elsewhere","real":true,"deadline":"2026-05-08"}"#;
    let p = process(ANA, &[INTERVIEW, past].join(","));
    let err = draft(
        &p,
        "2026-05-12T12:00",
        &forced(MessageKind::Align, Tone::Neutral, 1),
    )
    .unwrap_err();
    assert!(err.to_string().contains("has passed"), "{err}");
}

#[test]
fn other_refusals_and_usage_errors() {
    let p = process(ANA, "");
    let err = draft(
        &p,
        "2026-05-12",
        &forced(MessageKind::ThankYou, Tone::Neutral, 1),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no interview is recorded"),
        "{err}"
    );
    let err = draft(
        &p,
        "2026-05-12",
        &forced(MessageKind::Final, Tone::Neutral, 1),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("nothing to follow up yet"),
        "{err}"
    );
    let p = process(ANA, INTERVIEW);
    for variant in [0, 4] {
        let err = draft(
            &p,
            "2026-05-12",
            &forced(MessageKind::Final, Tone::Warm, variant),
        )
        .unwrap_err();
        assert!(!err.is_refusal());
        assert!(
            err.to_string().contains("a warm final has variants 1–3"),
            "{err}"
        );
    }
    let err = draft(&p, "2026-05-12", &forced(MessageKind::Other, Tone::Warm, 1)).unwrap_err();
    assert_eq!(err, DraftError::UnsupportedKind(MessageKind::Other));
}

#[test]
fn a_long_role_gets_the_fallback_subject() {
    let p = process(ANA, &[INTERVIEW, PROMISE].join(","));
    let mut p = p;
    p.role = "Senior Staff Site Reliability Engineer, Payments".into();
    let d = draft(&p, "2026-05-11", &DraftRequest::default()).unwrap();
    assert_eq!(d.subject, "Following up on my application");
}

#[test]
fn json_has_exactly_the_documented_fields() {
    let p = process(ANA, &[INTERVIEW, PROMISE].join(","));
    let d = draft(&p, "2026-05-11", &DraftRequest::default()).unwrap();
    let value = serde_json::to_value(&d).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 5);
    for key in ["kind", "subject", "body", "to", "mailto"] {
        assert!(keys.contains(&key), "{key}");
    }
    assert_eq!(value["kind"], "follow-up");
}

/// Processes that exercise every flag of every kind, with the instant to draft at.
fn spread() -> Vec<(Process, &'static str)> {
    let warm = r#"{"type":"interview","at":"2026-05-05T14:00","rapport":"personal","topics":["the onboarding redesign"],"with":["Bruno Lima","Chloé Durand"]}"#;
    let change = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"availability-changed","real":true}"#;
    let weeks_back = r#"{"type":"promise","at":"2026-04-01T15:00","by":"2026-04-10"}"#;
    let early = r#"{"type":"interview","at":"2026-03-31T10:00"}"#;
    let later_promise = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-22"}"#;
    let offer = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"competing-offer","real":true,"deadline":"2026-05-15"}"#;
    let final_round = r#"{"type":"context-change","at":"2026-05-12T10:00","reason":"final-round-elsewhere","real":true,"deadline":"2026-05-20"}"#;
    let yesterday = r#"{"type":"promise","at":"2026-05-05T15:00","by":"2026-05-12"}"#;
    let holidays = r#""holidays":["2026-05-11"],"#;
    let reply = r#"{"type":"reply","at":"2026-05-07T10:00"}"#;
    vec![
        (process(ANA, &[INTERVIEW, PROMISE].join(",")), "2026-05-11"),
        (process("", warm), "2026-05-05T16:00"),
        (
            process(r#""contacts":[{"name":"Zoë Ålvarez-Núñez"}],"#, INTERVIEW),
            "2026-05-13",
        ),
        (
            process(ANA, &[INTERVIEW, change].join(",")),
            "2026-05-12T12:00",
        ),
        (process(ANA, &[early, weeks_back].join(",")), "2026-05-12"),
        (
            process(ANA, &[INTERVIEW, later_promise, offer].join(",")),
            "2026-05-12T12:00",
        ),
        (
            process("", &[INTERVIEW, final_round].join(",")),
            "2026-05-13",
        ),
        (
            process(
                r#""contacts":[{"name":"Ana"}],"#,
                &[INTERVIEW, yesterday].join(","),
            ),
            "2026-05-13",
        ),
        (
            process(&format!("{ANA}{holidays}"), &[INTERVIEW, PROMISE].join(",")),
            "2026-05-12",
        ),
        (process(ANA, &[INTERVIEW, reply].join(",")), "2026-05-14"),
    ]
}

#[test]
fn every_template_renders_clean_drafts() {
    let templates = Templates::english().unwrap();
    let kinds = [
        MessageKind::ThankYou,
        MessageKind::FollowUp,
        MessageKind::Final,
        MessageKind::Align,
    ];
    let mut drafted = 0;
    for (p, at) in spread() {
        for kind in kinds {
            for tone in Tone::ALL {
                for variant in 1..=templates.variant_count(kind, tone) {
                    for from in [None, Some("Maria José".to_owned())] {
                        let request = DraftRequest {
                            from,
                            ..forced(kind, tone, variant)
                        };
                        let Ok(d) = draft(&p, at, &request) else {
                            continue;
                        };
                        drafted += 1;
                        let label = format!("{kind} {tone} {variant} at {at}:\n{}", d.body);
                        let words = word_count(&d.body);
                        assert!(
                            length_aim(kind).contains(&words),
                            "{words} words in {label}"
                        );
                        assert!(
                            SUBJECT_WORDS.contains(&word_count(&d.subject)),
                            "{}",
                            d.subject
                        );
                        assert!(!d.body.contains(['{', '}', '[', ']']), "{label}");
                        assert!(!d.body.contains("  "), "{label}");
                        let questions = d.body.matches('?').count();
                        let wanted = usize::from(kind != MessageKind::ThankYou);
                        assert_eq!(questions, wanted, "{label}");
                        assert!(d.body.contains(p.role.as_str()), "{label}");
                    }
                }
            }
        }
    }
    assert!(drafted > 150, "{drafted}");
}

#[test]
fn variants_differ() {
    let p = process(ANA, &[INTERVIEW, PROMISE].join(","));
    let templates = Templates::english().unwrap();
    for tone in Tone::ALL {
        let bodies: Vec<String> = (1..=templates.variant_count(MessageKind::FollowUp, tone))
            .map(|v| {
                draft(&p, "2026-05-11", &forced(MessageKind::FollowUp, tone, v))
                    .unwrap()
                    .body
            })
            .collect();
        for (i, a) in bodies.iter().enumerate() {
            assert!(
                !bodies[i + 1..].contains(a),
                "{tone} variant {} repeats",
                i + 1
            );
        }
    }
}

mod properties {
    use jiff::civil::Date;
    use jiff::{SignedDuration, Timestamp};
    use proptest::prelude::*;

    use super::*;
    use crate::process::{ChangeReason, Contact, Event, EventKind, Interview, Rapport};

    /// Names people have: letters with accents, hyphens, several words.
    fn name() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[A-Za-zÀ-ÿ][a-zà-ÿ-]{0,8}( [A-ZÀ-Þ][a-zà-ÿ]{1,8}){0,2}")
            .unwrap()
    }

    fn event() -> impl Strategy<Value = (i64, EventKind)> {
        let day = |d: i64| {
            Date::constant(2026, 5, 1)
                .checked_add(d.days())
                .unwrap_or(Date::MIN)
        };
        (
            0i64..24 * 40,
            prop_oneof![
                (
                    proptest::collection::vec(name(), 0..3),
                    proptest::collection::vec(name(), 0..3)
                )
                    .prop_map(|(topics, with)| EventKind::Interview(Interview {
                        rapport: Rapport::Personal,
                        topics,
                        with,
                        ..Interview::default()
                    })),
                (0i64..60).prop_map(move |d| EventKind::Promise {
                    by: day(d),
                    note: None
                }),
                Just(EventKind::Reply {
                    body: None,
                    from: None,
                    asks: Default::default(),
                    respond_by: None,
                    message_id: None,
                }),
                (0usize..3, any::<bool>(), proptest::option::of(0i64..60)).prop_map(
                    move |(r, real, deadline)| EventKind::ContextChange {
                        reason: ChangeReason::ALL[r],
                        real,
                        deadline: deadline.map(day),
                        note: None,
                    }
                ),
                Just(EventKind::Sent {
                    kind: MessageKind::FollowUp,
                    subject: None,
                    body: None,
                    to: Vec::new(),
                    message_id: None,
                }),
            ],
        )
    }

    use jiff::ToSpan;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any process, any kind, tone and variant: no panic, and a draft is always whole.
        #[test]
        fn drafts_never_panic_and_never_leave_a_blank(
            events in proptest::collection::vec(event(), 0..6),
            contact in proptest::option::of((name(), proptest::option::of(Just("Dr.".to_owned())))),
            role in name(),
            company in name(),
            now_hours in 0i64..24 * 50,
            kind in 0usize..4,
            tone in 0usize..3,
            variant in 0usize..5,
        ) {
            let base: Timestamp = "2026-05-01T00:00:00Z".parse().unwrap();
            let mut p = process("", "");
            p.role = role;
            p.company = company;
            p.contacts = contact
                .map(|(name, honorific)| Contact { name, honorific, email: None, title: None })
                .into_iter()
                .collect();
            p.events = events
                .into_iter()
                .map(|(h, kind)| Event { id: None, at: base + SignedDuration::from_hours(h), kind })
                .collect();
            p.sort_events();
            let now = base + SignedDuration::from_hours(now_hours);
            let advice = advise(&p, &Policy::default(), now);
            let kind = [MessageKind::ThankYou, MessageKind::FollowUp, MessageKind::Final, MessageKind::Align][kind];
            let request = DraftRequest { kind: Some(kind), tone: Tone::ALL[tone], variant, ..DraftRequest::default() };
            match compose(&p, &advice, &request, Templates::english().unwrap(), now) {
                Ok(d) => {
                    prop_assert!(!d.body.contains(['{', '}', '[', ']']), "{}", d.body);
                    prop_assert!(!d.body.contains("  "), "{}", d.body);
                    prop_assert_eq!(d.body.matches('?').count(), usize::from(kind != MessageKind::ThankYou));
                    prop_assert!(d.body.contains(p.role.trim()));
                    prop_assert!(SUBJECT_WORDS.contains(&word_count(&d.subject)), "{}", d.subject);
                    let first = d.body.lines().next().unwrap_or_default();
                    prop_assert!(first.ends_with(',') && first.len() > 1, "{first}");
                }
                Err(DraftError::VariantOutOfRange { .. }) => prop_assert!(variant == 0 || variant > 3),
                Err(DraftError::Refused { .. }) => {}
                Err(other) => prop_assert!(false, "{other}"),
            }
        }
    }
}
