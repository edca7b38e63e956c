//! Whose progress the session holds, and keeping it in step with the store, other tabs
//! and the vendor's backend: every copy merges into this one, and one learner's progress
//! never reaches another.

use super::effects::{Effects, Save};
use super::keys::progress_key;
use super::Session;
use crate::model::progress::Progress;
use crate::model::trigger::Traits;

impl Session {
    /// Where this learner's progress is stored.
    pub fn key(&self) -> String {
        progress_key(&self.pack.id, self.user.as_deref(), self.preview)
    }

    /// The widget is up: ask the vendor's backend for what it knows of this learner.
    pub fn started(&self) -> Effects {
        Effects {
            load_remote: self.user.clone(),
            ..Effects::default()
        }
    }

    /// `identify`: switches to `user`; `stored` reads what a storage key holds. Traits are
    /// replaced. The anonymous learner's progress, as this page and the store know it,
    /// goes along when leaving the anonymous state, and only then: one user's progress
    /// never reaches another.
    pub fn identify(
        &mut self,
        user: Option<String>,
        traits: Traits,
        stored: impl Fn(&str) -> Progress,
    ) -> Effects {
        let user = user.filter(|u| !u.is_empty());
        self.traits = traits;
        let mut effects = Effects::default();
        if user == self.user {
            return effects;
        }
        let leaving_anonymous = self.user.is_none();
        let before = self.key();
        self.user = user;
        let theirs = stored(&self.key());
        self.progress = if leaving_anonymous {
            // Another tab may have done more anonymously than this page heard of.
            theirs.merge(&self.progress.merge(&stored(&before)).carried())
        } else {
            theirs
        };
        self.last_tick = self.last_tick.max(self.progress.latest());
        self.just_completed = None;
        self.visit.shown.clear();
        effects.save = self.save();
        if leaving_anonymous {
            effects.remove.push(before);
        }
        effects.load_remote = self.user.clone();
        effects
    }

    /// Another tab (or this page, restored from the back/forward cache) found this progress
    /// stored under `key`; nothing is saved back, as what is stored holds it already.
    pub fn other_tab_saved(&mut self, key: &str, theirs: &Progress) -> Effects {
        if key != self.key() {
            return Effects::default();
        }
        self.adopt(theirs);
        // Tabs see each other's writes late: a save merged with an older copy of the store
        // drops what this tab saved meanwhile. Write back what theirs lacks, so it lasts.
        // Merges only add, so two tabs agree after one round and stop.
        if self.progress == *theirs {
            return Effects::default();
        }
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }

    /// The vendor's backend answered with `user`'s progress. An answer for someone who is
    /// no longer the learner is dropped.
    pub fn remote_loaded(&mut self, user: &str, theirs: &Progress) -> Effects {
        if self.user.as_deref() != Some(user) {
            return Effects::default();
        }
        let before = self.progress.clone();
        self.adopt(theirs);
        if self.progress == before {
            return Effects::default();
        }
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }

    /// The edge stored `merged` under `key` for a save this session asked for.
    pub fn stored(&mut self, key: &str, merged: &Progress) {
        if key == self.key() {
            self.adopt(merged);
        }
    }

    /// Merges `theirs` in; a reset it holds forgets this page's shows too.
    fn adopt(&mut self, theirs: &Progress) {
        let reset = self.progress.reset_at();
        self.progress = self.progress.merge(theirs);
        self.last_tick = self.last_tick.max(self.progress.latest());
        if self.progress.reset_at() > reset {
            // Reset elsewhere: this page's beacons count afresh too.
            self.visit.shown.clear();
            self.just_completed = None;
        }
    }

