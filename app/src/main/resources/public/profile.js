/* profile.html — protected: shows the signed-in user's attributes and saves the ones the app may write. */
(function () {
  'use strict';
  var UP = window.UserPool;

  /** Labels for Cognito's standard attributes; custom ones show their name. */
  var LABELS = {
    name: 'Full name', given_name: 'Given name', family_name: 'Family name', middle_name: 'Middle name',
    nickname: 'Nickname', preferred_username: 'Preferred username', profile: 'Profile page', picture: 'Picture URL',
    website: 'Website', gender: 'Gender', birthdate: 'Date of birth (YYYY-MM-DD)', zoneinfo: 'Time zone',
    locale: 'Locale', phone_number: 'Phone number (+ and digits)', address: 'Address', updated_at: 'Updated at (seconds)'
  };

  var loaded = {};

  function toSignIn(note) {
    UP.tokens.clear();
    if (note) UP.flash.set(note, 'info');
    window.location.replace('signin.html');
  }

  function fieldId(name) {
    return 'attr-' + name.replace(/[^a-zA-Z0-9_-]/g, '-');
  }

  function show(view) {
    loaded = view.attributes || {};
    var fields = UP.byId('fields');
    UP.clear(fields);
    (view.writable || []).forEach(function (a) {
      if (typeof a.name !== 'string' || a.name === 'updated_at') return;
      var id = fieldId(a.name);
      var field = UP.el('div', { className: 'field' });
      field.appendChild(UP.el('label', { for: id, text: (LABELS[a.name] || a.name) + (a.required ? ' (required)' : '') }));
      var input = UP.el(a.name === 'address' ? 'textarea' : 'input', { id: id, name: a.name });
      if (a.name !== 'address') input.type = 'text';
      if (a.type === 'Number') input.inputMode = 'numeric';
      if (a.name === 'phone_number') input.autocomplete = 'tel';
      if (a.name === 'name') input.autocomplete = 'name';
      if (typeof a.max === 'number') input.maxLength = a.max;
      input.value = typeof loaded[a.name] === 'string' ? loaded[a.name] : '';
      input.setAttribute('data-attribute', a.name);
      field.appendChild(input);
      fields.appendChild(field);
    });
    UP.byId('greeting').textContent = 'What others may know about you.';
    UP.byId('profile-form').hidden = false;
  }

  /** Only what changed: a new value, or null for a field emptied. */
  function patch() {
    var body = {};
    document.querySelectorAll('[data-attribute]').forEach(function (input) {
      var name = input.getAttribute('data-attribute');
      var before = typeof loaded[name] === 'string' ? loaded[name] : '';
      if (input.value === before) return;
      body[name] = input.value === '' ? null : input.value;
    });
    return body;
  }

  document.addEventListener('DOMContentLoaded', function () {
    UP.showFlash('message');
    if (!UP.tokens.has() && !UP.tokens.refresh()) {
      toSignIn('Sign in to see your profile.');
      return;
    }
    UP.authed('GET', 'api/me/attributes').then(show, function (err) {
      if (err.status === 401) {
        toSignIn('Your session has ended. Sign in again.');
        return;
      }
      UP.byId('greeting').textContent = 'We could not load your profile.';
      UP.showError('message', err);
    });

    UP.onSubmit('profile-form', function () {
      UP.quiet('save-message');
      var body = patch();
      if (Object.keys(body).length === 0) {
        UP.say('save-message', 'info', 'Nothing to save: no field changed.');
        return;
      }
      return UP.authed('PATCH', 'api/me/attributes', { body: body, retry: false }).then(function (view) {
        show(view);
        UP.say('save-message', 'ok', 'Your profile is saved.');
      }, function (err) {
        UP.showError('save-message', err);
      });
    });
  });
})();
