/*!
 * Pathlight: TypeScript declarations for the host API, `window.pathlight`.
 *
 * This file describes what src/api/command.rs, src/app.rs, src/web/events.rs,
 * src/web/loader.js and src/ui/state.rs implement, and nothing more. It declares globals
 * (the page gets Pathlight from a script tag, not from an import), so include it in your
 * compilation: list it in tsconfig.json's "include" or "files", or put
 * `/// <reference path="./pathlight.d.ts" />` at the top of a file.
 *
 * Reference: docs/api.md. The check that keeps this file true: `node types/check.mjs`.
 */

declare namespace Pathlight {
  /** `auto` (the default) follows the learner's `prefers-color-scheme`. */
  type Theme = "auto" | "light" | "dark";

  /**
   * What the host knows about the learner, e.g. `{ role: 'admin', plan: 'trial' }`.
   * Values must survive `JSON.stringify`: Pathlight reads the arguments of every call through
   * it, so functions and `undefined` values are dropped, and a circular object or a BigInt makes
   * the whole call fail with one console warning. `role`, a string, orders suggestions and
   * goals; lesson triggers may test any trait.
   */
  type Traits = { [trait: string]: unknown };

  /** The learner, as the host knows them. */
  interface User {
    /**
     * The host's id for the learner. Progress is stored per user id and lesson pack; absent or
     * `null` means anonymous (what was done anonymously is folded in on `identify`).
     */
    id?: string | null;
    traits?: Traits;
  }

  /**
   * Keeps an identified learner's progress in the vendor's own backend as well. Local storage
   * stays the source of truth: what `load` returns is merged in (completions unioned,
   * counters at their maximum, preferences by latest change), and a `save` that rejects is
   * retried with a growing delay, and when the browser comes back online, always with the
   * newest state. Anonymous learners are not sent.
   */
  interface ProgressAdapter {
    /** The state `save` was last given for this user, or `null`/`undefined` for none. */
    load(userId: string): Promise<unknown>;
    /** `state` is a JSON-ready object (`{ v, data }`); store it as it is. */
    save(userId: string, state: unknown): Promise<void>;
  }

  /**
   * Options of `pathlight('init', options)`. An option not listed here is an error (one
   * console warning naming it), and nothing starts.
   */
  interface InitOptions {
    /**
     * URL of the lesson pack built by `pathlight build`, fetched with `fetch()` (relative to
     * the page). Needed, unless the script tag has `data-lessons`: then a queued `init` without
     * `lessons` gets that value.
     */
    lessons?: string;
    user?: User;
    /**
     * The language of Pathlight's own UI strings, a BCP 47 tag such as `de` or `de-CH`;
     * defaults to `navigator.language`. Built-in: en, de, fr, es, ja, ar, he (ar and he are
     * right to left); any other language falls back to English. Lesson text is as authored.
     */
    locale?: string;
    /** Defaults to `auto`. */
    theme?: Theme;
    /** Progress in the vendor's backend too; see {@link ProgressAdapter}. */
    progress?: ProgressAdapter;
    /** Beacons on the current screen, at most; defaults to 3. */
    suggestions?: number;
    /**
     * Lessons that may open by themselves in a session; defaults to 0 (beacons, not popups).
     * Never while the learner is typing in a field, and never taking focus.
     */
    autoOpen?: number;
    /**
     * Author mode, for your own staff or dev builds: loads the author build
     * (`pathlight_author.js` and `pathlight_author_bg.wasm`, deployed next to `pathlight.js`)
     * instead of the learner's, with a trigger debugger and an element picker. Learners never
     * download it; no URL switches it on. `{ lessons }` previews that pack instead of
     * `lessons` (a `pathlight dev`'s, followed live). Defaults to false.
     */
    author?: AuthorMode;
    /**
     * Sends the lifecycle events to your endpoint, as NDJSON batches of the records
     * docs/analytics.md describes (docs/api.md, "Collecting events", says exactly what is in
     * them). Off by default: without it nothing is sent anywhere.
     */
    collect?: CollectOptions;
  }

  /** Where `collect` sends the lifecycle events. */
  interface CollectOptions {
    /**
     * The endpoint, relative to the page: it gets `POST`s of `text/plain` bodies, one JSON
     * record a line. A cross-origin endpoint must answer with `Access-Control-Allow-Origin`,
     * or its answers count as failures (one console warning).
     */
    url: string;
  }

  /**
   * Author mode: `true` on the page's own pack, `false` off, or `{ lessons }` previewing the
   * pack at that URL, e.g. `pathlight dev`'s `http://127.0.0.1:7878/lessons.json`, whose
   * every build reaches the page live.
   */
  type AuthorMode = boolean | { lessons: string };

  /** A lesson's three layers, as the `layer` of a `layer_viewed` event. */
  type Layer = "why" | "what" | "how";

  /** How the learner completed a lesson: always by doing it in the host app. */
  type CompletedHow =
    /** They clicked the lesson's feature (`[complete] click`). */
    | "click"
    /** The host reported the lesson's event with `pathlight('track', name)`. */
    | "event"
    /** They reached the lesson's URL (`[complete] url`). */
    | "url"
    /** The lesson's element appeared on the page (`[complete] appears`). */
    | "appears";

