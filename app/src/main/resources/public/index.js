/* index.html — the front page: a flash note, and the service's health. */
(function () {
  'use strict';
  var UP = window.UserPool;

  document.addEventListener('DOMContentLoaded', function () {
    UP.showFlash('message');
    var health = UP.byId('health');
    UP.request('GET', 'health').then(function (answer) {
      var up = answer && answer.status === 'UP';
      health.textContent = up ? 'up' : String((answer && answer.status) || 'unknown').toLowerCase();
      health.className = 'badge ' + (up ? 'ok' : 'warn');
    }, function () {
      health.textContent = 'not answering';
      health.className = 'badge error';
    });
  });
})();
