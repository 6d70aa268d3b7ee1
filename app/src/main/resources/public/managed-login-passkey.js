/* The managed login's passkey page (issue 14): asks the browser for an assertion of the request options the
   server put in the form (data-options), and posts it in the form, with the page's CSRF token and session.
   The server checks everything; this only carries bytes to and from navigator.credentials (webauthn-json.js),
   as passkeys.js does for the app's own sign-in page. */
(function () {
  'use strict';

  function start() {
    var form = document.getElementById('passkey-form');
    var button = document.getElementById('passkey-use');
    var message = document.getElementById('passkey-message');
    if (!form || !button) return;
    function say(text) {
      message.textContent = text;
      message.hidden = false;
    }
    if (!(window.PublicKeyCredential && navigator.credentials && window.isSecureContext)) {
      button.disabled = true;
      say('This browser cannot use a passkey on this page. Go back and sign in another way.');
      return;
    }
    button.addEventListener('click', function () {
      var options = window.WebAuthnJson.requestOptions(JSON.parse(form.getAttribute('data-options')));
      button.disabled = true;
      message.hidden = true;
      navigator.credentials.get({ publicKey: options }).then(function (credential) {
        document.getElementById('passkey-credential').value = JSON.stringify(window.WebAuthnJson.credentialJson(credential));
        form.submit();
      }).catch(function (err) {
        button.disabled = false;
        say('No passkey was used (' + (err && err.name ? err.name : 'error') + '). Try again, or sign in another way.');
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
