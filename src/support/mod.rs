//! Small support code the rest builds on: the project's own JSON, maps by text key, the one
//! sort, a text's fingerprint, and the build-time CSS minifier.

#[cfg(test)]
mod css_minify;
pub mod fingerprint;
pub mod json;
pub mod keyed;
pub mod order;
