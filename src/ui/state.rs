//! The widget's reactive state: a thin wrapper around the pure [`Session`], shared by
//! every component and cheap to copy.
//!
//! Each method hands one thing the learner or the page did to the session, then gives the
//! effects it returned to the browser edge. Nothing is decided here. Every access goes
//! through `try_` calls, so a component, timer or late answer from the vendor's backend
//! that runs after `destroy` does nothing instead of trapping.

use crate::api::command::Theme;
use crate::decide::session::{AnchorFacts, Effects, Offer, Session, Suggested, Surface};
use crate::i18n::Strings;
use crate::model::anchor::Anchor;
use crate::model::layer::Layer;
use crate::model::pack::{Lesson, Pack};
use crate::model::progress::Progress;
use crate::web::{AnchorWatcher, Edge, Focus};
use leptos::prelude::*;
// Leptos's signal without a value, named apart from the lessons' `crate::model::trigger::Trigger`.
use leptos::prelude::Trigger as Notifier;
use std::rc::Rc;
use std::sync::Arc;

/// How the widget looks, apart from what the session decides.
#[derive(Clone, Copy)]
pub struct Look {
    /// The UI strings in the learner's language.
    pub t: &'static Strings,
    /// Colour scheme the widget renders in.
    pub theme: Theme,
}

/// Shared by every component; cheap to copy.
#[derive(Clone, Copy)]
pub struct WidgetState {
    session: RwSignal<Session>,
    /// What to offer now, computed once per change of the session, the page or the clock.
    offer: Memo<Offer>,
    /// The anchors to watch: they change with the page and the open card, not with every
    /// change of the session, and the watcher looks the page over whenever they are set.
    watched: Memo<Vec<Anchor>>,
    /// What the widget shows, for the components to follow.
    pub surface: Memo<Surface>,
    /// The learner's Progress, for the components to follow.
    pub progress: Memo<Progress>,
    /// The Lesson just completed, for the celebration.
    pub just_completed: Memo<Option<String>>,
    /// The UI strings in the learner's language.
    pub t: &'static Strings,
    /// Colour scheme the widget renders in.
    pub theme: Theme,
    /// The Layer the open Lesson card shows.
    pub layer: RwSignal<Layer>,
    /// The How step "Show me" highlights, if any.
    pub step: RwSignal<Option<usize>>,
    /// Whether the goal picker is open in the panel.
    pub picking_goals: RwSignal<bool>,
    /// Bumped while a time-on-page rule waits, so eligibility is asked again.
    pub clock: RwSignal<u64>,
    /// Notified whenever a watched anchor appears, goes, shows, hides or is clicked.
    anchors_moved: Notifier,
    /// Notified when author mode puts a new edition of the pack in place.
    pack_replaced: Notifier,
    edge: StoredValue<Rc<Edge>, LocalStorage>,
    /// The anchor watcher, once the widget is on the page.
    watcher: StoredValue<Option<AnchorWatcher>, LocalStorage>,
}

impl WidgetState {
    /// Ties a Session to the browser edge and makes its state reactive.
    pub fn new(session: Session, edge: Rc<Edge>, look: Look) -> WidgetState {
        let layer = RwSignal::new(session.preferred_layer());
        let session = RwSignal::new(session);
        let clock = RwSignal::new(now());
        let anchors_moved = Notifier::new();
        let offer = Memo::new(move |_| {
            let now = clock.get().max(now());
            session.with(|s| s.offer(now, typing()))
        });
        WidgetState {
            session,
            offer,
            watched: Memo::new(move |_| session.with(Session::watched_anchors)),
            surface: Memo::new(move |_| session.with(|s| s.surface().clone())),
            progress: Memo::new(move |_| session.with(|s| s.progress().clone())),
            just_completed: Memo::new(move |_| {
                session.with(|s| s.just_completed().map(str::to_owned))
            }),
            t: look.t,
            theme: look.theme,
            layer,
            step: RwSignal::new(None),
            picking_goals: RwSignal::new(false),
            clock,
            anchors_moved,
            pack_replaced: Notifier::new(),
            edge: StoredValue::new_local(edge),
            watcher: StoredValue::new_local(None),
        }
    }

