/* Acme Ledger demo — the Pathlight wiring. The pages call track() when the user really
 * does something (sends an invoice, imports customers…), which lessons can wait for.
 * The widget itself is embedded by the snippet at the end of index.html; the features
 * lessons point at carry data-pathlight="<area>.<feature>" in each page's markup. */

/** Report a real user action to Pathlight. Never throws, never required. */
export function track(name) {
  try {
    if (typeof window.pathlight === 'function') window.pathlight('track', name);
  } catch (e) { /* the host app must not depend on the widget */ }
}
