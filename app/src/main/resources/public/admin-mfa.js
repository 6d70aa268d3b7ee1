/* admin.html, the "Authenticator app" card (issue 14, TOTP MFA): a user's app — set up, on, preferred — and removing
   it (an audit event, MFA_REMOVED_BY_ADMIN, names the administrator); the user's next sign-in asks no code. */
(function () {
  'use strict';
  var UP = window.UserPool;
  var shown = null;   // the address whose factors the card shows

  function path(email) {
    return 'api/admin/users/' + encodeURIComponent(email) + '/mfa';
  }

  function words(s) {
    if (!s.softwareTokenVerified) return 'No authenticator app is set up.';
    return 'Authenticator app: set up (verified), ' + (s.softwareTokenEnabled ? 'on' : 'off')
      + (s.preferred === 'SOFTWARE_TOKEN_MFA' ? ', preferred.' : ', not preferred.');
  }

  function show(email) {
    var state = UP.byId('admin-mfa-state');
    return UP.authed('GET', path(email)).then(function (settings) {
      shown = email;
      state.textContent = email + ' — ' + words(settings) + ' Passkeys are in the Passkeys card.';
      state.setAttribute('data-verified', String(!!settings.softwareTokenVerified));
      state.hidden = false;
      UP.byId('admin-mfa-remove').hidden = !settings.softwareTokenVerified;
    }, function (err) {
      shown = null;
      state.hidden = true;
      UP.byId('admin-mfa-remove').hidden = true;
      UP.showDetail('admin-mfa-message', err);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!UP.byId('admin-mfa-form')) return;
    UP.onSubmit('admin-mfa-form', function () {
      UP.quiet('admin-mfa-message');
      var email = UP.byId('admin-mfa-email').value.trim();
      if (!email) {
        UP.say('admin-mfa-message', 'error', 'Enter the email address of the user.');
        return;
      }
      return show(email);
    });
    UP.onClick('admin-mfa-remove', function () {
      var email = shown;
      if (!email || !window.confirm('Remove the authenticator app of ' + email + '? They sign in with their password alone after.')) return;
      UP.quiet('admin-mfa-message');
      return UP.authed('DELETE', path(email)).then(function () {
        UP.say('admin-mfa-message', 'ok', 'The authenticator app of ' + email + ' is removed.');
        return show(email);
      }, function (err) { UP.showDetail('admin-mfa-message', err); });
    });
  });
})();