    /// Runs `change` on the session and carries out its effects. Closing puts focus back
    /// where it was before the surface opened ([`Self::opening`]).
    fn dispatch(&self, change: impl FnOnce(&mut Session) -> Effects) {
        let Some(was) = self.session.try_with_untracked(|s| s.surface().clone()) else {
            return;
        };
        let Some((effects, is, layer)) = self.session.try_update(|s| {
            let effects = change(s);
            (effects, s.surface().clone(), s.preferred_layer())
        }) else {
            return;
        };
        if was != is {
            self.step.set(None);
            if let Surface::Lesson { .. } = is {
                self.layer.set(layer);
            }
            if is == Surface::Closed {
                Focus::restore();
            }
        }
        self.carry_out(effects);
    }

    /// Before a call that may open a surface: remember where focus is, before anything
    /// opens and takes it. Page events never open one, so they skip this.
    fn opening(&self) {
        if self.surface.try_get_untracked() == Some(Surface::Closed) {
            Focus::remember();
        }
    }

    /// Hands `effects` to the browser edge, with `goal_guessed` when the change made
    /// coaching name another goal; what a save wrote goes back into the session.
    fn carry_out(&self, mut effects: Effects) {
        let Some(edge) = self.edge.try_get_value() else {
            return;
        };
        let session = self.session;
        session.try_update_untracked(|s| s.announce_guess(&mut effects));
        edge.carry_out(effects, move |key, merged| {
            session.try_update(|s| s.stored(key, merged));
        });
    }

    /// The Pack the widget runs.
    pub fn pack(&self) -> Arc<Pack> {
        self.session.with_untracked(|s| s.pack().clone())
    }

    /// The anchor watcher, once the widget is on the page (never in component tests).
    pub fn watch(&self, watcher: AnchorWatcher) {
        // The view's effect may have run before the watcher came (start-up is sliced).
        watcher.watch(&self.watched.get_untracked());
        self.watcher.set_value(Some(watcher));
    }

    /// Tells the watcher which anchors matter now; run by an effect, so it follows the page.
    pub fn sync_anchors(&self) {
        let anchors = self.watched.get();
        self.watcher.with_value(|w| {
            if let Some(w) = w {
                w.watch(&anchors);
            }
        });
    }

    /// The page's anchors changed: the watcher tells what the page shows of each.
    pub fn anchors_changed(&self, anchors: Vec<(Anchor, AnchorFacts)>) {
        self.dispatch(|s| s.anchors_changed(anchors, now()));
        self.anchors_moved.notify();
    }

    /// Follows the host's navigation.
    pub fn navigated(&self, url: String) {
        self.dispatch(|s| s.navigated(&url, now()));
    }

    /// Another tab saved this progress under `key`.
    pub fn other_tab_saved(&self, key: &str, theirs: Progress) {
        self.dispatch(|s| s.other_tab_saved(key, &theirs));
    }

    /// The page came back from the back/forward cache, having missed other tabs' saves.
    pub fn restored(&self) {
        let (Some(key), Some(edge)) = (
            self.session.try_with_untracked(Session::key),
            self.edge.try_get_value(),
        ) else {
            return;
        };
        let stored = edge.read(&key);
        self.other_tab_saved(&key, stored);
    }

    /// The widget is on the page: the vendor's backend may know more than this browser.
    pub fn started(&self) {
        self.dispatch(|s| s.started());
    }

    /// The vendor's backend answered with `user`'s progress.
    pub fn remote_loaded(&self, user: String, theirs: Progress) {
        self.dispatch(|s| s.remote_loaded(&user, &theirs));
    }

    /// The lessons that may show now, ranked, with why.
    pub fn suggestions(&self) -> Vec<Suggested> {
        self.offer.with(|o| o.suggestions.clone())
    }

    /// Author mode: a new edition of the pack, from `pathlight dev`. An open card shows
    /// it on the same layer.
    pub fn replace_pack(&self, pack: Pack) {
        self.session.try_update(|s| s.replace_pack(Arc::new(pack)));
        self.pack_replaced.notify();
    }

