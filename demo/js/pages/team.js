/* Acme Ledger demo — Team (/team): members and their roles, seats, and inviting teammates. */

import { $, esc, initials, plural } from '../util.js';
import { track } from '../track.js';
import { icon, openDialog, toast } from '../ui.js';
import { COMPANY, ROLES, SEATS, TEAM } from '../data.js';
import { render } from '../router.js';

function memberAvatar(m) {
  return '<span class="avatar" style="background:' + m.color + ';color:#1f2937" aria-hidden="true">' + esc(initials(m.name || m.email)) + '</span>';
}

export function renderTeam(root) {
  var used = TEAM.length;
  var PERMS = [
    ['Create & send invoices', 1, 1, 1, 1, 0],
    ['Record payments & refunds', 1, 1, 1, 0, 0],
    ['View reports & export', 1, 1, 1, 0, 1],
    ['Manage customers', 1, 1, 1, 1, 0],
    ['Settings, taxes & payment methods', 1, 1, 0, 0, 0],
    ['Invite teammates & change roles', 1, 1, 0, 0, 0],
    ['Billing & plan', 1, 0, 0, 0, 0]
  ];
  root.innerHTML =
    '<div class="page-head"><div><h1>Team</h1><p class="page-sub">People who can access ' + esc(COMPANY.name) + ' in Acme Ledger.</p></div>' +
      '<div class="page-actions"><button type="button" class="btn btn-primary" id="team-invite" data-pathlight="team.invite">' + icon('plus') + 'Invite teammate</button></div></div>' +
    '<div class="grid team-grid">' +
      '<div class="col">' +
        '<section class="card" aria-labelledby="members-title"><div class="card-head" style="padding-bottom:12px"><div><h2 id="members-title">Members</h2><p>Change a role at any time — it takes effect on the member’s next page load.</p></div></div>' +
        '<div class="table-scroll"><table class="data"><caption class="visually-hidden">Team members</caption><thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>' +
        TEAM.map(function (m) {
          var roleCell;
          if (m.role === 'owner') roleCell = '<span class="tag">Owner</span>';
          else if (m.you) roleCell = '<span class="tag">' + ROLES[m.role].label + '</span> <span class="cell-sub">(you)</span>';
          else roleCell = '<label class="visually-hidden" for="role-' + m.id + '">Role for ' + esc(m.name || m.email) + '</label>' +
            '<select class="select" id="role-' + m.id + '" data-member="' + m.id + '" data-pathlight="team.roles" style="height:32px;width:120px">' +
            ['admin', 'finance', 'sales', 'viewer'].map(function (r) { return '<option value="' + r + '"' + (r === m.role ? ' selected' : '') + '>' + ROLES[r].label + '</option>'; }).join('') + '</select>';
          return '<tr><td><div class="member">' + memberAvatar(m) + '<div><div class="cell-main">' + esc(m.name || m.email) + (m.you ? ' <span class="cell-sub">· you</span>' : '') + '</div><div class="cell-sub">' + esc(m.email) + '</div></div></div></td>' +
            '<td>' + roleCell + '</td>' +
            '<td>' + (m.status === 'invited' ? '<span class="pill pill-pending">Invited</span>' : '<span class="pill pill-paid">Active</span>') + '<div class="cell-sub nowrap" style="margin-top:3px">' + (m.status === 'invited' ? esc(m.lastActive) : 'Seen ' + esc(m.lastActive.toLowerCase())) + '</div></td>' +
            '<td class="right">' + (m.role === 'owner' || m.you ? '' : m.status === 'invited'
              ? '<button type="button" class="btn btn-xs btn-ghost" data-resend="' + m.id + '">Resend</button>'
              : '<button type="button" class="btn btn-xs btn-ghost" data-remove="' + m.id + '" aria-label="Remove ' + esc(m.name) + '">Remove</button>') + '</td></tr>';
        }).join('') +
        '</tbody></table></div></section>' +
        '<section class="card" aria-labelledby="roles-title"><div class="card-head"><div><h2 id="roles-title">What each role can do</h2><p>Give people the least access they need. Roles apply across the whole workspace.</p></div></div><div class="card-body" style="padding-top:8px">' +
          '<div class="table-scroll"><table class="role-grid"><thead><tr><th scope="col">Permission</th><th scope="col">Owner</th><th scope="col">Admin</th><th scope="col">Finance</th><th scope="col">Sales</th><th scope="col">Viewer</th></tr></thead><tbody>' +
          PERMS.map(function (p) { return '<tr><td>' + p[0] + '</td>' + p.slice(1).map(function (v) { return v ? '<td class="yes" aria-label="Yes">✓</td>' : '<td class="no" aria-label="No">–</td>'; }).join('') + '</tr>'; }).join('') +
          '</tbody></table></div></div></section>' +
      '</div>' +
      '<div class="col">' +
        '<section class="card" aria-labelledby="seats-title"><div class="card-body"><h2 id="seats-title">Seats</h2>' +
          '<div class="kpi-value">' + used + ' <span class="muted" style="font-size:15px;font-weight:500">of ' + SEATS + ' used</span></div>' +
          '<div class="progress"><span style="width:' + Math.min(100, used / SEATS * 100) + '%"></span></div>' +
          '<p class="cell-sub">Viewers are free on paid plans. External accountants can be added as Viewers.</p></div></section>' +
        '<section class="card" aria-labelledby="acct-title"><div class="card-body"><h2 id="acct-title">Working with an accountant?</h2>' +
          '<p class="cell-sub" style="margin-top:6px">Invite them as a <strong>Viewer</strong>: they can read every invoice and export reports at month-end, but can’t send or change anything.</p></div></section>' +
      '</div>' +
    '</div>';

  root.querySelector('tbody').addEventListener('change', function (e) {
    var sel = e.target.closest('select[data-member]');
    if (!sel) return;
    var m = TEAM.filter(function (x) { return x.id === sel.getAttribute('data-member'); })[0];
    m.role = sel.value;
    toast(esc(m.name || m.email) + ' is now ' + ROLES[m.role].label + '. ' + ROLES[m.role].desc, { icon: 'users' });
    track('role_changed');
  });
  root.querySelector('tbody').addEventListener('click', function (e) {
    var rs = e.target.closest('[data-resend]'), rm = e.target.closest('[data-remove]');
    if (rs) toast('Invitation resent.', { icon: 'send' });
    if (rm) {
      var id = rm.getAttribute('data-remove'), m = TEAM.filter(function (x) { return x.id === id; })[0];
      if (window.confirm('Remove ' + m.name + ' from the workspace?')) {
        TEAM.splice(TEAM.indexOf(m), 1);
        toast(esc(m.name) + ' was removed.', { icon: 'users' });
        render({ keepScroll: true });
      }
    }
  });
  $('#team-invite', root).addEventListener('click', openInviteDialog);
  return 'Team';
}

