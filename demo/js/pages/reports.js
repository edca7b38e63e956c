/* Acme Ledger demo — Reports (/reports): revenue and collections, receivables aging and
 * sales tax over a chosen date range, with CSV export. */

import {
  $, $all, addDays, dateLong, dateShort, daysBetween, esc, fmtMonth, isoDate, money, money0,
  moneyK, plural, round2, TODAY
} from '../util.js';
import { track } from '../track.js';
import { icon, toast } from '../ui.js';
import {
  custLogo, customerById, CUSTOMERS, invoiceBalance, INVOICES, invoiceStatus, TAX_RATES
} from '../data.js';
import { groupedBarChart } from '../charts.js';
import { setQuery } from '../router.js';

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

export function renderReports(root, params, query) {
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