    /// A save of this learner's progress, under their key.
    pub(super) fn save(&self) -> Option<Save> {
        Some(Save {
            key: self.key(),
            progress: self.progress.clone(),
            user: self.user.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{completed, session, traits, NOW};
    use super::super::keys::preview_key;
    use super::super::Options;
    use super::*;
    use crate::model::progress::Via;
    use serde_json::json;

    #[test]
    fn a_preview_keeps_its_progress_apart_from_the_learners_own() {
        // Pins author mode's simulation writing over a real learner's progress.
        let real = session(Some("u1"), Progress::default());
        let options = Options {
            user: Some("u1".into()),
            preview: true,
            ..Options::default()
        };
        let mut preview = Session::new(real.pack().clone(), options, Progress::default(), "/", NOW);
        assert_eq!(preview.key(), preview_key(&real.key()));
        assert_ne!(preview.key(), real.key());
        let saved = preview.know("create", NOW).save.unwrap();
        assert_eq!(saved.key, preview_key(&real.key()));
        let switched = preview.identify(Some("u2".into()), Traits::new(), |_| Progress::default());
        assert!(switched.save.unwrap().key.ends_with(":author-preview"));
    }

    // Bug: identify extended the traits, so user B kept user A's role.
    #[test]
    fn identify_replaces_the_traits() {
        let mut s = session(Some("a"), Progress::default());
        s.identify(Some("a".into()), traits(json!({ "role": "admin" })), |_| {
            Progress::default()
        });
        assert_eq!(s.role(), Some("admin"));
        s.identify(Some("b".into()), traits(json!({ "plan": "trial" })), |_| {
            Progress::default()
        });
        assert_eq!(s.role(), None);
    }

    // Bug (found by the model test): the anonymous learner's reset went along on identify
    // and wiped what the user had done before it.
    #[test]
    fn an_anonymous_reset_never_reaches_the_user_s_progress() {
        let mut mine = Progress::default();
        mine.complete("send", Via::Click, NOW);
        let mut s = session(None, Progress::default());
        s.reset(NOW + 50);
        s.identify(Some("u".into()), Traits::default(), |key| {
            if key.ends_with(":u") {
                mine.clone()
            } else {
                Progress::default()
            }
        });
        assert!(s.progress().state("send").is_done());
    }

    #[test]
    fn leaving_the_anonymous_state_carries_progress_along_and_removes_the_anonymous_key() {
        let mut s = session(None, Progress::default());
        s.track("invoice_created", NOW);
        let effects = s.identify(Some("u1".into()), Traits::default(), |_| {
            Progress::default()
        });
        assert!(s.progress().state("create").is_done());
        assert_eq!(effects.remove, ["pathlight:acme:anonymous"]);
        assert_eq!(effects.save.unwrap().key, "pathlight:acme:user:u1");
        assert_eq!(effects.load_remote.as_deref(), Some("u1"));
    }

    // Bug: switching users merged one learner's progress into the next one's.
    #[test]
    fn switching_between_users_never_moves_progress() {
        let mut s = session(Some("a"), Progress::default());
        s.track("invoice_created", NOW);
        let effects = s.identify(Some("b".into()), Traits::default(), |_| Progress::default());
        assert!(!s.progress().state("create").is_done());
        assert!(effects.remove.is_empty());
    }

    // Bug: a remote load for user A that answered after identify('B') was merged into B.
    #[test]
    fn a_late_remote_answer_for_a_previous_user_is_dropped() {
        let mut s = session(Some("a"), Progress::default());
        s.identify(Some("b".into()), Traits::default(), |_| Progress::default());
        let mut theirs = Progress::default();
        theirs.complete("create", Via::Event, NOW);
        assert_eq!(s.remote_loaded("a", &theirs), Effects::default());
        assert!(!s.progress().state("create").is_done());
        let effects = s.remote_loaded("b", &theirs);
        assert!(s.progress().state("create").is_done());
        assert!(effects.save.is_some());
    }

    // Bug: reset removed one key, and the next save wrote the old progress straight back.
    #[test]
    fn a_reset_outlasts_a_stale_tab_and_a_late_remote_answer() {
        let mut stale = session(Some("u"), Progress::default());
        stale.track("invoice_created", NOW);
        let before = stale.progress().clone();
        let mut here = session(Some("u"), before.clone());
        let reset = here.reset(NOW + 10).save.unwrap().progress;
        assert!(!reset.state("create").is_done());
        // The stale tab's next save merges with what is stored: the reset wins.
        let written = before.over(Some(&reset.to_json())).unwrap();
        assert!(!written.state("create").is_done());
        // The backend answers with what it had before the reset.
        here.remote_loaded("u", &before);
        assert!(!here.progress().state("create").is_done());
        // What the learner does after the reset counts.
        let effects = here.track("invoice_created", NOW + 20);
        assert_eq!(completed(&effects), ["create"]);
    }

    #[test]
    fn another_tab_s_progress_is_merged_only_for_this_learner_s_key() {
        let mut s = session(Some("u"), Progress::default());
        let mut theirs = Progress::default();
        theirs.complete("create", Via::Event, NOW);
        let _ = s.other_tab_saved("pathlight:acme:user:v", &theirs);
        assert!(!s.progress().state("create").is_done());
        let _ = s.other_tab_saved("pathlight:acme:user:u", &theirs);
        assert!(s.progress().state("create").is_done());
    }

    #[test]
    fn a_stale_save_from_another_tab_is_healed() {
        // Bug: tab A merged its save with an older copy of the store and dropped B's
        // completion; B adopted A's save but never wrote its completion back.
        let mut b = session(Some("u"), Progress::default());
        let completed = b.track("invoice_created", NOW).save.unwrap().progress;
        assert!(completed.state("create").is_done());
        let stale = Progress::default();
        let heal = b.other_tab_saved("pathlight:acme:user:u", &stale).save;
        assert!(heal
            .expect("a save back")
            .progress
            .state("create")
            .is_done());
        // Once the store holds all B knows, hearing it again writes nothing.
        assert_eq!(
            b.other_tab_saved("pathlight:acme:user:u", &completed),
            Effects::default()
        );
    }
}
