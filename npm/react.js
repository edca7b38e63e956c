"use client";
/*! Pathlight for React: `import { usePathlight, usePathlightEvent } from "pathlight/react"`.
 * The widget follows the component that calls usePathlight: init when it mounts, identify
 * when its user changes, destroy when it unmounts. Nothing runs during server rendering:
 * every call is made from an effect. */

import { useEffect, useInsertionEffect, useRef } from "react";
import { pathlight } from "./index.js";

export { pathlight };

// A page has one widget, so the hooks share its state here.
/** usePathlight calls mounted now. */
let mounted = 0;
/** What the widget was started with, by value (see `keyOf`), or null when it is not. */
let started = null;
/** The timer of a destroy waiting to see whether a usePathlight mounts again at once. */
let teardown = null;
let warnedTwice = false;

/** A value's identity for "has it changed?": JSON with object keys sorted, so that a user
 * object re-created on every render, or with its traits in another order, is the same user.
 * Functions (a progress adapter's) are left out, as the widget's own reading of a call
 * leaves them out. */
function keyOf(value) {
  try {
    return JSON.stringify(value ?? null, (_, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
    );
  } catch {
    // A circular object: the widget refuses it anyway, with a warning of its own.
    return "unreadable";
  }
}

/** The options without the user, which is followed by identify rather than a new init. */
const settingsOf = (options) => keyOf({ ...options, user: undefined });

function start(options) {
  mounted++;
  // React runs a new mount's effects in the same task as the unmount's cleanups: Strict
  // Mode's mount, unmount and mount again, Fast Refresh, a parent given a new key. A destroy
  // then an init would download the pack again (the widget fetches it on every init) and
  // drop what the learner had open: the pending destroy is cancelled instead.
  if (teardown !== null) {
    clearTimeout(teardown);
    teardown = null;
  }
  const settings = settingsOf(options);
  if (started && started.settings === settings) return follow(options);
  if (started && mounted > 1) {
    if (!warnedTwice) {
      warnedTwice = true;
      console.warn("Pathlight: usePathlight is mounted twice with different options; the first one counts. Call it in one component, near the root.");
    }
    return;
  }
  if (started) pathlight("destroy");
  pathlight("init", options);
  started = { settings, user: keyOf(options.user) };
}

function stop() {
  mounted--;
  if (mounted > 0) return;
  // Not at once: a usePathlight that mounts before the browser's next task takes the
  // widget over as it is (see `start`).
  teardown = setTimeout(() => {
    teardown = null;
    if (mounted > 0 || !started) return;
    started = null;
    pathlight("destroy");
  }, 0);
}

/** The user changed: identify a signed-in one; one who signed out starts an anonymous
 * widget afresh, so that nothing of the last learner's stays on screen. */
function follow(options) {
  const { user } = options;
  const key = keyOf(user);
  if (!started || started.user === key) return;
  started.user = key;
  if (user?.id) {
    pathlight("identify", user.id, user.traits ?? {});
  } else {
    pathlight("destroy");
    pathlight("init", options);
  }
}

/** Starts the widget with `options` while the calling component is mounted: see react.d.ts. */
export function usePathlight(options) {
  const latest = useRef(options);
  useInsertionEffect(() => {
    latest.current = options;
  });
  const settings = settingsOf(options);
  const user = keyOf(options.user);
  useEffect(() => {
    start(latest.current);
    return stop;
  }, [settings]);
  useEffect(() => {
    follow(latest.current);
  }, [user]);
}

/** `usePathlight(options)`, as a component that renders its children. */
export function PathlightProvider({ options, children }) {
  usePathlight(options);
  return children ?? null;
}

/** Calls `callback(detail)` on each `name` event while the calling component is mounted. */
export function usePathlightEvent(name, callback) {
  const latest = useRef(callback);
  useInsertionEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    // The window's CustomEvent rather than pathlight('on'): it outlives a destroy (which
    // removes every `on` callback), so a component's subscription lasts as long as it does.
    const listener = (event) => latest.current(event.detail);
    window.addEventListener(`pathlight:${name}`, listener);
    return () => window.removeEventListener(`pathlight:${name}`, listener);
  }, [name]);
}
