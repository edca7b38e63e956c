/* Acme Ledger demo — the app shell around every screen: the sidebar on phones, the
 * notifications and account popovers, the global search (press /) and the top bar's
 * buttons. */

import { closePopovers, toast } from './ui.js';
import { navigate } from './router.js';

export function setupShell() {
  [['notif-btn', 'notif-panel'], ['user-btn', 'user-menu']].forEach(function (p) {
    var b = document.getElementById(p[0]), m = document.getElementById(p[1]);
    b.addEventListener('click', function (e) {
      e.stopPropagation();
      var open = m.hidden;
      closePopovers();
      if (open) {
        m.hidden = false; b.setAttribute('aria-expanded', 'true');
        if (p[0] === 'notif-btn') {
          var dot = b.querySelector('.badge-dot'); if (dot) dot.remove();
          b.setAttribute('aria-label', 'Notifications');
        }
      }
    });
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest || !e.target.closest('.popover')) closePopovers();
    var shell = document.getElementById('app-shell');
    if (shell.classList.contains('nav-open') && e.target.closest && !e.target.closest('#sidebar')) {
      shell.classList.remove('nav-open');
      document.getElementById('menu-btn').setAttribute('aria-expanded', 'false');
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { closePopovers(); document.getElementById('app-shell').classList.remove('nav-open'); }
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !document.querySelector('dialog[open]')) {
      e.preventDefault();
      document.getElementById('global-search-input').focus();
    }
  });

  var menuBtn = document.getElementById('menu-btn');
  menuBtn.addEventListener('click', function (e) {
    e.stopPropagation();
    var shell = document.getElementById('app-shell');
    var open = !shell.classList.contains('nav-open');
    shell.classList.toggle('nav-open', open);
    menuBtn.setAttribute('aria-expanded', String(open));
  });

  document.getElementById('global-search').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = document.getElementById('global-search-input');
    var q = input.value.trim();
    navigate('/invoices' + (q ? '?q=' + encodeURIComponent(q) : ''));
    input.blur();
  });

  document.addEventListener('click', function (e) {
    var el = e.target.closest && e.target.closest('[data-action]');
    if (!el) return;
    var action = el.getAttribute('data-action');
    if (action === 'upgrade') toast('Plans are not available in the demo workspace.', { icon: 'info' });
    else if (action === 'help') toast('The help center opens in a new tab in the real product.', { icon: 'info' });
    else if (action === 'sign-out') { closePopovers(); toast('Signing out is disabled in the demo.', { icon: 'info' }); }
  });
}
