'use strict';
// Choice-based sign-in (USER_AUTH) with an emailed code through amazon-cognito-identity-js (pinned). Its
// CognitoUser has no USER_AUTH flow (6.3.21, the newest, offers USER_SRP_AUTH, USER_PASSWORD_AUTH and
// CUSTOM_AUTH), so this drives InitiateAuth and RespondToAuthChallenge through the library's own client
// (pool.client.request: its transport and its error mapping), then hands the tokens to a CognitoUser
// (getCognitoUserSession, setSignInUserSession) and reads the user with getUserAttributes.
// Run by CognitoJavaScriptEmailOtpIT with: ENDPOINT, POOL_ID, CLIENT_ID, EMAIL (a confirmed account).
// It prints {"checks": [...]}; on failure also {"failed": ...} and exits with 1.

const assert = require('node:assert/strict');
const { CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');

const { ENDPOINT, POOL_ID, CLIENT_ID, EMAIL } = process.env;
const checks = [];
const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: `${ENDPOINT}/` });

function check(name) {
  checks.push(name);
}

function request(operation, params) {
  return new Promise((resolve, reject) => {
    pool.client.request(operation, params, (err, data) => (err ? reject(err) : resolve(data)));
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

async function latestSignInCode() {
  const answer = await fetch(`${ENDPOINT}/api/dev/mailbox?to=${encodeURIComponent(EMAIL)}`);
  const { messages } = await answer.json();
  for (const m of messages) {
    const found = /\b(\d{8})\b/.exec(m.textBody || '');
    if (m.subject === 'Your sign-in code' && found) return found[1];
  }
  throw new Error(`no sign-in code mailed to ${EMAIL}`);
}

async function main() {
  const select = await request('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: EMAIL } });
  assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
  assert.deepEqual(select.AvailableChallenges, ['EMAIL_OTP', 'PASSWORD', 'PASSWORD_SRP']);
  check('InitiateAuth USER_AUTH: SELECT_CHALLENGE');

  const otp = await request('RespondToAuthChallenge', { ChallengeName: 'SELECT_CHALLENGE', ClientId: CLIENT_ID,
    Session: select.Session, ChallengeResponses: { USERNAME: EMAIL, ANSWER: 'EMAIL_OTP' } });
  assert.equal(otp.ChallengeName, 'EMAIL_OTP');
  assert.equal(otp.ChallengeParameters.CODE_DELIVERY_DELIVERY_MEDIUM, 'EMAIL');
  assert.match(otp.ChallengeParameters.CODE_DELIVERY_DESTINATION, /^.\*\*\*@e\*\*\*\.com$/);
  check('SELECT_CHALLENGE answered EMAIL_OTP: a code mailed');

  const code = await latestSignInCode();
  const wrong = code.slice(0, 7) + (code[7] === '0' ? '1' : '0');
  await refused(request('RespondToAuthChallenge', { ChallengeName: 'EMAIL_OTP', ClientId: CLIENT_ID, Session: otp.Session,
    ChallengeResponses: { USERNAME: EMAIL, EMAIL_OTP_CODE: wrong } }), 'CodeMismatchException',
    'Invalid code or auth state for the user.');
  check('a wrong code: CodeMismatchException');

  const signedIn = await request('RespondToAuthChallenge', { ChallengeName: 'EMAIL_OTP', ClientId: CLIENT_ID,
    Session: otp.Session, ChallengeResponses: { USERNAME: EMAIL, EMAIL_OTP_CODE: code } });
  const user = new CognitoUser({ Username: EMAIL, Pool: pool });
  user.setSignInUserSession(user.getCognitoUserSession(signedIn.AuthenticationResult));
  assert.ok(user.getSignInUserSession().isValid(), 'the library takes the tokens for a valid session');
  const attributes = await new Promise((resolve, reject) => user.getUserAttributes((err, a) => (err ? reject(err) : resolve(a))));
  assert.equal(attributes.find((a) => a.getName() === 'email').getValue(), EMAIL);
  check('the mailed code: signed in, getUserAttributes with its tokens');

  await refused(request('RespondToAuthChallenge', { ChallengeName: 'EMAIL_OTP', ClientId: CLIENT_ID, Session: otp.Session,
    ChallengeResponses: { USERNAME: EMAIL, EMAIL_OTP_CODE: code } }), 'NotAuthorizedException', 'Invalid session for the user.');
  check('the code again: NotAuthorizedException');
}

main().then(
  () => console.log(JSON.stringify({ checks })),
  (err) => {
    console.log(JSON.stringify({ checks, failed: String(err && err.stack || err) }));
    process.exit(1);
  },
);
