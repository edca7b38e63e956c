//! The reasons behind a suggestion, in the learner's words: the ranking says why, the
//! widget's strings say it in the learner's language.

use crate::decide::ranking::Reason;
use crate::i18n::{fill, Strings};
use crate::model::pack::Pack;

impl Strings {
    /// The reasons behind a suggestion's place as one phrase, e.g. "For your goal Close the
    /// month · on this screen". `pack`, in the learner's language, names the lessons.
    pub fn reasons(&self, reasons: &[Reason], pack: &Pack) -> String {
        let title = |id: &str| pack.lesson(id).map_or(id.to_owned(), |l| l.title.clone());
        let goals: Vec<&str> = reasons
            .iter()
            .filter_map(|r| match r {
                Reason::Goal(g) => Some(g.title.as_str()),
                _ => None,
            })
            .collect();
        let mut parts: Vec<String> = Vec::new();
        if let Some((last, first)) = goals.split_last() {
            parts.push(match first {
                [] => fill(self.for_goal, last),
                _ => fill(
                    self.for_goals,
                    format!("{}{}{last}", first.join(self.comma), self.and),
                ),
            });
        }
        for reason in reasons {
            parts.push(match reason {
                Reason::Goal(_) => continue,
                Reason::Unlocks(lesson) => fill(self.unlocks, &lesson.title),
                Reason::Role => self.for_role.into(),
                Reason::OnScreen => self.on_screen.into(),
                Reason::OnPage => self.on_page.into(),
                Reason::Ready => self.builds_on_done.into(),
                Reason::After(id) => fill(self.after, title(id)),
                Reason::Snoozed => self.snoozed.into(),
                Reason::Known => self.you_know.into(),
                Reason::Completed => self.done.into(),
            });
        }
        let mut phrase = parts.join(" · ");
        // ASCII only: full Unicode upper-casing costs the wasm a 12 KB table; the templates
        // start with an ASCII letter where their language has capitals, and a title
        // starting with another letter is the author's to capitalize.
        if let Some(first) = phrase.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        phrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{strings, ALL};

    /// A pack whose lesson `a` serves two goals and waits for `first`, translated to German.
    fn reasons_pack() -> Pack {
        use serde_json::json;
        let lesson = |id: &str, extra: serde_json::Value| {
            let mut l = json!({ "id": id, "title": format!("Lesson {id}"), "objective": "",
                "minutes": 2, "why": [], "what": [], "how": [] });
            l.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            l
        };
        let pack = json!({
            "format": crate::model::pack::FORMAT, "id": "acme", "title": "Acme",
            "goals": [
                { "id": "paid", "title": "Get paid faster" },
                { "id": "close", "title": "Close the month" },
            ],
            "lessons": [
                lesson("first", json!({ "locales": { "de": { "title": "Erste Lektion" } } })),
                lesson("a", json!({ "goals": { "close": 5, "paid": 2 }, "prerequisites": ["first"] })),
            ],
        });
        Pack::from_json(&pack.to_string()).unwrap()
    }

    fn reasons_of_a(pack: &Pack) -> Vec<Reason<'_>> {
        let goal = |id: &str| Reason::Goal(pack.goals.iter().find(|g| g.id == id).unwrap());
        vec![
            goal("close"),
            goal("paid"),
            Reason::Role,
            Reason::OnScreen,
            Reason::After("first"),
        ]
    }

    #[test]
    fn reasons_read_as_one_phrase_with_goals_first_and_a_capital() {
        let pack = reasons_pack();
        assert_eq!(
            strings("en").reasons(&reasons_of_a(&pack), &pack),
            "For your goals Close the month and Get paid faster · picked for your role · on this screen · after Lesson first"
        );
        let goals = &reasons_of_a(&pack)[..2];
        let three = [goals[0], goals[1], goals[0]];
        assert_eq!(
            strings("en").reasons(&three, &pack),
            "For your goals Close the month, Get paid faster and Close the month"
        );
        assert_eq!(
            strings("ja").reasons(&three, &pack),
            "目標「Close the month、Get paid faster、Close the month」のため"
        );
        let unlocks = [
            Reason::Unlocks(pack.lesson("a").unwrap()),
            Reason::Completed,
        ];
        assert_eq!(
            strings("en").reasons(&unlocks, &pack),
            "Unlocks Lesson a · done"
        );
    }

    #[test]
    fn reasons_are_in_the_learners_language_with_the_packs_translated_titles() {
        // Bug pinned: the reasons were English in every UI language.
        let pack = reasons_pack().localized("de");
        assert_eq!(
            strings("de").reasons(&reasons_of_a(&pack), &pack),
            "Zu deinen Zielen Close the month und Get paid faster · passend zu deiner Rolle · auf diesem Bildschirm · nach Erste Lektion"
        );
        for s in ALL {
            let phrase = s.reasons(&reasons_of_a(&pack), &pack);
            if s.lang != "en" {
                for english in ["goal", "role", "screen", "after"] {
                    assert!(!phrase.contains(english), "{}: {phrase}", s.lang);
                }
            }
        }
    }
}
