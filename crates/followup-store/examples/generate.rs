//! Writes a synthetic export for benchmarks: `cargo run --release -p followup-store --example
//! generate -- PROCESSES EVENTS > export.json` (defaults: 10,000 processes × 10 events).
//!
//! The data is deterministic (a fixed-seed generator) and valid: every document passes
//! `followup import`. Timelines repeat interview → promise → follow-up → reply cycles over the
//! months before 2026-06-01, with a few processes closed.

use std::io::Write;

use serde_json::{Value, json};

/// A small fixed-seed generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const COMPANIES: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Wayne",
    "Stark",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
];
const ROLES: &[&str] = &[
    "Backend Engineer",
    "Product Designer",
    "Data Analyst",
    "Site Reliability Engineer",
    "Frontend Engineer",
    "Engineering Manager",
];
const ZONES: &[&str] = &["America/Sao_Paulo", "Europe/Lisbon", "UTC", "Asia/Tokyo"];

fn main() {
    let mut args = std::env::args().skip(1);
    let processes: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let events: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // 2026-01-05 00:00 UTC, in seconds; timelines are spread over the following 20 weeks.
    let start = 1_767_571_200u64;
    let docs: Vec<Value> = (0..processes)
        .map(|i| {
            let company = COMPANIES[(i % COMPANIES.len() as u64) as usize];
            let role = ROLES[rng.below(ROLES.len() as u64) as usize];
            let zone = ZONES[rng.below(ZONES.len() as u64) as usize];
            let mut at = start + rng.below(100 * 86_400);
            let mut timeline = Vec::new();
            for n in 0..events {
                at += 3_600 + rng.below(4 * 86_400);
                let when = jiff::Timestamp::from_second(at as i64)
                    .map(|t| t.to_string())
                    .unwrap_or_default();
                let event = match n % 5 {
                    0 => json!({"type": "interview", "at": when, "rapport": "formal",
                                "topics": ["systems design"], "stage": format!("round {}", n / 5 + 1)}),
                    1 => {
                        let by = jiff::Timestamp::from_second((at + 4 * 86_400) as i64)
                            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string())
                            .unwrap_or_default();
                        json!({"type": "promise", "at": when, "by": by})
                    }
                    2 => json!({"type": "sent", "at": when, "kind": "follow-up",
                                "subject": "Checking in", "body": "Hi, any news on the role? Thanks."}),
                    3 => json!({"type": "reply", "at": when, "body": "Still deciding, soon."}),
                    _ if n + 1 == events && i % 7 == 0 => {
                        json!({"type": "closed", "at": when, "outcome": "rejected"})
                    }
                    _ => json!({"type": "sent", "at": when, "kind": "thank-you"}),
                };
                let mut event = event;
                // Ids as an export carries them, so importing the file twice changes nothing.
                event["id"] = Value::from(format!("{i:08x}{n:08x}"));
                timeline.push(event);
            }
            json!({
                "format": 1,
                "id": format!("bench-{i:08x}"),
                "company": format!("{company} {i}"),
                "role": role,
                "timezone": zone,
                "contacts": [{"name": "Ana Souza", "email": format!("ana{i}@example.com")}],
                "events": timeline,
            })
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let _ = serde_json::to_writer(&mut out, &docs);
    let _ = writeln!(out);
}