    /// Every lesson explained here and now, for author mode's debugger: its id, title,
    /// trigger in words, and place in the offer in words. Follows the session and the clock,
    /// as the offer does.
    pub fn explain(&self) -> Vec<(String, String, crate::author::explain::Said, String)> {
        let now = self.clock.get().max(now());
        self.session.with(|s| {
            s.explain(now)
                .into_iter()
                .map(|(l, said, placement)| (l.id.clone(), l.title.clone(), said, placement.line()))
                .collect()
        })
    }

    /// Beacons for the best new lessons whose feature is on screen, within the attention budget.
    pub fn beacons(&self) -> Vec<Lesson> {
        self.offer.with(|o| o.beacons.clone())
    }

    /// Counts a beacon as shown whenever the offer brings it up: an effect compares each
    /// offer's beacons with the last one's, so the show is recorded in this one place and
    /// not by whatever draws the beacon. Call it before the view's own effects are made, so
    /// that it hears a new offer before a lesson that opens by itself takes its beacon away.
    pub fn count_beacon_shows(&self) {
        let state = *self;
        Effect::new(move |before: Option<Vec<String>>| {
            let before = before.unwrap_or_default();
            let Some(beacons) = state.offer.try_with(|o| {
                let ids = o.beacons.iter().map(|l| l.id.clone());
                ids.collect::<Vec<String>>()
            }) else {
                return before;
            };
            for id in beacons.iter().filter(|id| !before.contains(id)) {
                state.dispatch(|s| s.beacon_shown(id, now()));
            }
            beacons
        });
    }

    /// The lesson to open without being asked, if the host allows it and now is a good time.
    pub fn auto_open(&self) -> Option<String> {
        self.offer.with(|o| o.auto_open.clone())
    }

    /// Opens a lesson by itself, counting it against the session's budget.
    pub fn open_by_itself(&self, id: &str) {
        self.opening();
        self.dispatch(|s| s.open_by_itself(id, now()));
    }

    /// Whether the open card came up by itself, so it must not take focus.
    pub fn opened_by_itself(&self) -> bool {
        matches!(
            self.surface.try_get_untracked(),
            Some(Surface::Lesson {
                by_itself: true,
                ..
            })
        )
    }

    /// The element an Anchor finds on the page now, if any.
    pub fn anchor_element(&self, anchor: &Anchor) -> Option<web_sys::Element> {
        self.watcher
            .try_with_value(|w| w.as_ref().and_then(|w| w.element(anchor)))
            .flatten()
    }

    /// Whether some lesson waits for time on the page, which no DOM event reports.
    pub fn needs_clock(&self) -> bool {
        self.session.with_untracked(Session::needs_clock)
    }

    /// Subscribes the running effect to anchor moves, for effects that follow anchor
    /// elements. (Not the host's `track`: that is [`WidgetState::track`].)
    pub fn subscribe_to_anchor_moves(&self) {
        self.anchors_moved.track();
    }

    /// The lesson on the card, if a card is open.
    pub fn lesson_on_card(&self) -> Option<Lesson> {
        self.surface.track();
        self.pack_replaced.track();
        self.session
            .try_with_untracked(|s| s.lesson_on_card().cloned())
            .flatten()
    }

    /// The learner's id and traits, as the host set them.
    pub fn user(&self) -> (Option<String>, crate::model::trigger::Traits) {
        self.session
            .try_with_untracked(|s| {
                let (id, traits) = s.user();
                (id.map(str::to_owned), traits.clone())
            })
            .unwrap_or_default()
    }

    /// The learner's role, as the host's `traits.role` gives it.
    pub fn role(&self) -> Option<String> {
        self.session
            .try_with_untracked(|s| s.role().map(str::to_owned))
            .flatten()
    }

    /// Opens the Lesson panel, or closes it when open.
    pub fn toggle_panel(&self) {
        if self.surface.get_untracked() == Surface::Closed {
            // The goal picker is offered until the learner answers it once, even with "skip".
            self.picking_goals
                .set(self.session.with_untracked(Session::asks_for_goals));
        }
        self.opening();
        self.dispatch(Session::toggle_panel);
    }

    /// Opens the Lesson with this id, as the learner asked.
    pub fn open(&self, id: &str) {
        self.opening();
        self.dispatch(|s| s.open(id, now()));
    }

