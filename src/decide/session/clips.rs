//! Clips in lessons: what the host hears when one plays and when it stops.

use super::effects::{event, Effects};
use super::Session;
use crate::api::lifecycle::EventKind;
use crate::model::layer::Layer;
use crate::support::json::Json;

impl Session {
    /// What the host hears when a clip of `lesson`'s `layer` started playing (`finished` false), or stopped after
    /// `seconds` watched (`finished` true): at its end when `ended`, or because the learner
    /// left it. Progress does not change: watching is not doing.
    pub fn clip(lesson: &str, layer: Layer, seconds: f64, finished: Option<bool>) -> Effects {
        let mut detail = vec![
            ("lesson", Json::from(lesson)),
            ("layer", layer.key().into()),
            // Whole tenths: enough for analytics, and no float noise in the records.
            ("seconds", Json::Number((seconds * 10.0).round() / 10.0)),
        ];
        let kind = match finished {
            None => EventKind::ClipPlayed,
            Some(ended) => {
                detail.push(("ended", Json::Bool(ended)));
                EventKind::ClipFinished
            }
        };
        Effects {
            emit: vec![event(kind, &detail)],
            ..Effects::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::api::lifecycle::EventKind;
    use crate::decide::session::Session;
    use crate::model::layer::Layer;
    use crate::support::json::Json;

    #[test]
    fn a_clip_tells_the_host_its_lesson_layer_and_seconds_watched() {
        let played = Session::clip("send-invoice", Layer::How, 0.0, None);
        assert_eq!(played.emit[0].kind, EventKind::ClipPlayed);
        let finished = Session::clip("send-invoice", Layer::How, 7.84, Some(true));
        let e = &finished.emit[0];
        assert_eq!(e.kind, EventKind::ClipFinished);
        let detail: Vec<(&str, Json)> = e.detail.iter().map(|(k, v)| (*k, v.clone())).collect();
        assert_eq!(
            detail,
            [
                ("lesson", Json::from("send-invoice")),
                ("layer", Json::from("how")),
                ("seconds", Json::Number(7.8)),
                ("ended", Json::Bool(true)),
            ]
        );
        assert!(finished.save.is_none(), "watching is not doing");
    }
}
