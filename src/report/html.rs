//! The report as one HTML file that needs nothing else: its style is inline, its plots are
//! SVG, and it has no script, so it opens offline and under `default-src 'none';
//! style-src 'unsafe-inline'`. Every text from records or packs is escaped: a lesson id is
//! whatever a page sent.

use super::calendar;
use super::figures::{rate, Figures, GoalFigures, LessonFigures};
use std::fmt::Write;

const STYLE: &str = "\
:root{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;background:#fff}\
body{margin:0}main{max-width:1180px;margin:0 auto;padding:24px}\
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.3rem;margin:36px 0 8px;border-bottom:1px solid #c4c4c4;padding-bottom:4px}\
h3{font-size:1.05rem;margin:24px 0 4px}p{margin:6px 0;max-width:80ch}.meta{color:#4a4a4a}\
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px;margin:12px 0}\
.figures div{border:1px solid #c4c4c4;border-radius:8px;padding:10px 12px}\
.figures dt{color:#4a4a4a;font-size:.85rem}.figures dd{margin:0;font-size:1.4rem;font-weight:600}\
table{border-collapse:collapse;width:100%;margin:8px 0 16px}caption{text-align:left;font-weight:600;padding:4px 0}\
th,td{border-bottom:1px solid #dcdcdc;padding:6px 8px;text-align:left;vertical-align:top}\
thead th{font-size:.85rem;color:#3a3a3a}.n{text-align:right;font-variant-numeric:tabular-nums}\
tbody th{font-weight:600;max-width:16rem;overflow-wrap:anywhere}code{font-size:.85em;color:#3a3a3a;font-weight:400}\
.flag{display:inline-block;background:#fff3c4;color:#4d3800;border:1px solid #a8841a;border-radius:10px;padding:0 8px;margin:2px 2px 0 0;font-size:.85rem;white-space:nowrap}\
.warn{background:#fdecea;color:#611a15;padding:8px 12px;border-radius:6px}\
svg{display:block;max-width:100%;height:auto}svg.funnel{max-width:none}svg text{fill:#1b1b1b;font-size:11px;font-family:inherit}\
.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;border-radius:2px}\
summary{cursor:pointer;margin:8px 0}";

/// Bars of the funnel and the chart of completions.
const BLUE: &str = "#2f6fb0";
/// "I know this".
const GREEN: &str = "#3d7a2a";
/// "Not now".
const GREY: &str = "#6d6d6d";
/// Active learners, and the step line of a goal.
const ORANGE: &str = "#b35900";
/// The share of learners past a single stop.
const PALE: &str = "#a9c7e8";

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for text and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `1234567` as `1,234,567`.
fn num(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `num ÷ den` as a whole percentage, or a dash.
fn percent(num: u64, den: u64) -> String {
    rate(num, den).map_or("–".into(), |r| format!("{:.0}%", r * 100.0))
}

/// A duration for people: `45 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`.
fn duration(ms: Option<i64>) -> String {
    let Some(ms) = ms else {
        return "–".into();
    };
    let s = ms / 1000;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        3600..86_400 => format!("{} h {} min", s / 3600, s % 3600 / 60),
        _ => format!("{} d {} h", s / 86_400, s % 86_400 / 3600),
    }
}

/// A lesson's name: its title and id, or its id alone.
fn lesson_name(title: Option<&str>, id: &str) -> String {
    match title {
        Some(t) => format!("{}<br><code>{}</code>", escape(t), escape(id)),
        None => format!("<code>{}</code>", escape(id)),
    }
}

/// The whole report.
pub fn render(f: &Figures) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = match &f.pack {
        Some((_, title)) => format!("Pathlight report: {}", escape(title)),
        None => "Pathlight report".to_string(),
    };
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body><main><h1>{title}</h1>"
    );
    meta(&mut h, f);
    overview(&mut h, f);
    lessons(&mut h, f);
    goals(&mut h, f);
    days(&mut h, f);
    h.push_str("<p class=\"meta\">Every figure counts learners, not events: docs/analytics.md defines each one. Days are in UTC.</p></main></body></html>\n");
    h
}

