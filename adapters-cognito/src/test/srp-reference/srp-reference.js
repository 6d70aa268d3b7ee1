'use strict';
// Reference SRP values from the official Cognito JavaScript client (amazon-cognito-identity-js), for
// SrpReferenceVectorsTest. Reads {"cases": [...]} as JSON on stdin; each case gives the inputs of one
// sign-in: poolId, userIdForSrp, username (to sign in with), challengeUsername (the challenge's
// USERNAME; defaults to username), password, a (hex), srpB (hex), salt (hex), secretBlock (base64) and
// epochMillis (the clock). Writes {"results": [...]} on stdout, one result per case.
//
// The library's own sign-in (CognitoUser.authenticateUser, USER_SRP_AUTH) runs against a stand-in
// for its HTTP client that answers InitiateAuth with the case's PASSWORD_VERIFIER challenge and
// records the RespondToAuthChallenge request. Only three things are replaced: the random secret a
// (AuthenticationHelper.generateRandomSmallA), the clock (Date without arguments) and the transport.
// A, u, x, S and the HKDF key are read where the library computes them; TIMESTAMP, the signature and
// the challenge responses are what it would send.

const { AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;

const helper = AuthenticationHelper.prototype;
let current = null; // the case being run and what the library computed for it

helper.generateRandomSmallA = function generateRandomSmallA() {
  return new BigInteger(current.input.a, 16);
};
const calculateS = helper.calculateS;
helper.calculateS = function recordS(xValue, serverBValue, callback) {
  current.x = xValue.toString(16);
  current.u = this.UValue.toString(16);
  current.A = this.largeAValue.toString(16);
  return calculateS.call(this, xValue, serverBValue, (err, sValue) => {
    if (!err) current.S = sValue.toString(16);
    callback(err, sValue);
  });
};
const computehkdf = helper.computehkdf;
helper.computehkdf = function recordKey(ikm, salt) {
  const key = computehkdf.call(this, ikm, salt);
  current.key = Buffer.from(key).toString('hex');
  return key;
};

const RealDate = Date;
function freezeClock(epochMillis) {
  // DateHelper.getNowString() calls `new Date()`; every other use keeps the real Date.
  global.Date = class FrozenDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(epochMillis);
      else super(...args);
    }
  };
}

function runCase(input) {
  return new Promise((resolve) => {
    current = { input };
    freezeClock(input.epochMillis);
    const finish = (result) => {
      global.Date = RealDate;
      resolve(result);
    };
    const pool = new CognitoUserPool({ UserPoolId: input.poolId, ClientId: 'referenceclient' });
    pool.client = {
      request(operation, params, callback) {
        if (operation === 'InitiateAuth') {
          current.srpA = params.AuthParameters.SRP_A;
          callback(null, {
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: 'reference-session',
            ChallengeParameters: {
              SRP_B: input.srpB,
              SALT: input.salt,
              SECRET_BLOCK: input.secretBlock,
              USER_ID_FOR_SRP: input.userIdForSrp,
              USERNAME: input.challengeUsername || input.username,
            },
          });
        } else if (operation === 'RespondToAuthChallenge') {
          const responses = params.ChallengeResponses;
          finish({
            srpA: current.srpA, A: current.A, u: current.u, x: current.x, S: current.S, key: current.key,
            timestamp: responses.TIMESTAMP,
            signature: responses.PASSWORD_CLAIM_SIGNATURE,
            challengeResponses: responses,
          });
        } else {
          finish({ error: 'unexpected operation ' + operation });
        }
      },
    };
    const user = new CognitoUser({ Username: input.username, Pool: pool });
    user.setAuthenticationFlowType('USER_SRP_AUTH');
    const details = new AuthenticationDetails({ Username: input.username, Password: input.password });
    try {
      user.authenticateUser(details, {
        onSuccess: () => finish({ error: 'unexpected success' }),
        onFailure: (err) => finish({ error: String(err && err.message || err) }),
      });
    } catch (err) {
      // the library throws (rather than calling onFailure) when B mod N = 0 or u = 0
      finish({ error: String(err && err.message || err) });
    }
  });
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { cases } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = [];
  for (const input of cases) results.push(await runCase(input));
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});
