import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";

// Strict Mode, as `npm create vite` sets it up: in a development build React mounts, unmounts
// and mounts every component again, and the widget must come out of that once, quietly
// (tests/e2e/react-app.test.mjs drives the development build too).
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
