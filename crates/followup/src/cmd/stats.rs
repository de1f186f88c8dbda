//! `followup stats [--json]`: what the search tells you — which messages get answers, how
//! long companies take, how processes end. The figures come from [`followup_core::stats`];
//! this file only prints them.

use std::io::Write;
use std::process::ExitCode;

use followup_core::stats::{Rate, Stats};

use super::{Context, Run};
use crate::cli::StatsArgs;

impl Run for StatsArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let stats = app.stats()?;
        let mut out = crate::output::stdout();
        if self.json {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        } else {
            write!(out, "{}", render(&stats))?;
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The text form: one line per figure, each rate with the counts it comes from.
fn render(stats: &Stats) -> String {
    if stats.processes == 0 {
        return "Nothing tracked yet. Start with: followup add ACME --role \"Backend Engineer\"\n"
            .to_owned();
    }
    let o = &stats.by_outcome;
    let f = &stats.funnel;
    let r = &stats.reply_rate;
    let d = &stats.reply_rate_by_delay;
    let median = match stats.median_business_days_to_reply {
        Some(days) if (days - 1.0).abs() < f64::EPSILON => "1 business day".to_owned(),
        Some(days) => format!("{} business days", trim(days)),
        None => "— (no message has had a reply yet)".to_owned(),
    };
    let mut text = String::new();
    text.push_str(&format!(
        "Processes: {} ({} open, {} hired, {} rejected, {} withdrew, {} declined, {} no answer)\n",
        stats.processes, o.open, o.hired, o.rejected, o.withdrew, o.declined, o.no_answer
    ));
    text.push_str(&format!(
        "Funnel: applied {} → interviewed {} → offered {} → hired {}\n",
        f.applied, f.interviewed, f.offered, f.hired
    ));
    text.push_str(&format!(
        "Reply rate: thank-you {}, follow-up {}, final {}, align {}\n",
        rate(r.thank_you),
        rate(r.follow_up),
        rate(r.final_attempt),
        rate(r.align)
    ));
    text.push_str(&format!(
        "Follow-ups by business days after the promised date: on the day {}, 1 {}, 2 {}, 3–5 {}, over 5 {}\n",
        rate(d.on_the_day),
        rate(d.one),
        rate(d.two),
        rate(d.three_to_five),
        rate(d.over_five)
    ));
    text.push_str(&format!("Median time to a reply: {median}\n"));
    text.push_str(&format!(
        "Went silent: {} of {} processes{}\n",
        stats.went_silent.hits,
        stats.went_silent.of,
        percent(stats.went_silent)
    ));
    text
}

/// "2/3 (67%)", or "—" when nothing was sent.
fn rate(rate: Rate) -> String {
    if rate.of == 0 {
        "—".to_owned()
    } else {
        format!("{}/{}{}", rate.hits, rate.of, percent(rate))
    }
}

fn percent(rate: Rate) -> String {
    rate.ratio()
        .map(|ratio| format!(" ({:.0}%)", ratio * 100.0))
        .unwrap_or_default()
}

/// A median such as 2.5 prints as "2.5", 3.0 as "3".
fn trim(days: f64) -> String {
    let text = format!("{days:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_sent_shows_a_dash_and_no_percentage() {
        assert_eq!(rate(Rate { hits: 0, of: 0 }), "—");
        assert_eq!(rate(Rate { hits: 2, of: 3 }), "2/3 (67%)");
        assert_eq!(trim(2.5), "2.5");
        assert_eq!(trim(3.0), "3");
    }
}
