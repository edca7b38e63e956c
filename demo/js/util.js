/* Acme Ledger demo — small shared helpers: dates relative to today, money and date
 * formatting, HTML escaping and DOM queries. No state, no DOM writes. */

var DAY = 86400000;
export var TODAY = startOfDay(new Date());

function startOfDay(d) { var x = new Date(d.getTime()); x.setHours(0, 0, 0, 0); return x; }
export function addDays(d, n) { var x = new Date(d.getTime()); x.setDate(x.getDate() + n); return x; }
export function daysBetween(a, b) { return Math.round((startOfDay(b) - startOfDay(a)) / DAY); }
export function isoDate(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}
export function parseIso(s) { var p = String(s).split('-'); return new Date(+p[0], +p[1] - 1, +p[2]); }

var fmtDateLong = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
var fmtDateShort = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
export var fmtMonth = new Intl.DateTimeFormat('en-US', { month: 'short' });
export var fmtMonthYear = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });
var fmtMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
var fmtMoney0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function dateLong(d) { return fmtDateLong.format(d); }
export function dateShort(d) { return fmtDateShort.format(d); }
export function money(n) { return fmtMoney.format(n); }
export function money0(n) { return fmtMoney0.format(n); }
export function moneyK(n) {
  var a = Math.abs(n);
  if (a >= 1000000) return (n < 0 ? '-' : '') + '$' + (a / 1000000).toFixed(1) + 'M';
  if (a >= 1000) return (n < 0 ? '-' : '') + '$' + (a / 1000).toFixed(a >= 100000 ? 0 : 1).replace(/\.0$/, '') + 'k';
  return (n < 0 ? '-' : '') + '$' + Math.round(a);
}
export function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }
export function round2(n) { return Math.round(n * 100) / 100; }

export function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}
export function $(sel, root) { return (root || document).querySelector(sel); }
export function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
export function initials(name) {
  return name.replace(/[^A-Za-z ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0]; }).join('').toUpperCase();
}
