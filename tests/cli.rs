//! The `pathlight` CLI as CI runs it: the built binary, its output and its exit codes.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::pack::{Pack, FORMAT};
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
    let anchors = |l: &pathlight::pack::Lesson| -> Vec<Option<pathlight::pack::Anchor>> {
        pathlight::content::steps(&l.how)
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
