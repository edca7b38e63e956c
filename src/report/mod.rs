//! What product teams learn from their learners: `pathlight report` reads the events the
//! widget's `collect` option sends (or a Segment export of the forwarded ones) and shows,
//! per lesson, per goal and per day, how many learners got how far. For the native CLI and
//! `npx pathlight` (feature `report`), never the widget.
//!
//! The input is streamed ([`input`]) into sets of learners ([`tally`]), so memory grows with
//! learners × lessons, not with events; [`figures`] turns them into the report's numbers,
//! [`html`] into one self-contained page. [`record`] defines the collected format.

pub mod calendar;
pub mod command;
pub mod figures;
pub mod html;
pub mod input;
pub mod record;
pub mod tally;

pub use command::{run, Io, Run};
pub use figures::{Figures, Flag};
