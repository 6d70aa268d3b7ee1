/* Passkeys (WebAuthn) on the profile page ("add a passkey", list, delete) and the sign-in page ("sign in with
   a passkey"). The server makes the options and checks every answer; this only carries them to and from
   navigator.credentials. No framework: base64url in and out, and the JSON forms WebAuthn defines. */
(function () {
  'use strict';
  var UP = window.UserPool;

  var creationOptions = window.WebAuthnJson.creationOptions;
  var requestOptions = window.WebAuthnJson.requestOptions;
  var credentialJson = window.WebAuthnJson.credentialJson;

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.isSecureContext);
  }

  /* ---- profile page: add, list, delete ---- */

  function renderList(list, passkeys) {
    UP.clear(list);
    if (!passkeys.length) {
      list.appendChild(UP.el('li', { text: 'No passkey yet.' }));
      return;
    }
    passkeys.forEach(function (p) {
      var item = UP.el('li', { className: 'passkey' });
      item.setAttribute('data-credential-id', p.credentialId);
      item.appendChild(UP.el('span', { text: p.name + ' — added ' + p.createdAt.substring(0, 10)
        + (p.lastUsedAt ? ', last used ' + p.lastUsedAt.substring(0, 10) : '') }));
      var remove = UP.el('button', { type: 'button', className: 'secondary', text: 'Delete' });
      remove.addEventListener('click', function () {
        UP.authed('DELETE', 'api/passkeys/' + encodeURIComponent(p.credentialId)).then(function () {
          UP.say('passkey-message', 'ok', 'The passkey is deleted.');
          loadList();
        }, function (err) { UP.showError('passkey-message', err); });
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function loadList() {
    return UP.authed('GET', 'api/passkeys').then(function (answer) {
      renderList(UP.byId('passkey-list'), answer.passkeys || []);
    }, function (err) { UP.showError('passkey-message', err); });
  }

  function profile(section) {
    UP.request('GET', 'api/passkeys/config').then(function (config) {
      if (!config.enabled) {
        UP.say('passkey-message', 'info', 'Passkeys are off on this server: it must be served over https (or on localhost).');
        return;
      }
      if (!supported()) {
        UP.say('passkey-message', 'info', 'This browser cannot use passkeys here.');
        return;
      }
      section.hidden = false;
      loadList();
      UP.onClick('add-passkey', function () {
        UP.quiet('passkey-message');
        return UP.authed('POST', 'api/passkeys/options')
          .then(function (options) { return navigator.credentials.create({ publicKey: creationOptions(options) }); })
          .then(function (credential) {
            return UP.authed('POST', 'api/passkeys', { body: { credential: credentialJson(credential) }, retry: false });
          })
          .then(function () {
            UP.say('passkey-message', 'ok', 'Your passkey is added.');
            return loadList();
          }, function (err) {
            if (err && err.name === 'NotAllowedError') UP.say('passkey-message', 'warn', 'No passkey was made.');
            else UP.showError('passkey-message', err);
          });
      });
    });
  }

  /* ---- sign-in page ---- */

  function signIn(button) {
    UP.request('GET', 'api/passkeys/config').then(function (config) {
      if (!config.enabled || !supported()) return;
      UP.byId('passkey-signin').hidden = false;
      UP.onClick('passkey-submit', function () {
        UP.quiet('message');
        var address = UP.byId('email').value.trim();
        if (!address || address.indexOf('@') < 1) {
          UP.say('message', 'error', 'Enter your email address, then sign in with your passkey.');
          UP.byId('email').focus();
          return;
        }
        var session;
        return UP.request('POST', 'api/signin/passkey/options', { body: { email: address } })
          .then(function (challenge) {
            session = challenge.session;
            return navigator.credentials.get({ publicKey: requestOptions(challenge.options) });
          })
          .then(function (credential) {
            return UP.request('POST', 'api/signin/passkey',
              { body: { email: address, session: session, credential: credentialJson(credential) } });
          })
          .then(function (answer) {
            if (!answer || !answer.accessToken) throw new UP.ApiError(500, null);
            UP.tokens.clear();
            UP.tokens.save(answer);
            UP.go(UP.nextPage(UP.param('next')));
          }, function (err) {
            if (err && err.name === 'NotAllowedError') UP.say('message', 'warn', 'No passkey was used.');
            else UP.showError('message', err, { email: address });
          });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = UP.byId('passkeys');
    if (section) profile(section);
    var button = UP.byId('passkey-submit');
    if (button) signIn(button);
  });
})();
