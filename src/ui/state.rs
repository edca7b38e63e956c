//! The widget's reactive state and the decisions about it, kept out of the components.
//!
//! Decisions (eligibility, ranking, completion) come from the pure core; this file gathers
//! the facts they need and applies their answers.

use crate::command::Theme;
use crate::i18n::{self, Strings};
use crate::json::Json;
use crate::layer::Layer;
use crate::lifecycle::EventKind;
use crate::pack::{Anchor, Completion, Lesson, Pack};
use crate::progress::{Progress, Via};
use crate::ranking::{self, Attention, Candidate, Learner, Moment, Presence, Suggestion};
use crate::trigger::eligibility;
use crate::trigger::Traits;
use crate::url_pattern::{path_matches, Location};
use crate::web::{events, warn, AnchorWatcher, Focus, PageFacts, ProgressBook, RemoteProgress};
use leptos::prelude::*;
use std::sync::Arc;

/// How often the widget's element goes back into a page that removed it before it gives up.
const MAX_REATTACH: u32 = 20;

/// How the host set the widget up.
#[derive(Clone, Default)]
pub struct WidgetOptions {
    /// A BCP 47 tag; the browser's language when unset.
    pub locale: Option<String>,
    pub theme: Theme,
    pub user: Option<String>,
    pub traits: Traits,
    /// How many suggestions and self-opening lessons the learner is given.
    pub attention: Attention,
    /// The vendor's backend for progress, if `init` gave one.
    pub remote: Option<std::rc::Rc<RemoteProgress>>,
}

/// Which surface the learner sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Surface {
    Closed,
    Panel,
    /// A lesson card; `from_panel` offers the way back to the list.
    Lesson {
        id: String,
        from_panel: bool,
    },
}

/// A lesson the widget suggests, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggested {
    pub lesson: Lesson,
    pub why: String,
}

/// Shared by every component; cheap to copy.
#[derive(Clone, Copy)]
pub struct WidgetState {
    pack: StoredValue<Arc<Pack>>,
    /// The UI strings in the learner's language.
    pub t: &'static Strings,
    pub theme: Theme,
    attention: Attention,
    /// Lessons opened without the learner asking, this session.
    auto_opened: RwSignal<usize>,
    /// Whether the open card came up by itself, so it must not take focus.
    pub opened_by_itself: RwSignal<bool>,
    pub surface: RwSignal<Surface>,
    pub layer: RwSignal<Layer>,
    /// The host page's URL from the path on, as last seen.
    pub url: RwSignal<String>,
    page_entered: RwSignal<u64>,
    /// Bumped while a time-on-page rule waits, so eligibility is asked again.
    pub clock: RwSignal<u64>,
    pub progress: RwSignal<Progress>,
    traits: RwSignal<Traits>,
    /// Lessons whose beacon already showed on this page: one page view is one show, so
    /// the show being counted does not hide the beacon showing it.
    shown_here: RwSignal<Vec<String>>,
    /// The How step "Show me" highlights, if any.
    pub step: RwSignal<Option<usize>>,
    /// Whether the goal picker is open in the panel.
    pub picking_goals: RwSignal<bool>,
    /// The last lesson completed, for the acknowledgement.
    pub just_completed: RwSignal<Option<String>>,
    /// Notified whenever an anchor appears, disappears, shows, hides or is clicked.
    anchors_changed: Trigger,
    anchors: StoredValue<Option<AnchorWatcher>, LocalStorage>,
    book: StoredValue<Option<ProgressBook>, LocalStorage>,
    remote: StoredValue<Option<std::rc::Rc<RemoteProgress>>, LocalStorage>,
    user: RwSignal<Option<String>>,
}

impl WidgetState {
    pub fn new(pack: Pack, options: WidgetOptions) -> WidgetState {
        let locale = options
            .locale
            .or_else(|| web_sys::window()?.navigator().language())
            .unwrap_or_default();
        let progress = RwSignal::new(Progress::default());
        let (book, loaded) = ProgressBook::open(
            &pack.id,
            options.user.as_deref(),
            move |theirs: Progress| {
                progress.try_update(|ours| *ours = ours.merge(&theirs));
            },
        );
        progress.set(loaded);
        let preferred = progress
            .with_untracked(|p| p.preferred_layer())
            .unwrap_or_default();
        let state = WidgetState {
            // Lessons in the learner's language where the pack has it, else its own.
            pack: StoredValue::new(Arc::new(pack.localized(&locale))),
            t: i18n::strings(&locale),
            theme: options.theme,
            attention: options.attention,
            auto_opened: RwSignal::new(0),
            opened_by_itself: RwSignal::new(false),
            surface: RwSignal::new(Surface::Closed),
            layer: RwSignal::new(preferred),
            url: RwSignal::new(current_url()),
            page_entered: RwSignal::new(now()),
            clock: RwSignal::new(now()),
            progress,
            traits: RwSignal::new(options.traits),
            shown_here: RwSignal::new(Default::default()),
            picking_goals: RwSignal::new(false),
            step: RwSignal::new(None),
            just_completed: RwSignal::new(None),
            anchors_changed: Trigger::new(),
            anchors: StoredValue::new_local(None),
            book: StoredValue::new_local(Some(book)),
            remote: StoredValue::new_local(options.remote),
            user: RwSignal::new(options.user),
        };
        state.load_remote();
        state
    }

