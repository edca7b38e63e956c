/**
 * Pathlight for React: `import { usePathlight, usePathlightEvent } from "pathlight/react"`.
 *
 * Every call is made from an effect, so nothing runs during server rendering, and the
 * module is marked `"use client"`: a Next.js Server Component may render
 * `<PathlightProvider>` (with options it can serialize: no progress adapter).
 */
import type { ReactNode } from "react";
import type { EventDetailMap, EventName, InitOptions } from "./index.js";

export { pathlight } from "./index.js";
export type * from "./index.js";

/** `init`'s options, with the pack's URL required: no script tag gives one here. */
export type PathlightOptions = InitOptions & { lessons: string };

/**
 * Starts the widget while the calling component is mounted: `init` with `options` on mount,
 * `destroy` on unmount.
 *
 * - `options.user` is followed by value: when its id or traits change, `identify` (a user
 *   object made anew on each render is not a change). A user without an id (signed out)
 *   starts the widget again, anonymous.
 * - Any other option that changes, by value, starts the widget again with the new options
 *   (`destroy`, then `init`, which fetches the pack again).
 * - React's Strict Mode (mount, unmount, mount) leaves one widget and one download of the
 *   pack: the unmount's `destroy` waits for the browser's next task, and a mount before it
 *   takes the widget over.
 * - `destroy` removes every `pathlight('on', …)` callback: subscribe with
 *   {@link usePathlightEvent}, which is not affected.
 *
 * Call it once, in a component near the root (a second one with other options is ignored,
 * with one console warning).
 */
export declare function usePathlight(options: PathlightOptions): void;

export interface PathlightProviderProps {
  options: PathlightOptions;
  children?: ReactNode;
}

/** {@link usePathlight} as a component: renders its children. */
export declare function PathlightProvider(props: PathlightProviderProps): ReactNode;

/**
 * Calls `callback` with each `name` event's detail while the calling component is mounted,
 * the callback of its latest render (no need to memoize it). Listens to the
 * `pathlight:<name>` CustomEvent on `window`, so it keeps working across `destroy` and `init`.
 */
export declare function usePathlightEvent<E extends EventName>(name: E, callback: (detail: EventDetailMap[E]) => void): void;
