//! How a lesson card closes, told to the host as the `closed` event, so a report can say
//! whether learners put a card away (× or Escape), the host did (`close`), or doing the
//! lesson did.

use super::effects::{event, Effects};
use super::{Session, Surface};
use crate::api::lifecycle::EventKind;

/// How a lesson card closed: the `how` of the `closed` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// The card's × button.
    Button,
    /// Escape, while focus is in the card.
    Escape,
    /// The host's `pathlight('close')`.
    Command,
    /// The learner did what the lesson teaches.
    Completed,
}

impl Closing {
    /// The name the `closed` event's `how` gives it.
    pub fn name(self) -> &'static str {
        match self {
            Closing::Button => "button",
            Closing::Escape => "escape",
            Closing::Command => "command",
            Closing::Completed => "completed",
        }
    }
}

/// The `closed` event of lesson `id`.
pub(super) fn closed(id: &str, how: Closing) -> super::Emit {
    event(
        EventKind::Closed,
        &[("lesson", id.into()), ("how", how.name().into())],
    )
}

impl Session {
    /// ×, Escape or `close`: closes whatever is open, and tells the host when that was a
    /// lesson card.
    pub fn close_by(&mut self, how: Closing) -> Effects {
        let mut effects = Effects::default();
        if let Surface::Lesson { id, .. } = &self.surface {
            effects.emit.push(closed(id, how));
        }
        effects.merge(self.close());
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{session, NOW};
    use super::*;
    use crate::model::progress::Progress;

    fn kinds(effects: &Effects) -> Vec<(EventKind, Vec<&'static str>)> {
        effects
            .emit
            .iter()
            .map(|e| (e.kind, e.detail.iter().map(|(k, _)| *k).collect()))
            .collect()
    }

    #[test]
    fn closing_a_card_says_which_lesson_and_how_and_closing_the_panel_says_nothing() {
        let mut s = session(None, Progress::default());
        let _ = s.open("reports", NOW);
        let effects = s.close_by(Closing::Escape);
        assert_eq!(s.surface(), &Surface::Closed);
        assert_eq!(
            effects.emit,
            vec![closed("reports", Closing::Escape)],
            "{:?}",
            kinds(&effects)
        );
        assert_eq!(
            effects.emit[0].detail[1].1,
            crate::support::json::Json::from("escape")
        );
        let _ = s.toggle_panel();
        assert!(s.close_by(Closing::Button).emit.is_empty());
        assert!(s.close_by(Closing::Command).emit.is_empty(), "nothing open");
    }

    #[test]
    fn opening_the_panel_is_told_and_closing_it_with_the_launcher_is_not() {
        let mut s = session(None, Progress::default());
        let opened = s.toggle_panel();
        assert_eq!(
            opened.emit.iter().map(|e| e.kind).collect::<Vec<_>>(),
            vec![EventKind::PanelOpened]
        );
        assert!(s.toggle_panel().emit.is_empty());
    }

    #[test]
    fn a_card_that_closes_because_its_lesson_was_done_says_so_after_completed() {
        let mut s = session(None, Progress::default());
        let _ = s.open("create", NOW);
        let effects = s.track("invoice_created", NOW + 1);
        let told: Vec<EventKind> = effects.emit.iter().map(|e| e.kind).collect();
        assert_eq!(told, vec![EventKind::Completed, EventKind::Closed]);
        assert_eq!(effects.emit[1], closed("create", Closing::Completed));
        // Done while another card is open: nothing closed.
        let _ = s.open("reports", NOW + 2);
        let effects = s.track("invoice_created", NOW + 3);
        assert!(effects.emit.iter().all(|e| e.kind != EventKind::Closed));
    }
}
