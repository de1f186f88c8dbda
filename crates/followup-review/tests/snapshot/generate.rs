//! The generator of the committed message set: deterministic (a fixed seed, a small PRNG),
//! built from the corpus's sentences and instances of every phrase-table line (with the
//! variations the matcher must survive: contractions, curly apostrophes, capitals,
//! intensifiers, gap words, negators, blocking neighbours), dates in every form, greetings to
//! right and wrong names, shouting and punctuation runs, long sentences, and a process (the
//! scenario documents, frozen into the set) with one of its moments for about half of them.
//!
//! Run it only to make a new set (`FOLLOWUP_GENERATE_SET=1`); the set is committed so the
//! engine's output can be compared across rewrites of the engine and of this generator.

use serde_json::{Value, json};

/// Messages in the set.
pub const MESSAGES: usize = 20_000;

/// splitmix64: tiny, deterministic on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const GREETINGS: &[&str] = &[
    "Hi Ana,",
    "Hello Mr. Okafor,",
    "Dear Ms. Souza,",
    "Hi there,",
    "Dear Hiring Manager,",
    "Hi Anna,",
    "Dear Sra. Ålvarez-Núñez,",
    "Good morning Bruno,",
    "Hey Jonas,",
    "Dear Dott.ssa Rossi,",
    "Hello Dr. Lima,",
    "Hi team,",
    "Dear Ing. Verdi,",
    "Hi Carla",
    "Hello,",
];

const SIGN_OFFS: &[&str] = &[
    "Best regards,\nMaria",
    "Kind regards,\nPriya Natarajan",
    "Thanks,\nLea",
    "Cheers,\nTom",
    "Best,\nMARIA SILVA",
    "Regards,\nOmar",
    "Thank you!!\nAna Lucia",
];

const QUESTIONS: &[&str] = &[
    "Is there any news on the timeline?",
    "Any news??",
    "Could you let me know where things stand?",
    "Is the timeline still the same?",
    "Do you have an update on next steps?",
    "Please let me know if you need anything else from me.",
    "Any update?!",
    "WHY IS THIS TAKING SO LONG?",
    "Is there any chance of an update before then?",
    "I would appreciate an update on the timeline.",
];

const DATES: &[&str] = &[
    "Friday",
    "Monday 11 May",
    "8 May",
    "May 8th",
    "the 8th",
    "the 8th of May",
    "05/08",
    "08/05/2026",
    "2026-05-08",
    "last week",
    "the end of last week",
    "the end of the week",
    "10 days ago",
    "a week ago",
    "a couple of weeks",
    "yesterday",
    "this morning",
    "next week",
    "Tues",
    "wed",
    "Thu",
    "early May",
    "June",
    "three business days ago",
    "the end of the month",
];

const DATE_SENTENCES: &[&str] = &[
    "You mentioned you expected to have an update by {}.",
    "We spoke {} about the Backend Engineer role.",
    "You said the team hoped to decide by {}.",
    "Thank you again for the interview on {}.",
    "I may be available {}.",
    "I sat on the sun deck on {}, and I have been thinking about the role.",
];

const FILLERS: &[&str] = &[
    "the", "about", "this", "again", "a", "little", "role", "now",
];
const INTENSIFIERS: &[&str] = &["really", "so", "very", "honestly", "just", "SO", "truly"];
const NUMBERS: &[&str] = &["3", "two", "ten", "several", "10", "a few"];
const WEEKDAYS: &[&str] = &["Friday", "monday", "Tues", "Wed", "thursday", "Fri"];
const MONTHS: &[&str] = &["May", "june", "Sept", "march", "Dec"];
const ORDINALS: &[&str] = &["8th", "21st", "third", "2nd"];
const SUFFIXES: &[&str] = &["", "s", "ed", "ing", "ly", "ious", "ness"];

const FRAMES: &[&str] = &[
    "{}.",
    "Honestly, {}.",
    "{}, and I wanted to check in.",
    "I wanted to say that {} about the Backend Engineer role.",
    "{}!!",
    "{}?",
    "So {}, as we discussed in the interview.",
    "{} since our conversation on Tuesday.",
];

const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("i am", &["I'm", "I’m", "IM", "im"]),
    ("i have", &["I've", "I’ve", "ive"]),
    ("do not", &["don't", "dont", "DON'T"]),
    ("can not", &["can't", "cannot", "cant"]),
    ("it is", &["it's", "It’s"]),
    ("you are", &["you're", "youre"]),
    ("is not", &["isn't", "isnt"]),
    ("will not", &["won't"]),
    ("going to", &["gonna"]),
    ("i would", &["I'd"]),
];

