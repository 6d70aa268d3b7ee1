// A relying party on openid-client (panva; OpenID Certified), against the embedded pool's OAuth 2.0 /
// OpenID Connect endpoints: discovery, the code flow with PKCE and a nonce (the managed login's form
// filled by HTTP, as a browser would, with its cookies and CSRF field), userInfo, refresh, revocation,
// and the client-credentials grant of a confidential client. Prints one JSON object on stdout; any
// refusal by the library (a token or document that fails its checks) makes the script fail.
//
// Environment: ISSUER, CLIENT_ID, REDIRECT_URI, EMAIL, PASSWORD, CONFIDENTIAL_ID, CONFIDENTIAL_SECRET, CUSTOM_SCOPE.
import * as client from 'openid-client';

const env = process.env;
const insecure = { execute: [client.allowInsecureRequests] };   // the test's pool listens on http://127.0.0.1

/** The managed login, by HTTP: follow the authorization request to the form, post it, answer the redirect to the client. */
async function signInOnTheManagedLogin(authorizationUrl) {
  const jar = new Map();
  const keep = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const get = async (url) => {
    const r = await fetch(url, { redirect: 'manual', headers: { cookie: cookies() } });
    keep(r);
    return r;
  };
  const toLogin = await get(authorizationUrl);
  if (toLogin.status !== 302) throw new Error(`authorize answered ${toLogin.status}: ${await toLogin.text()}`);
  const loginUrl = new URL(toLogin.headers.get('location'), authorizationUrl);
  const page = await get(loginUrl);
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]*)"/.exec(html)[1];
  const posted = await fetch(loginUrl, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: cookies(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username: env.EMAIL, password: env.PASSWORD }),
  });
  keep(posted);
  if (posted.status !== 302) throw new Error(`sign-in answered ${posted.status}: ${await posted.text()}`);
  return new URL(posted.headers.get('location'));
}

const out = {};
const config = await client.discovery(new URL(env.ISSUER), env.CLIENT_ID, undefined, client.None(), insecure);
const metadata = config.serverMetadata();
out.issuer = metadata.issuer;
out.supportsPkce = config.serverMetadata().supportsPKCE();

const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorizationUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: env.REDIRECT_URI, scope: 'openid email profile',
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, nonce,
});
const callback = await signInOnTheManagedLogin(authorizationUrl);
const tokens = await client.authorizationCodeGrant(config, callback,
  { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
const claims = tokens.claims();
out.email = claims.email;
out.nonce = claims.nonce === nonce;
out.sub = claims.sub;

const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
out.userInfoEmail = info.email;

const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
out.refreshedSub = refreshed.claims().sub;

await client.tokenRevocation(config, tokens.refresh_token);
try {
  await client.refreshTokenGrant(config, tokens.refresh_token);
  out.refreshAfterRevoke = 'accepted';
} catch (e) {
  out.refreshAfterRevoke = e.error ?? e.code ?? String(e);
}

const confidential = await client.discovery(new URL(env.ISSUER), env.CONFIDENTIAL_ID, undefined,
  client.ClientSecretBasic(env.CONFIDENTIAL_SECRET), insecure);
const machine = await client.clientCredentialsGrant(confidential, { scope: env.CUSTOM_SCOPE });
out.clientCredentialsScope = JSON.parse(Buffer.from(machine.access_token.split('.')[1], 'base64url')).scope;
out.clientCredentialsHasIdToken = machine.id_token !== undefined;

process.stdout.write(JSON.stringify(out));
