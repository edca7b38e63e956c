/// <reference path="./pathlight.d.ts" />
// Uses every call of `window.pathlight` as a host would, and pins the types down exactly.
// Checked by `node types/check.mjs` with `tsc --noEmit --strict`; it is never run.

/** Compiles only when A and B are the same type. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<_T extends true>(): void {}

// The embed snippet, as docs/api.md gives it.
window.pathlight =
  window.pathlight ||
  function () {
    (window.pathlight.q = window.pathlight.q || []).push(arguments);
  };

// init, with every option. (The host's own functions, declared only: tsc's default
// target, ES5, has no Promise constructor, and this file must check with the defaults.)
declare function loadFromServer(userId: string): Promise<unknown>;
declare function saveToServer(userId: string, state: unknown): Promise<void>;
pathlight("init", {
  lessons: "/lessons.json",
  user: { id: "u1", traits: { role: "admin", seats: 3, signed_up_at: "2026-01-05", beta: true } },
  locale: "de-CH",
  theme: "auto",
  progress: {
    // Reserved: accepted and ignored by this build.
    load: (userId) => loadFromServer(userId),
    save: (userId, state) => saveToServer(userId, state),
  },
});
pathlight("init", { lessons: "/lessons.json", theme: "light" });
pathlight("init", { theme: "dark" }); // lessons from data-lessons
pathlight("init", {});
pathlight("init", { user: { id: null } });
pathlight("init", { user: {} });
pathlight("init", { lessons: "/lessons.json", collect: { url: "https://example.com/events" } });

// identify, with and without traits.
pathlight("identify", "u2");
pathlight("identify", "u2", { plan: "trial", role: "viewer" });
pathlight("identify", "u2", null);
const myTraits: Pathlight.Traits = { role: "admin" };
pathlight("identify", "u2", myTraits);

// The rest of the commands.
pathlight("track", "invoice_sent");
pathlight("open", "send-invoice");
pathlight("close");
pathlight("setGoals", ["get-paid-faster"]);
pathlight("setGoals", []);
const readonlyGoals: readonly string[] = ["get-paid-faster"];
pathlight("setGoals", readonlyGoals);
pathlight("reset");
pathlight("destroy");
pathlight("author", true);
pathlight("author", false);
pathlight("author", { lessons: "http://127.0.0.1:7878/lessons.json" });
pathlight("init", { lessons: "/lessons.json", author: { lessons: "http://127.0.0.1:7878/lessons.json" } });

// on: the callback's detail follows the event name, with or without the prefix.
pathlight("on", "shown", (d) => {
  assertType<Equals<typeof d, Pathlight.ShownDetail>>();
  assertType<Equals<typeof d.type, "shown">>();
  assertType<Equals<typeof d.lesson, string>>();
});
pathlight("on", "opened", (d) => {
  assertType<Equals<typeof d, Pathlight.OpenedDetail>>();
});
pathlight("on", "layer_viewed", (d) => {
  assertType<Equals<typeof d.layer, "why" | "what" | "how">>();
});
pathlight("on", "step_shown", (d) => {
  assertType<Equals<typeof d.step, number>>();
});
pathlight("on", "completed", (d) => {
  assertType<Equals<typeof d.how, "click" | "event" | "url" | "appears">>();
});
pathlight("on", "known", (d) => {
  assertType<Equals<typeof d, Pathlight.KnownDetail>>();
});
pathlight("on", "dismissed", (d) => {
  assertType<Equals<typeof d, Pathlight.DismissedDetail>>();
});
pathlight("on", "goal_changed", (d) => {
  assertType<Equals<typeof d.goals, string[]>>();
});
pathlight("on", "closed", (d) => {
  assertType<Equals<typeof d.how, "button" | "escape" | "command" | "completed">>();
});
pathlight("on", "panel_opened", (d) => {
  assertType<Equals<typeof d, Pathlight.PanelOpenedDetail>>();
});
pathlight("on", "pathlight:completed", (d) => {
  assertType<Equals<typeof d, Pathlight.CompletedDetail>>();
});

// off: one callback, or all of an event's.
const onCompleted = (d: Pathlight.CompletedDetail) => console.log(d.lesson, d.how);
pathlight("on", "completed", onCompleted);
pathlight("off", "completed", onCompleted);
pathlight("off", "pathlight:completed", onCompleted);
pathlight("off", "completed");
pathlight("off", "pathlight:goal_changed");

// One handler for every event: the detail is the union, told apart by `type`.
const ALL_EVENTS: Pathlight.EventName[] = [
  "shown",
  "opened",
  "layer_viewed",
  "step_shown",
  "completed",
  "known",
  "dismissed",
  "goal_changed",
];
const everyEvent: Pathlight.Listener = (detail) => {
  assertType<Equals<typeof detail, Pathlight.EventDetail>>();
  switch (detail.type) {
    case "layer_viewed":
      assertType<Equals<typeof detail.layer, Pathlight.Layer>>();
      break;
    case "goal_changed":
      assertType<Equals<typeof detail.goals, string[]>>();
      break;
    case "completed":
      assertType<Equals<typeof detail.how, Pathlight.CompletedHow>>();
      break;
  }
};
for (const name of ALL_EVENTS) {
  pathlight("on", name, everyEvent);
  pathlight("off", name, everyEvent);
}

// The list above is every event name, and the prefixed names are the CustomEvents'.
type ListedEvents = (typeof ALL_EVENTS)[number];
assertType<Equals<ListedEvents, keyof Pathlight.EventDetailMap>>();
assertType<Equals<Pathlight.PrefixedEventName, Extract<keyof WindowEventMap, `pathlight:${string}`>>>();

// WindowEventMap: each pathlight:<name> CustomEvent carries that event's detail.
type PathlightWindowEvents = { [K in Pathlight.EventName as `pathlight:${K}`]: CustomEvent<Pathlight.EventDetailMap[K]> };
assertType<Equals<Pick<WindowEventMap, Pathlight.PrefixedEventName>, PathlightWindowEvents>>();
window.addEventListener("pathlight:completed", (e) => {
  assertType<Equals<typeof e, CustomEvent<Pathlight.CompletedDetail>>>();
  console.log(e.detail.lesson, e.detail.how);
});
addEventListener("pathlight:goal_changed", (e) => console.log(e.detail.goals.join(",")));
const onShown = (e: WindowEventMap["pathlight:shown"]) => console.log(e.detail.lesson);
window.addEventListener("pathlight:shown", onShown);
window.removeEventListener("pathlight:shown", onShown);

// The queue and the version.
const queued: IArguments[] | undefined = window.pathlight.q;
const version: string | undefined = pathlight.version;
console.log(queued?.length, version);

// Every call returns undefined.
const result = pathlight("close");
assertType<Equals<typeof result, void>>();

// Details pass as the loosely typed property bags analytics libraries take.
declare function trackLike(event: string, properties?: Record<string, unknown>): void;
pathlight("on", "completed", (d) => trackLike("Pathlight " + d.type, d));
const anyDetail = (d: Pathlight.EventDetail) => trackLike("Pathlight " + d.type, { ...d });
console.log(anyDetail);