  // Event details. They are type aliases, not interfaces, so that they are assignable to
  // `Record<string, unknown>`, the type analytics libraries often give event properties.

  /** A lesson was offered: its beacon appeared beside its feature (once per lesson per page). */
  type ShownDetail = {
    readonly type: "shown";
    /** The lesson's id. */
    readonly lesson: string;
  };

  /**
   * A lesson card opened: from a beacon, the panel's list or learning map, a related lesson on
   * a card, the "next up" link after a completion, or `pathlight('open')`.
   */
  type OpenedDetail = {
    readonly type: "opened";
    readonly lesson: string;
  };

  /**
   * The learner looked at a layer: right after `opened` (the layer the learner last chose,
   * `why` until they choose one), then each time they switch tabs.
   */
  type LayerViewedDetail = {
    readonly type: "layer_viewed";
    readonly lesson: string;
    readonly layer: Layer;
  };

  /** "Show me" highlighted a How step of the open lesson; again on each Next or Previous. */
  type StepShownDetail = {
    readonly type: "step_shown";
    readonly lesson: string;
    /** The step's number, counted from 1. */
    readonly step: number;
  };

  /**
   * The learner did the real thing the lesson teaches. Needs no `shown` or `opened` before it;
   * once per lesson, and never for a lesson marked "I know this" (until `reset`).
   */
  type CompletedDetail = {
    readonly type: "completed";
    readonly lesson: string;
    readonly how: CompletedHow;
  };

  /** "I know this": set aside as known, which is not the same as completed. */
  type KnownDetail = {
    readonly type: "known";
    readonly lesson: string;
  };

  /** "Not now": set aside for the lesson's snooze, or for good when it has none. */
  type DismissedDetail = {
    readonly type: "dismissed";
    readonly lesson: string;
  };

  /** The learner's goals were set, in the goal picker or by `pathlight('setGoals')`. */
  type GoalChangedDetail = {
    readonly type: "goal_changed";
    /** The goal ids now chosen, the whole list; ids not in the pack are left out. */
    readonly goals: string[];
    /** The learner said "Yes" to coaching's guess, rather than choosing in the picker or `setGoals`. */
    readonly guessed: boolean;
  };

  /** Coaching named a goal the learner seems to be working on ("Looks like you're working on …"). */
  type GoalGuessedDetail = {
    readonly type: "goal_guessed";
    /** The guessed goal's id. */
    readonly goal: string;
  };

  /** How a lesson card closed. */
  type ClosedHow =
    /** Its × button. */
    | "button"
    /** Escape, with focus in the card. */
    | "escape"
    /** `pathlight('close')`. */
    | "command"
    /** The learner did what it teaches (a `completed` event came just before). */
    | "completed";

  /** A lesson card closed (not by "I know this" or "Not now", which have their events). */
  type ClosedDetail = {
    readonly type: "closed";
    readonly lesson: string;
    readonly how: ClosedHow;
  };

  /** The learner opened the lesson panel with the launcher. */
  type PanelOpenedDetail = {
    readonly type: "panel_opened";
  };

  /** A clip in a lesson started playing. */
  type ClipPlayedDetail = {
    readonly type: "clip_played";
    readonly lesson: string;
    readonly layer: Layer;
    /** Where in the clip it started, in seconds (0 from the start). */
    readonly seconds: number;
  };

  /** A clip that played stopped: at its end, or because the learner left it (the card
   * closed, the layer changed). A page that hides pauses it without this event. */
  type ClipFinishedDetail = {
    readonly type: "clip_finished";
    readonly lesson: string;
    readonly layer: Layer;
    /** The seconds of it watched, to a tenth. */
    readonly seconds: number;
    /** Whether it reached its end. */
    readonly ended: boolean;
  };

  /** Each event's name and the `detail` its callbacks and its CustomEvent get. */
  interface EventDetailMap {
    shown: ShownDetail;
    opened: OpenedDetail;
    layer_viewed: LayerViewedDetail;
    step_shown: StepShownDetail;
    completed: CompletedDetail;
    known: KnownDetail;
    dismissed: DismissedDetail;
    goal_changed: GoalChangedDetail;
    closed: ClosedDetail;
    panel_opened: PanelOpenedDetail;
    clip_played: ClipPlayedDetail;
    clip_finished: ClipFinishedDetail;
    goal_guessed: GoalGuessedDetail;
  }

  /** The names `on` and `off` take. */
  type EventName = keyof EventDetailMap;

  /** `on` and `off` take the CustomEvent's name too: `'pathlight:completed'`. */
  type PrefixedEventName = `pathlight:${EventName}`;

  /** Any event's detail; `type` tells them apart. */
  type EventDetail = EventDetailMap[EventName];

