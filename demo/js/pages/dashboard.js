/* Acme Ledger demo — the Dashboard (/): receivables at a glance, overdue invoices, the
 * cash-flow forecast, recent activity and the AI insights card that renders 2 s late. */

import {
  $, $all, addDays, dateLong, dateShort, daysBetween, esc, money, money0, moneyK, plural, TODAY
} from '../util.js';
import { track } from '../track.js';
import { activityItem, icon, ICONS, toast } from '../ui.js';
import {
  COMPANY, custLogo, customerById, dueText, invoiceBalance, INVOICES, invoiceStatus,
  invoiceTotal, lastPaymentDate, REMINDERS, statusPill, uiState
} from '../data.js';
import { niceMax } from '../charts.js';
import { later } from '../router.js';

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

export function renderDashboard(root) {
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
