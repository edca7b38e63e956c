/* Acme Ledger demo — the client-side router: history.pushState/popstate, rendering the
 * screen that matches the URL into <main>, and in-app link clicks. The route table
 * itself is in main.js. */

import { $all, plural } from './util.js';
import { closeAllDialogs, closePopovers } from './ui.js';
import { INVOICES, invoiceStatus } from './data.js';

var ROUTES = [];            // the screens, from main.js: { re, nav, title, render }
var mainEl = null;
var renderedKey = null;     // pathname + search of the screen currently rendered
var screenTimers = [];      // timers owned by the current screen, cleared on navigation
var screenCleanups = [];

/** Start routing: screens render into `main`, chosen by `routes` (see main.js). */
export function startRouter(main, routes) {
  mainEl = main;
  ROUTES = routes;
}

function matchRoute(pathname) {
  for (var i = 0; i < ROUTES.length; i++) {
    var m = ROUTES[i].re.exec(pathname);
    if (m) return { route: ROUTES[i], params: m.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export function later(fn, ms) { screenTimers.push(setTimeout(fn, ms)); }
export function onLeave(fn) { screenCleanups.push(fn); }

/** Navigate inside the app. `url` may contain a query string and hash. */
export function navigate(url, opts) {
  opts = opts || {};
  var u = new URL(url, location.href);
  if (opts.replace) history.replaceState(null, '', u.pathname + u.search + u.hash);
  else history.pushState(null, '', u.pathname + u.search + u.hash);
  render({ focus: !opts.noFocus });
}
/** Update the query string of the current screen without re-rendering it. */
export function setQuery(params) {
  var sp = new URLSearchParams(location.search);
  Object.keys(params).forEach(function (k) {
    if (params[k] == null || params[k] === '') sp.delete(k); else sp.set(k, params[k]);
  });
  var qs = sp.toString();
  history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
  renderedKey = location.pathname + location.search;
}

export function render(opts) {
  opts = opts || {};
  screenTimers.forEach(clearTimeout); screenTimers = [];
  screenCleanups.forEach(function (fn) { try { fn(); } catch (e) { /* ignore */ } }); screenCleanups = [];
  closePopovers();
  closeAllDialogs();
  document.getElementById('app-shell').classList.remove('nav-open');

  var match = matchRoute(location.pathname);
  var query = new URLSearchParams(location.search);
  var title;
  if (match) {
    title = match.route.render(mainEl, match.params, query) || match.route.title;
  } else {
    title = renderNotFound(mainEl);
  }
  renderedKey = location.pathname + location.search;
  document.title = title + ' · Acme Ledger';

  var nav = match ? match.route.nav : null;
  $all('.side-nav a[data-nav]').forEach(function (a) {
    if (a.getAttribute('data-nav') === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  updateNavBadges();

  if (location.hash && location.hash.length > 1) {
    scrollToHash(location.hash);
  } else if (!opts.keepScroll) {
    window.scrollTo(0, 0);
  }
  if (opts.focus) {
    var h1 = mainEl.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: true }); }
  }
}

function scrollToHash(hash) {
  var id = decodeURIComponent(hash.slice(1));
  var el = document.getElementById(id);
  if (el) {
    el.scrollIntoView({ block: 'start' });
    if (typeof onHashScrolled === 'function') onHashScrolled(id);
  }
}
var onHashScrolled = null;

function updateNavBadges() {
  var n = INVOICES.filter(function (i) { return invoiceStatus(i) === 'overdue'; }).length;
  var el = document.getElementById('nav-overdue-count');
  if (el) {
    el.textContent = n ? String(n) : '';
    el.setAttribute('aria-label', n ? plural(n, 'overdue invoice') : '');
  }
}

/* Intercept clicks on same-origin links to app routes (also links inside open shadow roots). */
export function onDocumentClick(e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  var path = e.composedPath ? e.composedPath() : [e.target];
  var a = null;
  for (var i = 0; i < path.length; i++) {
    var n = path[i];
    if (n && n.nodeType === 1 && n.tagName === 'A' && n.hasAttribute('href')) { a = n; break; }
  }
  if (!a) return;
  var target = a.getAttribute('target');
  if ((target && target !== '_self') || a.hasAttribute('download')) return;
  var url;
  try { url = new URL(a.href, location.href); } catch (err) { return; }
  if (url.origin !== location.origin || !matchRoute(url.pathname)) return;
  e.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search) {
    if (url.hash && url.hash !== location.hash) history.pushState(null, '', url.hash);
    if (url.hash) scrollToHash(url.hash); else window.scrollTo({ top: 0, behavior: 'smooth' });
    closePopovers();
    return;
  }
  navigate(url.pathname + url.search + url.hash);
}

export function onPopState() {
  if (location.pathname + location.search === renderedKey) {
    // Only the fragment changed: keep the screen (and its state), just scroll.
    if (location.hash) scrollToHash(location.hash);
    return;
  }
  render({ keepScroll: false });
}

function renderNotFound(root) {
  root.innerHTML =
    '<div class="empty-state"><h1>We couldn’t find that page</h1>' +
    '<p>The link may be outdated, or the page moved.</p>' +
    '<a class="btn btn-primary" href="/">Back to dashboard</a></div>';
  return 'Not found';
}
