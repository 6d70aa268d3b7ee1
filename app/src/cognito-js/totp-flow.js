'use strict';
// amazon-cognito-identity-js (pinned in package-lock.json) with an authenticator app (TOTP MFA, issue 14).
// FLOW=enrol (a pool with USERPOOL_MFA=optional): authenticateUser (SRP) signs in, associateSoftwareToken
// hands out the secret, verifySoftwareToken refuses a wrong code and accepts a right one,
// setUserMfaPreference turns the app on; the next authenticateUser ends in totpRequired, sendMFACode
// refuses a wrong code and, after a new sign-in, signs in with the right one.
// FLOW=setup (USERPOOL_MFA=on): authenticateUser ends in mfaSetup; associateSoftwareToken and
// verifySoftwareToken with the challenge's session set the app up and sign in.
// Codes come from Debian's oathtool, never from this project's code.
// Run by CognitoJavaScriptTotpIT with: ENDPOINT, POOL_ID, CLIENT_ID, EMAIL, PASSWORD, FLOW. It prints
// {"checks": [...]}; on failure also {"failed": ...} and exits with 1.

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');

const { ENDPOINT, POOL_ID, CLIENT_ID, EMAIL, PASSWORD, FLOW } = process.env;
const checks = [];
const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: `${ENDPOINT}/` });

function check(name) {
  checks.push(name);
}

/** The app's code at now + offsetSteps × 30 s, from oathtool. */
function totp(secret, offsetSteps = 0) {
  const at = Math.floor(Date.now() / 1000) + offsetSteps * 30;
  return execFileSync('oathtool', ['--totp', '-b', '--now', `@${at}`, secret], { encoding: 'ascii' }).trim();
}

/** A six-digit code that is none of the three the app accepts now. */
function wrongCode(secret) {
  const near = [totp(secret, -1), totp(secret), totp(secret, 1)];
  for (let n = 0; ; n += 1) {
    const candidate = String((n * 137911) % 1000000).padStart(6, '0');
    if (!near.includes(candidate)) return candidate;
  }
}

/** authenticateUser (USER_SRP_AUTH): resolves with {session} or with the challenge the callbacks got. */
function signIn(user) {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: EMAIL, Password: PASSWORD }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      totpRequired: (challengeName, parameters) => resolve({ challengeName, parameters }),
      mfaSetup: (challengeName, parameters) => resolve({ challengeName, parameters }),
      mfaRequired: () => reject(new Error('unexpected mfaRequired (SMS)')),
      newPasswordRequired: () => reject(new Error('unexpected newPasswordRequired')),
    });
  });
}

function associate(user) {
  return new Promise((resolve, reject) => {
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject });
  });
}

function verify(user, code) {
  return new Promise((resolve, reject) => {
    user.verifySoftwareToken(code, 'node test', { onSuccess: resolve, onFailure: reject });
  });
}

function preferApp(user) {
  return new Promise((resolve, reject) => {
    user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function sendCode(user, code) {
  return new Promise((resolve, reject) => {
    user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA');
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

async function enrol() {
  const user = new CognitoUser({ Username: EMAIL, Pool: pool });
  const first = await signIn(user);
  assert.ok(first.session && first.session.isValid(), 'no app yet: the password signs in');
  const secret = await associate(user);
  assert.match(secret, /^[A-Z2-7]{32}$/);
  check('associateSoftwareToken: a base32 secret');

  await refused(verify(user, wrongCode(secret)), 'EnableSoftwareTokenMFAException',
    'Code mismatch and fail enable Software Token MFA');
  check('verifySoftwareToken with a wrong code: EnableSoftwareTokenMFAException');
  const verified = await verify(user, totp(secret));
  assert.equal(verified.Status, 'SUCCESS');
  check('verifySoftwareToken: SUCCESS');
  await preferApp(user);
  check('setUserMfaPreference: the app on and preferred');

  const challenged = new CognitoUser({ Username: EMAIL, Pool: pool });
  const totpRequired = await signIn(challenged);
  assert.equal(totpRequired.challengeName, 'SOFTWARE_TOKEN_MFA');
  check('authenticateUser: totpRequired');
  await refused(sendCode(challenged, wrongCode(secret)), 'CodeMismatchException', 'Invalid code received for user');
  check('sendMFACode with a wrong code: CodeMismatchException');

  // the step verifySoftwareToken used is spent: the next step's code, which the window accepts
  const again = new CognitoUser({ Username: EMAIL, Pool: pool });
  await signIn(again);
  const session = await sendCode(again, totp(secret, 1));
  assert.ok(session.isValid());
  const claims = JSON.parse(Buffer.from(session.getIdToken().getJwtToken().split('.')[1], 'base64url'));
  assert.equal(claims.email, EMAIL);
  check('sendMFACode with the app\'s code: signed in');
}

async function setup() {
  const user = new CognitoUser({ Username: EMAIL, Pool: pool });
  const challenge = await signIn(user);
  assert.equal(challenge.challengeName, 'MFA_SETUP');
  assert.equal(challenge.parameters.MFAS_CAN_SETUP, '["SOFTWARE_TOKEN_MFA"]');
  check('authenticateUser: mfaSetup');
  const secret = await associate(user);
  check('associateSoftwareToken with the challenge session');
  const session = await verify(user, totp(secret));
  assert.ok(session.isValid());
  check('verifySoftwareToken with the challenge session: signed in');

  const next = new CognitoUser({ Username: EMAIL, Pool: pool });
  assert.equal((await signIn(next)).challengeName, 'SOFTWARE_TOKEN_MFA');
  assert.ok((await sendCode(next, totp(secret, 1))).isValid());
  check('the next sign-in: totpRequired, then signed in');
}

(FLOW === 'setup' ? setup() : enrol())
  .then(() => {
    process.stdout.write(JSON.stringify({ checks }));
  })
  .catch((err) => {
    process.stdout.write(JSON.stringify({ checks, failed: `${err.code || ''} ${err.message}` }));
    process.exitCode = 1;
  });
