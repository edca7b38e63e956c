//! The `pathlight` CLI as CI runs it: the built binary, its output and its exit codes.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::model::pack::{Pack, FORMAT};
use std::path::Path;
use std::process::{Command, Output};

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

/// The `error: <file>[:<line>] [<field>]: <message>` lines.
fn errors(out: &Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("error: "))
        .map(String::from)
        .collect()
}

#[test]
fn ten_mistakes_give_ten_precise_errors_and_exit_1() {
    let dir = "tests/fixtures/lint/ten-mistakes";
    let out = pathlight(&["lint", dir]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    assert_eq!(errors.len(), 10, "{errors:#?}");
    for (error, (file, line, what)) in errors.iter().zip([
        ("01-unknown-field.md", 6, "unknown field `colour`"),
        ("02-missing-layer.md", 12, "`## How` section is missing"),
        (
            "03-duplicate-id.md",
            2,
            "duplicate lesson id `create-invoice`",
        ),
        (
            "04-unknown-prerequisite.md",
            6,
            "unknown lesson `create-invoce` (did you mean `create-invoice`?)",
        ),
        (
            "05-cycle-a.md",
            6,
            "prerequisites form a cycle: cycle-a → cycle-b → cycle-a",
        ),
        (
            "06-bad-selector.md",
            6,
            "invalid CSS selector `button >> .export`",
        ),
        ("07-bad-pattern.md", 8, "invalid URL pattern"),
        (
            "08-script-link.md",
            12,
            "the scheme `javascript:` is not allowed",
        ),
        ("09-unknown-goal.md", 6, "unknown goal `get-paid-fastr`"),
        (
            "10-weight-out-of-range.md",
            6,
            "weight 9 for goal `get-paid` is out of range",
        ),
    ]) {
        let place = format!("error: {dir}/{file}:{line}");
        assert!(error.starts_with(&place), "{error}\n  expected at {place}");
        assert!(error.contains(what), "{error}\n  expected: {what}");
    }
    assert!(stderr(&out).contains("10 errors found"));
    assert_eq!(
        stderr(&out).matches("  help: ").count(),
        10,
        "each error says how to fix it"
    );
}

#[test]
fn a_toml_error_in_the_front_matter_names_its_line_of_the_file() {
    let out = pathlight(&["lint", "tests/fixtures/lint/single/bad-toml.md"]);
    assert_eq!(out.status.code(), Some(1));
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("error: tests/fixtures/lint/single/bad-toml.md:5: "),
        "{}",
        errors[0]
    );
}

