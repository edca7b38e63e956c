/* Acme Ledger demo — the small SVG chart helpers the dashboard and the reports draw with. */

import { esc, money0, moneyK } from './util.js';

export function niceMax(v) {
  if (v <= 0) return 1;
  var p = Math.pow(10, Math.floor(Math.log10(v)));
  var n = v / p;
  var step = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
  return step * p;
}

/** Grouped bar chart (two series) with a horizontal grid. */
export function groupedBarChart(labels, a, b, opts) {
  var W = 760, H = 270, L = 56, R = 12, T = 14, B = 30;
  var pw = W - L - R, ph = H - T - B;
  var max = niceMax(Math.max.apply(null, a.concat(b)) * 1.08);
  var n = labels.length, gw = pw / n, bw = Math.min(22, gw * 0.3);
  var out = '<svg class="chart" viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="' + esc(opts.label) + '">';
  for (var g = 0; g <= 4; g++) {
    var y = T + ph - ph * g / 4;
    out += '<line class="grid-line" x1="' + L + '" x2="' + (W - R) + '" y1="' + y + '" y2="' + y + '"/>';
    out += '<text x="' + (L - 10) + '" y="' + (y + 4) + '" text-anchor="end">' + moneyK(max * g / 4) + '</text>';
  }
  labels.forEach(function (lab, i) {
    var cx = L + gw * i + gw / 2;
    var ha = ph * a[i] / max, hb = ph * b[i] / max;
    out += '<rect x="' + (cx - bw - 2) + '" y="' + (T + ph - ha) + '" width="' + bw + '" height="' + ha + '" rx="4" fill="' + opts.colorA + '"><title>' + esc(lab) + ' — ' + opts.nameA + ': ' + money0(a[i]) + '</title></rect>';
    out += '<rect x="' + (cx + 2) + '" y="' + (T + ph - hb) + '" width="' + bw + '" height="' + hb + '" rx="4" fill="' + opts.colorB + '"><title>' + esc(lab) + ' — ' + opts.nameB + ': ' + money0(b[i]) + '</title></rect>';
    out += '<text x="' + cx + '" y="' + (H - 9) + '" text-anchor="middle">' + esc(lab) + '</text>';
  });
  out += '<line class="axis" x1="' + L + '" x2="' + (W - R) + '" y1="' + (T + ph) + '" y2="' + (T + ph) + '"/>';
  return out + '</svg>';
}
