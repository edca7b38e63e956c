//! Every kind of trigger rule, walked from the front matter an author writes to the words
//! author mode says: the kinds table is the only list, so a new kind is walked too.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::author::explain::explain;
use pathlight::compiler::schema;
use pathlight::model::pack::Pack;
use pathlight::model::trigger::{AtUrl, KINDS};
use std::path::PathBuf;
use std::process::Command;

const BODY: &str = "## Why\nIt helps.\n\n## What\nA thing.\n\n## How\n1. Do it.\n";

/// A lesson file whose trigger is `condition`, in the front matter.
fn lesson(id: &str, condition: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"T\"\nobjective = \"O.\"\nminutes = 1\n\n[trigger]\n{condition}\n+++\n{BODY}"
    )
}

/// A pack folder of the lesson `walk`, triggered by `condition`, and `create-invoice`,
/// which the lesson-state examples name.
fn pack_with(name: &str, condition: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pathlight-kinds-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pack.toml"), "id = \"kinds\"\ntitle = \"Kinds\"\n").unwrap();
    std::fs::write(dir.join("walk.md"), lesson("walk", condition)).unwrap();
    std::fs::write(
        dir.join("create-invoice.md"),
        lesson("create-invoice", "page = \"/invoices\""),
    )
    .unwrap();
    dir
}

/// Pins that each kind is read from the front matter, built by `pathlight build`, read by
/// the widget, allowed by the schema and explained, all under its one name.
#[test]
fn every_rule_kind_goes_from_front_matter_through_the_pack_and_schema_to_its_words() {
    for spelling in KINDS {
        let words = spelling.kind.words();
        let dir = pack_with(spelling.name, words.example);
        let out_file = dir.join("lessons.json");
        let out = Command::new(env!("CARGO_BIN_EXE_pathlight"))
            .args(["build", dir.to_str().unwrap(), "-o"])
            .arg(&out_file)
            .output()
            .expect("the pathlight binary runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            spelling.name,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&out_file).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();

        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(schema::check_pack(&json), vec![], "{}", spelling.name);
        let walk = json["lessons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == "walk")
            .unwrap();
        assert!(
            walk["when"]["rule"].get(spelling.name).is_some(),
            "{}: {}",
            spelling.name,
            walk["when"]["rule"]
        );

        let pack = Pack::from_json(&text).unwrap();
        let lesson = pack.lessons.iter().find(|l| l.id == "walk").unwrap();
        let rule = &lesson.when.as_ref().unwrap().rule;
        assert_eq!(rule.kind(), spelling.kind, "{}", spelling.name);

        let explained = explain(lesson, &AtUrl("/reports"), 0);
        let line = explained.rule.unwrap().line();
        let (before, after) = words.asks;
        assert!(
            line.starts_with(before) && line.contains(&format!("{after} ")),
            "{}: {line}",
            spelling.name
        );
    }
}
