/* profile.html, the "Authenticator app" card (issue 14, TOTP MFA): set an app up from its QR code or key, prove it
   with a code, then turn it on, prefer it or turn it off (SetUserMFAPreference's rules, kept by the server: it
   refuses what the pool does not allow, e.g. turning the app off where MFA is required, and the card shows why). */
(function () {
  'use strict';
  var UP = window.UserPool;

  var STATES = {
    none: 'Off: no authenticator app is set up. Add one so that signing in also asks a code from your phone.',
    verified: 'Set up, not turned on: unless this service requires an app of every account, signing in asks no code from it.',
    enabled: 'On: signing in asks the code your authenticator app shows.',
    preferred: 'On, preferred: signing in asks the code your authenticator app shows.'
  };

  function show(settings) {
    var state = !settings.softwareTokenVerified ? 'none'
      : !settings.softwareTokenEnabled ? 'verified'
        : settings.preferred === 'SOFTWARE_TOKEN_MFA' ? 'preferred' : 'enabled';
    UP.byId('mfa-state').textContent = STATES[state];
    UP.byId('mfa-state').setAttribute('data-state', state);
    UP.byId('mfa-setup').hidden = state !== 'none' || !UP.byId('mfa-verify-form').hidden;
    UP.byId('mfa-enable').hidden = state !== 'verified';
    UP.byId('mfa-prefer').hidden = state !== 'enabled';
    UP.byId('mfa-disable').hidden = state !== 'enabled' && state !== 'preferred';
  }

  function load() {
    return UP.authed('GET', 'api/me/mfa').then(show, function (err) {
      if (err.status === 404) {   // a directory whose apps this server does not keep (e.g. Cognito's own)
        UP.byId('mfa-state').textContent = 'Authenticator apps are not set up on this server.';
        return;
      }
      UP.byId('mfa-state').textContent = 'We could not load your authenticator app’s settings.';
      UP.showDetail('mfa-message', err);
    });
  }

  /** SetUserMFAPreference: the server answers the settings after it, or why not. */
  function choose(enabled, preferred, done) {
    UP.quiet('mfa-message');
    return UP.authed('PUT', 'api/me/mfa', { body: { enabled: enabled, preferred: preferred } }).then(function (settings) {
      show(settings);
      UP.say('mfa-message', 'ok', done);
    }, function (err) { UP.showDetail('mfa-message', err); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!UP.byId('mfa-card') || (!UP.tokens.has() && !UP.tokens.refresh())) return;
    var form = UP.byId('mfa-verify-form');
    var code = UP.byId('mfa-verify-code');
    load();

    UP.onClick('mfa-setup', function () {
      UP.quiet('mfa-message');
      return UP.authed('POST', 'api/me/mfa/totp', { retry: false }).then(function (answer) {
        var box = UP.byId('mfa-secret-box');
        UP.clear(box);
        box.appendChild(UP.authenticatorSecret(answer, 'mfa'));
        form.hidden = false;
        UP.byId('mfa-setup').hidden = true;
        code.focus();
      }, function (err) { UP.showDetail('mfa-message', err); });
    });

    /* A refused code keeps the QR code and key on the page: the app holds that secret until one is accepted. */
    UP.onSubmit(form, function () {
      UP.quiet('mfa-message');
      var value = code.value.replace(/\s/g, '');
      if (!/^[0-9]{6}$/.test(value)) {
        UP.say('mfa-message', 'error', 'Enter the six digits your app shows.');
        code.focus();
        return;
      }
      return UP.authed('POST', 'api/me/mfa/totp/verify', { body: { code: value }, retry: false }).then(function () {
        code.value = '';
        form.hidden = true;
        UP.clear(UP.byId('mfa-secret-box'));
        return choose(true, false, 'Your authenticator app is set up and on.');
      }, function (err) {
        code.value = '';
        UP.showDetail('mfa-message', err);
        code.focus();
      });
    });

    UP.onClick('mfa-enable', function () { return choose(true, false, 'Your authenticator app is on.'); });
    UP.onClick('mfa-prefer', function () { return choose(true, true, 'Your authenticator app is preferred.'); });
    UP.onClick('mfa-disable', function () { return choose(false, false, 'Your authenticator app is off.'); });
  });
})();