fn meta(h: &mut String, f: &Figures) {
    let i = &f.input;
    let pack = match &f.pack {
        Some((id, _)) => format!(" for the pack <code>{}</code>", escape(id)),
        None => String::new(),
    };
    let span = match (f.days.first(), f.days.last()) {
        (Some(a), Some(b)) if a.day != b.day => format!(", {} to {}", a.day, b.day),
        (Some(a), _) => format!(", on {}", a.day),
        _ => String::new(),
    };
    let _ = write!(
        h,
        "<p class=\"meta\">{} records in {} file{}{pack}{span}.</p>",
        num(i.records),
        num(i.files),
        if i.files == 1 { "" } else { "s" }
    );
    let mut notes = Vec::new();
    if i.problems.malformed > 0 {
        notes.push(format!(
            "{} malformed lines were left out",
            num(i.problems.malformed)
        ));
    }
    if i.dropped_by_widget > 0 {
        notes.push(format!(
            "the widget dropped {} records before sending (its queue was full)",
            num(i.dropped_by_widget)
        ));
    }
    if !notes.is_empty() {
        let _ = write!(h, "<p class=\"warn\">{}.</p>", notes.join("; "));
    }
}

fn overview(h: &mut String, f: &Figures) {
    let o = &f.overview;
    let of_pack = |n: u64| match &f.pack {
        Some(_) => format!(
            "{} <small>of {}</small>",
            num(n),
            num(f.lessons.iter().filter(|l| l.in_pack.is_some()).count() as u64)
        ),
        None => num(n),
    };
    let cells = [
        ("Learners", num(f.learners)),
        ("Shown a lesson", num(o.shown)),
        ("Opened a lesson", num(o.opened)),
        ("Completed a lesson", num(o.completed)),
        ("Lessons shown", of_pack(o.lessons_shown)),
        ("Lessons opened", of_pack(o.lessons_opened)),
        ("Lessons completed", of_pack(o.lessons_completed)),
        (
            "Completion rate",
            percent(o.pairs_opened_completed, o.pairs_opened),
        ),
        ("Median time, opened → completed", duration(o.median_ms)),
        ("Opened the panel", num(o.panel_opened)),
    ];
    h.push_str("<section aria-labelledby=\"overview\"><h2 id=\"overview\">Overview</h2><dl class=\"figures\">");
    for (term, value) in cells {
        let _ = write!(h, "<div><dt>{term}</dt><dd>{value}</dd></div>");
    }
    let _ = write!(
        h,
        "</dl><p>The completion rate is of learner-lesson pairs: of the {} times a learner opened a lesson (once per learner and lesson), {} ended in its completion.</p></section>",
        num(o.pairs_opened),
        num(o.pairs_opened_completed)
    );
}

fn funnel(l: &LessonFigures) -> String {
    let rows = [
        ("shown", l.shown, BLUE, 0),
        ("opened", l.opened, BLUE, 0),
        ("completed", l.completed, BLUE, 0),
        ("known", l.known, GREEN, 6),
        ("dismissed", l.dismissed, GREY, 6),
    ];
    let top = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let (label, bar) = (64.0, 150.0);
    let height = rows.len() * 16 + 8;
    let mut s = format!(
        "<svg class=\"funnel\" role=\"img\" width=\"260\" height=\"{height}\" viewBox=\"0 0 260 {height}\"><title>Learners of {}: shown {}, opened {}, completed {}; known {}, dismissed {}</title>",
        escape(&l.id), l.shown, l.opened, l.completed, l.known, l.dismissed
    );
    for (i, (name, value, color, gap)) in rows.into_iter().enumerate() {
        let y = i * 16 + gap;
        let w = bar * value as f64 / top as f64;
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{}\">{name}</text><rect x=\"{label}\" y=\"{}\" width=\"{w:.1}\" height=\"11\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{}\">{}</text>",
            y + 11,
            y + 2,
            label + w + 4.0,
            y + 11,
            num(value)
        );
    }
    s.push_str("</svg>");
    s
}

