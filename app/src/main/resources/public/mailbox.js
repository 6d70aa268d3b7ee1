/*
 * mailbox.html — the development mailbox of the embedded server. Shows the text body of
 * each message (never the HTML body as HTML), and lifts a one-time code out so it is easy to read.
 */
(function () {
  'use strict';
  var UP = window.UserPool;

  var KIND_WORDS = {
    CONFIRMATION_CODE: 'Verification code',
    PASSWORD_RESET_CODE: 'Password reset code',
    VERIFICATION_LINK: 'Verification link',
    PASSWORD_CHANGED: 'Password changed',
    PASSWORD_RESET: 'Password reset',
    ACCOUNT_DELETED: 'Account deleted'
  };

  /** The one-time code of a message: a `code` field if the server gives one, else six digits in the text. */
  function codeOf(message) {
    if (typeof message.code === 'string' && message.code) return message.code;
    if (message.kind && !/CODE/.test(message.kind)) return null;
    var found = /(?:^|\D)(\d{6})(?!\d)/.exec(message.textBody || '');
    return found ? found[1] : null;
  }

  /** Text with http(s) links made clickable; everything else stays text. */
  function linkified(text) {
    var parts = [];
    var pattern = /https?:\/\/[^\s<>"']+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var url = match[0].replace(/[).,;:!?]+$/, '');
      if (match.index > last) parts.push(text.slice(last, match.index));
      parts.push(UP.el('a', { href: url, text: url }));
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  }

  function render(messages, to) {
    var list = UP.byId('messages');
    UP.clear(list);
    UP.byId('messages-section').hidden = false;
    UP.byId('messages-title').textContent = messages.length === 1
      ? '1 message to ' + to
      : messages.length + ' messages to ' + to;
    messages.forEach(function (m, i) {
      var code = codeOf(m);
      var headingId = 'mail-' + i;
      list.appendChild(UP.el('li', {
        className: 'mail message-item',
        'aria-labelledby': headingId,
        dataset: { kind: String(m.kind || ''), id: String(m.id || '') }
      },
        UP.el('h3', { id: headingId, className: 'subject', text: m.subject || '(no subject)' }),
        UP.el('p', { className: 'meta' },
          UP.time(m.sentAt), ' · ', KIND_WORDS[m.kind] || String(m.kind || 'Message'), ' · to ', String(m.to || to)),
        code ? UP.el('p', null,
          UP.el('span', { className: 'label', text: 'Code' }),
          UP.el('span', { className: 'code', text: code })) : null,
        UP.el('pre', { className: 'text-body' }, linkified(String(m.textBody || '')))
      ));
    });
  }

  function load(to) {
    UP.quiet('message');
    return UP.request('GET', 'api/dev/mailbox?to=' + encodeURIComponent(to)).then(function (answer) {
      var messages = answer && Array.isArray(answer.messages) ? answer.messages : [];
      render(messages, to);
      var at = new Date().toLocaleTimeString();
      if (messages.length) {
        UP.say('message', 'ok', (messages.length === 1 ? '1 message' : messages.length + ' messages') + ', newest first (checked at ' + at + ').');
      } else {
        UP.say('message', 'info', 'No messages to ' + to + ' yet (checked at ' + at + '). Messages appear here as soon as they are sent; show them again in a moment.');
      }
    }, function (err) {
      UP.byId('messages-section').hidden = true;
      if (err.status === 404) {
        UP.say('message', 'warn', 'The development mailbox is not in use: this server sends real email. Look in your inbox.');
      } else {
        UP.showError('message', err, { email: to });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var email = UP.byId('email');
    var submit = UP.byId('submit');
    email.value = UP.param('to') || UP.param('email');

    UP.onSubmit('mailbox-form', function () {
      var to = email.value.trim();
      if (!to || to.indexOf('@') < 1) {
        email.setAttribute('aria-invalid', 'true');
        UP.say('message', 'error', 'Enter an email address, like name@example.com.');
        email.focus();
        return;
      }
      email.removeAttribute('aria-invalid');
      // Keep the address in the URL so a reload shows the same mailbox (no secrets here).
      if (UP.param('to') !== to && window.history && history.replaceState) {
        history.replaceState(null, '', 'mailbox.html?to=' + encodeURIComponent(to));
      }
      submit.textContent = 'Show messages again';
      return load(to);
    });

    if (email.value) {
      submit.textContent = 'Show messages again';
      UP.byId('submit').click();
    } else {
      email.focus();
    }
  });
})();
