//! What the browser edge carries out after the session changed: what to store and where,
//! what to tell the host, and what to warn about. The session decides; the edge only does.

use crate::api::lifecycle::EventKind;
use crate::model::progress::Progress;
use crate::support::json::Json;

/// One lifecycle event for the host, with its detail fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Emit {
    /// Which lifecycle event to send.
    pub kind: EventKind,
    /// The event's detail fields.
    pub detail: Vec<(&'static str, Json)>,
}

/// What the browser edge does after a change, in this order: store, tell, warn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    /// Merge this progress into what is stored under `key` and write the result.
    pub save: Option<Save>,
    /// Keys to remove once the save succeeded.
    pub remove: Vec<String>,
    /// Ask the vendor's backend for this user's progress.
    pub load_remote: Option<String>,
    /// Lifecycle events for the host.
    pub emit: Vec<Emit>,
    /// Warnings for the host's console.
    pub warn: Vec<String>,
}

/// A save: the edge writes `progress` merged with what `key` holds, hands the result back
/// with [`Session::stored`](super::Session::stored), and sends it to the vendor's backend for `user`.
#[derive(Debug, Clone, PartialEq)]
pub struct Save {
    /// Storage key the Progress goes under, per Pack and learner.
    pub key: String,
    /// The Progress to save.
    pub progress: Progress,
    /// The learner it belongs to, so a remote store can file it.
    pub user: Option<String>,
}

impl Effects {
    /// Both sets of effects, `later`'s after these; the later save holds the newer progress.
    pub fn merge(&mut self, later: Effects) {
        if later.save.is_some() {
            self.save = later.save;
        }
        self.remove.extend(later.remove);
        self.load_remote = later.load_remote.or(self.load_remote.take());
        self.emit.extend(later.emit);
        self.warn.extend(later.warn);
    }
}

/// The lifecycle event `kind` with these detail fields.
pub(super) fn event(kind: EventKind, detail: &[(&'static str, Json)]) -> Emit {
    Emit {
        kind,
        detail: detail.to_vec(),
    }
}
