//! Across processes: what one tracked process means for the others, derived each time advice is
//! given and never stored in them.
//!
//! - An `offer` in an open process is, for every other open process that has had an interview,
//!   a real `competing-offer` change dated the offer's `at` with the offer's `deadline`. Closing
//!   the offer's process (any outcome but `hired`) takes it back, because only open processes
//!   bring offers.
//! - A process closed `hired` makes every other open process `withdraw` (rule 2), due the day
//!   of the close, until it is closed or a `withdraw` message is logged.
//!
//! [`Landscape::of`] reads every process once; [`Landscape::outside`] says what the others
//! bring to one of them, as an [`Outside`]; [`super::advise_with`] advises with it. A process
//! document advised on its own (`advise FILE`) has none of this.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::process::{ChangeReason, Event, EventKind, Outcome, Process};

/// An offer open in another process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideOffer {
    /// The company that made it.
    pub company: String,
    /// Its process's handle, when it has one.
    pub handle: Option<String>,
    /// When it was made: the derived change's `at`.
    pub at: Timestamp,
    /// When they want an answer: the derived change's deadline.
    pub deadline: Option<Date>,
}

/// Another process closed `hired`: the offer you accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    /// The company you accepted.
    pub company: String,
    /// Its process's handle, when it has one.
    pub handle: Option<String>,
    /// When it was closed `hired`.
    pub at: Timestamp,
}

/// What the other processes bring to one process's advice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// Offers open elsewhere, each a real competing-offer change here (only for an open process
    /// that has had an interview), oldest first.
    pub offers: Vec<OutsideOffer>,
    /// The latest process closed `hired` elsewhere, while this one is open.
    pub accepted: Option<Accepted>,
}

impl Outside {
    /// Whether nothing comes from the other processes.
    pub fn is_empty(&self) -> bool {
        self.offers.is_empty() && self.accepted.is_none()
    }

    /// The change each offer elsewhere is here: a real `competing-offer` at the offer's `at`
    /// with its deadline, with no note and no id (it names no company, so a draft cannot).
    pub fn changes(&self) -> impl Iterator<Item = Event> + '_ {
        self.offers.iter().map(|offer| Event {
            id: None,
            at: offer.at,
            kind: EventKind::ContextChange {
                reason: ChangeReason::CompetingOffer,
                real: true,
                deadline: offer.deadline,
                note: None,
            },
        })
    }

    /// Adds [`Outside::changes`] to `process`'s timeline (a copy the caller never stores), in
    /// time order: what drafting and reviewing read, so they see what advising sees.
    pub fn add_to(&self, process: &mut Process) {
        if self.offers.is_empty() {
            return;
        }
        process.events.extend(self.changes());
        process.sort_events();
    }
}

/// Where one process stands, as the others see it.
#[derive(Clone, Debug)]
struct Standing {
    id: Option<String>,
    handle: Option<String>,
    company: String,
    /// Its latest offer, when the process is open.
    offer: Option<(Timestamp, Option<Date>)>,
    /// When it was closed `hired`, when that is its state.
    hired: Option<Timestamp>,
}

impl Standing {
    fn is(&self, process: &Process) -> bool {
        (self.id.is_some() && self.id == process.id)
            || (self.handle.is_some() && self.handle == process.handle)
    }
}

/// Every process's offer and hire, read once for the whole agenda.
#[derive(Clone, Debug, Default)]
pub struct Landscape {
    standings: Vec<Standing>,
}

/// The state of `process` as of `now`: whether it is open, its latest offer, its hire.
fn state(process: &Process, now: Timestamp) -> (bool, Option<&Event>, Option<Timestamp>) {
    let mut closed: Option<(Outcome, Timestamp)> = None;
    let mut offer = None;
    for event in process.events_until(now) {
        match &event.kind {
            EventKind::Closed { outcome, .. } => closed = Some((*outcome, event.at)),
            EventKind::Reopened { .. } => closed = None,
            EventKind::Offer { .. } => offer = Some(event),
            _ => {}
        }
    }
    let hired = closed
        .filter(|(outcome, _)| *outcome == Outcome::Hired)
        .map(|(_, at)| at);
    (closed.is_none(), offer, hired)
}

