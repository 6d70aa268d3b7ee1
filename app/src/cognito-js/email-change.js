'use strict';
// Changing the address with amazon-cognito-identity-js (pinned in package-lock.json) against the local
// pool, which keeps the original address active while a change is pending: updateAttributes with a new
// email (a code to the new address), the old address still signs in, a wrong code refused,
// getAttributeVerificationCode sends it again, verifyAttribute proves it, and then only the new address
// signs in (SRP) while the session from before keeps working. Run by CognitoJavaScriptEmailChangeIT with:
//   ENDPOINT (http://127.0.0.1:<port>), POOL_ID, CLIENT_ID, EMAIL, NEW_EMAIL, PASSWORD
// It prints one JSON object: {"checks": ["…", …]} on success; on failure the failed step, and exits with 1.

const assert = require('node:assert/strict');
const {
  AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool, CognitoRefreshToken,
} = require('amazon-cognito-identity-js');

const { ENDPOINT, POOL_ID, CLIENT_ID, EMAIL, NEW_EMAIL, PASSWORD } = process.env;
const checks = [];

function check(name) {
  checks.push(name);
}

const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: `${ENDPOINT}/` });

function userNamed(username) {
  return new CognitoUser({ Username: username, Pool: pool });
}

function signUp(email, password) {
  return new Promise((resolve, reject) => {
    pool.signUp(email, password, [new CognitoUserAttribute({ Name: 'email', Value: email })], null,
      (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function confirm(email, code) {
  return new Promise((resolve, reject) => {
    userNamed(email).confirmRegistration(code, true, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function signIn(email, password) {
  const user = userNamed(email);
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve({ user, session }),
      onFailure: reject,
    });
  });
}

function attributesOf(user) {
  return new Promise((resolve, reject) => user.getUserAttributes((err, list) => (err ? reject(err)
    : resolve(Object.fromEntries(list.map((a) => [a.getName(), a.getValue()]))))));
}

function verifyAttribute(user, code) {
  return new Promise((resolve, reject) => user.verifyAttribute('email', code, { onSuccess: resolve, onFailure: reject }));
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

async function latestCode(email) {
  const response = await fetch(`${ENDPOINT}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  const { messages } = await response.json();
  for (const message of messages) {
    const match = /\b(\d{6})\b/.exec(message.textBody);
    if (match) return match[1];
  }
  throw new Error(`no code in the mailbox of ${email}`);
}

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url'));
}

async function main() {
  await signUp(EMAIL, PASSWORD);
  await confirm(EMAIL, await latestCode(EMAIL));
  const { user, session } = await signIn(EMAIL, PASSWORD);
  check('signed in with the first address');

  const [status, answer] = await new Promise((resolve, reject) => user.updateAttributes(
    [new CognitoUserAttribute({ Name: 'email', Value: NEW_EMAIL })],
    (err, result, details) => (err ? reject(err) : resolve([result, details]))));
  assert.equal(status, 'SUCCESS');
  assert.equal(answer.CodeDeliveryDetailsList.length, 1);
  assert.equal(answer.CodeDeliveryDetailsList[0].AttributeName, 'email');
  assert.equal(answer.CodeDeliveryDetailsList[0].DeliveryMedium, 'EMAIL');
  assert.equal(answer.CodeDeliveryDetailsList[0].Destination, `${NEW_EMAIL[0]}***@e***.com`);
  check('updateAttributes(email): a code to the new address');

  assert.deepEqual(await attributesOf(user), { sub: claims(session.getIdToken().getJwtToken()).sub, email_verified: 'true', email: EMAIL });
  await signIn(EMAIL, PASSWORD);
  await refused(signIn(NEW_EMAIL, PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
  check('pending: the old address is the account\'s and signs in, the new one does not');

  await refused(verifyAttribute(user, String((Number(await latestCode(NEW_EMAIL)) + 1) % 1000000).padStart(6, '0')),
    'CodeMismatchException', 'Invalid verification code provided, please try again.');
  check('verifyAttribute with a wrong code: CodeMismatchException');

  const resent = await new Promise((resolve, reject) => user.getAttributeVerificationCode('email', {
    onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve,
  }));
  assert.equal(resent.CodeDeliveryDetails.Destination, `${NEW_EMAIL[0]}***@e***.com`);
  check('getAttributeVerificationCode: a new code to the pending address');

  assert.equal(await verifyAttribute(user, await latestCode(NEW_EMAIL)), 'SUCCESS');
  const after = await attributesOf(user);
  assert.equal(after.email, NEW_EMAIL);
  assert.equal(after.email_verified, 'true');
  check('verifyAttribute: the new address is the account\'s, verified; the session from before still works');

  const moved = await signIn(NEW_EMAIL, PASSWORD);
  assert.equal(claims(moved.session.getIdToken().getJwtToken()).email, NEW_EMAIL);
  await refused(signIn(EMAIL, PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
  check('only the new address signs in (SRP), its ID token names it');

  assert.equal(claims(session.getIdToken().getJwtToken()).email, EMAIL, 'an ID token keeps what it was issued with');
  const refreshed = await new Promise((resolve, reject) => user.refreshSession(
    new CognitoRefreshToken({ RefreshToken: session.getRefreshToken().getToken() }), (err, s) => (err ? reject(err) : resolve(s))));
  assert.equal(claims(refreshed.getIdToken().getJwtToken()).email, NEW_EMAIL);
  check('refreshSession: the refresh token from before gives ID tokens with the new address');

  process.stdout.write(JSON.stringify({ checks }));
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ checks, failed: String((err && err.stack) || err), code: err && err.code }));
  process.exit(1);
});