  /**
   * An `on` callback. It is called with `this` undefined, before the CustomEvent is
   * dispatched; what it throws becomes one console warning and stops nothing. It gets the same
   * object as the CustomEvent's `detail`, so copy it rather than change it.
   */
  type Listener<E extends EventName = EventName> = (this: void, detail: EventDetailMap[E]) => void;

  /**
   * The host API's calls: `window.pathlight`, and `pathlight` imported from the npm package.
   * Every call returns `undefined` and never throws: a mistake (an unknown command, a missing
   * or wrong argument) becomes one console warning naming the fix.
   */
  interface Commands {
    /**
     * Loads the lesson pack and mounts the widget. Only the first `init` counts, until
     * `destroy`. `identify`, `track`, `open`, `close`, `setGoals` and `reset` calls made
     * while no widget is mounted (before the pack has loaded, or after `destroy`) wait, and
     * run in order once the next `init` has mounted it.
     */
    (command: "init", options: InitOptions): void;
    /**
     * Says who the learner is: switches to their stored progress, keeping what they did
     * anonymously, and adds `traits` to the known traits (a trait given again replaces the
     * old value). `id` must not be empty.
     */
    (command: "identify", id: string, traits?: Traits | null): void;
    /**
     * Reports something the learner did in the host app: completes every lesson not done yet
     * whose `[complete] event` is `eventName`, and counts for triggers that wait for that
     * event (counted in memory, for this page load only). Must not be empty.
     */
    (command: "track", eventName: string): void;
    /** Opens a lesson card; an id not in the pack is a console warning. */
    (command: "open", lessonId: string): void;
    /** Closes whatever Pathlight has open (panel or card). Emits `closed` for a card. */
    (command: "close"): void;
    /**
     * Sets the learner's goals, replacing the previous ones; ids not in the pack are dropped.
     * Emits `goal_changed`.
     */
    (command: "setGoals", goalIds: readonly string[]): void;
    /** Forgets this learner's stored progress (in this pack). Emits no event. */
    (command: "reset"): void;
    /**
     * Removes the widget, its element, listeners and observers, and every `on` callback.
     * Your own `pathlight:*` listeners on `window` stay. `init` works again afterwards.
     */
    (command: "destroy"): void;
    /** Calls `callback` with the detail of each `event` (with or without `pathlight:`). */
    <E extends EventName>(command: "on", event: E | `pathlight:${E}`, callback: Listener<E>): void;
    /**
     * Stops `callback` (every registration of that same function) for `event`; without a
     * function, stops every callback of `event`.
     */
    <E extends EventName>(command: "off", event: E | `pathlight:${E}`, callback?: Listener<E>): void;
    /**
     * `true` switches author mode on: the widget is destroyed and the author build takes the
     * page with the same `init` and the `identify`, `setGoals`, `track` and `reset` calls made
     * since. `{ lessons }` does the same and previews that pack, followed live when it is a
     * `pathlight dev`'s (`/status` and `/events` are asked there, never on the page's
     * origin). `false` leaves author mode without a reload: the page's own pack comes back
     * and the panel goes.
     */
    (command: "author", mode: AuthorMode): void;
  }

  /**
   * `window.pathlight`: the {@link Commands}. Before pathlight.js has loaded, this is the
   * queue function of the embed snippet (or the one the script defines): calls wait in
   * {@link Api.q}. Once the wasm is ready they run in order and `window.pathlight` is
   * replaced by the real function, which has a `version` and no `q`.
   */
  interface Api extends Commands {
    /** The calls made before pathlight.js was ready; present only until then. */
    q?: IArguments[];
    /** The loader's version, e.g. `"0.1.0"`; present once pathlight.js is ready. */
    version?: string;
  }
}

/**
 * The host API. Defined by the embed snippet or by pathlight.js, whichever runs first; on a
 * page with neither it does not exist.
 */
declare var pathlight: Pathlight.Api;

/** Pathlight's CustomEvents, dispatched on `window` after the `on` callbacks. */
interface WindowEventMap {
  "pathlight:shown": CustomEvent<Pathlight.ShownDetail>;
  "pathlight:opened": CustomEvent<Pathlight.OpenedDetail>;
  "pathlight:layer_viewed": CustomEvent<Pathlight.LayerViewedDetail>;
  "pathlight:step_shown": CustomEvent<Pathlight.StepShownDetail>;
  "pathlight:completed": CustomEvent<Pathlight.CompletedDetail>;
  "pathlight:known": CustomEvent<Pathlight.KnownDetail>;
  "pathlight:dismissed": CustomEvent<Pathlight.DismissedDetail>;
  "pathlight:goal_changed": CustomEvent<Pathlight.GoalChangedDetail>;
  "pathlight:closed": CustomEvent<Pathlight.ClosedDetail>;
  "pathlight:panel_opened": CustomEvent<Pathlight.PanelOpenedDetail>;
  "pathlight:clip_played": CustomEvent<Pathlight.ClipPlayedDetail>;
  "pathlight:clip_finished": CustomEvent<Pathlight.ClipFinishedDetail>;
  "pathlight:goal_guessed": CustomEvent<Pathlight.GoalGuessedDetail>;
}
