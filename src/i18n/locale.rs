//! Locale fallback: each lesson and goal of a pack in the learner's language, or the
//! closest one the pack has (RFC 4647 lookup), and the pack's own language for the rest.

use crate::model::pack::{Lesson, Pack, Translation};

impl Pack {
    /// The pack in the language of `locale`, a BCP 47 tag such as `de-CH` (`_` is read as
    /// `-`, case does not matter). Each lesson takes its best translation: the whole tag
    /// first, then the tag with its last subtags removed one by one (`de-CH`, then `de`),
    /// stopping at the pack's own language, which needs none. The parts a translation
    /// leaves out, and lessons without one, stay in the default language.
    ///
    /// Goals take theirs the same way.
    ///
    /// The result carries no translations. Its `locale` is the tag of the lessons'
    /// translations used (the most specific, if lessons used several); unchanged when none was.
    pub fn localized(mut self, locale: &str) -> Pack {
        let wanted = locale.trim().replace('_', "-");
        let fallbacks = lookup_chain(&wanted);
        // The fallback used, by its place in the chain, and its tag as the pack spells it.
        let mut used: Option<(usize, String)> = None;
        for lesson in &mut self.lessons {
            let mut locales = std::mem::take(&mut lesson.locales);
            let Some((rank, tag)) = best_tag(
                &locales.keys().collect::<Vec<_>>(),
                &fallbacks,
                &self.locale,
            ) else {
                continue;
            };
            if let Some(t) = locales.remove(&tag) {
                translate(lesson, t);
            }
            if used.as_ref().is_none_or(|(r, _)| rank < *r) {
                used = Some((rank, tag));
            }
        }
        for goal in &mut self.goals {
            let mut locales = std::mem::take(&mut goal.locales);
            let best = best_tag(
                &locales.keys().collect::<Vec<_>>(),
                &fallbacks,
                &self.locale,
            );
            if let Some(t) = best.and_then(|(_, tag)| locales.remove(&tag)) {
                goal.title = t.title.unwrap_or(std::mem::take(&mut goal.title));
                goal.description = t
                    .description
                    .unwrap_or(std::mem::take(&mut goal.description));
            }
        }
        if let Some((_, tag)) = used {
            self.locale = tag;
        }
        self
    }
}

/// Replaces the parts of `lesson` that `t` translates.
fn translate(lesson: &mut Lesson, t: Translation) {
    let Translation {
        title,
        objective,
        why,
        what,
        how,
    } = t;
    let parts = [
        (&mut lesson.title, title),
        (&mut lesson.objective, objective),
    ];
    for (part, text) in parts {
        if let Some(text) = text {
            *part = text;
        }
    }
    for (layer, blocks) in [
        (&mut lesson.why, why),
        (&mut lesson.what, what),
        (&mut lesson.how, how),
    ] {
        if let Some(blocks) = blocks {
            *layer = blocks;
        }
    }
}

/// The best of `tags` (a lesson's or goal's translations) for `fallbacks`, as
/// [`lookup_chain`] gives them; none once the chain reaches `own`, the pack's language: its
/// place in the chain, and the tag as the pack spells it.
fn best_tag(tags: &[&String], fallbacks: &[&str], own: &str) -> Option<(usize, String)> {
    for (rank, tag) in fallbacks.iter().enumerate() {
        if tag.eq_ignore_ascii_case(own) {
            return None;
        }
        if let Some(key) = tags.iter().find(|k| k.eq_ignore_ascii_case(tag)) {
            return Some((rank, key.to_string()));
        }
    }
    None
}

