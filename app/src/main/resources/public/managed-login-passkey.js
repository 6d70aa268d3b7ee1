/* The managed login's passkey page (issue 14): asks the browser for an assertion of the request options the
   server put in the form (data-options), and posts it in the form, with the page's CSRF token and session.
   The server checks everything; this only carries bytes to and from navigator.credentials, as passkeys.js
   does for the app's own sign-in page. */
(function () {
  'use strict';

  function toBytes(b64url) {
    var b64 = b64url.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  function toB64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = '';
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** AuthenticationResponseJSON, as the browser's toJSON() would give it. */
  function assertionJson(c) {
    var r = c.response;
    var out = { id: c.id, rawId: toB64url(c.rawId), type: c.type,
      authenticatorAttachment: c.authenticatorAttachment || undefined,
      clientExtensionResults: c.getClientExtensionResults ? c.getClientExtensionResults() : {},
      response: { clientDataJSON: toB64url(r.clientDataJSON), authenticatorData: toB64url(r.authenticatorData),
        signature: toB64url(r.signature) } };
    if (r.userHandle) out.response.userHandle = toB64url(r.userHandle);
    return out;
  }

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
      var json = JSON.parse(form.getAttribute('data-options'));
      var options = Object.assign({}, json);
      options.challenge = toBytes(json.challenge);
      options.allowCredentials = (json.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: toBytes(c.id) });
      });
      button.disabled = true;
      message.hidden = true;
      navigator.credentials.get({ publicKey: options }).then(function (credential) {
        document.getElementById('passkey-credential').value = JSON.stringify(assertionJson(credential));
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
