import { fileURLToPath } from "node:url";

// Nothing about Pathlight here: Turbopack follows the package's `new URL(..., import.meta.url)`
// by itself. The root only says that this app, not the repository around it (which has a
// lockfile of its own), is the project.
export default {
  turbopack: { root: fileURLToPath(new URL(".", import.meta.url)) },
};
