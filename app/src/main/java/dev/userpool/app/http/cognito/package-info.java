/**
 * The Cognito user-pool API on the app's HTTP port: AWS JSON 1.1 ({@code POST /},
 * {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>}), so that Cognito clients —
 * amazon-cognito-identity-js, the AWS SDKs and CLI, userpool's own Cognito adapter — work against the
 * embedded pool unchanged. Every operation goes through the core's use cases, with their audit events
 * and limits, SRP's first step (InitiateAuth {@code USER_SRP_AUTH}) too. Field names, error types and
 * messages are Cognito's.
 */
package dev.userpool.app.http.cognito;
