/* Acme Ledger demo — one invoice (/invoices/<id>): its preview, balance and payment
 * link, timeline, and the Send and Record payment dialogs. */

import {
  $, dateLong, daysBetween, esc, isoDate, money, parseIso, plural, round2, TODAY
} from '../util.js';
import { track } from '../track.js';
import { activityItem, copyText, icon, openDialog, toast } from '../ui.js';
import {
  brand, COMPANY, customerById, dueText, invoiceBalance, invoiceById, invoicePaid,
  invoiceStatus, invoiceSubtotal, invoiceTax, invoiceTotal, PAYMENT_METHODS, REMINDERS,
  statusPill
} from '../data.js';
import { render } from '../router.js';
import { sendReminder } from './invoices.js';

export function renderInvoiceDetail(root, params) {
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
