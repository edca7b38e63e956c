//! What only author mode reads: why a trigger fires or not, the anchor proposed for a
//! picked element, and what `pathlight dev` says about its builds. Pure, so it is tested
//! natively; the in-page panel that shows it is `ui::author` and `web::author`.

pub mod anchor_proposal;
pub mod debugger;
pub mod dev_status;
pub mod explain;
