/* Acme Ledger demo — Customers (/customers): the customer list, payment terms, adding a
 * customer and the CSV import. */

import { $, addDays, dateShort, esc, money0, plural } from '../util.js';
import { track } from '../track.js';
import { icon, openDialog, toast } from '../ui.js';
import {
  custLogo, CUSTOMER_COLORS, customerById, CUSTOMERS, invoiceBalance, INVOICES, invoiceStatus,
  uiState
} from '../data.js';
import { render } from '../router.js';

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

export function renderCustomers(root) {
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
