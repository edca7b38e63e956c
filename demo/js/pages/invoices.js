/* Acme Ledger demo — the Invoices list (/invoices): status filters, search, reminders;
 * ?new=1 opens the New invoice drawer (new-invoice.js). */

import { $, $all, dateShort, daysBetween, esc, money, money0, plural, TODAY } from '../util.js';
import { track } from '../track.js';
import { icon, toast } from '../ui.js';
import {
  custLogo, customerById, CUSTOMERS, dueText, invoiceBalance, invoiceById, INVOICES,
  invoiceStatus, invoiceTotal, statusPill
} from '../data.js';
import { setQuery } from '../router.js';
import { openNewInvoice } from './new-invoice.js';

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

export function renderInvoices(root, params, query) {
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

export function sendReminder(inv) {
  if (!inv) return;
  var c = customerById(inv.customerId);
  inv.reminders.push(TODAY);
  toast('Reminder for ' + inv.id + ' (' + money(invoiceBalance(inv)) + ') sent to ' + esc(c.email) + '.', { icon: 'bell', href: '/invoices/' + inv.id, linkText: 'Open' });
  track('reminder_sent');
}
