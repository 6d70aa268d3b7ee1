/* reset.html — forgot password: ask for a code, then set a new password with it. */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var code = UP.byId('code');
    var newPassword = UP.byId('new-password');
    var forgotForm = UP.byId('forgot-form');
    var resetForm = UP.byId('reset-form');

    email.value = UP.param('email');
    email.focus();

    function address() {
      var value = email.value.trim();
      if (!value || value.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter the email address of your account.');
        email.focus();
        return null;
      }
      email.removeAttribute('aria-invalid');
      return value;
    }

    function showStepTwo() {
      resetForm.hidden = false;
      UP.byId('forgot-actions').hidden = true;
      UP.byId('step-text').textContent = 'Enter the code we emailed to ' + email.value.trim() + ' and choose a new password.';
      code.focus();
    }

    function sendCode() {
      UP.quiet('message');
      var to = address();
      if (!to) return;
      return UP.request('POST', 'api/forgot-password', { body: { email: to } })
        .then(function (answer) {
          var where = answer && answer.codeDelivery && answer.codeDelivery.destination;
          showStepTwo();
          UP.say('message', 'ok', where
            ? 'If an account exists for this address, we sent a code to ' + where + '.'
            : 'If an account exists for this address, we sent it a code.');
        }, function (err) {
          UP.showError('message', err, { email: to });
        });
    }

    UP.onSubmit(forgotForm, sendCode);
    UP.onClick('resend', sendCode);
    UP.byId('have-code').addEventListener('click', function () {
      if (address()) {
        UP.quiet('message');
        showStepTwo();
      }
    });

    UP.onSubmit(resetForm, function () {
      UP.quiet('message');
      var to = address();
      if (!to) return;
      var digits = code.value.replace(/\s+/g, '');
      if (!/^[0-9]{6}$/.test(digits)) {
        code.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'The code is 6 digits. Check the email and type it again.');
        code.focus();
        return;
      }
      code.removeAttribute('aria-invalid');
      if (!newPassword.value) {
        UP.say('message', 'error', 'Choose a new password.');
        newPassword.focus();
        return;
      }
      return UP.request('POST', 'api/reset-password', {
        body: { email: to, code: digits, newPassword: newPassword.value }
      }).then(function () {
        newPassword.value = '';
        UP.tokens.clear();
        UP.flash.set('Your password has been changed. Sign in with the new one.', 'ok');
        UP.go('signin.html?email=' + encodeURIComponent(to));
      }, function (err) {
        UP.showError('message', err, { email: to });
      });
    });
  });
})();
