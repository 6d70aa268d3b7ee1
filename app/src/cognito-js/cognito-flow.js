'use strict';
// The official Cognito JavaScript client (amazon-cognito-identity-js, pinned in package-lock.json)
// against the local pool, as a web or Node app uses it: sign up, confirm with the code from the
// development mailbox, sign in with SRP (authenticateUser), verify the tokens against the pool's JWKS,
// refresh, read the user, sign out everywhere. Run by CognitoJavaScriptClientIT with:
//   ENDPOINT (http://127.0.0.1:<port>), POOL_ID, CLIENT_ID, EMAIL, PASSWORD
// It prints one JSON object: {"checks": ["…", …]} on success; on failure it prints the failed step
// and exits with 1.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const {
  AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool, CognitoRefreshToken,
} = require('amazon-cognito-identity-js');

const { ENDPOINT, POOL_ID, CLIENT_ID, EMAIL, PASSWORD } = process.env;
const ISSUER = `${ENDPOINT}/${POOL_ID}`;
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

/** authenticateUser with the library's default flow, USER_SRP_AUTH. */
function signIn(email, password) {
  const user = userNamed(email);
  assert.equal(user.getAuthenticationFlowType(), 'USER_SRP_AUTH');
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve({ user, session }),
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected newPasswordRequired')),
      mfaRequired: () => reject(new Error('unexpected mfaRequired')),
    });
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

