/* admin.html, the Groups card: create and delete groups, show their members, add and remove a user, show a user's groups. */
(function () {
  'use strict';
  var UP = window.UserPool;

  function path(group, rest) {
    return 'api/admin/groups/' + encodeURIComponent(group) + (rest || '');
  }

  function shown(err) {
    // 401/403 are the page's to tell (admin.js hides the panel); the rest is said here.
    if (err && err.status !== 401 && err.status !== 403) UP.showError('groups-message', err);
    throw err;
  }

  function button(action, group, label, kind) {
    return UP.el('button', {
      type: 'button', className: 'small ' + (kind || 'secondary'), 'aria-label': label + ' ' + group,
      dataset: { action: action, group: group }, text: label
    });
  }

  function row(g) {
    var members = UP.el('td', { className: 'members small', dataset: { group: g.name } });
    return UP.el('tr', { dataset: { group: g.name } },
      UP.el('td', { className: 'mono', text: String(g.name) }),
      UP.el('td', { text: String(g.description || '') }),
      UP.el('td', { text: g.precedence === null || g.precedence === undefined ? '—' : String(g.precedence) }),
      members,
      UP.el('td', { className: 'actions-cell' }, button('members', g.name, 'Members'), button('delete', g.name, 'Delete', 'danger')));
  }

  function load() {
    var caption = UP.byId('groups-caption');
    caption.textContent = 'Loading…';
    return UP.authed('GET', 'api/admin/groups?limit=60').then(function (answer) {
      var groups = answer && Array.isArray(answer.groups) ? answer.groups : [];
      var body = UP.byId('groups-body');
      UP.clear(body);
      if (!groups.length) body.appendChild(UP.el('tr', null, UP.el('td', { colspan: 5, className: 'muted', text: 'No groups yet.' })));
      groups.forEach(function (g) { body.appendChild(row(g)); });
      caption.textContent = groups.length === 1 ? '1 group.' : groups.length + ' groups' + (answer.nextCursor ? ' (the first 60).' : '.');
    }, shown);
  }

  function showMembers(group) {
    return UP.authed('GET', path(group, '/members?limit=60')).then(function (answer) {
      var users = answer && Array.isArray(answer.users) ? answer.users : [];
      var cell = document.querySelector('#groups-body td.members[data-group="' + cssEscape(group) + '"]');
      if (cell) cell.textContent = users.length ? users.map(function (u) { return u.email; }).join(', ') : 'none';
    }, shown);
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
  }

  function create() {
    UP.quiet('groups-message');
    var body = { name: UP.byId('group-name').value.trim() };
    var description = UP.byId('group-description').value.trim();
    var precedence = UP.byId('group-precedence').value.trim();
    if (description) body.description = description;
    if (precedence !== '') body.precedence = Number(precedence);
    return UP.authed('POST', 'api/admin/groups', { body: body }).then(function (g) {
      UP.say('groups-message', 'ok', 'Created the group ' + g.name + '.');
      UP.byId('group-create-form').reset();
      return load();
    }, shown);
  }

  function remove(group) {
    if (!window.confirm('Delete the group ' + group + '? Its members leave it.')) return Promise.resolve();
    return UP.authed('DELETE', path(group)).then(function () {
      UP.say('groups-message', 'ok', 'Deleted the group ' + group + '.');
      return load();
    }, shown);
  }

  function membership(action) {
    UP.quiet('groups-message');
    var email = UP.byId('member-email').value.trim();
    var group = UP.byId('member-group').value.trim();
    if (action === 'show') {
      return UP.authed('GET', 'api/admin/users/' + encodeURIComponent(email) + '/groups?limit=60').then(function (answer) {
        var groups = answer && Array.isArray(answer.groups) ? answer.groups : [];
        UP.say('groups-message', 'info', email + (groups.length
          ? ' is in: ' + groups.map(function (g) { return g.name; }).join(', ') + '.'
          : ' is in no group.'));
      }, shown);
    }
    var add = action === 'add';
    return UP.authed(add ? 'PUT' : 'DELETE', path(group, '/members/' + encodeURIComponent(email))).then(function () {
      UP.say('groups-message', 'ok', (add ? 'Added ' + email + ' to ' : 'Removed ' + email + ' from ') + group + '.');
      return showMembers(group);
    }, shown);
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!UP.tokens.has() && !UP.tokens.refresh()) return;
    UP.onSubmit('group-create-form', create);
    UP.onSubmit('member-form', function () { return membership('add'); });
    UP.onClick(UP.byId('member-remove'), function () { return membership('remove'); });
    UP.onClick(UP.byId('member-groups'), function () { return membership('show'); });
    UP.byId('groups-body').addEventListener('click', function (event) {
      var b = event.target.closest('button[data-action]');
      if (!b || b.disabled) return;
      (b.dataset.action === 'delete' ? remove(b.dataset.group) : showMembers(b.dataset.group)).catch(function () {});
    });
    load().catch(function () { /* admin.js tells who may not */ });
  });
})();
