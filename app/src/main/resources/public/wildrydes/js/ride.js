/*global WildRydes*/
/*
 * The protected page: without a valid session the library has no ID token and the visitor is sent
 * to sign in (as the walk-through's ride.js does); with one, the server's /api/me checks the token
 * the library got from the local pool, and the page shows who is signed in.
 */
(function rideScopeWrapper() {
  'use strict';

  function show(id, text) {
    document.getElementById(id).textContent = text;
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!WildRydes.authToken) return;
    WildRydes.authToken.then(function setAuthToken(token) {
      if (!token) {
        window.location.href = 'signin.html';
        return;
      }
      var claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      show('issuer', claims.iss);
      return fetch('/api/me', { headers: { Authorization: 'Bearer ' + token } })
        .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
        .then(function (answer) {
          if (!answer.ok) throw new Error(answer.body.detail || 'The server refused the token.');
          show('who', answer.body.email);
          show('status', answer.body.status);
        });
    }).catch(function handleTokenError(error) {
      var message = document.getElementById('message');
      message.className = 'message error';
      message.textContent = (error && error.message) || String(error);
    });

    document.getElementById('signOut').addEventListener('click', function () {
      WildRydes.signOut();
      window.location.href = 'signin.html';
    });
  });
}());