async function latestCode(email) {
  const response = await fetch(`${ENDPOINT}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  const { messages } = await response.json();
  for (const message of messages) {
    const match = /\b(\d{6})\b/.exec(message.textBody);
    if (match) return match[1];
  }
  throw new Error(`no code in the mailbox of ${email}`);
}

/** Verifies an RS256 JWT against the pool's JWKS, as a resource server does; returns its claims. */
async function verified(jwt, use) {
  const [headerB64, payloadB64, signatureB64] = jwt.split('.');
  const header = JSON.parse(Buffer.from(headerB64, 'base64url'));
  const claims = JSON.parse(Buffer.from(payloadB64, 'base64url'));
  const discovery = await (await fetch(`${ISSUER}/.well-known/openid-configuration`)).json();
  assert.equal(discovery.issuer, ISSUER, 'the discovery document names the issuer');
  const { keys } = await (await fetch(discovery.jwks_uri)).json();
  const jwk = keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, `the JWKS has the token's key ${header.kid}`);
  assert.equal(header.alg, 'RS256');
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const ok = crypto.verify('RSA-SHA256', Buffer.from(`${headerB64}.${payloadB64}`), key, Buffer.from(signatureB64, 'base64url'));
  assert.ok(ok, 'the signature verifies against the JWKS');
  assert.equal(claims.iss, ISSUER);
  assert.equal(claims.token_use, use);
  if (use === 'id') assert.equal(claims.aud, CLIENT_ID);
  else assert.equal(claims.client_id, CLIENT_ID);
  assert.ok(claims.exp * 1000 > Date.now(), 'not expired');
  return claims;
}

function call(operation, params) {
  return pool.client.promisifyRequest(operation, params);
}

async function main() {
  const signedUp = await signUp(EMAIL, PASSWORD);
  assert.equal(signedUp.userConfirmed, false);
  assert.match(signedUp.userSub, /^[0-9a-f-]{36}$/);
  assert.equal(signedUp.codeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(signedUp.codeDeliveryDetails.AttributeName, 'email');
  assert.match(signedUp.codeDeliveryDetails.Destination, /\*\*\*/);
  check('signUp');

  await refused(signUp(EMAIL, PASSWORD), 'UsernameExistsException');
  check('signUp again: UsernameExistsException');

  await refused(signIn(EMAIL, PASSWORD), 'UserNotConfirmedException', 'User is not confirmed.');
  check('authenticateUser before confirming: UserNotConfirmedException');

  await refused(confirm(EMAIL, '000000'), 'CodeMismatchException');
  assert.equal(await confirm(EMAIL, await latestCode(EMAIL)), 'SUCCESS');
  check('confirmRegistration with the mailed code');

  await refused(signIn(EMAIL, `${PASSWORD}x`), 'NotAuthorizedException', 'Incorrect username or password.');
  check('authenticateUser with a wrong password: NotAuthorizedException');

  await refused(signIn(`nobody-${Date.now()}@example.com`, PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
  check('authenticateUser of an unknown user: NotAuthorizedException');

  const { user, session } = await signIn(EMAIL, PASSWORD);
  assert.ok(session.isValid());
  const id = await verified(session.getIdToken().getJwtToken(), 'id');
  const access = await verified(session.getAccessToken().getJwtToken(), 'access');
  assert.equal(id.sub, signedUp.userSub);
  assert.equal(id.email, EMAIL);
  assert.equal(id.email_verified, true);
  assert.equal(id['cognito:username'], signedUp.userSub);
  assert.equal(access.sub, signedUp.userSub);
  assert.equal(user.getUsername(), signedUp.userSub, 'the library now knows the user by USER_ID_FOR_SRP');
  check('authenticateUser (SRP): tokens verify against the JWKS');

  const attributes = await new Promise((resolve, reject) => user.getUserAttributes((err, r) => (err ? reject(err) : resolve(r))));
  const byName = Object.fromEntries(attributes.map((a) => [a.getName(), a.getValue()]));
  assert.deepEqual(byName, { sub: signedUp.userSub, email_verified: 'true', email: EMAIL });
  check('getUserAttributes');

  const refreshToken = session.getRefreshToken().getToken();
  const refreshed = await new Promise((resolve, reject) => user.refreshSession(new CognitoRefreshToken({ RefreshToken: refreshToken }),
    (err, s) => (err ? reject(err) : resolve(s))));
  const refreshedId = await verified(refreshed.getIdToken().getJwtToken(), 'id');
  assert.equal(refreshedId.sub, signedUp.userSub);
  assert.notEqual(refreshed.getAccessToken().getJwtToken(), session.getAccessToken().getJwtToken());
  check('refreshSession');

  const accessToken = refreshed.getAccessToken().getJwtToken();
  await new Promise((resolve, reject) => user.globalSignOut({ onSuccess: resolve, onFailure: reject }));
  await refused(call('GetUser', { AccessToken: accessToken }), 'NotAuthorizedException');
  await refused(call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    'NotAuthorizedException');
  check('globalSignOut: the access and refresh tokens stop working');

  const again = await signIn(EMAIL, PASSWORD);
  assert.ok(again.session.isValid());
  check('authenticateUser again after signing out');

  await attributeSteps();

  process.stdout.write(JSON.stringify({ checks }));
}

/**
 * Issue 13, attributes: a second user signs up with a name, then edits their attributes with the
 * library's updateAttributes, getUserAttributes and deleteAttributes; bad values are refused with
 * Cognito's errors, and the next ID token carries the new name.
 */
async function attributeSteps() {
  const email = `attrs-${EMAIL}`;
  const signedUp = await new Promise((resolve, reject) => {
    pool.signUp(email, PASSWORD, [new CognitoUserAttribute({ Name: 'email', Value: email }),
      new CognitoUserAttribute({ Name: 'name', Value: 'Ada Lovelace' })], null,
    (err, result) => (err ? reject(err) : resolve(result)));
  });
  await confirm(email, await latestCode(email));
  const { user, session } = await signIn(email, PASSWORD);
  assert.equal((await verified(session.getIdToken().getJwtToken(), 'id')).name, 'Ada Lovelace');
  check('signUp with a name: the ID token carries it');

  const read = () => new Promise((resolve, reject) => user.getUserAttributes((err, r) => (err ? reject(err)
    : resolve(Object.fromEntries(r.map((a) => [a.getName(), a.getValue()]))))));
  const update = (attributes) => new Promise((resolve, reject) => user.updateAttributes(
    attributes.map(([Name, Value]) => new CognitoUserAttribute({ Name, Value })), (err, r) => (err ? reject(err) : resolve(r))));
  const remove = (names) => new Promise((resolve, reject) => user.deleteAttributes(names, (err, r) => (err ? reject(err) : resolve(r))));

  assert.equal(await update([['name', 'Ada King'], ['nickname', 'Countess'], ['birthdate', '1815-12-10']]), 'SUCCESS');
  assert.deepEqual(await read(), { sub: signedUp.userSub, email_verified: 'true', email, birthdate: '1815-12-10',
    name: 'Ada King', nickname: 'Countess' });
  check('updateAttributes, then getUserAttributes shows them');

  assert.equal(await remove(['nickname']), 'SUCCESS');
  assert.equal((await read()).nickname, undefined);
  check('deleteAttributes');

  await refused(update([['phone_number', '0123 456']]), 'InvalidParameterException', 'Invalid phone number format.');
  await refused(update([['shoe_size', '9']]), 'InvalidParameterException',
    'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.\n');
  await refused(update([['email_verified', 'true']]), 'NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  assert.equal((await read()).name, 'Ada King');
  check('updateAttributes with bad values: Cognito\'s errors, nothing changed');

  const refreshed = await new Promise((resolve, reject) => user.refreshSession(session.getRefreshToken(),
    (err, s) => (err ? reject(err) : resolve(s))));
  assert.equal((await verified(refreshed.getIdToken().getJwtToken(), 'id')).name, 'Ada King');
  check('refreshSession: the new ID token carries the new name');
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ checks, failed: String((err && err.stack) || err), code: err && err.code }));
  process.exit(1);
});
