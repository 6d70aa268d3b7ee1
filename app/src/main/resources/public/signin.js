/* signin.html — trade email and password for tokens, kept in sessionStorage. */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var password = UP.byId('password');
    var forgot = UP.byId('forgot');
    var next = UP.nextPage(UP.param('next'));

    email.value = UP.param('email');
    UP.showFlash('message');
    (email.value ? password : email).focus();

    function forgotLink() {
      var address = email.value.trim();
      forgot.setAttribute('href', address ? 'reset.html?email=' + encodeURIComponent(address) : 'reset.html');
    }
    forgotLink();
    email.addEventListener('input', forgotLink);

    /* The temporary password was right: the session (held only here, never stored) answers the challenge once. */
    function askForNewPassword(challenge) {
      var form = UP.byId('new-password-form');
      var chosen = UP.byId('new-password');
      UP.byId('signin-form').hidden = true;
      form.hidden = false;
      UP.quiet('message');
      chosen.focus();
      UP.onSubmit('new-password-form', function () {
        UP.quiet('new-password-message');
        if (!chosen.value) {
          UP.say('new-password-message', 'error', 'Enter your new password.');
          chosen.focus();
          return;
        }
        UP.say('new-password-message', 'info', 'Setting your password…');
        return UP.request('POST', 'api/signin/new-password',
          { body: { email: challenge.email, session: challenge.session, newPassword: chosen.value } })
          .then(function (answer) {
            if (!answer || !(answer.idToken || answer.accessToken)) throw new UP.ApiError(500, null);
            UP.tokens.clear();
            UP.tokens.save(answer);
            chosen.value = '';
            UP.go(next);
          })
          .catch(function (err) {
            chosen.value = '';
            UP.showError('new-password-message', err, { email: challenge.email });
            chosen.focus();
          });
      });
    }

    function signedIn(answer) {
      if (!answer || !(answer.idToken || answer.accessToken)) throw new UP.ApiError(500, null);
      UP.tokens.clear();
      UP.tokens.save(answer);
      UP.go(next);
    }

    /* A second-factor step that cannot go on (a refused code used the session up, or it ran out): sign in again. */
    function backToPassword(form, err) {
      form.hidden = true;
      UP.byId('signin-form').hidden = false;
      UP.showDetail('message', err);
      password.focus();
    }

    function sixDigits(input, message) {
      var value = input.value.replace(/\s/g, '');
      if (/^[0-9]{6}$/.test(value)) return value;
      UP.say(message, 'error', 'Enter the six digits your app shows.');
      input.focus();
      return null;
    }

    /* Issue 14: the account's authenticator app confirms the sign-in; the session answers once. The forms are
       wired once: each sign-in's challenge replaces the one pending. */
    var pendingCode = null;
    function askForCode(challenge) {
      pendingCode = challenge;
      UP.byId('signin-form').hidden = true;
      UP.byId('mfa-form').hidden = false;
      UP.quiet('message');
      UP.quiet('mfa-message');
      UP.byId('mfa-code').focus();
    }
    UP.onSubmit('mfa-form', function (form) {
      var code = UP.byId('mfa-code');
      UP.quiet('mfa-message');
      var value = sixDigits(code, 'mfa-message');
      if (!value || !pendingCode) return;
      UP.say('mfa-message', 'info', 'Checking the code…');
      return UP.request('POST', 'api/signin/mfa', { body: { email: pendingCode.email, session: pendingCode.session, code: value } })
        .then(signedIn)
        .catch(function (err) {
          code.value = '';
          UP.quiet('mfa-message');
          backToPassword(form, err);
        });
    });

    /* Issue 14, MFA_SETUP: the pool requires an authenticator app and the account has none. The session (held
       only here) names the account: it gets a secret, a code proves the app, and the session answers the challenge.
       A wrong code keeps the secret on the page; a session that ran out goes back to the password. */
    var pendingSetup = null;
    function askToSetUp(challenge) {
      var form = UP.byId('mfa-setup-form');
      pendingSetup = null;
      UP.byId('signin-form').hidden = true;
      UP.say('message', 'info', 'Getting a key for your authenticator app…');
      UP.request('POST', 'api/signin/mfa-setup/totp', { body: { session: challenge.session, email: challenge.email } })
        .then(function (answer) {
          pendingSetup = { email: challenge.email, session: answer.session || challenge.session };
          var box = UP.byId('mfa-setup-box');
          UP.clear(box);
          box.appendChild(UP.authenticatorSecret(answer, 'mfa-setup'));
          UP.quiet('message');
          UP.quiet('mfa-setup-message');
          form.hidden = false;
          UP.byId('mfa-setup-code').focus();
        }, function (err) { backToPassword(form, err); });
    }
    UP.onSubmit('mfa-setup-form', function (form) {
      var code = UP.byId('mfa-setup-code');
      UP.quiet('mfa-setup-message');
      var value = sixDigits(code, 'mfa-setup-message');
      var setup = pendingSetup;
      if (!value || !setup) return;
      return UP.request('POST', 'api/signin/mfa-setup/totp/verify', { body: { session: setup.session, code: value } })
        .then(function (verified) {
          var session = (verified && verified.session) || setup.session;
          return UP.request('POST', 'api/signin/mfa', { body: { challenge: 'MFA_SETUP', email: setup.email, session: session } })
            .then(signedIn, function (err) { backToPassword(form, err); });
        }, function (err) {
          code.value = '';
          if (err.status === 401) backToPassword(form, err);
          else UP.showDetail('mfa-setup-message', err);
          code.focus();
        });
    });

    UP.onSubmit('signin-form', function () {
      UP.quiet('message');
      var address = email.value.trim();
      if (!address || address.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter your email address.');
        email.focus();
        return;
      }
      email.removeAttribute('aria-invalid');
      if (!password.value) {
        UP.say('message', 'error', 'Enter your password.');
        password.focus();
        return;
      }
      UP.say('message', 'info', 'Signing in…');
      return UP.request('POST', 'api/signin', { body: { email: address, password: password.value } })
        .then(function (answer) {
          if (answer && answer.challenge === 'NEW_PASSWORD_REQUIRED') {
            password.value = '';
            askForNewPassword(answer);
            return;
          }
          if (answer && answer.challenge === 'SOFTWARE_TOKEN_MFA') {
            password.value = '';
            askForCode(answer);
            return;
          }
          if (answer && answer.challenge === 'MFA_SETUP') {
            password.value = '';
            askToSetUp(answer);
            return;
          }
          if (!answer || !(answer.idToken || answer.accessToken)) {
            throw new UP.ApiError(500, null);
          }
          UP.tokens.clear();
          UP.tokens.save(answer);
          password.value = '';
          UP.go(next);
        })
        .catch(function (err) {
          password.value = '';
          UP.showError('message', err, { email: address });
          password.focus();
        });
    });
  });
})();
