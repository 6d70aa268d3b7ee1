/* register.html — create an account, then go and enter the emailed code. */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var password = UP.byId('password');
    var password2 = UP.byId('password2');
    if (UP.param('email')) email.value = UP.param('email');

    UP.onSubmit('register-form', function () {
      UP.quiet('message');
      [email, password, password2].forEach(function (i) { i.removeAttribute('aria-invalid'); });
      var address = email.value.trim();
      if (!address || address.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter your email address, like name@example.com.');
        email.focus();
        return;
      }
      if (!password.value) {
        password.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Choose a password.');
        password.focus();
        return;
      }
      if (password.value !== password2.value) {
        password2.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'The two passwords are not the same. Type the password again.');
        password2.focus();
        return;
      }
      UP.say('message', 'info', 'Creating your account…');
      return UP.request('POST', 'api/signup', { body: { email: address, password: password.value } })
        .then(function (answer) {
          var where = answer && answer.codeDelivery && answer.codeDelivery.destination;
          UP.flash.set(where
            ? 'Your account is created. We sent an email to ' + where + '.'
            : 'Your account is created. Check your email.', 'ok');
          // With link verification there is no code to type: the landing page shows how far it got.
          var next = answer && answer.confirmWith === 'LINK' ? 'verified.html' : 'verify.html';
          UP.go(next + '?email=' + encodeURIComponent(address));
        }, function (err) {
          if (err.code === 'InvalidPassword') password.setAttribute('aria-invalid', 'true');
          UP.showError('message', err, { email: address });
        });
    });
  });
})();