#[test]
fn lint_reports_field_section_cross_lesson_and_feature_errors_in_one_run() {
    let dir = "tests/fixtures/lint/one-run";
    let out = pathlight(&["lint", dir]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let file = format!("error: {dir}/tax-tab.md");
    assert_eq!(
        errors(&out),
        [
            format!("{file}:4 [objectve]: unknown field `objectve` (did you mean `objective`?)"),
            format!("{file}:6 [anchor]: unknown feature `invoices.tax-tab` (did you mean `invoices.tab-tax`?)"),
            format!("{file}:7 [prerequisites[0]]: unknown lesson `filter-invoice` (did you mean `filter-invoices`?)"),
            format!("{file}:8 [goals.close-month]: unknown goal `close-month`"),
            format!("{file}:20: unknown section `## Hwo` (did you mean `## How`?)"),
        ],
        "one error per mistake, all in the first run"
    );
    assert!(stderr(&out).contains("5 errors found"));
}

#[test]
fn a_json_lesson_is_checked_like_a_markdown_one_at_field_paths() {
    let out = pathlight(&["lint", "tests/fixtures/lint/single/bad-lesson.json"]);
    assert_eq!(out.status.code(), Some(1));
    let fields: Vec<String> = errors(&out)
        .iter()
        .filter_map(|e| Some(e.split_once(" [")?.1.split_once("]: ")?.0.to_string()))
        .collect();
    assert_eq!(
        fields,
        [
            "colour",
            "when.rule.all[1].event.at_least",
            "why[0].p[0].link.href",
            "how[0].steps[0].anchor",
        ]
    );
}

#[test]
fn the_demo_pack_lints_clean() {
    let out = pathlight(&["lint", "lessons"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("21 lessons checked"));
}

#[test]
fn a_built_pack_of_markdown_and_json_lessons_loads_in_the_widget() {
    let out_file = std::env::temp_dir().join(format!("pathlight-cli-{}.json", std::process::id()));
    let out = pathlight(&[
        "build",
        "tests/fixtures/lint/json-pack",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pack = Pack::from_json(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    std::fs::remove_file(&out_file).unwrap();
    assert_eq!(pack.format, FORMAT);
    let ids: Vec<&str> = pack
        .lessons_on("/reports/aging")
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(ids, ["export-report", "read-report"]);
}

#[test]
fn translation_mistakes_give_precise_errors_and_clean_translations_pass() {
    let dir = "tests/fixtures/lint/translations";
    let out = pathlight(&["lint", dir]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    let expected = [
        (
            "send-invoce.sv.md:1",
            "a translation without a lesson: there is no send-invoce.md (did you mean `send-invoice`?)",
        ),
        (
            "send-invoice.deutsch.md:1",
            "invalid locale tag `deutsch` in the file name",
        ),
        (
            "send-invoice.en.md:1",
            "`en` is the pack's default language",
        ),
        ("send-invoice.es.md:8", "raw HTML is not allowed"),
        (
            "send-invoice.fr.md:3 [minutes]",
            "`minutes` cannot be translated",
        ),
        (
            "send-invoice.it.md:5",
            "the scheme `javascript:` is not allowed",
        ),
        (
            "send-invoice.ja.md:2 [titel]",
            "unknown field `titel` (did you mean `title`?)",
        ),
        ("send-invoice.nl.md:5", "unknown section `## Waarom`"),
        (
            "send-invoice.pt-BR.md:2 [id]",
            "`id` is `send-invoce`, but the lesson this file translates has id `send-invoice`",
        ),
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for (error, (place, what)) in errors.iter().zip(expected) {
        let place = format!("error: {dir}/{place}: ");
        assert!(error.starts_with(&place), "{error}\n  expected at {place}");
        assert!(error.contains(what), "{error}\n  expected: {what}");
    }
    assert_eq!(
        stderr(&out).matches("  help: ").count(),
        expected.len(),
        "each error says how to fix it"
    );
    // The clean translations, linted on their own, are checked with their lesson.
    for clean in ["send-invoice.de.md", "send-invoice.zh-Hant.md"] {
        let out = pathlight(&["lint", &format!("{dir}/{clean}")]);
        assert_eq!(out.status.code(), Some(0), "{clean}: {}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 lesson checked"));
    }
}

#[test]
fn the_built_demo_pack_speaks_german_to_a_swiss_learner_and_english_to_others() {
    let out_file =
        std::env::temp_dir().join(format!("pathlight-cli-de-{}.json", std::process::id()));
    let out = pathlight(&["build", "lessons", "-o", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pack = Pack::from_json(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    std::fs::remove_file(&out_file).unwrap();
    assert_eq!(pack.lessons.len(), 21, "translations are not lessons");
    let mut translated: Vec<&str> = pack
        .lessons
        .iter()
        .filter(|l| l.locales.contains_key("de"))
        .map(|l| l.id.as_str())
        .collect();
    translated.sort();
    assert_eq!(
        translated,
        [
            "create-invoice",
            "payment-reminders",
            "record-payment",
            "send-invoice"
        ]
    );

    let swiss = pack.clone().localized("de-CH");
    assert_eq!(swiss.locale, "de");
    assert!(swiss.lessons.iter().all(|l| l.locales.is_empty()));
    let send = swiss.lesson("send-invoice").unwrap();
    assert_eq!(send.title, "Rechnung per E-Mail senden");
    let english = pack.lesson("send-invoice").unwrap();
    let anchors =
        |l: &pathlight::model::pack::Lesson| -> Vec<Option<pathlight::model::anchor::Anchor>> {
            pathlight::model::content::steps(&l.how)
                .map(|s| s.anchor.clone())
                .collect()
        };
    assert_eq!(
        anchors(send),
        anchors(english),
        "the same steps point at the same features"
    );
    assert_ne!(send.why, english.why);
    assert_eq!(
        swiss.lesson("export-report").unwrap().title,
        pack.lesson("export-report").unwrap().title,
        "a lesson without a translation stays in English"
    );

    let french = pack.clone().localized("fr-FR");
    assert_eq!(french.locale, "en");
    assert_eq!(french.lesson("send-invoice").unwrap().title, english.title);
    let goal = |p: &Pack| {
        p.goals
            .iter()
            .find(|g| g.id == "get-paid-faster")
            .unwrap()
            .title
            .clone()
    };
    assert_eq!(
        goal(&swiss),
        "Schneller bezahlt werden",
        "goals are translated too"
    );
    assert_eq!(goal(&french), "Get paid faster");
}

#[test]
fn schema_prints_a_draft_2020_12_json_schema() {
    let out = pathlight(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
    assert!(schema["$defs"]["rule"]["oneOf"].is_array());
    assert_eq!(
        schema["$defs"]["lesson"]["properties"]["locales"]["additionalProperties"]["$ref"],
        "#/$defs/translation"
    );
    let lesson: serde_json::Value =
        serde_json::from_slice(&pathlight(&["schema", "lesson"]).stdout).expect("JSON");
    assert_eq!(lesson["$ref"], "#/$defs/lesson");
    assert_eq!(lesson["$defs"], schema["$defs"]);
}

#[test]
fn usage_and_file_system_problems_exit_2() {
    assert_eq!(pathlight(&[]).status.code(), Some(2));
    assert_eq!(pathlight(&["lint"]).status.code(), Some(2));
    assert_eq!(pathlight(&["frobnicate", "lessons"]).status.code(), Some(2));
    let missing = pathlight(&["lint", "tests/fixtures/no-such-pack"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-pack"));
    assert!(!Path::new("tests/fixtures/no-such-pack").exists());
}

/// A file removed when the test is done with it.
struct Scratch(std::path::PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        // The last test out removes the folder; the others find it not empty.
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// The fixture pack as `pathlight build` writes it, changed by `edit`, in a fresh file
/// named `name`.
fn built_pack(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Scratch {
    let dir = std::env::temp_dir().join(format!("pathlight-cli-built-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    let out = pathlight(&["build", "tests/fixtures/pack", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut pack: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    edit(&mut pack);
    std::fs::write(&file, pack.to_string()).unwrap();
    Scratch(file)
}

fn lines_of(out: &Output, kind: &str) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with(kind))
        .map(String::from)
        .collect()
}

/// Bug pinned: `pathlight lint lessons.json` read a built pack as one lesson file and
/// failed it; a pack as built is clean, whatever its file is called.
#[test]
fn a_built_lessons_json_lints_clean_as_the_widget_reads_it() {
    for name in ["lessons.json", "pack-without-extension"] {
        let file = built_pack(name, |_| {});
        let out = pathlight(&["lint", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "ok: 8 lessons checked"
        );
        assert_eq!(stderr(&out), "");
    }
}

/// Bug pinned: a built pack whose lessons share an id passed CI, and the widget then mixed
/// up their progress; lint names every lesson with each shared id.
#[test]
fn lint_fails_a_built_pack_with_duplicate_ids_naming_every_place() {
    let file = built_pack("duplicates.json", |p| {
        let l = p["lessons"].as_array_mut().unwrap();
        let id = l[1]["id"].clone();
        l[3]["id"] = id.clone();
        l[5]["id"] = id;
        l[6]["id"] = l[0]["id"].clone();
    });
    let f = file.display();
    let out = pathlight(&["lint", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    for expected in [
        format!("error: {f} [lessons[5].id]: lessons[1], lessons[3] and lessons[5] all have id `deep-row`: the widget refuses a pack with duplicate lesson ids"),
        format!("error: {f} [lessons[6].id]: lessons[0] and lessons[6] both have id `aging-check`: the widget refuses a pack with duplicate lesson ids"),
    ] {
        assert!(errors.contains(&expected), "{expected}\nnot in {errors:#?}");
    }
    assert!(stderr(&out).contains("help: give each lesson its own id"));
}

/// Bug pinned: content of a newer format failed the whole pack; the widget leaves it out
/// now, so lint warns where it is and passes.
#[test]
fn unknown_content_in_a_built_pack_is_a_warning_at_its_path_and_lint_passes() {
    let file = built_pack("newer.json", |p| {
        let why = p["lessons"][2]["why"].as_array_mut().unwrap();
        why.push(serde_json::json!({"table": {"rows": [["a"]]}}));
        why[0]["p"]
            .as_array_mut()
            .unwrap()
            .insert(0, serde_json::json!({"kbd": "Ctrl"}));
    });
    let f = file.display();
    let out = pathlight(&["lint", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(errors(&out), Vec::<String>::new());
    let warnings = lines_of(&out, "warning: ");
    let at = |path: &str, tag: &str| {
        format!("warning: {f} [{path}]: content of a kind this release does not know: `{tag}`; the widget leaves it out and shows the rest")
    };
    assert_eq!(
        warnings,
        [
            at("lessons[2].why[0].p[0]", "kbd"),
            at("lessons[2].why[1]", "table")
        ]
    );
    assert_eq!(stderr(&out).matches("  help: ").count(), 2);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ok: 8 lessons checked (2 warnings)"
    );
}

/// Bug pinned: a pack over the widget's 5 MB limit passed lint, and the widget refused
/// it in production.
#[test]
fn lint_fails_a_built_pack_over_5_mb_with_its_size_and_how_to_shrink_it() {
    let file = built_pack("big.json", |p| {
        p["lessons"][0]["locales"]["fr"] = serde_json::json!({"objective": "x".repeat(5_100_000)});
    });
    let f = file.display();
    let out = pathlight(&["lint", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    assert_eq!(
        errors,
        [format!("error: {f}: the pack is 5.2 MB, over the 5 MB the widget reads: it would refuse the whole pack")]
    );
    assert!(stderr(&out).contains("help: split it into several packs"));
    assert!(stderr(&out).contains("remove translations no learner uses"));
    assert!(stderr(&out).contains("1 error found"));
}

/// Bug pinned: a built pack escaped the checks lint makes on a pack folder: links to
/// lessons and goals that do not exist, out-of-range values, unsafe URLs, other formats.
#[test]
fn a_built_pack_is_checked_like_a_pack_folder() {
    let file = built_pack("mistakes.json", |p| {
        let l = &mut p["lessons"];
        l[0]["goals"] = serde_json::json!({"get-paid-fastr": 3});
        l[4]["prerequisites"] = serde_json::json!(["sned-invoice"]);
        l[4]["minutes"] = serde_json::json!(0);
        l[1]["why"][0]["p"] =
            serde_json::json!([{"link": {"href": "javascript:alert(1)", "children": []}}]);
        p["goals"][1]["id"] = p["goals"][0]["id"].clone();
    });
    let f = file.display();
    let out = pathlight(&["lint", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    for (field, what) in [
        ("lessons[4].minutes", "is 0, out of the range 1 to 60"),
        ("goals[1].id", "duplicate goal id `get-paid`"),
        (
            "lessons[1].why[0].p[0].link.href",
            "the scheme `javascript:` is not allowed",
        ),
        (
            "lessons[0].goals.get-paid-fastr",
            "unknown goal `get-paid-fastr`",
        ),
        (
            "lessons[4].prerequisites[0]",
            "unknown lesson `sned-invoice` (did you mean `send-invoice`?)",
        ),
    ] {
        let place = format!("error: {f} [{field}]: ");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&place) && e.contains(what)),
            "{place}{what}\nnot in {errors:#?}"
        );
    }
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert_eq!(stderr(&out).matches("  help: ").count(), 5);

    let older = built_pack("older.json", |p| p["format"] = serde_json::json!(1));
    let out = pathlight(&["lint", older.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("the pack has format 1, but this release of Pathlight reads format 2"),
        "{}",
        stderr(&out)
    );
}

/// A pack folder of its own in the temp folder, with `files` (path, bytes) beside pack.toml;
/// removed when dropped.
struct TempPack(std::path::PathBuf);

impl TempPack {
    fn new(name: &str, files: &[(&str, &[u8])]) -> TempPack {
        let dir = std::env::temp_dir().join(format!("pathlight-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let manifest = "id = \"p\"\ntitle = \"P\"\nlocale = \"en\"\n\n[[goals]]\nid = \"g\"\ntitle = \"G\"\ndescription = \"G.\"\n";
        std::fs::write(dir.join("pack.toml"), manifest).unwrap();
        for (path, bytes) in files {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        }
        TempPack(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempPack {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A lesson whose What layer is `what`.
fn lesson_with(what: &str) -> Vec<u8> {
    format!("+++\nid = \"l\"\ntitle = \"L\"\nobjective = \"O.\"\nminutes = 1\ngoals = {{ g = 1 }}\n\n[complete]\nevent = \"e\"\n+++\n\n## Why\nW.\n\n## What\n{what}\n\n## How\n1. H.\n").into_bytes()
}

#[test]
fn a_clip_without_captions_is_an_error_that_names_the_file_to_add() {
    let pack = TempPack::new(
        "clip-captions",
        &[
            ("l.md", &lesson_with("![Sending](clips/send.webm)")),
            ("clips/send.webm", b"webm"),
        ],
    );
    let out = pathlight(&["lint", pack.path()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].ends_with("l.md:16: the clip `clips/send.webm` has no captions"),
        "{}",
        errors[0]
    );
    assert!(
        stderr(&out).contains("help: add clips/send.vtt beside it"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_clip_url_that_is_neither_https_nor_relative_is_an_error() {
    for (url, scheme) in [
        ("http://cdn.example/a.webm", "http"),
        ("javascript:alert(1)//a.webm", "javascript"),
        ("data:video/webm;base64,AA.webm", "data"),
        ("jav&#x09;ascript:alert(1)//a.mp4", "javascript"),
    ] {
        let pack = TempPack::new(
            "clip-scheme",
            &[("l.md", &lesson_with(&format!("![A clip]({url})")))],
        );
        let out = pathlight(&["lint", pack.path()]);
        assert_eq!(out.status.code(), Some(1), "{url}: {}", stderr(&out));
        let errors = errors(&out);
        assert_eq!(errors.len(), 1, "{url}: {errors:#?}");
        assert!(
            errors[0].contains(&format!("the scheme `{scheme}:` is not allowed")),
            "{url}: {}",
            errors[0]
        );
    }
}

#[test]
fn a_local_clip_that_does_not_exist_or_climbs_out_of_the_pack_is_an_error() {
    let pack = TempPack::new(
        "clip-missing",
        &[
            ("l.md", &lesson_with("![Sending](clips/gone.webm)\n\n![Out](../out.webm)\n\n![A picture](img/gone.png)")),
            ("clips/gone.vtt", b"WEBVTT\n"),
        ],
    );
    let out = pathlight(&["lint", pack.path()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    // `error: <file>:<line>: <message>`
    let messages: Vec<String> = errors
        .iter()
        .map(|e| e.splitn(3, ": ").nth(2).unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        messages,
        [
            "the clip `clips/gone.webm` does not exist",
            "the clip `../out.webm` is outside the pack's folder",
            "the image `img/gone.png` does not exist",
        ],
        "{errors:#?}"
    );
}

#[test]
fn a_clip_without_alt_text_is_an_error() {
    let pack = TempPack::new(
        "clip-alt",
        &[
            ("l.md", &lesson_with("![](clips/a.webm)")),
            ("clips/a.webm", b"webm"),
            ("clips/a.vtt", b"WEBVTT\n"),
        ],
    );
    let out = pathlight(&["lint", pack.path()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].ends_with("l.md:16: a clip without alt text"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_local_clip_over_4_mb_is_a_warning_and_lint_passes() {
    let big = vec![0u8; 4 * 1024 * 1024 + 1];
    let pack = TempPack::new(
        "clip-big",
        &[
            ("l.md", &lesson_with("![Sending](clips/big.webm \"loop\")")),
            ("clips/big.webm", &big),
            ("clips/big.vtt", b"WEBVTT\n"),
        ],
    );
    let out = pathlight(&["lint", pack.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warnings = lines_of(&out, "warning: ");
    assert_eq!(warnings.len(), 1, "{}", stderr(&out));
    assert!(
        warnings[0].contains("the clip `clips/big.webm` is 4.0 MB"),
        "{}",
        warnings[0]
    );
}

#[test]
fn build_copies_the_clips_captions_and_posters_lessons_use_beside_the_pack() {
    let out_dir =
        std::env::temp_dir().join(format!("pathlight-clips-built-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let file = out_dir.join("lessons.json");
    let out = pathlight(&[
        "build",
        "tests/fixtures/clips",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("copied 3 media files beside it"));
    for media in ["clips/moving.webm", "clips/moving.vtt", "clips/moving.png"] {
        let copied = std::fs::read(out_dir.join(media)).unwrap();
        assert_eq!(
            copied,
            std::fs::read(Path::new("tests/fixtures/clips").join(media)).unwrap(),
            "{media}"
        );
    }
    let pack: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let clip = &pack["lessons"][1]["what"][0]["p"][0]["clip"];
    assert_eq!(clip["captions"], "clips/moving.vtt");
    assert_eq!(
        clip["poster"], "clips/moving.png",
        "the poster beside it is found"
    );
    assert_eq!(
        (clip["width"].as_u64(), clip["height"].as_u64()),
        (Some(160), Some(90)),
        "its size is the poster's"
    );
    assert_eq!(clip["loop"], true);
    std::fs::remove_dir_all(&out_dir).unwrap();
}
