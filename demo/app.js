/* Acme Ledger — demo host application for Pathlight.
 *
 * A small, dependency-free single-page app: a client-side router over
 * history.pushState/popstate, in-memory demo data and one render function per
 * screen. Features that lessons point at carry data-pathlight="<area>.<feature>".
 * Real user actions are reported with pathlight('track', '<event>'), guarded so
 * the app keeps working when /pathlight.js is missing.
 */
(function () {
  'use strict';

  /* ================================================================ utils */

  var DAY = 86400000;
  var TODAY = startOfDay(new Date());

  function startOfDay(d) { var x = new Date(d.getTime()); x.setHours(0, 0, 0, 0); return x; }
  function addDays(d, n) { var x = new Date(d.getTime()); x.setDate(x.getDate() + n); return x; }
  function daysBetween(a, b) { return Math.round((startOfDay(b) - startOfDay(a)) / DAY); }
  function isoDate(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }
  function parseIso(s) { var p = String(s).split('-'); return new Date(+p[0], +p[1] - 1, +p[2]); }

  var fmtDateLong = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  var fmtDateShort = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
  var fmtMonth = new Intl.DateTimeFormat('en-US', { month: 'short' });
  var fmtMonthYear = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });
  var fmtMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  var fmtMoney0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

  function dateLong(d) { return fmtDateLong.format(d); }
  function dateShort(d) { return fmtDateShort.format(d); }
  function money(n) { return fmtMoney.format(n); }
  function money0(n) { return fmtMoney0.format(n); }
  function moneyK(n) {
    var a = Math.abs(n);
    if (a >= 1000000) return (n < 0 ? '-' : '') + '$' + (a / 1000000).toFixed(1) + 'M';
    if (a >= 1000) return (n < 0 ? '-' : '') + '$' + (a / 1000).toFixed(a >= 100000 ? 0 : 1).replace(/\.0$/, '') + 'k';
    return (n < 0 ? '-' : '') + '$' + Math.round(a);
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }
  function round2(n) { return Math.round(n * 100) / 100; }

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function initials(name) {
    return name.replace(/[^A-Za-z ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0]; }).join('').toUpperCase();
  }

  /** Report a real user action to Pathlight. Never throws, never required. */
  function track(name) {
    try {
      if (typeof window.pathlight === 'function') window.pathlight('track', name);
    } catch (e) { /* the host app must not depend on the widget */ }
  }

  /* Inline SVG icons (24x24, stroke based). */
  var ICONS = {
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
  function icon(name, cls) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"' + (cls ? ' class="' + cls + '"' : '') + '>' + (ICONS[name] || '') + '</svg>';
  }

  /* ================================================================ toasts */

  function toast(message, opts) {
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
  function copyText(text) {
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
  function openDialog(opts) {
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
  function closeAllDialogs() { $all('dialog[open]').forEach(function (d) { d.close(); }); }

  /* ================================================================= data */

  var COMPANY = {
    name: 'Birchwood Consulting',
    legal: 'Birchwood Consulting LLC',
    address: '410 Harbor Street, Suite 300\nSeattle, WA 98101',
    email: 'billing@birchwood.example',
    taxId: 'EIN 84-2913377'
  };

  var brand = {
    color: '#0f766e',
    logo: null, // data URL when uploaded
    footer: 'Thank you for your business! Questions about this invoice? Reply to this email or call (206) 555-0142.',
    payButton: true
  };

  var CUSTOMERS = [
    { id: 'northwind', name: 'Northwind Traders', contact: 'Maya Chen', email: 'ap@northwind.example', city: 'Seattle, WA', terms: 30, color: '#2563eb', tax: 'wa' },
    { id: 'lumen', name: 'Lumen Health', contact: 'Priya Natarajan', email: 'billing@lumenhealth.example', city: 'Portland, OR', terms: 30, color: '#db2777', tax: 'none' },
    { id: 'kestrel', name: 'Kestrel Logistics', contact: 'Tom Alvarez', email: 'payables@kestrel.example', city: 'Tacoma, WA', terms: 45, color: '#ea580c', tax: 'wa' },
    { id: 'brightline', name: 'Brightline Studio', contact: 'Jonas Weber', email: 'jonas@brightline.example', city: 'Vancouver, BC', terms: 30, color: '#7c3aed', tax: 'none' },
    { id: 'harbor', name: 'Harbor & Finch', contact: 'Ella Brooks', email: 'accounts@harborfinch.example', city: 'Bellevue, WA', terms: 15, color: '#0891b2', tax: 'wa' },
    { id: 'oakridge', name: 'Oakridge Dental', contact: 'Sam Patel', email: 'office@oakridgedental.example', city: 'Redmond, WA', terms: 15, color: '#16a34a', tax: 'wa' },
    { id: 'pinecone', name: 'Pinecone Analytics', contact: 'Lena Fischer', email: 'finance@pinecone.example', city: 'Boise, ID', terms: 30, color: '#65a30d', tax: 'none' },
    { id: 'bluebird', name: 'Bluebird Cafés', contact: 'Marco Rossi', email: 'marco@bluebirdcafes.example', city: 'Seattle, WA', terms: 15, color: '#0284c7', tax: 'wa' },
    { id: 'marlow', name: 'Marlow & Sons', contact: 'Grace Marlow', email: 'grace@marlowsons.example', city: 'Spokane, WA', terms: 30, color: '#b45309', tax: 'wa' },
    { id: 'vertex', name: 'Vertex Robotics', contact: 'Aiden Park', email: 'ap@vertexrobotics.example', city: 'San Jose, CA', terms: 30, color: '#475569', tax: 'none' },
    { id: 'quartz', name: 'Quartz Legal', contact: 'Olivia Grant', email: 'billing@quartzlegal.example', city: 'Olympia, WA', terms: 30, color: '#be123c', tax: 'wa' }
  ];
  var CUSTOMER_COLORS = ['#0f766e', '#9333ea', '#c2410c', '#0369a1', '#4d7c0f', '#be185d', '#334155', '#a16207'];

  var TAX_RATES = [
    { id: 'wa', name: 'WA sales tax', rate: 10.25, region: 'Washington (Seattle)', isDefault: true },
    { id: 'none', name: 'Out of state — no tax', rate: 0, region: 'Outside WA', isDefault: false }
  ];

  var SERVICES = {
    book: ['Monthly bookkeeping', 1, 1850],
    payroll: ['Payroll processing (per run)', 2, 145],
    tax: ['Quarterly tax filing', 1, 1200],
    cfo: ['Fractional CFO advisory (hours)', 6, 225],
    model: ['Cash-flow model review', 1, 950],
    close: ['Year-end close support', 1, 3400],
    ap: ['Accounts payable management', 1, 680]
  };

  // number, customer, issued N days ago, state, line items ("key:qty"), amount already paid (partial)
  var INVOICE_SPECS = [
    [1048, 'brightline', 1, 'draft', ['cfo:8', 'model']],
    [1047, 'harbor', 2, 'draft', ['book', 'payroll:2']],
    [1046, 'northwind', 3, 'sent', ['book', 'ap', 'payroll:4']],
    [1045, 'lumen', 5, 'sent', ['cfo:12']],
    [1044, 'kestrel', 7, 'sent', ['book', 'payroll:6', 'ap']],
    [1043, 'oakridge', 9, 'paid', ['book']],
    [1042, 'northwind', 12, 'sent', ['cfo:10', 'model']],
    [1041, 'pinecone', 14, 'partial', ['close'], 1500],
    [1040, 'bluebird', 16, 'paid', ['book', 'payroll:3']],
    [1039, 'marlow', 18, 'sent', ['tax', 'book']],
    [1038, 'vertex', 20, 'paid', ['cfo:16']],
    [1037, 'brightline', 22, 'paid', ['book']],
    [1036, 'lumen', 25, 'sent', ['book', 'payroll:4']],
    [1035, 'kestrel', 27, 'sent', ['model', 'cfo:4']],
    [1034, 'harbor', 30, 'paid', ['book']],
    [1033, 'oakridge', 33, 'paid', ['payroll:4', 'ap']],
    [1032, 'northwind', 36, 'sent', ['book', 'payroll:4', 'ap']],
    [1031, 'pinecone', 38, 'paid', ['cfo:6']],
    [1030, 'quartz', 41, 'sent', ['tax', 'book']],
    [1029, 'vertex', 44, 'paid', ['book', 'payroll:4']],
    [1028, 'bluebird', 47, 'sent', ['book', 'payroll:3']],
    [1027, 'marlow', 50, 'paid', ['cfo:8']],
    [1026, 'northwind', 54, 'partial', ['close', 'cfo:6'], 2000],
    [1025, 'lumen', 58, 'paid', ['book']],
    [1024, 'quartz', 63, 'sent', ['cfo:10']],
    [1023, 'kestrel', 68, 'paid', ['book', 'ap']],
    [1022, 'harbor', 72, 'sent', ['model']],
    [1021, 'quartz', 96, 'sent', ['tax']],
    [1020, 'oakridge', 104, 'paid', ['book']],
    [1019, 'bluebird', 120, 'sent', ['payroll:3', 'ap']]
  ];

  function customerById(id) {
    for (var i = 0; i < CUSTOMERS.length; i++) if (CUSTOMERS[i].id === id) return CUSTOMERS[i];
    return null;
  }
  function taxById(id) {
    for (var i = 0; i < TAX_RATES.length; i++) if (TAX_RATES[i].id === id) return TAX_RATES[i];
    return TAX_RATES[0];
  }

  var INVOICES = INVOICE_SPECS.map(function (s) {
    var num = s[0], cust = customerById(s[1]), issued = addDays(TODAY, -s[2]);
    var lines = s[4].map(function (key) {
      var parts = key.split(':'), svc = SERVICES[parts[0]];
      return { desc: svc[0], qty: parts[1] ? +parts[1] : svc[1], rate: svc[2] };
    });
    var tax = taxById(cust.tax);
    var inv = {
      id: 'INV-' + num, num: num, customerId: cust.id, issued: issued, due: addDays(issued, cust.terms),
      terms: cust.terms, lines: lines, taxRate: tax.rate, taxName: tax.name,
      draft: s[3] === 'draft', sentAt: s[3] === 'draft' ? null : issued, viewedAt: null,
      payments: [], reminders: [],
      memo: num % 2 ? 'Services for ' + fmtMonthYear.format(issued) + '.' : 'Retainer and advisory services as agreed in the engagement letter.'
    };
    var total = invoiceTotal(inv);
    if (s[3] === 'paid') {
      var after = Math.min(s[2], Math.max(2, cust.terms - 5 + (num % 9)));
      inv.payments.push({ amount: total, date: addDays(issued, after), method: num % 3 ? 'ACH bank transfer' : 'Card', ref: 'PMT-' + (8800 + num) });
    } else if (s[3] === 'partial') {
      inv.payments.push({ amount: s[5], date: addDays(issued, Math.min(s[2], 7 + (num % 13))), method: 'ACH bank transfer', ref: 'PMT-' + (8800 + num) });
    }
    if (!inv.draft && s[2] > 2) inv.viewedAt = addDays(issued, 1);
    var late = daysBetween(inv.due, TODAY);
    if (!inv.draft && invoiceBalance(inv) > 0 && late > 0) {
      if (late > 3) inv.reminders.push(addDays(inv.due, 3));
      if (late > 14) inv.reminders.push(addDays(inv.due, 14));
    }
    return inv;
  });

  function invoiceSubtotal(inv) {
    return round2(inv.lines.reduce(function (s, l) { return s + l.qty * l.rate; }, 0));
  }
  function invoiceTax(inv) { return round2(invoiceSubtotal(inv) * inv.taxRate / 100); }
  function invoiceTotal(inv) { return round2(invoiceSubtotal(inv) + invoiceTax(inv)); }
  function invoicePaid(inv) { return round2(inv.payments.reduce(function (s, p) { return s + p.amount; }, 0)); }
  function invoiceBalance(inv) { return Math.max(0, round2(invoiceTotal(inv) - invoicePaid(inv))); }
  function invoiceStatus(inv) {
    if (inv.draft) return 'draft';
    if (invoiceBalance(inv) <= 0.004) return 'paid';
    if (inv.due < TODAY) return 'overdue';
    if (invoicePaid(inv) > 0) return 'partial';
    return 'open';
  }
  var STATUS_LABEL = { draft: 'Draft', open: 'Open', partial: 'Partially paid', overdue: 'Overdue', paid: 'Paid' };
  function statusPill(st) { return '<span class="pill pill-' + st + '">' + STATUS_LABEL[st] + '</span>'; }
  function invoiceById(id) {
    for (var i = 0; i < INVOICES.length; i++) if (INVOICES[i].id.toLowerCase() === String(id).toLowerCase()) return INVOICES[i];
    return null;
  }
  function lastPaymentDate(inv) {
    return inv.payments.length ? inv.payments[inv.payments.length - 1].date : null;
  }
  function dueText(inv) {
    var st = invoiceStatus(inv);
    if (st === 'paid') { var p = lastPaymentDate(inv); return 'Paid ' + dateShort(p); }
    if (st === 'draft') return 'Not sent';
    var d = daysBetween(TODAY, inv.due);
    if (d > 1) return 'in ' + d + ' days';
    if (d === 1) return 'tomorrow';
    if (d === 0) return 'today';
    return plural(-d, 'day') + ' late';
  }
  function nextInvoiceNumber() {
    return INVOICES.reduce(function (m, i) { return Math.max(m, i.num); }, 1000) + 1;
  }
  function custLogo(c, size) {
    return '<span class="cust-logo" style="background:' + esc(c.color) + (size ? ';width:' + size + 'px;height:' + size + 'px' : '') + '" aria-hidden="true">' + esc(initials(c.name)) + '</span>';
  }

  var TEAM = [
    { id: 'u1', name: 'Robert Birch', email: 'rob@birchwood.example', role: 'owner', status: 'active', lastActive: 'Yesterday', color: '#fde68a' },
    { id: 'u2', name: 'Dana Kim', email: 'dana@birchwood.example', role: 'admin', status: 'active', lastActive: 'just now', you: true, color: '#99f6e4' },
    { id: 'u3', name: 'Priya Shah', email: 'priya@birchwood.example', role: 'finance', status: 'active', lastActive: '2 hours ago', color: '#fbcfe8' },
    { id: 'u4', name: 'Marcus Lee', email: 'marcus@birchwood.example', role: 'sales', status: 'active', lastActive: '3 days ago', color: '#bfdbfe' },
    { id: 'u5', name: 'Ana Souza', email: 'ana.souza@clearbooks-cpa.example', role: 'viewer', status: 'active', lastActive: 'Last week', color: '#ddd6fe' }
  ];
  var SEATS = 8;
  var ROLES = {
    owner: { label: 'Owner', desc: 'Full access, billing and workspace deletion.' },
    admin: { label: 'Admin', desc: 'Everything except billing: settings, team, all invoices.' },
    finance: { label: 'Finance', desc: 'Invoices, payments, reports and tax. No team or settings.' },
    sales: { label: 'Sales', desc: 'Create and send invoices for their customers. No reports.' },
    viewer: { label: 'Viewer', desc: 'Read-only access — ideal for your external accountant.' }
  };

  var PAYMENT_METHODS = [
    { id: 'ach', name: 'ACH bank transfer', logo: 'ACH', fee: '0.8%, capped at $5 per payment', enabled: true, note: 'Arrives in 2–3 business days' },
    { id: 'card', name: 'Credit & debit cards', logo: 'VISA', fee: '2.9% + 30¢ per payment', enabled: false, note: 'Visa, Mastercard, Amex, Apple Pay' },
    { id: 'sepa', name: 'SEPA Direct Debit', logo: 'SEPA', fee: '0.8% per payment', enabled: false, note: 'For customers paying in EUR' },
    { id: 'paypal', name: 'PayPal', logo: 'PP', fee: '3.49% + 49¢ per payment', enabled: false, note: 'Customers pay with their PayPal balance' }
  ];

  var REMINDERS = {
    enabled: false,
    steps: [
      { id: 'before3', offset: -3, on: true, label: 'Friendly heads-up', tone: 'Your invoice {number} for {amount} is due on {due_date}.' },
      { id: 'due', offset: 0, on: true, label: 'Due today', tone: 'Invoice {number} is due today. Pay online in a minute: {payment_link}' },
      { id: 'after7', offset: 7, on: true, label: 'First follow-up', tone: 'Invoice {number} is now 7 days past due. Could you check on its status?' },
      { id: 'after14', offset: 14, on: false, label: 'Second follow-up', tone: 'We haven\'t received payment for {number}. Please pay or reply with a date.' },
      { id: 'after30', offset: 30, on: false, label: 'Final notice (copy the account owner)', tone: 'Final notice for {number}. Late fees may apply per your terms.' }
    ]
  };

  var uiState = {
    lastImport: null,       // summary of the last customer import (shown on /customers)
    cashflowDays: 30,
    insightsApplied: false
  };

  /* =============================================================== router */

  var ROUTES = [
    { re: /^\/(?:index\.html)?$/, nav: 'dashboard', title: 'Dashboard', render: renderDashboard },
    { re: /^\/invoices\/?$/, nav: 'invoices', title: 'Invoices', render: renderInvoices },
    { re: /^\/invoices\/([^/]+)\/?$/, nav: 'invoices', title: null, render: renderInvoiceDetail },
    { re: /^\/reports\/?$/, nav: 'reports', title: 'Reports', render: renderReports },
    { re: /^\/customers\/?$/, nav: 'customers', title: 'Customers', render: renderCustomers },
    { re: /^\/team\/?$/, nav: 'team', title: 'Team', render: renderTeam },
    { re: /^\/settings\/?$/, nav: 'settings', title: 'Settings', render: renderSettings }
  ];

  function matchRoute(pathname) {
    for (var i = 0; i < ROUTES.length; i++) {
      var m = ROUTES[i].re.exec(pathname);
      if (m) return { route: ROUTES[i], params: m.slice(1).map(decodeURIComponent) };
    }
    return null;
  }

  var mainEl = null;
  var renderedKey = null;     // pathname + search of the screen currently rendered
  var screenTimers = [];      // timers owned by the current screen, cleared on navigation
  var screenCleanups = [];

  function later(fn, ms) { screenTimers.push(setTimeout(fn, ms)); }
  function onLeave(fn) { screenCleanups.push(fn); }

  /** Navigate inside the app. `url` may contain a query string and hash. */
  function navigate(url, opts) {
    opts = opts || {};
    var u = new URL(url, location.href);
    if (opts.replace) history.replaceState(null, '', u.pathname + u.search + u.hash);
    else history.pushState(null, '', u.pathname + u.search + u.hash);
    render({ focus: !opts.noFocus });
  }
  /** Update the query string of the current screen without re-rendering it. */
  function setQuery(params) {
    var sp = new URLSearchParams(location.search);
    Object.keys(params).forEach(function (k) {
      if (params[k] == null || params[k] === '') sp.delete(k); else sp.set(k, params[k]);
    });
    var qs = sp.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
    renderedKey = location.pathname + location.search;
  }

  function render(opts) {
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
  function onDocumentClick(e) {
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

  function onPopState() {
    if (location.pathname + location.search === renderedKey) {
      // Only the fragment changed: keep the screen (and its state), just scroll.
      if (location.hash) scrollToHash(location.hash);
      return;
    }
    render({ keepScroll: false });
  }

  /* ================================================================ shell */

  function closePopovers() {
    [['notif-btn', 'notif-panel'], ['user-btn', 'user-menu']].forEach(function (p) {
      var b = document.getElementById(p[0]), m = document.getElementById(p[1]);
      if (b && m) { b.setAttribute('aria-expanded', 'false'); m.hidden = true; }
    });
  }

  function setupShell() {
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

  function renderNotFound(root) {
    root.innerHTML =
      '<div class="empty-state"><h1>We couldn’t find that page</h1>' +
      '<p>The link may be outdated, or the page moved.</p>' +
      '<a class="btn btn-primary" href="/">Back to dashboard</a></div>';
    return 'Not found';
  }

  /* =============================================================== charts */

  function niceMax(v) {
    if (v <= 0) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var n = v / p;
    var step = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
    return step * p;
  }

  /** Grouped bar chart (two series) with a horizontal grid. */
  function groupedBarChart(labels, a, b, opts) {
    var W = 760, H = 270, L = 56, R = 12, T = 14, B = 30;
    var pw = W - L - R, ph = H - T - B;
    var max = niceMax(Math.max.apply(null, a.concat(b)) * 1.08);
    var n = labels.length, gw = pw / n, bw = Math.min(22, gw * 0.3);
    var out = '<svg class="chart" viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="' + esc(opts.label) + '">';
    for (var g = 0; g <= 4; g++) {
      var y = T + ph - ph * g / 4;
      out += '<line class="grid-line" x1="' + L + '" x2="' + (W - R) + '" y1="' + y + '" y2="' + y + '"/>';
      out += '<text x="' + (L - 10) + '" y="' + (y + 4) + '" text-anchor="end">' + moneyK(max * g / 4) + '</text>';
    }
    labels.forEach(function (lab, i) {
      var cx = L + gw * i + gw / 2;
      var ha = ph * a[i] / max, hb = ph * b[i] / max;
      out += '<rect x="' + (cx - bw - 2) + '" y="' + (T + ph - ha) + '" width="' + bw + '" height="' + ha + '" rx="4" fill="' + opts.colorA + '"><title>' + esc(lab) + ' — ' + opts.nameA + ': ' + money0(a[i]) + '</title></rect>';
      out += '<rect x="' + (cx + 2) + '" y="' + (T + ph - hb) + '" width="' + bw + '" height="' + hb + '" rx="4" fill="' + opts.colorB + '"><title>' + esc(lab) + ' — ' + opts.nameB + ': ' + money0(b[i]) + '</title></rect>';
      out += '<text x="' + cx + '" y="' + (H - 9) + '" text-anchor="middle">' + esc(lab) + '</text>';
    });
    out += '<line class="axis" x1="' + L + '" x2="' + (W - R) + '" y1="' + (T + ph) + '" y2="' + (T + ph) + '"/>';
    return out + '</svg>';
  }

  /* ============================================================ dashboard */

  var STARTING_CASH = 41380;

  /** Daily projected bank balance for the next `days` days. */
  function cashflowForecast(days) {
    var inflow = new Array(days + 1).fill(0), outflow = new Array(days + 1).fill(0);
    INVOICES.forEach(function (inv) {
      var st = invoiceStatus(inv);
      if (st === 'paid') return;
      var bal = invoiceBalance(inv);
      if (st === 'draft') { var d0 = 7 + inv.terms + 4; if (d0 <= days) inflow[d0] += bal; return; }
      var late = daysBetween(inv.due, TODAY);
      // Customers tend to pay a few days late; overdue invoices are expected within ~2 weeks.
      var d = late > 0 ? Math.min(days, 4 + (inv.num % 10)) : daysBetween(TODAY, inv.due) + (inv.num % 5);
      if (d >= 0 && d <= days) inflow[d] += bal * (late > 30 ? 0.6 : 1);
    });
    for (var i = 1; i <= days; i++) {
      var date = addDays(TODAY, i), dom = date.getDate();
      // Invoices not issued yet: monthly retainers get paid ~30 days after they are billed.
      if (i > 24 && date.getDay() === 5) inflow[i] += 8600;
      if (dom === 1 || dom === 15) outflow[i] += 14850;         // payroll
      if (dom === 1) outflow[i] += 3200;                         // rent
      if (date.getDay() === 3) outflow[i] += 640;                // software & vendors
    }
    var bal = STARTING_CASH, points = [{ day: 0, bal: bal }], tin = 0, tout = 0;
    for (var j = 1; j <= days; j++) {
      bal += inflow[j] - outflow[j]; tin += inflow[j]; tout += outflow[j];
      points.push({ day: j, bal: bal, inflow: inflow[j], outflow: outflow[j] });
    }
    var low = points.reduce(function (m, p) { return p.bal < m.bal ? p : m; }, points[0]);
    return { points: points, totalIn: tin, totalOut: tout, end: bal, low: low };
  }

  function cashflowChart(fc, days) {
    var W = 760, H = 250, L = 56, R = 14, T = 14, B = 30, pw = W - L - R, ph = H - T - B;
    var vals = fc.points.map(function (p) { return p.bal; });
    var max = niceMax(Math.max.apply(null, vals.concat([25000])) * 1.1);
    var lowest = Math.min.apply(null, vals);
    var minV = lowest < 0 ? -niceMax(-lowest) : 0;
    var span = max - minV;
    function x(d) { return L + pw * d / days; }
    function y(v) { return T + ph - ph * (v - minV) / span; }
    var line = fc.points.map(function (p, i) { return (i ? 'L' : 'M') + x(p.day).toFixed(1) + ' ' + y(p.bal).toFixed(1); }).join(' ');
    var area = line + ' L' + x(days) + ' ' + y(minV) + ' L' + x(0) + ' ' + y(minV) + ' Z';
    var out = '<svg class="chart" viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="Projected cash balance for the next ' + days + ' days, ending at ' + money0(fc.end) + '">' +
      '<defs><linearGradient id="cf-fill" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#14b8a6" stop-opacity=".28"/><stop offset="1" stop-color="#14b8a6" stop-opacity="0"/></linearGradient></defs>';
    for (var g = 0; g <= 4; g++) {
      var v = minV + span * g / 4, yy = y(v);
      out += '<line class="grid-line" x1="' + L + '" x2="' + (W - R) + '" y1="' + yy + '" y2="' + yy + '"/>' +
        '<text x="' + (L - 10) + '" y="' + (yy + 4) + '" text-anchor="end">' + moneyK(v) + '</text>';
    }
    var buffer = 20000;
    out += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(buffer) + '" y2="' + y(buffer) + '" stroke="#f04438" stroke-dasharray="5 5" stroke-width="1.3"/>' +
      '<text x="' + (W - R - 4) + '" y="' + (y(buffer) - 6) + '" text-anchor="end" style="fill:#d92d20">Safety buffer ' + moneyK(buffer) + '</text>';
    out += '<path d="' + area + '" fill="url(#cf-fill)"/>' +
      '<path d="' + line + '" fill="none" stroke="#0d9488" stroke-width="2.4" stroke-linejoin="round"/>';
    var step = days <= 30 ? 7 : days <= 60 ? 14 : 21;
    for (var d = 0; d <= days; d += step) {
      out += '<text x="' + x(d) + '" y="' + (H - 9) + '" text-anchor="' + (d === 0 ? 'start' : 'middle') + '">' + (d === 0 ? 'Today' : dateShort(addDays(TODAY, d))) + '</text>';
    }
    fc.points.forEach(function (p) {
      if (p.inflow > 2500) {
        out += '<circle cx="' + x(p.day) + '" cy="' + y(p.bal) + '" r="3.5" fill="#fff" stroke="#0d9488" stroke-width="2"><title>' + dateShort(addDays(TODAY, p.day)) + ': expected ' + money0(p.inflow) + ' in</title></circle>';
      }
      if (p.outflow > 10000) {
        out += '<circle cx="' + x(p.day) + '" cy="' + y(p.bal) + '" r="3.5" fill="#fff" stroke="#f04438" stroke-width="2"><title>' + dateShort(addDays(TODAY, p.day)) + ': payroll & rent ' + money0(p.outflow) + ' out</title></circle>';
      }
    });
    return out + '</svg>';
  }

  function cashflowBody(days) {
    var fc = cashflowForecast(days);
    return '<div class="chart-summary">' +
      '<div><span class="lbl">Cash today</span><span class="val">' + money0(STARTING_CASH) + '</span></div>' +
      '<div><span class="lbl">Expected in</span><span class="val" style="color:var(--green)">+' + money0(fc.totalIn) + '</span></div>' +
      '<div><span class="lbl">Expected out</span><span class="val" style="color:var(--red)">−' + money0(fc.totalOut) + '</span></div>' +
      '<div><span class="lbl">In ' + days + ' days</span><span class="val">' + money0(fc.end) + '</span></div>' +
      '<div><span class="lbl">Lowest point</span><span class="val">' + money0(fc.low.bal) + ' <small class="muted" style="font-size:12px;font-weight:500">' + (fc.low.day ? dateShort(addDays(TODAY, fc.low.day)) : 'today') + '</small></span></div>' +
      '</div>' + cashflowChart(fc, days) +
      '<div class="legend" style="margin-top:8px"><span><i style="background:#0d9488"></i>Projected balance</span>' +
      '<span><i style="background:#fff;border:2px solid #0d9488;border-radius:50%"></i>Customer payment expected</span>' +
      '<span><i style="background:#fff;border:2px solid #f04438;border-radius:50%"></i>Payroll &amp; rent</span></div>';
  }

  function renderDashboard(root) {
    var open = INVOICES.filter(function (i) { var s = invoiceStatus(i); return s === 'open' || s === 'partial' || s === 'overdue'; });
    var overdue = open.filter(function (i) { return invoiceStatus(i) === 'overdue'; });
    var outstanding = open.reduce(function (s, i) { return s + invoiceBalance(i); }, 0);
    var overdueAmt = overdue.reduce(function (s, i) { return s + invoiceBalance(i); }, 0);
    var since = addDays(TODAY, -30);
    var collected = 0, collectedPrev = 22640; // previous 30 days, from the ledger history
    INVOICES.forEach(function (i) {
      i.payments.forEach(function (p) { if (p.date > since) collected += p.amount; });
    });
    var paidInv = INVOICES.filter(function (i) { return invoiceStatus(i) === 'paid'; });
    var dso = Math.round(paidInv.reduce(function (s, i) { return s + daysBetween(i.issued, lastPaymentDate(i)); }, 0) / Math.max(1, paidInv.length));
    var collectedDelta = collectedPrev ? Math.round((collected - collectedPrev) / collectedPrev * 100) : 0;
    var hour = new Date().getHours();
    var greet = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';

    var dueSoon = open.filter(function (i) { var d = daysBetween(TODAY, i.due); return d >= 0 && d <= 14; })
      .sort(function (a, b) { return a.due - b.due; }).slice(0, 4);
    var recent = INVOICES.slice().sort(function (a, b) { return b.issued - a.issued || b.num - a.num; }).slice(0, 6);

    root.innerHTML =
      '<div class="page-head"><div><h1>' + greet + ', Dana</h1>' +
        '<p class="page-sub">Here’s where ' + esc(COMPANY.name) + ' stands today, ' + esc(dateLong(TODAY)) + '.</p></div>' +
        '<div class="page-actions"><a class="btn" href="/reports">' + icon('trend') + 'View reports</a>' +
        '<a class="btn btn-primary" href="/invoices?new=1">' + icon('plus') + 'New invoice</a></div></div>' +

      '<div class="grid kpis">' +
        '<div class="card kpi"><div class="kpi-label"><span class="kpi-icon blue">' + icon('file') + '</span>Outstanding</div>' +
          '<div class="kpi-value">' + money0(outstanding) + '</div><div class="kpi-meta">' + plural(open.length, 'open invoice') + '</div></div>' +
        '<a class="card kpi is-alert" href="/invoices?status=overdue" data-pathlight="dashboard.overdue" aria-label="Overdue: ' + money0(overdueAmt) + ' across ' + plural(overdue.length, 'invoice') + '. Review overdue invoices">' +
          '<div class="kpi-label"><span class="kpi-icon red">' + icon('alert') + '</span>Overdue</div>' +
          '<span class="kpi-link">Review →</span>' +
          '<div class="kpi-value" style="color:var(--red)">' + money0(overdueAmt) + '</div><div class="kpi-meta">' + plural(overdue.length, 'invoice') + ' past due · oldest ' + (overdue.length ? Math.max.apply(null, overdue.map(function (i) { return daysBetween(i.due, TODAY); })) + ' days' : '—') + '</div></a>' +
        '<div class="card kpi"><div class="kpi-label"><span class="kpi-icon">' + icon('cash') + '</span>Collected · last 30 days</div>' +
          '<div class="kpi-value">' + money0(collected) + '</div><div class="kpi-meta"><span class="delta ' + (collectedDelta >= 0 ? 'up' : 'down') + '">' + (collectedDelta >= 0 ? '↑ ' : '↓ ') + Math.abs(collectedDelta) + '%</span> vs previous 30 days</div></div>' +
        '<div class="card kpi"><div class="kpi-label"><span class="kpi-icon violet">' + icon('hourglass') + '</span>Average days to pay</div>' +
          '<div class="kpi-value">' + dso + ' days</div><div class="kpi-meta"><span class="delta down">↑ 3 days</span> slower than last quarter</div></div>' +
      '</div>' +

      '<div class="grid dash-grid">' +
        '<div class="col">' +
          '<section class="card" data-pathlight="dashboard.cashflow" aria-labelledby="cf-title">' +
            '<div class="card-head"><div><h2 id="cf-title">Cash-flow forecast</h2><p>Bank balance projected from open invoices, payroll and recurring bills.</p></div>' +
              '<div class="segmented" role="group" aria-label="Forecast horizon" id="cf-range">' +
                [30, 60, 90].map(function (d) { return '<button type="button" data-days="' + d + '" aria-pressed="' + (uiState.cashflowDays === d) + '">' + d + ' days</button>'; }).join('') +
              '</div></div>' +
            '<div class="card-body" id="cf-body">' + cashflowBody(uiState.cashflowDays) + '</div>' +
          '</section>' +
          '<section class="card" aria-labelledby="recent-title">' +
            '<div class="card-head" style="padding-bottom:12px"><div><h2 id="recent-title">Recent invoices</h2></div><a href="/invoices" class="btn btn-sm btn-ghost">View all' + icon('chevron') + '</a></div>' +
            '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Six most recent invoices</caption><thead><tr><th scope="col">Invoice</th><th scope="col">Customer</th><th scope="col">Due</th><th scope="col" class="num">Amount</th><th scope="col">Status</th></tr></thead><tbody>' +
              recent.map(function (inv) {
                var c = customerById(inv.customerId), st = invoiceStatus(inv);
                return '<tr><td><a class="cell-main" href="/invoices/' + inv.id + '">' + inv.id + '</a></td>' +
                  '<td><div class="cust">' + custLogo(c, 26) + '<span>' + esc(c.name) + '</span></div></td>' +
                  '<td class="nowrap">' + dateShort(inv.due) + ' <span class="cell-sub">· ' + esc(dueText(inv)) + '</span></td>' +
                  '<td class="num">' + money(invoiceTotal(inv)) + '</td><td>' + statusPill(st) + '</td></tr>';
              }).join('') +
            '</tbody></table></div>' +
          '</section>' +
        '</div>' +
        '<div class="col">' +
          '<div id="insights-slot" class="insights-slot">' +
            '<section class="card" aria-busy="true" aria-label="AI insights loading"><div class="card-head"><h2 class="muted">Analyzing your receivables…</h2></div>' +
            '<div class="card-body"><div class="skeleton" style="width:90%"></div><div class="skeleton" style="width:70%"></div><div class="skeleton" style="width:80%"></div></div></section>' +
          '</div>' +
          '<section class="card" aria-labelledby="due-title"><div class="card-head"><div><h2 id="due-title">Due in the next 14 days</h2><p>' + money0(dueSoon.reduce(function (s, i) { return s + invoiceBalance(i); }, 0)) + ' expected</p></div></div>' +
            '<div class="card-body" style="padding-top:6px"><ul class="list">' +
            (dueSoon.length ? dueSoon.map(function (inv) {
              var c = customerById(inv.customerId);
              return '<li>' + custLogo(c, 30) + '<div class="grow"><a class="cell-main" href="/invoices/' + inv.id + '">' + esc(c.name) + '</a><div class="cell-sub">' + inv.id + ' · due ' + esc(dueText(inv)) + '</div></div><span class="num" style="font-weight:600">' + money0(invoiceBalance(inv)) + '</span></li>';
            }).join('') : '<li class="muted">Nothing due in the next two weeks.</li>') +
            '</ul></div></section>' +
          '<section class="card" aria-labelledby="act-title"><div class="card-head"><h2 id="act-title">Activity</h2></div>' +
            '<div class="card-body" style="padding-top:6px"><ul class="list activity">' +
              activityItem('green', 'cash', '<strong>Oakridge Dental</strong> paid <a href="/invoices/INV-1043">INV-1043</a> by ACH', 'Today, 9:12 AM') +
              activityItem('blue', 'eye', '<strong>Lumen Health</strong> viewed <a href="/invoices/INV-1045">INV-1045</a>', 'Today, 8:40 AM') +
              activityItem('red', 'alert', '<a href="/invoices/INV-1032">INV-1032</a> for Northwind Traders became overdue', 'Yesterday') +
              activityItem('amber', 'bell', 'Reminder sent to <strong>Quartz Legal</strong> for <a href="/invoices/INV-1024">INV-1024</a>', '2 days ago') +
              activityItem('', 'users', '<strong>Priya Shah</strong> recorded a payment on <a href="/invoices/INV-1041">INV-1041</a>', '3 days ago') +
            '</ul></div></section>' +
        '</div>' +
      '</div>';

    $('#cf-range', root).addEventListener('click', function (e) {
      var b = e.target.closest('button[data-days]');
      if (!b) return;
      var days = +b.getAttribute('data-days');
      if (days === uiState.cashflowDays) return;
      uiState.cashflowDays = days;
      $all('#cf-range button', root).forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
      $('#cf-body', root).innerHTML = cashflowBody(days);
      track('cashflow_range_changed');
    });

    // Simulate a feature that renders late (async data): the AI insights card appears after 2 s.
    later(function () { renderInsights(root); }, 2000);
    return 'Dashboard';
  }

  function activityItem(color, ic, html, when) {
    return '<li><span class="ico ' + color + '">' + icon(ic) + '</span><div class="grow"><div>' + html + '</div><time>' + when + '</time></div></li>';
  }

  function renderInsights(root) {
    var slot = $('#insights-slot', root);
    if (!slot) return;
    var nw = INVOICES.filter(function (i) { return i.customerId === 'northwind' && invoiceStatus(i) === 'paid'; });
    var fc = cashflowForecast(30);
    var oldest = INVOICES.filter(function (i) { return invoiceStatus(i) === 'overdue'; }).sort(function (a, b) { return a.due - b.due; })[0];
    slot.innerHTML =
      '<section class="card insights" data-pathlight="dashboard.insights" aria-labelledby="ins-title">' +
        '<div class="card-head"><h2 id="ins-title"><span class="spark">' + '<svg viewBox="0 0 24 24" aria-hidden="true">' + ICONS.spark + '</svg></span>AI insights</h2><span class="beta">BETA</span></div>' +
        '<div class="card-body" style="padding-top:8px">' +
          '<div class="insight"><div><p><strong>Northwind Traders</strong> pays <span class="metric">9 days later</span> than its Net 30 terms on average' + (nw.length ? '' : '') + '. Automatic reminders typically cut this in half.</p>' +
            '<div style="margin-top:8px;display:flex;gap:8px;flex-wrap:wrap">' +
            (uiState.insightsApplied
              ? '<span class="pill pill-paid">Suggestion applied</span>'
              : '<button type="button" class="btn btn-xs btn-primary" id="apply-insight">Apply suggestion</button>') +
            '<a class="btn btn-xs btn-ghost" href="/settings#reminders">Review schedule</a></div></div></div>' +
          '<div class="insight"><p>Cash is projected to dip to <span class="metric">' + money0(fc.low.bal) + '</span> on ' + (fc.low.day ? dateShort(addDays(TODAY, fc.low.day)) : 'today') + ' when payroll runs.' +
            (oldest ? ' Chasing <a href="/invoices/' + oldest.id + '">' + oldest.id + '</a> (' + money0(invoiceBalance(oldest)) + ', ' + daysBetween(oldest.due, TODAY) + ' days late) would keep you above your buffer.' : '') + '</p></div>' +
          '<div class="insight"><p>Customers who can pay by card settle <span class="metric">11 days faster</span>. You only accept ACH today — <a href="/settings#payments">enable card payments</a>.</p></div>' +
        '</div>' +
      '</section>';
    var btn = $('#apply-insight', slot);
    if (btn) btn.addEventListener('click', function () {
      var wasOn = REMINDERS.enabled;
      uiState.insightsApplied = true;
      REMINDERS.enabled = true;
      REMINDERS.steps[0].on = true;
      btn.outerHTML = '<span class="pill pill-paid">Suggestion applied</span>';
      toast((wasOn ? 'Reminders were already on; the 3-day heads-up is now active too.' : 'Automatic reminders are on.') + ' Northwind Traders will hear from you 3 days before each due date.', { href: '/settings#reminders', linkText: 'Edit schedule' });
      track('insight_applied');
    });
  }

  /* ============================================================= invoices */

  var FILTERS = [
    { id: 'all', label: 'All' },
    { id: 'draft', label: 'Drafts' },
    { id: 'open', label: 'Open' },
    { id: 'overdue', label: 'Overdue' },
    { id: 'paid', label: 'Paid' }
  ];
  function matchesFilter(inv, f) {
    var st = invoiceStatus(inv);
    if (f === 'all') return true;
    if (f === 'open') return st === 'open' || st === 'partial';
    return st === f;
  }
  function matchesQuery(inv, q) {
    if (!q) return true;
    var c = customerById(inv.customerId);
    var hay = (inv.id + ' ' + c.name + ' ' + c.contact + ' ' + c.email + ' ' + invoiceTotal(inv).toFixed(2)).toLowerCase();
    return q.toLowerCase().split(/\s+/).every(function (w) { return hay.indexOf(w) !== -1; });
  }

  function renderInvoices(root, params, query) {
    var filter = query.get('status') || 'all';
    if (!FILTERS.some(function (f) { return f.id === filter; })) filter = 'all';
    var q = query.get('q') || '';
    var customerFilter = query.get('customer') || '';
    var justCreated = query.get('created');

    var openAmt = 0, overdueAmt = 0, draftCount = 0;
    INVOICES.forEach(function (i) {
      var st = invoiceStatus(i);
      if (st === 'open' || st === 'partial') openAmt += invoiceBalance(i);
      if (st === 'overdue') overdueAmt += invoiceBalance(i);
      if (st === 'draft') draftCount++;
    });

    root.innerHTML =
      '<div class="page-head"><div><h1>Invoices</h1>' +
        '<p class="page-sub">' + money0(openAmt) + ' open · <span style="color:var(--red);font-weight:600">' + money0(overdueAmt) + ' overdue</span> · ' + plural(draftCount, 'draft') + ' waiting to be sent</p></div>' +
        '<div class="page-actions">' +
          '<button type="button" class="btn" id="inv-export">' + icon('download') + 'Export</button>' +
          '<button type="button" class="btn btn-primary" id="inv-new" data-pathlight="invoices.new">' + icon('plus') + 'New invoice</button>' +
        '</div></div>' +
      '<section class="card" aria-label="Invoice list">' +
        '<div class="table-toolbar">' +
          '<div class="chips" role="group" aria-label="Filter invoices by status" id="inv-filters" data-pathlight="invoices.filter">' +
            FILTERS.map(function (f) {
              var n = INVOICES.filter(function (i) { return matchesFilter(i, f.id); }).length;
              return '<button type="button" class="chip" data-filter="' + f.id + '" aria-pressed="' + (f.id === filter) + '">' + f.label + ' <span class="count">' + n + '</span></button>';
            }).join('') +
          '</div>' +
          '<div class="table-tools">' +
            '<label class="visually-hidden" for="inv-customer">Customer</label>' +
            '<select class="select" id="inv-customer" style="height:34px;width:190px"><option value="">All customers</option>' +
              CUSTOMERS.map(function (c) { return '<option value="' + esc(c.id) + '"' + (c.id === customerFilter ? ' selected' : '') + '>' + esc(c.name) + '</option>'; }).join('') +
            '</select>' +
            '<div class="search-inline">' + '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5"/></svg>' +
              '<label class="visually-hidden" for="inv-search">Search invoices</label>' +
              '<input class="input" id="inv-search" type="search" placeholder="Number, customer, amount" value="' + esc(q) + '"></div>' +
          '</div>' +
        '</div>' +
        '<div class="table-scroll invoices-scroll" id="invoices-scroll" tabindex="0" role="region" aria-label="Invoices table, scrollable">' +
          '<table class="data"><caption class="visually-hidden">Invoices</caption><thead><tr>' +
            '<th scope="col">Invoice</th><th scope="col">Customer</th><th scope="col">Issued</th><th scope="col">Due</th>' +
            '<th scope="col" class="num">Total</th><th scope="col" class="num">Balance</th><th scope="col">Status</th><th scope="col" class="right"><span class="visually-hidden">Actions</span></th>' +
          '</tr></thead><tbody id="inv-rows"></tbody></table>' +
        '</div>' +
        '<div class="table-foot"><span id="inv-count"></span><span>Sorted by issue date, newest first</span></div>' +
      '</section>';

    var state = { filter: filter, q: q, customer: customerFilter };

    function drawRows() {
      var rows = INVOICES.filter(function (i) {
        return matchesFilter(i, state.filter) && matchesQuery(i, state.q) && (!state.customer || i.customerId === state.customer);
      }).sort(function (a, b) { return b.issued - a.issued || b.num - a.num; });
      var tbody = $('#inv-rows', root);
      tbody.innerHTML = rows.length ? rows.map(function (inv) {
        var c = customerById(inv.customerId), st = invoiceStatus(inv);
        var action;
        if (st === 'overdue') {
          var last = inv.reminders.length ? inv.reminders[inv.reminders.length - 1] : null;
          action = '<div class="remind-cell"><button type="button" class="btn btn-xs btn-danger" data-remind="' + inv.id + '" data-pathlight="invoices.reminder" aria-label="Send payment reminder for ' + inv.id + '">' + icon('bell') + 'Remind</button>' +
            (last ? '<span class="cell-sub">' + (daysBetween(last, TODAY) === 0 ? 'Reminded today' : 'Reminded ' + dateShort(last)) + '</span>' : '') + '</div>';
        } else if (st === 'draft') {
          action = '<a class="btn btn-xs" href="/invoices/' + inv.id + '">Review</a>';
        } else {
          action = '<a class="btn btn-xs btn-ghost" href="/invoices/' + inv.id + '">View</a>';
        }
        return '<tr' + (inv.id === justCreated ? ' class="is-new"' : '') + '>' +
          '<td><a class="cell-main" href="/invoices/' + inv.id + '">' + inv.id + '</a><div class="cell-sub desc">' + esc(inv.lines[0].desc) + (inv.lines.length > 1 ? ' +' + (inv.lines.length - 1) : '') + '</div></td>' +
          '<td><div class="cust">' + custLogo(c) + '<div><div class="cell-main">' + esc(c.name) + '</div><div class="cell-sub">' + esc(c.contact) + '</div></div></div></td>' +
          '<td class="nowrap">' + dateShort(inv.issued) + '</td>' +
          '<td class="nowrap">' + (st === 'draft' ? '<span class="muted">—</span>' : dateShort(inv.due)) + '<div class="cell-sub"' + (st === 'overdue' ? ' style="color:var(--red);font-weight:600"' : '') + '>' + esc(dueText(inv)) + '</div></td>' +
          '<td class="num">' + money(invoiceTotal(inv)) + '</td>' +
          '<td class="num">' + (st === 'paid' ? '<span class="muted">' + money(0) + '</span>' : money(invoiceBalance(inv))) + '</td>' +
          '<td>' + statusPill(st) + '</td>' +
          '<td><div class="row-actions" style="align-items:center">' + action + '</div></td></tr>';
      }).join('') : '<tr class="empty-row"><td colspan="8">No invoices match these filters. <button type="button" class="link-btn" id="inv-clear">Clear filters</button></td></tr>';
      $('#inv-count', root).textContent = 'Showing ' + plural(rows.length, 'invoice') + ' of ' + INVOICES.length;
      $all('#inv-filters .chip', root).forEach(function (chip) {
        chip.setAttribute('aria-pressed', String(chip.getAttribute('data-filter') === state.filter));
        var f = chip.getAttribute('data-filter');
        chip.querySelector('.count').textContent = INVOICES.filter(function (i) { return matchesFilter(i, f); }).length;
      });
    }
    drawRows();

    $('#inv-filters', root).addEventListener('click', function (e) {
      var chip = e.target.closest('.chip');
      if (!chip) return;
      var f = chip.getAttribute('data-filter');
      if (f === state.filter) return;
      state.filter = f;
      setQuery({ status: f === 'all' ? null : f, created: null });
      drawRows();
      $('#invoices-scroll', root).scrollTop = 0;
      track('invoices_filtered');
    });
    $('#inv-customer', root).addEventListener('change', function (e) {
      state.customer = e.target.value;
      setQuery({ customer: state.customer || null });
      drawRows();
      track('invoices_filtered');
    });
    var searchTimer = null;
    $('#inv-search', root).addEventListener('input', function (e) {
      state.q = e.target.value.trim();
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () { setQuery({ q: state.q || null }); }, 250);
      drawRows();
    });
    root.querySelector('.card').addEventListener('click', function (e) {
      var rb = e.target.closest('[data-remind]');
      if (rb) { sendReminder(invoiceById(rb.getAttribute('data-remind'))); drawRows(); return; }
      if (e.target.closest('#inv-clear')) {
        state = { filter: 'all', q: '', customer: '' };
        $('#inv-search', root).value = ''; $('#inv-customer', root).value = '';
        setQuery({ status: null, q: null, customer: null });
        drawRows();
      }
    });
    $('#inv-new', root).addEventListener('click', function () { openNewInvoice(); });
    $('#inv-export', root).addEventListener('click', function () {
      toast('Export started — we’ll email invoices.csv to dana@birchwood.example.', { icon: 'download' });
    });

    if (query.get('new')) {
      var preset = query.get('customer');
      setQuery({ 'new': null });
      openNewInvoice(preset);
    }
    if (justCreated) setQuery({ created: null });
    return 'Invoices';
  }

  function sendReminder(inv) {
    if (!inv) return;
    var c = customerById(inv.customerId);
    inv.reminders.push(TODAY);
    toast('Reminder for ' + inv.id + ' (' + money(invoiceBalance(inv)) + ') sent to ' + esc(c.email) + '.', { icon: 'bell', href: '/invoices/' + inv.id, linkText: 'Open' });
    track('reminder_sent');
  }

  /* --------------------------------------------------- new invoice drawer */

  function openNewInvoice(presetCustomer) {
    var num = nextInvoiceNumber();
    var lineRow = function (l) {
      return '<tr><td><label class="visually-hidden">Description</label><input class="input" name="desc" required value="' + esc(l.desc) + '" placeholder="Service or product"></td>' +
        '<td><label class="visually-hidden">Quantity</label><input class="input" name="qty" type="number" min="0" step="0.25" required value="' + l.qty + '"></td>' +
        '<td><label class="visually-hidden">Rate</label><input class="input" name="rate" type="number" min="0" step="0.01" required value="' + l.rate + '"></td>' +
        '<td class="amount">$0.00</td>' +
        '<td><button type="button" class="icon-btn" data-remove-line aria-label="Remove line" style="width:34px;height:34px">' + icon('trash') + '</button></td></tr>';
    };
    var body =
      '<div class="form-row">' +
        '<div class="field"><label for="ni-customer">Customer</label><select class="select" id="ni-customer" name="customer" required autofocus>' +
          '<option value="">Choose a customer…</option>' +
          CUSTOMERS.map(function (c) { return '<option value="' + esc(c.id) + '"' + (c.id === presetCustomer ? ' selected' : '') + '>' + esc(c.name) + '</option>'; }).join('') +
        '</select></div>' +
        '<div class="field"><label for="ni-number">Invoice number</label><input class="input" id="ni-number" value="INV-' + num + '" readonly></div>' +
      '</div>' +
      '<div class="form-row three">' +
        '<div class="field"><label for="ni-issued">Issue date</label><input class="input" id="ni-issued" name="issued" type="date" required value="' + isoDate(TODAY) + '"></div>' +
        '<div class="field"><label for="ni-terms">Payment terms</label><select class="select" id="ni-terms" name="terms">' +
          [0, 7, 15, 30, 45, 60].map(function (t) { return '<option value="' + t + '"' + (t === 30 ? ' selected' : '') + '>' + (t ? 'Net ' + t : 'Due on receipt') + '</option>'; }).join('') + '</select></div>' +
        '<div class="field"><label for="ni-tax">Tax</label><select class="select" id="ni-tax" name="tax">' +
          TAX_RATES.map(function (t) { return '<option value="' + esc(t.id) + '">' + esc(t.name) + ' (' + t.rate + '%)</option>'; }).join('') + '</select></div>' +
      '</div>' +
      '<div class="field"><span class="label" id="ni-lines-label">Line items</span>' +
        '<table class="lines" aria-labelledby="ni-lines-label"><thead><tr><th>Description</th><th>Qty</th><th>Rate</th><th class="right">Amount</th><th></th></tr></thead>' +
        '<tbody id="ni-lines">' + lineRow({ desc: 'Monthly bookkeeping', qty: 1, rate: 1850 }) + '</tbody></table>' +
        '<div><button type="button" class="btn btn-sm" id="ni-add-line">' + icon('plus') + 'Add line</button></div>' +
      '</div>' +
      '<div class="form-totals" aria-live="polite"><div><span>Subtotal</span><span id="ni-sub">$0.00</span></div><div><span id="ni-tax-label">Tax</span><span id="ni-taxamt">$0.00</span></div><div class="grand"><span>Total</span><span id="ni-total">$0.00</span></div></div>' +
      '<div class="field" style="margin-top:14px"><label for="ni-memo">Note to customer</label><textarea class="textarea" id="ni-memo" name="memo" rows="3">' + esc(brand.footer) + '</textarea>' +
        '<span class="hint">Shown at the bottom of the invoice and in the email.</span></div>' +
      '<div class="callout">' + icon('info') + '<div>The invoice is saved as a <strong>draft</strong>. You can review it and send it by email from the next screen.</div></div>';

    openDialog({
      drawer: true,
      title: 'New invoice',
      subtitle: 'Bill a customer for work you’ve done.',
      body: body,
      submitLabel: 'Create draft',
      onOpen: function (form) {
        var tbody = $('#ni-lines', form);
        function recalc() {
          var sub = 0;
          $all('tr', tbody).forEach(function (tr) {
            var q = parseFloat(tr.querySelector('[name=qty]').value) || 0, r = parseFloat(tr.querySelector('[name=rate]').value) || 0;
            tr.querySelector('.amount').textContent = money(q * r); sub += q * r;
          });
          var t = taxById(form.tax.value), tax = round2(sub * t.rate / 100);
          $('#ni-sub', form).textContent = money(sub);
          $('#ni-tax-label', form).textContent = t.name + ' (' + t.rate + '%)';
          $('#ni-taxamt', form).textContent = money(tax);
          $('#ni-total', form).textContent = money(sub + tax);
        }
        function applyCustomer() {
          var c = customerById(form.customer.value);
          if (!c) return;
          form.terms.value = String(c.terms);
          form.tax.value = c.tax;
          recalc();
        }
        form.addEventListener('input', recalc);
        form.customer.addEventListener('change', applyCustomer);
        $('#ni-add-line', form).addEventListener('click', function () {
          tbody.insertAdjacentHTML('beforeend', lineRow({ desc: '', qty: 1, rate: 0 }));
          tbody.lastElementChild.querySelector('input').focus();
          recalc();
        });
        tbody.addEventListener('click', function (e) {
          var b = e.target.closest('[data-remove-line]');
          if (b && tbody.children.length > 1) { b.closest('tr').remove(); recalc(); }
        });
        applyCustomer();
        recalc();
      },
      onSubmit: function (form) {
        var c = customerById(form.customer.value);
        if (!c) { form.customer.focus(); return false; }
        var lines = $all('#ni-lines tr', form).map(function (tr) {
          return { desc: tr.querySelector('[name=desc]').value.trim() || 'Services', qty: parseFloat(tr.querySelector('[name=qty]').value) || 0, rate: parseFloat(tr.querySelector('[name=rate]').value) || 0 };
        });
        var issued = form.issued.value ? parseIso(form.issued.value) : TODAY;
        var terms = +form.terms.value, tax = taxById(form.tax.value);
        var inv = {
          id: 'INV-' + num, num: num, customerId: c.id, issued: issued, due: addDays(issued, terms), terms: terms,
          lines: lines, taxRate: tax.rate, taxName: tax.name, draft: true, sentAt: null, viewedAt: null,
          payments: [], reminders: [], memo: form.memo.value.trim()
        };
        INVOICES.push(inv);
        track('invoice_created');
        toast('Draft ' + inv.id + ' for ' + esc(c.name) + ' created.', { icon: 'file' });
        // Let the dialog close first, then open the new draft.
        setTimeout(function () { navigate('/invoices/' + inv.id); }, 0);
      }
    });
  }

  /* ======================================================= invoice detail */

  function renderInvoiceDetail(root, params) {
    var inv = invoiceById(params[0]);
    if (!inv) {
      root.innerHTML = '<div class="empty-state"><h1>Invoice ' + esc(params[0]) + ' not found</h1><p>It may have been deleted or you may not have access to it.</p><a class="btn btn-primary" href="/invoices">Back to invoices</a></div>';
      return 'Invoice not found';
    }
    if (inv.id !== params[0]) history.replaceState(null, '', '/invoices/' + inv.id + location.search + location.hash);
    var c = customerById(inv.customerId), st = invoiceStatus(inv);
    var total = invoiceTotal(inv), paid = invoicePaid(inv), bal = invoiceBalance(inv);
    var payUrl = 'https://pay.acmeledger.example/i/' + inv.id.toLowerCase() + '-' + (inv.num * 7919 % 100000).toString(36);
    var late = daysBetween(inv.due, TODAY);

    var timeline = [];
    timeline.push({ ic: 'file', color: '', text: 'Invoice created', date: inv.issued });
    if (inv.sentAt) timeline.push({ ic: 'send', color: 'blue', text: 'Sent to ' + esc(c.email), date: inv.sentAt });
    if (inv.viewedAt) timeline.push({ ic: 'eye', color: 'blue', text: esc(c.contact) + ' viewed the invoice', date: inv.viewedAt });
    inv.reminders.forEach(function (r) { timeline.push({ ic: 'bell', color: 'amber', text: 'Payment reminder sent', date: r }); });
    inv.payments.forEach(function (p) { timeline.push({ ic: 'cash', color: 'green', text: money(p.amount) + ' received · ' + esc(p.method), date: p.date }); });
    timeline.sort(function (a, b) { return b.date - a.date; });

    root.innerHTML =
      '<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/invoices">Invoices</a>' + icon('chevron') + '<span aria-current="page">' + inv.id + '</span></nav>' +
      '<div class="page-head"><div><h1>' + inv.id + ' · ' + esc(c.name) + '</h1>' +
        '<div class="status-line">' + statusPill(st) + '<span>' + money(total) + '</span><span aria-hidden="true">·</span><span>Issued ' + dateLong(inv.issued) + '</span><span aria-hidden="true">·</span>' +
        '<span>' + (st === 'draft' ? 'Not sent yet' : 'Due ' + dateLong(inv.due) + ' (' + esc(dueText(inv)) + ')') + '</span></div></div>' +
        '<div class="page-actions">' +
          '<button type="button" class="btn" id="inv-pdf">' + icon('printer') + 'Download PDF</button>' +
          '<button type="button" class="btn" id="inv-record" data-pathlight="invoices.record-payment">' + icon('cash') + 'Record payment</button>' +
          '<button type="button" class="btn btn-primary" id="inv-send" data-pathlight="invoices.send">' + icon('send') + (inv.draft ? 'Send invoice' : 'Resend invoice') + '</button>' +
        '</div></div>' +
      (st === 'overdue'
        ? '<div class="callout warn" style="margin-bottom:20px">' + icon('alert') + '<div style="flex:1">This invoice is <strong>' + plural(late, 'day') + ' overdue</strong>. ' +
          (inv.reminders.length ? 'Last reminder sent ' + dateLong(inv.reminders[inv.reminders.length - 1]) + '.' : 'No reminder has been sent yet.') +
          ' <button type="button" class="link-btn" id="inv-remind">Send a reminder now</button></div></div>'
        : '') +
      (st === 'draft'
        ? '<div class="callout" style="margin-bottom:20px">' + icon('info') + '<div>This is a <strong>draft</strong> — your customer can’t see it yet. Check the details, then click <strong>Send invoice</strong>.</div></div>'
        : '') +
      '<div class="grid detail-grid">' +
        '<article class="card paper" aria-label="Invoice preview" style="--brand-color:' + esc(brand.color) + '">' +
          '<div class="paper-top"><div class="paper-brand">' +
            (brand.logo ? '<img src="' + brand.logo + '" alt="' + esc(COMPANY.name) + ' logo" style="max-height:44px;max-width:120px">' : '<div class="paper-logo" style="background:' + esc(brand.color) + '">BC</div>') +
            '<div><strong>' + esc(COMPANY.legal) + '</strong><div class="muted" style="white-space:pre-line;font-size:12.5px">' + esc(COMPANY.address) + '</div></div></div>' +
            '<div class="paper-title"><div class="big">INVOICE</div><div class="muted">' + inv.id + '</div></div></div>' +
          '<div class="paper-meta">' +
            '<div><div class="lbl">Billed to</div><strong>' + esc(c.name) + '</strong><div class="muted">' + esc(c.contact) + '<br>' + esc(c.city) + '</div></div>' +
            '<div><div class="lbl">Issue date</div>' + dateLong(inv.issued) + '<div class="lbl" style="margin-top:10px">Due date</div>' + dateLong(inv.due) + '</div>' +
            '<div><div class="lbl">Terms</div>' + (inv.terms ? 'Net ' + inv.terms : 'Due on receipt') + '<div class="lbl" style="margin-top:10px">Amount due</div><strong style="color:var(--brand-color)">' + money(bal) + '</strong></div>' +
          '</div>' +
          '<table><thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Rate</th><th scope="col" class="num">Amount</th></tr></thead><tbody>' +
            inv.lines.map(function (l) { return '<tr><td>' + esc(l.desc) + '</td><td class="num">' + l.qty + '</td><td class="num">' + money(l.rate) + '</td><td class="num">' + money(l.qty * l.rate) + '</td></tr>'; }).join('') +
          '</tbody></table>' +
          '<div class="totals"><div><span>Subtotal</span><span class="num">' + money(invoiceSubtotal(inv)) + '</span></div>' +
            '<div><span>' + esc(inv.taxName) + ' (' + inv.taxRate + '%)</span><span class="num">' + money(invoiceTax(inv)) + '</span></div>' +
            '<div class="grand"><span>Total</span><span class="num">' + money(total) + '</span></div>' +
            (paid ? '<div><span>Paid</span><span class="num">−' + money(paid) + '</span></div>' : '') +
            '<div class="due"><span>Balance due</span><span class="num">' + money(bal) + '</span></div></div>' +
          '<div class="paper-foot">' + esc(inv.memo || brand.footer) + '<br>' + esc(COMPANY.taxId) + ' · ' + esc(COMPANY.email) + '</div>' +
        '</article>' +
        '<div class="col">' +
          '<section class="card" aria-labelledby="bal-title">' +
            '<div class="balance-box"><div class="muted" id="bal-title">Balance due</div><div class="amount">' + money(bal) + '</div>' +
              '<div class="progress" role="progressbar" aria-label="Paid so far" aria-valuemin="0" aria-valuemax="100" aria-valuenow="' + Math.round(paid / total * 100) + '"><span style="width:' + (paid / total * 100).toFixed(1) + '%"></span></div>' +
              '<div class="cell-sub">' + money(paid) + ' of ' + money(total) + ' paid</div></div>' +
            '<div class="card-body">' +
              '<div class="field" style="margin-bottom:6px"><label for="pay-link">Online payment link</label>' +
              '<div class="pay-link"><input class="input" id="pay-link" readonly value="' + esc(payUrl) + '">' +
              '<button type="button" class="btn btn-sm" id="copy-pay-link" data-pathlight="invoices.payment-link" style="height:38px">' + icon('link') + 'Copy link</button></div>' +
              '<span class="hint">Customers can pay by ' + PAYMENT_METHODS.filter(function (m) { return m.enabled; }).map(function (m) { return m.name; }).join(', ').replace(/, ([^,]*)$/, ' or $1') + '. <a href="/settings#payments">Payment methods</a></span></div>' +
            '</div></section>' +
          '<section class="card" aria-labelledby="det-title"><div class="card-head"><h2 id="det-title">Details</h2></div><div class="card-body"><dl class="kv">' +
            '<dt>Customer</dt><dd>' + esc(c.name) + '</dd><dt>Email</dt><dd>' + esc(c.email) + '</dd>' +
            '<dt>Currency</dt><dd>USD</dd><dt>Automatic reminders</dt><dd>' + (REMINDERS.enabled ? 'On' : 'Off · <a href="/settings#reminders">Turn on</a>') + '</dd>' +
          '</dl></div></section>' +
          '<section class="card" aria-labelledby="tl-title"><div class="card-head"><h2 id="tl-title">Activity</h2></div><div class="card-body" style="padding-top:4px"><ul class="list activity">' +
            timeline.map(function (t) { return activityItem(t.color, t.ic, t.text, dateLong(t.date)); }).join('') +
          '</ul></div></section>' +
        '</div>' +
      '</div>';

    $('#inv-send', root).addEventListener('click', function () { openSendDialog(inv); });
    $('#inv-record', root).addEventListener('click', function () { openPaymentDialog(inv); });
    $('#inv-pdf', root).addEventListener('click', function () { toast(inv.id + '.pdf is being prepared…', { icon: 'download' }); });
    $('#copy-pay-link', root).addEventListener('click', function () {
      copyText(payUrl);
      toast('Payment link for ' + inv.id + ' copied to your clipboard.', { icon: 'link' });
      track('payment_link_copied');
    });
    var rb = $('#inv-remind', root);
    if (rb) rb.addEventListener('click', function () { sendReminder(inv); render({ keepScroll: true }); });
    return inv.id + ' · ' + c.name;
  }

  function openSendDialog(inv) {
    var c = customerById(inv.customerId);
    openDialog({
      title: (inv.draft ? 'Send ' : 'Resend ') + inv.id,
      subtitle: money(invoiceBalance(inv)) + ' due ' + dateLong(inv.due),
      body:
        '<div class="field"><label for="sd-to">To</label><input class="input" id="sd-to" name="to" type="email" required value="' + esc(c.email) + '"></div>' +
        '<div class="field"><label for="sd-cc">Cc <span class="muted" style="font-weight:400">(optional)</span></label><input class="input" id="sd-cc" name="cc" type="email" placeholder="name@company.com"></div>' +
        '<div class="field"><label for="sd-subject">Subject</label><input class="input" id="sd-subject" name="subject" required value="Invoice ' + inv.id + ' from ' + esc(COMPANY.name) + '"></div>' +
        '<div class="field"><label for="sd-msg">Message</label><textarea class="textarea" id="sd-msg" name="msg" rows="5">Hi ' + esc(c.contact.split(' ')[0]) + ',\n\nPlease find attached invoice ' + inv.id + ' for ' + money(invoiceBalance(inv)) + ', due ' + dateLong(inv.due) + '. You can pay online with the link below.\n\nThanks,\nDana</textarea></div>' +
        '<label class="checkbox"><input type="checkbox" name="pdf" checked> <span>Attach PDF</span></label>' +
        '<label class="checkbox"><input type="checkbox" name="link" checked> <span>Include “Pay now” link (' + PAYMENT_METHODS.filter(function (m) { return m.enabled; }).map(function (m) { return m.name; }).join(', ') + ')</span></label>',
      submitLabel: icon('send') + 'Send invoice',
      onSubmit: function (form) {
        inv.draft = false;
        inv.sentAt = TODAY;
        track('invoice_sent');
        toast(inv.id + ' sent to ' + esc(form.to.value) + '.', { icon: 'send' });
        setTimeout(function () { render({ keepScroll: true }); }, 0);
      }
    });
  }

  function openPaymentDialog(inv) {
    var bal = invoiceBalance(inv);
    openDialog({
      title: 'Record a payment',
      subtitle: inv.id + ' · balance ' + money(bal),
      body:
        (bal <= 0 ? '<div class="callout" style="margin-bottom:14px">' + icon('info') + '<div>This invoice is already fully paid.</div></div>' : '') +
        '<div class="form-row">' +
          '<div class="field"><label for="rp-amount">Amount received</label><div class="input-prefix"><span>$</span><input class="input" id="rp-amount" name="amount" type="number" min="0.01" max="' + bal + '" step="0.01" required value="' + bal.toFixed(2) + '"' + (bal <= 0 ? ' disabled' : '') + '></div></div>' +
          '<div class="field"><label for="rp-date">Payment date</label><input class="input" id="rp-date" name="date" type="date" required max="' + isoDate(TODAY) + '" value="' + isoDate(TODAY) + '"></div>' +
        '</div>' +
        '<div class="form-row">' +
          '<div class="field"><label for="rp-method">Method</label><select class="select" id="rp-method" name="method"><option>ACH bank transfer</option><option>Wire transfer</option><option>Check</option><option>Card</option><option>Cash</option></select></div>' +
          '<div class="field"><label for="rp-ref">Reference <span class="muted" style="font-weight:400">(optional)</span></label><input class="input" id="rp-ref" name="ref" placeholder="e.g. check #1042"></div>' +
        '</div>' +
        '<label class="checkbox"><input type="checkbox" name="receipt" checked> <span>Email a receipt to the customer</span></label>' +
        '<p class="hint muted" style="font-size:12.5px">Recording a payment updates the balance, the aging report and your cash-flow forecast. Payments made through the online link are recorded automatically.</p>',
      submitLabel: 'Record payment',
      onOpen: function (form) { if (bal <= 0) form.querySelector('[data-dlg-submit]').disabled = true; },
      onSubmit: function (form) {
        var amt = Math.min(bal, parseFloat(form.amount.value) || 0);
        if (amt <= 0) return false;
        var date = form.date.value ? parseIso(form.date.value) : TODAY;
        if (date > TODAY) date = TODAY;
        if (inv.draft) { inv.draft = false; inv.sentAt = inv.sentAt || date; }
        inv.payments.push({ amount: round2(amt), date: date, method: form.method.value, ref: form.ref.value });
        track('payment_recorded');
        var left = invoiceBalance(inv);
        toast(money(amt) + ' recorded on ' + inv.id + (left > 0 ? ' · ' + money(left) + ' still due.' : ' · paid in full.'), { icon: 'cash' });
        setTimeout(function () { render({ keepScroll: true }); }, 0);
      }
    });
  }

  /* ============================================================== reports */

  var RANGES = [
    { id: 'this-month', label: 'This month' },
    { id: 'last-month', label: 'Last month' },
    { id: 'this-quarter', label: 'This quarter' },
    { id: 'last-quarter', label: 'Last quarter' },
    { id: 'ytd', label: 'Year to date' },
    { id: 'last-12', label: 'Last 12 months' }
  ];
  var REPORT_TABS = [
    { id: 'overview', label: 'Revenue & collections' },
    { id: 'aging', label: 'Receivables aging' },
    { id: 'tax', label: 'Sales tax' }
  ];

  function monthStart(y, m) { return new Date(y, m, 1); }
  // Deterministic monthly figures; `k` is an absolute month index (year*12 + month).
  function monthInvoiced(k) { return Math.round(36500 + 5200 * Math.sin(k * 1.3) + 2600 * Math.cos(k * 0.7) + (k % 12) * 420); }
  function monthCollected(k) { return Math.round(monthInvoiced(k) * (0.83 + 0.09 * Math.cos(k * 1.7))); }

  /** Buckets (weeks or months) for a date range, each with invoiced/collected totals. */
  function rangeBuckets(rangeId) {
    var y = TODAY.getFullYear(), m = TODAY.getMonth();
    var months = [];
    function addMonths(from, count) {
      for (var i = 0; i < count; i++) {
        var d = monthStart(from.getFullYear(), from.getMonth() + i);
        months.push(d);
      }
    }
    if (rangeId === 'this-month' || rangeId === 'last-month') {
      var start = rangeId === 'this-month' ? monthStart(y, m) : monthStart(y, m - 1);
      var end = rangeId === 'this-month' ? TODAY : addDays(monthStart(start.getFullYear(), start.getMonth() + 1), -1);
      var k = start.getFullYear() * 12 + start.getMonth();
      var daysInMonth = new Date(start.getFullYear(), start.getMonth() + 1, 0).getDate();
      var out = [], wk = 0;
      for (var d = new Date(start); d <= end; d = addDays(d, 7)) {
        var last = addDays(d, 6) > end ? end : addDays(d, 6);
        var frac = (daysBetween(d, last) + 1) / daysInMonth;
        wk++;
        out.push({
          label: dateShort(d), from: d, to: last,
          invoiced: Math.round(monthInvoiced(k) * frac * (0.85 + 0.3 * Math.abs(Math.sin(wk * 2.1 + k)))),
          collected: Math.round(monthCollected(k) * frac * (0.8 + 0.35 * Math.abs(Math.cos(wk * 1.7 + k))))
        });
      }
      return { buckets: out, from: start, to: end, unit: 'week' };
    }
    if (rangeId === 'this-quarter') addMonths(monthStart(y, m - (m % 3)), (m % 3) + 1);
    else if (rangeId === 'last-quarter') addMonths(monthStart(y, m - (m % 3) - 3), 3);
    else if (rangeId === 'ytd') addMonths(monthStart(y, 0), m + 1);
    else addMonths(monthStart(y, m - 11), 12);
    var buckets = months.map(function (d) {
      var k = d.getFullYear() * 12 + d.getMonth();
      var isCurrent = d.getFullYear() === y && d.getMonth() === m;
      var frac = isCurrent ? TODAY.getDate() / new Date(y, m + 1, 0).getDate() : 1;
      return {
        label: fmtMonth.format(d) + (d.getMonth() === 0 && months.length > 6 ? ' ’' + String(d.getFullYear()).slice(2) : ''),
        from: d, to: isCurrent ? TODAY : addDays(monthStart(d.getFullYear(), d.getMonth() + 1), -1),
        invoiced: Math.round(monthInvoiced(k) * frac), collected: Math.round(monthCollected(k) * frac)
      };
    });
    return { buckets: buckets, from: months[0], to: buckets[buckets.length - 1].to, unit: 'month' };
  }

  function agingData() {
    var names = ['Current', '1–30 days', '31–60 days', '61–90 days', '90+ days'];
    var colors = ['#14b8a6', '#f5b83d', '#f79009', '#ef6820', '#d92d20'];
    var totals = [0, 0, 0, 0, 0], byCustomer = {};
    INVOICES.forEach(function (inv) {
      var st = invoiceStatus(inv);
      if (st === 'paid' || st === 'draft') return;
      var late = daysBetween(inv.due, TODAY), b = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
      var bal = invoiceBalance(inv);
      totals[b] += bal;
      var row = byCustomer[inv.customerId] || (byCustomer[inv.customerId] = { c: customerById(inv.customerId), v: [0, 0, 0, 0, 0] });
      row.v[b] += bal;
    });
    var rows = Object.keys(byCustomer).map(function (k) { return byCustomer[k]; })
      .sort(function (a, b) { return (b.v[4] + b.v[3] + b.v[2] + b.v[1]) - (a.v[4] + a.v[3] + a.v[2] + a.v[1]) || b.v[0] - a.v[0]; });
    return { names: names, colors: colors, totals: totals, rows: rows };
  }

  function customerShares(total) {
    var weights = [0.19, 0.16, 0.14, 0.12, 0.1, 0.08, 0.07, 0.06, 0.04, 0.03, 0.01];
    return CUSTOMERS.slice(0, weights.length).map(function (c, i) {
      return { c: c, amount: Math.round(total * weights[(i * 7) % weights.length]), onTime: 62 + ((i * 37) % 36), days: 18 + ((i * 13) % 26) };
    }).sort(function (a, b) { return b.amount - a.amount; });
  }

  function renderReports(root, params, query) {
    var rangeId = query.get('range') || 'last-12';
    if (!RANGES.some(function (r) { return r.id === rangeId; })) rangeId = 'last-12';
    var tab = query.get('tab') || 'overview';
    if (!REPORT_TABS.some(function (t) { return t.id === tab; })) tab = 'overview';
    var range = RANGES.filter(function (r) { return r.id === rangeId; })[0];

    root.innerHTML =
      '<div class="page-head"><div><h1>Reports</h1><p class="page-sub" id="rep-sub"></p></div>' +
        '<div class="page-actions">' +
          '<label class="visually-hidden" for="rep-range">Date range</label>' +
          '<select class="select" id="rep-range" data-pathlight="reports.date-range" style="width:auto;min-width:170px">' +
            RANGES.map(function (r) { return '<option value="' + r.id + '"' + (r.id === rangeId ? ' selected' : '') + '>' + r.label + '</option>'; }).join('') +
          '</select>' +
          '<button type="button" class="btn" id="rep-print">' + icon('printer') + 'Print</button>' +
          '<button type="button" class="btn btn-primary" id="rep-export" data-pathlight="reports.export">' + icon('download') + 'Export CSV</button>' +
        '</div></div>' +
      '<div class="tabs" role="tablist" aria-label="Report">' +
        REPORT_TABS.map(function (t) {
          return '<button type="button" role="tab" id="tab-' + t.id + '" aria-controls="panel-' + t.id + '" aria-selected="' + (t.id === tab) + '" tabindex="' + (t.id === tab ? 0 : -1) + '" data-tab="' + t.id + '"' +
            (t.id === 'aging' ? ' data-pathlight="reports.aging"' : '') + '>' + t.label + '</button>';
        }).join('') +
      '</div>' +
      '<div id="rep-panel" role="tabpanel"></div>';

    var state = { range: rangeId, tab: tab };

    function draw() {
      var r = RANGES.filter(function (x) { return x.id === state.range; })[0];
      var data = rangeBuckets(state.range);
      $('#rep-sub', root).textContent = r.label + ' · ' + dateLong(data.from) + ' – ' + dateLong(data.to) + ' · USD';
      var panel = $('#rep-panel', root);
      panel.id = 'rep-panel';
      panel.setAttribute('aria-labelledby', 'tab-' + state.tab);
      $all('[role=tab]', root).forEach(function (t) {
        var on = t.getAttribute('data-tab') === state.tab;
        t.setAttribute('aria-selected', String(on)); t.tabIndex = on ? 0 : -1;
      });
      if (state.tab === 'overview') panel.innerHTML = overviewPanel(data, r);
      else if (state.tab === 'aging') panel.innerHTML = agingPanel();
      else panel.innerHTML = taxPanel(data, r);
      $('#rep-range', root).title = state.tab === 'aging' ? 'Aging is always calculated as of today; the range applies to the other reports' : '';
    }
    draw();

    $('#rep-range', root).addEventListener('change', function (e) {
      state.range = e.target.value;
      setQuery({ range: state.range === 'last-12' ? null : state.range });
      draw();
      toast('Showing ' + e.target.options[e.target.selectedIndex].text.toLowerCase() + '.', { icon: 'calendar', ttl: 2200 });
      track('report_range_changed');
    });
    var tablist = root.querySelector('[role=tablist]');
    tablist.addEventListener('click', function (e) {
      var t = e.target.closest('[role=tab]');
      if (!t) return;
      state.tab = t.getAttribute('data-tab');
      setQuery({ tab: state.tab === 'overview' ? null : state.tab });
      draw();
    });
    tablist.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      var tabs = $all('[role=tab]', tablist), i = tabs.indexOf(document.activeElement);
      if (i < 0) return;
      var next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus(); next.click();
    });
    $('#rep-print', root).addEventListener('click', function () { toast('Print view is disabled in the demo.', { icon: 'info' }); });
    $('#rep-export', root).addEventListener('click', function () {
      var r = RANGES.filter(function (x) { return x.id === state.range; })[0];
      var csv = reportCsv(state.tab, rangeBuckets(state.range));
      var name = 'acme-ledger-' + state.tab + '-' + (state.tab === 'aging' ? isoDate(TODAY) : state.range) + '.csv';
      try {
        var url = URL.createObjectURL(new Blob([csv.text], { type: 'text/csv' }));
        var a = document.createElement('a');
        a.href = url; a.download = name; a.style.display = 'none';
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
      } catch (err) { /* downloads may be blocked; the toast still confirms */ }
      toast('Exported ' + esc(name) + ' (' + plural(csv.rows, 'row') + (state.tab === 'aging' ? ', as of today' : ', ' + esc(r.label.toLowerCase())) + ').', { icon: 'download' });
      track('report_exported');
    });
    return 'Reports';
  }

  function overviewPanel(data, r) {
    var inv = data.buckets.reduce(function (s, b) { return s + b.invoiced; }, 0);
    var col = data.buckets.reduce(function (s, b) { return s + b.collected; }, 0);
    var rate = inv ? Math.round(col / inv * 100) : 0;
    var dso = 31 + Math.round((1 - col / Math.max(1, inv)) * 40);
    var shares = customerShares(inv);
    return '<div class="grid kpis">' +
        kpiSimple('Invoiced', money0(inv), r.label) +
        kpiSimple('Collected', money0(col), rate + '% of invoiced') +
        kpiSimple('Still outstanding', money0(Math.max(0, inv - col)), 'from this period') +
        kpiSimple('Days sales outstanding', dso + ' days', 'Target: 30 days') +
      '</div>' +
      '<section class="card" aria-labelledby="chart-title" style="margin-bottom:20px"><div class="card-head"><div><h2 id="chart-title">Invoiced vs. collected</h2><p>By ' + data.unit + ' · ' + esc(r.label.toLowerCase()) + '</p></div>' +
        '<div class="legend"><span><i style="background:#14b8a6"></i>Invoiced</span><span><i style="background:#1f3b45"></i>Collected</span></div></div>' +
        '<div class="card-body">' + groupedBarChart(data.buckets.map(function (b) { return b.label; }), data.buckets.map(function (b) { return b.invoiced; }), data.buckets.map(function (b) { return b.collected; }),
          { label: 'Invoiced versus collected by ' + data.unit, colorA: '#14b8a6', colorB: '#1f3b45', nameA: 'Invoiced', nameB: 'Collected' }) + '</div></section>' +
      '<section class="card" aria-labelledby="top-title"><div class="card-head" style="padding-bottom:12px"><div><h2 id="top-title">Revenue by customer</h2><p>How much each customer was invoiced and how reliably they pay.</p></div></div>' +
        '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Revenue by customer</caption><thead><tr><th scope="col">Customer</th><th scope="col" class="num">Invoiced</th><th scope="col" class="num">Share</th><th scope="col" class="num">Paid on time</th><th scope="col" class="num">Avg. days to pay</th></tr></thead><tbody>' +
        shares.slice(0, 7).map(function (s) {
          return '<tr><td><div class="cust">' + custLogo(s.c, 26) + '<span class="cell-main">' + esc(s.c.name) + '</span></div></td><td class="num">' + money0(s.amount) + '</td>' +
            '<td class="num">' + (inv ? Math.round(s.amount / inv * 100) : 0) + '%</td><td class="num' + (s.onTime < 75 ? ' heat-3' : '') + '">' + s.onTime + '%</td><td class="num">' + s.days + '</td></tr>';
        }).join('') + '</tbody></table></div></section>';
  }
  function kpiSimple(label, value, meta) {
    return '<div class="card kpi"><div class="kpi-label">' + label + '</div><div class="kpi-value">' + value + '</div><div class="kpi-meta">' + meta + '</div></div>';
  }

  function agingPanel() {
    var a = agingData();
    var total = a.totals.reduce(function (s, v) { return s + v; }, 0);
    var pastDue = total - a.totals[0];
    return '<section class="card" aria-labelledby="aging-title" style="margin-bottom:20px"><div class="card-head"><div><h2 id="aging-title">Accounts receivable aging</h2>' +
        '<p>Unpaid balances grouped by how long they are past due, as of ' + dateLong(TODAY) + '.</p></div>' +
        '<a class="btn btn-sm" href="/invoices?status=overdue">View overdue invoices' + icon('chevron') + '</a></div>' +
      '<div class="card-body"><div class="chart-summary"><div><span class="lbl">Total receivables</span><span class="val">' + money0(total) + '</span></div>' +
        '<div><span class="lbl">Past due</span><span class="val" style="color:var(--red)">' + money0(pastDue) + ' <small class="muted" style="font-size:12px;font-weight:500">' + (total ? Math.round(pastDue / total * 100) : 0) + '%</small></span></div></div>' +
        '<div class="aging-bar" role="img" aria-label="' + a.names.map(function (n, i) { return n + ' ' + money0(a.totals[i]); }).join(', ') + '">' +
          a.totals.map(function (v, i) { return v > 0 ? '<div style="width:' + (v / total * 100).toFixed(2) + '%;background:' + a.colors[i] + '" title="' + a.names[i] + ': ' + money0(v) + '">' + (v / total > 0.08 ? moneyK(v) : '') + '</div>' : ''; }).join('') +
        '</div>' +
        '<div class="bucket-key">' + a.names.map(function (n, i) { return '<div><span class="lbl"><i style="width:9px;height:9px;border-radius:3px;display:inline-block;background:' + a.colors[i] + '"></i>' + n + '</span><span class="val">' + money0(a.totals[i]) + '</span></div>'; }).join('') + '</div>' +
      '</div></section>' +
      '<section class="card" aria-labelledby="aging-cust-title"><div class="card-head" style="padding-bottom:12px"><h2 id="aging-cust-title">By customer</h2></div>' +
        '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Aging by customer</caption><thead><tr><th scope="col">Customer</th>' +
          a.names.map(function (n) { return '<th scope="col" class="num">' + n + '</th>'; }).join('') + '<th scope="col" class="num">Total</th></tr></thead><tbody>' +
          a.rows.map(function (row) {
            var t = row.v.reduce(function (s, v) { return s + v; }, 0);
            return '<tr><td><div class="cust">' + custLogo(row.c, 26) + '<span class="cell-main">' + esc(row.c.name) + '</span></div></td>' +
              row.v.map(function (v, i) { return '<td class="num ' + (v ? 'heat-' + (i >= 3 ? 4 : i === 2 ? 3 : 0) : 'muted') + '">' + (v ? money0(v) : '—') + '</td>'; }).join('') +
              '<td class="num" style="font-weight:700">' + money0(t) + '</td></tr>';
          }).join('') +
        '</tbody></table></div></section>';
  }

  function taxPanel(data, r) {
    var inv = data.buckets.reduce(function (s, b) { return s + b.invoiced; }, 0);
    var taxable = Math.round(inv * 0.46);
    var rows = TAX_RATES.map(function (t, i) {
      var base = t.rate ? Math.round(taxable / Math.max(1, TAX_RATES.filter(function (x) { return x.rate; }).length)) : inv - taxable;
      return { t: t, base: base, tax: round2(base * t.rate / 100) };
    });
    var totalTax = rows.reduce(function (s, x) { return s + x.tax; }, 0);
    return '<div class="callout" style="margin-bottom:20px">' + icon('calendar') + '<div>Your next Washington combined excise tax return is due on <strong>' + dateLong(new Date(TODAY.getFullYear(), TODAY.getMonth() + 1, 25)) + '</strong>. Figures below use the tax rates from <a href="/settings#taxes">Settings › Taxes</a>.</div></div>' +
      '<section class="card" aria-labelledby="tax-title"><div class="card-head" style="padding-bottom:12px"><div><h2 id="tax-title">Sales tax collected</h2><p>' + esc(r.label) + ' · based on invoice dates</p></div></div>' +
      '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Sales tax by rate</caption><thead><tr><th scope="col">Tax rate</th><th scope="col">Region</th><th scope="col" class="num">Rate</th><th scope="col" class="num">Sales</th><th scope="col" class="num">Tax collected</th></tr></thead><tbody>' +
      rows.map(function (x) { return '<tr><td class="cell-main">' + esc(x.t.name) + '</td><td>' + esc(x.t.region) + '</td><td class="num">' + x.t.rate + '%</td><td class="num">' + money0(x.base) + '</td><td class="num">' + money(x.tax) + '</td></tr>'; }).join('') +
      '<tr><td class="cell-main" colspan="4">Total</td><td class="num cell-main">' + money(totalTax) + '</td></tr>' +
      '</tbody></table></div></section>';
  }

  function csvCell(v) { var s = String(v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function reportCsv(tab, data) {
    var lines = [];
    if (tab === 'aging') {
      var a = agingData();
      lines.push(['Customer'].concat(a.names).concat(['Total']));
      a.rows.forEach(function (row) { lines.push([row.c.name].concat(row.v.map(function (v) { return v.toFixed(2); })).concat([row.v.reduce(function (s, v) { return s + v; }, 0).toFixed(2)])); });
    } else if (tab === 'tax') {
      lines.push(['Tax rate', 'Rate %']);
      TAX_RATES.forEach(function (t) { lines.push([t.name, t.rate]); });
    } else {
      lines.push(['Period start', 'Period end', 'Invoiced', 'Collected']);
      data.buckets.forEach(function (b) { lines.push([isoDate(b.from), isoDate(b.to), b.invoiced, b.collected]); });
    }
    return { text: lines.map(function (l) { return l.map(csvCell).join(','); }).join('\n') + '\n', rows: lines.length - 1 };
  }

  /* ============================================================ customers */

  var SAMPLE_IMPORT = [
    ['name', 'contact', 'email', 'city', 'payment_terms'],
    ['Cedar & Stone Architects', 'Hannah Ito', 'accounts@cedarstone.example', 'Seattle, WA', 'Net 30'],
    ['Fjord Outdoor Co.', 'Erik Lund', 'ap@fjordoutdoor.example', 'Everett, WA', 'Net 15'],
    ['Golden Hour Media', 'Rosa Delgado', 'rosa@goldenhour.example', 'Los Angeles, CA', 'Net 30'],
    ['Ironwood Capital', 'Ben Okafor', 'finance@ironwood.example', 'New York, NY', 'Net 45'],
    ['Juniper Pediatrics', 'Dr. Mei Tan', 'billing@juniperpeds.example', 'Kirkland, WA', 'Net 15'],
    ['Lakeside Brewing', 'Chris Nolan', 'chris@lakesidebrew.example', 'Seattle, WA', 'Net 30'],
    ['Northwind Traders', 'Maya Chen', 'ap@northwind.example', 'Seattle, WA', 'Net 30'],
    ['Summit Physio', '', '', 'Bellevue, WA', 'Net 30']
  ];

  function parseCsv(text) {
    var rows = [], row = [], cell = '', q = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (q) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') q = false;
        else cell += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') { row.push(cell); cell = ''; }
      else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(cell); cell = '';
        if (row.some(function (c) { return c.trim(); })) rows.push(row);
        row = [];
      } else cell += ch;
    }
    row.push(cell);
    if (row.some(function (c) { return c.trim(); })) rows.push(row);
    return rows;
  }

  function importRows(rows) {
    var head = rows[0].map(function (h) { return h.trim().toLowerCase().replace(/[\s-]+/g, '_'); });
    function col(names) { for (var i = 0; i < names.length; i++) { var k = head.indexOf(names[i]); if (k >= 0) return k; } return -1; }
    var ci = { name: col(['name', 'company', 'customer', 'customer_name', 'company_name']), contact: col(['contact', 'contact_name', 'primary_contact']), email: col(['email', 'billing_email', 'e_mail']), city: col(['city', 'location']), terms: col(['payment_terms', 'terms']) };
    var res = { added: [], updated: 0, skipped: [] };
    rows.slice(1).forEach(function (r, idx) {
      var name = ci.name >= 0 ? (r[ci.name] || '').trim() : '';
      var email = ci.email >= 0 ? (r[ci.email] || '').trim() : '';
      if (!name || !/.+@.+\..+/.test(email)) { res.skipped.push('Row ' + (idx + 2) + (name ? ' (' + name + ')' : '') + ': missing ' + (!name ? 'name' : 'a valid email')); return; }
      var existing = CUSTOMERS.filter(function (c) { return c.name.toLowerCase() === name.toLowerCase(); })[0];
      var terms = ci.terms >= 0 ? parseInt(String(r[ci.terms]).replace(/\D/g, ''), 10) || 30 : 30;
      if (existing) { existing.email = email; res.updated++; return; }
      var c = {
        id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') + '-' + CUSTOMERS.length,
        name: name, contact: ci.contact >= 0 ? (r[ci.contact] || '').trim() || '—' : '—', email: email,
        city: ci.city >= 0 ? (r[ci.city] || '').trim() : '', terms: terms, color: CUSTOMER_COLORS[CUSTOMERS.length % CUSTOMER_COLORS.length],
        tax: /, ?WA$/.test(ci.city >= 0 ? r[ci.city] || '' : '') ? 'wa' : 'none', imported: true
      };
      CUSTOMERS.push(c); res.added.push(c);
    });
    return res;
  }

  function renderCustomers(root) {
    var stats = {};
    INVOICES.forEach(function (i) {
      var s = stats[i.customerId] || (stats[i.customerId] = { open: 0, overdue: 0, last: null, count: 0 });
      var st = invoiceStatus(i);
      if (st !== 'paid' && st !== 'draft') s.open += invoiceBalance(i);
      if (st === 'overdue') s.overdue += invoiceBalance(i);
      if (!s.last || i.issued > s.last) s.last = i.issued;
      s.count++;
    });
    var totalOpen = Object.keys(stats).reduce(function (s, k) { return s + stats[k].open; }, 0);
    var imp = uiState.lastImport;

    root.innerHTML =
      '<div class="page-head"><div><h1>Customers</h1><p class="page-sub">' + plural(CUSTOMERS.length, 'customer') + ' · ' + money0(totalOpen) + ' receivable</p></div>' +
        '<div class="page-actions">' +
          '<button type="button" class="btn" id="cust-import" data-pathlight="customers.import">' + icon('upload') + 'Import customers</button>' +
          '<button type="button" class="btn btn-primary" id="cust-add">' + icon('plus') + 'Add customer</button>' +
        '</div></div>' +
      (imp
        ? '<section class="card import-summary" data-pathlight="customers.import-summary" aria-labelledby="imp-title"><div class="card-body">' +
            '<div style="display:flex;justify-content:space-between;gap:12px;align-items:flex-start"><div><h2 id="imp-title">' + icon('check', 'inline-ico') + ' Import finished — ' + esc(imp.file) + '</h2>' +
            '<p class="muted" style="margin-top:4px">New customers are ready to invoice. Set their payment terms before you bill them.</p></div>' +
            '<button type="button" class="icon-btn" id="imp-dismiss" aria-label="Dismiss import summary">' + icon('close') + '</button></div>' +
            '<div class="stats"><div><strong style="color:var(--green)">' + imp.added + '</strong><span class="muted">added</span></div>' +
            '<div><strong>' + imp.updated + '</strong><span class="muted">updated (already existed)</span></div>' +
            '<div><strong style="color:' + (imp.skipped.length ? 'var(--amber)' : 'inherit') + '">' + imp.skipped.length + '</strong><span class="muted">skipped</span></div></div>' +
            (imp.skipped.length ? '<ul class="cell-sub" style="margin:10px 0 0;padding-left:18px">' + imp.skipped.map(function (s) { return '<li>' + esc(s) + '</li>'; }).join('') + '</ul>' : '') +
          '</div></section>'
        : '') +
      '<section class="card" aria-label="Customer list"><div class="table-toolbar"><div class="search-inline">' +
          '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5"/></svg>' +
          '<label class="visually-hidden" for="cust-search">Search customers</label><input class="input" id="cust-search" type="search" placeholder="Search customers"></div>' +
          '<span class="muted" style="font-size:13px">Payment terms set the default due date of new invoices.</span></div>' +
        '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Customers</caption><thead><tr>' +
          '<th scope="col">Customer</th><th scope="col">Billing contact</th><th scope="col">Payment terms</th><th scope="col" class="num">Open balance</th><th scope="col" class="num">Overdue</th><th scope="col">Last invoice</th><th scope="col"><span class="visually-hidden">Actions</span></th>' +
        '</tr></thead><tbody id="cust-rows"></tbody></table></div></section>';

    function draw(q) {
      q = (q || '').toLowerCase();
      $('#cust-rows', root).innerHTML = CUSTOMERS.filter(function (c) {
        return !q || (c.name + ' ' + c.contact + ' ' + c.email + ' ' + c.city).toLowerCase().indexOf(q) !== -1;
      }).sort(function (a, b) { return (b.imported ? 1 : 0) - (a.imported ? 1 : 0); }).map(function (c) {
        var s = stats[c.id] || { open: 0, overdue: 0, last: null };
        return '<tr><td><div class="cust">' + custLogo(c) + '<div><div class="cell-main">' + esc(c.name) + (c.imported ? ' <span class="tag">Imported</span>' : '') + '</div><div class="cell-sub">' + esc(c.city || '—') + '</div></div></div></td>' +
          '<td><div>' + esc(c.contact) + '</div><div class="cell-sub">' + esc(c.email) + '</div></td>' +
          '<td><div style="display:flex;gap:8px;align-items:center"><span class="tag">' + (c.terms ? 'Net ' + c.terms : 'Due on receipt') + '</span>' +
            '<button type="button" class="link-btn" data-terms="' + esc(c.id) + '" data-pathlight="customers.terms" aria-label="Edit payment terms for ' + esc(c.name) + '">Edit</button></div></td>' +
          '<td class="num">' + (s.open ? money0(s.open) : '<span class="muted">—</span>') + '</td>' +
          '<td class="num">' + (s.overdue ? '<span class="heat-4">' + money0(s.overdue) + '</span>' : '<span class="muted">—</span>') + '</td>' +
          '<td class="nowrap">' + (s.last ? dateShort(s.last) : '<span class="muted">Never</span>') + '</td>' +
          '<td class="right"><a class="btn btn-xs" href="/invoices?new=1&amp;customer=' + encodeURIComponent(c.id) + '">New invoice</a></td></tr>';
      }).join('');
    }
    draw('');

    $('#cust-search', root).addEventListener('input', function (e) { draw(e.target.value.trim()); });
    $('#cust-rows', root).addEventListener('click', function (e) {
      var b = e.target.closest('[data-terms]');
      if (b) openTermsDialog(customerById(b.getAttribute('data-terms')));
    });
    $('#cust-import', root).addEventListener('click', openImportDialog);
    $('#cust-add', root).addEventListener('click', openAddCustomer);
    var dismiss = $('#imp-dismiss', root);
    if (dismiss) dismiss.addEventListener('click', function () { uiState.lastImport = null; render({ keepScroll: true }); });
    return 'Customers';
  }

  function termsOptions(selected) {
    return [0, 7, 15, 30, 45, 60].map(function (t) { return '<option value="' + t + '"' + (t === selected ? ' selected' : '') + '>' + (t ? 'Net ' + t + ' — due ' + t + ' days after the invoice date' : 'Due on receipt') + '</option>'; }).join('');
  }

  function openTermsDialog(c) {
    if (!c) return;
    var drafts = INVOICES.filter(function (i) { return i.customerId === c.id && i.draft; });
    openDialog({
      title: 'Payment terms',
      subtitle: esc(c.name),
      body:
        '<div class="field"><label for="pt-terms">Default payment terms</label><select class="select" id="pt-terms" name="terms">' + termsOptions(c.terms) + '</select>' +
          '<span class="hint">Used for the due date of every new invoice to this customer. Your workspace default is Net 30.</span></div>' +
        '<div class="field"><label for="pt-late">Late fee</label><select class="select" id="pt-late" name="late"><option>No late fee</option><option>1.5% per month on overdue balance</option><option>$25 flat fee after 30 days</option></select></div>' +
        '<label class="checkbox"><input type="checkbox" name="drafts"' + (drafts.length ? ' checked' : ' disabled') + '> <span>Also update ' + plural(drafts.length, 'open draft') + ' for this customer</span></label>',
      submitLabel: 'Save terms',
      onSubmit: function (form) {
        c.terms = +form.terms.value;
        if (form.drafts.checked) drafts.forEach(function (i) { i.terms = c.terms; i.due = addDays(i.issued, c.terms); });
        track('customer_terms_updated');
        toast(esc(c.name) + ' now pays ' + (c.terms ? 'Net ' + c.terms : 'on receipt') + '.', { icon: 'calendar' });
        setTimeout(function () { render({ keepScroll: true }); }, 0);
      }
    });
  }

  function openImportDialog() {
    var pending = null;
    openDialog({
      title: 'Import customers',
      subtitle: 'Bring your customer list over from a spreadsheet or another tool.',
      body:
        '<div class="dropzone" id="imp-drop">' + icon('upload') +
          '<strong>Upload a CSV file</strong><span class="muted" style="font-size:13px">Columns: name, email, contact, city, payment_terms. Existing customers are matched by name and updated.</span>' +
          '<div style="display:flex;gap:8px;margin-top:8px;flex-wrap:wrap;justify-content:center">' +
            '<label class="btn btn-sm" for="imp-file">Choose file…</label><input id="imp-file" type="file" accept=".csv,text/csv" class="visually-hidden">' +
            '<button type="button" class="btn btn-sm btn-ghost" id="imp-sample">Use sample file</button></div>' +
        '</div>' +
        '<div id="imp-preview" hidden style="margin-top:14px"></div>',
      submitLabel: 'Import',
      onOpen: function (form) {
        var submit = form.querySelector('[data-dlg-submit]');
        submit.disabled = true;
        function preview(name, rows) {
          if (!rows.length || rows.length < 2) { toast('That file has no customer rows.', { icon: 'alert' }); return; }
          pending = { file: name, rows: rows };
          var p = $('#imp-preview', form);
          p.hidden = false;
          p.innerHTML = '<div class="callout">' + icon('file') + '<div><strong>' + esc(name) + '</strong> · ' + plural(rows.length - 1, 'row') + ' found. Column mapping:</div></div>' +
            '<table class="mapping"><tbody>' + rows[0].map(function (h) { return '<tr><td><code>' + esc(h) + '</code></td><td class="muted">→ ' + esc(h.replace(/_/g, ' ')) + '</td></tr>'; }).join('') + '</tbody></table>';
          submit.disabled = false;
          submit.textContent = 'Import ' + plural(rows.length - 1, 'row');
        }
        $('#imp-sample', form).addEventListener('click', function () { preview('customers-sample.csv', SAMPLE_IMPORT); });
        $('#imp-file', form).addEventListener('change', function (e) {
          var f = e.target.files && e.target.files[0];
          if (!f) return;
          var reader = new FileReader();
          reader.onload = function () { preview(f.name, parseCsv(String(reader.result))); };
          reader.readAsText(f);
        });
      },
      onSubmit: function () {
        if (!pending) return false;
        var res = importRows(pending.rows);
        uiState.lastImport = { file: pending.file, added: res.added.length, updated: res.updated, skipped: res.skipped };
        track('customers_imported');
        setTimeout(function () { render({ keepScroll: false }); }, 0);
      }
    });
  }

  function openAddCustomer() {
    openDialog({
      title: 'Add customer',
      body:
        '<div class="field"><label for="ac-name">Company name</label><input class="input" id="ac-name" name="name" required></div>' +
        '<div class="form-row"><div class="field"><label for="ac-contact">Billing contact</label><input class="input" id="ac-contact" name="contact"></div>' +
        '<div class="field"><label for="ac-email">Billing email</label><input class="input" id="ac-email" name="email" type="email" required></div></div>' +
        '<div class="form-row"><div class="field"><label for="ac-city">City</label><input class="input" id="ac-city" name="city" placeholder="Seattle, WA"></div>' +
        '<div class="field"><label for="ac-terms">Payment terms</label><select class="select" id="ac-terms" name="terms">' + [0, 7, 15, 30, 45, 60].map(function (t) { return '<option value="' + t + '"' + (t === 30 ? ' selected' : '') + '>' + (t ? 'Net ' + t : 'Due on receipt') + '</option>'; }).join('') + '</select></div></div>',
      submitLabel: 'Add customer',
      onSubmit: function (form) {
        var name = form.name.value.trim();
        CUSTOMERS.push({
          id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '-' + CUSTOMERS.length, name: name, contact: form.contact.value.trim() || '—',
          email: form.email.value.trim(), city: form.city.value.trim(), terms: +form.terms.value,
          color: CUSTOMER_COLORS[CUSTOMERS.length % CUSTOMER_COLORS.length], tax: /WA$/.test(form.city.value.trim()) ? 'wa' : 'none'
        });
        track('customer_added');
        toast(esc(name) + ' added.', { icon: 'users' });
        setTimeout(function () { render({ keepScroll: true }); }, 0);
      }
    });
  }

  /* ================================================================= team */

  function memberAvatar(m) {
    return '<span class="avatar" style="background:' + m.color + ';color:#1f2937" aria-hidden="true">' + esc(initials(m.name || m.email)) + '</span>';
  }

  function renderTeam(root) {
    var used = TEAM.length;
    var PERMS = [
      ['Create & send invoices', 1, 1, 1, 1, 0],
      ['Record payments & refunds', 1, 1, 1, 0, 0],
      ['View reports & export', 1, 1, 1, 0, 1],
      ['Manage customers', 1, 1, 1, 1, 0],
      ['Settings, taxes & payment methods', 1, 1, 0, 0, 0],
      ['Invite teammates & change roles', 1, 1, 0, 0, 0],
      ['Billing & plan', 1, 0, 0, 0, 0]
    ];
    root.innerHTML =
      '<div class="page-head"><div><h1>Team</h1><p class="page-sub">People who can access ' + esc(COMPANY.name) + ' in Acme Ledger.</p></div>' +
        '<div class="page-actions"><button type="button" class="btn btn-primary" id="team-invite" data-pathlight="team.invite">' + icon('plus') + 'Invite teammate</button></div></div>' +
      '<div class="grid team-grid">' +
        '<div class="col">' +
          '<section class="card" aria-labelledby="members-title"><div class="card-head" style="padding-bottom:12px"><div><h2 id="members-title">Members</h2><p>Change a role at any time — it takes effect on the member’s next page load.</p></div></div>' +
          '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Team members</caption><thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>' +
          TEAM.map(function (m) {
            var roleCell;
            if (m.role === 'owner') roleCell = '<span class="tag">Owner</span>';
            else if (m.you) roleCell = '<span class="tag">' + ROLES[m.role].label + '</span> <span class="cell-sub">(you)</span>';
            else roleCell = '<label class="visually-hidden" for="role-' + m.id + '">Role for ' + esc(m.name || m.email) + '</label>' +
              '<select class="select" id="role-' + m.id + '" data-member="' + m.id + '" data-pathlight="team.roles" style="height:32px;width:120px">' +
              ['admin', 'finance', 'sales', 'viewer'].map(function (r) { return '<option value="' + r + '"' + (r === m.role ? ' selected' : '') + '>' + ROLES[r].label + '</option>'; }).join('') + '</select>';
            return '<tr><td><div class="member">' + memberAvatar(m) + '<div><div class="cell-main">' + esc(m.name || m.email) + (m.you ? ' <span class="cell-sub">· you</span>' : '') + '</div><div class="cell-sub">' + esc(m.email) + '</div></div></div></td>' +
              '<td>' + roleCell + '</td>' +
              '<td>' + (m.status === 'invited' ? '<span class="pill pill-pending">Invited</span>' : '<span class="pill pill-paid">Active</span>') + '<div class="cell-sub nowrap" style="margin-top:3px">' + (m.status === 'invited' ? esc(m.lastActive) : 'Seen ' + esc(m.lastActive.toLowerCase())) + '</div></td>' +
              '<td class="right">' + (m.role === 'owner' || m.you ? '' : m.status === 'invited'
                ? '<button type="button" class="btn btn-xs btn-ghost" data-resend="' + m.id + '">Resend</button>'
                : '<button type="button" class="btn btn-xs btn-ghost" data-remove="' + m.id + '" aria-label="Remove ' + esc(m.name) + '">Remove</button>') + '</td></tr>';
          }).join('') +
          '</tbody></table></div></section>' +
          '<section class="card" aria-labelledby="roles-title"><div class="card-head"><div><h2 id="roles-title">What each role can do</h2><p>Give people the least access they need. Roles apply across the whole workspace.</p></div></div><div class="card-body" style="padding-top:8px">' +
            '<div class="table-scroll"><table class="role-grid"><thead><tr><th scope="col">Permission</th><th scope="col">Owner</th><th scope="col">Admin</th><th scope="col">Finance</th><th scope="col">Sales</th><th scope="col">Viewer</th></tr></thead><tbody>' +
            PERMS.map(function (p) { return '<tr><td>' + p[0] + '</td>' + p.slice(1).map(function (v) { return v ? '<td class="yes" aria-label="Yes">✓</td>' : '<td class="no" aria-label="No">–</td>'; }).join('') + '</tr>'; }).join('') +
            '</tbody></table></div></div></section>' +
        '</div>' +
        '<div class="col">' +
          '<section class="card" aria-labelledby="seats-title"><div class="card-body"><h2 id="seats-title">Seats</h2>' +
            '<div class="kpi-value">' + used + ' <span class="muted" style="font-size:15px;font-weight:500">of ' + SEATS + ' used</span></div>' +
            '<div class="progress"><span style="width:' + Math.min(100, used / SEATS * 100) + '%"></span></div>' +
            '<p class="cell-sub">Viewers are free on paid plans. External accountants can be added as Viewers.</p></div></section>' +
          '<section class="card" aria-labelledby="acct-title"><div class="card-body"><h2 id="acct-title">Working with an accountant?</h2>' +
            '<p class="cell-sub" style="margin-top:6px">Invite them as a <strong>Viewer</strong>: they can read every invoice and export reports at month-end, but can’t send or change anything.</p></div></section>' +
        '</div>' +
      '</div>';

    root.querySelector('tbody').addEventListener('change', function (e) {
      var sel = e.target.closest('select[data-member]');
      if (!sel) return;
      var m = TEAM.filter(function (x) { return x.id === sel.getAttribute('data-member'); })[0];
      m.role = sel.value;
      toast(esc(m.name || m.email) + ' is now ' + ROLES[m.role].label + '. ' + ROLES[m.role].desc, { icon: 'users' });
      track('role_changed');
    });
    root.querySelector('tbody').addEventListener('click', function (e) {
      var rs = e.target.closest('[data-resend]'), rm = e.target.closest('[data-remove]');
      if (rs) toast('Invitation resent.', { icon: 'send' });
      if (rm) {
        var id = rm.getAttribute('data-remove'), m = TEAM.filter(function (x) { return x.id === id; })[0];
        if (window.confirm('Remove ' + m.name + ' from the workspace?')) {
          TEAM.splice(TEAM.indexOf(m), 1);
          toast(esc(m.name) + ' was removed.', { icon: 'users' });
          render({ keepScroll: true });
        }
      }
    });
    $('#team-invite', root).addEventListener('click', openInviteDialog);
    return 'Team';
  }

  function openInviteDialog() {
    openDialog({
      title: 'Invite teammates',
      subtitle: 'They’ll get an email with a link to join ' + esc(COMPANY.name) + '.',
      body:
        '<div class="field"><label for="iv-emails">Email addresses</label><textarea class="textarea" id="iv-emails" name="emails" rows="2" required placeholder="alex@birchwood.example, sam@birchwood.example"></textarea>' +
          '<span class="hint">Separate several addresses with commas.</span></div>' +
        '<fieldset class="field" style="border:0;padding:0;margin:0 0 14px"><legend class="label" style="font-weight:600;font-size:13px;margin-bottom:6px">Role</legend>' +
          ['finance', 'sales', 'viewer', 'admin'].map(function (r, i) {
            return '<label class="checkbox"><input type="radio" name="role" value="' + r + '"' + (i === 0 ? ' checked' : '') + '><span><strong>' + ROLES[r].label + '</strong> <span class="muted">— ' + ROLES[r].desc + '</span></span></label>';
          }).join('') + '</fieldset>' +
        '<div class="field"><label for="iv-msg">Personal message <span class="muted" style="font-weight:400">(optional)</span></label><input class="input" id="iv-msg" name="msg" placeholder="Welcome aboard!"></div>',
      submitLabel: icon('send') + 'Send invites',
      onSubmit: function (form) {
        var emails = form.emails.value.split(/[\s,;]+/).map(function (s) { return s.trim(); }).filter(Boolean);
        var bad = emails.filter(function (e) { return !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e); });
        var ta = form.emails;
        if (!emails.length || bad.length) {
          ta.setCustomValidity(bad.length ? 'Check these addresses: ' + bad.join(', ') : 'Enter at least one email address.');
          ta.reportValidity();
          ta.addEventListener('input', function () { ta.setCustomValidity(''); }, { once: true });
          return false;
        }
        var role = form.role.value;
        var palette = ['#fed7aa', '#bbf7d0', '#e9d5ff', '#fecaca', '#c7d2fe'];
        emails.forEach(function (e, i) {
          TEAM.push({ id: 'u' + (TEAM.length + 10 + i), name: '', email: e, role: role, status: 'invited', lastActive: 'Invitation sent today', color: palette[(TEAM.length + i) % palette.length] });
        });
        track('teammate_invited');
        toast(plural(emails.length, 'invitation') + ' sent as ' + ROLES[role].label + '.', { icon: 'send' });
        setTimeout(function () { render({ keepScroll: true }); }, 0);
      }
    });
  }

  /* ============================================================= settings */

  var BRAND_COLORS = ['#0f766e', '#1d4ed8', '#7c3aed', '#be123c', '#c2410c', '#15803d', '#0f172a'];
  var SETTINGS_SECTIONS = [
    { id: 'profile', label: 'Company profile' },
    { id: 'branding', label: 'Invoice branding' },
    { id: 'payments', label: 'Payment methods' },
    { id: 'taxes', label: 'Taxes' },
    { id: 'reminders', label: 'Payment reminders' },
    { id: 'api', label: 'API & integrations' }
  ];

  function renderSettings(root) {
    var draftBrand = { color: brand.color, logo: brand.logo, footer: brand.footer, payButton: brand.payButton };

    root.innerHTML =
      '<div class="page-head"><div><h1>Settings</h1><p class="page-sub">Workspace settings for ' + esc(COMPANY.name) + '. Changes apply to everyone on your team.</p></div></div>' +
      '<div class="settings-layout">' +
        '<nav class="settings-nav" aria-label="Settings sections"><ul>' +
          SETTINGS_SECTIONS.map(function (s, i) { return '<li><a href="/settings#' + s.id + '" data-section="' + s.id + '"' + (i === 0 ? ' class="active"' : '') + '>' + s.label + '</a></li>'; }).join('') +
        '</ul></nav>' +
        '<div class="settings-sections">' +

        /* ---- profile */
        '<section class="card" id="profile" aria-labelledby="profile-title"><form id="profile-form">' +
          '<div class="card-head"><div><h2 id="profile-title">Company profile</h2><p>Appears on invoices, receipts and reminder emails.</p></div></div>' +
          '<div class="card-body">' +
            '<div class="form-row"><div class="field"><label for="pf-name">Legal name</label><input class="input" id="pf-name" value="' + esc(COMPANY.legal) + '"></div>' +
            '<div class="field"><label for="pf-email">Billing email</label><input class="input" id="pf-email" type="email" value="' + esc(COMPANY.email) + '"><span class="hint">Customers reply to this address.</span></div></div>' +
            '<div class="form-row"><div class="field"><label for="pf-address">Address</label><textarea class="textarea" id="pf-address" rows="2">' + esc(COMPANY.address) + '</textarea></div>' +
            '<div><div class="field"><label for="pf-currency">Base currency</label><select class="select" id="pf-currency"><option selected>USD — US dollar</option><option>CAD — Canadian dollar</option><option>EUR — Euro</option><option>GBP — British pound</option></select></div>' +
            '<div class="field"><label for="pf-fy">Fiscal year starts</label><select class="select" id="pf-fy"><option selected>January</option><option>April</option><option>July</option><option>October</option></select></div></div></div>' +
          '</div><div class="card-foot"><button type="submit" class="btn btn-primary">Save profile</button></div></form></section>' +

        /* ---- branding */
        '<section class="card" id="branding" data-pathlight="settings.branding" aria-labelledby="branding-title"><form id="branding-form">' +
          '<div class="card-head"><div><h2 id="branding-title">Invoice branding</h2><p>Your logo and colour on invoices, the payment page and emails.</p></div></div>' +
          '<div class="card-body"><div class="section-grid"><div>' +
            '<div class="field"><span class="label" id="logo-label">Logo</span><div class="logo-drop"><div class="paper-logo" id="br-logo-prev" style="background:' + esc(brand.color) + '">BC</div>' +
              '<div style="flex:1"><div class="cell-sub">PNG or SVG, at least 200 px wide. Shown top-left on invoices.</div>' +
              '<label class="btn btn-sm" for="br-logo" style="margin-top:8px">' + icon('upload') + 'Upload logo</label>' +
              '<input id="br-logo" type="file" accept="image/png,image/svg+xml,image/jpeg" class="visually-hidden" aria-labelledby="logo-label"></div></div></div>' +
            '<div class="field"><span class="label" id="color-label">Brand colour</span><div class="swatches" role="group" aria-labelledby="color-label">' +
              BRAND_COLORS.map(function (c) { return '<button type="button" class="swatch" data-color="' + c + '" style="background:' + c + '" aria-label="Use colour ' + c + '" aria-pressed="' + (c === brand.color) + '"></button>'; }).join('') +
              '<label class="visually-hidden" for="br-hex">Custom colour (hex)</label><input class="input" id="br-hex" value="' + esc(brand.color) + '" style="width:110px;height:32px;font-family:var(--mono)" pattern="#[0-9a-fA-F]{6}">' +
            '</div></div>' +
            '<div class="field"><label for="br-footer">Invoice footer</label><textarea class="textarea" id="br-footer" rows="3">' + esc(brand.footer) + '</textarea></div>' +
            '<label class="checkbox"><input type="checkbox" id="br-pay"' + (brand.payButton ? ' checked' : '') + '> <span>Show a <strong>Pay now</strong> button on invoices and emails</span></label>' +
          '</div>' +
          '<div><p class="label" style="font-weight:600;font-size:13px;margin-bottom:6px">Preview</p><div class="mini-invoice" id="br-preview" aria-hidden="true"></div></div>' +
          '</div></div>' +
          '<div class="card-foot"><button type="button" class="btn" id="br-reset">Reset</button><button type="submit" class="btn btn-primary">Save branding</button></div></form></section>' +

        /* ---- payment methods */
        '<section class="card" id="payments" data-pathlight="settings.payment-methods" aria-labelledby="payments-title">' +
          '<div class="card-head"><div><h2 id="payments-title">Payment methods</h2><p>How customers can pay from the invoice email or payment link. Payouts go to Chase ••6120.</p></div></div>' +
          '<div class="card-body" style="padding-top:6px" id="pm-list">' +
            PAYMENT_METHODS.map(function (m) {
              return '<div class="method"><span class="method-logo" aria-hidden="true">' + m.logo + '</span><div class="grow"><div class="cell-main" id="pm-' + m.id + '-l">' + esc(m.name) + '</div><div class="fee">' + esc(m.fee) + ' · ' + esc(m.note) + '</div></div>' +
                '<span class="switch"><input type="checkbox" role="switch" data-method="' + m.id + '" aria-labelledby="pm-' + m.id + '-l"' + (m.enabled ? ' checked' : '') + '><span class="track" aria-hidden="true"></span></span></div>';
            }).join('') +
          '</div></section>' +

        /* ---- taxes */
        '<section class="card" id="taxes" data-pathlight="settings.tax" aria-labelledby="taxes-title">' +
          '<div class="card-head"><div><h2 id="taxes-title">Taxes</h2><p>Rates you can apply to invoice lines. The default rate is pre-selected on new invoices.</p></div></div>' +
          '<div class="card-body"><div class="table-scroll" style="border:1px solid var(--border);border-radius:9px"><table class="data"><caption class="visually-hidden">Tax rates</caption><thead><tr><th scope="col">Name</th><th scope="col">Region</th><th scope="col" class="num">Rate</th><th scope="col">Default</th></tr></thead><tbody id="tax-rows"></tbody></table></div>' +
            '<form id="tax-form" style="margin-top:16px"><h3 style="margin-bottom:10px">Add a tax rate</h3><div class="form-row three">' +
              '<div class="field"><label for="tx-name">Name</label><input class="input" id="tx-name" name="name" required placeholder="e.g. Oregon CAT"></div>' +
              '<div class="field"><label for="tx-rate">Rate (%)</label><input class="input" id="tx-rate" name="rate" type="number" min="0" max="30" step="0.001" required placeholder="8.25"></div>' +
              '<div class="field"><label for="tx-region">Region</label><input class="input" id="tx-region" name="region" placeholder="State, province or country"></div>' +
            '</div><div style="display:flex;gap:12px;align-items:center;flex-wrap:wrap"><label class="checkbox" style="margin:0"><input type="checkbox" name="isDefault"> <span>Make default</span></label>' +
            '<button type="submit" class="btn" style="margin-left:auto">' + icon('plus') + 'Add tax rate</button></div></form>' +
            '<div class="field" style="margin-top:18px;margin-bottom:0"><label for="tx-id">Tax ID shown on invoices</label><input class="input" id="tx-id" value="' + esc(COMPANY.taxId) + '" style="max-width:320px"></div>' +
          '</div></section>' +

        /* ---- reminders */
        '<section class="card" id="reminders" data-pathlight="settings.reminders" aria-labelledby="reminders-title"><form id="rem-form">' +
          '<div class="card-head"><div><h2 id="reminders-title">Automatic payment reminders</h2><p>Emails sent for you on a schedule until the invoice is paid. They stop as soon as a payment is recorded.</p></div>' +
            '<span class="switch"><input type="checkbox" role="switch" id="rem-enabled" aria-label="Send automatic reminders"' + (REMINDERS.enabled ? ' checked' : '') + '><span class="track" aria-hidden="true"></span></span></div>' +
          '<div class="card-body"><div class="reminder-steps">' +
            REMINDERS.steps.map(function (s) {
              var when = s.offset < 0 ? plural(-s.offset, 'day') + ' before due' : s.offset === 0 ? 'On the due date' : plural(s.offset, 'day') + ' after due';
              return '<div class="reminder-step"><label class="checkbox" style="margin:0"><input type="checkbox" data-step="' + s.id + '"' + (s.on ? ' checked' : '') + '><span class="visually-hidden">Enable: ' + when + '</span></label>' +
                '<span class="tag when">' + when + '</span><div class="grow"><div class="cell-main">' + esc(s.label) + '</div><div class="cell-sub">“' + esc(s.tone) + '”</div></div></div>';
            }).join('') +
          '</div><p class="cell-sub" style="margin-top:12px">Placeholders like <code>{number}</code> and <code>{payment_link}</code> are filled in for each invoice.</p></div>' +
          '<div class="card-foot"><button type="submit" class="btn btn-primary">Save schedule</button></div></form></section>' +

        /* ---- API */
        '<section class="card" id="api" aria-labelledby="api-title">' +
          '<div class="card-head"><div><h2 id="api-title">API &amp; integrations</h2><p>Connect Acme Ledger to your CRM, accounting system or data warehouse.</p></div></div>' +
          '<div class="card-body">' +
            '<p class="label" style="font-weight:600;font-size:13px;margin-bottom:6px">Secret API key</p>' +
            '<acme-api-key environment="live" key-id="3f9a" created="' + esc(dateLong(addDays(TODAY, -64))) + '"></acme-api-key>' +
            '<h3 style="margin:20px 0 6px">Webhooks</h3>' +
            '<ul class="list"><li><code class="grow">https://hooks.birchwood.example/ledger</code><span class="tag">invoice.paid</span><span class="tag">invoice.overdue</span><span class="pill pill-paid">Healthy</span></li></ul>' +
            '<h3 style="margin:16px 0 6px">Connected apps</h3>' +
            '<ul class="list"><li><span class="method-logo" aria-hidden="true">QB</span><div class="grow"><div class="cell-main">QuickBooks Online</div><div class="cell-sub">Syncs paid invoices nightly</div></div><button type="button" class="btn btn-xs" data-action="help">Manage</button></li>' +
            '<li><span class="method-logo" aria-hidden="true">HS</span><div class="grow"><div class="cell-main">HubSpot</div><div class="cell-sub">Not connected</div></div><button type="button" class="btn btn-xs" data-action="help">Connect</button></li></ul>' +
          '</div></section>' +
        '</div></div>';

    /* profile */
    $('#profile-form', root).addEventListener('submit', function (e) {
      e.preventDefault();
      COMPANY.legal = $('#pf-name', root).value.trim() || COMPANY.legal;
      COMPANY.email = $('#pf-email', root).value.trim() || COMPANY.email;
      COMPANY.address = $('#pf-address', root).value.trim() || COMPANY.address;
      toast('Company profile saved.');
    });

    /* branding */
    function drawPreview() {
      var p = $('#br-preview', root);
      p.innerHTML = '<div class="bar" style="background:' + esc(draftBrand.color) + '"></div>' +
        '<div style="display:flex;justify-content:space-between;align-items:center;margin-bottom:10px">' +
          (draftBrand.logo ? '<img src="' + draftBrand.logo + '" alt="" style="max-height:28px;max-width:90px">' : '<span class="paper-logo" style="width:28px;height:28px;font-size:10px;border-radius:7px;background:' + esc(draftBrand.color) + '">BC</span>') +
          '<strong style="color:' + esc(draftBrand.color) + ';letter-spacing:.05em">INVOICE</strong></div>' +
        '<div class="line" style="width:70%"></div><div class="line" style="width:90%"></div><div class="line" style="width:55%"></div>' +
        '<div style="display:flex;justify-content:space-between;margin-top:10px;font-weight:700"><span>Total due</span><span style="color:' + esc(draftBrand.color) + '">$4,180.00</span></div>' +
        (draftBrand.payButton ? '<span class="btnlike" style="background:' + esc(draftBrand.color) + '">Pay now</span>' : '') +
        '<p class="cell-sub" style="margin-top:10px;font-size:11px">' + esc(draftBrand.footer) + '</p>';
      var lp = $('#br-logo-prev', root);
      if (draftBrand.logo) lp.outerHTML = '<img id="br-logo-prev" src="' + draftBrand.logo + '" alt="Logo preview" style="max-height:44px;max-width:120px">';
      else lp.style.background = draftBrand.color;
    }
    drawPreview();
    var bform = $('#branding-form', root);
    bform.addEventListener('click', function (e) {
      var sw = e.target.closest('.swatch');
      if (!sw) return;
      draftBrand.color = sw.getAttribute('data-color');
      $('#br-hex', root).value = draftBrand.color;
      $all('.swatch', bform).forEach(function (x) { x.setAttribute('aria-pressed', String(x === sw)); });
      drawPreview();
    });
    $('#br-hex', root).addEventListener('input', function (e) {
      if (/^#[0-9a-fA-F]{6}$/.test(e.target.value)) {
        draftBrand.color = e.target.value.toLowerCase();
        $all('.swatch', bform).forEach(function (x) { x.setAttribute('aria-pressed', String(x.getAttribute('data-color') === draftBrand.color)); });
        drawPreview();
      }
    });
    $('#br-footer', root).addEventListener('input', function (e) { draftBrand.footer = e.target.value; drawPreview(); });
    $('#br-pay', root).addEventListener('change', function (e) { draftBrand.payButton = e.target.checked; drawPreview(); });
    $('#br-logo', root).addEventListener('change', function (e) {
      var f = e.target.files && e.target.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () { draftBrand.logo = String(reader.result); drawPreview(); };
      reader.readAsDataURL(f);
    });
    $('#br-reset', root).addEventListener('click', function () {
      draftBrand = { color: '#0f766e', logo: null, footer: brand.footer, payButton: true };
      $('#br-hex', root).value = draftBrand.color;
      $all('.swatch', bform).forEach(function (x) { x.setAttribute('aria-pressed', String(x.getAttribute('data-color') === draftBrand.color)); });
      var img = $('#br-logo-prev', root);
      if (img.tagName === 'IMG') img.outerHTML = '<div class="paper-logo" id="br-logo-prev">BC</div>';
      drawPreview();
    });
    bform.addEventListener('submit', function (e) {
      e.preventDefault();
      brand.color = draftBrand.color; brand.logo = draftBrand.logo; brand.footer = draftBrand.footer; brand.payButton = draftBrand.payButton;
      toast('Branding saved. New and existing invoices use it right away.', { href: '/invoices/INV-1042', linkText: 'Preview invoice' });
      track('branding_saved');
    });

    /* payment methods */
    $('#pm-list', root).addEventListener('change', function (e) {
      var input = e.target.closest('input[data-method]');
      if (!input) return;
      var m = PAYMENT_METHODS.filter(function (x) { return x.id === input.getAttribute('data-method'); })[0];
      if (!input.checked && PAYMENT_METHODS.filter(function (x) { return x.enabled; }).length === 1) {
        input.checked = true;
        toast('Keep at least one payment method turned on.', { icon: 'alert' });
        return;
      }
      m.enabled = input.checked;
      if (m.enabled) {
        toast(esc(m.name) + ' enabled. It now appears on every payment link.', { icon: 'cash' });
        track('payment_method_enabled');
      } else {
        toast(esc(m.name) + ' turned off.', { icon: 'info' });
      }
    });

    /* taxes */
    function drawTaxes() {
      $('#tax-rows', root).innerHTML = TAX_RATES.map(function (t) {
        return '<tr><td class="cell-main">' + esc(t.name) + '</td><td>' + esc(t.region || '—') + '</td><td class="num">' + t.rate + '%</td><td>' + (t.isDefault ? '<span class="pill pill-open">Default</span>' : '') + '</td></tr>';
      }).join('');
    }
    drawTaxes();
    $('#tax-form', root).addEventListener('submit', function (e) {
      e.preventDefault();
      var f = e.target;
      if (!f.checkValidity()) { f.reportValidity(); return; }
      var t = { id: 'tax-' + TAX_RATES.length, name: f.name.value.trim(), rate: round2(parseFloat(f.rate.value)), region: f.region.value.trim(), isDefault: f.isDefault.checked };
      if (t.isDefault) TAX_RATES.forEach(function (x) { x.isDefault = false; });
      TAX_RATES.push(t);
      f.reset();
      drawTaxes();
      toast(esc(t.name) + ' (' + t.rate + '%) added. Pick it on any invoice line.', { icon: 'check' });
      track('tax_rate_added');
    });

    /* reminders */
    $('#rem-form', root).addEventListener('submit', function (e) {
      e.preventDefault();
      REMINDERS.enabled = $('#rem-enabled', root).checked;
      $all('[data-step]', root).forEach(function (cb) {
        REMINDERS.steps.forEach(function (s) { if (s.id === cb.getAttribute('data-step')) s.on = cb.checked; });
      });
      var n = REMINDERS.steps.filter(function (s) { return s.on; }).length;
      toast(REMINDERS.enabled ? 'Reminder schedule saved: ' + plural(n, 'email') + ' per unpaid invoice.' : 'Schedule saved. Automatic reminders are off — turn on the switch to start sending.', { icon: 'bell' });
      track('reminder_schedule_saved');
    });

    /* highlight the section in view */
    var links = $all('.settings-nav a', root);
    function spy() {
      var current = SETTINGS_SECTIONS[0].id;
      SETTINGS_SECTIONS.forEach(function (s) {
        var el = document.getElementById(s.id);
        if (el && el.getBoundingClientRect().top < 160) current = s.id;
      });
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4) current = SETTINGS_SECTIONS[SETTINGS_SECTIONS.length - 1].id;
      links.forEach(function (a) { a.classList.toggle('active', a.getAttribute('data-section') === current); });
    }
    window.addEventListener('scroll', spy, { passive: true });
    onLeave(function () { window.removeEventListener('scroll', spy); });
    later(spy, 50);
    return 'Settings';
  }

  /* ====================================================== <acme-api-key> */
  /* A small custom element with an OPEN shadow root; its copy button is a
     Pathlight anchor (settings.api-key) living inside the shadow tree. */

  if (window.customElements && !window.customElements.get('acme-api-key')) {
    class AcmeApiKey extends HTMLElement {
      connectedCallback() { connectApiKey(this); }
    }
    var connectApiKey = function (el) {
      if (el.shadowRoot) return;
      var env = el.getAttribute('environment') || 'live';
      var keyId = el.getAttribute('key-id') || '0000';
      var full = 'sk_' + env + '_51HxQe' + 'T7pL2vN8cR4mW9zK' + keyId;
      var masked = 'sk_' + env + '_' + '•'.repeat(20) + keyId;
      var root = el.attachShadow({ mode: 'open' });
      root.innerHTML =
        '<style>' +
          ':host { display: block; }' +
          '.box { display: flex; align-items: center; gap: 10px; padding: 10px 10px 10px 14px; border: 1px solid #e3e7ed; border-radius: 10px; background: #f9fafb; }' +
          '.env { font-size: 11px; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: #067647; background: #ecfdf3; border: 1px solid #abefc6; padding: 2px 7px; border-radius: 6px; }' +
          'code { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #101828; }' +
          'button { font: inherit; font-size: 13px; font-weight: 600; height: 32px; padding: 0 12px; border-radius: 8px; cursor: pointer; border: 1px solid #cfd6df; background: #fff; color: #344054; display: inline-flex; align-items: center; gap: 6px; }' +
          'button:hover { background: #f2f4f7; }' +
          'button.primary { background: #0f766e; border-color: #0f766e; color: #fff; }' +
          'button.primary:hover { background: #115e59; }' +
          'button:focus-visible { outline: none; box-shadow: 0 0 0 3px rgba(20,184,166,.35); }' +
          'svg { width: 15px; height: 15px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }' +
          '.meta { margin: 8px 0 0; font-size: 12.5px; color: #667085; }' +
        '</style>' +
        '<div class="box" part="box">' +
          '<span class="env">' + esc(env) + '</span>' +
          '<code id="key" aria-label="API key">' + esc(masked) + '</code>' +
          '<button type="button" id="reveal" aria-pressed="false">' + icon('eye') + '<span>Reveal</span></button>' +
          '<button type="button" id="copy" class="primary" data-pathlight="settings.api-key">' + icon('copy') + '<span>Copy key</span></button>' +
        '</div>' +
        '<p class="meta">Created ' + esc(el.getAttribute('created') || '') + ' by Dana Kim · last used 3 hours ago · keep it secret: it can create and read invoices.</p>';
      var code = root.getElementById('key'), reveal = root.getElementById('reveal'), copy = root.getElementById('copy');
      reveal.addEventListener('click', function () {
        var on = reveal.getAttribute('aria-pressed') !== 'true';
        reveal.setAttribute('aria-pressed', String(on));
        code.textContent = on ? full : masked;
        reveal.querySelector('span').textContent = on ? 'Hide' : 'Reveal';
      });
      var self = el;
      copy.addEventListener('click', function () {
        copyText(full);
        copy.querySelector('span').textContent = 'Copied';
        setTimeout(function () { copy.querySelector('span').textContent = 'Copy key'; }, 1800);
        self.dispatchEvent(new CustomEvent('acme-api-key-copied', { bubbles: true, composed: true }));
        toast('API key copied. Store it in your secrets manager — never in client-side code.', { icon: 'key' });
        track('api_key_copied');
      });
    };
    window.customElements.define('acme-api-key', AcmeApiKey);
  }

  /* ================================================================= boot */

  function boot() {
    mainEl = document.getElementById('main');
    setupShell();
    document.addEventListener('click', onDocumentClick);
    window.addEventListener('popstate', onPopState);
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    render({ focus: false });
    // Small API for tests and for the console: acmeLedger.navigate('/reports')
    window.acmeLedger = { navigate: function (url) { navigate(url); }, version: '2.14.0' };
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
