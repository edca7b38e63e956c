//! Author mode switched in place: `pathlight('author', …)` in the author build shows or
//! hides the panel and puts the pack it asks for in place, with no reload.

use super::AuthorPanel;
use crate::api::command::AuthorMode;
use crate::ui::WidgetState;
use crate::web::{pack_loader, warn};
use leptos::prelude::*;
use std::cell::Cell;

/// The author build's switch: the page's own pack, and the pack the panel follows (none
/// when author mode is off).
#[derive(Clone, Copy)]
pub struct AuthorSwitch {
    state: WidgetState,
    /// The page's own pack, from `init`'s `lessons`.
    home: StoredValue<Option<String>>,
    /// The pack on the page now.
    shown: StoredValue<String>,
    /// The pack the panel follows, and whether the author named it; `None` hides the panel.
    panel: RwSignal<Option<(String, bool)>>,
    locale: StoredValue<String>,
}

thread_local! {
    /// The mounted widget's switch, for the calls that come after it.
    static SWITCH: Cell<Option<AuthorSwitch>> = const { Cell::new(None) };
}

impl AuthorSwitch {
    /// The switch of a widget that started in `mode` (author mode on, when the host said
    /// nothing: the author build was asked for) with the page's pack `home` and `shown` on
    /// the page. It answers the `author` calls from now on.
    pub fn new(
        state: WidgetState,
        mode: Option<AuthorMode>,
        home: Option<String>,
        shown: String,
        locale: String,
    ) -> AuthorSwitch {
        let panel = match mode.unwrap_or(AuthorMode::On) {
            AuthorMode::Off => None,
            AuthorMode::On => Some((shown.clone(), false)),
            AuthorMode::Preview(url) => Some((url, true)),
        };
        let switch = AuthorSwitch {
            state,
            home: StoredValue::new(home),
            shown: StoredValue::new(shown),
            panel: RwSignal::new(panel),
            locale: StoredValue::new(locale),
        };
        SWITCH.set(Some(switch));
        switch
    }

    /// Answers `pathlight('author', mode)` on the mounted widget: `false` hides the panel
    /// and puts the page's own pack back; `true` shows it on the pack shown; `{ lessons }`
    /// shows it on that pack, loaded and followed live.
    pub fn switch(mode: AuthorMode) {
        let Some(switch) = SWITCH.get() else { return };
        let shown = switch.shown.try_get_value().unwrap_or_default();
        let (pack, panel) = match mode {
            AuthorMode::Off => (switch.home.try_get_value().flatten(), None),
            AuthorMode::On => {
                let named = switch
                    .panel
                    .try_get_untracked()
                    .flatten()
                    .is_some_and(|p| p.1);
                (None, Some((shown, named)))
            }
            AuthorMode::Preview(url) => (Some(url.clone()), Some((url, true))),
        };
        switch.panel.try_set(panel);
        let Some(url) = pack.filter(|url| *url != switch.shown.try_get_value().unwrap_or_default())
        else {
            return;
        };
        switch.shown.try_set_value(url.clone());
        leptos::task::spawn_local(async move {
            match pack_loader::load(&url).await {
                // A later switch, made meanwhile, puts its own pack in place.
                Ok(pack) if switch.shown.try_get_value().as_ref() == Some(&url) => {
                    let locale = switch.locale.try_get_value().unwrap_or_default();
                    switch.state.replace_pack(pack.localized(&locale));
                }
                Ok(_) => {}
                Err(message) => warn(&message),
            }
        });
    }

    /// Forgets the widget that was destroyed.
    pub fn forget() {
        SWITCH.set(None);
    }
}

/// The panel while author mode is on: a new panel for each pack it follows, so the link to
/// the previous `pathlight dev` closes.
#[component]
pub fn AuthorPanelSwitch(switch: AuthorSwitch) -> impl IntoView {
    let state = switch.state;
    // In an element of its own: at the top of the shadow root, a panel that went away
    // had nowhere to come back to.
    view! {
        <div class="pa-switch">
            {move || {
                switch.panel.get().map(|(lessons, named)| {
                    let locale = switch.locale.get_value();
                    view! { <AuthorPanel state lessons named locale/> }
                })
            }}
        </div>
    }
}
