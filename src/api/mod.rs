//! The host API: the calls a vendor's page makes (`pathlight('init', …)` and friends) and
//! the lifecycle events Pathlight sends back.

pub mod command;
pub mod lifecycle;
