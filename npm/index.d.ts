/**
 * Pathlight for bundlers: `import { pathlight } from "pathlight"`.
 *
 * The same calls as `window.pathlight`, typed by pathlight.d.ts (which also types
 * `window.pathlight` and the `pathlight:*` events on `window`). Nothing runs on import: the first call, in a browser, loads the widget; on the server
 * every call does nothing.
 */
/// <reference path="./pathlight.d.ts" />

export declare const pathlight: Pathlight.Commands;

export type Theme = Pathlight.Theme;
export type Traits = Pathlight.Traits;
export type User = Pathlight.User;
export type ProgressAdapter = Pathlight.ProgressAdapter;
export type InitOptions = Pathlight.InitOptions;
export type Layer = Pathlight.Layer;
export type CompletedHow = Pathlight.CompletedHow;
export type ShownDetail = Pathlight.ShownDetail;
export type OpenedDetail = Pathlight.OpenedDetail;
export type LayerViewedDetail = Pathlight.LayerViewedDetail;
export type StepShownDetail = Pathlight.StepShownDetail;
export type CompletedDetail = Pathlight.CompletedDetail;
export type KnownDetail = Pathlight.KnownDetail;
export type DismissedDetail = Pathlight.DismissedDetail;
export type GoalChangedDetail = Pathlight.GoalChangedDetail;
export type EventDetailMap = Pathlight.EventDetailMap;
export type EventName = Pathlight.EventName;
export type PrefixedEventName = Pathlight.PrefixedEventName;
export type EventDetail = Pathlight.EventDetail;
export type Listener<E extends EventName = EventName> = Pathlight.Listener<E>;
export type Commands = Pathlight.Commands;
