/**
 * The user directory, the authenticator and the token verifier on an Amazon Cognito user pool, through
 * one shared AWS SDK v2 {@code CognitoIdentityProviderClient}:
 * {@link dev.userpool.cognito.CognitoUserDirectory} (accounts: sign-up, confirmation, lookups, listing,
 * disable/enable/delete), {@link dev.userpool.cognito.CognitoAuthenticator} (sign-in with SRP or a
 * password, refresh, sign-out, password reset and change) and {@link dev.userpool.cognito.CognitoTokenVerifier}
 * (the pool's RS256 tokens against its JWKS); and {@link dev.userpool.cognito.CognitoAccountImport}, which
 * moves accounts into a pool (AdminCreateUser without mail) for {@code users import --to cognito}.
 *
 * <p>Written for real AWS; where an emulator differs the tests say so, the adapter does not bend. Every
 * failure leaves as a {@link dev.userpool.core.domain.UserPoolException}, translated in one place:
 * {@link dev.userpool.cognito.CognitoSdkFailures}. The SRP arithmetic lives in {@code dev.userpool.cognito.srp}.
 *
 * <p><b>Entry point:</b> a {@link dev.userpool.cognito.CognitoPool} ({@code CognitoPool.onAws(region, poolId)}) and an
 * {@link dev.userpool.cognito.AppClient}, then the three constructors over one {@code CognitoIdentityProviderClient}
 * the caller builds and closes; {@link dev.userpool.cognito.CognitoTokenVerifier} needs no client and also checks a
 * userpool app's tokens (a {@code CognitoPool} with the app's base URL as endpoint). See docs/embedding.md.
 */
package dev.userpool.cognito;
