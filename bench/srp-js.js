'use strict';
// The official Cognito JavaScript client (amazon-cognito-identity-js, the version pinned for the SRP
// reference tests in adapters-cognito/src/test/srp-reference, installed there by the build's `npm ci`)
// doing the same computation as SrpClientBenchmark.fullClient: a new AuthenticationHelper (random a,
// A = g^a), getPasswordAuthenticationKey (u, x, g^x, S, HKDF) and the PASSWORD_CLAIM_SIGNATURE exactly as
// CognitoUser.authenticateUserDefaultAuth makes it. Also the bare two modPows with the library's
// BigInteger, like SrpClientBenchmark.bareTwoModPows. One thread (Node's), bounded in time:
//
//   node bench/srp-js.js [warm-up seconds = 5] [measured seconds = 20]
const path = require('path');
const crypto = require('crypto');

const libraryDir = path.join(__dirname, '..', 'adapters-cognito', 'src', 'test', 'srp-reference', 'node_modules');
let cognito;
try {
  cognito = require(path.join(libraryDir, 'amazon-cognito-identity-js'));
} catch (err) {
  process.stderr.write(`amazon-cognito-identity-js is not installed: run \`npm ci\` in ${path.dirname(libraryDir)}\n`);
  process.exit(2);
}
const BigInteger = require(path.join(libraryDir, 'amazon-cognito-identity-js', 'lib', 'BigInteger')).default;
const DateHelper = require(path.join(libraryDir, 'amazon-cognito-identity-js', 'lib', 'DateHelper')).default;
const { Sha256 } = require(path.join(libraryDir, '@aws-crypto', 'sha256-js'));
const { AuthenticationHelper } = cognito;

const warmUpSeconds = Number(process.argv[2] || 5);
const measuredSeconds = Number(process.argv[3] || 20);

const helperForN = new AuthenticationHelper('BenchPool1');
const N = helperForN.N;
const g = helperForN.g;
const poolName = 'BenchPool1';
const userId = crypto.randomUUID();
const password = 'Correct-Horse-9!';
const serverB = new BigInteger(crypto.randomBytes(384).toString('hex'), 16).mod(N);
const salt = new BigInteger(crypto.randomBytes(16).toString('hex'), 16);
const secretBlock = crypto.randomBytes(1200);

function fullClient() {
  const helper = new AuthenticationHelper(poolName); // a and A = g^a
  let signature;
  helper.getPasswordAuthenticationKey(userId, password, serverB, salt, (err, hkdf) => {
    if (err) throw err;
    const dateNow = new DateHelper().getNowString();
    const message = Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(userId, 'utf8'), secretBlock, Buffer.from(dateNow, 'utf8')]);
    const hmac = new Sha256(hkdf);
    hmac.update(message);
    signature = Buffer.from(hmac.digestSync()).toString('base64');
  });
  return signature;
}

const SETS = 64;
const bare = [];
for (let i = 0; i < SETS; i++) {
  const a = new BigInteger(crypto.randomBytes(128).toString('hex'), 16);
  const u = new BigInteger(crypto.randomBytes(32).toString('hex'), 16);
  const x = new BigInteger(crypto.randomBytes(32).toString('hex'), 16);
  bare.push({ a, base: new BigInteger(crypto.randomBytes(384).toString('hex'), 16).mod(N), exponent: a.add(u.multiply(x)) });
}
let next = 0;
function bareTwoModPows() {
  const set = bare[next++ % SETS];
  let out;
  g.modPow(set.a, N, (err, A) => { out = A; });
  set.base.modPow(set.exponent, N, (err, S) => { out = S; });
  return out;
}

function measure(name, op) {
  const run = (seconds) => {
    const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
    const start = process.hrtime.bigint();
    let count = 0;
    while (process.hrtime.bigint() < end) {
      if (op() === undefined) throw new Error(name + ' produced nothing');
      count++;
    }
    return count / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  run(warmUpSeconds);
  const perSecond = run(measuredSeconds);
  process.stdout.write(`${name}: ${perSecond.toFixed(2)} ops/s (${measuredSeconds} s after ${warmUpSeconds} s warm-up)\n`);
}

process.stdout.write(`node ${process.version}, amazon-cognito-identity-js ${require(path.join(libraryDir, 'amazon-cognito-identity-js', 'package.json')).version}\n`);
measure('fullClient', fullClient);
measure('bareTwoModPows', bareTwoModPows);
