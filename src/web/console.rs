//! The one voice Pathlight has in the host's console.

/// Logs `Pathlight: {message}` as a warning. Warnings, not errors: the host must never
/// mistake a problem of ours for a crash of theirs.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("Pathlight: {message}").into());
}
