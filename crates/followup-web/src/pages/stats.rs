//! What your search tells you (`/stats`): the funnel, the reply rate per kind of message and
//! the reply rate by how late a follow-up went out, each drawn as an SVG on the server (no
//! script, nothing fetched) with its numbers in a table beneath for screen readers.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use followup_core::stats::{Rate, Stats};
use maud::{Markup, html};

use super::backend_error;
use super::layout::{Chrome, Nav, page as layout};
use crate::Web;

/// `GET /stats`.
pub async fn page(chrome: Chrome, State(web): State<Web>) -> Response {
    match web.backend(|b| b.stats()).await {
        Ok(stats) => layout("Stats", Nav::Stats, &chrome, body(&stats)).into_response(),
        Err(err) => backend_error(&chrome, err),
    }
}

/// One bar of a chart: its label, its value drawn against `max`, and the text printed at its
/// end (a count, or a percentage with its counts).
struct Bar {
    label: &'static str,
    value: f64,
    text: String,
}

fn body(stats: &Stats) -> Markup {
    if stats.processes == 0 {
        return html! {
            h1 { "What your search tells you" }
            p.empty { "Nothing tracked yet. " a href="/new" { "Add your first process" } "." }
        };
    }
    let f = &stats.funnel;
    let funnel = [
        ("Applied", f.applied),
        ("Interviewed", f.interviewed),
        ("Offered", f.offered),
        ("Hired", f.hired),
    ]
    .map(|(label, count)| Bar {
        label,
        value: f64::from(count),
        text: count.to_string(),
    });
    let r = &stats.reply_rate;
    let kinds = [
        ("Thank-you", r.thank_you),
        ("Follow-up", r.follow_up),
        ("Final", r.final_attempt),
        ("Align", r.align),
    ];
    let d = &stats.reply_rate_by_delay;
    let delays = [
        ("On the day", d.on_the_day),
        ("1 day late", d.one),
        ("2 days late", d.two),
        ("3–5 late", d.three_to_five),
        ("Over 5 late", d.over_five),
    ];
    let o = &stats.by_outcome;
    html! {
        h1 { "What your search tells you" }
        p.lead {
            (stats.processes) " processes: " (o.open) " open, " (o.hired) " hired, "
            (o.rejected) " rejected, " (o.withdrew) " withdrew, " (o.declined) " declined, "
            (o.no_answer) " with no answer."
        }
        dl.figures {
            dt { "Median time to a reply" }
            dd { (median(stats.median_business_days_to_reply)) }
            dt { "Went silent" }
            dd { (stats.went_silent.hits) " of " (stats.went_silent.of) " processes" (percent(stats.went_silent)) }
        }
        section.chart aria-labelledby="funnel" {
            h2 #funnel { "Funnel" }
            p.chart-note { "Processes that reached each stage." }
            (chart("funnel", &funnel, f64::from(f.applied.max(1))))
            (counts_table("Stage", "Processes", &funnel))
        }
        section.chart aria-labelledby="reply-rate" {
            h2 #reply-rate { "Reply rate by kind of message" }
            p.chart-note { "Replied ÷ sent: a reply, an offer or an interview came before your next message." }
            (chart("reply-rate", &rate_bars(&kinds), 1.0))
            (rates_table("Message", &kinds))
        }
        section.chart aria-labelledby="reply-delay" {
            h2 #reply-delay { "Follow-ups: reply rate by business days after the promised date" }
            p.chart-note { "With no promise, counted from the interview or the application." }
            (chart("reply-delay", &rate_bars(&delays), 1.0))
            (rates_table("When", &delays))
        }
    }
}

