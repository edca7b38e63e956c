//! The decisions: what to show this learner on this page now. Eligibility, ranking, the way
//! to a goal, the learning map, where a beacon sits, and the [`session`] that puts them
//! together and returns the effects for the browser edge to carry out.

pub mod coaching;
pub mod eligibility;
#[cfg(not(target_arch = "wasm32"))]
pub mod learners;
pub mod learning_map;
pub mod placement;
pub mod ranking;
mod reasons;
pub mod session;
pub mod way;
