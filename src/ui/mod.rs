//! The components, one per file.