fn lessons(h: &mut String, f: &Figures) {
    h.push_str("<section aria-labelledby=\"lessons\"><h2 id=\"lessons\">Per lesson</h2>\
        <p>Lessons where most learners drop off come first: learners who were shown or opened the lesson and neither completed it nor marked it “I know this”.</p>");
    if f.lessons.is_empty() {
        h.push_str("<p>No lesson has a record.</p></section>");
        return;
    }
    h.push_str("<table><caption>Learners per lesson: the funnel from shown to completed, how far they read, and what to look at</caption><thead><tr>\
        <th scope=\"col\">Lesson</th><th scope=\"col\">Funnel (learners)</th><th scope=\"col\" class=\"n\">Completed of opened</th>\
        <th scope=\"col\" class=\"n\">Dropped off</th><th scope=\"col\">Read (Why · What · How)</th><th scope=\"col\">Show me steps reached</th>\
        <th scope=\"col\" class=\"n\">Median opened → completed</th><th scope=\"col\">Flags</th></tr></thead><tbody>");
    for l in &f.lessons {
        let steps = if l.steps.is_empty() {
            "–".to_string()
        } else {
            l.steps
                .iter()
                .enumerate()
                .map(|(k, n)| format!("{}: {}", k + 1, num(*n)))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let flags: String = l
            .flags
            .iter()
            .map(|fl| format!("<span class=\"flag\">{}</span>", fl.words()))
            .collect();
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}<br><small>{} of {}</small></td><td class=\"n\">{}</td><td>{} · {} · {}</td><td>{steps}</td><td class=\"n\">{}</td><td>{flags}</td></tr>",
            lesson_name(l.title.as_deref(), &l.id),
            funnel(l),
            percent(l.opened_completed, l.opened),
            num(l.opened_completed),
            num(l.opened),
            num(l.dropped_off),
            num(l.layers[0]),
            num(l.layers[1]),
            num(l.layers[2]),
            duration(l.median_ms),
        );
    }
    h.push_str("</tbody></table><p>Flags: <span class=\"flag\">opened, rarely completed</span> at least 5 learners opened it and under 25% of them completed it; \
        <span class=\"flag\">mostly known</span> at least 5 opened it and more than half marked it “I know this”; \
        <span class=\"flag\">never shown</span> in the pack, and no learner has a record of it.</p></section>");
}

fn step_chart(g: &GoalFigures) -> String {
    let n = g.stops.len();
    let (left, top, plot_h, col) = (40.0, 10.0, 150.0, (600.0 / n as f64).clamp(24.0, 90.0));
    let width = left + col * n as f64 + 10.0;
    let height = top + plot_h + 24.0;
    let y = |count: u64| top + plot_h * (1.0 - rate(count, g.chosen).unwrap_or(0.0));
    let through: Vec<String> = g
        .stops
        .iter()
        .enumerate()
        .map(|(k, s)| {
            format!(
                "stop {} {}%",
                k + 1,
                rate(s.through, g.chosen).map_or(0.0, |r| (r * 100.0).round())
            )
        })
        .collect();
    let mut s = format!(
        "<svg role=\"img\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\"><title>Share of the {} learners who chose {} past every stop up to each one: {}</title>",
        g.chosen,
        escape(g.title.as_deref().unwrap_or(&g.id)),
        through.join(", ")
    );
    for (share, label) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
        let gy = top + plot_h * (1.0 - share);
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{gy:.1}\" y2=\"{gy:.1}\" stroke=\"#c4c4c4\"/><text x=\"0\" y=\"{:.1}\">{label}</text>",
            width - 10.0,
            gy + 4.0
        );
    }
    let mut path = format!("M{left:.1} {:.1}", y(g.chosen));
    for (k, stop) in g.stops.iter().enumerate() {
        let x = left + col * k as f64;
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{PALE}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x + col * 0.2,
            y(stop.past),
            col * 0.6,
            top + plot_h - y(stop.past),
            x + col / 2.0,
            top + plot_h + 16.0,
            k + 1
        );
        let _ = write!(
            path,
            " L{x:.1} {:.1} L{:.1} {:.1}",
            y(stop.through),
            x + col,
            y(stop.through)
        );
    }
    let _ = write!(
        s,
        "<path d=\"{path}\" fill=\"none\" stroke=\"{ORANGE}\" stroke-width=\"2.5\"/></svg>"
    );
    s
}

