/* Acme Ledger demo — Settings (/settings): company profile, invoice branding, payment
 * methods, taxes, payment reminders and the API key (api-key.js). */

import '../api-key.js'; // defines <acme-api-key>, which this page shows
import { $, $all, addDays, dateLong, esc, plural, round2, TODAY } from '../util.js';
import { track } from '../track.js';
import { icon, toast } from '../ui.js';
import { brand, COMPANY, PAYMENT_METHODS, REMINDERS, TAX_RATES } from '../data.js';
import { later, onLeave } from '../router.js';

var BRAND_COLORS = ['#0f766e', '#1d4ed8', '#7c3aed', '#be123c', '#c2410c', '#15803d', '#0f172a'];
var SETTINGS_SECTIONS = [
  { id: 'profile', label: 'Company profile' },
  { id: 'branding', label: 'Invoice branding' },
  { id: 'payments', label: 'Payment methods' },
  { id: 'taxes', label: 'Taxes' },
  { id: 'reminders', label: 'Payment reminders' },
  { id: 'api', label: 'API & integrations' }
];

export function renderSettings(root) {
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
