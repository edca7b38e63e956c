/* Acme Ledger demo — <acme-api-key>, the API key box on the Settings page: a small custom
 * element with an OPEN shadow root; its copy button is a Pathlight anchor
 * (settings.api-key) living inside the shadow tree. */

import { esc } from './util.js';
import { track } from './track.js';
import { copyText, icon, toast } from './ui.js';

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
