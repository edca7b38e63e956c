//! The browser edge.
