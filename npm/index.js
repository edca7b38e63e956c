/*! Pathlight for bundlers: `import { pathlight } from "pathlight"`, the same calls as the
 * command queue of the script tag. Importing does nothing; the first call, in a browser,
 * sets up the queue (window.pathlight) and loads the widget. */

let loading = false;

// The widget's files, as URLs the bundler emits: Vite and webpack both copy a file
// named by `new URL("./file", import.meta.url)` into the build and rewrite the URL. They
// stay inside this function so that importing this module runs nothing.
function load() {
  const w = window;
  if (typeof w.pathlight !== "function") {
    const queue = function () {
      (queue.q = queue.q || []).push(arguments);
    };
    w.pathlight = queue;
  }
  const queue = w.pathlight;
  const script = document.createElement("script");
  script.async = true;
  script.src = new URL("./pathlight.js", import.meta.url).href;
  // The bundler renames the wasm and the surfaces' chunk, so the loader is told where they went.
  script.setAttribute("data-wasm", new URL("./pathlight_bg.wasm", import.meta.url).href);
  script.setAttribute("data-surfaces", new URL("./pathlight_surfaces.wasm", import.meta.url).href);
  // And the author build's two files, which the loader fetches only when the host switches
  // author mode on (learners never download them).
  script.setAttribute("data-author", new URL("./pathlight_author.js", import.meta.url).href);
  script.setAttribute("data-author-wasm", new URL("./pathlight_author_bg.wasm", import.meta.url).href);
  script.onload = () => script.remove();
  script.onerror = () => {
    script.remove();
    try {
      console.warn(`Pathlight: could not load ${script.src}. Check that your bundler copied it next to your app's other assets.`);
    } catch {}
    // As the loader does when it cannot start: calls are accepted and ignored from now on.
    if (w.pathlight === queue) w.pathlight = function () {};
  };
  // Never into <head>: the widget adds nothing there. The tag goes once loaded.
  (document.body || document.documentElement).appendChild(script);
}

/** `pathlight(command, ...args)`: see index.d.ts and the README. Never throws. */
export function pathlight(...args) {
  // Server-side rendering: no window, nothing to do.
  if (typeof window === "undefined" || typeof document === "undefined") return;
  try {
    if (!loading) {
      loading = true;
      load();
    }
    if (typeof window.pathlight === "function") window.pathlight(...args);
  } catch (e) {
    // A page that forbids what loading needs: one warning, and the host goes on.
    try {
      console.warn(`Pathlight: the call pathlight('${String(args[0])}') failed (${String(e)}).`);
    } catch {}
  }
}
