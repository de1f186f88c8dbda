//! The skeleton of an answer: when the advice is `respond` or `respond-offer`, what to say is
//! the user's decision, so the draft is the frame around it: the greeting, thanks for their
//! message (or offer), a marked gap `[your answer]`, for a request to schedule a line offering
//! times, and the close. The reviewer flags a gap left in (`vague.placeholder`), so a skeleton
//! is never sent unfinished.

use jiff::Timestamp;

use super::greeting::{clean, greeting};
use super::story::Story;
use super::template::phrases::{Hole, Phrases};
use super::{Draft, DraftError, DraftRequest, SUBJECT_WORDS, mailto_uri, word_count};
use crate::advisor::{Request, Step};
use crate::process::{MessageKind, Process};

/// How many wordings a skeleton has per tone: one (the words are the user's).
pub const SKELETON_VARIANTS: usize = 1;

/// Drafts the skeleton answering `step` (a `respond` or a `respond-offer`).
pub(crate) fn compose(
    process: &Process,
    step: Step,
    request: &DraftRequest,
    phrases: &Phrases,
    now: Timestamp,
) -> Result<Draft, DraftError> {
    let kind = MessageKind::Reply;
    if request.variant != 1 {
        return Err(DraftError::VariantOutOfRange {
            kind,
            tone: request.tone,
            given: request.variant,
            count: SKELETON_VARIANTS,
        });
    }
    let skeleton = &phrases.skeleton;
    let role = clean(&process.role);
    let with_role = |hole: Hole| match hole {
        Hole::Role => role.as_str(),
        _ => "",
    };
    let story = Story::of(process, now);
    let interview = story.interview.map(|(_, details)| details);
    let offer = step == Step::RespondOffer;
    let tone = request.tone.index();
    let thanks = if offer {
        &skeleton.thanks_offer
    } else {
        &skeleton.thanks
    };
    let mut paragraphs = vec![
        greeting(process, interview, request.tone, phrases),
        thanks
            .get(tone)
            .map(|p| p.render(with_role))
            .unwrap_or_default(),
        skeleton.gap.clone(),
    ];
    if step == Step::Respond(Request::Scheduling) {
        paragraphs.push(skeleton.times.clone());
    }
    paragraphs.push(skeleton.close.get(tone).cloned().unwrap_or_default());
    let mut body = paragraphs.join("\n\n");
    if let Some(name) = request.from.as_deref().map(clean).filter(|n| !n.is_empty()) {
        body.push('\n');
        body.push_str(&name);
    }
    let subject_pattern = if offer {
        &skeleton.subject_offer
    } else {
        &skeleton.subject
    };
    let subject = subject_pattern.render(with_role);
    let subject = if SUBJECT_WORDS.contains(&word_count(&subject)) {
        subject
    } else {
        // A long role name: the subject without it.
        subject_pattern
            .render(|_| "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let to: Vec<String> = process
        .contacts
        .first()
        .and_then(|contact| contact.email.as_deref())
        .map(str::trim)
        .filter(|email| crate::process::limits::is_email(email))
        .map(str::to_owned)
        .into_iter()
        .collect();
    Ok(Draft {
        kind,
        mailto: mailto_uri(&to, &subject, &body),
        subject,
        body,
        to,
        warning: None,
    })
}
