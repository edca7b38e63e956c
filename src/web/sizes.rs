//! Sizes the stylesheet shares with the code that places things on the screen, written once:
//! build.rs writes each into the CSS where it says `{{NAME}}px`, so the two cannot drift
//! apart, and reading them costs nothing at run time. The sizes at which cards become sheets
//! are shared the same way, from [`crate::decide::placement`] (`NARROW`, `SHORT`).

/// The size of a beacon, in the layer's pixels (src/ui/beacon.css). 24: the least a touch
/// target may be (WCAG 2.5.8).
pub const BEACON_SIZE: f64 = 24.0;
