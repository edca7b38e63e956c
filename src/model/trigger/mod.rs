//! Triggers: when a lesson is relevant, and how often the widget may bring it up by itself.
//!
//! - `rule`: the model, a [`Rule`] tree and a lesson's [`Trigger`];
//! - `kinds`: each kind of rule, its names in the pack's JSON and the front matter, written
//!   once in [`KINDS`];
//! - `evaluate`: whether a rule holds, given the [`Facts`] the browser edge observed;
//! - `dates`: the dates of `days_since` traits;
//! - `json`: the form packs hold.

mod dates;
mod evaluate;
mod json;
mod kinds;
mod rule;

#[cfg(test)]
mod arbitrary;

pub use evaluate::{days_since, events_since, AtUrl, Facts};
pub use kinds::{FrontKey, Kind, Payload, Shape, Spelling, Text, Words, KINDS, LESSON};
pub use rule::{Bounds, ElementState, Frequency, Rule, TraitTest, Traits, Trigger};
