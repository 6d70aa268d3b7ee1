/*global WildRydes _config AmazonCognitoIdentity*/
/*
 * The Wild Rydes walk-through's js/cognito-auth.js (aws-samples/aws-serverless-workshops, module 2),
 * kept to its shape — poolData from _config, register / signin / verify with amazon-cognito-identity-js,
 * WildRydes.authToken and WildRydes.signOut — with two changes: plain DOM instead of jQuery (no CDN
 * here), and messages on the page instead of alert(). The pool's usernames are email addresses, so
 * toUsername() keeps the address as it is (the walk-through's pool needed "-at-" for "@").
 */
var WildRydes = window.WildRydes || {};
window.WildRydes = WildRydes;

(function scopeWrapper() {
  'use strict';
  var signinUrl = 'signin.html';

  var poolData = {
    UserPoolId: _config.cognito.userPoolId,
    ClientId: _config.cognito.userPoolClientId,
    // the one line the walk-through does not have: Amazon Cognito's endpoint is this server
    endpoint: _config.cognito.endpoint
  };

  var userPool;

  if (!(_config.cognito.userPoolId && _config.cognito.userPoolClientId && _config.cognito.region)) {
    document.addEventListener('DOMContentLoaded', function () {
      document.getElementById('noCognitoMessage').hidden = false;
    });
    return;
  }

  userPool = new AmazonCognitoIdentity.CognitoUserPool(poolData);

  WildRydes.signOut = function signOut() {
    var user = userPool.getCurrentUser();
    if (user) user.signOut();
  };

  WildRydes.authToken = new Promise(function fetchCurrentAuthToken(resolve, reject) {
    var cognitoUser = userPool.getCurrentUser();

    if (cognitoUser) {
      cognitoUser.getSession(function sessionCallback(err, session) {
        if (err) {
          reject(err);
        } else if (!session.isValid()) {
          resolve(null);
        } else {
          resolve(session.getIdToken().getJwtToken());
        }
      });
    } else {
      resolve(null);
    }
  });

  /*
   * Cognito User Pool functions
   */

  function register(email, password, onSuccess, onFailure) {
    var dataEmail = {
      Name: 'email',
      Value: email
    };
    var attributeEmail = new AmazonCognitoIdentity.CognitoUserAttribute(dataEmail);

    userPool.signUp(toUsername(email), password, [attributeEmail], null,
      function signUpCallback(err, result) {
        if (!err) {
          onSuccess(result);
        } else {
          onFailure(err);
        }
      }
    );
  }

  function signin(email, password, onSuccess, onFailure) {
    var authenticationDetails = new AmazonCognitoIdentity.AuthenticationDetails({
      Username: toUsername(email),
      Password: password
    });

    var cognitoUser = createCognitoUser(email);
    cognitoUser.authenticateUser(authenticationDetails, {
      onSuccess: onSuccess,
      onFailure: onFailure
    });
  }

  function verify(email, code, onSuccess, onFailure) {
    createCognitoUser(email).confirmRegistration(code, true, function confirmCallback(err, result) {
      if (!err) {
        onSuccess(result);
      } else {
        onFailure(err);
      }
    });
  }

  function createCognitoUser(email) {
    return new AmazonCognitoIdentity.CognitoUser({
      Username: toUsername(email),
      Pool: userPool
    });
  }

  function toUsername(email) {
    return email;
  }

  /*
   *  Event Handlers
   */

  document.addEventListener('DOMContentLoaded', function onDocReady() {
    on('signinForm', handleSignin);
    on('registrationForm', handleRegister);
    on('verifyForm', handleVerify);
    var email = new URLSearchParams(window.location.search).get('email');
    ['emailInputVerify', 'emailInputSignin'].forEach(function (id) {
      var input = document.getElementById(id);
      if (input && email) input.value = email;
    });
  });

  function on(formId, handler) {
    var form = document.getElementById(formId);
    if (form) form.addEventListener('submit', handler);
  }

  function value(id) {
    return document.getElementById(id).value;
  }

  /** What the walk-through alert()s, on the page: the error's own words (err.message), never markup. */
  function say(kind, text) {
    var message = document.getElementById('message');
    message.className = 'message ' + kind;
    message.textContent = text;
  }

  function sayError(err) {
    say('error', (err && err.message) || String(err));
  }

  function handleSignin(event) {
    var email = value('emailInputSignin');
    var password = value('passwordInputSignin');
    event.preventDefault();
    signin(email, password,
      function signinSuccess() {
        window.location.href = 'ride.html';
      },
      sayError
    );
  }

  function handleRegister(event) {
    var email = value('emailInputRegister');
    var password = value('passwordInputRegister');
    var password2 = value('password2InputRegister');
    event.preventDefault();

    if (password === password2) {
      register(email, password,
        function registerSuccess(result) {
          say('ok', 'Registration successful. Please check your email for your verification code.');
          window.location.href = 'verify.html?email=' + encodeURIComponent(result.user.getUsername());
        },
        sayError
      );
    } else {
      say('error', 'Passwords do not match');
    }
  }

  function handleVerify(event) {
    var email = value('emailInputVerify');
    var code = value('codeInputVerify');
    event.preventDefault();
    verify(email, code,
      function verifySuccess() {
        say('ok', 'Verification successful. You will now be redirected to the login page.');
        window.location.href = signinUrl + '?email=' + encodeURIComponent(email);
      },
      sayError
    );
  }
}());
