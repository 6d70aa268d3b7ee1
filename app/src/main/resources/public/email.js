/* email.html — change the account's address: a code goes to the new one; the old one stays until it is entered. */
(function () {
  'use strict';
  var UP = window.UserPool;

  function toSignIn(note) {
    UP.tokens.clear();
    UP.flash.set(note, 'info');
    window.location.replace('signin.html');
  }

  function showCurrent(email, verified) {
    UP.byId('current').textContent = email || '';
    UP.byId('current-verified').textContent = verified ? '(verified)' : '(not verified)';
    UP.byId('verify-current').hidden = verified === true;
  }

  function failed(err) {
    if (err.status === 401) {
      toSignIn('Your session has ended. Sign in again.');
    } else if (err.code === 'UsernameExists') {
      UP.say('message', 'error', 'Another account uses that address, so it cannot be yours. Your address has not changed.');
    } else {
      UP.showError('message', err);
    }
  }

  function askForCode(where) {
    UP.byId('code-form').hidden = false;
    UP.say('message', 'ok', 'We sent a code to ' + where + '. Enter it below.');
    UP.byId('code').focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!UP.tokens.has() && !UP.tokens.refresh()) {
      toSignIn('Sign in to change your email address.');
      return;
    }
    var newEmail = UP.byId('new-email');
    var code = UP.byId('code');

    UP.authed('GET', 'api/me', { tokenType: 'id' }).then(function (me) {
      showCurrent(me.email, me.emailVerified === true);
    }, failed);

    UP.onSubmit(UP.byId('address-form'), function () {
      UP.quiet('message');
      var value = newEmail.value.trim();
      if (!value || value.indexOf('@') < 1) {
        newEmail.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter the new email address.');
        newEmail.focus();
        return;
      }
      newEmail.removeAttribute('aria-invalid');
      return UP.authed('POST', 'api/me/email', { body: { email: value } }).then(function (answer) {
        if (!answer || !answer.codeDelivery) {
          UP.say('message', 'info', 'That already is your address: nothing to change.');
          return;
        }
        askForCode(answer.codeDelivery.destination);
      }, failed);
    });

    UP.onClick('verify-current', function () {
      UP.quiet('message');
      return UP.authed('POST', 'api/me/email/resend').then(function (answer) {
        askForCode(answer.codeDelivery.destination);
      }, failed);
    });

    UP.onClick('resend', function () {
      UP.quiet('message');
      return UP.authed('POST', 'api/me/email/resend').then(function (answer) {
        UP.say('message', 'ok', 'We sent another code to ' + answer.codeDelivery.destination + '.');
      }, failed);
    });

    UP.onSubmit(UP.byId('code-form'), function () {
      UP.quiet('message');
      var digits = code.value.replace(/\s+/g, '');
      if (!/^[0-9]{6}$/.test(digits)) {
        code.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'The code is 6 digits. Check the email and type it again.');
        code.focus();
        return;
      }
      code.removeAttribute('aria-invalid');
      return UP.authed('POST', 'api/me/email/verify', { body: { code: digits }, retry: false }).then(function (me) {
        code.value = '';
        newEmail.value = '';
        UP.byId('code-form').hidden = true;
        showCurrent(me.email, me.emailVerified === true);
        UP.say('message', 'ok', 'Done: your address is now ' + me.email + '. Sign in with it from now on.');
      }, failed);
    });
  });
})();
