/// <reference path="./pathlight.d.ts" />
// Mistakes a host could make. `node types/check.mjs` asserts that tsc reports an error on
// every line marked `// must fail`, and on no other line: a declaration that accepted one
// of these, or rejected something else in this file, fails the check.

// Lines that must compile, so the file is not failing for an unrelated reason.
pathlight("open", "send-invoice");
pathlight("on", "completed", (d) => console.log(d.how));

pathlight("opne", "send-invoice"); // must fail: unknown command
pathlight(); // must fail: no command
pathlight("init"); // must fail: init needs its options
pathlight("init", { lesons: "/lessons.json" }); // must fail: misspelt option
pathlight("init", { lessons: "/lessons.json", theme: "blue" }); // must fail: not a theme
pathlight("init", { lessons: 42 }); // must fail: lessons is a URL string
pathlight("init", { lessons: "/lessons.json", collect: "/events" }); // must fail: collect is { url }
pathlight("init", { lessons: "/lessons.json", collect: {} }); // must fail: collect needs its url
pathlight("init", { user: { id: "u1", role: "admin" } }); // must fail: role belongs in traits
pathlight("init", { progress: { load: (id: string) => id } }); // must fail: load returns a Promise, save missing
pathlight("identify"); // must fail: identify needs an id
pathlight("identify", 7); // must fail: the id is a string
pathlight("identify", "u1", "admin"); // must fail: traits are an object
pathlight("track"); // must fail: track needs an event name
pathlight("open"); // must fail: open needs a lesson id
pathlight("open", 12); // must fail: lesson ids are strings
pathlight("close", "now"); // must fail: close takes no argument
pathlight("setGoals", "get-paid-faster"); // must fail: setGoals takes an array
pathlight("setGoals", [1, 2]); // must fail: goal ids are strings
pathlight("on", "complete", () => {}); // must fail: misspelt event name
pathlight("on", "completed"); // must fail: on needs a callback
pathlight("on", "opened", "track"); // must fail: the callback is a function
pathlight("on", "completed", (d) => d.layer); // must fail: completed has no layer
pathlight("on", "pathlight:opened", (d) => d.goals); // must fail: opened has no goals
pathlight("on", "pathlight-opened", () => {}); // must fail: the prefix is pathlight:
pathlight("off", "complete"); // must fail: misspelt event name
pathlight("on", "layer_viewed", (d) => { const x: "where" = d.layer; }); // must fail: layers are why, what, how
pathlight("on", "completed", (d) => { const x: "unrecorded" = d.how; }); // must fail: not a way lessons complete
window.addEventListener("pathlight:completed", (e) => e.detail.goals); // must fail: completed has no goals
window.addEventListener("pathlight:goal_changed", (e) => e.detail.goals.toFixed()); // must fail: goals is an array
const v: number = pathlight.version; // must fail: version is a string, and absent before load
pathlight("author", { lesson: "http://127.0.0.1:7878/lessons.json" }); // must fail: the mode names lessons
pathlight("author", "yes"); // must fail: true, false or { lessons }
