import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Nothing about Pathlight here: the package's files reach the build through
// `new URL(..., import.meta.url)`, which Vite follows by itself.
export default defineConfig({ plugins: [react()] });