/// One instance of a phrase-table line, with variations.
fn instance(rng: &mut Rng, line: &str) -> String {
    let body = line.split("=>").next().unwrap_or(line).trim();
    let elements: Vec<&str> = body.split_whitespace().collect();
    let mut words: Vec<String> = Vec::new();
    for (index, element) in elements.iter().enumerate() {
        if let Some(gap) = element.strip_prefix('~') {
            let max: usize = if gap.is_empty() {
                3
            } else {
                gap.parse().unwrap_or(1)
            };
            // Sometimes one word more than the gap allows.
            let n = rng.below(max + 2);
            for _ in 0..n {
                words.push((*rng.pick(FILLERS)).to_owned());
            }
            continue;
        }
        if let Some(blocked) = element.strip_prefix('!') {
            if rng.chance(40) {
                let word = rng
                    .pick(&blocked.split('|').collect::<Vec<_>>())
                    .to_string();
                if index == 0 {
                    words.insert(0, word);
                } else {
                    words.push(word);
                }
            }
            continue;
        }
        let (slot, optional) = match element.strip_suffix('?') {
            Some(slot) => (slot, true),
            None => (*element, false),
        };
        if optional && rng.chance(50) {
            continue;
        }
        let alts: Vec<&str> = slot.split('|').collect();
        let alt = *rng.pick(&alts);
        let word = match alt {
            "@number" => (*rng.pick(NUMBERS)).to_owned(),
            "@weekday" => (*rng.pick(WEEKDAYS)).to_owned(),
            "@month" => (*rng.pick(MONTHS)).to_owned(),
            "@ordinal" => (*rng.pick(ORDINALS)).to_owned(),
            _ => match alt.strip_suffix('*') {
                Some(prefix) => format!("{prefix}{}", rng.pick(SUFFIXES)),
                None => alt.to_owned(),
            },
        };
        if !words.is_empty() {
            if rng.chance(12) {
                words.push((*rng.pick(INTENSIFIERS)).to_owned());
            }
            if rng.chance(5) {
                words.push("not".to_owned());
            }
        }
        words.push(word);
    }
    let mut text = words.join(" ");
    for (expanded, forms) in CONTRACTIONS {
        if text.contains(expanded) && rng.chance(50) {
            let form = *rng.pick(forms);
            text = text.replacen(expanded, form, 1);
        }
    }
    match rng.below(20) {
        0 => text.to_uppercase(),
        1..=8 => capitalise(&text),
        _ => text,
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The corpus's sentences and lines, as raw material.
fn corpus_sentences(corpus: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in corpus.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("===") {
            continue;
        }
        let mut start = 0;
        for (i, c) in line.char_indices() {
            if matches!(c, '.' | '?' | '!') && line[i + 1..].starts_with(' ') {
                out.push(line[start..=i].trim().to_owned());
                start = i + 1;
            }
        }
        if start < line.len() {
            out.push(line[start..].trim().to_owned());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The whole messages of the corpus.
fn corpus_messages(corpus: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in corpus.lines() {
        if line.starts_with("=== ") {
            out.push(String::new());
        } else if let Some(text) = out.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    out.iter().map(|t| t.trim().to_owned()).collect()
}

fn message(rng: &mut Rng, sentences: &[String], phrases: &[String], whole: &[String]) -> String {
    if rng.chance(8) {
        // A corpus message, sometimes with one more sentence in the middle of it.
        let mut text = rng.pick(whole).clone();
        if rng.chance(50) {
            let phrase = instance_sentence(rng, phrases);
            let at = text.find("\n\n").map_or(0, |i| i + 2);
            text.insert_str(at, &format!("{phrase} "));
        }
        return text;
    }
    let mut parts: Vec<String> = Vec::new();
    if rng.chance(70) {
        parts.push(format!("{}\n\n", rng.pick(GREETINGS)));
    }
    let count = 1 + rng.below(6);
    let mut body: Vec<String> = Vec::new();
    for _ in 0..count {
        let sentence = match rng.below(100) {
            0..=44 => rng.pick(sentences).clone(),
            45..=82 => instance_sentence(rng, phrases),
            83..=93 => {
                let date = *rng.pick(DATES);
                rng.pick(DATE_SENTENCES).replace("{}", date)
            }
            94..=97 => {
                let joined: Vec<String> = (0..3)
                    .map(|_| rng.pick(sentences).trim_end_matches('.').to_owned())
                    .collect();
                format!("{}.", joined.join(", and "))
            }
            _ => rng.pick(sentences).to_uppercase(),
        };
        body.push(sentence);
    }
    if rng.chance(60) {
        body.push((*rng.pick(QUESTIONS)).to_owned());
    }
    let separator = if rng.chance(20) { "\n" } else { " " };
    parts.push(body.join(separator));
    if rng.chance(70) {
        parts.push(format!("\n\n{}", rng.pick(SIGN_OFFS)));
    }
    let mut text = parts.concat();
    if rng.chance(3) {
        text = text.replace('\'', "\u{2019}");
    }
    text
}

fn instance_sentence(rng: &mut Rng, phrases: &[String]) -> String {
    let line: &String = rng.pick(phrases);
    let phrase = instance(rng, line);
    rng.pick(FRAMES).replace("{}", &phrase)
}

/// The set as lines of JSON: first one `{"process": ..., "moments": [...]}` per scenario, then
/// one `{"kind", "text"}` per message, with `"process"` (an index) and `"now"` for those
/// reviewed with a context.
pub fn generate(corpus: &str, tables: &[String], scenarios: &[Value]) -> String {
    let mut rng = Rng(0x5EED_F011_0C0F_FEE5);
    let sentences = corpus_sentences(corpus);
    let whole = corpus_messages(corpus);
    let phrases: Vec<String> = tables
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let mut out = String::new();
    let mut moments: Vec<Vec<String>> = Vec::new();
    for scenario in scenarios {
        let nows: Vec<String> = scenario["checks"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["now"].as_str().map(str::to_owned))
            .collect();
        let line = json!({"process": scenario["process"], "moments": nows});
        out.push_str(&line.to_string());
        out.push('\n');
        moments.push(nows);
    }
    let kinds = [
        "thank-you",
        "follow-up",
        "final",
        "align",
        "follow-up",
        "other",
    ];
    for _ in 0..MESSAGES {
        let text = message(&mut rng, &sentences, &phrases, &whole);
        let kind = *rng.pick(&kinds);
        let mut line = json!({"kind": kind, "text": text});
        if rng.chance(50) && !moments.is_empty() {
            let process = rng.below(moments.len());
            if !moments[process].is_empty() {
                let now = rng.pick(&moments[process]).clone();
                line["process"] = json!(process);
                line["now"] = json!(now);
            }
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}