fn rate_bars(rates: &[(&'static str, Rate)]) -> Vec<Bar> {
    rates
        .iter()
        .map(|&(label, rate)| Bar {
            label,
            value: rate.ratio().unwrap_or(0.0),
            text: rate_text(rate),
        })
        .collect()
}

/// Geometry of a chart, in SVG user units: it scales to the page's width.
const WIDTH: f64 = 440.0;
const LABEL: f64 = 125.0;
const ROW: f64 = 34.0;
const BAR: f64 = 22.0;
const TEXT_ROOM: f64 = 95.0;

/// A horizontal bar chart. The SVG is decorative for screen readers (`aria-hidden`): the table
/// beneath carries the same numbers.
fn chart(id: &str, bars: &[Bar], max: f64) -> Markup {
    let height = ROW * bars.len() as f64 + 8.0;
    let room = WIDTH - LABEL - TEXT_ROOM;
    html! {
        svg.bars id={ "chart-" (id) } viewBox={ "0 0 " (WIDTH) " " (height) } width="100%"
            aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" {
            @for (i, bar) in bars.iter().enumerate() {
                @let y = 4.0 + ROW * i as f64;
                @let length = if max > 0.0 { (bar.value / max).clamp(0.0, 1.0) * room } else { 0.0 };
                text x="0" y=(y + BAR * 0.72) class="bar-label" { (bar.label) }
                rect x=(LABEL) y=(y) width=(room) height=(BAR) class="bar-track" {}
                rect x=(LABEL) y=(y) width=(round(length)) height=(BAR) class="bar-fill" {}
                text x=(LABEL + round(length) + 6.0) y=(y + BAR * 0.72) class="bar-value" { (bar.text) }
            }
        }
    }
}

fn counts_table(what: &str, unit: &str, bars: &[Bar]) -> Markup {
    html! {
        table.numbers {
            thead { tr { th scope="col" { (what) } th scope="col" { (unit) } } }
            tbody {
                @for bar in bars { tr { th scope="row" { (bar.label) } td { (bar.text) } } }
            }
        }
    }
}

fn rates_table(what: &str, rates: &[(&'static str, Rate)]) -> Markup {
    html! {
        table.numbers {
            thead { tr { th scope="col" { (what) } th scope="col" { "Sent" } th scope="col" { "Replied" } th scope="col" { "Rate" } } }
            tbody {
                @for (label, rate) in rates {
                    tr {
                        th scope="row" { (label) }
                        td { (rate.of) }
                        td { (rate.hits) }
                        td { (rate.ratio().map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "—".to_owned())) }
                    }
                }
            }
        }
    }
}

/// "2/3 (67%)", or "none sent".
fn rate_text(rate: Rate) -> String {
    if rate.of == 0 {
        "none sent".to_owned()
    } else {
        format!("{}/{}{}", rate.hits, rate.of, percent(rate))
    }
}

fn percent(rate: Rate) -> String {
    rate.ratio()
        .map(|ratio| format!(" ({:.0}%)", ratio * 100.0))
        .unwrap_or_default()
}

fn median(days: Option<f64>) -> String {
    match days {
        None => "no reply yet".to_owned(),
        Some(days) if (days - 1.0).abs() < f64::EPSILON => "1 business day".to_owned(),
        Some(days) => {
            let text = format!("{days:.1}");
            let text = text.strip_suffix(".0").unwrap_or(&text);
            format!("{text} business days")
        }
    }
}

/// SVG coordinates to a tenth of a unit, so the markup stays short and stable.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_prints_its_counts_and_nothing_sent_says_so() {
        assert_eq!(rate_text(Rate { hits: 1, of: 3 }), "1/3 (33%)");
        assert_eq!(rate_text(Rate { hits: 0, of: 0 }), "none sent");
        assert_eq!(median(Some(2.5)), "2.5 business days");
        assert_eq!(median(Some(1.0)), "1 business day");
    }

    #[test]
    fn bars_never_run_past_their_track() {
        let bars = [Bar {
            label: "x",
            value: 5.0,
            text: "5".to_owned(),
        }];
        let svg = chart("t", &bars, 2.0).into_string();
        let room = WIDTH - LABEL - TEXT_ROOM;
        assert_eq!(
            svg.matches(&format!("width=\"{room}\"")).count(),
            2,
            "{svg}"
        );
    }
}