function openInviteDialog() {
  openDialog({
    title: 'Invite teammates',
    subtitle: 'They’ll get an email with a link to join ' + esc(COMPANY.name) + '.',
    body:
      '<div class="field"><label for="iv-emails">Email addresses</label><textarea class="textarea" id="iv-emails" name="emails" rows="2" required placeholder="alex@birchwood.example, sam@birchwood.example"></textarea>' +
        '<span class="hint">Separate several addresses with commas.</span></div>' +
      '<fieldset class="field" style="border:0;padding:0;margin:0 0 14px"><legend class="label" style="font-weight:600;font-size:13px;margin-bottom:6px">Role</legend>' +
        ['finance', 'sales', 'viewer', 'admin'].map(function (r, i) {
          return '<label class="checkbox"><input type="radio" name="role" value="' + r + '"' + (i === 0 ? ' checked' : '') + '><span><strong>' + ROLES[r].label + '</strong> <span class="muted">— ' + ROLES[r].desc + '</span></span></label>';
        }).join('') + '</fieldset>' +
      '<div class="field"><label for="iv-msg">Personal message <span class="muted" style="font-weight:400">(optional)</span></label><input class="input" id="iv-msg" name="msg" placeholder="Welcome aboard!"></div>',
    submitLabel: icon('send') + 'Send invites',
    onSubmit: function (form) {
      var emails = form.emails.value.split(/[\s,;]+/).map(function (s) { return s.trim(); }).filter(Boolean);
      var bad = emails.filter(function (e) { return !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e); });
      var ta = form.emails;
      if (!emails.length || bad.length) {
        ta.setCustomValidity(bad.length ? 'Check these addresses: ' + bad.join(', ') : 'Enter at least one email address.');
        ta.reportValidity();
        ta.addEventListener('input', function () { ta.setCustomValidity(''); }, { once: true });
        return false;
      }
      var role = form.role.value;
      var palette = ['#fed7aa', '#bbf7d0', '#e9d5ff', '#fecaca', '#c7d2fe'];
      emails.forEach(function (e, i) {
        TEAM.push({ id: 'u' + (TEAM.length + 10 + i), name: '', email: e, role: role, status: 'invited', lastActive: 'Invitation sent today', color: palette[(TEAM.length + i) % palette.length] });
      });
      track('teammate_invited');
      toast(plural(emails.length, 'invitation') + ' sent as ' + ROLES[role].label + '.', { icon: 'send' });
      setTimeout(function () { render({ keepScroll: true }); }, 0);
    }
  });
}
