//! The three layers of a lesson: depth on demand.

use crate::support::json::{FromJson, Json, Mismatch, ToJson};

/// Why (the outcome), What (the concept and its connections) and How (the steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Layer {
    #[default]
    /// Why the feature matters: the Layer for a learner who is not yet convinced.
    Why,
    /// What the feature is: the Layer for a learner who wants the idea.
    What,
    /// How to use it, step by step: the Layer for a learner who wants to do it now.
    How,
}

impl Layer {
    /// The Layers in the order the tabs show them.
    pub const ALL: [Layer; 3] = [Layer::Why, Layer::What, Layer::How];

    /// The Layer's name in Packs, Progress and events.
    pub fn key(self) -> &'static str {
        match self {
            Layer::Why => "why",
            Layer::What => "what",
            Layer::How => "how",
        }
    }

    /// The layer an arrow key moves to, wrapping around as the ARIA tabs pattern asks.
    pub fn step(self, forward: bool) -> Layer {
        let i = Layer::ALL.iter().position(|l| *l == self).unwrap_or(0);
        let n = Layer::ALL.len();
        Layer::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

impl FromJson for Layer {
    fn from_json(value: &Json) -> Result<Layer, Mismatch> {
        value.name_of("layer", &Layer::ALL.map(|l| (l.key(), l)))
    }
}

impl ToJson for Layer {
    fn to_json(&self) -> Json {
        self.key().to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_around() {
        assert_eq!(Layer::How.step(true), Layer::Why);
        assert_eq!(Layer::Why.step(false), Layer::How);
        assert_eq!(Layer::Why.step(true), Layer::What);
    }
}