/// The tags to try for `tag`, most specific first (RFC 4647 lookup): `zh-Hant-TW`,
/// `zh-Hant`, `zh`. A subtag left as the last after a singleton (`x` in `de-x-y`) goes too.
fn lookup_chain(tag: &str) -> Vec<&str> {
    let mut chain = Vec::new();
    let mut rest = tag;
    while !rest.is_empty() {
        if rest.split('-').all(|s| !s.is_empty()) {
            chain.push(rest);
        }
        rest = rest.rsplit_once('-').map_or("", |(head, _)| head);
        // A singleton introduces an extension: it means nothing without what follows.
        while let Some((head, last)) = rest.rsplit_once('-') {
            if last.len() > 1 {
                break;
            }
            rest = head;
        }
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pack::tests::{lesson, pack, para};
    use serde_json::json;

    /// A pack in `locale` whose lessons have the translations `locales` (lesson id to tags).
    fn translated(locale: &str, locales: &[(&str, &[&str])]) -> Pack {
        let lessons = locales
            .iter()
            .map(|(id, tags)| {
                let mut l = lesson(id, None, 0);
                l["title"] = json!(format!("{id} in {locale}"));
                l["locales"] = tags
                    .iter()
                    .map(|tag| (tag.to_string(), json!({"title": format!("{id} in {tag}")})))
                    .collect();
                l
            })
            .collect();
        let mut pack: serde_json::Value = serde_json::from_str(&self::pack(lessons)).unwrap();
        pack["locale"] = json!(locale);
        Pack::from_json(&pack.to_string()).unwrap()
    }

    fn titles(p: &Pack) -> Vec<&str> {
        p.lessons.iter().map(|l| l.title.as_str()).collect()
    }

    #[test]
    fn a_pack_without_translations_loads_and_is_written_without_them() {
        let p = Pack::from_json(&pack(vec![lesson("a", None, 0)])).unwrap();
        assert!(p.lessons[0].locales.is_empty());
        let written: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        assert!(written["lessons"][0].get("locales").is_none(), "{written}");
        let localized = p.clone().localized("de");
        assert_eq!(localized, p, "nothing to translate: the pack is unchanged");
    }

    #[test]
    fn goals_take_their_translation_like_lessons_and_keep_what_it_leaves_out() {
        let mut p: serde_json::Value =
            serde_json::from_str(&pack(vec![lesson("a", None, 0)])).unwrap();
        p["goals"] = json!([
            { "id": "paid", "title": "Get paid faster", "description": "Money in.",
              "locales": { "de": { "title": "Schneller bezahlt werden" } } },
            { "id": "close", "title": "Close the month" },
        ]);
        let p = Pack::from_json(&p.to_string()).unwrap();
        let written: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        assert_eq!(
            written["goals"][0]["locales"]["de"]["title"],
            "Schneller bezahlt werden"
        );
        assert!(written["goals"][1].get("locales").is_none());
        let swiss = p.clone().localized("de-CH");
        assert_eq!(
            (
                swiss.goals[0].title.as_str(),
                swiss.goals[0].description.as_str()
            ),
            ("Schneller bezahlt werden", "Money in.")
        );
        assert_eq!(swiss.goals[1].title, "Close the month");
        assert!(swiss.goals.iter().all(|g| g.locales.is_empty()));
        assert_eq!(
            swiss.locale, "en",
            "the lessons' language, which goals do not change"
        );
        assert_eq!(p.localized("fr").goals[0].title, "Get paid faster");
    }

    #[test]
    fn each_lesson_takes_the_exact_tag_then_the_language_whatever_the_case() {
        let p = translated(
            "en",
            &[
                ("a", &["de", "de-CH"]),
                ("b", &["de"]),
                ("c", &[]),
                ("d", &["fr"]),
            ],
        );
        let swiss = p.clone().localized("de-ch");
        assert_eq!(
            titles(&swiss),
            ["a in de-CH", "b in de", "c in en", "d in en"]
        );
        assert_eq!(swiss.locale, "de-CH", "the most specific tag used");
        assert!(swiss.lessons.iter().all(|l| l.locales.is_empty()));

        let austrian = p.clone().localized("DE_at");
        assert_eq!(
            titles(&austrian),
            ["a in de", "b in de", "c in en", "d in en"]
        );
        assert_eq!(austrian.locale, "de");

        let german = p.clone().localized("de");
        assert_eq!(
            titles(&german),
            ["a in de", "b in de", "c in en", "d in en"]
        );

        // Extensions and private use fall away like any other subtag.
        let sorted = p.clone().localized("de-CH-u-co-phonebk-x-mine");
        assert_eq!(titles(&sorted), titles(&swiss));

        for other in ["es-MX", "", "  ", "-", "d", "en"] {
            let same = p.clone().localized(other);
            assert_eq!(
                titles(&same),
                ["a in en", "b in en", "c in en", "d in en"],
                "{other:?}"
            );
            assert_eq!(same.locale, "en", "{other:?}");
            assert!(same.lessons.iter().all(|l| l.locales.is_empty()));
        }
    }

    #[test]
    fn a_tag_in_the_pack_language_keeps_it_over_a_more_general_translation() {
        let p = translated("pt-BR", &[("a", &["pt", "pt-AO"])]);
        assert_eq!(titles(&p.clone().localized("pt-BR")), ["a in pt-BR"]);
        assert_eq!(p.clone().localized("pt-br").locale, "pt-BR");
        assert_eq!(titles(&p.clone().localized("pt-PT")), ["a in pt"]);
        assert_eq!(titles(&p.clone().localized("pt-AO")), ["a in pt-AO"]);
        assert_eq!(titles(&p.clone().localized("pt")), ["a in pt"]);
        assert_eq!(p.localized("pt").locale, "pt");
    }

    #[test]
    fn a_partial_translation_leaves_the_rest_in_the_default_language() {
        let mut l = lesson("a", None, 0);
        l["locales"] = json!({
            "de": {"objective": "Tu es.", "how": [{"p": [{"text": "Wie."}]}]},
        });
        let p = Pack::from_json(&pack(vec![l])).unwrap();
        let original = p.lessons[0].clone();
        let german = p.localized("de-DE");
        let a = &german.lessons[0];
        assert_eq!((a.title.as_str(), a.objective.as_str()), ("a", "Tu es."));
        assert_eq!((&a.why, &a.what), (&original.why, &original.what));
        assert_eq!(a.how, para("Wie."));
        assert_eq!(german.locale, "de");
    }

    #[test]
    fn the_lookup_chain_drops_one_subtag_at_a_time() {
        assert_eq!(lookup_chain("zh-Hant-TW"), ["zh-Hant-TW", "zh-Hant", "zh"]);
        assert_eq!(lookup_chain("de-CH-x-a"), ["de-CH-x-a", "de-CH", "de"]);
        assert_eq!(lookup_chain("de--CH"), ["de"]);
        assert!(lookup_chain("").is_empty() && lookup_chain("-").is_empty());
    }

    mod properties {
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn no_tag_makes_localizing_panic_or_keep_a_translation(
                tag in prop_oneof!["[a-zA-Z_-]{0,14}", any::<String>()],
                lessons in vec(btree_map("[a-zA-Z-]{0,8}", (any::<bool>(), any::<bool>()), 0..4), 0..4),
                locale in "[a-zA-Z-]{0,6}",
            ) {
                let lessons = lessons
                    .into_iter()
                    .enumerate()
                    .map(|(i, locales)| {
                        let mut l = lesson(&format!("l{i}"), None, 0);
                        l["locales"] = locales
                            .into_iter()
                            .map(|(tag, (title, why))| {
                                let mut t = json!({});
                                if title { t["title"] = json!(tag); }
                                if why { t["why"] = json!([]); }
                                (tag, t)
                            })
                            .collect();
                        l
                    })
                    .collect();
                let mut p = Pack::from_json(&pack(lessons)).unwrap();
                p.locale = locale.clone();
                let keys: Vec<String> = p.lessons.iter().flat_map(|l| l.locales.keys().cloned()).collect();
                let out = p.localized(&tag);
                prop_assert!(out.lessons.iter().all(|l| l.locales.is_empty()));
                prop_assert!(out.locale == locale || keys.contains(&out.locale), "{}", out.locale);
            }
        }
    }
}
