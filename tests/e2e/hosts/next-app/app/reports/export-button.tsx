"use client";

import { pathlight } from "pathlight";

/** Tracks the event that completes the export lesson, from the app's own code. */
export function ExportButton() {
  return (
    <button type="button" data-pathlight="reports.export" onClick={() => pathlight("track", "report_exported")}>
      Export
    </button>
  );
}