impl Landscape {
    /// Reads each process as of its `now`.
    pub fn of<'a>(processes: impl IntoIterator<Item = (&'a Process, Timestamp)>) -> Landscape {
        let standings = processes
            .into_iter()
            .filter_map(|(process, now)| {
                let (open, offer, hired) = state(process, now);
                let offer = offer.filter(|_| open).and_then(|event| match event.kind {
                    EventKind::Offer { deadline, .. } => Some((event.at, deadline)),
                    _ => None,
                });
                (offer.is_some() || hired.is_some()).then(|| Standing {
                    id: process.id.clone(),
                    handle: process.handle.clone(),
                    company: process.company.clone(),
                    offer,
                    hired,
                })
            })
            .collect();
        Landscape { standings }
    }

    /// What the other processes bring to `process` as of `now`: nothing when it is closed.
    pub fn outside(&self, process: &Process, now: Timestamp) -> Outside {
        if self.standings.is_empty() {
            return Outside::default();
        }
        let (open, _, _) = state(process, now);
        if !open {
            return Outside::default();
        }
        let interviewed = process
            .events_until(now)
            .any(|e| matches!(e.kind, EventKind::Interview(_)));
        let others = || self.standings.iter().filter(|s| !s.is(process));
        let mut offers: Vec<OutsideOffer> = if interviewed {
            others()
                .filter_map(|s| {
                    s.offer.map(|(at, deadline)| OutsideOffer {
                        company: s.company.clone(),
                        handle: s.handle.clone(),
                        at,
                        deadline,
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        offers.sort_by_key(|o| o.at);
        let accepted = others()
            .filter_map(|s| s.hired.map(|at| (s, at)))
            .max_by_key(|(_, at)| *at)
            .map(|(s, at)| Accepted {
                company: s.company.clone(),
                handle: s.handle.clone(),
                at,
            });
        Outside { offers, accepted }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ZoneDefault, parse_document};
    use crate::{Action, Policy, Rule, Step, advise, advise_with};
    use jiff::tz::{TimeZone, TimeZoneDatabase};

    fn process(handle: &str, company: &str, events: &str) -> Process {
        let text = format!(
            r#"{{"format":2,"handle":"{handle}","company":"{company}","role":"Engineer","timezone":"UTC","events":[{events}]}}"#
        );
        let zone = ZoneDefault {
            name: "UTC".into(),
            zone: TimeZone::UTC,
            source: crate::TimezoneSource::System,
        };
        let mut p = parse_document(&text, &TimeZoneDatabase::bundled(), &zone).unwrap();
        p.handle = Some(handle.to_owned());
        p
    }

    const INTERVIEW: &str = r#"{"type":"interview","at":"2026-05-11T10:00"}"#;

    fn now() -> Timestamp {
        "2026-05-15T12:00:00Z".parse().unwrap()
    }

    fn outside(all: &[Process], index: usize) -> Outside {
        Landscape::of(all.iter().map(|p| (p, now()))).outside(&all[index], now())
    }

    #[test]
    fn an_open_offer_is_a_real_change_for_others_that_interviewed() {
        let all = [
            process(
                "hooli",
                "Hooli",
                &format!(
                    r#"{INTERVIEW},{{"type":"offer","at":"2026-05-14T16:00","deadline":"2026-05-22"}}"#
                ),
            ),
            process("acme", "Acme", INTERVIEW),
            process(
                "globex",
                "Globex",
                r#"{"type":"applied","at":"2026-05-11T10:00"}"#,
            ),
        ];
        assert!(outside(&all, 0).is_empty(), "not its own offer");
        let acme = outside(&all, 1);
        assert_eq!(acme.offers.len(), 1);
        assert_eq!(acme.offers[0].company, "Hooli");
        assert_eq!(acme.offers[0].deadline, Some("2026-05-22".parse().unwrap()));
        assert!(outside(&all, 2).is_empty(), "no interview yet");

        let advice = advise_with(&all[1], &Policy::default(), now(), &acme);
        assert_eq!(advice.rule, Rule::RealChange);
        assert!(matches!(
            advice.action,
            Action::Act {
                step: Step::AlignDecision,
                ..
            }
        ));
        assert_eq!(
            advise(&all[1], &Policy::default(), now()).rule,
            Rule::NoPromise
        );
    }

    #[test]
    fn a_closed_offer_brings_nothing_and_a_hire_asks_to_withdraw() {
        let declined = process(
            "hooli",
            "Hooli",
            &format!(
                r#"{INTERVIEW},{{"type":"offer","at":"2026-05-14T16:00"}},{{"type":"closed","at":"2026-05-15T09:00","outcome":"declined"}}"#
            ),
        );
        let all = [declined, process("acme", "Acme", INTERVIEW)];
        assert!(outside(&all, 1).is_empty());

        let hired = process(
            "hooli",
            "Hooli",
            &format!(
                r#"{INTERVIEW},{{"type":"offer","at":"2026-05-14T16:00"}},{{"type":"closed","at":"2026-05-15T09:00","outcome":"hired"}}"#
            ),
        );
        let all = [hired, process("acme", "Acme", INTERVIEW)];
        let acme = outside(&all, 1);
        assert!(acme.offers.is_empty());
        assert_eq!(
            acme.accepted.as_ref().map(|a| a.company.as_str()),
            Some("Hooli")
        );
        let advice = advise_with(&all[1], &Policy::default(), now(), &acme);
        assert_eq!(advice.rule, Rule::AcceptedElsewhere);
        assert_eq!(
            advice.action,
            Action::Act {
                step: Step::Withdraw,
                due: "2026-05-15".parse().unwrap(),
                by: None
            }
        );
        assert_eq!(
            advice.action.message_kind(),
            Some(crate::MessageKind::Withdraw)
        );
        assert!(advice.because.contains("Hooli"), "{}", advice.because);
    }

    #[test]
    fn changes_are_added_in_time_order_without_a_note() {
        let all = [
            process(
                "hooli",
                "Hooli",
                r#"{"type":"offer","at":"2026-05-12T16:00","deadline":"2026-05-22"}"#,
            ),
            process(
                "acme",
                "Acme",
                &format!(r#"{INTERVIEW},{{"type":"note","at":"2026-05-13T10:00","text":"x"}}"#),
            ),
        ];
        let mut acme = all[1].clone();
        outside(&all, 1).add_to(&mut acme);
        let types: Vec<_> = acme.events.iter().map(|e| e.kind.type_name()).collect();
        assert_eq!(types, ["interview", "context-change", "note"]);
        assert!(matches!(
            acme.events[1].kind,
            EventKind::ContextChange {
                real: true,
                note: None,
                ..
            }
        ));
    }
}
