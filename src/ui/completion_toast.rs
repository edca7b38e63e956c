//! The acknowledgement of a completed lesson.

use super::WidgetState;
use crate::i18n::fill;
use leptos::prelude::*;

/// A light acknowledgement when the learner completes a lesson by doing it, announced to
/// screen readers, with the next best lesson one click away.
#[component]
pub fn CompletionToast(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let completed = move || {
        state
            .just_completed
            .get()
            .and_then(|id| state.pack().lesson(&id).cloned())
    };
    let next = move || state.suggestions().into_iter().next().map(|s| s.lesson);
    view! {
        // Always in the page, so assistive technology hears what is written into it.
        <div class="pl-sr-only" role="status" aria-live="polite">
            {move || completed().map(|l| fill(t.completed, &l.title))}
        </div>
        {move || completed().map(|lesson| view! {
            <aside class="pl-surface pl-toast" aria-label=fill(t.completed, &lesson.title)>
                <p class="pl-toast-title">
                    <span class="pl-check" aria-hidden="true">"✓"</span>
                    {fill(t.completed, &lesson.title)}
                </p>
                {next().map(|next| view! {
                    <p class="pl-toast-next">
                        <span class="pl-meta">{t.next_up}": "</span>
                        <button class="pl-link" type="button" on:click={
                            let id = next.id.clone();
                            move |_| state.open(&id)
                        }>{next.title.clone()}</button>
                    </p>
                })}
                <button class="pl-icon pl-toast-close" type="button" aria-label=t.close on:click=move |_| state.dismiss_toast()>"×"</button>
            </aside>
        })}
    }
}
