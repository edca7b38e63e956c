/* Acme Ledger demo — the New invoice drawer, opened from the Invoices list. */

import { $, $all, addDays, esc, isoDate, money, parseIso, round2, TODAY } from '../util.js';
import { track } from '../track.js';
import { icon, openDialog, toast } from '../ui.js';
import {
  brand, customerById, CUSTOMERS, INVOICES, nextInvoiceNumber, TAX_RATES, taxById
} from '../data.js';
import { navigate } from '../router.js';

export function openNewInvoice(presetCustomer) {
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
