/*
 * userpool — shared by every page: calling the API, keeping the tokens, and
 * turning an error into words a person understands.
 *
 * Rules kept here so no page has to remember them:
 *  - tokens live in sessionStorage only, never in a URL;
 *  - text from the server reaches the page through textContent, never innerHTML.
 */
(function () {
  'use strict';

  var KEYS = {
    id: 'userpool.idToken',
    access: 'userpool.accessToken',
    refresh: 'userpool.refreshToken',
    expiresAt: 'userpool.expiresAt',
    flash: 'userpool.flash'
  };

  var GENERIC = 'Something went wrong on our side. Try again in a moment.';

  // ---------------------------------------------------------------- storage

  function store() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null; // storage disabled: behave as signed out
    }
  }

  function get(key) {
    var s = store();
    return s ? s.getItem(key) : null;
  }

  function put(key, value) {
    var s = store();
    if (!s) return;
    if (value === null || value === undefined) s.removeItem(key);
    else s.setItem(key, String(value));
  }

  var tokens = {
    /** Keeps what /api/signin or /api/refresh answered; refresh answers carry no refresh token. */
    save: function (answer) {
      if (!answer) return;
      if (answer.idToken) put(KEYS.id, answer.idToken);
      if (answer.accessToken) put(KEYS.access, answer.accessToken);
      if (answer.refreshToken) put(KEYS.refresh, answer.refreshToken);
      var seconds = Number(answer.expiresIn);
      if (seconds > 0) put(KEYS.expiresAt, Date.now() + seconds * 1000);
    },
    id: function () { return get(KEYS.id); },
    access: function () { return get(KEYS.access); },
    refresh: function () { return get(KEYS.refresh); },
    has: function () { return !!(get(KEYS.id) || get(KEYS.access)); },
    /** True when the tokens expire within the next 30 seconds. */
    expiring: function () {
      var at = Number(get(KEYS.expiresAt));
      return at > 0 && at - Date.now() < 30000;
    },
    clear: function () {
      put(KEYS.id, null);
      put(KEYS.access, null);
      put(KEYS.refresh, null);
      put(KEYS.expiresAt, null);
    }
  };

  /** A one-time note carried to the next page (e.g. "Your email is confirmed"). */
  var flash = {
    set: function (text, kind) {
      put(KEYS.flash, JSON.stringify({ text: text, kind: kind || 'ok' }));
    },
    take: function () {
      var raw = get(KEYS.flash);
      put(KEYS.flash, null);
      if (!raw) return null;
      try {
        var f = JSON.parse(raw);
        return f && typeof f.text === 'string' ? f : null;
      } catch (e) {
        return null;
      }
    }
  };

  // -------------------------------------------------------------------- API

  /** An answer that was not 2xx, or no answer at all (status 0). */
  function ApiError(status, problem) {
    problem = problem && typeof problem === 'object' ? problem : {};
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof problem.code === 'string' ? problem.code : null;
    this.title = typeof problem.title === 'string' ? problem.title : null;
    this.detail = typeof problem.detail === 'string' ? problem.detail : null;
    this.violations = Array.isArray(problem.violations)
      ? problem.violations.filter(function (v) { return typeof v === 'string'; })
      : [];
    this.message = this.detail || this.title || ('HTTP ' + status);
  }
  ApiError.prototype = Object.create(Error.prototype);
  ApiError.prototype.constructor = ApiError;

  /**
   * Calls the API. Paths are relative ("api/signin") so the pages also work behind a
   * proxy that serves the app under a sub-path. Resolves with the parsed JSON body
   * (null for 204), rejects with an ApiError.
   */
  function request(method, path, options) {
    options = options || {};
    var headers = { 'Accept': 'application/json, application/problem+json' };
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (options.token) headers['Authorization'] = 'Bearer ' + options.token;

    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        if (text) {
          try {
            data = JSON.parse(text);
          } catch (e) {
            data = null;
          }
        }
        if (!response.ok) throw new ApiError(response.status, data);
        return data;
      });
    }, function () {
      throw new ApiError(0, null);
    });
  }

  var refreshing = null;

  /** Trades the refresh token for new ID and access tokens; one call at a time. */
  function refreshTokens() {
    var refreshToken = tokens.refresh();
    if (!refreshToken) return Promise.reject(new ApiError(401, { code: 'NotAuthorized' }));
    if (!refreshing) {
      refreshing = request('POST', 'api/refresh', { body: { refreshToken: refreshToken } })
        .then(function (answer) {
          tokens.save(answer);
          return answer;
        })
        .finally(function () { refreshing = null; });
    }
    return refreshing;
  }

  /**
   * Calls the API with a stored token ('id' or 'access'). Refreshes first when the
   * tokens are about to expire, and once more when the server says 401 — unless
   * options.retry is false: a 401 can also mean a wrong password (change-password),
   * and trying that twice would count twice towards the lockout.
   * Rejects with status 401 when there is no usable token.
   */
  function authed(method, path, options) {
    options = options || {};
    var which = options.tokenType === 'id' ? 'id' : 'access';
    var current = function () { return which === 'id' ? tokens.id() : tokens.access(); };
    if (!current() && !tokens.refresh()) {
      return Promise.reject(new ApiError(401, { code: 'NotAuthorized', detail: 'You are not signed in.' }));
    }
    var call = function () {
      return request(method, path, { body: options.body, token: current() });
    };
    var ready = (!current() || tokens.expiring()) ? refreshTokens().catch(function () { /* try what we have */ })
      : Promise.resolve();
    return ready.then(call).catch(function (err) {
      if (err instanceof ApiError && err.status === 401 && options.retry !== false && tokens.refresh()) {
        return refreshTokens().then(call, function () { throw err; });
      }
      throw err;
    });
  }

  // ------------------------------------------------------------ error words

  /**
   * What to tell a person about an error: { text, items: [...], links: [{href, text}], kind }.
   * `context.email` is used for helpful links.
   */
  function describe(err, context) {
    context = context || {};
    var emailQuery = context.email ? '?email=' + encodeURIComponent(context.email) : '';
    if (!(err instanceof ApiError)) {
      return { text: GENERIC, items: [], links: [] };
    }
    switch (err.code) {
      case 'UsernameExists':
        return {
          text: 'An account with this email already exists. Sign in or reset your password.',
          items: [],
          links: [
            { href: 'signin.html' + emailQuery, text: 'Sign in' },
            { href: 'reset.html' + emailQuery, text: 'Reset your password' }
          ]
        };
      case 'CodeMismatch':
        return { text: 'That code is not right. Check the email and try again.', items: [], links: [] };
      case 'ExpiredCode':
        return { text: 'That code has expired. Send a new one.', items: [], links: [] };
      case 'UserNotConfirmed':
        return {
          text: 'Confirm your email first.',
          items: [],
          links: [{ href: 'verify.html' + emailQuery, text: 'Enter your verification code' }]
        };
      case 'NotAuthorized':
        return { text: err.detail || 'Incorrect username or password.', items: [], links: [] };
      case 'LimitExceeded':
      case 'TooManyRequests':
      case 'TooManyFailedAttempts':
        return { text: 'Too many attempts. Wait a little and try again.', items: [], links: [] };
      case 'InvalidPassword':
        if (err.violations.length) {
          return { text: 'Choose another password:', items: err.violations.slice(), links: [] };
        }
        return { text: err.detail || 'That password does not meet the rules.', items: [], links: [] };
      case 'InvalidParameter':
        return { text: err.detail || 'Check what you entered and try again.', items: [], links: [] };
      case 'UserNotFound':
        return { text: err.detail || 'There is no account with this email.', items: [], links: [] };
      default:
        return { text: GENERIC, items: [], links: [] };
    }
  }

  // ------------------------------------------------------------------- DOM

  /** Builds an element; children are nodes or strings (strings become text, never markup). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'text') node.textContent = value;
        else if (name === 'className') node.className = value;
        else if (name === 'dataset') Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        else if (name.slice(0, 2) === 'on' && typeof value === 'function') node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? '' : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
    else node.appendChild(child);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function byId(id) {
    return document.getElementById(id);
  }

  /** Shows a status line: kind is 'info', 'ok', 'warn' or 'error'. Links are [{href, text}]. */
  function say(target, kind, text, items, links) {
    if (typeof target === 'string') target = byId(target);
    if (!target) return;
    clear(target);
    target.className = 'message ' + kind;
    target.appendChild(el('p', { text: text }));
    if (items && items.length) {
      target.appendChild(el('ul', null, items.map(function (item) { return el('li', { text: item }); })));
    }
    if (links && links.length) {
      var p = el('p');
      links.forEach(function (link, i) {
        if (i > 0) p.appendChild(document.createTextNode(' · '));
        p.appendChild(el('a', { href: link.href, text: link.text }));
      });
      target.appendChild(p);
    }
  }

  function showError(target, err, context) {
    var words = describe(err, context);
    say(target, 'error', words.text, words.items, words.links);
    if (!(err instanceof ApiError) || (err.status >= 500 || err.status === 0)) {
      if (window.console && console.warn) console.warn('userpool:', err); // for developers; never shown
    }
  }

  /**
   * Shows the server's own words for a refusal (the problem's detail, e.g. Cognito's "Code mismatch…"),
   * falling back to describe()'s; for answers whose codes describe() has no words for (second factors).
   */
  function showDetail(target, err) {
    if (err instanceof ApiError && err.detail && err.status >= 400 && err.status < 500) say(target, 'error', err.detail);
    else showError(target, err);
  }

  /**
   * What an authenticator app needs to be set up, from POST api/me/mfa/totp or api/signin/mfa-setup/totp:
   * the QR code (a PNG), the secret as text in groups of four, for typing, and the otpauth:// link for an
   * app on the same device. Ids are prefix-qr (a canvas), prefix-secret and prefix-uri. The secret stays
   * on the page only until it is verified.
   */
  function authenticatorSecret(answer, prefix) {
    var groups = String(answer.secret || '').match(/.{1,4}/g) || [];
    var qr = el('canvas', { id: prefix + '-qr', role: 'img',
      'aria-label': 'QR code for your authenticator app (the key below holds the same)' });
    drawPng(qr, answer.qrCode);
    return el('div', { className: 'totp-setup' }, qr,
      el('p', null, 'Scan the QR code with your authenticator app, or type this key into it:'),
      el('p', { id: prefix + '-secret', className: 'mono totp-key', text: groups.join(' ') }),
      el('p', null, el('a', { id: prefix + '-uri', href: answer.otpauthUri, text: 'Open it in an authenticator app on this device' })));
  }

  /**
   * Draws a PNG given as a data: URI on a canvas at its own size. Decoded here (createImageBitmap on the bytes,
   * no URL loaded), so the pages' policy can keep img-src to this server alone; data-drawn="true" when done.
   */
  function drawPng(canvas, dataUri) {
    var text = String(dataUri || '');
    var raw = atob(text.slice(text.indexOf(',') + 1));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return createImageBitmap(new Blob([bytes], { type: 'image/png' })).then(function (bitmap) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      canvas.setAttribute('data-drawn', 'true');
    }, function (err) {
      if (window.console && console.warn) console.warn('userpool: the QR code did not draw', err);
    });
  }

  function quiet(target) {
    if (typeof target === 'string') target = byId(target);
    if (!target) return;
    clear(target);
    target.className = 'message';
  }

  /** Shows a flash note left by the previous page, if there is one. */
  function showFlash(target) {
    var f = flash.take();
    if (f) say(target, f.kind || 'ok', f.text);
  }

  /**
   * Wires a form: prevents the default submit, disables the submit button while the
   * handler's promise runs, and clears the message first. The handler gets the form.
   */
  function onSubmit(form, handler) {
    if (typeof form === 'string') form = byId(form);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var buttons = form.querySelectorAll('button[type="submit"], button:not([type])');
      if (form.getAttribute('aria-busy') === 'true') return;
      form.setAttribute('aria-busy', 'true');
      buttons.forEach(function (b) { b.disabled = true; });
      Promise.resolve()
        .then(function () { return handler(form); })
        .catch(function (err) { if (window.console && console.warn) console.warn('userpool:', err); })
        .finally(function () {
          form.removeAttribute('aria-busy');
          buttons.forEach(function (b) { b.disabled = false; });
        });
    });
  }

  /** Wires a button like onSubmit does for forms. */
  function onClick(button, handler) {
    if (typeof button === 'string') button = byId(button);
    button.addEventListener('click', function () {
      if (button.disabled) return;
      button.disabled = true;
      Promise.resolve()
        .then(function () { return handler(button); })
        .catch(function (err) { if (window.console && console.warn) console.warn('userpool:', err); })
        .finally(function () { button.disabled = false; });
    });
  }

  /** A query-string parameter, or '' when absent. */
  function param(name) {
    try {
      return new URLSearchParams(window.location.search).get(name) || '';
    } catch (e) {
      return '';
    }
  }

  function go(page) {
    window.location.assign(page);
  }

  /** Pages that may follow sign-in; anything else goes to ride.html (no open redirects). */
  var NEXT_PAGES = ['ride.html', 'admin.html'];
  function nextPage(requested) {
    return NEXT_PAGES.indexOf(requested) >= 0 ? requested : 'ride.html';
  }

  /** A date for people, with the exact instant in a <time> element. */
  function time(iso) {
    if (!iso) return el('span', { className: 'muted', text: '—' });
    var d = new Date(iso);
    if (isNaN(d.getTime())) return el('span', { text: String(iso) });
    return el('time', { datetime: d.toISOString(), title: d.toISOString(), text: d.toLocaleString() });
  }

  /** Turns a value from an <input type="datetime-local"> (local time) into an ISO instant. */
  function instantFromLocal(value) {
    if (!value) return '';
    var d = new Date(value);
    return isNaN(d.getTime()) ? '' : d.toISOString();
  }

  /** "Show password" checkboxes: <input type="checkbox" data-reveal="password-id"> */
  function wireReveal() {
    document.querySelectorAll('input[type="checkbox"][data-reveal]').forEach(function (box) {
      box.addEventListener('change', function () {
        box.getAttribute('data-reveal').split(' ').forEach(function (id) {
          var input = byId(id);
          if (input) input.type = box.checked ? 'text' : 'password';
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', wireReveal);

  /** Navigation links only for a signed-in visitor: <a data-signed-in hidden>. */
  function showSignedInLinks() {
    document.querySelectorAll('[data-signed-in]').forEach(function (link) {
      link.hidden = !(tokens.has() || tokens.refresh());
    });
  }

  document.addEventListener('DOMContentLoaded', showSignedInLinks);

  window.UserPool = {
    tokens: tokens,
    flash: flash,
    ApiError: ApiError,
    request: request,
    authed: authed,
    refreshTokens: refreshTokens,
    describe: describe,
    say: say,
    showError: showError,
    showDetail: showDetail,
    authenticatorSecret: authenticatorSecret,
    showFlash: showFlash,
    quiet: quiet,
    el: el,
    clear: clear,
    byId: byId,
    onSubmit: onSubmit,
    onClick: onClick,
    param: param,
    go: go,
    nextPage: nextPage,
    time: time,
    instantFromLocal: instantFromLocal,
    GENERIC_ERROR: GENERIC
  };
})();
