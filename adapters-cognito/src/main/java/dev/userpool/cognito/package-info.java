/**
 * The user directory, the authenticator and the token verifier on an Amazon Cognito user pool, through
 * one shared AWS SDK v2 {@code CognitoIdentityProviderClient}:
 * {@link dev.userpool.cognito.CognitoUserDirectory} (accounts: sign-up, confirmation, lookups, listing,
 * disable/enable/delete), {@link dev.userpool.cognito.CognitoAuthenticator} (sign-in with SRP or a
 * password, refresh, sign-out, password reset and change) and {@link dev.userpool.cognito.CognitoTokenVerifier}
 * (the pool's RS256 tokens against its JWKS).
 *
 * <p>Written for real AWS; where an emulator differs the tests say so, the adapter does not bend. Every
 * failure leaves as a {@link dev.userpool.core.domain.UserPoolException}, translated in one place:
 * {@link dev.userpool.cognito.CognitoSdkFailures}. The SRP arithmetic lives in {@code dev.userpool.cognito.srp}.
 */
package dev.userpool.cognito;
