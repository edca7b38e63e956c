/* Acme Ledger demo — the workspace's in-memory demo data (company, customers, invoices,
 * team, payment methods, reminders) and the invoice arithmetic. Pages change it in place;
 * nothing is saved, a reload starts over. */

import {
  addDays, dateShort, daysBetween, esc, fmtMonthYear, initials, plural, round2, TODAY
} from './util.js';

export var COMPANY = {
  name: 'Birchwood Consulting',
  legal: 'Birchwood Consulting LLC',
  address: '410 Harbor Street, Suite 300\nSeattle, WA 98101',
  email: 'billing@birchwood.example',
  taxId: 'EIN 84-2913377'
};

export var brand = {
  color: '#0f766e',
  logo: null, // data URL when uploaded
  footer: 'Thank you for your business! Questions about this invoice? Reply to this email or call (206) 555-0142.',
  payButton: true
};

export var CUSTOMERS = [
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
export var CUSTOMER_COLORS = ['#0f766e', '#9333ea', '#c2410c', '#0369a1', '#4d7c0f', '#be185d', '#334155', '#a16207'];

export var TAX_RATES = [
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

export function customerById(id) {
  for (var i = 0; i < CUSTOMERS.length; i++) if (CUSTOMERS[i].id === id) return CUSTOMERS[i];
  return null;
}
export function taxById(id) {
  for (var i = 0; i < TAX_RATES.length; i++) if (TAX_RATES[i].id === id) return TAX_RATES[i];
  return TAX_RATES[0];
}

export var INVOICES = INVOICE_SPECS.map(function (s) {
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

export function invoiceSubtotal(inv) {
  return round2(inv.lines.reduce(function (s, l) { return s + l.qty * l.rate; }, 0));
}
export function invoiceTax(inv) { return round2(invoiceSubtotal(inv) * inv.taxRate / 100); }
export function invoiceTotal(inv) { return round2(invoiceSubtotal(inv) + invoiceTax(inv)); }
export function invoicePaid(inv) { return round2(inv.payments.reduce(function (s, p) { return s + p.amount; }, 0)); }
export function invoiceBalance(inv) { return Math.max(0, round2(invoiceTotal(inv) - invoicePaid(inv))); }
export function invoiceStatus(inv) {
  if (inv.draft) return 'draft';
  if (invoiceBalance(inv) <= 0.004) return 'paid';
  if (inv.due < TODAY) return 'overdue';
  if (invoicePaid(inv) > 0) return 'partial';
  return 'open';
}
var STATUS_LABEL = { draft: 'Draft', open: 'Open', partial: 'Partially paid', overdue: 'Overdue', paid: 'Paid' };
export function statusPill(st) { return '<span class="pill pill-' + st + '">' + STATUS_LABEL[st] + '</span>'; }
export function invoiceById(id) {
  for (var i = 0; i < INVOICES.length; i++) if (INVOICES[i].id.toLowerCase() === String(id).toLowerCase()) return INVOICES[i];
  return null;
}
export function lastPaymentDate(inv) {
  return inv.payments.length ? inv.payments[inv.payments.length - 1].date : null;
}
export function dueText(inv) {
  var st = invoiceStatus(inv);
  if (st === 'paid') { var p = lastPaymentDate(inv); return 'Paid ' + dateShort(p); }
  if (st === 'draft') return 'Not sent';
  var d = daysBetween(TODAY, inv.due);
  if (d > 1) return 'in ' + d + ' days';
  if (d === 1) return 'tomorrow';
  if (d === 0) return 'today';
  return plural(-d, 'day') + ' late';
}
export function nextInvoiceNumber() {
  return INVOICES.reduce(function (m, i) { return Math.max(m, i.num); }, 1000) + 1;
}
export function custLogo(c, size) {
  return '<span class="cust-logo" style="background:' + esc(c.color) + (size ? ';width:' + size + 'px;height:' + size + 'px' : '') + '" aria-hidden="true">' + esc(initials(c.name)) + '</span>';
}

export var TEAM = [
  { id: 'u1', name: 'Robert Birch', email: 'rob@birchwood.example', role: 'owner', status: 'active', lastActive: 'Yesterday', color: '#fde68a' },
  { id: 'u2', name: 'Dana Kim', email: 'dana@birchwood.example', role: 'admin', status: 'active', lastActive: 'just now', you: true, color: '#99f6e4' },
  { id: 'u3', name: 'Priya Shah', email: 'priya@birchwood.example', role: 'finance', status: 'active', lastActive: '2 hours ago', color: '#fbcfe8' },
  { id: 'u4', name: 'Marcus Lee', email: 'marcus@birchwood.example', role: 'sales', status: 'active', lastActive: '3 days ago', color: '#bfdbfe' },
  { id: 'u5', name: 'Ana Souza', email: 'ana.souza@clearbooks-cpa.example', role: 'viewer', status: 'active', lastActive: 'Last week', color: '#ddd6fe' }
];
export var SEATS = 8;
export var ROLES = {
  owner: { label: 'Owner', desc: 'Full access, billing and workspace deletion.' },
  admin: { label: 'Admin', desc: 'Everything except billing: settings, team, all invoices.' },
  finance: { label: 'Finance', desc: 'Invoices, payments, reports and tax. No team or settings.' },
  sales: { label: 'Sales', desc: 'Create and send invoices for their customers. No reports.' },
  viewer: { label: 'Viewer', desc: 'Read-only access — ideal for your external accountant.' }
};

export var PAYMENT_METHODS = [
  { id: 'ach', name: 'ACH bank transfer', logo: 'ACH', fee: '0.8%, capped at $5 per payment', enabled: true, note: 'Arrives in 2–3 business days' },
  { id: 'card', name: 'Credit & debit cards', logo: 'VISA', fee: '2.9% + 30¢ per payment', enabled: false, note: 'Visa, Mastercard, Amex, Apple Pay' },
  { id: 'sepa', name: 'SEPA Direct Debit', logo: 'SEPA', fee: '0.8% per payment', enabled: false, note: 'For customers paying in EUR' },
  { id: 'paypal', name: 'PayPal', logo: 'PP', fee: '3.49% + 49¢ per payment', enabled: false, note: 'Customers pay with their PayPal balance' }
];

export var REMINDERS = {
  enabled: false,
  steps: [
    { id: 'before3', offset: -3, on: true, label: 'Friendly heads-up', tone: 'Your invoice {number} for {amount} is due on {due_date}.' },
    { id: 'due', offset: 0, on: true, label: 'Due today', tone: 'Invoice {number} is due today. Pay online in a minute: {payment_link}' },
    { id: 'after7', offset: 7, on: true, label: 'First follow-up', tone: 'Invoice {number} is now 7 days past due. Could you check on its status?' },
    { id: 'after14', offset: 14, on: false, label: 'Second follow-up', tone: 'We haven\'t received payment for {number}. Please pay or reply with a date.' },
    { id: 'after30', offset: 30, on: false, label: 'Final notice (copy the account owner)', tone: 'Final notice for {number}. Late fees may apply per your terms.' }
  ]
};

export var uiState = {
  lastImport: null,       // summary of the last customer import (shown on /customers)
  cashflowDays: 30,
  insightsApplied: false
};
