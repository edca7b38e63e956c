/* Acme Ledger demo — shared interface pieces every page uses: icons, toasts, the
 * clipboard, modal dialogs, the top bar's popovers and activity-feed rows. */

import { $all, esc } from './util.js';

/* Inline SVG icons (24x24, stroke based). */
export var ICONS = {
  plus: '<path d="M12 5v14M5 12h14"/>',
  send: '<path d="M21 3 10 14"/><path d="m21 3-7 18-4-7-7-4z"/>',
  bell: '<path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15z"/><path d="M10 20.5a2.2 2.2 0 0 0 4 0"/>',
  cash: '<rect x="2.5" y="6" width="19" height="12" rx="2"/><circle cx="12" cy="12" r="2.5"/><path d="M6 9.5v5M18 9.5v5"/>',
  check: '<path d="m5 12.5 4.5 4.5L19 7.5"/>',
  clock: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
  alert: '<path d="M12 3.5 2.5 20h19z"/><path d="M12 10v4.5M12 17.5h.01"/>',
  info: '<circle cx="12" cy="12" r="9"/><path d="M12 11v5.5M12 7.5h.01"/>',
  download: '<path d="M12 4v11M7 10.5l5 5 5-5"/><path d="M4.5 19.5h15"/>',
  upload: '<path d="M12 16V5M7 9.5l5-5 5 5"/><path d="M4.5 19.5h15"/>',
  link: '<path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1"/><path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1"/>',
  copy: '<rect x="8.5" y="8.5" width="12" height="12" rx="2"/><path d="M15.5 8.5v-3a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3"/>',
  close: '<path d="M6 6l12 12M18 6 6 18"/>',
  chevron: '<path d="m9 6 6 6-6 6"/>',
  trend: '<path d="m3.5 16.5 6-6 4 4 7-7"/><path d="M15 7.5h5.5V13"/>',
  users: '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.3-5.5 6.5-5.5s5.7 1.9 6.5 5.5"/><path d="M16 4.8a3.3 3.3 0 0 1 0 6.4M18.5 14.8c1.6.8 2.6 2.5 3 5.2"/>',
  file: '<path d="M6 3h9l4 4v14H6z"/><path d="M14 3v5h5M9 12h7M9 16h5"/>',
  eye: '<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z"/><circle cx="12" cy="12" r="3"/>',
  calendar: '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>',
  trash: '<path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13"/>',
  printer: '<path d="M7 9V3.5h10V9"/><rect x="3.5" y="9" width="17" height="8" rx="2"/><path d="M7 14h10v6.5H7z"/>',
  hourglass: '<path d="M7 3.5h10M7 20.5h10M8 3.5c0 4.5 8 5 8 8.5s-8 4-8 8.5M16 3.5c0 4.5-8 5-8 8.5s8 4 8 8.5"/>',
  spark: '<path d="M12 2.5l2.1 6.1 6.4.4-5 4 1.7 6.2L12 15.6l-5.2 3.6 1.7-6.2-5-4 6.4-.4z"/>',
  key: '<circle cx="8" cy="15" r="4.5"/><path d="m11.5 11.5 9-9M17 6l3 3M14.5 8.5l2 2"/>'
};
export function icon(name, cls) {
  return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"' + (cls ? ' class="' + cls + '"' : '') + '>' + (ICONS[name] || '') + '</svg>';
}

/* ================================================================ toasts */

export function toast(message, opts) {
  opts = opts || {};
  var region = document.getElementById('toasts');
  if (!region) return;
  var el = document.createElement('div');
  el.className = 'toast';
  el.innerHTML = icon(opts.icon || 'check') + '<span>' + message + '</span>' +
    (opts.href ? '<a href="' + esc(opts.href) + '">' + esc(opts.linkText || 'View') + '</a>' : '');
  region.appendChild(el);
  var ttl = opts.ttl || 4200;
  setTimeout(function () {
    el.classList.add('leaving');
    setTimeout(function () { el.remove(); }, 300);
  }, ttl);
}

/* Copy text to the clipboard, falling back to a hidden textarea. */
export function copyText(text) {
  function fallback() {
    var ta = document.createElement('textarea');
    ta.value = text; ta.setAttribute('readonly', ''); ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select();
    try { document.execCommand('copy'); } catch (e) { /* ignore */ }
    ta.remove();
  }
  try {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(fallback);
      return;
    }
  } catch (e) { /* fall through */ }
  fallback();
}

/* ============================================================== dialogs */

/**
 * Open a modal <dialog>. `html` is the inner markup of a <form method="dialog">.
 * `onSubmit(form, dialog)` returns false to keep the dialog open.
 */
export function openDialog(opts) {
  var dlg = document.createElement('dialog');
  if (opts.drawer) dlg.className = 'drawer';
  var titleId = 'dlg-title-' + Math.random().toString(36).slice(2, 8);
  dlg.setAttribute('aria-labelledby', titleId);
  dlg.innerHTML =
    '<form method="dialog" novalidate>' +
      '<div class="dlg-head"><div><h2 id="' + titleId + '">' + opts.title + '</h2>' +
        (opts.subtitle ? '<p>' + opts.subtitle + '</p>' : '') + '</div>' +
        '<button type="button" class="icon-btn close-btn" data-dlg-close aria-label="Close">' + icon('close') + '</button></div>' +
      '<div class="dlg-body">' + opts.body + '</div>' +
      '<div class="dlg-foot">' +
        (opts.footLeft || '') +
        '<button type="button" class="btn" data-dlg-close>' + (opts.cancelLabel || 'Cancel') + '</button>' +
        '<button type="submit" class="btn btn-primary" data-dlg-submit>' + opts.submitLabel + '</button>' +
      '</div>' +
    '</form>';
  document.body.appendChild(dlg);
  var form = dlg.querySelector('form');
  dlg.addEventListener('click', function (e) {
    if (e.target === dlg) { dlg.close(); return; }            // backdrop click
    if (e.target.closest('[data-dlg-close]')) dlg.close();
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!form.checkValidity()) { form.reportValidity(); return; }
    var keep = opts.onSubmit && opts.onSubmit(form, dlg) === false;
    if (!keep) dlg.close();
  });
  dlg.addEventListener('close', function () {
    dlg.remove();
    if (opts.onClose) opts.onClose();
  });
  if (opts.onOpen) opts.onOpen(form, dlg);
  dlg.showModal();
  var first = form.querySelector('[autofocus]') || form.querySelector('.dlg-body input, .dlg-body select, .dlg-body textarea, .dlg-body button');
  if (first) first.focus();
  return dlg;
}
export function closeAllDialogs() { $all('dialog[open]').forEach(function (d) { d.close(); }); }

/* ============================================================= popovers */

export function closePopovers() {
  [['notif-btn', 'notif-panel'], ['user-btn', 'user-menu']].forEach(function (p) {
    var b = document.getElementById(p[0]), m = document.getElementById(p[1]);
    if (b && m) { b.setAttribute('aria-expanded', 'false'); m.hidden = true; }
  });
}

/* ======================================================== activity feed */

export function activityItem(color, ic, html, when) {
  return '<li><span class="ico ' + color + '">' + icon(ic) + '</span><div class="grow"><div>' + html + '</div><time>' + when + '</time></div></li>';
}