    /// Merges what the vendor's backend holds for this learner into their progress.
    fn load_remote(&self) {
        let progress = self.progress;
        let user = self.user.get_untracked();
        self.remote.with_value(|remote| {
            if let (Some(remote), Some(user)) = (remote, user) {
                remote.load(&user, move |theirs| {
                    progress.try_update(|ours| *ours = ours.merge(&theirs));
                });
            }
        });
    }

    pub fn pack(&self) -> Arc<Pack> {
        self.pack.get_value()
    }

    /// Starts watching the page's anchors. Without this (in component tests), no anchor is
    /// ever found and no beacon shows.
    /// `host` is the widget's own element: a host page that rebuilds its `body` takes it
    /// along, so it goes back in after the page settles.
    pub fn watch_anchors(&self, host: web_sys::Element) {
        let changed = self.anchors_changed;
        let reattached = std::cell::Cell::new(0u32);
        let pack = self.pack;
        let watcher = AnchorWatcher::new(
            move || changed.notify(),
            move |selector| {
                let lessons: Vec<String> = pack.with_value(|p| {
                    p.lessons
                        .iter()
                        .filter(|l| l.anchor.as_ref().is_some_and(|a| a.css() == selector))
                        .map(|l| l.id.clone())
                        .collect()
                });
                warn(&format!(
                    "the anchor selector `{selector}` of lesson {} is not valid CSS, so its beacon never shows. Fix it and run `pathlight lint`.",
                    lessons.join(", ")
                ));
            },
            move || {
                crate::web::settled::mark(&host);
                if host.is_connected() {
                    return;
                }
                let body = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.body());
                match body {
                    Some(body) if reattached.get() < MAX_REATTACH => {
                        reattached.set(reattached.get() + 1);
                        let _ = body.append_child(&host);
                    }
                    _ if reattached.get() == MAX_REATTACH => {
                        reattached.set(MAX_REATTACH + 1);
                        warn("the page keeps removing the widget's element, so it stays out. Call pathlight('destroy') and init again after rebuilding the page.");
                    }
                    _ => {}
                }
            },
        );
        match watcher {
            Ok(w) => self.anchors.set_value(Some(w)),
            Err(e) => warn(&format!("cannot watch the page for anchors ({e:?}).")),
        }
    }

    /// Follows the host's navigation: a new path is a new page.
    pub fn location_changed(&self) {
        let url = current_url();
        let Some(old) = self.url.try_get_untracked() else {
            return;
        };
        if old == url {
            return;
        }
        if Location::parse(&old).path != Location::parse(&url).path {
            self.page_entered.set(now());
            self.shown_here.set(Default::default());
            self.anchors
                .with_value(|w| w.as_ref().map(AnchorWatcher::forget_clicks));
        }
        self.url.set(url.clone());
        self.complete_where(|rule| matches!(rule, Completion::Url(p) if path_matches(p, Location::parse(&url).path)), Via::Url);
    }

    /// Saves progress; called by an effect whenever it changes.
    pub fn save_progress(&self) {
        let progress = self.progress.get();
        let Some(json) = self
            .book
            .with_value(|b| b.as_ref().and_then(|b| b.save(&progress)))
        else {
            return;
        };
        if let Some(user) = self.user.get_untracked() {
            self.remote
                .with_value(|r| r.as_ref().map(|r| r.save(&user, &json)));
        }
    }

    /// Lessons whose URL conditions hold here: the ones whose features are worth watching.
    fn lessons_here(&self) -> Vec<Lesson> {
        let url = self.url.get();
        self.pack()
            .lessons
            .iter()
            .filter(|l| l.when.as_ref().is_none_or(|t| t.rule.may_hold_at(&url)))
            .cloned()
            .collect()
    }

    /// Tells the anchor watcher which anchors matter now.
    pub fn sync_anchors(&self) {
        let mut selectors = vec![];
        for lesson in self.lessons_here() {
            selectors.extend(lesson.anchor.as_ref().map(Anchor::css));
            if let Some(trigger) = &lesson.when {
                selectors.extend(trigger.rule.anchors().into_iter().map(Anchor::css));
            }
            if let Some(Completion::Click(a) | Completion::Appears(a)) = &lesson.complete {
                selectors.push(a.css());
            }
        }
        self.anchors
            .with_value(|w| w.as_ref().map(|w| w.watch(selectors)));
    }

    /// Completes lessons whose click or appears rule the page now satisfies.
    pub fn check_anchor_completions(&self) {
        self.anchors_changed.track();
        let done = |a: &Anchor, clicked: bool| {
            self.anchors.with_value(|w| {
                w.as_ref().is_some_and(|w| {
                    let f = w.facts(&a.css());
                    if clicked {
                        f.clicked
                    } else {
                        f.present
                    }
                })
            })
        };
        self.complete_where(
            |rule| matches!(rule, Completion::Click(a) if done(a, true)),
            Via::Click,
        );
        self.complete_where(
            |rule| matches!(rule, Completion::Appears(a) if done(a, false)),
            Via::Appears,
        );
    }

    /// Runs `then` on the lessons that may show now, ranked, and the learner's progress.
    fn with_ranked<T>(&self, then: impl FnOnce(&[Suggestion], &Progress) -> T) -> T {
        self.anchors_changed.track();
        self.clock.track();
        let pack = self.pack();
        let url = self.url.get();
        let (progress, traits) = (self.progress.get(), self.traits.get());
        let shown_here = self.shown_here.get();
        let now = now();
        self.anchors.with_value(|anchors| {
            let facts = PageFacts {
                url: &url,
                anchors: anchors.as_ref(),
                traits: &traits,
                progress: &progress,
                now,
                page_entered: self.page_entered.get(),
            };
            let presence = |anchor: &Anchor| match anchors.as_ref().map(|w| w.facts(&anchor.css()))
            {
                Some(f) if f.visible => Presence::Visible,
                Some(f) if f.present => Presence::OnPage,
                _ => Presence::Elsewhere,
            };
            let candidates: Vec<Candidate> = pack
                .lessons
                .iter()
                .filter(|l| {
                    let shows = progress
                        .shows(&l.id)
                        .saturating_sub(u32::from(shown_here.contains(&l.id)));
                    eligibility(l, &facts, shows).is_eligible()
                })
                .map(|lesson| Candidate {
                    lesson,
                    presence: lesson.anchor.as_ref().map_or(Presence::Elsewhere, presence),
                })
                .collect();
            let learner = Learner {
                progress: &progress,
                role: traits.get("role").and_then(Json::as_str),
                now,
            };
            then(&ranking::rank(&pack, &candidates, &learner), &progress)
        })
    }

    /// The lessons that may show now, ranked, with why.
    pub fn suggestions(&self) -> Vec<Suggested> {
        let pack = self.pack();
        self.with_ranked(|ranked, _| {
            ranked
                .iter()
                .map(|s| Suggested {
                    why: s.sentence(&pack),
                    lesson: s.lesson.clone(),
                })
                .collect()
        })
    }

    /// Beacons for the best new lessons whose feature is on screen, within the attention budget.
    pub fn beacons(&self) -> Vec<Lesson> {
        let open = match self.surface.get() {
            Surface::Lesson { id, .. } => Some(id),
            _ => None,
        };
        self.with_ranked(|ranked, progress| {
            self.attention
                .plan(ranked, |id| progress.shows(id), Moment::default())
                .suggest
                .into_iter()
                .filter(|s| {
                    s.presence == Presence::Visible && open.as_deref() != Some(s.lesson.id.as_str())
                })
                .map(|s| s.lesson.clone())
                .collect()
        })
    }

    /// The lesson to open without being asked, if the host allows it and now is a good time:
    /// nothing is open and the learner is not typing.
    pub fn auto_open(&self) -> Option<String> {
        if self.attention.auto_opens == 0 || self.surface.get() != Surface::Closed {
            return None;
        }
        let moment = Moment {
            typing: typing(),
            auto_opened: self.auto_opened.get(),
        };
        // A beacon on this page is not an earlier offer: the learner has not seen the card.
        let shown_here = self.shown_here.get();
        self.with_ranked(|ranked, progress| {
            let earlier = |id: &str| {
                progress
                    .shows(id)
                    .saturating_sub(u32::from(shown_here.iter().any(|s| s == id)))
            };
            self.attention
                .plan(ranked, earlier, moment)
                .auto_open
                .map(|l| l.id.clone())
        })
    }

    /// Opens a lesson by itself, counting it against the session's budget.
    pub fn open_by_itself(&self, id: &str) {
        self.auto_opened.update(|n| *n += 1);
        self.open_lesson(id);
        self.opened_by_itself.set(true);
    }

    pub fn anchor_element(&self, anchor: &Anchor) -> Option<web_sys::Element> {
        self.anchors
            .with_value(|w| w.as_ref().and_then(|w| w.element(&anchor.css())))
    }

    /// Whether some lesson waits for time on the page, which no DOM event reports.
    pub fn needs_clock(&self) -> bool {
        self.pack.with_value(|p| {
            p.lessons
                .iter()
                .any(|l| l.when.as_ref().is_some_and(|t| t.rule.uses_time_on_page()))
        })
    }

    /// Tracks anchor changes, for effects that follow anchor elements.
    pub fn track_anchors(&self) {
        self.anchors_changed.track();
    }

    /// The lesson on the card, if a card is open.
    pub fn open_lesson_data(&self) -> Option<Lesson> {
        match self.surface.get() {
            Surface::Lesson { id, .. } => self.pack().lesson(&id).cloned(),
            _ => None,
        }
    }

    /// The learner's role, as the host's `traits.role` gives it.
    pub fn role(&self) -> Option<String> {
        self.traits
            .with_untracked(|t| t.get("role").and_then(Json::as_str).map(str::to_owned))
    }

    pub fn toggle_panel(&self) {
        if self.surface.get_untracked() == Surface::Closed {
            Focus::remember();
            // The goal picker is offered until the learner answers it once, even with "skip".
            let asked = self.progress.with_untracked(|p| p.goals_chosen());
            let has_goals = self.pack.with_value(|p| !p.goals.is_empty());
            self.picking_goals.set(has_goals && !asked);
            // The panel takes the toast's place.
            self.just_completed.set(None);
            self.location_changed();
            self.surface.set(Surface::Panel);
        } else {
            self.close();
        }
    }

    pub fn open_lesson(&self, id: &str) {
        if self.pack.with_value(|p| p.lesson(id).is_none()) {
            warn(&format!(
                "there is no lesson `{id}` in the pack; check the id given to open."
            ));
            return;
        }
        let from_panel = match self.surface.get_untracked() {
            Surface::Closed => {
                Focus::remember();
                false
            }
            Surface::Panel => true,
            Surface::Lesson { from_panel, .. } => from_panel,
        };
        self.just_completed.set(None);
        self.step.set(None);
        self.opened_by_itself.set(false);
        self.surface.set(Surface::Lesson {
            id: id.to_string(),
            from_panel,
        });
        events::emit(EventKind::Opened, &[("lesson", id.into())]);
        let layer = self
            .progress
            .with_untracked(|p| p.preferred_layer())
            .unwrap_or_default();
        self.show_layer(layer);
    }

    /// The learner picked a layer: show it, and open their next lessons on it too.
    pub fn view_layer(&self, layer: Layer) {
        self.progress
            .update(|p| p.set_preferred_layer(layer, now()));
        self.show_layer(layer);
    }

    fn show_layer(&self, layer: Layer) {
        self.layer.set(layer);
        if let Surface::Lesson { id, .. } = self.surface.get_untracked() {
            self.progress.update(|p| p.record_layer(&id, layer, now()));
            events::emit(
                EventKind::LayerViewed,
                &[("lesson", id.into()), ("layer", layer.key().into())],
            );
        }
    }

    /// "Show me": highlights How step `index` of the open lesson, or stops with `None`.
    pub fn show_step(&self, index: Option<usize>) {
        self.step.set(index);
        if let (Some(index), Surface::Lesson { id, .. }) = (index, self.surface.get_untracked()) {
            events::emit(
                EventKind::StepShown,
                &[("lesson", id.into()), ("step", (index as u32 + 1).into())],
            );
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

    /// A beacon appeared for this lesson.
    pub fn shown(&self, id: &str) {
        if self
            .shown_here
            .with_untracked(|s| s.iter().any(|s| s == id))
        {
            return;
        }
        self.shown_here.update(|s| s.push(id.to_owned()));
        self.progress.update(|p| p.record_show(id, now()));
        events::emit(EventKind::Shown, &[("lesson", id.into())]);
    }

    /// "Not now": closes the lesson and sets it aside for its snooze, or for good.
    pub fn dismiss(&self, id: &str) {
        let now = now();
        let until = self.pack.with_value(|p| {
            p.lesson(id)
                .and_then(|l| l.when.as_ref())
                .map(|t| t.frequency)
                .unwrap_or_default()
                .snooze_until(now)
        });
        self.progress.update(|p| p.dismiss(id, now, until));
        self.close();
        events::emit(EventKind::Dismissed, &[("lesson", id.into())]);
    }

    /// "I know this": done, but not earned by doing; kept apart from completed.
    pub fn mark_known(&self, id: &str) {
        self.progress.update(|p| p.mark_known(id, now()));
        self.close();
        events::emit(EventKind::Known, &[("lesson", id.into())]);
    }

    /// The host reported something the learner did.
    pub fn track(&self, name: String) {
        self.progress
            .update(|p| p.record_event(&name, now()));
        self.complete_where(
            |rule| matches!(rule, Completion::Event(e) if *e == name),
            Via::Event,
        );
    }

    /// The host told us who the learner is: switch to their progress, keeping what they did.
    pub fn identify(&self, user: &str, traits: Traits) {
        let anonymous = self.progress.get_untracked();
        if let Some(merged) = self
            .book
            .try_update_value(|b| b.as_mut().map(|b| b.identify(user, &anonymous)))
            .flatten()
        {
            self.progress.set(merged);
        }
        self.user.set(Some(user.to_owned()));
        self.load_remote();
        self.traits.update(|t| t.extend(traits));
    }

    pub fn set_goals(&self, goals: Vec<String>) {
        let (known, unknown): (Vec<String>, Vec<String>) = self.pack.with_value(|p| {
            goals
                .into_iter()
                .partition(|g| p.goals.iter().any(|x| &x.id == g))
        });
        if !unknown.is_empty() {
            warn(&format!(
                "setGoals: the pack has no goal {}; they were left out.",
                unknown.join(", ")
            ));
        }
        self.progress
            .update(|p| p.set_goals(known.clone(), now()));
        let list = js_sys::Array::new();
        for goal in &known {
            list.push(&goal.into());
        }
        events::emit(EventKind::GoalChanged, &[("goals", list.into())]);
    }

    /// The learner is done with the goal picker, choosing nothing counts as an answer.
    pub fn close_goals(&self) {
        if !self.progress.with_untracked(Progress::goals_chosen) {
            self.progress
                .update(|p| p.set_goals(Vec::new(), now()));
        }
        self.picking_goals.set(false);
    }

    /// Forgets this learner's progress.
    pub fn reset(&self) {
        self.book
            .with_value(|b| b.as_ref().map(ProgressBook::reset));
        self.progress.set(Progress::default());
    }

    /// Completes every lesson not done yet whose completion rule `matches`.
    fn complete_where(&self, matches: impl Fn(&Completion) -> bool, via: Via) {
        let pack = self.pack();
        let done: Vec<&Lesson> = self.progress.with_untracked(|p| {
            pack.lessons
                .iter()
                .filter(|l| l.complete.as_ref().is_some_and(&matches) && !p.state(&l.id).is_done())
                .collect()
        });
        for lesson in done {
            self.progress
                .update(|p| p.complete(&lesson.id, via, now()));
            self.just_completed.set(Some(lesson.id.clone()));
            // The learner did it: the card has done its job.
            if matches!(self.surface.get_untracked(), Surface::Lesson { ref id, .. } if *id == lesson.id)
            {
                self.surface.set(Surface::Closed);
            }
            events::emit(
                EventKind::Completed,
                &[
                    ("lesson", lesson.id.as_str().into()),
                    ("how", via_name(via).into()),
                ],
            );
        }
    }

    /// "Back" from a card to the lesson list.
    pub fn back(&self) {
        self.location_changed();
        self.surface.set(Surface::Panel);
    }

    pub fn close(&self) {
        self.step.set(None);
        if self.surface.get_untracked() != Surface::Closed {
            self.surface.set(Surface::Closed);
            Focus::restore();
        }
    }
}

fn via_name(via: Via) -> &'static str {
    match via {
        Via::Click => "click",
        Via::Event => "event",
        Via::Url => "url",
        Via::Appears => "appears",
        Via::Unrecorded => "unrecorded",
    }
}

/// Whether the learner is typing in a field of the host's.
fn typing() -> bool {
    let Some(active) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    matches!(active.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || active
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

fn current_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| "/".into())
}
