//! The placeholders and line flags of message templates, and which kind of message may use
//! which: a `{topic}` in a follow-up, or a `{promised}` outside a `[promise]` line, is refused
//! when the templates load, so a sent message never carries a blank.

use crate::process::MessageKind;

/// A placeholder of a message template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// The greeting line ("Hi Ana,").
    Greeting,
    /// The role applied for.
    Role,
    /// The company.
    Company,
    /// The interview day ("today", "on Tuesday").
    Met,
    /// The last conversation when nothing was promised ("our conversation on Tuesday").
    LastTalk,
    /// The promised date ("by Friday").
    Promised,
    /// The interview topic to mention.
    Topic,
    /// The sentence stating the outside change.
    Change,
    /// The outside deadline ("by Friday").
    Deadline,
    /// The people met in the process, by name ("Ana and Bruno").
    Interviewers,
}

impl Slot {
    const ALL: [Slot; 10] = [
        Slot::Greeting,
        Slot::Role,
        Slot::Company,
        Slot::Met,
        Slot::LastTalk,
        Slot::Promised,
        Slot::Topic,
        Slot::Change,
        Slot::Deadline,
        Slot::Interviewers,
    ];

    /// The name written between braces.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Greeting => "greeting",
            Slot::Role => "role",
            Slot::Company => "company",
            Slot::Met => "met",
            Slot::LastTalk => "last_talk",
            Slot::Promised => "promised",
            Slot::Topic => "topic",
            Slot::Change => "change",
            Slot::Deadline => "deadline",
            Slot::Interviewers => "interviewers",
        }
    }

    /// The slot named `name`, if `kind` offers it.
    pub fn for_kind(name: &str, kind: MessageKind) -> Option<Slot> {
        Slot::ALL
            .into_iter()
            .find(|slot| slot.name() == name && slot.offered_by(kind))
    }

    /// The `{name}` list offered by `kind`, for error messages.
    pub fn known_for(kind: MessageKind) -> String {
        Slot::ALL
            .into_iter()
            .filter(|slot| slot.offered_by(kind))
            .map(|slot| format!("{{{}}}", slot.name()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn offered_by(self, kind: MessageKind) -> bool {
        match self {
            Slot::Greeting | Slot::Role | Slot::Company | Slot::Promised => true,
            Slot::Met | Slot::Topic => kind == MessageKind::ThankYou,
            Slot::LastTalk => matches!(kind, MessageKind::FollowUp | MessageKind::Final),
            Slot::Change | Slot::Deadline => kind == MessageKind::Align,
            Slot::Interviewers => kind == MessageKind::Withdraw,
        }
    }

    /// The flag a line must carry to use this slot (its value exists only then).
    pub fn needs(self) -> Option<Flag> {
        match self {
            Slot::Promised => Some(Flag::Promise),
            Slot::LastTalk => Some(Flag::NoPromise),
            Slot::Topic => Some(Flag::Topic),
            Slot::Deadline => Some(Flag::Deadline),
            _ => None,
        }
    }

    /// Whether a subject line may use this slot (subjects have no conditions).
    pub fn allowed_in_subject(self) -> bool {
        matches!(self, Slot::Role | Slot::Company)
    }
}

/// A condition on a template line: `[promise] You mentioned ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Flag {
    /// A promise is in force.
    Promise,
    /// Nothing was promised.
    NoPromise,
    /// A topic of the interview is known.
    Topic,
    /// No topic is known.
    NoTopic,
    /// The outside change has a deadline.
    Deadline,
    /// The outside change has no deadline.
    NoDeadline,
}

impl Flag {
    const ALL: [Flag; 6] = [
        Flag::Promise,
        Flag::NoPromise,
        Flag::Topic,
        Flag::NoTopic,
        Flag::Deadline,
        Flag::NoDeadline,
    ];

    /// The name written between brackets.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Promise => "promise",
            Flag::NoPromise => "no-promise",
            Flag::Topic => "topic",
            Flag::NoTopic => "no-topic",
            Flag::Deadline => "deadline",
            Flag::NoDeadline => "no-deadline",
        }
    }

    /// The flag named `name`, if `kind` offers it.
    pub fn for_kind(name: &str, kind: MessageKind) -> Option<Flag> {
        Flag::pairs(kind)
            .iter()
            .flat_map(|&(yes, no)| [yes, no])
            .find(|flag| flag.name() == name)
    }

    /// The `[name]` list offered by `kind`, for error messages.
    pub fn known_for(kind: MessageKind) -> String {
        Flag::ALL
            .into_iter()
            .filter(|flag| Flag::for_kind(flag.name(), kind).is_some())
            .map(|flag| format!("[{}]", flag.name()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The flags of `kind` as (holds, does not hold) pairs: exactly one of each pair is set.
    pub fn pairs(kind: MessageKind) -> &'static [(Flag, Flag)] {
        match kind {
            MessageKind::ThankYou => &[
                (Flag::Topic, Flag::NoTopic),
                (Flag::Promise, Flag::NoPromise),
            ],
            MessageKind::Align => &[
                (Flag::Deadline, Flag::NoDeadline),
                (Flag::Promise, Flag::NoPromise),
            ],
            MessageKind::FollowUp
            | MessageKind::Final
            | MessageKind::Other
            | MessageKind::Reply
            | MessageKind::Withdraw => &[(Flag::Promise, Flag::NoPromise)],
        }
    }

    /// Every consistent set of flags of `kind` (one of each pair).
    pub fn combinations(kind: MessageKind) -> Vec<Vec<Flag>> {
        let pairs = Flag::pairs(kind);
        (0..1u32 << pairs.len())
            .map(|bits| {
                pairs
                    .iter()
                    .enumerate()
                    .map(|(i, &(yes, no))| if bits & (1 << i) != 0 { yes } else { no })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_offered_per_kind() {
        assert_eq!(
            Slot::for_kind("topic", MessageKind::ThankYou),
            Some(Slot::Topic)
        );
        assert_eq!(Slot::for_kind("topic", MessageKind::FollowUp), None);
        assert_eq!(
            Slot::for_kind("last_talk", MessageKind::Final),
            Some(Slot::LastTalk)
        );
        assert_eq!(Slot::for_kind("first_name", MessageKind::Align), None);
        assert!(Slot::known_for(MessageKind::Align).contains("{change}"));
    }

    #[test]
    fn combinations_cover_each_pair() {
        assert_eq!(Flag::combinations(MessageKind::FollowUp).len(), 2);
        let all = Flag::combinations(MessageKind::ThankYou);
        assert_eq!(all.len(), 4);
        assert!(all.contains(&vec![Flag::Topic, Flag::NoPromise]));
        assert_eq!(
            Flag::for_kind("no-deadline", MessageKind::Align),
            Some(Flag::NoDeadline)
        );
        assert_eq!(Flag::for_kind("deadline", MessageKind::ThankYou), None);
        assert_eq!(
            Flag::known_for(MessageKind::FollowUp),
            "[promise] [no-promise]"
        );
    }
}
