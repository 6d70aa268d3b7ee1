/*
 * verified.html — where the verification link lands. Asks the server to finish link
 * verification for the address in the query string and says how it went.
 */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var lead = UP.byId('lead');
    var signinLink = UP.byId('signin-link');
    var sendLink = UP.byId('send-link');
    var check = UP.byId('check');
    email.value = UP.param('email');

    function address() {
      var value = email.value.trim();
      if (!value || value.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter the email address you registered with.');
        email.focus();
        return null;
      }
      email.removeAttribute('aria-invalid');
      return value;
    }

    function signInHref(to) {
      return 'signin.html?email=' + encodeURIComponent(to);
    }

    function complete() {
      UP.quiet('message');
      var to = address();
      if (!to) {
        lead.textContent = 'Enter your email address to check its verification.';
        return;
      }
      lead.textContent = 'Checking ' + to + '…';
      return UP.request('POST', 'api/verify-link/complete', { body: { email: to } })
        .then(function (answer) {
          answer = answer || {};
          var confirmed = answer.status === 'CONFIRMED';
          signinLink.setAttribute('href', signInHref(to));
          if (answer.verification === 'VERIFIED' && confirmed) {
            lead.textContent = 'All done.';
            UP.say('message', 'ok', 'Your address is verified and your account is confirmed. You can sign in now.');
            signinLink.hidden = false;
            sendLink.hidden = true;
            check.hidden = true;
            signinLink.focus();
            return;
          }
          signinLink.hidden = !confirmed;
          sendLink.hidden = false;
          check.hidden = false;
          switch (answer.verification) {
            case 'VERIFIED':
              lead.textContent = 'Your address is verified.';
              UP.say('message', 'warn', 'Your address is verified, but your account is not confirmed yet. Check again in a moment.');
              break;
            case 'PENDING':
              lead.textContent = 'Verification is still pending.';
              UP.say('message', 'warn', 'We have not seen the link opened yet. Open the link in the email we sent to ' + to +
                ', then check again. No email? Send the link again.');
              break;
            case 'FAILED':
              lead.textContent = 'Verification failed.';
              UP.say('message', 'error', 'We could not verify ' + to + '. The link may have expired. Send the link again and open the new one.');
              break;
            case 'NOT_STARTED':
              lead.textContent = 'Verification has not started.';
              UP.say('message', 'warn', 'No verification link has been sent to ' + to + ' yet. Send the link, then open it from the email.');
              break;
            default:
              lead.textContent = confirmed ? 'Your account is confirmed.' : 'Verification is not finished.';
              UP.say('message', confirmed ? 'ok' : 'warn', confirmed
                ? 'Your account is confirmed. You can sign in.'
                : 'Your address is not verified yet. Send the link again and open the new one.');
          }
        }, function (err) {
          lead.textContent = 'We could not check your address.';
          UP.showError('message', err, { email: to });
        });
    }

    UP.onSubmit('link-form', complete);

    UP.onClick(sendLink, function () {
      UP.quiet('message');
      var to = address();
      if (!to) return;
      return UP.request('POST', 'api/verify-link', { body: { email: to } }).then(function () {
        lead.textContent = 'Link sent.';
        UP.say('message', 'ok', 'We sent a new verification link to ' + to + '. Open it from the email; it brings you back here.');
      }, function (err) {
        UP.showError('message', err, { email: to });
      });
    });

    if (UP.param('failed')) {
      lead.textContent = 'That link did not work.';
      UP.say('message', 'error', 'The verification link is not valid any more: it may have expired or been used already. ' +
        'Enter your email address and send a new link.');
      check.hidden = true;
      email.focus();
    } else if (email.value) complete();
    else {
      // SES's success redirect names no address: the person has just opened a good link, so say so.
      lead.textContent = 'If you just opened the link in our email, your address is verified.';
      UP.say('message', 'info', 'Enter the email address you registered with to finish confirming your account.');
      email.focus();
    }
  });
})();