    /// The learner picked a layer: show it, and open their next lessons on it too.
    pub fn view_layer(&self, layer: Layer) {
        self.layer.set(layer);
        self.dispatch(|s| s.view_layer(layer, now()));
    }

    /// A clip of `lesson`'s `layer` started (`finished` none) or stopped after `seconds`
    /// ([`Session::clip`]): the host hears of it.
    pub fn clip(&self, lesson: &str, layer: Layer, seconds: f64, finished: Option<bool>) {
        // Nothing in the session changes: the event is all there is to carry out.
        self.carry_out(Session::clip(lesson, layer, seconds, finished));
    }

    /// "Show me": highlights How step `index` of the open lesson, or stops with `None`.
    pub fn show_step(&self, index: Option<usize>) {
        self.step.set(index);
        if let Some(index) = index {
            self.dispatch(|s| s.show_step(index));
        }
    }

    /// The element a step points at, searched in the document and open shadow roots.
    pub fn step_element(&self, anchor: &Anchor) -> Option<web_sys::Element> {
        self.anchor_element(anchor).or_else(|| {
            web_sys::window()?
                .document()?
                .query_selector(&anchor.css())
                .ok()
                .flatten()
        })
    }

    /// "Not now": closes the lesson and sets it aside for its snooze, or for good.
    pub fn dismiss(&self, id: &str) {
        self.dispatch(|s| s.dismiss(id, now()));
    }

    /// "I know this": done, but not earned by doing; kept apart from completed.
    pub fn know(&self, id: &str) {
        self.dispatch(|s| s.know(id, now()));
    }

    /// The host reported something the learner did.
    pub fn track(&self, name: &str) {
        self.dispatch(|s| s.track(name, now()));
    }

    /// The host told us who the learner is.
    pub fn identify(&self, user: Option<String>, traits: crate::model::trigger::Traits) {
        let Some(edge) = self.edge.try_get_value() else {
            return;
        };
        self.dispatch(|s| s.identify(user, traits, |key| edge.read(key)));
        if let Some(layer) = self.session.try_with_untracked(Session::preferred_layer) {
            self.layer.set(layer);
        }
    }

    /// Sets the learner's Goals, which reorders the suggestions.
    pub fn set_goals(&self, goals: Vec<String>) {
        self.dispatch(|s| s.set_goals(goals, now()));
    }

    /// The title of the goal coaching names for a learner without chosen goals, if any.
    pub fn guessed_goal(&self) -> Option<String> {
        self.session
            .try_with(|s| s.guessed_goal().map(|g| g.title.clone()))
            .flatten()
    }

    /// The learner's answer to coaching's guess: Yes (`true`) makes it their chosen goal,
    /// Not this never guesses it again.
    pub fn answer_guess(&self, yes: bool) {
        self.dispatch(|s| match yes {
            true => s.accept_guess(now()),
            false => s.reject_guess(now()),
        });
    }

    /// The learner is done with the goal picker; choosing nothing counts as an answer.
    pub fn close_goals(&self) {
        self.dispatch(|s| s.close_goals(now()));
        self.picking_goals.set(false);
    }

    /// Forgets this learner's progress, everywhere it is kept.
    pub fn reset(&self) {
        self.dispatch(|s| s.reset(now()));
    }

    /// The learner put the acknowledgement away.
    pub fn dismiss_toast(&self) {
        self.session.try_update(Session::dismiss_toast);
    }

    /// "Back" from a card to the lesson list.
    pub fn back(&self) {
        self.dispatch(Session::back);
    }

    /// Closes the open Lesson or panel.
    pub fn close(&self) {
        self.close_as(None);
    }

    /// Closes the open Lesson or panel as the learner or host asked, which the `closed`
    /// event tells.
    pub fn close_by(&self, how: crate::decide::session::Closing) {
        self.close_as(Some(how));
    }

    // One `dispatch` for both: each closure it takes is a copy of it in the wasm.
    fn close_as(&self, how: Option<crate::decide::session::Closing>) {
        self.dispatch(move |s| match how {
            Some(how) => s.close_by(how),
            None => s.close(),
        });
    }
}

/// Whether the learner is typing in a field of the host's.
fn typing() -> bool {
    Focus::editing().is_some()
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}
