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

    /* Issue 14: the account's authenticator app confirms the sign-in; the session answers once. */
    function askForCode(challenge) {
      var form = UP.byId('mfa-form');
      var code = UP.byId('mfa-code');
      UP.byId('signin-form').hidden = true;
      form.hidden = false;
      UP.quiet('message');
      code.focus();
      UP.onSubmit('mfa-form', function () {
        UP.quiet('mfa-message');
        var value = code.value.replace(/\s/g, '');
        if (!/^[0-9]{6}$/.test(value)) {
          UP.say('mfa-message', 'error', 'Enter the six digits your app shows.');
          code.focus();
          return;
        }
        UP.say('mfa-message', 'info', 'Checking the code…');
        return UP.request('POST', 'api/signin/mfa', { body: { email: challenge.email, session: challenge.session, code: value } })
          .then(function (answer) {
            if (!answer || !(answer.idToken || answer.accessToken)) throw new UP.ApiError(500, null);
            UP.tokens.clear();
            UP.tokens.save(answer);
            code.value = '';
            UP.go(next);
          })
          .catch(function (err) {
            code.value = '';
            /* a refused code used the session up: sign in again */
            form.hidden = true;
            UP.byId('signin-form').hidden = false;
            UP.showError('message', err, { email: challenge.email });
            password.focus();
          });
      });
    }

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
