/* admin.html, the Passkeys card: a user's passkeys, and removing one (an audit event names the administrator). */
(function () {
  'use strict';
  var UP = window.UserPool;

  function path(email, id) {
    return 'api/admin/users/' + encodeURIComponent(email) + '/passkeys' + (id ? '/' + encodeURIComponent(id) : '');
  }

  function show(email) {
    var list = UP.byId('admin-passkeys-list');
    return UP.authed('GET', path(email)).then(function (answer) {
      UP.clear(list);
      var passkeys = answer.passkeys || [];
      if (!passkeys.length) list.appendChild(UP.el('li', { text: 'This user has no passkey.' }));
      passkeys.forEach(function (p) {
        var remove = UP.el('button', { type: 'button', className: 'small danger', text: 'Remove',
          'aria-label': 'Remove passkey ' + p.credentialId });
        remove.addEventListener('click', function () {
          UP.authed('DELETE', path(email, p.credentialId)).then(function () {
            UP.say('admin-passkeys-message', 'ok', 'The passkey is removed.');
            return show(email);
          }, function (err) { UP.showError('admin-passkeys-message', err); });
        });
        list.appendChild(UP.el('li', { dataset: { credentialId: p.credentialId } },
          UP.el('span', { text: p.name + ' (' + p.relyingPartyId + '), added ' + p.createdAt.substring(0, 10) + ' ' }),
          remove));
      });
    }, function (err) { UP.showError('admin-passkeys-message', err); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!UP.byId('admin-passkeys-form')) return;
    UP.onSubmit('admin-passkeys-form', function () {
      UP.quiet('admin-passkeys-message');
      var email = UP.byId('admin-passkeys-email').value.trim();
      if (!email) {
        UP.say('admin-passkeys-message', 'error', 'Enter the email address of the user.');
        return;
      }
      return show(email);
    });
  });
})();
