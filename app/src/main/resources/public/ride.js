/* ride.html — protected: shows who is signed in; signs out, changes the password, deletes the account. */
(function () {
  'use strict';
  var UP = window.UserPool;

  function toSignIn(note) {
    UP.tokens.clear();
    if (note) UP.flash.set(note, 'info');
    window.location.replace('signin.html');
  }

  function badge(text, kind) {
    return UP.el('span', { className: 'badge ' + kind, text: text });
  }

  function show(me) {
    UP.byId('greeting').textContent = 'You are signed in. Your unicorn is ready when you are.';
    UP.byId('who').textContent = me.email || '';
    UP.byId('user-id').textContent = me.userId || '';
    UP.byId('username').value = me.email || '';

    var verified = UP.byId('email-verified');
    UP.clear(verified);
    if (me.emailVerified === true) verified.appendChild(badge('Yes', 'ok'));
    else {
      verified.appendChild(badge('No', 'warn'));
      if (me.status === 'CONFIRMED') {
        verified.appendChild(document.createTextNode(' An administrator confirmed this account; the address itself was never verified.'));
      }
    }

    var status = UP.byId('status');
    UP.clear(status);
    status.appendChild(badge(me.status || 'unknown', me.status === 'CONFIRMED' ? 'ok' : 'neutral'));

    var groups = Array.isArray(me.groups) ? me.groups.filter(function (g) { return typeof g === 'string'; }) : [];
    UP.byId('groups').textContent = groups.length ? groups.join(', ') : 'none';
    UP.byId('admin-link').hidden = groups.indexOf('admins') < 0;

    UP.byId('identity').hidden = false;
    UP.byId('account').hidden = false;
    UP.byId('danger').hidden = false;
  }

  document.addEventListener('DOMContentLoaded', function () {
    UP.showFlash('message');
    if (!UP.tokens.has() && !UP.tokens.refresh()) {
      toSignIn('Sign in to see your ride.');
      return;
    }

    UP.authed('GET', 'api/me', { tokenType: 'id' }).then(show, function (err) {
      if (err.status === 401) {
        toSignIn('Your session has ended. Sign in again.');
        return;
      }
      UP.byId('greeting').textContent = 'We could not load your account.';
      UP.showError('message', err);
    });

    UP.onClick('signout', function () {
      var done = function (note, kind) {
        UP.tokens.clear();
        UP.flash.set(note, kind);
        window.location.replace('signin.html');
      };
      // Signs out everywhere: the server revokes the refresh tokens too.
      return UP.authed('POST', 'api/signout').then(function () {
        done('You are signed out.', 'ok');
      }, function (err) {
        if (err.status === 401) done('You are signed out.', 'ok');
        else done('You are signed out on this device. We could not reach the server to end your other sessions.', 'warn');
      });
    });

    UP.onSubmit('password-form', function () {
      UP.quiet('password-message');
      var oldPassword = UP.byId('old-password');
      var newPassword = UP.byId('new-password');
      if (!oldPassword.value || !newPassword.value) {
        UP.say('password-message', 'error', 'Enter your current password and a new one.');
        (oldPassword.value ? newPassword : oldPassword).focus();
        return;
      }
      return UP.authed('POST', 'api/change-password', {
        body: { oldPassword: oldPassword.value, newPassword: newPassword.value },
        retry: false
      }).then(function () {
        oldPassword.value = '';
        newPassword.value = '';
        UP.say('password-message', 'ok', 'Your password has been changed.');
      }, function (err) {
        if (err.code === 'NotAuthorized' && /password/i.test(err.detail || '') && !/attempts/i.test(err.detail || '')) {
          UP.say('password-message', 'error', 'Your current password is not right.');
        } else {
          UP.showError('password-message', err);
        }
        oldPassword.focus();
      });
    });

    UP.onClick('delete-account', function () {
      UP.quiet('delete-message');
      var email = UP.byId('who').textContent;
      if (!window.confirm('Delete the account ' + email + ' for good?')) return;
      return UP.authed('DELETE', 'api/me').then(function () {
        UP.tokens.clear();
        UP.flash.set('Your account has been deleted.', 'ok');
        window.location.replace('index.html');
      }, function (err) {
        UP.showError('delete-message', err);
      });
    });
  });
})();
