/* admin.html — list and manage users, read the audit trail. Needs an admin's access token. */
(function () {
  'use strict';
  var UP = window.UserPool;

  /** Cursor paging: remembers the cursor of every page seen so "Previous" works. */
  function Pager(prefix, load) {
    var self = this;
    this.cursors = [null];
    this.index = 0;
    this.next = null;
    this.prev = UP.byId(prefix + '-prev');
    this.nextButton = UP.byId(prefix + '-next');
    this.label = UP.byId(prefix + '-page');
    this.load = load;
    UP.onClick(this.prev, function () {
      if (self.index === 0) return;
      self.index -= 1;
      return self.reload();
    });
    UP.onClick(this.nextButton, function () {
      if (!self.next) return;
      self.cursors = self.cursors.slice(0, self.index + 1);
      self.cursors.push(self.next);
      self.index += 1;
      return self.reload();
    });
  }
  Pager.prototype.reset = function () {
    this.cursors = [null];
    this.index = 0;
    return this.reload();
  };
  Pager.prototype.reload = function () {
    var self = this;
    return this.load(this.cursors[this.index]).then(function (nextCursor) {
      self.next = nextCursor || null;
      self.update();
    });
  };
  Pager.prototype.update = function () {
    // aria-disabled keeps the buttons focusable, so focus is not lost at the last page.
    this.prev.setAttribute('aria-disabled', String(this.index === 0));
    this.nextButton.setAttribute('aria-disabled', String(!this.next));
    this.label.textContent = 'Page ' + (this.index + 1);
  };

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== '' && v !== null && v !== undefined) parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function badge(text, kind) {
    return UP.el('span', { className: 'badge ' + kind, text: text });
  }

  function emptyRow(colspan, text) {
    return UP.el('tr', null, UP.el('td', { colspan: colspan, className: 'muted', text: text }));
  }

  // ------------------------------------------------------------------ access

  function notSignedIn() {
    UP.byId('admin-panel').hidden = true;
    UP.say('message', 'warn', 'Sign in with an administrator account to manage users.', null,
      [{ href: 'signin.html?next=admin.html', text: 'Sign in' }]);
  }

  function notAdmin() {
    UP.byId('admin-panel').hidden = true;
    UP.say('message', 'error', 'This page is for administrators. Your account is not in the admins group, so you cannot see or change other users.', null,
      [{ href: 'ride.html', text: 'Back to your ride' }, { href: 'signin.html?next=admin.html', text: 'Sign in as someone else' }]);
    UP.authed('GET', 'api/me', { tokenType: 'id' }).then(function (me) {
      if (me && me.email) {
        UP.say('message', 'error', 'This page is for administrators. You are signed in as ' + me.email +
          ', which is not in the admins group, so you cannot see or change other users.', null,
          [{ href: 'ride.html', text: 'Back to your ride' }, { href: 'signin.html?next=admin.html', text: 'Sign in as someone else' }]);
      }
    }, function () { /* the first message stands */ });
  }

  /** Handles what every admin call can answer: 401 and 403 end the page; the rest is shown. */
  function failed(target) {
    return function (err) {
      if (err.status === 401) notSignedIn();
      else if (err.status === 403 && (!err.code || err.code === 'NotAuthorized')) notAdmin();
      else UP.showError(target, err);
      throw err;
    };
  }

  // ------------------------------------------------------------------- users

  var usersPager;
  var auditPager;

  function loadUsers(cursor) {
    var caption = UP.byId('users-caption');
    caption.textContent = 'Loading…';
    var path = 'api/admin/users' + query({
      status: UP.byId('status-filter').value,
      emailVerified: UP.byId('verified-filter').value,
      limit: UP.byId('limit').value,
      cursor: cursor
    });
    return UP.authed('GET', path).then(function (answer) {
      UP.byId('admin-panel').hidden = false;
      var users = answer && Array.isArray(answer.users) ? answer.users : [];
      var body = UP.byId('users-body');
      UP.clear(body);
      if (!users.length) body.appendChild(emptyRow(7, 'No users match.'));
      users.forEach(function (u) { body.appendChild(userRow(u)); });
      caption.textContent = users.length === 1 ? '1 user on this page.' : users.length + ' users on this page.';
      return answer && answer.nextCursor;
    }, failed('message'));
  }

  function userRow(u) {
    var email = String(u.email || '');
    var actions = UP.el('td', { className: 'actions-cell' });
    function action(name, label, kind) {
      return UP.el('button', {
        type: 'button',
        className: 'small ' + (kind || 'secondary'),
        'aria-label': label + ' ' + email,
        dataset: { action: name, email: email },
        text: label
      });
    }
    if (u.status === 'UNCONFIRMED') actions.appendChild(action('confirm', 'Confirm'));
    actions.appendChild(u.enabled === false ? action('enable', 'Enable') : action('disable', 'Disable'));
    if (u.status === 'FORCE_CHANGE_PASSWORD') actions.appendChild(action('resend', 'Resend invitation'));
    if (u.status === 'CONFIRMED' || u.status === 'RESET_REQUIRED') actions.appendChild(action('reset-password', 'Reset password'));
    actions.appendChild(action('history', 'History'));
    actions.appendChild(action('delete', 'Delete', 'danger'));

    return UP.el('tr', { dataset: { email: email } },
      UP.el('td', { className: 'email', text: email }),
      UP.el('td', null, badge(String(u.status || 'unknown'), u.status === 'CONFIRMED' ? 'ok' : 'neutral')),
      UP.el('td', null, u.emailVerified === true ? badge('Yes', 'ok') : badge('No', 'warn')),
      UP.el('td', null, u.enabled === false ? badge('Disabled', 'error') : badge('Enabled', 'ok')),
      UP.el('td', null, UP.time(u.createdAt)),
      UP.el('td', { className: 'attributes' }, attributeList(u.attributes)),
      actions);
  }

  /** The account's attributes (name, given_name, custom:…) as "name: value" lines; a dash when none. */
  function attributeList(attributes) {
    var names = attributes && typeof attributes === 'object' ? Object.keys(attributes).sort() : [];
    if (!names.length) return '–';
    return UP.el('ul', { className: 'plain' }, names.map(function (name) {
      return UP.el('li', null, UP.el('span', { className: 'mono', text: name }), ': ' + String(attributes[name]));
    }));
  }

  var DONE = {
    confirm: 'Confirmed ',
    disable: 'Disabled ',
    enable: 'Enabled ',
    delete: 'Deleted ',
    resend: 'Sent a new invitation to ',
    'reset-password': 'Reset the password of '
  };

  function act(name, email, button) {
    if (name === 'history') {
      UP.byId('audit-email').value = email;
      return auditPager.reset().then(function () { UP.byId('audit-title').focus(); }, function () {});
    }
    if (name === 'delete' && !window.confirm('Delete the account ' + email + ' for good? This cannot be undone.')) {
      return Promise.resolve();
    }
    if (name === 'reset-password' && !window.confirm('Reset the password of ' + email
        + '? Their sessions end, and they must set a new password with the code we email them.')) {
      return Promise.resolve();
    }
    UP.quiet('message');
    var path = 'api/admin/users/' + encodeURIComponent(email) + (name === 'delete' ? '' : '/' + name);
    var options;
    if (name === 'resend') {   // a new temporary password and the invitation again
      path = 'api/admin/users';
      options = { body: { email: email, resend: true } };
    }
    button.disabled = true;
    return UP.authed(name === 'delete' ? 'DELETE' : 'POST', path, options).then(function () {
      UP.say('message', 'ok', DONE[name] + email + '.');
      return usersPager.reload().then(function () {
        var again = document.querySelector('#users-body tr[data-email="' + cssEscape(email) + '"] button');
        (again || UP.byId('users-title')).focus();
      });
    }, failed('message')).catch(function () {
      button.disabled = false;
    });
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
  }

  // ------------------------------------------------------------------- audit

  function loadAudit(cursor) {
    var caption = UP.byId('audit-caption');
    caption.textContent = 'Loading…';
    UP.quiet('audit-message');
    var path = 'api/admin/audit' + query({
      email: UP.byId('audit-email').value.trim(),
      from: UP.instantFromLocal(UP.byId('audit-from').value),
      to: UP.instantFromLocal(UP.byId('audit-to').value),
      limit: 25,
      cursor: cursor
    });
    return UP.authed('GET', path).then(function (answer) {
      var events = answer && Array.isArray(answer.events) ? answer.events : [];
      var body = UP.byId('audit-body');
      UP.clear(body);
      if (!events.length) body.appendChild(emptyRow(7, 'No events match.'));
      events.forEach(function (e) { body.appendChild(eventRow(e)); });
      var who = UP.byId('audit-email').value.trim();
      caption.textContent = (events.length === 1 ? '1 event' : events.length + ' events') +
        (who ? ' for ' + who : '') + ' on this page.';
      if (who && (UP.byId('audit-from').value || UP.byId('audit-to').value)) {
        UP.say('audit-message', 'info', 'With an email, the trail shows all of that user’s events: the dates are not applied.');
      }
      return answer && answer.nextCursor;
    }, failed('audit-message'));
  }

  function eventRow(e) {
    var outcome = UP.el('td', null,
      e.outcome === 'SUCCESS' ? badge('Success', 'ok')
        : badge(e.outcome === 'FAILURE' ? 'Failure' : String(e.outcome || 'unknown'), 'error'));
    if (e.errorCode) outcome.appendChild(UP.el('div', { className: 'small mono', text: String(e.errorCode) }));

    var actor = e.actor || {};
    var actorCell = UP.el('td', null, String(actor.kind || ''));
    if (actor.id) actorCell.appendChild(UP.el('div', { className: 'small mono muted', text: String(actor.id) }));

    var context = e.context || {};
    var source = UP.el('td', { className: 'small' }, String(context.sourceIp || ''));
    if (context.userAgent) source.setAttribute('title', String(context.userAgent));
    if (context.requestId) source.appendChild(UP.el('div', { className: 'mono muted', text: String(context.requestId) }));

    var emailCell = UP.el('td', { className: 'email' }, String(e.email || ''));
    if (e.userId) emailCell.appendChild(UP.el('div', { className: 'small mono muted', text: String(e.userId) }));

    return UP.el('tr', { dataset: { eventId: String(e.eventId || '') } },
      UP.el('td', null, UP.time(e.occurredAt)),
      UP.el('td', { className: 'mono small', text: String(e.type || '') }),
      outcome,
      emailCell,
      actorCell,
      UP.el('td', { className: 'small', text: e.method ? String(e.method) : '' }),
      source);
  }

  // -------------------------------------------------------------------- start

  document.addEventListener('DOMContentLoaded', function () {
    if (!UP.tokens.has() && !UP.tokens.refresh()) {
      notSignedIn();
      return;
    }
    usersPager = new Pager('users', loadUsers);
    auditPager = new Pager('audit', loadAudit);

    UP.onSubmit('users-form', function () {
      UP.quiet('message');
      return usersPager.reset().catch(function () {});
    });
    UP.onSubmit('invite-form', function () {
      var input = UP.byId('invite-email');
      var address = input.value.trim();
      UP.quiet('invite-message');
      if (!address || address.indexOf('@') < 1) {
        UP.say('invite-message', 'error', 'Enter the address to invite.');
        input.focus();
        return;
      }
      var suppress = UP.byId('invite-suppress').checked;
      return UP.authed('POST', 'api/admin/users', { body: { email: address, suppress: suppress } }).then(function () {
        UP.say('invite-message', 'ok', suppress ? 'Created ' + address + ' without an invitation.' : 'Invited ' + address + '.');
        input.value = '';
        return usersPager.reload();
      }, failed('invite-message'));
    });
    UP.onSubmit('audit-form', function () {
      return auditPager.reset().catch(function () {});
    });
    UP.byId('users-body').addEventListener('click', function (event) {
      var button = event.target.closest('button[data-action]');
      if (!button || button.disabled) return;
      act(button.dataset.action, button.dataset.email, button);
    });

    usersPager.reset().then(function () {
      return auditPager.reset();
    }).catch(function () { /* already shown */ });
  });
})();
