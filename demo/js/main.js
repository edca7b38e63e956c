/* Acme Ledger — demo host application for Pathlight. Start here.
 *
 * A small, dependency-free single-page app: a client-side router over
 * history.pushState/popstate (router.js), in-memory demo data (data.js) and one render
 * function per screen (pages/). Features that lessons point at carry
 * data-pathlight="<area>.<feature>". Real user actions are reported with
 * pathlight('track', '<event>') (track.js), guarded so the app keeps working when
 * /pathlight.js is missing.
 *
 * This file holds the route table and boots the app. */

import { navigate, onDocumentClick, onPopState, render, startRouter } from './router.js';
import { setupShell } from './shell.js';
import { renderDashboard } from './pages/dashboard.js';
import { renderInvoices } from './pages/invoices.js';
import { renderInvoiceDetail } from './pages/invoice-detail.js';
import { renderReports } from './pages/reports.js';
import { renderCustomers } from './pages/customers.js';
import { renderTeam } from './pages/team.js';
import { renderSettings } from './pages/settings.js';

var ROUTES = [
  { re: /^\/(?:index\.html)?$/, nav: 'dashboard', title: 'Dashboard', render: renderDashboard },
  { re: /^\/invoices\/?$/, nav: 'invoices', title: 'Invoices', render: renderInvoices },
  { re: /^\/invoices\/([^/]+)\/?$/, nav: 'invoices', title: null, render: renderInvoiceDetail },
  { re: /^\/reports\/?$/, nav: 'reports', title: 'Reports', render: renderReports },
  { re: /^\/customers\/?$/, nav: 'customers', title: 'Customers', render: renderCustomers },
  { re: /^\/team\/?$/, nav: 'team', title: 'Team', render: renderTeam },
  { re: /^\/settings\/?$/, nav: 'settings', title: 'Settings', render: renderSettings }
];

function boot() {
  startRouter(document.getElementById('main'), ROUTES);
  setupShell();
  document.addEventListener('click', onDocumentClick);
  window.addEventListener('popstate', onPopState);
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  render({ focus: false });
  // Small API for tests and for the console: acmeLedger.navigate('/reports')
  window.acmeLedger = { navigate: function (url) { navigate(url); }, version: '2.14.0' };
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
