/* verify.html — confirm the account with the emailed code, or ask for a new code. */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var code = UP.byId('code');
    email.value = UP.param('email');
    UP.showFlash('message');
    (email.value ? code : email).focus();
    offerMailbox(email.value);
    if (email.value) explainLinkMode(email.value);
    email.addEventListener('change', function () { offerMailbox(email.value.trim()); });

    function checkEmail() {
      var address = email.value.trim();
      if (!address || address.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter the email address you registered with.');
        email.focus();
        return null;
      }
      email.removeAttribute('aria-invalid');
      return address;
    }

    UP.onSubmit('verify-form', function () {
      var address = checkEmail();
      if (!address) return;
      if (UP.byId('code-part').hidden) {   // link verification: there is no code to send
        UP.go('verified.html?email=' + encodeURIComponent(address));
        return;
      }
      UP.quiet('message');
      var digits = code.value.replace(/\s+/g, '');
      if (!/^[0-9]{6}$/.test(digits)) {
        code.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'The code is 6 digits. Check the email and type it again.');
        code.focus();
        return;
      }
      code.removeAttribute('aria-invalid');
      UP.say('message', 'info', 'Checking your code…');
      return UP.request('POST', 'api/confirm', { body: { email: address, code: digits } })
        .then(function () {
          UP.flash.set('Your email is verified and your account is confirmed. Sign in to continue.', 'ok');
          UP.go('signin.html?email=' + encodeURIComponent(address));
        }, function (err) {
          if (err.code === 'CodeMismatch' || err.code === 'ExpiredCode') {
            code.setAttribute('aria-invalid', 'true');
            code.select();
          }
          UP.showError('message', err, { email: address });
        });
    });

    UP.onClick('resend', function () {
      UP.quiet('message');
      var address = checkEmail();
      if (!address) return;
      return UP.request('POST', 'api/resend-code', { body: { email: address } })
        .then(function (answer) {
          var where = answer && answer.codeDelivery && answer.codeDelivery.destination;
          UP.say('message', 'ok', where
            ? 'We sent a new code to ' + where + '. Earlier codes no longer work.'
            : 'We sent a new code. Earlier codes no longer work.');
          code.value = '';
          code.focus();
          offerMailbox(address);
        }, function (err) {
          UP.showError('message', err, { email: address });
        });
    });
  });

  /**
   * A server that verifies by link sends no code. Link verification that is PENDING means a
   * link went out: say so, and point to the page that finishes it. (Asking costs nothing: it
   * records an event only when the address was really verified.)
   */
  function explainLinkMode(address) {
    UP.request('POST', 'api/verify-link/complete', { body: { email: address } }).then(function (answer) {
      if (!answer) return;
      var landing = 'verified.html?email=' + encodeURIComponent(address);
      if (answer.verification === 'PENDING') {
        UP.byId('code-part').hidden = true;
        UP.byId('lead').textContent = 'We emailed you a link. Open it to confirm your account.';
        UP.say('message', 'info', 'We emailed a verification link to ' + address +
          '. Open the link in that email to confirm your account; there is no code to type.', null,
          [{ href: landing, text: 'I opened the link: check now' }]);
        var link = document.querySelector('#message a');
        if (link) link.focus();
      } else if (answer.verification === 'VERIFIED' && answer.status === 'CONFIRMED') {
        UP.say('message', 'ok', 'Your address is verified and your account is confirmed.', null,
          [{ href: 'signin.html?email=' + encodeURIComponent(address), text: 'Sign in' }]);
      }
    }, function () { /* not knowing is fine: the code form stays */ });
  }

  /** On a server with the development mailbox, point to it. */
  function offerMailbox(address) {
    var hint = UP.byId('mailbox-hint');
    if (!address || address.indexOf('@') < 1) return;
    UP.request('GET', 'api/dev/mailbox?to=' + encodeURIComponent(address)).then(function () {
      UP.byId('mailbox-link').setAttribute('href', 'mailbox.html?to=' + encodeURIComponent(address));
      hint.hidden = false;
    }, function () {
      hint.hidden = true;
    });
  }
})();
