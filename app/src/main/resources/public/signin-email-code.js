/* signin.html, issue 14: "email me a code" — a code mailed to the verified address signs in without the password.
   The session that answers it is held only here, never stored. */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var request = UP.byId('email-code-request');
    var form = UP.byId('email-code-form');
    var code = UP.byId('email-code-input');
    var next = UP.nextPage(UP.param('next'));
    var pending = null;

    request.addEventListener('click', function () {
      UP.quiet('email-code-message');
      var address = email.value.trim();
      if (!address || address.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('email-code-message', 'error', 'Enter your email address first.');
        email.focus();
        return;
      }
      email.removeAttribute('aria-invalid');
      UP.say('email-code-message', 'info', 'Sending a code…');
      UP.request('POST', 'api/signin/email-code', { body: { email: address } })
        .then(function (answer) {
          if (!answer || !answer.session) throw new UP.ApiError(500, null);
          pending = { email: address, session: answer.session };
          UP.byId('email-code-sent').textContent = 'If ' + answer.destination
            + ' is a verified address of an account, we sent it an 8-digit code. It is valid for 3 minutes.';
          form.hidden = false;
          UP.quiet('email-code-message');
          code.value = '';
          code.focus();
        })
        .catch(function (err) {
          UP.showError('email-code-message', err, { email: address });
        });
    });

    UP.onSubmit('email-code-form', function () {
      UP.quiet('email-code-message');
      if (!pending) return;
      if (!/^[0-9]{8}$/.test(code.value.trim())) {
        UP.say('email-code-message', 'error', 'Enter the 8-digit code from the email.');
        code.focus();
        return;
      }
      UP.say('email-code-message', 'info', 'Signing in…');
      return UP.request('POST', 'api/signin/email-code/verify',
        { body: { email: pending.email, session: pending.session, code: code.value.trim() } })
        .then(function (answer) {
          if (!answer || !(answer.idToken || answer.accessToken)) throw new UP.ApiError(500, null);
          UP.tokens.clear();
          UP.tokens.save(answer);
          code.value = '';
          UP.go(next);
        })
        .catch(function (err) {
          code.value = '';
          UP.showError('email-code-message', err, { email: pending.email });
          code.focus();
        });
    });
  });
})();
