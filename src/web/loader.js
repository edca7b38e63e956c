/*! Pathlight loader. Wraps the wasm-bindgen glue so that nothing but `window.pathlight`
 * reaches the host's globals, and so that no failure ever throws into the host page. */
(function () {
  "use strict";
  var w = window;
  // The author build's loader says true here (scripts/build-widget.mjs).
  var AUTHOR_BUILD = /*@@AUTHOR_BUILD@@*/false;
  // The SHA-384 of every file this script fetches, by what it is (`wasm`, the `surfaces`
  // chunk, the `author` script), built in at release (scripts/build-widget.mjs): the script
  // tag's integrity hash then covers the whole widget. Empty in a debug build.
  var FILES = /*@@FILES@@*/{};
  var LOADED = typeof Symbol === "function" ? Symbol.for("pathlight.loader") : "__pathlightLoader";
  // A second copy of the script tag is harmless: the first one owns the page. The one
  // exception is the author build, which the learner's loader hands the page to.
  if (w[LOADED] && !(AUTHOR_BUILD && w[LOADED] === "author")) return;
  w[LOADED] = true;

  function warn(message) {
    try { console.warn("Pathlight: " + message); } catch (_) { /* no console */ }
  }

  var stub;
  // The widget cannot start: say why once, and from now on accept calls and ignore them
  // (the queue would only grow). A working widget's function is never replaced.
  function off(message) {
    warn(message);
    try { if (w.pathlight === stub) w.pathlight = function () {}; } catch (_) { /* read-only */ }
  }

  // The script's own tag, for the wasm's URL and `data-*`. A classic script is
  // `document.currentScript`. A module script (type="module") has none: there it is the tag
  // whose URL this code runs from, which an Error's stack names (Chrome, Firefox and Safari
  // alike), or else (no stack, or a redirect changed the URL) the last one whose URL says
  // pathlight, or else just that URL.
  function ownScript() {
    var current = document.currentScript;
    if (current) return current;
    var url = "";
    try { url = (/(?:https?|file):\/\/[^\s()]+(?=:\d+:\d+)/.exec(new Error().stack) || [""])[0].split("#")[0]; } catch (_) { /* no stack */ }
    var tags = document.querySelectorAll("script[src]"), i;
    for (i = tags.length; i--; ) if (tags[i].src.split("#")[0] === url) return tags[i];
    for (i = tags.length; i--; ) if (/pathlight/i.test(tags[i].src)) return tags[i];
    return { src: url };
  }

  // `data-wasm` wins. Else the wasm sits next to the script: `NAME.js?QUERY#HASH` loads
  // `NAME_bg.wasm?QUERY` (the query keeps the vendor's cache busting; the hash is never
  // sent), and a URL whose name does not end in `.js` loads `pathlight_bg.wasm?QUERY` from
  // the same directory.
  function wasmUrlFor(src) {
    return siblingUrl(src, "_bg.wasm");
  }

  function siblingUrl(src, suffix) {
    var m = /^([^?#]*\/)?([^\/?#]*)([^#]*)/.exec(src);
    return (m[1] || "") + (/\.js$/i.test(m[2]) ? m[2].slice(0, -3) : "pathlight") + suffix + m[3];
  }

  // Author mode is the host's choice alone (`init({ author: true })`,
  // `pathlight('author', true)`, or `{ lessons }` for either, to preview another pack),
  // never a URL's: its code is in a second build, loaded from beside this script only
  // then, so learners never download it. The author build reads the mode, and refuses a
  // wrong one by name.
  function wantsAuthor(calls) {
    var on = false;
    Array.prototype.forEach.call(calls || [], function (a) {
      if (a[0] === "init" && a[1] && a[1].author) on = true;
      if (a[0] === "author") on = !!a[1];
    });
    return on;
  }

  function toAuthor(script, dataset) {
    w[LOADED] = "author";
    var tag = document.createElement("script");
    tag.src = dataset.author || siblingUrl(script.src || "", "_author.js");
    // Checked when it is the release's file beside this one. A `data-author` URL names a file
    // of the host's own build, which a bundler may have rewritten (webpack minifies it); the
    // wasm files it then fetches are checked all the same, since bundlers copy them as they are.
    if (FILES.author && !dataset.author) {
      tag.integrity = FILES.author;
      tag.crossOrigin = "anonymous";
    }
    if (dataset.lessons) tag.setAttribute("data-lessons", dataset.lessons);
    // A bundler renames the author wasm too (npm/index.js names it here).
    if (dataset.authorWasm) tag.setAttribute("data-wasm", dataset.authorWasm);
    tag.onerror = function () {
      off("author mode could not load " + tag.src + ". Deploy pathlight_author.js and pathlight_author_bg.wasm of this release next to pathlight.js (a file that does not match the hash built into pathlight.js is never run), or name the script's URL in data-author.");
    };
    tag.onload = function () { tag.remove(); };
    (document.body || document.documentElement).appendChild(tag);
  }

  try {
    // Calls made before the wasm is ready wait in the queue the host's snippet created.
    stub = w.pathlight;
    if (typeof stub !== "function") {
      stub = function () { (stub.q = stub.q || []).push(arguments); };
      w.pathlight = stub;
    }

    var script = ownScript();
    var dataset = script.dataset || {};
    var wasmUrl = dataset.wasm || wasmUrlFor(script.src || "");

    // Apple's Lockdown Mode, and some hardened browsers, remove WebAssembly altogether.
    if (typeof WebAssembly !== "object" || !WebAssembly) {
      off("this browser has WebAssembly turned off (as Apple's Lockdown Mode does), so the widget is off. To use it, allow WebAssembly for this site.");
    } else if (!AUTHOR_BUILD && wantsAuthor(stub.q)) {
      toAuthor(script, dataset);
    } else {
      start(dataset, wasmUrl, script);
    }
  } catch (e) {
    // Anything else that cannot run here (a page that removed fetch, a read-only
    // window.pathlight, a fetch wrapper that throws): one warning that names it.
    off("the widget could not start (" + String(e) + ").");
  }

  // Fetches one of the widget's wasm files, checked against its hash when the release built
  // one in. A fetch with `integrity` fails alike for a network error and for bytes that do not
  // match; only then is the file fetched again, never to run, to tell the two apart.
  function get(url, hash, name, attribute) {
    function failed(e) {
      return new Error("could not load " + url + " (" + ((e && e.message) || e) + "). Check the network and that " + name + " is deployed next to pathlight.js.");
    }
    function checked(response) {
      if (!response.ok) throw new Error("could not load " + url + " (HTTP " + response.status + "). Deploy " + name + " of this release next to pathlight.js, or name its URL in data-" + attribute + ".");
      return response;
    }
    var init = { credentials: "same-origin" };
    if (!hash) return fetch(url, init).then(checked, function (e) { throw failed(e); });
    init.integrity = hash;
    return fetch(url, init).then(checked, function (e) {
      return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
        checked(response);
        var subtle = w.crypto && w.crypto.subtle;
        if (!subtle) throw mismatch();
        return response.arrayBuffer().then(function (bytes) { return subtle.digest("SHA-384", bytes); }).then(function (digest) {
          var b = "", bytes = new Uint8Array(digest), i;
          for (i = 0; i < bytes.length; i++) b += String.fromCharCode(bytes[i]);
          // The same bytes as the release: the first fetch failed on its own.
          throw "sha384-" + btoa(b) === hash ? failed(e) : mismatch();
        });
      }, function () { throw failed(e); });
    });
    function mismatch() {
      return new Error(name + " at " + url + " does not match the hash built into pathlight.js, so it was never run. Deploy the files of one release together: one CDN folder, or the npm package as built.");
    }
  }

  function start(dataset, wasmUrl, script) {
    // A polite start: the download waits for the host's own `load` and then for an idle
    // moment, so the widget never competes with the page's first paint. A queued call that
    // needs a surface now (`open`, or an init that lets lessons open by themselves) starts
    // it at once, and so does such a call made while waiting; so does the author build,
    // which the host asked for.
    var started = false;
    function go() {
      if (started) return;
      started = true;
      // Now in a task of its own, out of reach of the try around `start`.
      try {
        download();
      } catch (e) {
        off("the widget could not start (" + String(e) + ").");
      }
    }
    function urgent(args) {
      return args[0] === "open" || (args[0] === "init" && !!args[1] && args[1].autoOpen > 0);
    }
    // Even then in a task of its own: parsing the glue after this script's own evaluation
    // in one task made a long task on slow machines.
    if (AUTHOR_BUILD || Array.prototype.some.call(stub.q || [], urgent)) return void setTimeout(go, 0);
    var host = stub;
    stub = function () {
      host.apply(null, arguments);
      if (!started && !AUTHOR_BUILD && wantsAuthor(stub.q)) {
        started = true;
        toAuthor(script, dataset);
      } else if (urgent(arguments)) {
        go();
      }
    };
    stub.q = host.q = host.q || [];
    if (w.pathlight === host) w.pathlight = stub;
    function idle() {
      if (w.requestIdleCallback) w.requestIdleCallback(go, { timeout: 2000 });
      else setTimeout(go, 0);
    }
    if (document.readyState === "complete") idle();
    else w.addEventListener("load", idle, { once: true });

    // The glue is parsed and run only here, when the widget starts, not while the host's
    // page is still loading.
    function download() {
      // What the glue's split-off chunks load through (scripts/build-widget.mjs points
      // wasm-split-cli's link code here): each chunk is fetched once, with its hash, from
      // beside this script (`data-surfaces` names another URL, as a bundler's).
      var chunks = {};
      var __pathlight = {
        chunk: function (what) {
          return chunks[what] || (chunks[what] = get(dataset[what] || siblingUrl(script.src || "", "_" + what + ".wasm"), FILES[what], "pathlight_" + what + ".wasm", what));
        },
        instantiate: function (fetched, imports) {
          return fetched.then(function (response) {
            if (typeof WebAssembly.instantiateStreaming === "function" && /^application\/wasm\b/i.test(response.headers.get("Content-Type") || "")) {
              return WebAssembly.instantiateStreaming(response, imports);
            }
            return response.arrayBuffer().then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
          });
        },
        // The widget closes what waited for the chunk; the next try fetches it again.
        failed: function (e) {
          chunks = {};
          var text = String((e && e.message) || e);
          warn(/^could not load|does not match the hash/.test(text) ? text : "the lesson card and panel could not start (" + text + ").");
        },
      };
      // A queued call opens a surface: its chunk comes along with the wasm, not after it.
      if (FILES.surfaces && Array.prototype.some.call(stub.q || [], urgent)) __pathlight.chunk("surfaces")["catch"](function () {});

/*@@GLUE@@*/

      function replay() {
        var queued = Array.prototype.slice.call(stub.q || []).map(function (a) {
          return Array.prototype.slice.call(a);
        });
        // `data-lessons` on the script tag is the one-line embed; a queued init may refine it.
        if (dataset.lessons) {
          var init = queued.filter(function (a) { return a[0] === "init"; })[0];
          if (!init) queued.unshift(["init", { lessons: dataset.lessons }]);
          else if (init[1] && typeof init[1] === "object" && !init[1].lessons) init[1].lessons = dataset.lessons;
          else if (!init[1]) init[1] = { lessons: dataset.lessons };
        }
        // What the author build needs to take the page over: the last init and the calls
        // made since (the last 100), which set the learner's state. `on` callbacks are not
        // kept (the docs say to register them again), nor open, close, destroy and author.
        var lastInit, since = [], rest = queued;
        var api = function () {
          try {
            var args = Array.prototype.slice.call(arguments), name = args[0];
            if (name === "init") {
              lastInit = args[1];
              since = [];
            } else if (/^(identify|setGoals|track|reset)$/.test(name) && since.push(args) > 100) {
              since.shift();
            }
            // Author mode switched on later, by this call or by an init that asks for it: this
            // build steps down, and the author build takes the page with the same init, the
            // calls since, and the rest of the queue. There, `author` calls switch in place.
            // Author mode never collects.
            if (!AUTHOR_BUILD) collecting(args);
            if (!AUTHOR_BUILD && (name === "author" ? args[1] : name === "init" && lastInit && lastInit.author)) {
              collecting(["destroy"]);
              wasm_bindgen.command(["destroy"]);
              var q = stub.q || (stub.q = []);
              q.length = 0;
              // The author build starts in the mode asked for: on, or previewing a pack.
              q.push(["init", Object.assign({}, lastInit, { author: name === "author" ? args[1] : lastInit.author })]);
              q.push.apply(q, since.concat(rest.splice(0)));
              w.pathlight = stub;
              return toAuthor(script, dataset);
            }
            return wasm_bindgen.command(args);
          } catch (e) {
            warn("the call pathlight('" + String(arguments[0]) + "') failed (" + String(e) + ").");
          }
        };
        api.version = "0.1.0";
        w.pathlight = api;
        // A call that hands the page over takes the rest of the queue with it.
        while (rest.length) api.apply(null, rest.shift());
      }

      // Collecting, `init({ collect: { url } })` (docs/api.md, "Collecting events"): the
      // lifecycle events as records of src/report/record.rs, sent to the vendor's endpoint
      // in NDJSON batches. Never without `collect`, and never in the author build, whose
      // learner is simulated. JavaScript here, not in the wasm: every learner has the
      // loader, and the same code in Rust costs them several times its size.
      var collector;
      function collecting(args) {
        var name = args[0], o = args[1];
        if (name === "init" && !collector && o && o.collect && typeof o.collect.url === "string" && o.collect.url) {
          collector = collect(o.collect.url, o.user && o.user.id);
        } else if (collector && name === "identify" && typeof o === "string" && o) {
          collector.user = o;
        } else if (collector && name === "destroy") {
          collector.stop();
          collector = null;
        }
      }

      function collect(url, user) {
        var EVENTS = "shown opened layer_viewed step_shown completed known dismissed goal_changed closed panel_opened clip_played clip_finished goal_guessed".split(" ");
        var queue = [], dropped = 0, timer = 0, sending = 0, warned = 0, keys = {}, crypto = w.crypto || {};
        var self = { user: typeof user === "string" ? user : "", stop: stop };
        function hex(bytes) {
          for (var s = "", i = 0; i < bytes.length; i++) s += (bytes[i] + 256).toString(16).slice(1);
          return s;
        }
        function random() {
          var b = new Uint8Array(16), i;
          try { crypto.getRandomValues(b); } catch (_) { for (i = 0; i < 16; i++) b[i] = Math.random() * 256; }
          return hex(b);
        }
        var visit = random();
        // The learner's key, per pack: for a user id, SHA-256 of the pack id and the id (its
        // first 16 bytes, in hex), which the vendor can compute and no one else reverses; for
        // an anonymous learner, a random key kept in this browser, so it lasts as their
        // progress does. A key still being hashed is "" meanwhile.
        function learner(pack) {
          var of = pack + "\n" + self.user, ref = keys[of], name = "pathlight-learner:" + pack, key;
          function anonymous() {
            try { key = w.localStorage.getItem(name); } catch (_) { /* no storage */ }
            if (!/^[0-9a-f]{32}$/.test(key)) {
              key = random();
              try { w.localStorage.setItem(name, key); } catch (_) { /* this visit only */ }
            }
            ref.key = key;
          }
          if (ref) return ref;
          ref = keys[of] = { key: "" };
          if (self.user && crypto.subtle) {
            crypto.subtle.digest("SHA-256", new TextEncoder().encode(of)).then(function (d) {
              ref.key = hex(new Uint8Array(d, 0, 16));
            }, anonymous);
          } else anonymous();
          return ref;
        }
        // Only the detail fields the widget sends, of the types it sends them: whatever a
        // host's `on` callback added to the detail stays out.
        function heard(e) {
          try {
            var d = e.detail, id = wasm_bindgen.pack_identity(), detail = {};
            if (!id || !d) return;
            ["lesson", "layer", "how", "goal"].forEach(function (k) { if (typeof d[k] === "string") detail[k] = d[k]; });
            ["step", "seconds"].forEach(function (k) { if (typeof d[k] === "number") detail[k] = d[k]; });
            ["ended", "guessed"].forEach(function (k) { if (typeof d[k] === "boolean") detail[k] = d[k]; });
            if (Array.isArray(d.goals)) detail.goals = d.goals.filter(function (g) { return typeof g === "string"; });
            if (queue.length >= 500) return void dropped++;
            queue.push([{ v: 1, t: Date.now(), type: e.type.slice(10), detail: detail, pack: id[0], pack_version: (id[1] + 4294967296).toString(16).slice(1), learner: "", visit: visit }, learner(id[0])]);
            if (queue.length >= 50) send();
            else timer = timer || setTimeout(send, 30000);
          } catch (_) { /* never into the host */ }
        }
        // A failed batch is dropped and counted; one warning for the whole visit.
        function post(body, n, done) {
          function failed(why) {
            dropped += n;
            if (!warned++) warn("could not send collected events to " + url + " (" + why + "). They are dropped; the widget goes on.");
          }
          var signal = AbortSignal.timeout ? AbortSignal.timeout(10000) : undefined;
          fetch(url, { method: "POST", body: body, keepalive: true, signal: signal }).then(function (r) {
            if (!r.ok) failed("HTTP " + r.status);
          }, function (e) {
            failed(e && e.name === "TimeoutError" ? "no answer in 10 s" : String(e));
          }).then(done);
        }
        // While visible, one request at a time, of up to 100 records; when the page hides,
        // everything, by sendBeacon in parts under its 64 KB, else by fetch.
        function send(hiding) {
          try {
            clearTimeout(timer);
            timer = 0;
            if (sending && !hiding) return;
            var lines = [], kept = [], first;
            queue.forEach(function (r) {
              if (!r[1].key || (!hiding && lines.length >= 100)) return void kept.push(r);
              first = first || r[0];
              r[0].learner = r[1].key;
              lines.push(JSON.stringify(r[0]));
            });
            queue = kept;
            if (!lines.length) return;
            if (dropped) lines.unshift(JSON.stringify({ v: 1, t: Date.now(), type: "dropped", detail: { count: dropped }, pack: first.pack, pack_version: first.pack_version, learner: first.learner, visit: visit }));
            dropped = 0;
            if (!hiding) {
              sending = 1;
              return post(lines.join("\n") + "\n", lines.length, function () {
                sending = 0;
                if (queue.length >= 50) send();
                else if (queue.length) timer = timer || setTimeout(send, 30000);
              });
            }
            while (lines.length) {
              var part = lines.splice(0, 50), body = part.join("\n") + "\n";
              if (!navigator.sendBeacon(url, body)) post(body, part.length);
            }
          } catch (_) { /* never into the host */ }
        }
        function hidden(e) {
          if (e.type === "pagehide" || document.visibilityState === "hidden") send(1);
        }
        function listen(on) {
          EVENTS.forEach(function (n) { w[on]("pathlight:" + n, heard); });
          document[on]("visibilitychange", hidden);
          w[on]("pagehide", hidden);
        }
        function stop() {
          send(1);
          clearTimeout(timer);
          listen("removeEventListener");
        }
        listen("addEventListener");
        return self;
      }

      var fetched = get(wasmUrl, FILES.wasm, AUTHOR_BUILD ? "pathlight_author_bg.wasm" : "pathlight_bg.wasm", "wasm");
      // Handled below through wasm_bindgen; this also covers the glue failing before it waits
      // for the download, which would leave this rejection unhandled in the host's console.
      fetched["catch"](function () {});

      wasm_bindgen["default"]({ module_or_path: fetched }).then(replay)["catch"](function (e) {
        var text = String((e && e.message) || e);
        if (e && e.name === "CompileError" && /Content Security Policy|wasm-eval|unsafe-eval/i.test(text)) {
          off("this page's Content-Security-Policy blocks WebAssembly, so the widget is off. Add 'wasm-unsafe-eval' to script-src.");
        } else {
          off(/^could not load|does not match the hash/.test(text) ? text : "the widget could not start (" + text + ").");
        }
      });
    }
  }
})();
