// webpack's defaults (no webpack.config.js): src/index.js -> dist/main.js, and the files
// the package names with `new URL(..., import.meta.url)` emitted next to it.
import { pathlight } from "pathlight";

pathlight("init", { lessons: "/lessons.json" });
