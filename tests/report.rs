//! `pathlight report` as product teams run it: the built binary on small hand-made logs
//! whose figures can be counted by hand. Every figure counts learners, not events.
#![cfg(all(not(target_arch = "wasm32"), feature = "report"))]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder for one test.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pathlight-report-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn pathlight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathlight"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the pathlight binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One collected record, format 1.
fn rec(learner: &str, t: i64, kind: &str, detail: &str) -> String {
    format!(
        r#"{{"v":1,"t":{t},"type":"{kind}","detail":{{{detail}}},"pack":"fixture","pack_version":"x","learner":"{learner}","visit":"v1"}}"#
    )
}

/// `"lesson":"<id>"`.
fn lesson(id: &str) -> String {
    format!(r#""lesson":"{id}""#)
}

/// 2026-12-01T00:00:00Z.
const DAY1: i64 = 1_796_083_200_000;
const MIN: i64 = 60_000;

/// Writes `lines` to `dir/name`.
fn file(dir: &Path, name: &str, lines: &[String]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.to_string_lossy().into_owned()
}

/// `pathlight report <files> <more> --json`: the figures, exit 0 asserted.
fn report(files: &[&str], more: &[&str]) -> Value {
    let mut args = vec!["report"];
    args.extend_from_slice(files);
    args.extend_from_slice(more);
    args.push("--json");
    let out = pathlight(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn lesson_of<'a>(figures: &'a Value, id: &str) -> &'a Value {
    figures["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .unwrap_or_else(|| panic!("no lesson {id} in {figures:#}"))
}

fn goal_of<'a>(figures: &'a Value, id: &str) -> &'a Value {
    figures["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("no goal {id} in {figures:#}"))
}

/// A log of three learners with one lesson, `a`, counted by hand in the test below.
fn three_learners() -> Vec<String> {
    let a = lesson("a");
    vec![
        // ann: shown, opens five times, reads why and how, Show me to step 3, completes.
        rec("ann", DAY1, "shown", &a),
        rec("ann", DAY1 + MIN, "opened", &a),
        rec("ann", DAY1 + 2 * MIN, "opened", &a),
        rec("ann", DAY1 + 3 * MIN, "opened", &a),
        rec("ann", DAY1 + 4 * MIN, "opened", &a),
        rec("ann", DAY1 + 5 * MIN, "opened", &a),
        rec(
            "ann",
            DAY1 + MIN,
            "layer_viewed",
            &format!(r#"{a},"layer":"why""#),
        ),
        rec(
            "ann",
            DAY1 + MIN,
            "layer_viewed",
            &format!(r#"{a},"layer":"how""#),
        ),
        rec("ann", DAY1 + MIN, "step_shown", &format!(r#"{a},"step":1"#)),
        rec("ann", DAY1 + MIN, "step_shown", &format!(r#"{a},"step":3"#)),
        rec("ann", DAY1 + MIN, "step_shown", &format!(r#"{a},"step":2"#)),
        rec(
            "ann",
            DAY1 + 11 * MIN,
            "completed",
            &format!(r#"{a},"how":"click""#),
        ),
        rec(
            "ann",
            DAY1 + 11 * MIN,
            "closed",
            &format!(r#"{a},"how":"completed""#),
        ),
        // bob: shown, opens, reads why, closes with Escape, then "Not now".
        rec("bob", DAY1, "shown", &a),
        rec("bob", DAY1 + MIN, "opened", &a),
        rec(
            "bob",
            DAY1 + MIN,
            "layer_viewed",
            &format!(r#"{a},"layer":"why""#),
        ),
        rec(
            "bob",
            DAY1 + 2 * MIN,
            "closed",
            &format!(r#"{a},"how":"escape""#),
        ),
        rec("bob", DAY1 + 3 * MIN, "dismissed", &a),
        // cat: completes without ever opening, then opens it and says she knows it.
        rec("cat", DAY1, "completed", &format!(r#"{a},"how":"event""#)),
        rec("cat", DAY1 + 20 * MIN, "opened", &a),
        rec("cat", DAY1 + 21 * MIN, "known", &a),
        rec("cat", DAY1 + 22 * MIN, "panel_opened", ""),
    ]
}

#[test]
fn funnel_layers_steps_and_closes_of_a_hand_made_log() {
    let dir = folder("funnel");
    let f = report(&[&file(&dir, "a.ndjson", &three_learners())], &[]);
    assert_eq!(f["learners"], 3);
    let a = lesson_of(&f, "a");
    let counts: Vec<u64> = [
        "met",
        "shown",
        "opened",
        "completed",
        "known",
        "dismissed",
        "opened_completed",
        "dropped_off",
    ]
    .iter()
    .map(|k| a[k].as_u64().unwrap())
    .collect();
    // dropped off: bob alone (ann completed, cat knew it).
    assert_eq!(counts, [3, 2, 3, 2, 1, 1, 2, 1]);
    assert_eq!(
        a["layers"],
        serde_json::json!({ "why": 2, "what": 0, "how": 1 })
    );
    assert_eq!(a["steps"], serde_json::json!([1, 1, 1]));
    assert_eq!(
        a["closed"],
        serde_json::json!({ "button": 0, "escape": 1, "command": 0, "completed": 1 })
    );
    // ann: 10 minutes from her first opened to her completion; cat completed before she
    // opened, so she has no time.
    assert_eq!(a["median_ms_opened_to_completed"], 10 * MIN);
    let o = &f["overview"];
    assert_eq!(
        (
            o["shown"].as_u64(),
            o["opened"].as_u64(),
            o["completed"].as_u64(),
            o["panel_opened"].as_u64()
        ),
        (Some(2), Some(3), Some(2), Some(1))
    );
    assert_eq!(
        (
            o["pairs_opened"].as_u64(),
            o["pairs_opened_completed"].as_u64()
        ),
        (Some(3), Some(2))
    );
    assert!((o["completion_rate"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn a_learner_who_opens_a_card_five_times_counts_once() {
    let dir = folder("five-times");
    let lines: Vec<String> = (0..5)
        .map(|k| rec("ann", DAY1 + k * MIN, "opened", &lesson("a")))
        .collect();
    let f = report(&[&file(&dir, "a.ndjson", &lines)], &[]);
    assert_eq!(f["input"]["records"], 5);
    assert_eq!(
        (
            f["learners"].as_u64(),
            lesson_of(&f, "a")["opened"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(f["days"][0]["active"], 1);
}

#[test]
fn reading_the_same_file_twice_changes_no_learner_count() {
    let dir = folder("twice");
    let path = file(&dir, "a.ndjson", &three_learners());
    let mut once = report(&[&path], &["--pack", "tests/fixtures/pack"]);
    let mut twice = report(&[&path, &path], &["--pack", "tests/fixtures/pack"]);
    assert_eq!(
        twice["input"]["records"],
        2 * once["input"]["records"].as_u64().unwrap()
    );
    once.as_object_mut().unwrap().remove("input");
    twice.as_object_mut().unwrap().remove("input");
    assert_eq!(once, twice);
}

#[test]
fn gzip_input_is_read_by_its_magic_bytes_whatever_its_name() {
    use flate2::{write::GzEncoder, Compression};
    let dir = folder("gzip");
    let lines = three_learners();
    let plain = file(&dir, "plain.ndjson", &lines);
    // Two gzip members in one file, as batches gzipped one by one and concatenated, under
    // a name that does not say gzip.
    let mut bytes = Vec::new();
    for half in [&lines[..7], &lines[7..]] {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all((half.join("\n") + "\n").as_bytes()).unwrap();
        bytes.extend(gz.finish().unwrap());
    }
    let zipped = dir.join("batches.ndjson");
    std::fs::write(&zipped, &bytes).unwrap();
    // And a plain file named .gz.
    let misnamed = dir.join("plain.gz");
    std::fs::copy(&plain, &misnamed).unwrap();
    let mut expected = report(&[&plain], &[]);
    for path in [&zipped, &misnamed] {
        let mut got = report(&[path.to_str().unwrap()], &[]);
        assert_eq!(got["input"]["malformed"], 0);
        got.as_object_mut().unwrap().remove("input");
        expected.as_object_mut().unwrap().remove("input");
        assert_eq!(got, expected, "{}", path.display());
    }
}

#[test]
fn a_broken_gzip_file_keeps_what_was_read_and_warns() {
    use flate2::{write::GzEncoder, Compression};
    let dir = folder("broken-gzip");
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all((three_learners().join("\n") + "\n").as_bytes())
        .unwrap();
    let mut bytes = gz.finish().unwrap();
    bytes.truncate(bytes.len() - 12);
    let path = dir.join("cut.gz");
    std::fs::write(&path, &bytes).unwrap();
    let out = pathlight(&["report", path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cut.gz: the gzip data is broken"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn segment_records_count_like_collected_ones_and_may_mix_in_one_file() {
    let dir = folder("segment");
    let collected = three_learners();
    let expected = report(&[&file(&dir, "collected.ndjson", &collected)], &[]);
    // The same records as a Segment export gives them: ann by userId, bob anonymous, cat's
    // time in originalTimestamp, and some with only the event's name.
    let segment: Vec<String> = collected
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let r: Value = serde_json::from_str(line).unwrap();
            if i % 3 == 0 {
                return line.clone();
            }
            let t = r["t"].as_i64().unwrap();
            let ms = t % 1000;
            let secs = (t / 1000) % 86_400;
            let stamp = format!(
                "2026-12-01T{:02}:{:02}:{:02}.{ms:03}Z",
                secs / 3600,
                secs % 3600 / 60,
                secs % 60
            );
            let mut properties = r["detail"].clone();
            if i % 2 == 0 {
                properties["type"] = r["type"].clone();
            }
            let who = match r["learner"].as_str().unwrap() {
                "bob" => serde_json::json!({ "anonymousId": "bob" }),
                other => serde_json::json!({ "userId": other, "anonymousId": "x" }),
            };
            let time = if r["learner"] == "cat" {
                "originalTimestamp"
            } else {
                "timestamp"
            };
            let mut s = serde_json::json!({
                "type": "track",
                "event": format!("Pathlight {}", r["type"].as_str().unwrap()),
                time: stamp,
                "properties": properties,
            });
            for (k, v) in who.as_object().unwrap() {
                s[k] = v.clone();
            }
            s.to_string()
        })
        .collect();
    let mut got = report(&[&file(&dir, "segment.ndjson", &segment)], &[]);
    let mut expected = expected;
    assert_eq!(got["input"]["malformed"], 0, "{got:#}");
    got.as_object_mut().unwrap().remove("input");
    expected.as_object_mut().unwrap().remove("input");
    assert_eq!(got, expected);
}

#[test]
fn malformed_lines_are_warned_by_file_and_line_then_counted_never_fatal() {
    let dir = folder("malformed");
    let mut lines = vec![rec("ann", DAY1, "opened", &lesson("a"))];
    for k in 0..8 {
        lines.push(format!("{{not json {k}"));
    }
    lines.push(rec("bob", DAY1, "opened", &lesson("a")));
    lines.push(r#"{"v":1,"t":1,"type":"a_future_event","learner":"x"}"#.into());
    let path = file(&dir, "m.ndjson", &lines);
    let out = pathlight(&["report", &path, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(warnings.len(), 6, "{err}");
    assert!(
        warnings[0].starts_with(&format!("warning: {path}:2: not a JSON record")),
        "{err}"
    );
    assert!(
        warnings[4].starts_with(&format!("warning: {path}:6:")),
        "{err}"
    );
    assert_eq!(warnings[5], "warning: and 3 more malformed lines");
    let f: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            f["input"]["malformed"].as_u64(),
            f["input"]["skipped"].as_u64()
        ),
        (Some(8), Some(1))
    );
    assert_eq!(lesson_of(&f, "a")["opened"], 2);
}

#[test]
fn hostile_lesson_ids_goal_ids_and_learner_keys_are_escaped_in_the_html() {
    let dir = folder("hostile");
    let evil = r#"<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"#;
    let lines = vec![
        rec(evil, DAY1, "opened", &format!(r#""lesson":"{evil}""#)),
        rec(
            evil,
            DAY1,
            "goal_changed",
            &format!(r#""goals":["{evil}"]"#),
        ),
    ];
    let path = file(&dir, "h.ndjson", &lines);
    let html = dir.join("report.html");
    let out = pathlight(&["report", &path, "-o", html.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        !text.contains("<script") && !text.contains("<img"),
        "markup got through"
    );
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
    );
}

#[test]
fn the_html_needs_nothing_from_outside_and_has_no_script() {
    let dir = folder("self-contained");
    let html = dir.join("r.html");
    let path = file(&dir, "a.ndjson", &three_learners());
    let out = pathlight(&[
        "report",
        &path,
        "--pack",
        "tests/fixtures/pack",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("wrote "));
    let text = std::fs::read_to_string(&html).unwrap().to_lowercase();
    for outside in [
        "<script", "<link", "src=", "href=", "url(", "@import", "http:", "https:",
    ] {
        assert!(!text.contains(outside), "{outside}");
    }
    for part in [
        "<h2 id=\"overview\">",
        "<h2 id=\"lessons\">",
        "<h2 id=\"goals\">",
        "<h2 id=\"days\">",
        "<caption>",
    ] {
        assert!(text.contains(part), "{part}");
    }
    // Every plot is an image with a text alternative.
    let plots = text.matches("<svg").count();
    assert!(plots > 3);
    assert_eq!(text.matches("role=\"img\"").count(), plots);
    assert_eq!(
        text.matches("<title>").count(),
        plots + 1,
        "one per plot, and the page's"
    );
}

#[test]
fn goals_count_learners_who_ever_chose_them_and_the_map_shows_where_they_stall() {
    // The fixture pack's goal get-paid: export-report (weight 2), then send-invoice, which
    // needs it.
    let dir = folder("goals");
    let done = |who: &str, id: &str, how: &str| rec(who, DAY1 + MIN, how, &lesson(id));
    let chose =
        |who: &str, goals: &str| rec(who, DAY1, "goal_changed", &format!(r#""goals":[{goals}]"#));
    let lines = vec![
        chose("ann", r#""get-paid""#),
        done("ann", "export-report", "completed"),
        done("ann", "send-invoice", "completed"),
        chose("bob", r#""get-paid""#),
        done("bob", "export-report", "completed"),
        chose("eve", r#""get-paid","close-month""#),
        chose("eve", r#""close-month""#),
        done("eve", "export-report", "known"),
        chose("cat", r#""get-paid""#),
        done("cat", "send-invoice", "known"),
        chose("dan", r#""close-month""#),
        rec("fay", DAY1, "panel_opened", ""),
    ];
    let f = report(
        &[&file(&dir, "g.ndjson", &lines)],
        &["--pack", "tests/fixtures/pack"],
    );
    assert_eq!(f["learners"], 6);
    let paid = goal_of(&f, "get-paid");
    // eve chose it, then only close-month: she chose it all the same.
    assert_eq!(paid["chosen"], 4);
    assert!((paid["share"].as_f64().unwrap() - 4.0 / 6.0).abs() < 1e-12);
    assert_eq!(
        paid["stops"],
        serde_json::json!([
            { "lesson": "export-report", "past": 3, "through": 3 },
            { "lesson": "send-invoice", "past": 2, "through": 1 },
        ])
    );
    // 4 chose it; 1 (cat) stalls at export-report, 2 (bob, eve) at send-invoice.
    assert_eq!(paid["stall"], "send-invoice");
    assert_eq!(goal_of(&f, "close-month")["chosen"], 2);
}

#[test]
fn never_shown_names_pack_lessons_without_records_and_flags_need_five_learners() {
    let dir = folder("flags");
    let mut lines = Vec::new();
    for k in 0..5 {
        let who = format!("l{k}");
        // export-report: 5 opened, 1 completed: under a quarter.
        lines.push(rec(&who, DAY1, "opened", &lesson("export-report")));
        if k == 0 {
            lines.push(rec(&who, DAY1 + MIN, "completed", &lesson("export-report")));
        }
        // send-invoice: 5 opened, 3 known: more than half.
        lines.push(rec(&who, DAY1, "opened", &lesson("send-invoice")));
        if k < 3 {
            lines.push(rec(&who, DAY1 + MIN, "known", &lesson("send-invoice")));
        }
        // aging-check: 4 opened, none completed or known: too few to flag.
        if k < 4 {
            lines.push(rec(&who, DAY1, "opened", &lesson("aging-check")));
            lines.push(rec(&who, DAY1, "known", &lesson("aging-check")));
        }
    }
    let f = report(
        &[&file(&dir, "f.ndjson", &lines)],
        &["--pack", "tests/fixtures/pack"],
    );
    let flags = |id: &str| lesson_of(&f, id)["flags"].clone();
    assert_eq!(
        flags("export-report"),
        serde_json::json!(["opened_rarely_completed"])
    );
    assert_eq!(
        flags("send-invoice"),
        serde_json::json!(["opened_rarely_completed", "mostly_known"])
    );
    assert_eq!(flags("aging-check"), serde_json::json!([]));
    for never in [
        "deep-row",
        "elsewhere",
        "invoice-detail",
        "late-insight",
        "schedule-exports",
    ] {
        assert_eq!(flags(never), serde_json::json!(["never_shown"]), "{never}");
        assert!(lesson_of(&f, never)["title"].is_string());
    }
    // Without the pack, no lesson is known to be missing.
    let bare = report(&[&file(&dir, "f.ndjson", &lines)], &[]);
    assert_eq!(bare["lessons"].as_array().unwrap().len(), 3);
    assert!(bare["goals"].as_array().unwrap().is_empty());
}

#[test]
fn lessons_come_sorted_by_learners_who_drop_off() {
    let dir = folder("sorted");
    let mut lines = Vec::new();
    for (id, dropped) in [("b", 1), ("a", 3), ("c", 2)] {
        for k in 0..dropped {
            lines.push(rec(&format!("{id}{k}"), DAY1, "shown", &lesson(id)));
        }
    }
    let f = report(&[&file(&dir, "s.ndjson", &lines)], &[]);
    let ids: Vec<&str> = f["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "c", "b"]);
}

#[test]
fn days_are_utc_and_count_active_learners_and_completed_pairs() {
    let dir = folder("days");
    let lines = vec![
        rec("ann", DAY1 - 1, "completed", &lesson("a")),
        rec("ann", DAY1 - 1, "completed", &lesson("a")),
        rec("ann", DAY1, "completed", &lesson("b")),
        rec("bob", DAY1 + 86_399_999, "completed", &lesson("b")),
        rec("bob", DAY1 + 86_399_999, "opened", &lesson("a")),
    ];
    let f = report(&[&file(&dir, "d.ndjson", &lines)], &[]);
    assert_eq!(
        f["days"],
        serde_json::json!([
            { "day": "2026-11-30", "active": 1, "completions": 1 },
            { "day": "2026-12-01", "active": 2, "completions": 2 },
        ])
    );
}

#[test]
fn records_of_another_pack_are_skipped_when_the_pack_is_given() {
    let dir = folder("other-pack");
    let lines = vec![
        rec("ann", DAY1, "opened", &lesson("export-report")),
        rec("bob", DAY1, "opened", &lesson("export-report"))
            .replace(r#""pack":"fixture""#, r#""pack":"other""#),
    ];
    let path = file(&dir, "p.ndjson", &lines);
    let f = report(&[&path], &["--pack", "tests/fixtures/pack"]);
    assert_eq!(
        (f["learners"].as_u64(), f["input"]["skipped"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(report(&[&path], &[])["learners"], 2);
}

#[test]
fn records_the_widget_dropped_are_summed() {
    let dir = folder("dropped");
    let lines = vec![
        rec("ann", DAY1, "dropped", r#""count":40"#),
        rec("bob", DAY1, "dropped", r#""count":2"#),
    ];
    let f = report(&[&file(&dir, "d.ndjson", &lines)], &[]);
    assert_eq!(f["input"]["dropped_by_widget"], 42);
}

#[test]
fn an_unreadable_file_or_a_wrong_argument_exits_2_and_writes_nothing() {
    let dir = folder("unreadable");
    let html = dir.join("r.html");
    let out = pathlight(&[
        "report",
        "no/such/file.ndjson",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot read no/such/file.ndjson: "),
        "{}",
        stderr(&out)
    );
    assert!(!html.exists());
    assert_eq!(pathlight(&["report"]).status.code(), Some(2));
    assert_eq!(
        pathlight(&["report", "x", "--colour"]).status.code(),
        Some(2)
    );
    let out = pathlight(&["report", "x", "--pack", "tests/fixtures/lint/ten-mistakes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}
