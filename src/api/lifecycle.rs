//! Lifecycle events: what Pathlight tells the host, as `pathlight:*` CustomEvents on `window`
//! and to `pathlight('on', name, callback)` subscribers, ready to forward to analytics.

/// The kinds of event, in the order a learner usually meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// A lesson was offered: its beacon appeared.
    Shown,
    /// A lesson card opened.
    Opened,
    /// The learner looked at a layer (Why, What or How).
    LayerViewed,
    /// "Show me" highlighted a How step.
    StepShown,
    /// The learner did the real thing the lesson teaches.
    Completed,
    /// "I know this".
    Known,
    /// "Not now".
    Dismissed,
    /// The learner changed their goals.
    GoalChanged,
    /// A lesson card closed, and how: ×, Escape, `close` or its completion.
    Closed,
    /// The learner opened the lesson panel.
    PanelOpened,
    /// A clip in a lesson started playing.
    ClipPlayed,
    /// A clip that played stopped: it reached its end, or the learner left it (the card
    /// closed, the layer changed), with the seconds watched.
    ClipFinished,
    /// Coaching names a goal the learner seems to be working on, in the panel's "Looks
    /// like" line.
    GoalGuessed,
}

impl EventKind {
    /// Every event kind, so a name the host passes can be looked up.
    pub const ALL: [EventKind; 13] = [
        EventKind::Shown,
        EventKind::Opened,
        EventKind::LayerViewed,
        EventKind::StepShown,
        EventKind::Completed,
        EventKind::Known,
        EventKind::Dismissed,
        EventKind::GoalChanged,
        EventKind::Closed,
        EventKind::PanelOpened,
        EventKind::ClipPlayed,
        EventKind::ClipFinished,
        EventKind::GoalGuessed,
    ];

    /// The name used by `on` and, prefixed with `pathlight:`, by the CustomEvent.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Shown => "shown",
            EventKind::Opened => "opened",
            EventKind::LayerViewed => "layer_viewed",
            EventKind::StepShown => "step_shown",
            EventKind::Completed => "completed",
            EventKind::Known => "known",
            EventKind::Dismissed => "dismissed",
            EventKind::GoalChanged => "goal_changed",
            EventKind::Closed => "closed",
            EventKind::PanelOpened => "panel_opened",
            EventKind::ClipPlayed => "clip_played",
            EventKind::ClipFinished => "clip_finished",
            EventKind::GoalGuessed => "goal_guessed",
        }
    }

    /// The event kind with this name, as the host passes it to `on`.
    pub fn parse(name: &str) -> Option<EventKind> {
        let name = name.strip_prefix("pathlight:").unwrap_or(name);
        EventKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_with_or_without_the_prefix() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.name()), Some(kind));
            assert_eq!(
                EventKind::parse(&format!("pathlight:{}", kind.name())),
                Some(kind)
            );
        }
        assert_eq!(EventKind::parse("complete"), None);
    }
}
