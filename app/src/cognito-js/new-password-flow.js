'use strict';
// amazon-cognito-identity-js (pinned in package-lock.json) on an account an administrator created with a
// temporary password: authenticateUser (SRP) ends in newPasswordRequired with Cognito's userAttributes and
// requiredAttributes, completeNewPasswordChallenge refuses a weak password and then sets the chosen one
// and signs in, the answered session cannot be answered again, and the new password signs in.
// Run by CognitoJavaScriptNewPasswordIT with: ENDPOINT, POOL_ID, CLIENT_ID, EMAIL (the invited address),
// TEMPORARY (its temporary password), NEW_PASSWORD. It prints {"checks": [...]}; on failure also
// {"failed": ...} and exits with 1.

const assert = require('node:assert/strict');
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');

const { ENDPOINT, POOL_ID, CLIENT_ID, EMAIL, TEMPORARY, NEW_PASSWORD } = process.env;
const checks = [];
const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: `${ENDPOINT}/` });

function check(name) {
  checks.push(name);
}

/** authenticateUser (USER_SRP_AUTH); resolves with the tokens, or with the challenge's two arguments. */
function signIn(user, password) {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: EMAIL, Password: password }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      newPasswordRequired: (userAttributes, requiredAttributes) => resolve({ userAttributes, requiredAttributes }),
      mfaRequired: () => reject(new Error('unexpected mfaRequired')),
    });
  });
}

function completeNewPassword(user, password, attributes) {
  return new Promise((resolve, reject) => {
    user.completeNewPasswordChallenge(password, attributes, { onSuccess: resolve, onFailure: reject });
  });
}

async function refused(promise, code, message) {
  try {
    await promise;
  } catch (err) {
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    if (message) assert.equal(err.message, message);
    return err;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

async function main() {
  const user = new CognitoUser({ Username: EMAIL, Pool: pool });
  const challenge = await signIn(user, TEMPORARY);
  assert.ok(challenge.userAttributes, 'authenticateUser ended in newPasswordRequired');
  assert.equal(challenge.userAttributes.email, EMAIL);
  assert.equal(challenge.userAttributes.sub, undefined);
  assert.deepEqual(challenge.requiredAttributes, []);
  check('authenticateUser with the temporary password: newPasswordRequired');

  const session = user.Session;
  assert.ok(session, 'the library keeps the challenge session');
  await refused(completeNewPassword(user, 'weak', {}), 'InvalidPasswordException');
  check('completeNewPasswordChallenge with a weak password: InvalidPasswordException');

  // What apps commonly do: hand back the attributes they were given, without email_verified.
  const attributes = { ...challenge.userAttributes };
  delete attributes.email_verified;
  const signedIn = await completeNewPassword(user, NEW_PASSWORD, attributes);
  assert.ok(signedIn.isValid());
  const claims = JSON.parse(Buffer.from(signedIn.getIdToken().getJwtToken().split('.')[1], 'base64url'));
  assert.equal(claims.email, EMAIL);
  check('completeNewPasswordChallenge: signed in');

  await refused(pool.client.promisifyRequest('RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: CLIENT_ID, Session: session,
    ChallengeResponses: { USERNAME: EMAIL, NEW_PASSWORD: 'Another-Password-9' },
  }), 'NotAuthorizedException', 'Invalid session for the user.');
  check('the answered session again: NotAuthorizedException');

  const again = await signIn(new CognitoUser({ Username: EMAIL, Pool: pool }), NEW_PASSWORD);
  assert.ok(again.session && again.session.isValid());
  check('authenticateUser with the new password');

  process.stdout.write(JSON.stringify({ checks }));
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ checks, failed: String((err && err.stack) || err), code: err && err.code }));
  process.exit(1);
});