fn goals(h: &mut String, f: &Figures) {
    h.push_str("<section aria-labelledby=\"goals\"><h2 id=\"goals\">Per goal</h2>");
    if f.goals.is_empty() {
        h.push_str("<p>No learner chose a goal, and no pack was given.</p></section>");
        return;
    }
    for g in &f.goals {
        let name = match &g.title {
            Some(t) => format!("{} <code>{}</code>", escape(t), escape(&g.id)),
            None => format!("<code>{}</code>", escape(&g.id)),
        };
        let _ = write!(
            h,
            "<h3>{name}</h3><p>Chosen by {} of {} learners ({}).</p>",
            num(g.chosen),
            num(f.learners),
            percent(g.chosen, f.learners)
        );
        if g.stops.is_empty() {
            if f.pack.is_none() {
                h.push_str("<p class=\"meta\">Give the pack (<code>--pack</code>) to see its learning map.</p>");
            }
            continue;
        }
        if g.chosen > 0 {
            h.push_str(&step_chart(g));
            let _ = write!(
                h,
                "<p><span class=\"key\" style=\"background:{ORANGE}\"></span>past every stop up to this one<span class=\"key\" style=\"background:{PALE}\"></span>past this stop (completed or known)</p>"
            );
        }
        if let Some(k) = g.stall {
            let stop = &g.stops[k];
            let before = if k == 0 {
                g.chosen
            } else {
                g.stops[k - 1].through
            };
            let _ = write!(
                h,
                "<p>Most learners stall at stop {}, <strong>{}</strong>: {} of them got past every stop before it and not past this one.</p>",
                k + 1,
                escape(&stop.title),
                num(before - stop.through)
            );
        }
        let _ = write!(
            h,
            "<table><caption>The learning map of {} for a new learner, and how far the learners who chose it got</caption><thead><tr><th scope=\"col\" class=\"n\">Stop</th><th scope=\"col\">Lesson</th><th scope=\"col\" class=\"n\">Past this stop</th><th scope=\"col\" class=\"n\">Past every stop up to it</th></tr></thead><tbody>",
            escape(g.title.as_deref().unwrap_or(&g.id))
        );
        for (k, s) in g.stops.iter().enumerate() {
            let _ = write!(
                h,
                "<tr><td class=\"n\">{}</td><th scope=\"row\">{}</th><td class=\"n\">{} ({})</td><td class=\"n\">{} ({})</td></tr>",
                k + 1,
                lesson_name(Some(&s.title), &s.lesson),
                num(s.past),
                percent(s.past, g.chosen),
                num(s.through),
                percent(s.through, g.chosen)
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section>");
}

/// Days with no record between two that have one are drawn as zero, for spans up to this.
const MAX_FILLED_DAYS: usize = 800;

fn days(h: &mut String, f: &Figures) {
    h.push_str("<section aria-labelledby=\"days\"><h2 id=\"days\">Over time</h2>");
    if f.days.is_empty() {
        h.push_str("<p>No records.</p></section>");
        return;
    }
    // The days to draw: every day from the first to the last when the span is not absurd.
    let (first, last) = (f.days[0].number, f.days[f.days.len() - 1].number);
    let span_days = (last - first + 1) as usize;
    let series: Vec<(String, u64, u64)> = if span_days <= MAX_FILLED_DAYS {
        let mut all: Vec<(String, u64, u64)> =
            (first..=last).map(|k| (calendar::date(k), 0, 0)).collect();
        for d in &f.days {
            let at = (d.number - first) as usize;
            all[at].1 = d.completions;
            all[at].2 = d.active;
        }
        all
    } else {
        f.days
            .iter()
            .map(|d| (d.day.clone(), d.completions, d.active))
            .collect()
    };
    let top = series
        .iter()
        .map(|d| d.1.max(d.2))
        .max()
        .unwrap_or(0)
        .max(1);
    let n = series.len();
    let (left, plot_h, plot_w) = (44.0, 160.0, 660.0);
    let col = plot_w / n as f64;
    let y = |v: u64| 10.0 + plot_h * (1.0 - v as f64 / top as f64);
    let total_completions: u64 = f.days.iter().map(|d| d.completions).sum();
    let _ = write!(
        h,
        "<svg role=\"img\" width=\"720\" height=\"210\" viewBox=\"0 0 720 210\"><title>Per day from {} to {}: completions (bars, {} in all) and active learners (line, at most {} in a day)</title>",
        series[0].0,
        series[n - 1].0,
        num(total_completions),
        num(f.days.iter().map(|d| d.active).max().unwrap_or(0))
    );
    for (v, label) in [(0, "0".to_string()), (top, num(top))] {
        let _ = write!(
            h,
            "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#c4c4c4\"/><text x=\"0\" y=\"{:.1}\">{label}</text>",
            left + plot_w,
            y(v),
            y(v),
            y(v) + 4.0
        );
    }
    let mut line = String::new();
    for (k, (_, completions, active)) in series.iter().enumerate() {
        let x = left + col * k as f64;
        if *completions > 0 {
            let _ = write!(
                h,
                "<rect x=\"{:.2}\" y=\"{:.1}\" width=\"{:.2}\" height=\"{:.1}\" fill=\"{BLUE}\"/>",
                x + col * 0.15,
                y(*completions),
                (col * 0.7).max(0.5),
                10.0 + plot_h - y(*completions)
            );
        }
        let _ = write!(
            line,
            "{}{:.2} {:.1}",
            if k == 0 { "M" } else { " L" },
            x + col / 2.0,
            y(*active)
        );
    }
    let _ = write!(
        h,
        "<path d=\"{line}\" fill=\"none\" stroke=\"{ORANGE}\" stroke-width=\"2\"/><text x=\"{left}\" y=\"200\">{}</text><text x=\"{:.1}\" y=\"200\" text-anchor=\"end\">{}</text></svg>",
        series[0].0,
        left + plot_w,
        series[n - 1].0
    );
    let _ = write!(
        h,
        "<p><span class=\"key\" style=\"background:{BLUE}\"></span>completions (learner-lesson pairs completed that day)<span class=\"key\" style=\"background:{ORANGE}\"></span>active learners</p>\
         <details><summary>Per day, as a table</summary><table><caption>Completions and active learners per day (UTC)</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\" class=\"n\">Completions</th><th scope=\"col\" class=\"n\">Active learners</th></tr></thead><tbody>"
    );
    for d in &f.days {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            d.day,
            num(d.completions),
            num(d.active)
        );
    }
    h.push_str("</tbody></table></details></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<b a='1'>&\"</b>"),
            "&lt;b a=&#39;1&#39;&gt;&amp;&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn numbers_and_durations_read_as_people_write_them() {
        assert_eq!(num(1234567), "1,234,567");
        assert_eq!(num(12), "12");
        assert_eq!(duration(Some(185_000)), "3 min 5 s");
        assert_eq!(duration(None), "–");
    }
}
