/*! Pathlight loader. Wraps the wasm-bindgen glue so that nothing but `window.pathlight`
 * reaches the host's globals, and so that no failure ever throws into the host page. */
(function () {
  "use strict";
  var w = window;
  var LOADED = typeof Symbol === "function" ? Symbol.for("pathlight.loader") : "__pathlightLoader";
  // A second copy of the script tag is harmless: the first one owns the page.
  if (w[LOADED]) return;
  w[LOADED] = true;

  function warn(message) {
    try { console.warn("Pathlight: " + message); } catch (_) { /* no console */ }
  }

  var script = document.currentScript;
  var src = script && script.src ? script.src : "";
  var dataset = (script && script.dataset) || {};
  var wasmUrl = src ? src.replace(/\.js(\?.*)?$/, "_bg.wasm$1") : "pathlight_bg.wasm";

  // Calls made before the wasm is ready wait in the queue the host's snippet created.
  var stub = w.pathlight;
  if (typeof stub !== "function") {
    stub = function () { (stub.q = stub.q || []).push(arguments); };
    w.pathlight = stub;
  }

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
    var api = function () {
      try {
        return wasm_bindgen.command(Array.prototype.slice.call(arguments));
      } catch (e) {
        warn("the call pathlight('" + arguments[0] + "') failed (" + e + ").");
      }
    };
    api.version = "0.1.0";
    w.pathlight = api;
    queued.forEach(function (args) { api.apply(null, args); });
  }

  var fetched = fetch(wasmUrl, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) {
      throw new Error("could not load " + wasmUrl + " (HTTP " + response.status + "). Deploy pathlight_bg.wasm next to pathlight.js.");
    }
    return response;
  }, function (e) {
    throw new Error("could not load " + wasmUrl + " (" + e.message + "). Check the network and that pathlight_bg.wasm is deployed next to pathlight.js.");
  });

  wasm_bindgen({ module_or_path: fetched }).then(replay).catch(function (e) {
    var text = String((e && e.message) || e);
    if (e instanceof WebAssembly.CompileError && /Content Security Policy|wasm-eval|unsafe-eval/i.test(text)) {
      warn("this page's Content-Security-Policy blocks WebAssembly, so the widget is off. Add 'wasm-unsafe-eval' to script-src.");
    } else {
      warn(/^could not load/.test(text) ? text : "the widget could not start (" + text + ").");
    }
  });
})();
